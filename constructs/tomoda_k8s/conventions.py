"""Names fixed by the tools we deploy (Argo CD, GKE, Traefik), in one place.

These are protocol strings, not values of the estate: changing one means a different tool
behaviour, never a different tenant, which is why they are not in the model.
"""
from __future__ import annotations

# GKE Workload Identity: the Kubernetes service account annotation naming the GCP account.
WI_ANNOTATION = "iam.gke.io/gcp-service-account"

# Argo CD: per-object sync options, and the finalizer that makes deleting an Application
# delete what it deployed.
SYNC_OPTIONS = "argocd.argoproj.io/sync-options"
CASCADE_FINALIZER = "resources-finalizer.argocd.argoproj.io"
KEEP_OPTIONS = "Prune=false,Delete=false"  # stateful: never pruned, never cascaded
CRD_PENDING_OPTIONS = "SkipDryRunOnMissingResource=true"  # CRD installed by a sibling chart

# The IngressClass the Traefik release registers and every Ingress uses.
INGRESS_CLASS = "traefik"

# Argo CD: the order of objects within one sync (lower first; a wave waits for the health of
# the previous one). Values are derived by tomoda_k8s.waves, never typed per object.
SYNC_WAVE = "argocd.argoproj.io/sync-wave"

# How a parent Application waits for a child (shared with the Argo CD install).
from tomoda_model.protocols import HEALTH_GATE, HEALTH_GATE_SYNC_ONLY  # noqa: E402,F401
