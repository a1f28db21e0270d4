"""Wires every Kubernetes construct to the model: the whole k8s/ tree of dist/."""
from __future__ import annotations

import cdk8s

from tomoda_model import Estate

from . import layout
from .app import TomodaApp
from .base import output_charts
from .platform import PlatformTier
from .platform.bootstrap import Bootstrap
from .tenant import TenantTier
from .waves import assign_waves


def build_k8s(app: cdk8s.App, estate: Estate) -> None:
    platform = PlatformTier(app, "platform", estate=estate)
    for tenant in estate.tenants.values():
        tier = TenantTier(app, f"tier-{tenant.name}", estate=estate, tenant=tenant,
                          platform=platform)
        tomoda = TomodaApp(app, f"app-{tenant.name}", estate=estate, tenant=tenant,
                           photon=platform.photon, data=tier.endpoints,
                           otlp=platform.monitoring.otlp,
                           gsm_store=platform.stores(tenant).gsm,
                           aws_store=platform.stores(tenant).aws,
                           issuer=platform.issuer)
        tier.admit(tomoda.data_clients())
    Bootstrap(app, "bootstrap", estate=estate)
    # Last: waves follow from everything the tree holds.
    assign_waves(output_charts(app), layout.repo_path(estate, ""))
