"""A tenant's Redis: one release of the Bitnami chart, installed by an Argo CD Application."""
from __future__ import annotations

import cdk8s
from constructs import Construct

from tomoda_model import Tenant
from tomoda_model.model import HelmChart

from ..base import ServiceEndpoint
from ..argo import helm_application
from .props import TenantProps
from ..chart_facts import redis_master
from ..waves import depends_on
from .argo import sync_annotations
from .secrets import GsmSecret

PORT = 6379
PASSWORD_KEY = "redis-password"  # the chart's default auth.existingSecretPasswordKey

# Bitnami moved every published image to docker.io/bitnamilegacy (Aug 2025) and the
# chart's default tags no longer exist there: pin both images, and let the chart accept
# a non-default repository (`global.security.allowInsecureImages`). These tags get no
# security updates; replacing the chart is the way out (see the decisions).
REDIS_IMAGE = {"repository": "bitnamilegacy/redis", "tag": "8.2.1-debian-12-r0"}
EXPORTER_IMAGE = {"repository": "bitnamilegacy/redis-exporter", "tag": "1.76.0-debian-12-r0"}
EXPORTER_RESOURCES = {"requests": {"cpu": "10m", "memory": "32Mi"},
                      "limits": {"cpu": "100m", "memory": "64Mi"}}


def master_service(release: str, namespace: str, chart: str = "redis") -> ServiceEndpoint:
    """The standalone master's Service, which the chart names `<fullname>-master`
    (Bitnami's fullname is Helm's default rule: the release, or `<release>-<chart>`)."""
    return ServiceEndpoint(redis_master(release, chart), namespace, PORT)


def values(tenant: Tenant, password_secret: str) -> dict:
    r = tenant.redis
    limits = {"cpu": r.cpu_limit, "memory": r.memory_limit}
    metrics: dict = {"enabled": r.metrics}
    if r.metrics:
        metrics.update(image=dict(EXPORTER_IMAGE), resources=EXPORTER_RESOURCES,
                       serviceMonitor={"enabled": True})
    return {
        "global": {"security": {"allowInsecureImages": True}},
        "architecture": "standalone",
        # The password the app sends (its REDIS_PASSWORD) comes from the same Secret Manager
        # secret; the exporter reads it from the same Secret (chart 23.1.1 master/application.yaml).
        "auth": {"enabled": True, "existingSecret": password_secret,
                 "existingSecretPasswordKey": PASSWORD_KEY},
        # The chart's own policy admits every namespace (allowExternal); the tenant tier ships
        # one that admits only the tenant's clients (TenantTier.admit).
        "networkPolicy": {"enabled": False},
        "image": dict(REDIS_IMAGE),
        "master": {
            "persistence": {"enabled": True, "size": r.persistence},
            # Guaranteed QoS, like Postgres: the queue is the last thing to evict.
            "resources": {"requests": dict(limits), "limits": dict(limits)},
        },
        "metrics": metrics,
    }


class RedisRelease(Construct):
    """The tenant's Redis release in the data namespace.

    `.application` is the Argo CD Application; `.master` the endpoint the app uses;
    `.password` the ExternalSecret of the Secret holding its password (key PASSWORD_KEY);
    `.pod_labels` the labels of its server Pod (for NetworkPolicies).
    """

    def __init__(self, scope: Construct, id: str, *, props: TenantProps, chart: HelmChart,
                 store: cdk8s.ApiObject):
        super().__init__(scope, id)
        tenant = props.tenant
        release = tenant.redis.release
        # One model value for both ends: the GSM secret behind the backend's REDIS_PASSWORD.
        self.password = GsmSecret(
            self, "password", name=f"{release}-auth", namespace=chart.namespace, store=store,
            keys={PASSWORD_KEY: props.redis_password},
            keep=True)
        self.application = helm_application(
            self, "application", argo=props.argo, chart=chart,
            values=values(tenant, self.password.secret_name),
            sync=tenant.sync, release=release, annotations=sync_annotations(keep=True),
            cascade_delete=False)
        depends_on(self.application, self.password.resource)
        self.master = master_service(release, chart.namespace, chart.chart)
        self.pod_labels = {"app.kubernetes.io/name": chart.chart,
                           "app.kubernetes.io/instance": release}
