"""A tenant tier (issue 4): the tenant's data plane, its management UIs and its app.

Everything lands in `k8s/envs/<tenant>/`, one file per concern. Stores live in the shared
data namespace (created by the platform tier), distinguished by name; the tenant's own
namespace is created here. Every value comes from the tenant's model: a new tenant file
is a new tier, with no code change.
"""
from __future__ import annotations

from cdk8s_plus_28 import k8s
from constructs import Construct

from tomoda_model import Estate, Tenant

from .. import layout
from ..base import DataEndpoints, OutputChart
from .admin_uis import AdminUis
from .app_application import AppApplication
from .postgres import PostgresCluster
from .redis import RedisRelease


class TenantTier(Construct):
    """`platform` provides, as objects: `gsm_store` (ClusterSecretStore), `auth_middleware`
    (oauth2-proxy forward-auth Middleware) and `issuer` (ClusterIssuer).

    Exposes `endpoints` (what the tenant's app connects to), `postgres`, `redis`, `app`.
    """
    endpoints: DataEndpoints

    def __init__(self, scope: Construct, id: str, *, estate: Estate, tenant: Tenant, platform):
        super().__init__(scope, id)
        labels = {"tomoda.life/tenant": tenant.name}

        def chart(concern: str) -> OutputChart:
            return OutputChart(self, concern, labels=labels,
                               output_path=f"{layout.tier_dir(tenant.name)}/{concern}.yaml")

        k8s.KubeNamespace(chart("namespace"), "namespace",
                          metadata=k8s.ObjectMeta(name=tenant.namespace))
        self.postgres = PostgresCluster(chart("postgres"), "postgres", estate=estate, tenant=tenant,
                                        store=platform.gsm_store)
        self.redis = RedisRelease(chart("redis"), "redis", estate=estate, tenant=tenant)
        self.admin_uis = AdminUis(chart("admin-uis"), "admin-uis", estate=estate, tenant=tenant,
                                  postgres=self.postgres.rw, redis=self.redis.master,
                                  store=platform.gsm_store, middleware=platform.auth_middleware,
                                  issuer=platform.issuer)
        self.app = AppApplication(chart("app"), "app", estate=estate, tenant=tenant,
                                  git_credentials=platform.image_updater.git_credentials)
        self.endpoints = DataEndpoints(postgres=self.postgres.endpoint, redis=self.redis.master)
