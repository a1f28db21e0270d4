"""Facts of issue 3 about the Deployments and Services of the Tomoda app."""
from __future__ import annotations

import pytest

from tomoda_k8s.layout import app_dir

TENANTS = ["dev", "prod"]
NAMESPACE = {"dev": "tomoda", "prod": "prod"}
GIN_MODE = {"dev": "debug", "prod": "release"}
REGISTRY = "asia-east1-docker.pkg.dev/development-485000"
REPO = {"dev": "tomoda-dev-repo", "prod": "tomoda-prod-repo"}
API_URL = {"dev": "https://api-dev.tomoda.life", "prod": "https://api.tomoda.life"}
BACKEND_POOLS = ["tomoda-api", "tomoda-async"]


def find(k8s_tree, estate, tenant: str, kind: str, name: str) -> dict:
    t = estate.tenants[tenant]
    return k8s_tree.find(kind, name, t.namespace, under=app_dir(t))


def container(deployment: dict) -> dict:
    (c,) = deployment["spec"]["template"]["spec"]["containers"]
    return c


def env(deployment: dict) -> dict[str, str]:
    return {e["name"]: e["value"] for e in container(deployment).get("env", [])}


@pytest.mark.parametrize("tenant", TENANTS)
def test_app_lands_in_the_tenant_namespace(k8s_tree, estate, tenant):
    t = estate.tenants[tenant]
    objects = k8s_tree.all_objects(app_dir(t))
    assert objects
    assert {d["metadata"]["namespace"] for _, d in objects} == {NAMESPACE[tenant]}


@pytest.mark.parametrize("tenant", TENANTS)
def test_every_object_carries_the_env_label(k8s_tree, estate, tenant):
    for _, d in k8s_tree.all_objects(app_dir(estate.tenants[tenant])):
        assert d["metadata"]["labels"]["env"] == tenant, d["metadata"]["name"]


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("name,mode", [("tomoda-api", "multi-hub"), ("tomoda-async", "async")])
def test_backend_pool_runs_its_server_mode(k8s_tree, estate, tenant, name, mode):
    assert env(find(k8s_tree, estate, tenant, "Deployment", name))["SERVER_MODE"] == mode


@pytest.mark.parametrize("tenant", TENANTS)
def test_both_backend_pools_run_the_same_image(k8s_tree, estate, tenant):
    images = {container(find(k8s_tree, estate, tenant, "Deployment", n))["image"]
              for n in BACKEND_POOLS}
    assert len(images) == 1


def test_dev_images_are_latest_from_the_dev_repo(k8s_tree, estate):
    for name, image in (("tomoda-api", "tomoda-backend"), ("frontend", "tomoda-frontend")):
        assert container(find(k8s_tree, estate, "dev", "Deployment", name))["image"] == \
            f"{REGISTRY}/tomoda-dev-repo/{image}:latest"


@pytest.mark.parametrize("name", ["tomoda-api", "tomoda-async", "frontend"])
def test_prod_images_are_semver_tags_from_the_prod_repo(k8s_tree, estate, name):
    image = container(find(k8s_tree, estate, "prod", "Deployment", name))["image"]
    ref, tag = image.rsplit(":", 1)
    assert ref.startswith(f"{REGISTRY}/tomoda-prod-repo/")
    assert tag == estate.tenants["prod"].app.image_tag
    assert tag != "latest" and tag.startswith("v")


@pytest.mark.parametrize("name", BACKEND_POOLS)
def test_prod_backend_pools_pull_if_not_present(k8s_tree, estate, name):
    assert container(find(k8s_tree, estate, "prod", "Deployment", name))["imagePullPolicy"] == \
        "IfNotPresent"


@pytest.mark.parametrize("name", BACKEND_POOLS)
def test_dev_backend_pools_keep_the_default_pull_policy(k8s_tree, estate, name):
    assert "imagePullPolicy" not in container(find(k8s_tree, estate, "dev", "Deployment", name))


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("name", BACKEND_POOLS)
def test_gin_mode_follows_the_tenant(k8s_tree, estate, tenant, name):
    assert env(find(k8s_tree, estate, tenant, "Deployment", name))["GIN_MODE"] == GIN_MODE[tenant]


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("name", BACKEND_POOLS)
def test_photon_url_points_at_the_photon_service(k8s_tree, estate, tenant, name):
    # GIVEN the Photon Service the platform tier renders (namespace platform, port 2322)
    photon = estate.platform.photon
    # THEN the backend reaches it by its cluster DNS name
    assert env(find(k8s_tree, estate, tenant, "Deployment", name))["PHOTON_URL"] == \
        f"http://photon.{photon.namespace}.svc.cluster.local:{photon.port}"
    assert photon.namespace == "platform" and photon.port == 2322


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("name", BACKEND_POOLS)
def test_backend_env_comes_from_secret_uploader_and_config(k8s_tree, estate, tenant, name):
    refs = [next(iter(e.items())) for e in
            container(find(k8s_tree, estate, tenant, "Deployment", name))["envFrom"]]
    assert [(k, v["name"]) for k, v in refs] == [
        ("secretRef", f"backend-secrets-{tenant}"),
        ("secretRef", "s3-uploader-secret"),
        ("configMapRef", f"backend-config-{tenant}"),
    ]


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("name,requests,limits", [
    ("tomoda-api", {"memory": "64Mi", "cpu": "10m"}, {"memory": "512Mi", "cpu": "500m"}),
    ("tomoda-async", {"memory": "128Mi", "cpu": "10m"}, {"memory": "768Mi", "cpu": "500m"}),
])
def test_backend_pool_resources(k8s_tree, estate, tenant, name, requests, limits):
    resources = container(find(k8s_tree, estate, tenant, "Deployment", name))["resources"]
    assert resources == {"requests": requests, "limits": limits}


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("name", ["tomoda-api", "tomoda-async", "frontend"])
def test_every_container_has_requests_and_limits(k8s_tree, estate, tenant, name):
    resources = container(find(k8s_tree, estate, tenant, "Deployment", name))["resources"]
    for bound in ("requests", "limits"):
        assert set(resources[bound]) == {"cpu", "memory"}


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("name", BACKEND_POOLS)
def test_backend_pools_probe_health(k8s_tree, estate, tenant, name):
    c = container(find(k8s_tree, estate, tenant, "Deployment", name))
    assert c["livenessProbe"] == {"httpGet": {"path": "/health", "port": 8080},
                                  "initialDelaySeconds": 15, "periodSeconds": 30}
    assert c["readinessProbe"] == {"httpGet": {"path": "/health", "port": 8080},
                                   "initialDelaySeconds": 10, "periodSeconds": 10}


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("name", BACKEND_POOLS)
def test_backend_pools_start_with_two_replicas(k8s_tree, estate, tenant, name):
    assert find(k8s_tree, estate, tenant, "Deployment", name)["spec"]["replicas"] == 2


@pytest.mark.parametrize("tenant", TENANTS)
def test_backend_service_selects_only_the_api_pool(k8s_tree, estate, tenant):
    svc = find(k8s_tree, estate, tenant, "Service", "backend-service")
    assert svc["spec"]["type"] == "ClusterIP"
    assert svc["spec"]["selector"] == {"app": "tomoda-api"}
    assert [p["port"] for p in svc["spec"]["ports"]] == [8080]


@pytest.mark.parametrize("tenant", TENANTS)
def test_async_pool_has_no_service(k8s_tree, estate, tenant):
    services = [d for _, d in k8s_tree.all_objects(app_dir(estate.tenants[tenant]))
                if d["kind"] == "Service"]
    assert all(s["spec"]["selector"].get("app") != "tomoda-async" for s in services)


@pytest.mark.parametrize("tenant", TENANTS)
def test_frontend_serves_8081_behind_frontend_service(k8s_tree, estate, tenant):
    c = container(find(k8s_tree, estate, tenant, "Deployment", "frontend"))
    svc = find(k8s_tree, estate, tenant, "Service", "frontend-service")
    assert [p["containerPort"] for p in c["ports"]] == [8081]
    assert [p["port"] for p in svc["spec"]["ports"]] == [8081]
    assert svc["spec"]["selector"] == {"app": "frontend"}


@pytest.mark.parametrize("tenant", TENANTS)
def test_frontend_probes_root(k8s_tree, estate, tenant):
    c = container(find(k8s_tree, estate, tenant, "Deployment", "frontend"))
    assert c["livenessProbe"]["httpGet"] == {"path": "/", "port": 8081}
    assert c["readinessProbe"]["httpGet"] == {"path": "/", "port": 8081}


@pytest.mark.parametrize("tenant", TENANTS)
def test_frontend_api_url_is_the_tenant_api(k8s_tree, estate, tenant):
    assert env(find(k8s_tree, estate, tenant, "Deployment", "frontend"))["EXPO_PUBLIC_API_URL"] \
        == API_URL[tenant]


@pytest.mark.parametrize("tenant", TENANTS)
def test_frontend_runs_one_replica(k8s_tree, estate, tenant):
    assert find(k8s_tree, estate, tenant, "Deployment", "frontend")["spec"]["replicas"] == 1


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("name", ["tomoda-api", "tomoda-async", "frontend"])
def test_selectors_use_only_the_app_label(k8s_tree, estate, tenant, name):
    d = find(k8s_tree, estate, tenant, "Deployment", name)
    assert d["spec"]["selector"] == {"matchLabels": {"app": name}}
    assert d["spec"]["template"]["metadata"]["labels"] == {"app": name, "env": tenant}
