"""Wires every Kubernetes construct to the model: the whole k8s/ tree of dist/.

The composition root: the only Kubernetes code that reads the estate. It resolves the
platform's and each tenant's props (platform/props.py, tenant/props.py) and hands objects
from one construct to the next.
"""
from __future__ import annotations

import cdk8s

from tomoda_model import Estate

from .app import TomodaApp
from .base import output_charts
from .platform import PlatformTier
from .platform.bootstrap import Bootstrap
from .platform.props import platform_props
from .tenant import TenantTier
from .tenant.props import tenant_props
from .waves import assign_waves


def build_k8s(app: cdk8s.App, estate: Estate) -> None:
    props = platform_props(estate)
    platform = PlatformTier(app, "platform", props=props).services
    for tenant in estate.tenants.values():
        tp = tenant_props(estate, tenant)
        tier = TenantTier(app, f"tier-{tenant.name}", props=tp, platform=platform)
        tomoda = TomodaApp(app, f"app-{tenant.name}", props=tp, data=tier.endpoints,
                           platform=platform)
        tier.admit(tomoda.data_clients())
    Bootstrap(app, "bootstrap", argo=props.argo, sync=props.sync,
              platform_namespace=estate.platform.namespace, tenants=list(estate.tenants.values()))
    # Last: waves follow from everything the tree holds.
    assign_waves(output_charts(app), props.argo.repo_path(""))
