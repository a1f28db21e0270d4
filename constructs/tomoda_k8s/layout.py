"""Where each Kubernetes file lands, relative to dist/ and inside the GitOps repo.

One place for the convention so that Argo CD Application paths and the files they point
at can never drift apart.
"""
from __future__ import annotations

from tomoda_model import Tenant
from tomoda_model.layout_rules import PLATFORM_TIER  # noqa: F401 (the tier's one name)

ENVS = "k8s/envs"
APPS = "k8s/apps"

BOOTSTRAP_FILE = f"{ENVS}/bootstrap.yaml"   # the root Application, applied by hand once
TIERS_FILE = f"{ENVS}/tiers.yaml"           # one Application per tier, synced by the root


def tier_dir(tier: str) -> str:
    """dist-relative directory of a tier: `platform` or a tenant name."""
    return f"{ENVS}/{tier}"


CLUSTERS = "k8s/clusters"


def wave_dir(cluster: str, tier: str, wave: int) -> str:
    """dist-relative directory of the objects of `tier` that another cluster than Argo CD's
    receives in sync wave `wave` (remote.py)."""
    return f"{CLUSTERS}/{cluster}/{tier}/wave-{wave}"


def app_dir(tenant: Tenant) -> str:
    """dist-relative directory of the Tomoda app rendered for `tenant`."""
    return f"{APPS}/tomoda/{tenant.name}"


# Paths inside the GitOps repo: ArgoTarget.repo_path (platform/argo.py).
