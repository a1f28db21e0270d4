"""What each pinned Helm chart installs and needs, declared per chart version.

Argo CD renders a chart with the destination cluster's API versions, then applies what it
rendered in one step. So the order of a first sync depends on facts about the charts:
which CustomResourceDefinitions a chart ships (its custom resources can only be applied
after it), which API groups its admission webhooks check (objects of those groups are
rejected until the webhook Pod is up), and which API groups its rendered objects use with
our values (a ServiceMonitor cannot be applied before monitoring.coreos.com exists; Traefik
refuses to render at all).

The sync waves (`waves.py`) and the `first-sync` check read these declarations; the evidence
for each (template file, tag, and `helm template` output) is in docs/decisions.md. A pinned
version without an entry here is an error: a chart bump must come with its facts.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

MONITORING = "monitoring.coreos.com/v1"
CERT_MANAGER = "cert-manager.io/v1"


def lookup(values: Mapping[str, Any], dotted: str) -> Any:
    """The value at a dotted path of Helm values, None when any step is missing."""
    found = lookup_all(values, dotted)
    return found[0] if found else None


def lookup_all(values: Any, dotted: str) -> list[Any]:
    """Every value at a dotted path, where `[*]` steps into each item of a list."""
    nodes = [values]
    for part in dotted.split("."):
        each = part.endswith("[*]")
        key = part[:-3] if each else part
        nxt = []
        for node in nodes:
            if not isinstance(node, Mapping) or key not in node:
                continue
            value = node[key]
            nxt.extend(value if each and isinstance(value, list) else [] if each else [value])
        nodes = nxt
    return [n for n in nodes if n is not None]


@dataclass(frozen=True)
class When:
    """A condition on the values: every path truthy (absent paths take `default`)."""
    paths: tuple[str, ...] = ()
    default: bool = False  # the chart's default for an absent path

    def holds(self, values: Mapping[str, Any]) -> bool:
        for path in self.paths:
            value = lookup(values, path)
            if not (self.default if value is None else bool(value)):
                return False
        return True


ALWAYS = When()


def when(*paths: str, default: bool = False) -> When:
    return When(tuple(paths), default)


@dataclass(frozen=True)
class Crds:
    """CRDs of one API group that the chart installs under `condition`."""
    group: str
    kinds: tuple[str, ...]
    condition: When = ALWAYS


@dataclass(frozen=True)
class Requires:
    """An API group/version the chart's rendered objects use, under `condition`."""
    api: str
    condition: When = ALWAYS
    fails_render: bool = False  # the chart refuses to render (not only to apply) without it
    if_served: bool = False     # rendered only when the API is served: used, never needed


@dataclass(frozen=True)
class Pod:
    """Pods a release (or an operator, for a custom resource) runs: their labels, where
    `{release}`, `{chart}` and `{name}` stand for the release, the chart and the resource's
    name, and the TCP ports they listen on."""
    labels: Mapping[str, str]
    ports: tuple[int, ...]
    condition: When = ALWAYS
    role: str = ""

    def render(self, **names: str) -> dict[str, str]:
        return {k: v.format(**names) for k, v in self.labels.items()}


@dataclass(frozen=True)
class Created:
    """An object a release creates that other objects reference by name. `name` may use
    `{release}`, `{chart}` and `{fullname}` (Helm's default fullname rule)."""
    kind: str
    name: str
    condition: When = ALWAYS


def helm_fullname(release: str, chart: str) -> str:
    """The `<chart>.fullname` rule of Helm's default helpers: the release alone when it
    contains the chart's name (truncated to 63)."""
    name = release if chart in release else f"{release}-{chart}"
    return name[:63].rstrip("-")


def redis_master(release: str, chart: str) -> str:
    """Bitnami redis, standalone: the master's StatefulSet and Service are `<fullname>-master`."""
    return f"{helm_fullname(release, chart)}-master"



@dataclass(frozen=True)
class ChartFacts:
    chart: str
    version: str
    crds: tuple[Crds, ...] = ()
    webhooks: tuple[str, ...] = ()  # API groups whose objects its admission webhooks check
    requires: tuple[Requires, ...] = ()
    pods: tuple[Pod, ...] = ()      # the pods other objects select (NetworkPolicies, Services)
    # Values paths naming Secrets of the release's namespace that its pods need to start.
    secrets: tuple[str, ...] = ()
    creates: tuple[Created, ...] = ()  # objects of the release others reference by name
    notes: str = ""

    def created(self, release: str, values: Mapping[str, Any]) -> list[tuple[str, str]]:
        """(kind, name) of what `creates` declares for `release`."""
        names = dict(release=release, chart=self.chart, fullname=helm_fullname(release, self.chart))
        return [(c.kind, c.name.format(**names)) for c in self.creates if c.condition.holds(values)]

    def needed_secrets(self, values: Mapping[str, Any]) -> list[str]:
        return sorted({str(v) for path in self.secrets for v in lookup_all(values, path)
                       if isinstance(v, str) and v})

    def pods_of(self, release: str, values: Mapping[str, Any]) -> list[tuple[Pod, dict[str, str]]]:
        return [(p, p.render(release=release, chart=self.chart)) for p in self.pods
                if p.condition.holds(values)]

    def crd_groups(self, values: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
        return {c.group: c.kinds for c in self.crds if c.condition.holds(values)}

    def needs(self, values: Mapping[str, Any]) -> set[str]:
        """API group/versions this release needs before it can be applied, minus its own."""
        own = set(self.crd_groups(values))
        return {r.api for r in self.requires if not r.if_served
                and r.condition.holds(values) and r.api.split("/")[0] not in own}

    def uses(self, values: Mapping[str, Any]) -> set[str]:
        """API group/versions its objects use when everything is served (needed or not)."""
        own = set(self.crd_groups(values))
        return {r.api for r in self.requires
                if r.condition.holds(values) and r.api.split("/")[0] not in own}

    def render_needs(self, values: Mapping[str, Any]) -> set[str]:
        return {r.api for r in self.requires if r.fails_render and r.condition.holds(values)}


class UnknownChart(LookupError):
    pass


SERVICES_PACKAGE = "tomoda_k8s.platform.services"


def service_facts() -> dict[tuple[str, str], ChartFacts]:
    """Facts declared beside the extra platform services: `FACTS` of each module in
    `platform/services/` (the kit's two-file rule: a service's facts live with it).
    Imported on demand: the modules build on the construct layer, which imports this one."""
    import importlib
    import pkgutil

    package = importlib.import_module(SERVICES_PACKAGE)
    found: dict[tuple[str, str], ChartFacts] = {}
    for module in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        for f in getattr(importlib.import_module(f"{SERVICES_PACKAGE}.{module.name}"), "FACTS", ()):
            found[(f.chart, f.version)] = f
    return found


@dataclass(frozen=True)
class Catalog:
    """Every declared chart version, by (chart, version); with `services`, also the facts
    the extra platform services declare in their modules."""
    entries: Mapping[tuple[str, str], ChartFacts] = field(default_factory=dict)
    services: bool = False

    def facts(self, chart: str, version: str) -> ChartFacts:
        found = self.entries.get((chart, version))
        if found is None and self.services:
            found = service_facts().get((chart, version))
        if found is not None:
            return found
        known = sorted(v for c, v in self.entries if c == chart)
        raise UnknownChart(
            f"no declared facts for chart {chart} version {version} "
            f"(declared: {', '.join(known) or 'none'}); add them to "
            f"constructs/tomoda_k8s/chart_facts.py (or, for an extra platform service, to "
            f"FACTS in its module) with their evidence")


# Pods an operator runs for a custom resource, by (API group, kind).
OPERATOR_PODS: Mapping[tuple[str, str], Pod] = {
    # CNPG labels every instance with its Cluster; 5432 PostgreSQL, 8000 the instance manager's
    # status API (polled by the operator), 9187 metrics (docs/src/security.md, v1.30.0).
    ("postgresql.cnpg.io", "Cluster"): Pod({"cnpg.io/cluster": "{name}", "cnpg.io/podRole": "instance"},
                                           (5432, 8000, 9187), role="instance"),
}


def _catalog(*facts: ChartFacts) -> Catalog:
    return Catalog({(f.chart, f.version): f for f in facts}, services=True)


# ---------------------------------------------------------------- the declarations

CATALOG = _catalog(
    ChartFacts(
        "argo-cd", "7.7.13",
        creates=(Created("Service", "{release}-server"),),
        crds=(Crds("argoproj.io", ("AppProject", "Application", "ApplicationSet"),
                   when("crds.install", default=True)),),
        notes="installed by Terraform (gcp-argocd) before the bootstrap is applied"),
    ChartFacts(
        "kube-prometheus-stack", "88.2.0",
        creates=(Created("Service", "{release}-grafana"), Created("Service", "{fullname}-prometheus"), Created("Service", "{fullname}-alertmanager")),
        crds=(Crds("monitoring.coreos.com",
                   ("Alertmanager", "AlertmanagerConfig", "PodMonitor", "Probe", "Prometheus",
                    "PrometheusAgent", "PrometheusRule", "ScrapeConfig", "ServiceMonitor",
                    "ThanosRuler"),
                   when("crds.enabled", default=True)),),
        requires=(Requires(MONITORING),),
        secrets=("grafana.admin.existingSecret", "alertmanager.alertmanagerSpec.secrets[*]"),
        notes="ships the prometheus-operator CRDs (crds subchart, applied with the release) "
              "and renders its own ServiceMonitors; the operator's admission webhooks "
              "(PrometheusRule, AlertmanagerConfig) have failurePolicy Ignore, so they never "
              "block an apply"),
    ChartFacts(
        "cert-manager", "v1.19.4",
        crds=(Crds("cert-manager.io", ("Certificate", "CertificateRequest", "ClusterIssuer",
                                       "Issuer"), when("crds.enabled")),
              Crds("acme.cert-manager.io", ("Challenge", "Order"), when("crds.enabled"))),
        webhooks=("cert-manager.io", "acme.cert-manager.io"),
        requires=(Requires(MONITORING, when("prometheus.enabled", "prometheus.servicemonitor.enabled")),),
        notes="templates/servicemonitor.yaml has no Capabilities check: applying it fails "
              "without the CRD; the webhook (failurePolicy Fail) covers both API groups"),
    ChartFacts(
        "external-secrets", "2.9.0",
        crds=(Crds("external-secrets.io",
                   ("ClusterExternalSecret", "ClusterPushSecret", "ClusterSecretStore",
                    "ExternalSecret", "PushSecret", "SecretStore"),
                   when("installCRDs", default=True)),
              Crds("generators.external-secrets.io",
                   ("ACRAccessToken", "BeyondtrustWorkloadCredentialsDynamicSecret",
                    "CloudsmithAccessToken", "ClusterGenerator", "ECRAuthorizationToken", "Fake",
                    "GCRAccessToken", "GeneratorState", "GithubAccessToken", "GitlabDeployToken",
                    "Grafana", "MFA", "Password", "QuayAccessToken", "SSHKey", "STSSessionToken",
                    "UUID", "VaultDynamicSecret", "Webhook"),
                   when("installCRDs", default=True))),
        webhooks=("external-secrets.io",),
        requires=(Requires(MONITORING, when("serviceMonitor.enabled"), if_served=True),),
        notes="its ServiceMonitors use renderMode skipIfMissing: without the CRD they are "
              "left out of the render (and appear on a later refresh), so nothing fails"),
    ChartFacts(
        "cloudnative-pg", "0.29.0",
        crds=(Crds("postgresql.cnpg.io",
                   ("Backup", "Cluster", "ClusterImageCatalog", "Database", "DatabaseRole",
                    "FailoverQuorum", "ImageCatalog", "Pooler", "Publication", "ScheduledBackup",
                    "Subscription"),
                   when("crds.create", default=True)),),
        webhooks=("postgresql.cnpg.io",),
        requires=(Requires(MONITORING, when("monitoring.podMonitorEnabled")),),
        notes="the PodMonitor is rendered without a Capabilities check"),
    ChartFacts(
        "plugin-barman-cloud", "0.7.0",
        crds=(Crds("barmancloud.cnpg.io", ("ObjectStore",), when("crds.create", default=True)),),
        requires=(Requires(CERT_MANAGER),),
        notes="always renders a self-signed Issuer and two Certificates for its gRPC TLS; "
              "its Pod waits for their Secrets"),
    ChartFacts(
        "traefik", "39.0.9",
        crds=(Crds("traefik.io", ("IngressRoute", "IngressRouteTCP", "IngressRouteUDP",
                                  "Middleware", "MiddlewareTCP", "ServersTransport",
                                  "ServersTransportTCP", "TLSOption", "TLSStore",
                                  "TraefikService")),
              Crds("hub.traefik.io", ("AIService", "API", "APIAuth", "APIBundle",
                                      "APICatalogItem", "APIPlan", "APIPortal", "APIPortalAuth",
                                      "APIRateLimit", "APIVersion", "AccessControlPolicy",
                                      "ManagedApplication", "ManagedSubscription")),
              Crds("gateway.networking.k8s.io", ("BackendTLSPolicy", "GRPCRoute", "Gateway",
                                                 "GatewayClass", "HTTPRoute", "ReferenceGrant"))),
        requires=(Requires(MONITORING, when("metrics.prometheus.serviceMonitor.enabled"),
                           fails_render=True),),
        notes="crds/ holds 29 CRDs (Argo CD applies them: --include-crds); "
              "templates/servicemonitor.yaml fails the render: 'You have to deploy "
              "monitoring.coreos.com/v1 first'"),
    ChartFacts(
        "external-dns", "1.21.1",
        crds=(Crds("externaldns.k8s.io", ("DNSEndpoint",)),),
        requires=(Requires(MONITORING, when("serviceMonitor.enabled")),),
        secrets=("env[*].valueFrom.secretKeyRef.name",),
        notes="crds/ ships the DNSEndpoint CRD whatever the sources"),
    ChartFacts("oauth2-proxy", "10.1.4",
               creates=(Created("Service", "{fullname}"),),
               requires=(Requires(MONITORING, when("metrics.servicemonitor.enabled")),),
               secrets=("config.existingSecret",)),
    ChartFacts("loki", "18.11.0",
               creates=(Created("Service", "{fullname}"),),
               crds=(Crds("rollout-operator.grafana.com", ("ReplicaTemplate", "ZoneAwarePodDisruptionBudget"),
                          when("rollout_operator.enabled")),),
               requires=(Requires(MONITORING, when("monitoring.serviceMonitor.enabled")),
                         Requires(MONITORING, when("monitoring.rules.enabled"))),
               notes="monitoring kinds are all off by default; rollout-operator (CRDs) is off"),
    ChartFacts("tempo", "1.26.7",
               creates=(Created("Service", "{fullname}"),),
               requires=(Requires(MONITORING, when("serviceMonitor.enabled")),)),
    ChartFacts("alloy", "1.11.1",
               creates=(Created("Service", "{fullname}"),),
               crds=(Crds("monitoring.grafana.com", ("PodLogs",), when("crds.create", default=True)),),
               requires=(Requires(MONITORING, when("serviceMonitor.enabled")),)),
    ChartFacts("prometheus-blackbox-exporter", "11.17.2",
               creates=(Created("Service", "{fullname}"),),
               requires=(Requires(MONITORING, when("serviceMonitor.enabled")),)),
    ChartFacts("argocd-image-updater", "0.14.0",
               requires=(Requires(MONITORING, when("metrics.enabled", "metrics.serviceMonitor.enabled")),)),
    ChartFacts("redis", "23.1.1",
               creates=(Created("Service", "{fullname}-master"),),
               requires=(Requires(MONITORING, when("metrics.enabled", "metrics.serviceMonitor.enabled")),),
               secrets=("auth.existingSecret",),
               pods=(Pod({"app.kubernetes.io/name": "{chart}", "app.kubernetes.io/instance": "{release}",
                          "app.kubernetes.io/component": "master"}, (6379,), role="master"),
                     Pod({"app.kubernetes.io/name": "{chart}", "app.kubernetes.io/instance": "{release}",
                          "app.kubernetes.io/component": "master"}, (9121,),
                         when("metrics.enabled"), role="metrics")),
               notes="renders a NetworkPolicy open to every namespace unless networkPolicy.enabled "
                     "is false"),
    ChartFacts("pgadmin4", "1.64.0",
               creates=(Created("Service", "{fullname}"),),
               secrets=("existingSecret",),
               pods=(Pod({"app.kubernetes.io/name": "{chart}", "app.kubernetes.io/instance": "{release}"},
                         (80,)),),
               notes="renders a NetworkPolicy without `from` (every pod) unless "
                     "networkPolicy.enabled is false"),
)
