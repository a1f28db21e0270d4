"""A tenant tier (issue 4): the tenant's data plane, its management UIs and its app.

Everything lands in `k8s/envs/<tenant>/`, one file per concern. Stores live in the shared
data namespace (created by the platform tier), distinguished by name; the tenant's own
namespace is created here. Every value comes from the tenant's model: a new tenant file
is a new tier, with no code change.
"""
from __future__ import annotations

from typing import Sequence

from cdk8s_plus_28 import k8s
from constructs import Construct

from tomoda_model import Estate, Tenant

from .. import layout
from ..base import DataEndpoints, OutputChart
from ..netpol import Peer, Rule, admit
from ..waves import depends_on
from .admin_uis import AdminUis
from .app_application import AppApplication
from .postgres import PostgresCluster
from .redis import RedisRelease


CNPG_STATUS_PORT = 8000    # the instance manager's status API, which the operator polls
CNPG_METRICS_PORT = 9187   # the instance manager's metrics (the PodMonitor)
REDIS_METRICS_PORT = 9121  # the chart's redis-exporter sidecar


class TenantTier(Construct):
    """`platform` provides, as objects: `stores(tenant)` (the tenant's ClusterSecretStores), `auth_middleware`
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
        store = platform.stores(tenant).gsm
        self.postgres = PostgresCluster(chart("postgres"), "postgres", estate=estate, tenant=tenant,
                                        store=store)
        self.redis = RedisRelease(chart("redis"), "redis", estate=estate, tenant=tenant,
                                  store=store)
        self.admin_uis = AdminUis(chart("admin-uis"), "admin-uis", estate=estate, tenant=tenant,
                                  postgres=self.postgres.rw, redis=self.redis.master,
                                  redis_password=self.redis.password,
                                  store=store, middleware=platform.auth_middleware,
                                  issuer=platform.issuer)
        self._chart = chart
        self._estate, self._tenant = estate, tenant
        self.app = AppApplication(chart("app"), "app", estate=estate, tenant=tenant,
                                  git_credentials=platform.image_updater.git_credentials)
        self.endpoints = DataEndpoints(postgres=self.postgres.endpoint, redis=self.redis.master)
        # The app starts once its data plane is up (the Cluster's health: tomoda_tf argocd).
        depends_on(self.app.application, self.postgres.cluster, self.redis.application)

    def admit(self, clients: Sequence[Peer]) -> None:
        """The tenant's stores accept only `clients` (its app's pods), its own admin UIs,
        monitoring's scrapes and the CNPG operator: no other tenant, nothing else."""
        estate, data = self._estate, self._estate.data_namespace
        charts = estate.platform.charts
        monitoring = Peer(charts["kube-prometheus-stack"].namespace)
        chart = self._chart("network-policies")
        pg = self.postgres
        admit(chart, "postgres", name=f"{pg.cluster.name}-clients", namespace=data,
              pods=pg.pod_labels, rules=[
                  Rule((*clients, Peer(data, self.admin_uis.pgadmin.pod_labels),
                        Peer(data, pg.pod_labels)), (pg.rw.port,)),  # + its own replicas
                  Rule((Peer(charts["cloudnative-pg"].namespace),), (CNPG_STATUS_PORT,)),
                  Rule((monitoring,), (CNPG_METRICS_PORT,))])
        redis = self.redis
        rules = [Rule((*clients, Peer(data, self.admin_uis.redis_insight.pod_labels)),
                      (redis.master.port,))]
        if self._tenant.redis.metrics:
            rules.append(Rule((monitoring,), (REDIS_METRICS_PORT,)))
        admit(chart, "redis", name=f"{self._tenant.redis.release}-clients", namespace=data,
              pods=redis.pod_labels, rules=rules)
