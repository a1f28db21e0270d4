"""The platform tier's props: every value it takes from the model, resolved once.

`platform_props(estate)` is the only place the platform tier reads the estate; constructs
take these typed values (or the few of them they need), never the estate itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional

from tomoda_model import Estate, Tenant
from tomoda_model.model import Alerting, Cluster, HelmChart, Photon, SyncPolicy

from ..argo import ArgoTarget
from ..props import argo_to, identity
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
class PhotonReach:
    """How Photon is reached across clusters: on its own cluster, the internal load balancer
    at `address` admitting the Pod ranges `clients` of the other clusters' tenants; on
    another cluster, just the `address`."""
    address: str
    clients: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlatformProps:
    """`tier`: the tier's name (its directory under k8s/envs); `manages_argocd`: the tier
    of Argo CD's own cluster, which also carries Argo CD's ingress, its repository Secret and
    Image Updater; `photon`: the geocoder, on the one cluster that runs it (None elsewhere),
    and `photon_reach` its published address when tenants on other clusters use it."""
    tier: str
    manages_argocd: bool
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
    photon: Optional[Photon]
    photon_reach: Optional[PhotonReach]
    argocd: ArgoCdServer
    registry_host: str
    gitops_credentials: Optional[str]  # Secret Manager name of the repo token, if private
    secret_scope: SecretScope
    tenants: tuple[TenantFacts, ...]

    def service(self, key: str) -> ServiceProps:
        """The props of the service installing chart `platform.charts.<key>`."""
        return ServiceProps(key=key, chart=self.charts[key], argo=self.argo, sync=self.sync)


def argo_on(estate: Estate, cluster: Cluster) -> ArgoTarget:
    """Applications deploying to `cluster`: Argo CD's own needs no name; another is reached
    through its cluster Secret (the cluster's name) and prefixes its Applications' names."""
    argo = argo_to(estate, cluster)
    return argo.on(argo.cluster, prefix=estate.application_prefix(cluster))


def _photon_reach(estate: Estate, cluster: Cluster) -> Optional[PhotonReach]:
    address = estate.platform.photon.published_address
    home = estate.photon_cluster()
    if address is None:
        return None
    if cluster is not home:
        return PhotonReach(address)
    clients = sorted({estate.cluster_of(t).pods_cidr for t in estate.tenants.values()
                      if estate.cluster_of(t) is not home})
    return PhotonReach(address, tuple(clients)) if clients else None


def platform_props(estate: Estate, cluster: Optional[Cluster] = None) -> PlatformProps:
    """The platform tier of `cluster` (default: Argo CD's own)."""
    p = estate.platform
    cluster = cluster or estate.management_cluster
    return PlatformProps(
        tier=estate.platform_tier(cluster), manages_argocd=cluster is estate.management_cluster,
        argo=argo_on(estate, cluster), sync=p.sync, domain=estate.domain,
        data_namespace=estate.data_namespace, charts=p.charts, hosts=estate.platform_hosts(cluster),
        secrets=estate.secrets.platform,
        identities={k: identity(estate, wi) for k, wi in p.identities.items()},
        acme_email=p.acme_email, dns_owner_id=cluster.dns_owner_id, alerting=p.alerting,
        photon=p.photon if cluster is estate.photon_cluster() else None,
        photon_reach=_photon_reach(estate, cluster),
        argocd=ArgoCdServer(estate.argocd.release, estate.argocd.host),
        registry_host=estate.registry_host(),
        gitops_credentials=estate.gitops.credentials_secret,
        secret_scope=SecretScope(estate.gcp.project, cluster.location, cluster.name,
                                 estate.aws.region),
        tenants=tuple(
            TenantFacts(t, identity(estate, estate.eso_identity(t)),
                        estate.tenant_secret(t, "aws_sm_reader_access_key_id"),
                        estate.tenant_secret(t, "aws_sm_reader_secret_access_key"))
            for t in estate.tenants_on(cluster)))
