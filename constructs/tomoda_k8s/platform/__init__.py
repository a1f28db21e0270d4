"""The platform tier (issue 4): cluster-wide services, one instance, in k8s/envs/platform/.

Every Helm-installed service is an Argo CD Application pinned to an exact chart version
from the model; the objects around it (issuer, stores, secrets, ingresses, probes, rules,
dashboards, Photon) are typed cdk8s objects, one file per service.
"""
from __future__ import annotations

from constructs import Construct

from imports.io.traefik import Middleware
from tomoda_model import Estate

from ..base import ServiceEndpoint
from .alerts import AlertRules
from .argocd_ingress import ArgoCdIngress
from .cert_manager import CertManager
from .cnpg_operator import CnpgOperator
from .common import MiddlewareRef
from .dashboards import Dashboards
from .external_dns import ExternalDns
from .external_secrets import ExternalSecrets
from .gitops_repo import GitOpsRepository
from .image_updater import ImageUpdater
from .monitoring import DASHBOARD_LABEL, DASHBOARD_LABEL_VALUE, Monitoring
from .namespaces import Namespaces
from .oauth2_proxy import OAuth2Proxy
from .photon import Photon
from .probes import PublicProbes
from .traefik import Traefik


class PlatformTier(Construct):
    """Exposes what other tiers consume, as objects:

    - `photon`: the Photon Service endpoint (PHOTON_URL of every tenant's backend);
    - `auth_middleware`: the oauth2-proxy forward-auth Middleware object, and
      `auth_middleware_ref` with its Ingress annotation (`.annotation`, `.annotations`);
    - `gsm_store`: the platform's ClusterSecretStore; `stores(tenant)`: a tenant's stores;
    - `issuer`: the letsencrypt-prod ClusterIssuer.
    """
    photon: ServiceEndpoint
    auth_middleware: Middleware
    auth_middleware_ref: MiddlewareRef

    def __init__(self, scope: Construct, id: str, *, estate: Estate):
        super().__init__(scope, id)
        charts = estate.platform.charts
        self.cert_manager = CertManager(self, "cert-manager", estate=estate)
        self.issuer = self.cert_manager.issuer
        self.traefik = Traefik(self, "traefik", estate=estate)
        self.external_secrets = ExternalSecrets(
            self, "external-secrets", estate=estate,
            platform_namespaces=[c.namespace for c in charts.values()
                                 if c.namespace != estate.data_namespace] + [estate.argocd.namespace])
        self.gsm_store = self.external_secrets.platform
        self.gitops_repository = GitOpsRepository(self, "gitops-repository", estate=estate,
                                                  store=self.gsm_store)
        self.external_dns = ExternalDns(self, "external-dns", estate=estate, store=self.gsm_store)
        self.oauth2_proxy = OAuth2Proxy(self, "oauth2-proxy", estate=estate, store=self.gsm_store,
                                        issuer=self.issuer)
        self.auth_middleware = self.oauth2_proxy.middleware
        self.auth_middleware_ref = self.oauth2_proxy.ref
        self.monitoring = Monitoring(self, "monitoring", estate=estate, store=self.gsm_store,
                                     auth=self.auth_middleware_ref, issuer=self.issuer)
        ns = self.monitoring.namespace
        self.probes = PublicProbes(self, "probes", estate=estate, namespace=ns,
                                   prober_address=self.monitoring.blackbox_address)
        self.alerts = AlertRules(self, "alerts", estate=estate, namespace=ns)
        self.argocd_ingress = ArgoCdIngress(self, "argocd-ingress", estate=estate,
                                            issuer=self.issuer)
        self.image_updater = ImageUpdater(self, "image-updater", estate=estate,
                                          store=self.gsm_store)
        self.cnpg = CnpgOperator(self, "cloudnative-pg", estate=estate)
        self._photon = Photon(self, "photon", estate=estate)
        self.photon = self._photon.endpoint
        self.dashboards = Dashboards(self, "dashboards", estate=estate, namespace=ns,
                                     label=DASHBOARD_LABEL, label_value=DASHBOARD_LABEL_VALUE,
                                     photon=self._photon.deployment)
        self.namespaces = Namespaces(
            self, "namespaces",
            names=[charts["external-dns"].namespace, charts["external-secrets"].namespace,
                   charts["oauth2-proxy"].namespace, ns, estate.platform.photon.namespace],
            keep=[estate.data_namespace])

    def stores(self, tenant):
        """The ClusterSecretStores tenant `tenant` reads its secrets through."""
        return self.external_secrets.tenant(tenant)
