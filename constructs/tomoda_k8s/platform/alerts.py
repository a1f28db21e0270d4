"""Alerting rules (PrometheusRule), generated per tenant from the model.

Data-plane rules name each tenant's objects (CNPG pods, the Redis StatefulSet) so a third
tenant gets its own rules by configuration alone; backup rules exist only for tenants whose
Postgres has a backup.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import cdk8s
from constructs import Construct

from imports.com.coreos.monitoring import (
    PrometheusRule,
    PrometheusRuleSpec,
    PrometheusRuleSpecGroups,
    PrometheusRuleSpecGroupsRules,
    PrometheusRuleSpecGroupsRulesExpr,
)
from tomoda_model import Tenant

from ..argo import CRD_PENDING_ANNOTATION
from ..chart_facts import redis_master
from .common import platform_file

RULES_NAME = "tomoda-alerts"
# Daily ScheduledBackup plus two hours of slack before "stale".
BACKUP_MAX_AGE_SECONDS = 26 * 3600
CERT_WARN_SECONDS = 14 * 86400
ERROR_RATIO = 0.05


@dataclass(frozen=True)
class Alert:
    name: str
    expr: str
    for_: str
    severity: str
    summary: str
    labels: tuple[tuple[str, str], ...] = ()

    def rule(self) -> PrometheusRuleSpecGroupsRules:
        return PrometheusRuleSpecGroupsRules(
            alert=self.name, expr=PrometheusRuleSpecGroupsRulesExpr.from_string(self.expr),
            for_=self.for_, labels={"severity": self.severity, **dict(self.labels)},
            annotations={"summary": self.summary})


def redis_statefulset(tenant: Tenant, redis_chart: str) -> str:
    """The master StatefulSet of the tenant's Redis release (the same rule as its Service)."""
    return redis_master(tenant.redis.release, redis_chart)


def availability_alerts() -> list[Alert]:
    return [
        Alert("ApiProbeDown", 'probe_success{role="api"} == 0', "2m", "critical",
              "API of {{ $labels.tenant }} unreachable: {{ $labels.instance }}"),
        Alert("AppProbeDown", 'probe_success{role="app"} == 0', "2m", "critical",
              "App of {{ $labels.tenant }} unreachable: {{ $labels.instance }}"),
        Alert("PlatformEntrypointDown", 'probe_success{role="platform"} == 0', "5m", "critical",
              "Shared entry point unreachable: {{ $labels.instance }}"),
        Alert("HighHttp5xxRatio",
              'sum by (service) (rate(traefik_service_requests_total{code=~"5.."}[5m]))'
              ' / sum by (service) (rate(traefik_service_requests_total[5m])) > '
              f"{ERROR_RATIO}",
              "10m", "warning", "More than 5% of requests to {{ $labels.service }} fail with 5xx"),
        Alert("PodCrashLooping",
              'max_over_time(kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff"}[5m]) >= 1',
              "15m", "warning",
              "{{ $labels.namespace }}/{{ $labels.pod }} ({{ $labels.container }}) is crash-looping"),
    ]


def data_alerts(tenant: Tenant, ns: str, redis_chart: str) -> list[Alert]:
    pg = tenant.postgres
    pods = f'namespace="{ns}", pod=~"{pg.cluster}-[0-9]+"'
    tag = (("tenant", tenant.name),)
    alerts = [
        Alert("CnpgClusterNotHealthy", f"(min(cnpg_collector_up{{{pods}}}) or vector(0)) < 1", "5m",
              "critical", f"Postgres cluster {ns}/{pg.cluster} has an instance down", tag),
        Alert("RedisDown",
              f'(max(kube_statefulset_status_replicas_ready{{namespace="{ns}", '
              f'statefulset="{redis_statefulset(tenant, redis_chart)}"}}) or vector(0)) < 1',
              "5m", "critical", f"Redis {ns}/{tenant.redis.release} has no ready replica", tag),
    ]
    if pg.backup is not None:
        alerts += [
            Alert("PostgresBackupFailing",
                  f"max(cnpg_collector_last_failed_backup_timestamp{{{pods}}})"
                  f" > max(cnpg_collector_last_available_backup_timestamp{{{pods}}})",
                  "10m", "critical", f"The last backup of {ns}/{pg.cluster} failed", tag),
            Alert("PostgresBackupStale",
                  f"(time() - max(cnpg_collector_last_available_backup_timestamp{{{pods}}}))"
                  f" > {BACKUP_MAX_AGE_SECONDS}"
                  f" or absent(cnpg_collector_last_available_backup_timestamp{{{pods}}})",
                  "30m", "critical", f"No recent backup of {ns}/{pg.cluster}", tag),
        ]
    return alerts


def certificate_alerts() -> list[Alert]:
    return [
        Alert("CertificateExpiringSoon",
              f"certmanager_certificate_expiration_timestamp_seconds - time() < {CERT_WARN_SECONDS}",
              "1h", "warning",
              "Certificate {{ $labels.namespace }}/{{ $labels.name }} expires within 14 days"),
        Alert("CertificateNotReady",
              'certmanager_certificate_ready_status{condition="False"} == 1', "30m", "warning",
              "Certificate {{ $labels.namespace }}/{{ $labels.name }} is not ready"),
    ]


class AlertRules(Construct):
    """Every alert, in `namespace`: availability, each tenant's data stores (in
    `data_namespace`, Redis releases of chart `redis_chart`), certificates."""

    def __init__(self, scope: Construct, id: str, *, namespace: str, tenants: Sequence[Tenant],
                 data_namespace: str, redis_chart: str):
        super().__init__(scope, id)
        chart = platform_file(self, "file", service="alerts")
        groups = {
            "availability": availability_alerts(),
            **{f"data-{t.name}": data_alerts(t, data_namespace, redis_chart) for t in tenants},
            "certificates": certificate_alerts(),
        }
        self.rule = PrometheusRule(
            chart, "rules",
            metadata=cdk8s.ApiObjectMetadata(name=RULES_NAME, namespace=namespace,
                                             annotations=CRD_PENDING_ANNOTATION),
            spec=PrometheusRuleSpec(groups=[
                PrometheusRuleSpecGroups(name=name, rules=[a.rule() for a in alerts])
                for name, alerts in groups.items()]))
