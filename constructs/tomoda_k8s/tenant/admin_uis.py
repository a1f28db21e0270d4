"""A tenant's management UIs, pgAdmin and Redis Insight, reachable only through oauth2-proxy.

Both run in the data namespace beside the stores they manage and hold no state worth
keeping: their connections come from the data endpoints at every start.
"""
from __future__ import annotations

import cdk8s
from cdk8s_plus_28 import k8s
from constructs import Construct

from tomoda_model import Tenant
from tomoda_model.model import HelmChart

from ..base import ServiceEndpoint
from ..netpol import Peer, Rule, admit
from ..argo import helm_application
from .. import security
from ..ingress import Route, tls_ingress
from ..chart_facts import helm_fullname
from ..ingress import MiddlewareRef
from ..resources import Resources
from .props import TenantProps
from .secrets import GsmSecret

PGADMIN_PORT = 80               # the chart's service.port
PGADMIN_PASSWORD_KEY = "password"
PGADMIN_RESOURCES = Resources("50m", "128Mi", cpu_limit="500m", memory_limit="512Mi")

# No maintained Helm chart exists for Redis Insight: a Deployment of the official image.
REDIS_INSIGHT_IMAGE = "redis/redisinsight:2.70.1"
REDIS_INSIGHT_PORT = 5540
REDIS_INSIGHT_HEALTH = "/api/health"
REDIS_INSIGHT_RESOURCES = Resources("50m", "128Mi", cpu_limit="500m", memory_limit="512Mi")
# The image's `node` user: its entry script runs `whoami` under `set -e`, which fails for
# a uid without a passwd entry, so a "high" uid would crash it.
REDIS_INSIGHT_UID = 1000
# The only writable paths.
SCRATCH = (security.Scratch("data", "/data", "256Mi"), security.Scratch("tmp", "/tmp", "256Mi"))


class AdminUis(Construct):
    """Both UIs of one tenant, each behind `auth` with a certificate from `issuer`, reachable
    only from the ingress controller's namespace `ingress_namespace`; pgAdmin installs chart
    `pgadmin`."""

    def __init__(self, scope: Construct, id: str, *, props: TenantProps, pgadmin: HelmChart,
                 postgres: ServiceEndpoint, redis: ServiceEndpoint, redis_password: GsmSecret,
                 store: cdk8s.ApiObject, auth: MiddlewareRef, issuer: cdk8s.ApiObject,
                 ingress_namespace: str):
        super().__init__(scope, id)
        tenant = props.tenant
        self.pgadmin = PgAdmin(self, "pgadmin", props=props, chart=pgadmin, postgres=postgres,
                               store=store, ingress_namespace=ingress_namespace)
        self.redis_insight = RedisInsight(self, "redis-insight", tenant=tenant, redis=redis,
                                          password=redis_password,
                                          ingress_namespace=ingress_namespace)
        for ui, host in ((self.pgadmin, tenant.hosts.pgadmin),
                         (self.redis_insight, tenant.hosts.redis_insight)):
            tls_ingress(ui, "ingress", name=ui.service.name, namespace=ui.service.namespace,
                        routes=[Route(host, ui.service)], issuer=issuer, guard=auth.annotations)


class PgAdmin(Construct):
    """pgAdmin (runix chart) pre-loaded with the tenant's Cluster; admin password from GSM."""

    def __init__(self, scope: Construct, id: str, *, props: TenantProps, chart: HelmChart,
                 postgres: ServiceEndpoint, store: cdk8s.ApiObject, ingress_namespace: str):
        super().__init__(scope, id)
        tenant = props.tenant
        release = f"{chart.chart}-{tenant.name}"
        ns = chart.namespace
        password = GsmSecret(self, "password", name=f"{release}-admin", namespace=ns, store=store,
                             keys={PGADMIN_PASSWORD_KEY: props.pgadmin_password})
        pg = tenant.postgres
        values = {
            "env": {"email": f"pgadmin@{props.domain}"},
            "existingSecret": password.secret_name,
            "secretKeys": {"pgadminPasswordKey": PGADMIN_PASSWORD_KEY},
            # Saved state is disposable: servers are re-imported from these values.
            "persistentVolume": {"enabled": False},
            "serverDefinitions": {"enabled": True, "servers": {tenant.name: {
                "Name": pg.cluster, "Group": tenant.name, "Host": postgres.host,
                "Port": postgres.port, "Username": pg.owner, "MaintenanceDB": pg.database,
                "SSLMode": pg.sslmode}}},
            "resources": PGADMIN_RESOURCES.values(),
            "test": {"enabled": False},
            # The chart's policy has no `from` (every pod may reach the login); ours admits
            # only Traefik, whose forward-auth puts oauth2-proxy in front.
            "networkPolicy": {"enabled": False},
        }
        self.application = helm_application(self, "application", argo=props.argo, chart=chart,
                                            values=values, sync=tenant.sync, release=release)
        self.service = ServiceEndpoint(helm_fullname(release, chart.chart), ns, PGADMIN_PORT)
        # The chart's selector labels (app.kubernetes.io/{name,instance}).
        self.pod_labels = {"app.kubernetes.io/name": chart.chart,
                           "app.kubernetes.io/instance": release}
        self.network_policy = admit(self, "network-policy", name=release, namespace=ns,
                                    pods=self.pod_labels,
                                    rules=[Rule((Peer(ingress_namespace),), (PGADMIN_PORT,))])


class RedisInsight(Construct):
    """Redis Insight with the tenant's Redis pre-registered (RI_REDIS_* variables).

    Hardened like the app's pods: non-root, read-only root filesystem (state in /data and
    /tmp emptyDirs), no capabilities, no API token, reachable only from Traefik.
    """

    def __init__(self, scope: Construct, id: str, *, tenant: Tenant, redis: ServiceEndpoint,
                 password: GsmSecret, ingress_namespace: str):
        super().__init__(scope, id)
        name = f"redis-insight-{tenant.name}"
        ns = redis.namespace
        labels = {"app.kubernetes.io/name": "redis-insight", "app.kubernetes.io/instance": name}
        env = {"RI_REDIS_HOST": redis.host, "RI_REDIS_PORT": str(redis.port),
               "RI_REDIS_ALIAS": tenant.redis.release}
        http = k8s.IntOrString.from_string("http")
        health = k8s.HttpGetAction(path=REDIS_INSIGHT_HEALTH, port=http)
        self.deployment = k8s.KubeDeployment(
            self, "deployment",
            metadata=k8s.ObjectMeta(name=name, namespace=ns, labels=labels),
            spec=k8s.DeploymentSpec(
                replicas=1,
                selector=k8s.LabelSelector(match_labels=labels),
                template=k8s.PodTemplateSpec(
                    metadata=k8s.ObjectMeta(labels=labels),
                    spec=k8s.PodSpec(
                        automount_service_account_token=False,
                        security_context=security.pod_security(REDIS_INSIGHT_UID),
                        containers=[k8s.Container(
                            name="redis-insight", image=REDIS_INSIGHT_IMAGE,
                            ports=[k8s.ContainerPort(name="http", container_port=REDIS_INSIGHT_PORT)],
                            env=[k8s.EnvVar(name=k, value=v) for k, v in env.items()] + [
                                k8s.EnvVar(name="RI_REDIS_PASSWORD", value_from=k8s.EnvVarSource(
                                    secret_key_ref=k8s.SecretKeySelector(
                                        name=password.secret_name, key=password.key)))],
                            volume_mounts=security.mounts(SCRATCH),
                            readiness_probe=k8s.Probe(http_get=health),
                            liveness_probe=k8s.Probe(http_get=health, period_seconds=20,
                                                     failure_threshold=6),
                            security_context=security.container_security(),
                            resources=REDIS_INSIGHT_RESOURCES.requirements())],
                        volumes=security.volumes(SCRATCH)))))
        self.service_object = k8s.KubeService(
            self, "service",
            metadata=k8s.ObjectMeta(name=name, namespace=ns, labels=labels),
            spec=k8s.ServiceSpec(selector=labels, ports=[k8s.ServicePort(
                name="http", port=REDIS_INSIGHT_PORT, target_port=http)]))
        self.service = ServiceEndpoint.of(self.service_object, REDIS_INSIGHT_PORT)
        self.pod_labels = labels
        self.network_policy = admit(self, "network-policy", name=name, namespace=ns, pods=labels,
                                    labels=labels,
                                    rules=[Rule((Peer(ingress_namespace),), (REDIS_INSIGHT_PORT,))])
