"""Grafana dashboards as ConfigMaps that Grafana's sidecar loads (label grafana_dashboard)."""
from __future__ import annotations

import json
from typing import Optional, Sequence

from cdk8s_plus_28 import k8s
from constructs import Construct

from tomoda_model import Tenant

from .alerts import redis_statefulset
from .common import platform_file

PROMETHEUS = {"type": "prometheus", "uid": "prometheus"}  # kube-prometheus-stack's datasource


def panel(index: int, title: str, *targets: tuple[str, str], unit: str = "short") -> dict:
    """A timeseries panel; two per row. `targets` are (expr, legend) pairs."""
    return {
        "id": index + 1, "type": "timeseries", "title": title, "datasource": PROMETHEUS,
        "gridPos": {"h": 8, "w": 12, "x": 12 * (index % 2), "y": 8 * (index // 2)},
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "targets": [{"refId": chr(ord("A") + i), "datasource": PROMETHEUS, "expr": expr,
                     "legendFormat": legend} for i, (expr, legend) in enumerate(targets)],
    }


def dashboard(uid: str, title: str, panels: list[tuple]) -> dict:
    return {
        "uid": uid, "title": title, "tags": ["tomoda"], "schemaVersion": 39, "version": 1,
        "editable": False, "refresh": "1m", "time": {"from": "now-6h", "to": "now"},
        "panels": [panel(i, *p[:-1], unit=p[-1]) for i, p in enumerate(panels)],
    }


def app_overview(tenants: Sequence[Tenant]) -> dict:
    namespaces = "|".join(t.namespace for t in tenants)
    return dashboard("tomoda-app-overview", "Tomoda / App overview", [
        ("Probe success", ("probe_success", "{{tenant}} {{role}} {{instance}}"), "percentunit"),
        ("Requests per second", ("sum by (service) (rate(traefik_service_requests_total[5m]))",
                                 "{{service}}"), "reqps"),
        ("5xx ratio", ('sum by (service) (rate(traefik_service_requests_total{code=~"5.."}[5m]))'
                       " / sum by (service) (rate(traefik_service_requests_total[5m]))",
                       "{{service}}"), "percentunit"),
        ("p95 latency", ("histogram_quantile(0.95, sum by (le, service) "
                         "(rate(traefik_service_request_duration_seconds_bucket[5m])))",
                         "{{service}}"), "s"),
        ("Container restarts (1h)",
         (f'sum by (namespace, pod) (increase(kube_pod_container_status_restarts_total'
          f'{{namespace=~"{namespaces}"}}[1h]))', "{{namespace}}/{{pod}}"), "short"),
        ("Memory working set",
         (f'sum by (namespace, pod) (container_memory_working_set_bytes'
          f'{{namespace=~"{namespaces}", container!=""}})', "{{namespace}}/{{pod}}"), "bytes"),
    ])


def data_plane(tenants: Sequence[Tenant], ns: str, redis_chart: str,
               photon: Optional[k8s.KubeDeployment]) -> dict:
    panels = []
    for t in tenants:
        pods = f'namespace="{ns}", pod=~"{t.postgres.cluster}-[0-9]+"'
        panels.append((f"{t.name}: Postgres up / backends",
                       (f"min(cnpg_collector_up{{{pods}}})", "up"),
                       (f"sum(cnpg_backends_total{{{pods}}})", "backends"), "short"))
        panels.append((f"{t.name}: Redis ready replicas",
                       (f'max(kube_statefulset_status_replicas_ready{{namespace="{ns}", '
                        f'statefulset="{redis_statefulset(t, redis_chart)}"}})', "ready"), "short"))
        if t.postgres.backup is not None:
            panels.append((f"{t.name}: age of last backup",
                           (f"time() - max(cnpg_collector_last_available_backup_timestamp{{{pods}}})",
                            "age"), "s"))
    if photon is not None:  # on the cluster that runs it
        panels.append(("Photon available replicas",
                       (f'kube_deployment_status_replicas_available{{namespace="{photon.metadata.namespace}", '
                        f'deployment="{photon.name}"}}', "photon"), "short"))
    return dashboard("tomoda-data-plane", "Tomoda / Data plane", panels)


class Dashboards(Construct):
    """Grafana's dashboards in `namespace`, labelled for its sidecar: the tenants' apps
    and data planes (as AlertRules), and `photon`'s availability."""

    def __init__(self, scope: Construct, id: str, *, namespace: str, label: str,
                 label_value: str, tenants: Sequence[Tenant], data_namespace: str,
                 redis_chart: str, photon: Optional[k8s.KubeDeployment]):
        super().__init__(scope, id)
        chart = platform_file(self, "file", service="dashboards")
        self.config_maps = []
        for name, board in (("app-overview", app_overview(tenants)),
                            ("data-plane", data_plane(tenants, data_namespace, redis_chart, photon))):
            self.config_maps.append(k8s.KubeConfigMap(
                chart, name,
                metadata=k8s.ObjectMeta(name=f"grafana-dashboard-{name}", namespace=namespace,
                                        labels={label: label_value}),
                data={f"{name}.json": json.dumps(board, indent=2, sort_keys=True)}))
