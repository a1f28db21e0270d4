"""Each tenant's Bitnami Redis release, installed by an Argo CD Application."""
import pytest

from tomoda_model import load_estate

from support import CONFIG

ESTATE = load_estate(CONFIG)
TENANTS = sorted(ESTATE.tenants)


def redis_app(k8s_tree, estate, name):
    release = estate.tenants[name].redis.release
    return k8s_tree.find("Application", release, estate.argocd.namespace, under=f"k8s/envs/{name}/")


def values(k8s_tree, estate, name):
    return redis_app(k8s_tree, estate, name)["spec"]["source"]["helm"]["valuesObject"]


def test_seed_release_names():
    assert ESTATE.tenants["dev"].redis.release == "redis"
    assert ESTATE.tenants["prod"].redis.release == "prod-redis"


@pytest.mark.parametrize("name", TENANTS)
def test_redis_installs_the_pinned_bitnami_chart_under_the_release_name(k8s_tree, estate, name):
    app = redis_app(k8s_tree, estate, name)
    chart = estate.platform.charts["redis"]
    source = app["spec"]["source"]
    assert (source["repoURL"], source["chart"], source["targetRevision"]) == (chart.repo_url, chart.chart, chart.version)
    assert source["helm"]["releaseName"] == estate.tenants[name].redis.release
    assert app["spec"]["destination"]["namespace"] == estate.data_namespace


@pytest.mark.parametrize("name", TENANTS)
def test_redis_is_standalone_with_the_password_the_app_sends(k8s_tree, estate, name):
    t = estate.tenants[name]
    v = values(k8s_tree, estate, name)
    assert v["architecture"] == "standalone"
    assert v["auth"] == {"enabled": True, "existingSecret": f"{t.redis.release}-auth",
                         "existingSecretPasswordKey": "redis-password"}
    es = k8s_tree.find("ExternalSecret", f"{t.redis.release}-auth", estate.data_namespace)
    (data,) = es["spec"]["data"]
    # the same GSM secret as the backend's REDIS_PASSWORD: one model value, both sides
    assert data == {"secretKey": "redis-password", "remoteRef": {
        "key": estate.backend_gsm_secret(t, estate.secrets.backend["REDIS_PASSWORD"])}}
    assert "Delete=false" in es["metadata"]["annotations"]["argocd.argoproj.io/sync-options"]


@pytest.mark.parametrize("name", TENANTS)
def test_only_the_tenants_clients_reach_its_redis(k8s_tree, estate, name):
    t = estate.tenants[name]
    assert values(k8s_tree, estate, name)["networkPolicy"] == {"enabled": False}  # admits all
    policy = k8s_tree.find("NetworkPolicy", f"{t.redis.release}-clients", estate.data_namespace)
    clients = policy["spec"]["ingress"][0]["from"]
    assert {c["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"] for c in clients} == {
        t.namespace, estate.data_namespace}


@pytest.mark.parametrize("name", TENANTS)
def test_redis_persistence_and_limits_come_from_model(k8s_tree, estate, name):
    r = estate.tenants[name].redis
    master = values(k8s_tree, estate, name)["master"]
    assert master["persistence"]["size"] == r.persistence
    assert master["resources"]["limits"] == {"cpu": r.cpu_limit, "memory": r.memory_limit}
    assert master["resources"]["requests"]


@pytest.mark.parametrize("name", TENANTS)
def test_redis_metrics_and_service_monitor_only_where_the_model_enables_them(k8s_tree, estate, name):
    metrics = values(k8s_tree, estate, name)["metrics"]
    assert metrics["enabled"] is estate.tenants[name].redis.metrics
    assert metrics.get("serviceMonitor", {}).get("enabled", False) is estate.tenants[name].redis.metrics
    if metrics["enabled"]:
        assert metrics["resources"]["requests"] and metrics["resources"]["limits"]


def test_dev_has_redis_metrics_and_prod_has_none():
    assert ESTATE.tenants["dev"].redis.metrics and not ESTATE.tenants["prod"].redis.metrics


@pytest.mark.parametrize("name", TENANTS)
def test_redis_images_are_pinned_bitnamilegacy_tags(k8s_tree, estate, name):
    v = values(k8s_tree, estate, name)
    assert v["global"]["security"]["allowInsecureImages"] is True
    assert v["image"]["repository"] == "bitnamilegacy/redis"
    assert v["image"]["tag"]


@pytest.mark.parametrize("name", TENANTS)
def test_redis_application_is_never_pruned_nor_deleted_by_a_sync(k8s_tree, estate, name):
    app = redis_app(k8s_tree, estate, name)
    options = app["metadata"]["annotations"]["argocd.argoproj.io/sync-options"].split(",")
    assert {"Prune=false", "Delete=false"} <= set(options)


@pytest.mark.parametrize("namespace, config, host", [
    ("tomoda", "backend-config-dev", "redis-master.data.svc.cluster.local"),
    ("prod", "backend-config-prod", "prod-redis-master.data.svc.cluster.local"),
])
def test_app_reaches_redis_through_the_release_master_service(k8s_tree, namespace, config, host):
    # The Bitnami chart names the master Service <fullname>-master; the app must use it.
    data = k8s_tree.find("ConfigMap", config, namespace)["data"]
    assert (data["REDIS_HOST"], data["REDIS_PORT"]) == (host, "6379")
