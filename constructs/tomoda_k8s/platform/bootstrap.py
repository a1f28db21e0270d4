"""The bootstrap: one root Application, applied by hand once, that manages itself and one
Application per tier.

`bootstrap.yaml` holds only the root Application. It syncs the files directly in
`k8s/envs/` - `bootstrap.yaml` itself and `tiers.yaml` - so a new tier or tenant is a
change in git that the root picks up, never a second `kubectl apply`. The tier
Applications carry sync waves (`waves.py`): every tenant tier waits until the platform
tier, whose operators and CRDs it needs, is healthy.

Each tier Application recurses its dist/ directory; what a tier contains is decided by that
tier's constructs, never here.
"""
from __future__ import annotations

from constructs import Construct

from tomoda_model import Estate

from .. import layout
from ..base import OutputChart
from .argo import directory_application

PLATFORM_TIER = "platform"
ROOT = "bootstrap"  # the root Application's name (reserved: no tenant may take it)


class Bootstrap(Construct):
    def __init__(self, scope: Construct, id: str, *, estate: Estate):
        super().__init__(scope, id)
        envs = layout.repo_path(estate, layout.ENVS)
        root_file = OutputChart(self, "root", output_path=layout.BOOTSTRAP_FILE,
                                namespace=estate.argocd.namespace)
        # No cascade: deleting the root by mistake must orphan the estate, not delete it.
        self.root = directory_application(
            root_file, ROOT, estate=estate, name=ROOT, path=envs, recurse=False,
            namespace=estate.argocd.namespace, sync=estate.platform.sync)
        tiers = OutputChart(self, "tiers", output_path=layout.TIERS_FILE,
                            namespace=estate.argocd.namespace)
        # Deleting the platform Application by mistake must not take cert-manager, the CRDs
        # and every custom resource in the cluster with it: no cascade for the platform.
        self.platform = directory_application(
            tiers, PLATFORM_TIER, estate=estate, name=PLATFORM_TIER,
            path=layout.repo_path(estate, layout.tier_dir(PLATFORM_TIER)),
            namespace=estate.platform.namespace, sync=estate.platform.sync)
        # A tenant that prunes (dev) cascades: deleting its Application frees its footprint
        # (seed 000), except what carries Delete=false. A tenant that never prunes (prod)
        # does not: deleting its Application orphans its objects, as removing them from git
        # would (docs/decisions.md, "Deletes").
        self.tenants = {
            tenant.name: directory_application(
                tiers, f"tenant-{tenant.name}", estate=estate, name=tenant.name,
                path=layout.repo_path(estate, layout.tier_dir(tenant.name)),
                namespace=tenant.namespace, sync=tenant.sync,
                cascade_delete=tenant.sync.prune)
            for tenant in estate.tenants.values()
        }
