"""The one typed model of the Tomoda estate.

Everything that differs between tiers and tenants, and every global the constructs need,
is a field here. Values live in `config/` (TOML); `load_estate()` turns them into these
frozen dataclasses and validates them. Constructs are pure functions of an `Estate`.

Fields marked `K8S` are read only by the Kubernetes layer. The Terraform layer receives an
Estate with those fields redacted (see `layers.py`), so its cache key can ignore them and a
Kubernetes-only change never re-synthesizes a Terraform stack.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Mapping, Optional

K8S = {"layer": "k8s"}

# Logical names (keys of `secrets.per_tenant`) of the AWS Secrets Manager reader key.
AWS_READER_KEYS = ("aws_sm_reader_access_key_id", "aws_sm_reader_secret_access_key")


class TriggerKind(str, enum.Enum):
    PUSH = "push"        # dev: push to a branch, manual approval
    RELEASE = "release"  # prod: semver tag, auto-approved


class GinMode(str, enum.Enum):
    DEBUG = "debug"
    RELEASE = "release"


class PullPolicy(str, enum.Enum):
    ALWAYS = "Always"
    IF_NOT_PRESENT = "IfNotPresent"


# ---------------------------------------------------------------- globals


@dataclass(frozen=True)
class Gcp:
    project: str
    region: str
    zone: str

    @property
    def workload_pool(self) -> str:
        return f"{self.project}.svc.id.goog"


@dataclass(frozen=True)
class Aws:
    region: str
    certificate_region: str  # CloudFront only accepts ACM certificates from us-east-1
    price_class: str


@dataclass(frozen=True)
class Network:
    vpc: str
    subnet: str
    subnet_cidr: str
    pods_range: str
    pods_cidr: str
    services_range: str
    services_cidr: str


@dataclass(frozen=True)
class NodePool:
    name: str
    machine_type: str
    min_nodes: int
    max_nodes: int
    disk_size_gb: int
    spot: bool


@dataclass(frozen=True)
class Cluster:
    name: str
    kubernetes_version: str  # minor version, e.g. "1.33": GKE channel and schema validation
    release_channel: str
    node_pools: tuple[NodePool, ...]


@dataclass(frozen=True)
class GitOps:
    repo_url: str
    branch: str
    dist_path: str  # where dist/ lives inside the repo Argo CD syncs
    # GSM secret holding a read token for a private repo (None: the repo is public). Terraform
    # gives it to Argo CD at install (the first sync needs it before ESO exists); ESO keeps a
    # repository Secret in step with it afterwards.
    credentials_secret: Optional[str] = None


@dataclass(frozen=True)
class StateBackend:
    bucket: str  # created by hand before the first deploy (README)
    prefix: str  # each stack writes to <prefix>/<stack>


@dataclass(frozen=True)
class Registry:
    name: str  # Artifact Registry repository id
    description: str
    immutable_tags: bool = False  # release registries: a pushed semver tag can never move


@dataclass(frozen=True)
class Images:
    backend: str   # image name inside a registry
    frontend: str


@dataclass(frozen=True)
class WorkloadIdentity:
    """One Kubernetes service account bound to one GCP service account.

    The Kubernetes side (annotation, Helm value) and the Terraform side (GSA, IAM binding)
    are both derived from this single value.
    """
    gsa: str        # account id of the GCP service account
    namespace: str  # namespace of the Kubernetes service account
    ksa: str        # name of the Kubernetes service account
    roles: tuple[str, ...] = ()  # project-level roles granted to the GSA


@dataclass(frozen=True)
class Backups:
    """The one backup bucket (a prefix per tenant) and the recovery window.

    `retention_days` is Barman's recovery window (ObjectStore retentionPolicy): Barman keeps
    every base backup and WAL needed to restore to any point in it. The bucket's lifecycle
    rule is only a backstop for orphaned objects and deletes later than that
    (`lifecycle_days`): the base backup that anchors the oldest point of the window is older
    than the window itself.
    """
    bucket: str
    retention_days: int

    LIFECYCLE_MARGIN_DAYS = 7  # > one base-backup interval (daily) plus slack

    @property
    def lifecycle_days(self) -> int:
        return self.retention_days + self.LIFECYCLE_MARGIN_DAYS


@dataclass(frozen=True)
class ArgoCd:
    namespace: str
    release: str         # Helm release name (Terraform); the chart names its Services after it
    chart_repo: str
    chart_version: str
    host: str            # FQDN of the Argo CD UI
    dex_client_id_secret: str      # GSM secret names (never values)
    dex_client_secret_secret: str
    # Who may do what after signing in (Dex/Google, restricted to the domain): every user gets
    # `default_role`; `admins` (emails) get role:admin.
    default_role: str = "role:readonly"
    admins: tuple[str, ...] = ()


@dataclass(frozen=True)
class Secrets:
    """Names of secret containers; values are set out of band, never here.

    `backend` maps each environment variable the backend reads to a GSM secret slug; the
    GSM secret of tenant T is `tomoda-<slug>-<T>`. `per_tenant` maps a logical name to a
    slug whose GSM secret for tenant T is `<slug>-<T>` (one credential per tenant, so that
    no tenant's identity can read another's). `platform` names the shared ones.
    """
    backend: Mapping[str, str]
    platform: Mapping[str, str]  # logical name -> GSM secret name
    per_tenant: Mapping[str, str] = field(default_factory=dict)  # logical name -> slug


# ---------------------------------------------------------------- platform tier


@dataclass(frozen=True)
class HelmChart:
    repo_url: str
    chart: str
    version: str
    namespace: str


@dataclass(frozen=True)
class Photon:
    namespace: str
    image: str
    tag: str
    port: int
    index_bucket: str  # deliberately not Terraform-managed
    index_object: str
    storage: str
    memory_limit: str
    cpu_limit: str


class ReceiverKind(str, enum.Enum):
    """Alertmanager receivers whose credential can be read from a file (Alertmanager 0.33)."""
    SLACK = "slack"          # slack_configs.api_url_file: the incoming-webhook URL
    WEBHOOK = "webhook"      # webhook_configs.url_file: the URL
    PAGERDUTY = "pagerduty"  # pagerduty_configs.routing_key_file: the Events v2 routing key


@dataclass(frozen=True)
class Alerting:
    """Where every alert goes. The credential (a URL or key) lives in Secret Manager, as
    `secret`, and reaches Alertmanager through ESO, never through this repo."""
    receiver: ReceiverKind
    secret: str                     # GSM secret name
    channel: Optional[str] = None   # Slack only: overrides the webhook's default channel


@dataclass(frozen=True)
class SyncPolicy:
    automated: bool
    prune: bool
    self_heal: bool


@dataclass(frozen=True)
class Platform:
    namespace: str
    sync: SyncPolicy = field(metadata=K8S)
    acme_email: str = field(metadata=K8S)
    external_dns_owner_id: str = field(metadata=K8S)
    internal_hosts: Mapping[str, str] = field(metadata=K8S)  # ui name -> FQDN (oauth2-proxy)
    charts: Mapping[str, HelmChart] = field(metadata=K8S)
    photon: Photon = field(metadata=K8S)
    alerting: Alerting
    identities: Mapping[str, WorkloadIdentity] = field(default_factory=dict)


# ---------------------------------------------------------------- tenants


@dataclass(frozen=True)
class Hosts:
    api: str
    app: str
    extra_app: tuple[str, ...]  # more hosts routed to the frontend (prod: www)
    assets: str
    pgadmin: str = field(metadata=K8S)        # the tenant's pgAdmin, behind oauth2-proxy
    redis_insight: str = field(metadata=K8S)  # the tenant's Redis Insight, behind oauth2-proxy


@dataclass(frozen=True)
class Hpa:
    min: int
    max: int
    cpu_percent: int
    memory_percent: int
    scale_down_window_seconds: Optional[int] = None


@dataclass(frozen=True)
class App:
    gin_mode: GinMode
    image_tag: str
    image_pull_policy: Optional[PullPolicy]
    api_hpa: Hpa
    async_hpa: Hpa
    pdb_min_available: Optional[str]
    image_updater: bool  # dev only: Argo CD Image Updater bumps dev-* tags
    image_updater_allow_tags: str


@dataclass(frozen=True)
class Backup:
    identity: WorkloadIdentity  # KSA = the CNPG cluster's service account in `data`
    schedule: str  # CNPG's six-field cron (seconds first)


@dataclass(frozen=True)
class Postgres:
    cluster: str
    database: str
    owner: str
    alias_service: str  # ExternalName kept for the old DNS name
    sslmode: str
    storage: str = field(metadata=K8S)
    cpu_limit: str = field(metadata=K8S)
    memory_limit: str = field(metadata=K8S)
    parameters: Mapping[str, str] = field(metadata=K8S)
    image: str = field(metadata=K8S)  # CNPG operand image (PostGIS); per tenant so dev upgrades first
    backup: Optional[Backup] = None


@dataclass(frozen=True)
class Redis:
    release: str
    persistence: str
    cpu_limit: str
    memory_limit: str
    metrics: bool


@dataclass(frozen=True)
class Cdn:
    bucket: str
    uploader_secret: str  # AWS Secrets Manager container read by ESO


@dataclass(frozen=True)
class Build:
    registry: str  # key into Estate.registries
    trigger: TriggerKind
    google_web_client_id: str  # public OAuth client id baked into the frontend build
    # Cloud Build trigger names are unique per project: "<half>-<trigger>-trigger" serves one
    # tenant per trigger kind; any further tenant of the same kind sets a prefix (e.g. "staging-").
    trigger_prefix: str = ""


@dataclass(frozen=True)
class Tenant:
    name: str
    namespace: str
    argo_app: str
    sync: SyncPolicy = field(metadata=K8S)
    hosts: Hosts = field(metadata={})
    app: App = field(metadata=K8S)
    postgres: Postgres = field(metadata={})
    redis: Redis = field(metadata=K8S)
    cdn: Cdn = field(metadata={})
    build: Build = field(metadata={})


# ---------------------------------------------------------------- the estate


@dataclass(frozen=True)
class Estate:
    domain: str
    data_namespace: str
    gcp: Gcp
    aws: Aws
    network: Network
    cluster: Cluster
    gitops: GitOps
    state: StateBackend
    registries: Mapping[str, Registry]
    images: Images
    backups: Backups
    argocd: ArgoCd
    secrets: Secrets
    app_repo: str  # the tomoda application repository Cloud Build builds
    platform: Platform
    tenants: Mapping[str, Tenant]

    # Derived values: one formula each, used by both layers.

    def gsa_email(self, wi: WorkloadIdentity) -> str:
        return f"{wi.gsa}@{self.gcp.project}.iam.gserviceaccount.com"

    def wi_member(self, wi: WorkloadIdentity) -> str:
        return f"serviceAccount:{self.gcp.workload_pool}[{wi.namespace}/{wi.ksa}]"

    def registry_host(self) -> str:
        return f"{self.gcp.region}-docker.pkg.dev"

    def registry_path(self, registry_key: str) -> str:
        return f"{self.registry_host()}/{self.gcp.project}/{self.registries[registry_key].name}"

    def image(self, tenant: Tenant, name: str) -> str:
        """Full image reference without tag, e.g. .../tomoda-dev-repo/tomoda-backend."""
        return f"{self.registry_path(tenant.build.registry)}/{name}"

    def backend_gsm_secret(self, tenant: Tenant, slug: str) -> str:
        return f"tomoda-{slug}-{tenant.name}"

    def backup_destination(self, tenant: Tenant) -> str:
        return f"gs://{self.backups.bucket}/{tenant.name}/"

    def backup_retention_policy(self) -> str:
        """Barman's recovery window, in its `<n>d` form (the bucket keeps objects longer)."""
        return f"{self.backups.retention_days}d"

    def tenant_secret(self, tenant: Tenant, logical: str) -> str:
        """Tenant T's own copy of a per-tenant secret (`secrets.per_tenant`)."""
        return f"{self.secrets.per_tenant[logical]}-{tenant.name}"

    def tenant_gsm_secrets(self, tenant: Tenant) -> list[str]:
        """What the tenant's own store may read: its backend secrets and its admin UI's."""
        names = {self.backend_gsm_secret(tenant, s) for s in self.secrets.backend.values()}
        names.add(self.tenant_secret(tenant, "pgadmin_admin_password"))
        return sorted(names)

    def platform_gsm_secrets(self) -> list[str]:
        """What the platform's store may read: the shared secrets, and each tenant's AWS
        reader key (materialized in the ESO namespace for that tenant's AWS store)."""
        names = set(self.secrets.platform.values()) | {self.platform.alerting.secret}
        if self.gitops.credentials_secret:
            names.add(self.gitops.credentials_secret)
        for t in self.tenants.values():
            names.update(self.tenant_secret(t, k) for k in AWS_READER_KEYS)
        return sorted(names)

    def stateful_gsm_secrets(self) -> list[str]:
        """Every GSM secret container an ExternalSecret or Terraform may read, sorted."""
        names = set(self.platform_gsm_secrets())
        for t in self.tenants.values():
            names.update(self.tenant_gsm_secrets(t))
        names.update({self.argocd.dex_client_id_secret, self.argocd.dex_client_secret_secret})
        return sorted(names)

    def aws_reader_user(self, tenant: Tenant) -> str:
        """The IAM user tenant T's AWS secret store reads its uploader secret as."""
        return f"tomoda-eso-{tenant.name}"

    def eso_identity(self, tenant: Tenant) -> WorkloadIdentity:
        """The GCP identity tenant T's secret store reads Secret Manager as: a GSA of its own
        (no project role: access is granted per secret), impersonated by a Kubernetes service
        account of its own beside the ESO controller."""
        controller = self.platform.identities["external_secrets"]
        name = f"eso-{tenant.name}"
        return WorkloadIdentity(gsa=name, namespace=controller.namespace, ksa=name)
