"""The platform tier's props: every value it takes from the model, resolved once.

`platform_props(estate)` is the only place the platform tier reads the estate; constructs
take these typed values (or the few of them they need), never the estate itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional

from tomoda_model import Estate, Tenant
from tomoda_model.model import Alerting, HelmChart, Photon, SyncPolicy

from ..argo import ArgoTarget
from ..props import argo_target, identity
from .kit import Identity, ServiceProps


@dataclass(frozen=True)
class SecretScope:
    """Where the secret stores read: the GCP project and cluster (Workload Identity) and
    the AWS region of the tenants' uploader secrets."""
    project: str
    cluster_location: str
    cluster_name: str
    aws_region: str


@dataclass(frozen=True)
class TenantFacts:
    """What the platform tier needs of one tenant: the tenant's model value, its secret
    store's identity and the Secret Manager names of its AWS reader key."""
    tenant: Tenant
    store_identity: Identity
    aws_reader_key_id: str
    aws_reader_secret_key: str


@dataclass(frozen=True)
class ArgoCdServer:
    """The Argo CD install Terraform makes (release name, UI host)."""
    release: str
    host: str


@dataclass(frozen=True)
class PlatformProps:
    argo: ArgoTarget
    sync: SyncPolicy
    domain: str
    data_namespace: str
    charts: Mapping[str, HelmChart]
    hosts: Mapping[str, str]          # internal UI -> FQDN
    secrets: Mapping[str, str]        # platform secret -> Secret Manager name
    identities: Mapping[str, Identity]
    acme_email: str
    dns_owner_id: str
    alerting: Alerting
    photon: Photon
    argocd: ArgoCdServer
    registry_host: str
    gitops_credentials: Optional[str]  # Secret Manager name of the repo token, if private
    secret_scope: SecretScope
    tenants: tuple[TenantFacts, ...]

    def service(self, key: str) -> ServiceProps:
        """The props of the service installing chart `platform.charts.<key>`."""
        return ServiceProps(key=key, chart=self.charts[key], argo=self.argo, sync=self.sync)


def platform_props(estate: Estate) -> PlatformProps:
    p = estate.platform
    return PlatformProps(
        argo=argo_target(estate), sync=p.sync, domain=estate.domain,
        data_namespace=estate.data_namespace, charts=p.charts, hosts=p.internal_hosts,
        secrets=estate.secrets.platform,
        identities={k: identity(estate, wi) for k, wi in p.identities.items()},
        acme_email=p.acme_email, dns_owner_id=p.external_dns_owner_id, alerting=p.alerting,
        photon=p.photon, argocd=ArgoCdServer(estate.argocd.release, estate.argocd.host),
        registry_host=estate.registry_host(),
        gitops_credentials=estate.gitops.credentials_secret,
        secret_scope=SecretScope(estate.gcp.project, estate.gcp.zone, estate.cluster.name,
                                 estate.aws.region),
        tenants=tuple(
            TenantFacts(t, identity(estate, estate.eso_identity(t)),
                        estate.tenant_secret(t, "aws_sm_reader_access_key_id"),
                        estate.tenant_secret(t, "aws_sm_reader_secret_access_key"))
            for t in estate.tenants.values()))
