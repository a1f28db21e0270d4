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

from dataclasses import dataclass
from typing import Sequence

from constructs import Construct

from tomoda_model import SyncPolicy

from .. import layout
from ..base import OutputChart
from ..argo import ArgoTarget, directory_application

ROOT = "bootstrap"  # the root Application's name (reserved: no tenant may take it)


@dataclass(frozen=True)
class Tier:
    """One tier Application: its name (= its directory under k8s/envs), the namespace of
    its objects (Argo CD's own for a tier on another cluster, which holds only Applications:
    remote.py), its sync policy and whether deleting it deletes what it synced."""
    name: str
    namespace: str
    sync: SyncPolicy
    cascade_delete: bool


class Bootstrap(Construct):
    """The root and the tier Applications: the platform tier (in `platform_namespace`,
    synced by `sync`), the `platforms` of the other clusters, and the `tenants`' tiers."""

    def __init__(self, scope: Construct, id: str, *, argo: ArgoTarget, sync: SyncPolicy,
                 platform_namespace: str, tenants: Sequence[Tier],
                 platforms: Sequence[Tier] = ()):
        super().__init__(scope, id)
        root_file = OutputChart(self, "root", output_path=layout.BOOTSTRAP_FILE,
                                namespace=argo.namespace)
        # No cascade: deleting the root by mistake must orphan the estate, not delete it.
        self.root = directory_application(
            root_file, ROOT, argo=argo, name=ROOT, path=layout.ENVS, recurse=False,
            namespace=argo.namespace, sync=sync)
        tiers = OutputChart(self, "tiers", output_path=layout.TIERS_FILE,
                            namespace=argo.namespace)
        # Deleting the platform Application by mistake must not take cert-manager, the CRDs
        # and every custom resource in the cluster with it: no cascade for the platform.
        self.platform = directory_application(
            tiers, layout.PLATFORM_TIER, argo=argo, name=layout.PLATFORM_TIER,
            path=layout.tier_dir(layout.PLATFORM_TIER), namespace=platform_namespace, sync=sync)
        # Another cluster's platform: no cascade either, for the same reason.
        self.platforms = {
            tier.name: directory_application(
                tiers, tier.name, argo=argo, name=tier.name, path=layout.tier_dir(tier.name),
                namespace=tier.namespace, sync=tier.sync, cascade_delete=tier.cascade_delete)
            for tier in platforms}
        # A tenant that prunes (dev) cascades: deleting its Application frees its footprint
        # (seed 000), except what carries Delete=false. A tenant that never prunes (prod)
        # does not: deleting its Application orphans its objects, as removing them from git
        # would (docs/decisions.md, "Deletes").
        self.tenants = {
            tier.name: directory_application(
                tiers, f"tenant-{tier.name}", argo=argo, name=tier.name,
                path=layout.tier_dir(tier.name), namespace=tier.namespace, sync=tier.sync,
                cascade_delete=tier.cascade_delete)
            for tier in tenants
        }
