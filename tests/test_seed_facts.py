"""The seeds' and issues' literal values, read from the rendered output.

Targeted tests elsewhere compare output with the model; these pin the reviewed values
themselves, so a wrong value in config/ cannot pass by agreeing with itself.
"""
from __future__ import annotations

import pytest


def _cluster(tree, name):
    return tree.find("Cluster", name, "data")["spec"]


def _redis_values(tree, release):
    app = tree.find("Application", release, "argocd")
    return app["spec"]["source"]["helm"]["valuesObject"]


def test_prod_postgres_is_sized_and_tuned_as_the_matrix_says(k8s_tree):
    spec = _cluster(k8s_tree, "postgres-prod")
    assert spec["storage"]["size"] == "20Gi"
    assert spec["resources"]["limits"] == {"cpu": "1000m", "memory": "1024Mi"}
    assert spec["postgresql"]["parameters"] == {
        "shared_buffers": "256MB", "effective_cache_size": "512MB",
        "log_statement": "none", "log_min_duration_statement": "1000"}
    (plugin,) = spec["plugins"]
    store = k8s_tree.find("ObjectStore", plugin["parameters"]["barmanObjectName"], "data")["spec"]
    assert store["configuration"]["destinationPath"] == "gs://tomoda-db-backups-development-485000/prod/"
    assert store["retentionPolicy"] == "30d"


def test_dev_postgres_is_small_logs_everything_and_has_no_backup(k8s_tree):
    spec = _cluster(k8s_tree, "postgres-dev")
    assert spec["storage"]["size"] == "10Gi"
    assert spec["resources"]["limits"] == {"cpu": "500m", "memory": "512Mi"}
    assert spec["postgresql"]["parameters"] == {"shared_buffers": "128MB", "log_statement": "all"}
    assert "backup" not in spec and "plugins" not in spec


@pytest.mark.parametrize("release, size, limits, metrics", [
    ("redis", "5Gi", {"cpu": "100m", "memory": "128Mi"}, True),
    ("prod-redis", "10Gi", {"cpu": "1", "memory": "1024Mi"}, False),
])
def test_redis_releases_follow_the_matrix(k8s_tree, release, size, limits, metrics):
    values = _redis_values(k8s_tree, release)
    assert values["architecture"] == "standalone"
    assert values["auth"]["enabled"] is True  # issue 10: the app sends a password
    assert values["master"]["persistence"]["size"] == size
    assert values["master"]["resources"]["limits"] == limits
    assert values["metrics"]["enabled"] is metrics


def test_every_tier_syncs_the_devops_repo_main_branch(k8s_tree):
    apps = k8s_tree.docs("k8s/envs/tiers.yaml")
    assert {a["metadata"]["name"] for a in apps} == {"platform", "dev", "prod"}
    for app in apps:
        src = app["spec"]["source"]
        assert src["repoURL"] == "https://github.com/tomoda-labs/devops.git"
        assert src["targetRevision"] == "main"
        assert src["path"] == f"dist/k8s/envs/{app['metadata']['name']}"


def test_photon_serves_2322_in_platform_from_the_unmanaged_index_bucket(k8s_tree, tf_tree):
    svc = k8s_tree.find("Service", "photon", "platform")
    assert svc["spec"]["ports"][0]["port"] == 2322
    pod = k8s_tree.find("Deployment", "photon", "platform")["spec"]["template"]["spec"]
    assert pod["containers"][0]["image"].startswith("rtuszik/photon-docker:")
    env = {e["name"]: e["value"] for e in pod["containers"][0]["env"]}
    assert "/development-485000-photon-index/" in env["FILE_URL"]
    for stack in ("gcp", "gcp-argocd", "aws-dev", "aws-prod"):
        assert "development-485000-photon-index" not in str(tf_tree.tf(stack)), stack


@pytest.mark.parametrize("namespace, api_host, config", [
    ("tomoda", "api-dev.tomoda.life", {
        "DB_HOST": "postgres-postgresql.data.svc.cluster.local", "DB_NAME": "tomoda_dev",
        "DB_USER": "tomoda_dev_user", "DB_SSLMODE": "disable",
        "REDIS_HOST": "redis-master.data.svc.cluster.local",
        "FRONTEND_URL": "https://app-dev.tomoda.life"}),
    ("prod", "api.tomoda.life", {
        "DB_HOST": "prod-postgres-postgresql.data.svc.cluster.local", "DB_NAME": "tomoda_prod",
        "DB_USER": "tomoda_prod_user", "DB_SSLMODE": "require",
        "REDIS_HOST": "prod-redis-master.data.svc.cluster.local",
        "FRONTEND_URL": "https://app.tomoda.life"}),
])
def test_backend_config_holds_the_seed_hosts(k8s_tree, namespace, api_host, config):
    tenant = "dev" if namespace == "tomoda" else "prod"
    data = k8s_tree.find("ConfigMap", f"backend-config-{tenant}", namespace)["data"]
    assert {k: data[k] for k in config} == config
    assert data["WEBAUTHN_RP_ID"] == api_host
    env = k8s_tree.find("Deployment", "tomoda-api", namespace)["spec"]["template"]["spec"][
        "containers"][0]["env"]
    assert {"name": "PHOTON_URL", "value": "http://photon.platform.svc.cluster.local:2322"} in env
