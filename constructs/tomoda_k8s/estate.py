"""Wires every Kubernetes construct to the model: the whole k8s/ tree of dist/.

The composition root: the only Kubernetes code that reads the estate. It resolves the
platform's and each tenant's props (platform/props.py, tenant/props.py) and hands objects
from one construct to the next: each cluster's platform tier to the tenants on it, the
objects one cluster publishes (Photon's address, Image Updater's credentials on Argo CD's
cluster) to the others.
"""
from __future__ import annotations

import dataclasses

import cdk8s

from tomoda_model import Estate

from .app import TomodaApp
from .base import output_charts
from .platform import PlatformServices, PlatformTier
from .platform.bootstrap import Bootstrap, Tier
from .platform.props import platform_props
from .props import argo_to
from .remote import RemoteTier
from .tenant import TenantTier
from .tenant.props import tenant_props
from .waves import assign_waves


def _platforms(app: cdk8s.App, estate: Estate) -> dict[str, tuple[PlatformTier, PlatformServices]]:
    """Each cluster's platform tier (Argo CD's cluster first, keeping the id it always had),
    its services completed with what other clusters publish."""
    tiers = {}
    for cluster in estate.clusters:
        props = platform_props(estate, cluster)
        tiers[cluster.name] = PlatformTier(app, props.tier, props=props)
    home = tiers[estate.management_cluster.name]
    photon = tiers[estate.photon_cluster().name]
    out = {}
    for name, tier in tiers.items():
        services = tier.services
        if tier is not home:
            services = dataclasses.replace(services, git_credentials=home.services.git_credentials)
        if tier is not photon:
            services = dataclasses.replace(services, photon=photon.photon_published)
        out[name] = (tier, services)
    return out


def build_k8s(app: cdk8s.App, estate: Estate) -> None:
    platforms = _platforms(app, estate)
    for tenant in estate.tenants.values():
        platform = platforms[estate.cluster_of(tenant).name][1]
        tp = tenant_props(estate, tenant)
        tier = TenantTier(app, f"tier-{tenant.name}", props=tp, platform=platform)
        tomoda = TomodaApp(app, f"app-{tenant.name}", props=tp, data=tier.endpoints,
                           platform=platform)
        tier.admit(tomoda.data_clients())
    argo = argo_to(estate, estate.management_cluster)
    # A tier on another cluster holds only Applications, in Argo CD's namespace (remote.py).
    home = estate.management_cluster
    tenant_tiers = [Tier(t.name, t.namespace if estate.cluster_of(t) is home else argo.namespace,
                         t.sync, t.sync.prune) for t in estate.tenants.values()]
    platform_tiers = [Tier(platforms[c.name][0].tier_name, argo.namespace, estate.platform.sync, False)
                      for c in estate.clusters[1:]]
    Bootstrap(app, "bootstrap", argo=argo, sync=estate.platform.sync,
              platform_namespace=estate.platform.namespace, tenants=tenant_tiers,
              platforms=platform_tiers)
    # Then: waves follow from everything the tree holds.
    assign_waves(output_charts(app), argo.repo_path(""))
    # Last: the tiers of other clusters send their objects there, wave by wave.
    for cluster in estate.clusters[1:]:
        target = argo_to(estate, cluster)
        RemoteTier(app, f"remote-{cluster.name}", app=app, tier=platforms[cluster.name][0].tier_name,
                   argo=target, namespace=estate.platform.namespace, sync=estate.platform.sync,
                   cascade_delete=False)
        for t in estate.tenants_on(cluster):
            tier = RemoteTier(app, f"remote-{t.name}", app=app, tier=t.name, argo=target,
                              namespace=t.namespace, sync=t.sync, cascade_delete=t.sync.prune)
            # Argo CD labels each object with the Application that syncs it: the store policy
            # must know the wave Applications as the tenant's.
            platforms[cluster.name][0].external_secrets.admit(
                [a.name for a in tier.applications.values()], t.name)
