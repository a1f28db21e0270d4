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

from .. import layout
from ..base import DataEndpoints, OutputChart
from ..netpol import Peer, Rule, admit
from ..platform import PlatformServices
from ..waves import depends_on
from .admin_uis import AdminUis
from .app_application import AppApplication
from .postgres import PostgresCluster
from .props import TenantProps
from .redis import RedisRelease


CNPG_STATUS_PORT = 8000    # the instance manager's status API, which the operator polls
CNPG_METRICS_PORT = 9187   # the instance manager's metrics (the PodMonitor)
REDIS_METRICS_PORT = 9121  # the chart's redis-exporter sidecar


class TenantTier(Construct):
    """One tenant's tier from its `props` and the `platform`'s objects (its stores, the
    forward-auth gate, the issuer, the chart pins of its releases, the peers it admits).

    Exposes `endpoints` (what the tenant's app connects to), `postgres`, `redis`, `app`.
    """
    endpoints: DataEndpoints

    def __init__(self, scope: Construct, id: str, *, props: TenantProps,
                 platform: PlatformServices):
        super().__init__(scope, id)
        tenant = props.tenant
        data = platform.data_namespace
        labels = {"tomoda.life/tenant": tenant.name}

        def chart(concern: str) -> OutputChart:
            return OutputChart(self, concern, labels=labels,
                               output_path=f"{layout.tier_dir(tenant.name)}/{concern}.yaml")

        k8s.KubeNamespace(chart("namespace"), "namespace",
                          metadata=k8s.ObjectMeta(name=tenant.namespace))
        store = platform.stores(tenant).gsm
        self.postgres = PostgresCluster(chart("postgres"), "postgres", props=props, namespace=data,
                                        store=store)
        self.redis = RedisRelease(chart("redis"), "redis", props=props, chart=platform.redis,
                                  store=store)
        self.admin_uis = AdminUis(chart("admin-uis"), "admin-uis", props=props,
                                  pgadmin=platform.pgadmin, postgres=self.postgres.rw,
                                  redis=self.redis.master, redis_password=self.redis.password,
                                  store=store, auth=platform.auth, issuer=platform.issuer,
                                  ingress_namespace=platform.ingress_namespace)
        self._chart = chart
        self._platform, self._tenant = platform, tenant
        self.app = AppApplication(chart("app"), "app", props=props,
                                  git_credentials=platform.git_credentials)
        self.endpoints = DataEndpoints(postgres=self.postgres.endpoint, redis=self.redis.master)
        # The app starts once its data plane is up (the Cluster's health: tomoda_tf argocd).
        depends_on(self.app.application, self.postgres.cluster, self.redis.application)

    def admit(self, clients: Sequence[Peer]) -> None:
        """The tenant's stores accept only `clients` (its app's pods), its own admin UIs,
        monitoring's scrapes and the CNPG operator: no other tenant, nothing else."""
        platform = self._platform
        data = platform.data_namespace
        monitoring = Peer(platform.monitoring_namespace)
        chart = self._chart("network-policies")
        pg = self.postgres
        admit(chart, "postgres", name=f"{pg.cluster.name}-clients", namespace=data,
              pods=pg.pod_labels, rules=[
                  Rule((*clients, Peer(data, self.admin_uis.pgadmin.pod_labels),
                        Peer(data, pg.pod_labels)), (pg.rw.port,)),  # + its own replicas
                  Rule((Peer(platform.postgres_operator_namespace),), (CNPG_STATUS_PORT,)),
                  Rule((monitoring,), (CNPG_METRICS_PORT,))])
        redis = self.redis
        rules = [Rule((*clients, Peer(data, self.admin_uis.redis_insight.pod_labels)),
                      (redis.master.port,))]
        if self._tenant.redis.metrics:
            rules.append(Rule((monitoring,), (REDIS_METRICS_PORT,)))
        admit(chart, "redis", name=f"{self._tenant.redis.release}-clients", namespace=data,
              pods=redis.pod_labels, rules=rules)
