"""The one typed model of the Tomoda estate.

Everything that differs between tiers and tenants, and every global the constructs need, is a
field here, with its rule beside it (the types of `rules.py`: a DNS label, a Helm release name,
a GCS bucket, a CNPG cron...). Values live in `config/` (TOML); `load_estate()` structures them
into these frozen (pydantic) dataclasses, checks every field, then the cross-field rules (the
`issues()` methods below: uniqueness, reserved names, references), and reports every problem
at once with its file, line and field. Constructs are pure functions of an `Estate`.

A tenant file holds only what differs: every tenant field has a default, names derived from
the tenant's name by one rule (`tenant_defaults`), overridable where a legacy name must stay.

Fields marked `K8S` are read only by the Kubernetes layer. The Terraform layer receives an
Estate with those fields redacted (see `layers.py`), so its cache key can ignore them and a
Kubernetes-only change never re-synthesizes a Terraform stack.
"""
from __future__ import annotations

import enum
import ipaddress
import itertools
import re
import types
from dataclasses import field
from typing import Annotated, Any, Iterator, Mapping, Optional

from pydantic import AfterValidator, ConfigDict, Field, Strict
from pydantic.dataclasses import dataclass as _pydantic_dataclass

from .rules import (
    ApplicationName, ArgoRole, AwsRegion, GcsObject, AwsSecretName, ChartRepo, ChartVersion, CloudBuildPrefix,
    CnpgClusterName, Cron6, DnsLabel, DnsSubdomain, Email, EnvVarName, GcpAccountId, GcpName,
    GcpLocation, GcpProject, GcpRegion, GcpZone, GcsBucket, GitRef, GithubRepo, GkeName, GsmSecret, GsmSlug,
    Host, IamRole, Identifier, ImageName, ImageRef, ImageRepository, ImageTag,
    Ipv4Address, Ipv4Cidr, KubeMinor, MachineType, OAuthClientId, Percent, PgIdentifier, Port,
    PostgresSize, Quantity, RegistryId, ReleaseName, RepoPath, S3Bucket,
    SlackChannel, Text, RELEASE_TAG,
)

K8S = {"layer": "k8s"}
CONFIG = ConfigDict(extra="forbid", frozen=True)

# Logical names (keys of `secrets.per_tenant`) of the AWS Secrets Manager reader key.
AWS_READER_KEYS = ("aws_sm_reader_access_key_id", "aws_sm_reader_secret_access_key")
PER_TENANT_KEYS = ("pgadmin_admin_password", *AWS_READER_KEYS)
# The platform's own Argo CD Applications (bootstrap.py, photon.py): no tenant may take them.
RESERVED_APPLICATIONS = ("bootstrap", "platform", "photon")
# The Argo CD components that call other clusters, by the service account names the argo-cd
# chart (7.7.13, values.yaml) gives them: the controller syncs, the server shows Pod logs.
ARGOCD_KSAS = ("argocd-application-controller", "argocd-server")
WAVE_APPLICATION = re.compile(r".+-wave-[0-9]+")  # tomoda_k8s/remote.py names them so
KUBE_RESERVED = ("default", "kube-system", "kube-public", "kube-node-lease")

Int = Annotated[int, Strict()]
Bool = Annotated[bool, Strict()]
Count = Annotated[int, Strict(), Field(ge=0, le=1000)]


def dataclass(cls):
    return _pydantic_dataclass(cls, config=CONFIG)


def _sorted(mapping: Mapping) -> Mapping:
    """Mappings iterate in key order, however the file was written."""
    return types.MappingProxyType({k: mapping[k] for k in sorted(mapping)})


def Sorted(key_type: Any, value_type: Any):  # noqa: N802 (a type constructor)
    return Annotated[Mapping[key_type, value_type], AfterValidator(_sorted)]


class TriggerKind(enum.StrEnum):
    PUSH = "push"        # dev: push to a branch, manual approval
    RELEASE = "release"  # prod: semver tag, auto-approved


class GinMode(enum.StrEnum):
    DEBUG = "debug"
    RELEASE = "release"


class PullPolicy(enum.StrEnum):
    ALWAYS = "Always"
    IF_NOT_PRESENT = "IfNotPresent"


class ReleaseChannel(enum.StrEnum):
    RAPID = "RAPID"
    REGULAR = "REGULAR"
    STABLE = "STABLE"
    EXTENDED = "EXTENDED"


class PriceClass(enum.StrEnum):
    ALL = "PriceClass_All"
    P200 = "PriceClass_200"
    P100 = "PriceClass_100"


class SslMode(enum.StrEnum):
    DISABLE = "disable"
    ALLOW = "allow"
    PREFER = "prefer"
    REQUIRE = "require"
    VERIFY_CA = "verify-ca"
    VERIFY_FULL = "verify-full"


class ReceiverKind(enum.StrEnum):
    """Alertmanager receivers whose credential can be read from a file (Alertmanager 0.33)."""
    SLACK = "slack"          # slack_configs.api_url_file: the incoming-webhook URL
    WEBHOOK = "webhook"      # webhook_configs.url_file: the URL
    PAGERDUTY = "pagerduty"  # pagerduty_configs.routing_key_file: the Events v2 routing key


Issue = tuple[tuple, str]  # (field path, what is wrong)


def duplicates(items: list[tuple[tuple, str]], what: str, *, fold: bool = False) -> Iterator[Issue]:
    """Every (path, value) whose value an earlier item already has."""
    seen: dict[str, tuple] = {}
    for path, value in items:
        key = value.lower() if fold else value
        if key in seen:
            yield path, f"{what} {value!r} is already used by {'.'.join(map(str, seen[key]))}"
        else:
            seen[key] = path


# ---------------------------------------------------------------- globals


@dataclass
class Gcp:
    project: GcpProject
    region: GcpRegion
    zone: GcpZone  # the Google provider's default zone (clusters name their own location)

    @property
    def workload_pool(self) -> str:
        return f"{self.project}.svc.id.goog"

    def issues(self) -> Iterator[Issue]:
        if not self.zone.startswith(self.region + "-"):
            yield ("zone",), f"zone {self.zone!r} is not in region {self.region!r}"


@dataclass
class Aws:
    region: AwsRegion
    certificate_region: AwsRegion  # CloudFront only accepts ACM certificates from us-east-1
    price_class: PriceClass

    def issues(self) -> Iterator[Issue]:
        if self.certificate_region != "us-east-1":
            yield ("certificate_region",), "CloudFront only takes ACM certificates from us-east-1"


@dataclass
class Network:
    """The one VPC every cluster's subnet lives in."""
    vpc: GcpName


@dataclass
class NodePool:
    name: GkeName
    machine_type: MachineType
    min_nodes: Count
    max_nodes: Annotated[int, Strict(), Field(ge=1, le=1000)]
    disk_size_gb: Annotated[int, Strict(), Field(ge=10, le=65536)]
    spot: Bool

    def issues(self) -> Iterator[Issue]:
        if self.min_nodes > self.max_nodes:
            yield ("min_nodes",), f"{self.min_nodes} is greater than max_nodes {self.max_nodes}"


@dataclass
class Cluster:
    """One GKE cluster: VPC-native in a subnet of its own, with the Pod and Service ranges.

    The first cluster of `[[clusters]]` runs Argo CD, which manages every cluster. `tag` is
    the short name the cluster's derived names use (default: its name): on any cluster but
    the first, its platform tier `platform-<tag>`, its platform Applications `<tag>-<chart>`,
    its UI hosts `<label>-<tag>.<domain>` and its external-dns owner id `k8s-<tag>`.
    """
    name: GkeName
    location: GcpLocation  # a zone (zonal cluster) or a region (regional cluster)
    kubernetes_version: KubeMinor  # minor version: GKE channel and schema validation
    release_channel: ReleaseChannel
    subnet: GcpName
    subnet_cidr: Ipv4Cidr
    pods_range: GcpName
    pods_cidr: Ipv4Cidr
    services_range: GcpName
    services_cidr: Ipv4Cidr
    node_pools: Annotated[tuple[NodePool, ...], Field(min_length=1)]
    tag: Optional[DnsLabel] = None
    # external-dns TXT owner id: distinct per cluster, so no cluster deletes another's records
    external_dns_owner_id: Optional[DnsLabel] = field(default=None, metadata=K8S)

    CIDRS = ("subnet_cidr", "pods_cidr", "services_cidr")

    @property
    def short(self) -> str:
        return self.tag or self.name

    @property
    def dns_owner_id(self) -> str:
        return self.external_dns_owner_id or f"k8s-{self.short}"

    def networks(self) -> dict[str, ipaddress.IPv4Network]:
        return {a: ipaddress.ip_network(getattr(self, a)) for a in self.CIDRS}

    def issues(self) -> Iterator[Issue]:
        for (a, na), (b, nb) in itertools.combinations(self.networks().items(), 2):
            if na.overlaps(nb):
                yield (b,), f"{nb} overlaps {a} {na}"
        if self.pods_range == self.services_range:
            yield ("services_range",), "must differ from pods_range"
        if len(self.name) > 24:
            yield ("name",), f"{self.name!r} is longer than 24: its node account <name>-nodes must fit 30"
        yield from duplicates([(("node_pools", i, "name"), p.name)
                               for i, p in enumerate(self.node_pools)], "node pool")
        for i, p in enumerate(self.node_pools):
            yield from ((("node_pools", i, *path), msg) for path, msg in p.issues())


@dataclass
class GitOps:
    repo_url: GithubRepo
    branch: GitRef
    dist_path: RepoPath  # where dist/ lives inside the repo Argo CD syncs
    # GSM secret holding a read token for a private repo (None: the repo is public). Terraform
    # gives it to Argo CD at install (the first sync needs it before ESO exists); ESO keeps a
    # repository Secret in step with it afterwards.
    credentials_secret: Optional[GsmSecret] = None


@dataclass
class StateBackend:
    bucket: GcsBucket  # created by hand before the first deploy (README)
    prefix: RepoPath   # each stack writes to <prefix>/<stack>


@dataclass
class Registry:
    name: RegistryId  # Artifact Registry repository id
    description: Text
    immutable_tags: Bool = False  # release registries: a pushed semver tag can never move


@dataclass
class Images:
    backend: ImageName   # image name inside a registry
    frontend: ImageName


@dataclass
class WorkloadIdentity:
    """One Kubernetes service account bound to one GCP service account.

    The Kubernetes side (annotation, Helm value) and the Terraform side (GSA, IAM binding)
    are both derived from this single value.
    """
    gsa: GcpAccountId  # account id of the GCP service account
    namespace: DnsLabel  # namespace of the Kubernetes service account
    ksa: DnsSubdomain    # name of the Kubernetes service account
    roles: tuple[IamRole, ...] = ()  # project-level roles granted to the GSA


@dataclass
class Backups:
    """The one backup bucket (a prefix per tenant) and the recovery window.

    `retention_days` is Barman's recovery window (ObjectStore retentionPolicy): Barman keeps
    every base backup and WAL needed to restore to any point in it. The bucket's lifecycle
    rule is only a backstop for orphaned objects and deletes later than that
    (`lifecycle_days`): the base backup that anchors the oldest point of the window is older
    than the window itself.
    """
    bucket: GcsBucket
    retention_days: Annotated[int, Strict(), Field(ge=1, le=3650)]

    LIFECYCLE_MARGIN_DAYS = 7  # > one base-backup interval (daily) plus slack

    @property
    def lifecycle_days(self) -> int:
        return self.retention_days + self.LIFECYCLE_MARGIN_DAYS


@dataclass
class ArgoCd:
    namespace: DnsLabel
    release: ReleaseName  # Helm release name (Terraform); the chart names its Services after it
    chart_repo: ChartRepo
    chart_version: ChartVersion
    host: Host            # FQDN of the Argo CD UI
    dex_client_id_secret: GsmSecret      # GSM secret names (never values)
    dex_client_secret_secret: GsmSecret
    # Who may do what after signing in (Dex/Google, restricted to the domain): every user gets
    # `default_role`; `admins` (emails) get role:admin.
    default_role: ArgoRole = "role:readonly"
    admins: tuple[Email, ...] = ()


@dataclass
class Secrets:
    """Names of secret containers; values are set out of band, never here.

    `backend` maps each environment variable the backend reads to a GSM secret slug; the
    GSM secret of tenant T is `tomoda-<slug>-<T>`. `per_tenant` maps a logical name to a
    slug whose GSM secret for tenant T is `<slug>-<T>` (one credential per tenant, so that
    no tenant's identity can read another's). `platform` names the shared ones.
    """
    backend: Sorted(EnvVarName, GsmSlug)
    platform: Sorted(Identifier, GsmSecret)  # logical name -> GSM secret name
    per_tenant: Sorted(Identifier, GsmSlug) = field(default_factory=dict)  # logical -> slug

    def issues(self) -> Iterator[Issue]:
        for env in ("DB_PASSWORD", "REDIS_PASSWORD"):
            if env not in self.backend:
                yield ("backend", env), "required: the database and Redis read the same secret"
        for key in PER_TENANT_KEYS:
            if key not in self.per_tenant:
                yield ("per_tenant", key), "required: every tenant has its own"
        yield from duplicates([(("backend", k), v) for k, v in self.backend.items()], "slug")


# ---------------------------------------------------------------- platform tier


@dataclass
class HelmChart:
    repo_url: ChartRepo
    chart: DnsLabel
    version: ChartVersion
    namespace: DnsLabel


@dataclass
class Photon:
    """The geocoder: one instance, on `cluster` (default: the first). Tenants on another
    cluster reach it at `published_address`, an internal load balancer address in that
    cluster's subnet (required once such a tenant exists)."""
    namespace: DnsLabel
    image: ImageRepository
    tag: ImageTag
    port: Port
    index_bucket: GcsBucket  # deliberately not Terraform-managed
    index_object: GcsObject
    storage: Quantity
    memory_limit: Quantity
    cpu_limit: Quantity
    cluster: Optional[GkeName] = None
    published_address: Optional[Ipv4Address] = None


@dataclass
class Alerting:
    """Where every alert goes. The credential (a URL or key) lives in Secret Manager, as
    `secret`, and reaches Alertmanager through ESO, never through this repo."""
    receiver: ReceiverKind
    secret: GsmSecret               # GSM secret name
    channel: Optional[SlackChannel] = None   # Slack only: overrides the webhook's default channel

    def issues(self) -> Iterator[Issue]:
        if self.channel is not None and self.receiver is not ReceiverKind.SLACK:
            yield ("channel",), f"only a slack receiver has a channel (receiver is {self.receiver.value})"


@dataclass
class SyncPolicy:
    automated: Bool
    prune: Bool
    self_heal: Bool


@dataclass
class Platform:
    namespace: DnsLabel
    sync: SyncPolicy = field(metadata=K8S)
    acme_email: Email = field(metadata=K8S)
    internal_hosts: Sorted(Identifier, Host) = field(metadata=K8S)  # ui name -> FQDN (oauth2-proxy)
    charts: Sorted(DnsLabel, HelmChart) = field(metadata=K8S)
    photon: Photon = field(metadata=K8S)
    alerting: Alerting
    identities: Sorted(Identifier, WorkloadIdentity) = field(default_factory=dict)


# ---------------------------------------------------------------- tenants


@dataclass
class Hosts:
    api: Host
    app: Host
    extra_app: tuple[Host, ...]  # more hosts routed to the frontend (prod: www)
    assets: Host
    pgadmin: Host = field(metadata=K8S)        # the tenant's pgAdmin, behind oauth2-proxy
    redis_insight: Host = field(metadata=K8S)  # the tenant's Redis Insight, behind oauth2-proxy


@dataclass
class Hpa:
    min: Annotated[int, Strict(), Field(ge=1, le=100)]
    max: Annotated[int, Strict(), Field(ge=1, le=100)]
    cpu_percent: Annotated[int, Strict(), Field(ge=1, le=100)]
    memory_percent: Annotated[int, Strict(), Field(ge=1, le=100)]
    scale_down_window_seconds: Optional[Annotated[int, Strict(), Field(ge=0, le=3600)]] = None

    def issues(self) -> Iterator[Issue]:
        if self.min > self.max:
            yield ("min",), f"min ({self.min}) is greater than max ({self.max})"


def _allow_tags(value: str) -> str:
    if value == "":
        return value
    if not value.startswith("regexp:"):
        raise ValueError("is not an Image Updater tag filter (\"regexp:<expression>\", or empty)")
    try:
        re.compile(value[len("regexp:"):])
    except re.error as exc:
        raise ValueError(f"is not a valid regular expression ({exc})") from None
    return value


@dataclass
class App:
    gin_mode: GinMode
    image_tag: ImageTag
    api_hpa: Hpa
    async_hpa: Hpa
    image_updater: Bool  # dev only: Argo CD Image Updater bumps dev-* tags
    image_updater_allow_tags: Annotated[Text, AfterValidator(_allow_tags)]
    image_pull_policy: Optional[PullPolicy] = None
    pdb_min_available: Optional[Percent] = None


@dataclass
class Backup:
    identity: WorkloadIdentity  # KSA = the CNPG cluster's service account in `data`
    schedule: Cron6  # CNPG's six-field cron (seconds first)


@dataclass
class Postgres:
    cluster: CnpgClusterName
    database: PgIdentifier
    owner: PgIdentifier
    alias_service: DnsLabel  # ExternalName kept for the old DNS name
    sslmode: SslMode
    storage: Quantity = field(metadata=K8S)
    cpu_limit: Quantity = field(metadata=K8S)
    memory_limit: Quantity = field(metadata=K8S)
    parameters: Sorted(Identifier, PostgresSize) = field(metadata=K8S)
    image: ImageRef = field(metadata=K8S)  # CNPG operand image (PostGIS); per tenant so dev upgrades first
    backup: Optional[Backup] = None

    def issues(self) -> Iterator[Issue]:
        if self.owner == "postgres":
            yield ("owner",), "'postgres' is CNPG's superuser: the app owns its database as its own role"


@dataclass
class Redis:
    release: ReleaseName
    persistence: Quantity
    cpu_limit: Quantity
    memory_limit: Quantity
    metrics: Bool


@dataclass
class Cdn:
    bucket: S3Bucket
    uploader_secret: AwsSecretName  # AWS Secrets Manager container read by ESO


@dataclass
class Build:
    registry: DnsLabel  # key into Estate.registries
    trigger: TriggerKind
    google_web_client_id: OAuthClientId  # public OAuth client id baked into the frontend build
    # Cloud Build trigger names are unique per project: "<half>-<trigger>-trigger" serves one
    # tenant per trigger kind; any further tenant of the same kind needs a prefix.
    trigger_prefix: CloudBuildPrefix = ""

    HALVES = ("backend", "frontend")  # one trigger each

    def trigger_name(self, half: str) -> str:
        return f"{self.trigger_prefix}{half}-{self.trigger.value}-trigger"


@dataclass
class Tenant:
    name: Annotated[DnsLabel, Field(min_length=2, max_length=26)]  # GSA eso-<name>: 6-30
    namespace: DnsLabel
    argo_app: ApplicationName
    sync: SyncPolicy = field(metadata=K8S)
    hosts: Hosts = field(metadata={})
    app: App = field(metadata=K8S)
    postgres: Postgres = field(metadata={})
    redis: Redis = field(metadata=K8S)
    cdn: Cdn = field(metadata={})
    build: Build = field(metadata={})
    cluster: Optional[GkeName] = field(default=None, metadata=K8S)  # None: the first cluster

    def issues(self) -> Iterator[Issue]:
        for name in ("api_hpa", "async_hpa"):
            yield from ((("app", name, *p), m) for p, m in getattr(self.app, name).issues())
        yield from ((("postgres", *p), m) for p, m in self.postgres.issues())
        if self.build.trigger is TriggerKind.RELEASE:
            # Release tenants run immutable, manually promoted images.
            if not RELEASE_TAG.fullmatch(self.app.image_tag):
                yield (("app", "image_tag"),
                       "is not a release tag vMAJOR.MINOR.PATCH without leading zeros (required for "
                       "tenants built on release)")
            if self.app.image_updater:
                yield ("app", "image_updater"), "release tenants are promoted by `make release`, not by Image Updater"
        b = self.postgres.backup
        if b is not None and b.identity.ksa != self.postgres.cluster:
            yield (("postgres", "backup", "identity", "ksa"),
                   f"must be the CNPG cluster's service account {self.postgres.cluster!r}")


def tenant_defaults(name: str, domain: str) -> dict:
    """Every tenant field's default, derived from the tenant's name by one rule:
    namespace `<name>`, Application `<name>-tomoda`, hosts `<role>-<name>.<domain>`, Postgres
    `postgres-<name>` (database `tomoda_<name>`, owner `tomoda_<name>_user`, alias
    `<name>-postgres-postgresql`), Redis `<name>-redis`, bucket `tomoda-assets-<name>`, uploader
    secret `tomoda-s3-uploader-<name>`, Cloud Build prefix `<name>-`; sizes of a small tenant
    built on push (dev's). A tenant file overrides what must differ (legacy names included)."""
    ident = name.replace("-", "_")
    hpa = {"min": 1, "max": 3, "cpu_percent": 70, "memory_percent": 80}
    return {
        "namespace": name, "argo_app": f"{name}-tomoda",
        "sync": {"automated": True, "prune": True, "self_heal": True},
        "hosts": {"api": f"api-{name}.{domain}", "app": f"app-{name}.{domain}", "extra_app": [],
                  "assets": f"assets-{name}.{domain}", "pgadmin": f"pgadmin-{name}.{domain}",
                  "redis_insight": f"redis-insight-{name}.{domain}"},
        "app": {"gin_mode": "debug", "image_tag": "latest", "api_hpa": dict(hpa),
                "async_hpa": dict(hpa), "image_updater": True,
                "image_updater_allow_tags": "regexp:^dev-"},
        "postgres": {"cluster": f"postgres-{name}", "database": f"tomoda_{ident}",
                     "owner": f"tomoda_{ident}_user", "alias_service": f"{name}-postgres-postgresql",
                     "sslmode": "require", "storage": "10Gi", "cpu_limit": "500m",
                     "memory_limit": "512Mi", "parameters": {"shared_buffers": "128MB"},
                     "image": "ghcr.io/cloudnative-pg/postgis:17-3.5"},
        "redis": {"release": f"{name}-redis", "persistence": "5Gi", "cpu_limit": "100m",
                  "memory_limit": "128Mi", "metrics": True},
        "cdn": {"bucket": f"tomoda-assets-{name}", "uploader_secret": f"tomoda-s3-uploader-{name}"},
        "build": {"registry": "dev", "trigger": "push", "trigger_prefix": f"{name}-"},
    }


# ---------------------------------------------------------------- the estate


@dataclass
class Estate:
    domain: DnsSubdomain
    data_namespace: DnsLabel
    gcp: Gcp
    aws: Aws
    network: Network
    clusters: Annotated[tuple[Cluster, ...], Field(min_length=1)]
    gitops: GitOps
    state: StateBackend
    registries: Sorted(DnsLabel, Registry)
    images: Images
    backups: Backups
    argocd: ArgoCd
    secrets: Secrets
    app_repo: GithubRepo  # the tomoda application repository Cloud Build builds
    platform: Platform
    tenants: Sorted(DnsLabel, Tenant)

    # ------------------------------------------------------------ cross-field rules

    def issues(self) -> Iterator[Issue]:
        """Every cross-field problem, as (field path, message); each rule says what it guards."""
        for name in ("gcp", "aws", "secrets"):
            yield from (((name, *p), m) for p, m in getattr(self, name).issues())
        yield from self._cluster_issues()
        yield from ((("platform", "alerting", *p), m) for p, m in self.platform.alerting.issues())
        yield from self._platform_issues()
        if not self.tenants:
            yield ("tenants",), "at least one tenant is required (config/tenants/<name>.toml)"
        for name, t in self.tenants.items():
            yield from ((("tenants", name, *p), m) for p, m in t.issues())
            if t.build.registry not in self.registries:
                yield (("tenants", name, "build", "registry"),
                       f"{t.build.registry!r} is not one of registries: {', '.join(self.registries)}")
        yield from self._host_issues()
        yield from self._name_issues()

    def _cluster_issues(self) -> Iterator[Issue]:
        """Names unique, ranges disjoint across the VPC, every reference to an existing cluster."""
        for i, c in enumerate(self.clusters):
            yield from ((("clusters", i, *p), m) for p, m in c.issues())
            if c.location != self.gcp.region and not c.location.startswith(self.gcp.region + "-"):
                yield (("clusters", i, "location"),
                       f"{c.location!r} is not in region {self.gcp.region!r} (the subnets' region)")
        for attr, what in (("name", "cluster name"), ("subnet", "cluster subnet"),
                           ("short", "cluster tag"), ("dns_owner_id", "external-dns owner id")):
            field_name = {"short": "tag", "dns_owner_id": "external_dns_owner_id"}.get(attr, attr)
            yield from duplicates([(("clusters", i, field_name), getattr(c, attr))
                                   for i, c in enumerate(self.clusters)], what)
        yield from self._range_overlaps()
        yield from self._cluster_references()

    def _range_overlaps(self) -> Iterator[Issue]:
        ranges = [(i, a, n) for i, c in enumerate(self.clusters) for a, n in c.networks().items()]
        for (i, a, na), (j, b, nb) in itertools.combinations(ranges, 2):
            if i != j and na.overlaps(nb):
                yield (("clusters", j, b), f"{nb} overlaps clusters.{i}.{a} {na} "
                                           f"({self.clusters[i].name}): one VPC routes both")

    def _cluster_references(self) -> Iterator[Issue]:
        names = [c.name for c in self.clusters]
        for n, t in self.tenants.items():
            if t.cluster is not None and t.cluster not in names:
                yield ("tenants", n, "cluster"), f"{t.cluster!r} is not one of clusters: {', '.join(names)}"
        photon = self.platform.photon
        if photon.cluster is not None and photon.cluster not in names:
            yield ("platform", "photon", "cluster"), f"{photon.cluster!r} is not one of clusters: {', '.join(names)}"
            return
        home = self.photon_cluster()
        remote = sorted(n for n, t in self.tenants.items()
                        if t.cluster in names and self.cluster_of(t) is not home
                        or t.cluster is None and home is not self.clusters[0])
        if remote and photon.published_address is None:
            yield (("platform", "photon", "published_address"),
                   f"required: tenants {', '.join(remote)} run on another cluster than Photon's "
                   f"({home.name}) and reach it at this internal address")
        if photon.published_address is not None and (
                ipaddress.ip_address(photon.published_address) not in home.networks()["subnet_cidr"]):
            yield (("platform", "photon", "published_address"),
                   f"{photon.published_address} is not in {home.name}'s subnet {home.subnet_cidr}")

    def _platform_issues(self) -> Iterator[Issue]:
        from .layout_rules import PLATFORM_REQUIRED, IDENTITY_CHARTS

        p = self.platform
        for table, keys in PLATFORM_REQUIRED.items():
            for key in keys:
                if key not in getattr(p, table):
                    yield ("platform", table, key), "required by the platform tier"
        for identity, chart in IDENTITY_CHARTS.items():
            wi, helm = p.identities.get(identity), p.charts.get(chart)
            if wi and helm and wi.namespace != helm.namespace:
                yield (("platform", "identities", identity, "namespace"),
                       f"{wi.namespace!r} differs from platform.charts.{chart}.namespace {helm.namespace!r}")
        cnpg, plugin = p.charts.get("cloudnative-pg"), p.charts.get("plugin-barman-cloud")
        if cnpg and plugin and plugin.namespace != cnpg.namespace:
            yield (("platform", "charts", "plugin-barman-cloud", "namespace"),
                   f"{plugin.namespace!r} differs from platform.charts.cloudnative-pg.namespace "
                   f"{cnpg.namespace!r}: CNPG only finds plugins in its own namespace")
        updater = p.charts.get("argocd-image-updater")
        if updater and updater.namespace != self.argocd.namespace:
            yield (("platform", "charts", "argocd-image-updater", "namespace"),
                   f"Image Updater runs beside Argo CD, in {self.argocd.namespace!r}")
        redis = p.charts.get("redis")
        if redis and redis.namespace != self.data_namespace:
            yield (("platform", "charts", "redis", "namespace"),
                   f"the tenants' Redis releases live in the data namespace {self.data_namespace!r}")
        for i, email in enumerate(self.argocd.admins):
            if not email.endswith("@" + self.domain):
                yield ("argocd", "admins", i), f"{email!r} is not of the domain {self.domain!r} (Dex admits only it)"

    def _host_issues(self) -> Iterator[Issue]:
        hosts: list[tuple[tuple, str]] = [(("argocd", "host"), self.argocd.host)]
        hosts += [(("platform", "internal_hosts", k), h) for k, h in self.platform.internal_hosts.items()]
        hosts += [(("clusters", i, "tag"), h) for i, c in enumerate(self.clusters[1:], start=1)
                  for h in self.platform_hosts(c).values()]
        for name, t in self.tenants.items():
            for attr in ("api", "app", "assets", "pgadmin", "redis_insight"):
                hosts.append((("tenants", name, "hosts", attr), getattr(t.hosts, attr)))
            hosts += [(("tenants", name, "hosts", "extra_app", i), h) for i, h in enumerate(t.hosts.extra_app)]
        for path, host in hosts:
            if host != self.domain and not host.endswith("." + self.domain):
                yield path, f"host {host!r} is not under the domain {self.domain!r}"
        yield from duplicates(hosts, "host", fold=True)

    def system_namespaces(self) -> set[str]:
        """Namespaces the platform owns: no tenant may take (and prune) one."""
        return ({self.data_namespace, self.argocd.namespace, self.platform.namespace,
                 self.platform.photon.namespace}
                | {c.namespace for c in self.platform.charts.values()}
                | {wi.namespace for wi in self.platform.identities.values()} | set(KUBE_RESERVED))

    def _name_issues(self) -> Iterator[Issue]:
        system = self.system_namespaces()
        apps: list[tuple[tuple, str]] = [(("the platform's own Applications",), n)
                                         for n in RESERVED_APPLICATIONS]
        apps += [(("platform", "charts", k), c.chart) for k, c in self.platform.charts.items()
                 if c.namespace != self.data_namespace]
        names: dict[str, list[tuple[tuple, str]]] = {k: [] for k in (
            "namespace", "postgres cluster", "service", "redis release", "bucket", "uploader secret",
            "cloud build trigger", "database")}
        for name, t in self.tenants.items():
            tp = ("tenants", name)
            if t.namespace in system or t.namespace.startswith("kube-"):
                yield tp + ("namespace",), f"{t.namespace!r} is a system namespace (the platform owns it)"
            if name in RESERVED_APPLICATIONS:
                yield tp + ("name",), f"{name!r} is a name the platform's Applications take"
            apps += [(tp + ("name",), name), (tp + ("argo_app",), t.argo_app),
                     (tp + ("redis", "release"), t.redis.release),
                     (tp + ("(pgadmin)",), f"pgadmin4-{name}")]
            names["namespace"].append((tp + ("namespace",), t.namespace))
            names["postgres cluster"].append((tp + ("postgres", "cluster"), t.postgres.cluster))
            names["service"] += [(tp + ("postgres", "alias_service"), t.postgres.alias_service),
                                 (tp + ("redis", "release"), f"{t.redis.release}-master")]
            # CNPG's own Services of the cluster (<cluster>-rw/-ro/-r), in the same namespace
            names["service"] += [(tp + ("postgres", "cluster"), f"{t.postgres.cluster}-{s}")
                                 for s in ("rw", "ro", "r")]
            names["redis release"].append((tp + ("redis", "release"), t.redis.release))
            names["bucket"].append((tp + ("cdn", "bucket"), t.cdn.bucket))
            names["uploader secret"].append((tp + ("cdn", "uploader_secret"), t.cdn.uploader_secret))
            names["cloud build trigger"].append((tp + ("build", "trigger_prefix"),
                                                 t.build.trigger_prefix + t.build.trigger.value))
            names["database"].append((tp + ("postgres", "database"), t.postgres.database))
        accounts = [(("platform", "identities", k, "gsa"), wi.gsa) for k, wi in self.platform.identities.items()]
        if len(self.clusters) > 1:
            accounts.append((("clusters",), self.ARGOCD_MANAGER))
        for n, t in self.tenants.items():
            accounts.append((("tenants", n, "name"), f"eso-{n}"))  # eso_identity()
            if t.postgres.backup is not None:
                accounts.append((("tenants", n, "postgres", "backup", "identity", "gsa"), t.postgres.backup.identity.gsa))
        yield from duplicates(accounts, "GCP service account")
        yield from duplicates(names.pop("service"), "Service name in the data namespace")
        for what, items in names.items():
            yield from duplicates(items, what)
        yield from self._application_names(apps)
        for n, t in self.tenants.items():
            b = t.postgres.backup
            if b is not None and b.identity.namespace != self.data_namespace:
                yield (("tenants", n, "postgres", "backup", "identity", "namespace"),
                       f"must be the data namespace {self.data_namespace!r} (the CNPG cluster's)")
            if t.cdn.bucket in (self.backups.bucket, self.state.bucket, self.platform.photon.index_bucket):
                yield ("tenants", n, "cdn", "bucket"), f"{t.cdn.bucket!r} is already a GCS bucket of the estate"

    def _application_names(self, apps: list[tuple[tuple, str]]) -> Iterator[Issue]:
        """`apps` plus other clusters' platform tiers and their Applications (tomoda_k8s:
        `platform-<tag>`, `<tag>-<chart>`), all distinct; no tenant's name like a remote
        tier's wave Application (`<tier>-wave-<n>`)."""
        for i, c in enumerate(self.clusters[1:], start=1):
            apps = apps + [(("clusters", i, "tag"), self.platform_tier(c))]
            apps += [(("clusters", i, "tag"), self.application_prefix(c) + ch.chart)
                     for ch in self.platform.charts.values() if ch.namespace != self.data_namespace]
        for path, name in apps:
            if WAVE_APPLICATION.fullmatch(name) and path[0] == "tenants":
                yield path, f"{name!r} ends like a remote tier's wave Application (<tier>-wave-<n>)"
        yield from duplicates(apps, "Argo CD Application name")

    # Derived values: one formula each, used by both layers.

    @property
    def management_cluster(self) -> Cluster:
        """The cluster Argo CD runs on (the first): it manages every cluster."""
        return self.clusters[0]

    def cluster(self, name: Optional[str]) -> Cluster:
        """The cluster named `name` (None: the first); KeyError for a name the estate lacks."""
        if name is None:
            return self.clusters[0]
        for c in self.clusters:
            if c.name == name:
                return c
        raise KeyError(f"no cluster {name!r} (clusters: {', '.join(c.name for c in self.clusters)})")

    def platform_tier(self, cluster: Cluster) -> str:
        """The platform tier of `cluster` (its directory under k8s/envs and its Application):
        `platform` on Argo CD's own cluster, `platform-<tag>` on another."""
        from .layout_rules import PLATFORM_TIER
        return PLATFORM_TIER if cluster is self.management_cluster else f"{PLATFORM_TIER}-{cluster.short}"

    def application_prefix(self, cluster: Cluster) -> str:
        """What starts the name of each platform Application of `cluster` (Argo CD's
        namespace holds every cluster's): nothing on Argo CD's own, `<tag>-` on another."""
        return "" if cluster is self.management_cluster else f"{cluster.short}-"

    def platform_hosts(self, cluster: Cluster) -> dict[str, str]:
        """The platform UIs' hosts on `cluster`: `platform.internal_hosts` on Argo CD's own,
        `<first label>-<tag>.<rest>` on another (one zone holds both clusters' records)."""
        hosts = self.platform.internal_hosts
        if cluster is self.management_cluster:
            return dict(hosts)
        return {k: h.replace(".", f"-{cluster.short}.", 1) for k, h in hosts.items()}

    def cluster_of(self, tenant: Tenant) -> Cluster:
        return self.cluster(tenant.cluster)

    def photon_cluster(self) -> Cluster:
        return self.cluster(self.platform.photon.cluster)

    def tenants_on(self, cluster: Cluster) -> list[Tenant]:
        return [t for t in self.tenants.values() if self.cluster_of(t).name == cluster.name]

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

    ARGOCD_MANAGER = "argocd-manager"  # the GSA Argo CD reaches other clusters as

    def argocd_identities(self) -> list[WorkloadIdentity]:
        """With more than one cluster, Argo CD's controller (syncs) and server (Pod logs in the
        UI) reach the others as one GSA through Workload Identity (`argocd-k8s-auth gcp`,
        Argo CD docs declarative-setup.md "GKE"). `roles/container.admin`: Argo CD installs
        CRDs and RBAC there, which GKE's narrower roles do not allow; none with one cluster."""
        if len(self.clusters) < 2:
            return []
        return [WorkloadIdentity(gsa=self.ARGOCD_MANAGER, namespace=self.argocd.namespace, ksa=ksa,
                                 roles=("roles/container.admin",)) for ksa in ARGOCD_KSAS]

    def eso_identity(self, tenant: Tenant) -> WorkloadIdentity:
        """The GCP identity tenant T's secret store reads Secret Manager as: a GSA of its own
        (no project role: access is granted per secret), impersonated by a Kubernetes service
        account of its own beside the ESO controller."""
        controller = self.platform.identities["external_secrets"]
        name = f"eso-{tenant.name}"
        return WorkloadIdentity(gsa=name, namespace=controller.namespace, ksa=name)
