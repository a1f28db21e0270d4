"""GCP constructs of the `gcp` and `gcp-argocd` stacks."""
