"""bootstrap.yaml: the only file applied by hand. One Argo CD Application per tier.

Each tier Application recurses its dist/ directory; what a tier contains is decided by
that tier's constructs, never here. A new tenant file in config/tenants/ gets its own
Application with no change to this module.
"""
from __future__ import annotations

from constructs import Construct

from tomoda_model import Estate

from .. import layout
from ..base import OutputChart
from .argo import directory_application

PLATFORM_TIER = "platform"


class Bootstrap(Construct):
    def __init__(self, scope: Construct, id: str, *, estate: Estate):
        super().__init__(scope, id)
        chart = OutputChart(self, "chart", output_path=layout.BOOTSTRAP_FILE,
                            namespace=estate.argocd.namespace)
        # Deleting the platform Application by mistake must not take cert-manager, the CRDs
        # and every custom resource in the cluster with it: no cascade for the platform.
        self.platform = directory_application(
            chart, PLATFORM_TIER, estate=estate, name=PLATFORM_TIER,
            path=layout.repo_path(estate, layout.tier_dir(PLATFORM_TIER)),
            namespace=estate.platform.namespace, sync=estate.platform.sync)
        # Tenants cascade: deleting a tenant's Application frees its footprint (seed 000),
        # except stateful objects, which carry Prune=false,Delete=false themselves.
        self.tenants = {
            tenant.name: directory_application(
                chart, f"tenant-{tenant.name}", estate=estate, name=tenant.name,
                path=layout.repo_path(estate, layout.tier_dir(tenant.name)),
                namespace=tenant.namespace, sync=tenant.sync, cascade_delete=True)
            for tenant in estate.tenants.values()
        }
