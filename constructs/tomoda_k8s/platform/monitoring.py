"""Monitoring stack: kube-prometheus-stack (Prometheus, Grafana, Alertmanager), Loki,
Tempo and the blackbox exporter, with the internal UIs behind oauth2-proxy."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import cdk8s
from constructs import Construct

from tomoda_model.model import Alerting, ReceiverKind

from ..base import ServiceEndpoint
from ..chart_facts import helm_fullname
from ..ingress import MiddlewareRef
from ..resources import Resources
from .kit import HelmService, ServiceProps

KPS = "kube-prometheus-stack"
GRAFANA_ADMIN_SECRET = "grafana-admin"
RECEIVER_SECRET = "alertmanager-receiver"  # mounted at /etc/alertmanager/secrets/<name>/<key>
RECEIVER_KEY = "credential"
RECEIVER = "tomoda"
# Alertmanager receiver kinds: config list, and the field that reads the credential from a
# file (Alertmanager v0.33.1 docs/configuration.md; prometheus-operator v0.93.0 knows them).
RECEIVER_FIELDS = {
    ReceiverKind.SLACK: ("slack_configs", "api_url_file"),
    ReceiverKind.WEBHOOK: ("webhook_configs", "url_file"),
    ReceiverKind.PAGERDUTY: ("pagerduty_configs", "routing_key_file"),
}
# kube-prometheus-stack scrapes these by default; on GKE the control plane is managed (no
# scrapeable controller-manager, scheduler or etcd), Dataplane V2 runs no kube-proxy and DNS
# is kube-dns, not CoreDNS: their `absent(up)` alerts would fire for ever.
GKE_ABSENT_COMPONENTS = ("kubeControllerManager", "kubeScheduler", "kubeEtcd", "kubeProxy",
                         "coreDns")


def alertmanager_config(alerting: Alerting) -> dict:
    """Every alert to the model's receiver; the two alerts meant for no one stay with `null`
    (Watchdog is the always-firing heartbeat, InfoInhibitor only mutes info alerts)."""
    kind, file_field = RECEIVER_FIELDS[alerting.receiver]
    target: dict = {file_field: f"/etc/alertmanager/secrets/{RECEIVER_SECRET}/{RECEIVER_KEY}",
                    "send_resolved": True}
    if alerting.channel and alerting.receiver is ReceiverKind.SLACK:
        target["channel"] = alerting.channel
    return {
        "route": {
            "receiver": RECEIVER, "group_by": ["alertname", "namespace"],
            "routes": [{"receiver": "null", "matchers": [f'alertname = "{name}"']}
                       for name in ("Watchdog", "InfoInhibitor")],
        },
        "receivers": [{"name": "null"}, {"name": RECEIVER, kind: [target]}],
    }
DASHBOARD_LABEL = "grafana_dashboard"
DASHBOARD_LABEL_VALUE = "1"
LOKI_PORT = 3100
TEMPO_PORT = 3200
OTLP_GRPC_PORT = 4317
OTLP_HTTP_PORT = 4318
COLLECTOR_PORT = 12345  # Alloy's own HTTP (UI, metrics)
LOG_RETENTION = "336h"  # 14 days of logs
BLACKBOX_PORT = 9115


class Loki(HelmService):
    """Loki (the grafana-community chart: grafana.github.io's is GEL-only since 7.0.0):
    monolithic on a filesystem volume (one cluster, modest log volume). Retention needs the
    compactor: without retention_enabled nothing is ever deleted and the volume fills.
    `.endpoint`: its Service, Grafana's data source and the collector's target."""

    def __init__(self, scope: Construct, id: str, *, props: ServiceProps):
        super().__init__(scope, id, props=props, release="loki")
        self.api = self.endpoint(LOKI_PORT)
        self.install(
            values={
                "deploymentMode": "Monolithic",
                "loki": {
                    "auth_enabled": False,
                    "commonConfig": {"replication_factor": 1},
                    "storage": {"type": "filesystem"},
                    "schemaConfig": {"configs": [{
                        "from": "2024-04-01", "store": "tsdb", "object_store": "filesystem",
                        "schema": "v13", "index": {"prefix": "loki_index_", "period": "24h"}}]},
                    "limits_config": {"retention_period": LOG_RETENTION},
                    "compactor": {"retention_enabled": True, "delete_request_store": "filesystem"},
                },
                "singleBinary": {"replicas": 1, "persistence": {"enabled": True, "size": "20Gi"},
                                 "resources": Resources("100m", "256Mi", cpu_limit="500m",
                                                        memory_limit="1Gi").values()},
                "read": {"replicas": 0}, "write": {"replicas": 0}, "backend": {"replicas": 0},
                "chunksCache": {"enabled": False}, "resultsCache": {"enabled": False},
                "minio": {"enabled": False}, "gateway": {"enabled": False},
                "lokiCanary": {"enabled": False}, "test": {"enabled": False},
                # no ruler ConfigMaps: no cluster-wide read of Secrets for the rules sidecar
                "sidecar": {"rules": {"enabled": False}},
            })


class Tempo(HelmService):
    """Tempo: single binary, local storage, OTLP receivers for the app's traces.
    `.api`: its query Service (Grafana's data source); the collector sends OTLP to its host."""

    def __init__(self, scope: Construct, id: str, *, props: ServiceProps):
        super().__init__(scope, id, props=props, release="tempo")
        self.api = self.endpoint(TEMPO_PORT)
        self.install(
            values={
                "tempo": {
                    "storage": {"trace": {"backend": "local"}},
                    "retention": "72h",
                    # OTLP only (the collector forwards it); the chart's default Jaeger and
                    # OpenCensus receivers would open ports nothing uses (null drops a default).
                    "receivers": {"jaeger": None, "opencensus": None, "otlp": {"protocols": {
                        "grpc": {"endpoint": f"0.0.0.0:{OTLP_GRPC_PORT}"},
                        "http": {"endpoint": f"0.0.0.0:{OTLP_HTTP_PORT}"}}}},
                    "resources": Resources("50m", "128Mi", cpu_limit="500m", memory_limit="1Gi").values(),
                },
                "persistence": {"enabled": True, "size": "10Gi"},
                "serviceMonitor": {"enabled": True},
            })


class BlackboxExporter(HelmService):
    """The prober behind every Probe (see probes.py); `.prober` is its Service."""

    def __init__(self, scope: Construct, id: str, *, props: ServiceProps):
        super().__init__(scope, id, props=props)
        self.prober = self.endpoint(BLACKBOX_PORT)
        self.install(
            values={
                "config": {"modules": {"http_2xx": {
                    "prober": "http", "timeout": "10s",
                    "http": {"valid_http_versions": ["HTTP/1.1", "HTTP/2.0"],
                             "follow_redirects": True, "preferred_ip_protocol": "ip4"}}}},
                "resources": Resources("10m", "32Mi", cpu_limit="100m", memory_limit="64Mi").values(),
            })


@dataclass(frozen=True)
class MonitoringProps:
    """The monitoring charts' props, the internal UIs' hosts (grafana, prometheus,
    alertmanager) and the Secret Manager names of Grafana's admin password and of the
    alert receiver's credential (`alerting.secret`)."""
    kps: ServiceProps
    loki: ServiceProps
    tempo: ServiceProps
    alloy: ServiceProps
    blackbox: ServiceProps
    hosts: Mapping[str, str]
    alerting: Alerting
    grafana_admin: str


class PrometheusStack(HelmService):
    """kube-prometheus-stack: Prometheus, Alertmanager and Grafana (data sources `loki` and
    `tempo`), each UI behind `auth` with a certificate from `issuer`."""

    def __init__(self, scope: Construct, id: str, *, props: MonitoringProps, store: cdk8s.ApiObject,
                 auth: MiddlewareRef, issuer: cdk8s.ApiObject, loki: ServiceEndpoint,
                 tempo: ServiceEndpoint):
        super().__init__(scope, id, props=props.kps, release=KPS)
        hosts = props.hosts
        self.grafana_admin = self.add_secret(
            "grafana-admin", name=GRAFANA_ADMIN_SECRET, store=store,
            data={"password": props.grafana_admin},
            template={"admin-user": "admin", "admin-password": "{{ .password }}"})
        self.receiver = self.add_secret(
            "alert-receiver", name=RECEIVER_SECRET, store=store,
            data={RECEIVER_KEY: props.alerting.secret})
        self.services = {  # the chart's Services, for the Ingresses below
            "grafana": self.endpoint(80, name=helm_fullname(KPS, "grafana")),
            "prometheus": self.endpoint(9090, suffix="-prometheus"),
            "alertmanager": self.endpoint(9093, suffix="-alertmanager"),
        }
        # *SelectorNilUsesHelmValues false: Prometheus picks up every ServiceMonitor,
        # PodMonitor, Probe and PrometheusRule in the cluster, not only this release's.
        self.install(
            server_side_apply=True,
            values={
                "prometheus": {"prometheusSpec": {
                    "serviceMonitorSelectorNilUsesHelmValues": False,
                    "podMonitorSelectorNilUsesHelmValues": False,
                    "ruleSelectorNilUsesHelmValues": False,
                    "probeSelectorNilUsesHelmValues": False,
                    "scrapeConfigSelectorNilUsesHelmValues": False,
                    "retention": "15d",
                    "externalUrl": f"https://{hosts['prometheus']}",
                    "resources": Resources("200m", "1Gi", cpu_limit="1", memory_limit="2Gi").values(),
                    "storageSpec": {"volumeClaimTemplate": {"spec": {
                        "accessModes": ["ReadWriteOnce"],
                        "resources": {"requests": {"storage": "30Gi"}}}}},
                }},
                "alertmanager": {
                    "alertmanagerSpec": {
                        "externalUrl": f"https://{hosts['alertmanager']}",
                        "secrets": [self.receiver.name],
                        "resources": Resources("10m", "64Mi", cpu_limit="100m", memory_limit="128Mi").values(),
                    },
                    "config": alertmanager_config(props.alerting),
                },
                **{component: {"enabled": False} for component in GKE_ABSENT_COMPONENTS},
                "grafana": {
                    "admin": {"existingSecret": self.grafana_admin.name,
                              "userKey": "admin-user", "passwordKey": "admin-password"},
                    "grafana.ini": {"server": {"root_url": f"https://{hosts['grafana']}"}},
                    "sidecar": {"dashboards": {"enabled": True, "label": DASHBOARD_LABEL,
                                               "labelValue": DASHBOARD_LABEL_VALUE,
                                               "searchNamespace": "ALL"}},
                    "additionalDataSources": [
                        {"name": "Loki", "type": "loki", "uid": "loki", "url": loki.url()},
                        {"name": "Tempo", "type": "tempo", "uid": "tempo", "url": tempo.url()},
                    ],
                    "resources": Resources("50m", "128Mi", cpu_limit="500m", memory_limit="512Mi").values(),
                },
                "prometheusOperator": {"resources": Resources("50m", "128Mi", cpu_limit="200m",
                                                              memory_limit="256Mi").values()},
                "kube-state-metrics": {"resources": Resources("10m", "64Mi", cpu_limit="100m",
                                                              memory_limit="256Mi").values()},
                "prometheus-node-exporter": {"resources": Resources("10m", "32Mi", cpu_limit="100m",
                                                                    memory_limit="64Mi").values()},
            })
        self.ingresses = {
            ui: self.add_ingress(f"ingress-{ui}", name=ui, host=hosts[ui], service=service,
                                 issuer=issuer, guard=auth)
            for ui, service in self.services.items()
        }


class Monitoring(Construct):
    """The monitoring stack. `.namespace`: where its rules, probes and dashboards go;
    `.otlp`: the endpoint apps export traces to; `.blackbox_address`: the prober's address."""

    def __init__(self, scope: Construct, id: str, *, props: MonitoringProps, store: cdk8s.ApiObject,
                 auth: MiddlewareRef, issuer: cdk8s.ApiObject):
        super().__init__(scope, id)
        self.namespace = props.kps.chart.namespace
        # Grafana's data sources: each chart's Service, in that chart's own namespace.
        self.loki = Loki(self, "loki", props=props.loki)
        self.tempo = Tempo(self, "tempo", props=props.tempo)
        self.kps = PrometheusStack(self, "kps", props=props, store=store, auth=auth,
                                   issuer=issuer, loki=self.loki.api, tempo=self.tempo.api)
        self.collector = Collector(self, "collector", props=props.alloy, loki=self.loki.api,
                                   tempo=self.tempo.api)
        self.otlp = self.collector.otlp_http
        self.blackbox = BlackboxExporter(self, "blackbox", props=props.blackbox)
        self.blackbox_address = f"{self.blackbox.prober.host}:{self.blackbox.prober.port}"


def collector_config(loki: ServiceEndpoint, tempo: ServiceEndpoint) -> str:
    """Alloy: every pod's logs, read through the Kubernetes API (no hostPath, no privilege),
    to Loki; OTLP traces from the apps to Tempo. Components are GA in Alloy v1.18.1."""
    return f"""logging {{
  level  = "info"
  format = "logfmt"
}}

discovery.kubernetes "pods" {{
  role = "pod"
}}

discovery.relabel "pods" {{
  targets = discovery.kubernetes.pods.targets
  rule {{
    source_labels = ["__meta_kubernetes_namespace"]
    target_label  = "namespace"
  }}
  rule {{
    source_labels = ["__meta_kubernetes_pod_name"]
    target_label  = "pod"
  }}
  rule {{
    source_labels = ["__meta_kubernetes_pod_container_name"]
    target_label  = "container"
  }}
  rule {{
    source_labels = ["__meta_kubernetes_pod_label_app_kubernetes_io_name", "__meta_kubernetes_pod_label_app"]
    separator     = ""
    target_label  = "app"
  }}
}}

loki.source.kubernetes "pods" {{
  targets    = discovery.relabel.pods.output
  forward_to = [loki.write.default.receiver]
}}

loki.write "default" {{
  endpoint {{
    url = "{loki.url()}/loki/api/v1/push"
  }}
}}

otelcol.receiver.otlp "default" {{
  grpc {{
    endpoint = "0.0.0.0:{OTLP_GRPC_PORT}"
  }}
  http {{
    endpoint = "0.0.0.0:{OTLP_HTTP_PORT}"
  }}
  output {{
    traces = [otelcol.processor.batch.default.input]
  }}
}}

otelcol.processor.batch "default" {{
  output {{
    traces = [otelcol.exporter.otlp.tempo.input]
  }}
}}

otelcol.exporter.otlp "tempo" {{
  client {{
    endpoint = "{tempo.host}:{OTLP_GRPC_PORT}"
    tls {{
      insecure = true
    }}
  }}
}}
"""


class Collector(HelmService):
    """Grafana Alloy: ships logs to Loki and accepts OTLP for Tempo (`.otlp_http` is the
    endpoint apps export traces to)."""

    def __init__(self, scope: Construct, id: str, *, props: ServiceProps, loki: ServiceEndpoint,
                 tempo: ServiceEndpoint):
        super().__init__(scope, id, props=props, release="alloy")
        self.otlp_http = self.endpoint(OTLP_HTTP_PORT)
        pods = ["pods", "pods/log", "namespaces"]
        self.install(
            values={
                # One instance tails every pod through the API; a DaemonSet would read node
                # files as root through a hostPath.
                "controller": {"type": "deployment", "replicas": 1},
                "crds": {"create": False},  # PodLogs: unused
                # Only what log tailing needs; the chart's default also reads every Secret.
                # Both lists stay non-empty: templates/rbac.yaml concatenates them, and an
                # empty one renders `[]` inside the list (found by rendering the chart).
                "rbac": {"rules": [{"apiGroups": [""], "resources": pods,
                                    "verbs": ["get", "list", "watch"]}],
                         "clusterRules": [{"nonResourceURLs": ["/metrics"], "verbs": ["get"]}]},
                "alloy": {
                    "enableReporting": False,
                    "configMap": {"content": collector_config(loki, tempo)},
                    "extraPorts": [
                        {"name": "otlp-grpc", "port": OTLP_GRPC_PORT, "targetPort": OTLP_GRPC_PORT,
                         "protocol": "TCP", "appProtocol": "grpc"},
                        {"name": "otlp-http", "port": OTLP_HTTP_PORT, "targetPort": OTLP_HTTP_PORT,
                         "protocol": "TCP"}],
                    "resources": Resources("50m", "128Mi", cpu_limit="500m", memory_limit="512Mi").values(),
                },
                "serviceMonitor": {"enabled": True},
            })
