"""Kubernetes construct library (cdk8s). Every construct is a pure function of the model."""
