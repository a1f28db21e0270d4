"""Contracts between the two layers that are not values of the estate: names that the
Terraform-installed Argo CD and the Kubernetes objects it syncs must agree on.

They live beside the model because both layers read them (and both synthesis targets hash
this package), not because an operator would ever change them.
"""
from __future__ import annotations

# Our Application health check (argoproj.io_Application, installed with Argo CD) reports an
# Application annotated with HEALTH_GATE: HEALTH_GATE_SYNC_ONLY as Healthy to its parent once
# it is Synced, whatever its own health: for a workload nothing waits for and that takes
# hours to become ready (Photon's first index download).
HEALTH_GATE = "tomoda.life/health-gate"
HEALTH_GATE_SYNC_ONLY = "synced"

# The label Argo CD writes on every object it applies, naming the Application that manages
# it (argo-cd chart 7.7.13 sets configs.cm application.instanceLabelKey to this; our install
# states it explicitly). Admission policies may trust it: Argo CD overwrites it on apply.
TRACKING_LABEL = "argocd.argoproj.io/instance"
