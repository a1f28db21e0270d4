"""Wires every Kubernetes construct to the model: the whole k8s/ tree of dist/."""
from __future__ import annotations

import cdk8s

from tomoda_model import Estate

from .app import TomodaApp
from .platform import PlatformTier
from .platform.bootstrap import Bootstrap
from .tenant import TenantTier


def build_k8s(app: cdk8s.App, estate: Estate) -> None:
    platform = PlatformTier(app, "platform", estate=estate)
    for tenant in estate.tenants.values():
        tier = TenantTier(app, f"tier-{tenant.name}", estate=estate, tenant=tenant,
                          platform=platform)
        TomodaApp(app, f"app-{tenant.name}", estate=estate, tenant=tenant,
                  photon=platform.photon, data=tier.endpoints,
                  gsm_store=platform.gsm_store, aws_store=platform.aws_store,
                  issuer=platform.issuer)
    Bootstrap(app, "bootstrap", estate=estate)
