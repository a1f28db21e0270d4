"""Monitoring: selectors, probes of every public host, alert rules, dashboards."""
import json

from tomoda_k8s import layout

PLATFORM = layout.tier_dir("platform") + "/"
REQUIRED_ALERTS = {"ApiProbeDown", "AppProbeDown", "HighHttp5xxRatio", "PodCrashLooping",
                   "CnpgClusterNotHealthy", "PostgresBackupFailing", "PostgresBackupStale",
                   "RedisDown", "CertificateExpiringSoon"}


def kinds(k8s_tree, kind):
    return [d for _, d in k8s_tree.all_objects(PLATFORM) if d.get("kind") == kind]


def rules(k8s_tree):
    return [r for pr in kinds(k8s_tree, "PrometheusRule") for g in pr["spec"]["groups"] for r in g["rules"]]


def test_prometheus_selects_monitors_of_every_release(k8s_tree):
    app = k8s_tree.find("Application", "kube-prometheus-stack", "argocd", under=PLATFORM)
    spec = app["spec"]["source"]["helm"]["valuesObject"]["prometheus"]["prometheusSpec"]
    nil_flags = {k: v for k, v in spec.items() if k.endswith("SelectorNilUsesHelmValues")}
    assert len(nil_flags) >= 4 and set(nil_flags.values()) == {False}


def test_grafana_loads_labelled_dashboards_from_all_namespaces(k8s_tree):
    app = k8s_tree.find("Application", "kube-prometheus-stack", "argocd", under=PLATFORM)
    sidecar = app["spec"]["source"]["helm"]["valuesObject"]["grafana"]["sidecar"]["dashboards"]
    assert (sidecar["label"], sidecar["searchNamespace"]) == ("grafana_dashboard", "ALL")


def test_grafana_admin_comes_from_an_external_secret(k8s_tree):
    app = k8s_tree.find("Application", "kube-prometheus-stack", "argocd", under=PLATFORM)
    admin = app["spec"]["source"]["helm"]["valuesObject"]["grafana"]["admin"]
    assert k8s_tree.find("ExternalSecret", admin["existingSecret"], "monitoring")


def test_probes_cover_every_public_host_of_every_tenant(k8s_tree, estate):
    probed = {url.split("/")[2] for p in kinds(k8s_tree, "Probe")
              for url in p["spec"]["targets"]["staticConfig"]["static"]}
    for t in estate.tenants.values():
        assert {t.hosts.api, t.hosts.app, *t.hosts.extra_app} <= probed


def test_probes_go_through_the_blackbox_exporter(k8s_tree):
    for probe in kinds(k8s_tree, "Probe"):
        assert probe["spec"]["prober"]["url"] == "prometheus-blackbox-exporter.monitoring.svc.cluster.local:9115"
        assert probe["spec"]["module"] == "http_2xx"


def test_required_alerts_exist(k8s_tree):
    assert REQUIRED_ALERTS <= {r["alert"] for r in rules(k8s_tree)}


def test_backup_alerts_exist_only_for_tenants_with_backups(k8s_tree, estate):
    with_backup = {t.name for t in estate.tenants.values() if t.postgres.backup is not None}
    tenants = {r["labels"]["tenant"] for r in rules(k8s_tree) if r["alert"].startswith("PostgresBackup")}
    assert tenants == with_backup


def test_data_alerts_exist_for_every_tenant(k8s_tree, estate):
    for alert in ("CnpgClusterNotHealthy", "RedisDown"):
        assert {r["labels"]["tenant"] for r in rules(k8s_tree) if r["alert"] == alert} == set(estate.tenants)


def test_dashboards_are_labelled_json_config_maps(k8s_tree):
    maps = [c for c in kinds(k8s_tree, "ConfigMap") if c["metadata"]["name"].startswith("grafana-dashboard-")]
    assert len(maps) >= 2
    for cm in maps:
        assert cm["metadata"]["labels"] == {"grafana_dashboard": "1"}
        for text in cm["data"].values():
            board = json.loads(text)
            assert board["panels"] and all(p["targets"] for p in board["panels"])


def test_shared_entry_points_are_probed_and_alerted(k8s_tree):
    # Argo CD's UI/API and the SSO gate are public too: a probe each, one alert for both.
    probe = k8s_tree.find("Probe", "platform-entrypoints", "monitoring")
    assert sorted(probe["spec"]["targets"]["staticConfig"]["static"]) == [
        "https://argo-app.tomoda.life/healthz", "https://auth.tomoda.life/ping"]
    rules = [r for _, d in k8s_tree.all_objects() if d.get("kind") == "PrometheusRule"
             for g in d["spec"]["groups"] for r in g["rules"]]
    assert any(r.get("alert") == "PlatformEntrypointDown" and 'role="platform"' in r["expr"]
               for r in rules)


def kps_values(k8s_tree):
    app = k8s_tree.find("Application", "kube-prometheus-stack", "argocd", under=PLATFORM)
    return app["spec"]["source"]["helm"]["valuesObject"]


def test_every_alert_reaches_the_model_receiver(k8s_tree, estate):
    # GIVEN kube-prometheus-stack routes everything to `null` by default
    am = kps_values(k8s_tree)["alertmanager"]
    route, receivers = am["config"]["route"], {r["name"]: r for r in am["config"]["receivers"]}
    # THEN the root route goes to a receiver with a Slack notifier reading its URL from a file
    (target,) = receivers[route["receiver"]]["slack_configs"]
    secret = am["alertmanagerSpec"]["secrets"][0]
    assert target["api_url_file"].startswith(f"/etc/alertmanager/secrets/{secret}/")
    assert target["channel"] == estate.platform.alerting.channel
    # AND the credential comes through ESO from the model's GSM secret
    es = k8s_tree.find("ExternalSecret", secret, "monitoring")
    assert es["spec"]["data"][0]["remoteRef"]["key"] == estate.platform.alerting.secret
    # AND only the heartbeat and the inhibitor stay with `null`
    assert {r["matchers"][0] for r in route["routes"]} == {
        'alertname = "Watchdog"', 'alertname = "InfoInhibitor"'}


def test_components_gke_does_not_expose_are_not_scraped(k8s_tree):
    # managed control plane, no kube-proxy with Dataplane V2, kube-dns instead of CoreDNS
    values = kps_values(k8s_tree)
    for component in ("kubeControllerManager", "kubeScheduler", "kubeEtcd", "kubeProxy", "coreDns"):
        assert values[component] == {"enabled": False}, component


def chart_values(k8s_tree, name):
    return k8s_tree.find("Application", name, "argocd", under=PLATFORM)["spec"]["source"]


def test_loki_is_the_community_chart_and_deletes_old_logs(k8s_tree, estate):
    source = chart_values(k8s_tree, "loki")
    # grafana.github.io's loki chart is for Grafana Enterprise Logs only since 7.0.0
    assert source["repoURL"] == "https://grafana-community.github.io/helm-charts"
    loki = source["helm"]["valuesObject"]["loki"]
    # retention_period does nothing unless the compactor applies retention
    assert loki["limits_config"]["retention_period"] == "336h"
    assert loki["compactor"] == {"retention_enabled": True, "delete_request_store": "filesystem"}
    assert loki["schemaConfig"]["configs"][0]["index"]["period"] == "24h"  # retention needs it


def test_every_pods_logs_reach_loki_and_traces_reach_tempo(k8s_tree, estate):
    values = chart_values(k8s_tree, "alloy")["helm"]["valuesObject"]
    config = values["alloy"]["configMap"]["content"]
    loki = k8s_tree.find("Application", "loki", "argocd")["spec"]["destination"]["namespace"]
    # logs of every pod, through the Kubernetes API (no hostPath, no root)
    assert 'discovery.kubernetes "pods"' in config and 'loki.source.kubernetes "pods"' in config
    assert f'url = "http://loki.{loki}.svc.cluster.local:3100/loki/api/v1/push"' in config
    # OTLP in, to Tempo's OTLP gRPC port
    assert 'otelcol.receiver.otlp "default"' in config
    assert f'endpoint = "tempo.{loki}.svc.cluster.local:4317"' in config
    assert {p["port"] for p in values["alloy"]["extraPorts"]} == {4317, 4318}
    # the apps know where to send traces
    for tenant in estate.tenants.values():
        cm = k8s_tree.find("ConfigMap", f"backend-config-{tenant.name}", tenant.namespace)
        assert cm["data"]["OTEL_EXPORTER_OTLP_ENDPOINT"] == f"http://alloy.{loki}.svc.cluster.local:4318"
    # and Grafana reads both
    sources = {d["type"]: d["url"] for d in kps_values(k8s_tree)["grafana"]["additionalDataSources"]}
    assert sources == {"loki": f"http://loki.{loki}.svc.cluster.local:3100",
                       "tempo": f"http://tempo.{loki}.svc.cluster.local:3200"}


def test_the_collector_reads_pods_and_their_logs_only(k8s_tree):
    rbac = chart_values(k8s_tree, "alloy")["helm"]["valuesObject"]["rbac"]
    resources = {r for rule in rbac["rules"] for r in rule["resources"]}
    assert resources == {"pods", "pods/log", "namespaces"}
    assert not any("secrets" in rule.get("resources", []) for rule in rbac["clusterRules"])
