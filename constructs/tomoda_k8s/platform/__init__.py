"""The platform tier (issue 4): cluster-wide services, one instance, in k8s/envs/platform/.

Every Helm-installed service is a `HelmService` (kit.py): an Argo CD Application pinned to an
exact chart version from the model, with the objects around it (secrets, ingresses, the
issuer, stores, the forward-auth gate); the other objects (probes, rules, dashboards,
Photon) are typed cdk8s objects, one file per concern. The tier reads the model only
through `PlatformProps` (props.py) and hands tenants a `PlatformServices` of objects.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional

import cdk8s
from constructs import Construct

from imports.io.external_secrets import ExternalSecret
from tomoda_model import Tenant
from tomoda_model.model import HelmChart

from ..base import PublishedEndpoint, ServiceEndpoint
from .alerts import AlertRules
from .argocd_ingress import ArgoCdIngress
from .cert_manager import CertManager
from .cnpg_operator import CnpgOperator
from ..ingress import MiddlewareRef
from .dashboards import Dashboards
from .external_dns import ExternalDns
from .external_secrets import ExternalSecrets, TenantStores
from .gitops_repo import GitOpsRepository
from .image_updater import ImageUpdater
from .kit import CORE_CHARTS, HelmService, PlatformKit, extra_service
from .monitoring import DASHBOARD_LABEL, DASHBOARD_LABEL_VALUE, Monitoring, MonitoringProps
from .namespaces import Namespaces
from .oauth2_proxy import OAuth2Proxy
from .photon import Photon
from .probes import PublicProbes
from .props import PlatformProps
from .traefik import Traefik


@dataclass(frozen=True)
class PlatformServices:
    """What the tenant tiers and apps take from the platform, as objects.

    `issuer`: the ClusterIssuer; `auth`: the oauth2-proxy forward-auth Middleware as an
    Ingress names it; `stores(tenant)`: the tenant's ClusterSecretStores; `git_credentials`:
    the Secret Image Updater writes back with (on Argo CD's cluster); `photon`, `otlp`: the
    geocoder's endpoint (its published address on another cluster than its own) and the
    trace collector's; `ingress_namespace`, `monitoring_namespace`,
    `postgres_operator_namespace`: the peers a tenant's policies admit; `redis`, `pgadmin`:
    the chart pins of the tenants' own releases, and `data_namespace` where they run.
    """
    issuer: cdk8s.ApiObject
    auth: MiddlewareRef
    tenant_stores: Mapping[str, TenantStores]
    git_credentials: Optional[ExternalSecret]
    photon: Optional[ServiceEndpoint | PublishedEndpoint]
    otlp: ServiceEndpoint
    ingress_namespace: str
    monitoring_namespace: str
    postgres_operator_namespace: str
    redis: HelmChart
    pgadmin: HelmChart
    data_namespace: str

    def stores(self, tenant: Tenant) -> TenantStores:
        return self.tenant_stores[tenant.name]


class PlatformTier(Construct):
    """Builds every platform service from `props`; `.services` is what tenants take.

    `.extras`: the services of charts outside the core (kit.CORE_CHARTS), each found by its
    model key in `platform/services/`.
    """

    def __init__(self, scope: Construct, id: str, *, props: PlatformProps):
        super().__init__(scope, id)
        self.tier_name = props.tier  # platform_file() writes under it (common.TIER_ATTRIBUTE)
        charts, secrets, svc = props.charts, props.secrets, props.service
        self.cert_manager = CertManager(self, "cert-manager", props=svc("cert-manager"),
                                        acme_email=props.acme_email)
        self.issuer = self.cert_manager.issuer
        self.traefik = Traefik(self, "traefik", props=svc("traefik"))
        self.external_secrets = ExternalSecrets(
            self, "external-secrets", props=svc("external-secrets"),
            controller=props.identities["external_secrets"], secret_scope=props.secret_scope,
            platform_namespaces=[c.namespace for c in charts.values()
                                 if c.namespace != props.data_namespace] + [props.argo.namespace],
            tenants=props.tenants, data_namespace=props.data_namespace)
        store = self.external_secrets.platform
        if props.manages_argocd:
            self.gitops_repository = GitOpsRepository(self, "gitops-repository", argo=props.argo,
                                                      token=props.gitops_credentials, store=store)
        self.external_dns = ExternalDns(self, "external-dns", props=svc("external-dns"),
                                        store=store, token=secrets["cloudflare_api_token"],
                                        domain=props.domain, owner_id=props.dns_owner_id)
        self.oauth2_proxy = OAuth2Proxy(self, "oauth2-proxy", props=svc("oauth2-proxy"),
                                        store=store, issuer=self.issuer,
                                        host=props.hosts["oauth2_proxy"], domain=props.domain,
                                        secrets=dict(secrets))
        auth = self.oauth2_proxy.ref
        self.monitoring = Monitoring(
            self, "monitoring", store=store, auth=auth, issuer=self.issuer,
            props=MonitoringProps(kps=svc("kube-prometheus-stack"), loki=svc("loki"),
                                  tempo=svc("tempo"), alloy=svc("alloy"),
                                  blackbox=svc("blackbox-exporter"), hosts=props.hosts,
                                  alerting=props.alerting,
                                  grafana_admin=secrets["grafana_admin_password"]))
        ns = self.monitoring.namespace
        tenants = [f.tenant for f in props.tenants]
        self.probes = PublicProbes(self, "probes", namespace=ns, tenants=tenants,
                                   prober_address=self.monitoring.blackbox_address,
                                   argocd_host=props.argocd.host if props.manages_argocd else None,
                                   sso_host=props.hosts["oauth2_proxy"])
        redis = charts["redis"]
        self.alerts = AlertRules(self, "alerts", namespace=ns, tenants=tenants,
                                 data_namespace=props.data_namespace, redis_chart=redis.chart)
        git_credentials = None
        if props.manages_argocd:  # Argo CD's own cluster: its UI and Image Updater beside it
            self.argocd_ingress = ArgoCdIngress(self, "argocd-ingress", server=props.argocd,
                                                namespace=props.argo.namespace, issuer=self.issuer)
            self.image_updater = ImageUpdater(
                self, "image-updater", props=svc("argocd-image-updater"), store=store,
                identity=props.identities["image_updater"], registry_host=props.registry_host,
                git_token=secrets["image_updater_git_token"])
            git_credentials = self.image_updater.git_credentials
        self.cnpg = CnpgOperator(self, "cloudnative-pg", props=svc("cloudnative-pg"),
                                 plugin=charts["plugin-barman-cloud"])
        self.photon: Optional[ServiceEndpoint | PublishedEndpoint] = None
        self.photon_published: Optional[PublishedEndpoint] = None
        photon_deployment = None
        if props.photon is not None:
            self._photon = Photon(self, "photon", p=props.photon, argo=props.argo, sync=props.sync,
                                  tenant_namespaces=[t.namespace for t in tenants],
                                  reach=props.photon_reach)
            self.photon, self.photon_published = self._photon.endpoint, self._photon.published
            photon_deployment = self._photon.deployment
        self.dashboards = Dashboards(self, "dashboards", namespace=ns, label=DASHBOARD_LABEL,
                                     label_value=DASHBOARD_LABEL_VALUE, tenants=tenants,
                                     data_namespace=props.data_namespace, redis_chart=redis.chart,
                                     photon=photon_deployment)
        kit = PlatformKit(store=store, issuer=self.issuer, auth=auth, domain=props.domain,
                          secrets=secrets, hosts=props.hosts, identities=props.identities)
        self.extras: dict[str, HelmService] = {
            key: extra_service(self, svc(key), kit) for key in charts if key not in CORE_CHARTS}
        # Last: every namespace the tier writes an object into, before its release exists.
        self.namespaces = Namespaces(self, "namespaces",
                                     names=self._written_namespaces(props.argo.namespace),
                                     keep=[props.data_namespace])
        self.services = PlatformServices(
            issuer=self.issuer, auth=auth, tenant_stores=self.external_secrets.tenants,
            git_credentials=git_credentials, photon=self.photon,
            otlp=self.monitoring.otlp, ingress_namespace=self.traefik.namespace,
            monitoring_namespace=ns, postgres_operator_namespace=self.cnpg.namespace,
            redis=redis, pgadmin=charts["pgadmin4"], data_namespace=props.data_namespace)

    def _written_namespaces(self, argocd_namespace: str) -> set[str]:
        """Namespaces of the objects this tier renders (Argo CD's exists before any tier)."""
        return {n.metadata.namespace for n in self.node.find_all()
                if isinstance(n, cdk8s.ApiObject) and n.metadata.namespace
                and n.metadata.namespace != argocd_namespace}
