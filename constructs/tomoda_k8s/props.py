"""Resolvers the tiers' props share: the composition roots' common ground (no construct
reads the estate; these turn model values into what constructs take)."""
from __future__ import annotations

from tomoda_model import Estate
from tomoda_model.model import Cluster, WorkloadIdentity

from .argo import ArgoTarget
from .identity import Identity


def identity(estate: Estate, wi: WorkloadIdentity) -> Identity:
    return Identity(ksa=wi.ksa, namespace=wi.namespace, gsa_email=estate.gsa_email(wi))


def argo_target(estate: Estate) -> ArgoTarget:
    return ArgoTarget(estate.argocd.namespace, estate.gitops.repo_url, estate.gitops.branch,
                      estate.gitops.dist_path)


def argo_to(estate: Estate, cluster: Cluster) -> ArgoTarget:
    """Applications deploying to `cluster`: Argo CD's own is `in-cluster`; another is reached
    through its cluster Secret, named after it (tomoda_tf gcp/argocd.py)."""
    on = None if cluster is estate.management_cluster else cluster.name
    return argo_target(estate).on(on)
