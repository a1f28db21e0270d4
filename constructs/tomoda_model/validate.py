"""Cross-field rules the type loader cannot express. Each failure names its field."""
from __future__ import annotations

import ipaddress
import itertools
import re

from .loader import ModelError
from .model import Estate, Hpa, TriggerKind

DNS_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
SEMVER_TAG = re.compile(r"^v[0-9]+\.[0-9]+\.[0-9]+$")
EXACT_VERSION = re.compile(r"^v?[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$")
QUANTITY = re.compile(r"^[0-9]+(\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G)?$")
PERCENT = re.compile(r"^([1-9][0-9]?|100)%$")


def _name(path: str, value: str) -> None:
    if len(value) > 63 or not DNS_LABEL.match(value):
        raise ModelError(path, f"{value!r} is not a valid DNS-1123 label")


def _quantity(path: str, value: str) -> None:
    if not QUANTITY.match(value):
        raise ModelError(path, f"{value!r} is not a Kubernetes quantity (e.g. 512Mi, 500m)")


def _host(path: str, value: str, domain: str) -> None:
    if value != domain and not value.endswith("." + domain):
        raise ModelError(path, f"host {value!r} is not under the domain {domain!r}")


def _hpa(path: str, hpa: Hpa) -> None:
    if hpa.min < 1:
        raise ModelError(f"{path}.min", f"must be at least 1, got {hpa.min}")
    if hpa.min > hpa.max:
        raise ModelError(f"{path}.min", f"min ({hpa.min}) is greater than max ({hpa.max})")
    for attr in ("cpu_percent", "memory_percent"):
        v = getattr(hpa, attr)
        if not 1 <= v <= 100:
            raise ModelError(f"{path}.{attr}", f"must be within 1..100, got {v}")


def _network(estate: Estate) -> None:
    nets = {}
    for attr in ("subnet_cidr", "pods_cidr", "services_cidr"):
        value = getattr(estate.network, attr)
        try:
            nets[attr] = ipaddress.ip_network(value)
        except ValueError as exc:
            raise ModelError(f"network.{attr}", f"{value!r} is not a CIDR ({exc})") from None
    for (a, na), (b, nb) in itertools.combinations(nets.items(), 2):
        if na.overlaps(nb):
            raise ModelError(f"network.{b}", f"{nb} overlaps network.{a} {na}")


# Keys of the platform's tables that the platform and tenant constructs look up by name.
PLATFORM_TIER = "platform"
PLATFORM_REQUIRED = {
    "charts": ("cert-manager", "traefik", "external-dns", "external-secrets", "oauth2-proxy",
               "kube-prometheus-stack", "loki", "tempo", "alloy", "blackbox-exporter",
               "argocd-image-updater", "cloudnative-pg", "plugin-barman-cloud", "redis",
               "pgadmin4"),
    "internal_hosts": ("grafana", "prometheus", "alertmanager", "oauth2_proxy"),
    "identities": ("external_secrets", "image_updater"),
}

# Which chart creates the Kubernetes service account of each platform identity.
IDENTITY_CHARTS = {"external_secrets": "external-secrets", "image_updater": "argocd-image-updater"}


def validate(estate: Estate) -> Estate:
    d = estate.domain
    _network(estate)
    for i, pool in enumerate(estate.cluster.node_pools):
        if pool.min_nodes > pool.max_nodes:
            raise ModelError(f"cluster.node_pools[{i}].min_nodes",
                             f"{pool.min_nodes} is greater than max_nodes {pool.max_nodes}")
    if not re.match(r"^1\.[0-9]{2}$", estate.cluster.kubernetes_version):
        raise ModelError("cluster.kubernetes_version",
                         f"{estate.cluster.kubernetes_version!r} is not a minor version like 1.33")
    _host("argocd.host", estate.argocd.host, d)
    _name("argocd.release", estate.argocd.release)
    _name("argocd.namespace", estate.argocd.namespace)
    if not EXACT_VERSION.match(estate.argocd.chart_version):
        raise ModelError("argocd.chart_version", f"{estate.argocd.chart_version!r} is not an exact version")
    for key, chart in estate.platform.charts.items():
        if not EXACT_VERSION.match(chart.version):
            raise ModelError(f"platform.charts.{key}.version",
                             f"{chart.version!r} is not an exact chart version")
        _name(f"platform.charts.{key}.namespace", chart.namespace)
    for key, host in estate.platform.internal_hosts.items():
        _host(f"platform.internal_hosts.{key}", host, d)
    for key, wi in estate.platform.identities.items():
        _name(f"platform.identities.{key}.ksa", wi.ksa)
        if not re.match(r"^[a-z][-a-z0-9]{4,28}[a-z0-9]$", wi.gsa):
            raise ModelError(f"platform.identities.{key}.gsa", f"{wi.gsa!r} is not a GCP account id")
    p = estate.platform.photon
    _quantity("platform.photon.memory_limit", p.memory_limit)
    _quantity("platform.photon.storage", p.storage)
    for table, keys in PLATFORM_REQUIRED.items():
        for key in keys:
            if key not in getattr(estate.platform, table):
                raise ModelError(f"platform.{table}.{key}", "required by the platform tier")
    # An operator's service account lives where its chart installs it (one value, twice).
    for identity, chart in IDENTITY_CHARTS.items():
        wi, ns = estate.platform.identities[identity], estate.platform.charts[chart].namespace
        if wi.namespace != ns:
            raise ModelError(f"platform.identities.{identity}.namespace",
                             f"{wi.namespace!r} differs from platform.charts.{chart}.namespace {ns!r}")
    if estate.platform.charts["argocd-image-updater"].namespace != estate.argocd.namespace:
        raise ModelError("platform.charts.argocd-image-updater.namespace",
                         f"Image Updater runs beside Argo CD, in {estate.argocd.namespace!r}")
    # CNPG discovers plugins only among the Services of its own namespace.
    cnpg, plugin = estate.platform.charts["cloudnative-pg"], estate.platform.charts["plugin-barman-cloud"]
    if plugin.namespace != cnpg.namespace:
        raise ModelError("platform.charts.plugin-barman-cloud.namespace",
                         f"{plugin.namespace!r} differs from platform.charts.cloudnative-pg.namespace "
                         f"{cnpg.namespace!r}: CNPG only finds plugins in its own namespace")
    if PLATFORM_TIER in estate.tenants:
        raise ModelError(f"tenants.{PLATFORM_TIER}", "the platform tier's name; rename the tenant file")

    seen: dict[tuple[str, str], str] = {}

    def unique(path: str, value: str, kind: str = "host") -> None:
        """`value` must be unique among values of the same kind across the estate."""
        if (kind, value) in seen:
            raise ModelError(path, f"{value!r} is already used by {seen[(kind, value)]}")
        seen[(kind, value)] = path

    unique("argocd.host", estate.argocd.host)
    for key, host in estate.platform.internal_hosts.items():
        unique(f"platform.internal_hosts.{key}", host)

    if not estate.tenants:
        raise ModelError("tenants", "at least one tenant is required")
    for name, t in estate.tenants.items():
        tp = f"tenants.{name}"
        _name(f"{tp}.name", t.name)
        _name(f"{tp}.namespace", t.namespace)
        _name(f"{tp}.argo_app", t.argo_app)
        for attr in ("api", "app", "assets", "pgadmin", "redis_insight"):
            _host(f"{tp}.hosts.{attr}", getattr(t.hosts, attr), d)
            unique(f"{tp}.hosts.{attr}", getattr(t.hosts, attr))
        for i, h in enumerate(t.hosts.extra_app):
            _host(f"{tp}.hosts.extra_app[{i}]", h, d)
            unique(f"{tp}.hosts.extra_app[{i}]", h)
        _hpa(f"{tp}.app.api_hpa", t.app.api_hpa)
        _hpa(f"{tp}.app.async_hpa", t.app.async_hpa)
        if t.app.pdb_min_available is not None and not PERCENT.match(t.app.pdb_min_available):
            raise ModelError(f"{tp}.app.pdb_min_available",
                             f"{t.app.pdb_min_available!r} is not a percentage like 50%")
        if t.build.registry not in estate.registries:
            raise ModelError(f"{tp}.build.registry",
                             f"{t.build.registry!r} is not one of registries: {', '.join(estate.registries)}")
        # Cloud Build trigger names (tomoda_tf.gcp.cloudbuild) must be unique in the project.
        unique(f"{tp}.build.trigger_prefix", t.build.trigger_prefix + t.build.trigger.value,
               kind="cloud build trigger")
        if t.build.trigger is TriggerKind.RELEASE:
            # Release tenants run immutable, manually promoted images.
            if not SEMVER_TAG.match(t.app.image_tag):
                raise ModelError(f"{tp}.app.image_tag",
                                 f"{t.app.image_tag!r} is not a semver tag like v1.2.3 (required for release tenants)")
            if t.app.image_updater:
                raise ModelError(f"{tp}.app.image_updater",
                                 "release tenants are promoted by `make release`, not by Image Updater")
        elif not re.match(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", t.app.image_tag):
            raise ModelError(f"{tp}.app.image_tag", f"{t.app.image_tag!r} is not a valid image tag")
        pg = t.postgres
        _name(f"{tp}.postgres.cluster", pg.cluster)
        _name(f"{tp}.postgres.alias_service", pg.alias_service)
        unique(f"{tp}.postgres.cluster", pg.cluster, "postgres")
        unique(f"{tp}.postgres.alias_service", pg.alias_service, "service")
        for attr in ("storage", "cpu_limit", "memory_limit"):
            _quantity(f"{tp}.postgres.{attr}", getattr(pg, attr))
        if pg.backup is not None:
            b = pg.backup.identity
            if (b.namespace, b.ksa) != (estate.data_namespace, pg.cluster):
                raise ModelError(f"{tp}.postgres.backup.identity",
                                 f"must bind {estate.data_namespace}/{pg.cluster} (the CNPG cluster's "
                                 f"service account), got {b.namespace}/{b.ksa}")
        r = t.redis
        _name(f"{tp}.redis.release", r.release)
        unique(f"{tp}.redis.release", r.release, "release")
        for attr in ("persistence", "cpu_limit", "memory_limit"):
            _quantity(f"{tp}.redis.{attr}", getattr(r, attr))
        unique(f"{tp}.namespace", t.namespace, "namespace")
        unique(f"{tp}.argo_app", t.argo_app, "argo_app")
        unique(f"{tp}.cdn.bucket", t.cdn.bucket, "bucket")
    return estate
