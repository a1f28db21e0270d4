"""Stack groups: each group is synthesized in its own process (see apps/tf_main.py).

A group holds the stacks that share providers or reference each other (cdktf cross-stack
references only work inside one App).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import cdktf

from tomoda_model import Estate, Tenant
from tomoda_tf import providers
from tomoda_tf.backend import remote_state

if TYPE_CHECKING:
    from tomoda_tf.gcp.gke import Gke


def _stack(app: cdktf.App, name: str, estate: Estate) -> cdktf.TerraformStack:
    stack = cdktf.TerraformStack(app, name)
    remote_state(stack, estate.state)
    return stack


def build_gcp(app: cdktf.App, estate: Estate) -> list[cdktf.TerraformStack]:
    """Stacks `gcp` and `gcp-argocd`."""
    from tomoda_tf.gcp.apis import enable_apis
    from tomoda_tf.gcp.backups import BackupBucket
    from tomoda_tf.gcp.cloudbuild import BuildTriggers
    from tomoda_tf.gcp.gke import Gke
    from tomoda_tf.gcp.identity import WorkloadIdentities
    from tomoda_tf.gcp.network import Network
    from tomoda_tf.gcp.registry import Registries
    from tomoda_tf.gcp.secrets import SecretContainers

    from tomoda_tf.gcp.gke import gke_id

    gcp = _stack(app, "gcp", estate)
    providers.google(gcp, estate.gcp)
    # Every cluster in the one `gcp` stack: the registries, the Workload Identity pool and
    # Argo CD's credentials reference them (docs/decisions.md, "Several clusters").
    network = Network(gcp, "network", vpc=estate.network.vpc, clusters=estate.clusters,
                      region=estate.gcp.region)
    gkes = [Gke(gcp, gke_id(i, c), cluster=c, gcp=estate.gcp, vpc_id=network.vpc.id,
                subnet=network.subnets[c.name]) for i, c in enumerate(estate.clusters)]
    gke = gkes[0]
    Registries(gcp, "registries", registries=estate.registries, location=estate.gcp.region,
               readers=[g.node_member for g in gkes])
    for tenant in estate.tenants.values():
        BuildTriggers(gcp, f"build-{tenant.name}", tenant=tenant, app_repo=estate.app_repo,
                      registry=estate.registry_path(tenant.build.registry), images=estate.images)

    backup_identities = [t.postgres.backup.identity for t in estate.tenants.values()
                         if t.postgres.backup is not None]
    secret_stores = {t.name: estate.eso_identity(t) for t in estate.tenants.values()}
    identities = WorkloadIdentities(
        gcp, "workload-identity", project=estate.gcp.project, member=estate.wi_member,
        identities=[*estate.platform.identities.values(), *backup_identities,
                    *secret_stores.values(), *estate.argocd_identities()],
        cluster=gke.cluster)
    writers = {wi.gsa: identities.account(wi) for wi in backup_identities}
    BackupBucket(gcp, "backups", backups=estate.backups, location=estate.gcp.region,
                 writers=writers.items())
    SecretContainers(gcp, "secrets", names=estate.stateful_gsm_secrets(),
                     readers=_secret_readers(estate, identities, secret_stores))
    enable_apis(gcp, estate.gcp.project)  # last: every resource above waits for its API

    return [gcp, _argocd_stack(app, estate, gkes)]


def _secret_readers(estate: Estate, identities, stores) -> dict[str, list[tuple[str, str]]]:
    """Secret -> who may read it: the platform store's GSA its shared secrets, each tenant
    store's GSA that tenant's secrets."""
    platform = estate.platform.identities["external_secrets"]
    readers: dict[str, list[tuple[str, str]]] = {}
    for name in estate.platform_gsm_secrets():
        readers.setdefault(name, []).append((platform.gsa, identities.account(platform).member))
    for tenant in estate.tenants.values():
        wi = stores[tenant.name]
        for name in estate.tenant_gsm_secrets(tenant):
            readers.setdefault(name, []).append((wi.gsa, identities.account(wi).member))
    return readers


def _argocd_stack(app: cdktf.App, estate: Estate, gkes: "list[Gke]") -> cdktf.TerraformStack:
    """Separate from `gcp` because the helm provider needs a cluster that already exists.
    Argo CD runs on the first cluster and reaches the others through cluster Secrets whose
    endpoint and CA are those clusters' Terraform outputs."""
    from cdktf_cdktf_provider_google.data_google_client_config import DataGoogleClientConfig

    from tomoda_tf.gcp.argocd import ArgoCd, RemoteCluster

    stack = _stack(app, "gcp-argocd", estate)
    providers.google(stack, estate.gcp)
    caller = DataGoogleClientConfig(stack, "caller")  # short-lived token of whoever applies
    gke = gkes[0]
    providers.helm(
        stack, host=f"https://{gke.cluster.endpoint}",
        cluster_ca_certificate=cdktf.Fn.base64decode(gke.cluster.master_auth.cluster_ca_certificate),
        token=caller.access_token)
    remotes = [RemoteCluster(name=g.name, endpoint=g.cluster.endpoint,
                             ca_data=g.cluster.master_auth.cluster_ca_certificate)
               for g in gkes[1:]]
    ArgoCd(stack, "argocd", argocd=estate.argocd, domain=estate.domain, gitops=estate.gitops,
           remotes=remotes, manager=(estate.gsa_email(estate.argocd_identities()[0])
                                     if remotes else None))
    return stack


def build_aws(app: cdktf.App, estate: Estate) -> list[cdktf.TerraformStack]:
    """Stacks `aws-<tenant>` (AWS assets CDN + its Cloudflare records), one per tenant."""
    return [_aws_stack(app, estate, tenant) for tenant in estate.tenants.values()]


def _aws_stack(app: cdktf.App, estate: Estate, tenant: Tenant) -> cdktf.TerraformStack:
    from tomoda_tf.aws.assets import AssetsCdn, AssetsCertificate
    from tomoda_tf.aws.uploader_secret import UploaderSecret
    from tomoda_tf.cloudflare.records import ZoneRecords

    stack = _stack(app, f"aws-{tenant.name}", estate)
    providers.aws(stack, estate.aws.region)
    cert_provider = providers.aws(stack, estate.aws.certificate_region,
                                  alias=estate.aws.certificate_region.replace("-", "_"))
    providers.cloudflare(stack)

    zone = ZoneRecords(stack, "dns", domain=estate.domain)
    cert = AssetsCertificate(stack, "certificate", domain=tenant.hosts.assets,
                             provider=cert_provider)
    validation = zone.record("acm-validation", name=cert.validation_name,
                             type=cert.validation_type, content=cert.validation_value)
    cdn = AssetsCdn(stack, "assets", bucket=tenant.cdn.bucket, alias=tenant.hosts.assets,
                    price_class=estate.aws.price_class, certificate=cert,
                    validation_record_fqdns=[validation.name])
    zone.record("assets", name=tenant.hosts.assets, type="CNAME",
                content=cdn.distribution.domain_name)
    UploaderSecret(stack, "uploader", name=tenant.cdn.uploader_secret, bucket=tenant.cdn.bucket,
                   reader=estate.aws_reader_user(tenant))
    return stack


GROUPS: dict[str, Callable[[cdktf.App, Estate], list[cdktf.TerraformStack]]] = {
    "gcp": build_gcp,
    "aws": build_aws,
}
