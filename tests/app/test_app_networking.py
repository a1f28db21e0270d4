"""The Ingress and NetworkPolicies of the Tomoda app."""
from __future__ import annotations

import pytest

from tomoda_k8s.layout import app_dir

TENANTS = ["dev", "prod"]
ROUTES = {
    "dev": {"api-dev.tomoda.life": ("backend-service", 8080),
            "app-dev.tomoda.life": ("frontend-service", 8081)},
    "prod": {"api.tomoda.life": ("backend-service", 8080),
             "app.tomoda.life": ("frontend-service", 8081),
             "www.tomoda.life": ("frontend-service", 8081)},
}


def find(k8s_tree, estate, tenant: str, kind: str, name: str) -> dict:
    t = estate.tenants[tenant]
    return k8s_tree.find(kind, name, t.namespace, under=app_dir(t))


def ingress(k8s_tree, estate, tenant: str) -> dict:
    t = estate.tenants[tenant]
    (ing,) = [d for _, d in k8s_tree.all_objects(app_dir(t)) if d["kind"] == "Ingress"]
    return ing


@pytest.mark.parametrize("tenant", TENANTS)
def test_ingress_is_traefik_class(k8s_tree, estate, tenant):
    assert ingress(k8s_tree, estate, tenant)["spec"]["ingressClassName"] == "traefik"


@pytest.mark.parametrize("tenant", TENANTS)
def test_ingress_certificate_comes_from_letsencrypt_prod(k8s_tree, estate, tenant):
    annotations = ingress(k8s_tree, estate, tenant)["metadata"]["annotations"]
    assert annotations["cert-manager.io/cluster-issuer"] == "letsencrypt-prod"


@pytest.mark.parametrize("tenant", TENANTS)
def test_ingress_routes_each_host_to_its_service(k8s_tree, estate, tenant):
    routes = {}
    for rule in ingress(k8s_tree, estate, tenant)["spec"]["rules"]:
        (path,) = rule["http"]["paths"]
        svc = path["backend"]["service"]
        routes[rule["host"]] = (svc["name"], svc["port"]["number"])
    assert routes == ROUTES[tenant]


@pytest.mark.parametrize("tenant", TENANTS)
def test_ingress_tls_secret_covers_every_host(k8s_tree, estate, tenant):
    (tls,) = ingress(k8s_tree, estate, tenant)["spec"]["tls"]
    assert tls["secretName"] == "tomoda-app-tls"
    assert set(tls["hosts"]) == set(ROUTES[tenant])


def test_prod_ingress_has_no_dev_host(k8s_tree, estate):
    hosts = [r["host"] for r in ingress(k8s_tree, estate, "prod")["spec"]["rules"]]
    assert not [h for h in hosts if "-dev." in h]


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("name,app,port", [("tomoda-api-policy", "tomoda-api", 8080),
                                           ("frontend-policy", "frontend", 8081)])
def test_served_pools_admit_only_traefik(k8s_tree, estate, tenant, name, app, port):
    spec = find(k8s_tree, estate, tenant, "NetworkPolicy", name)["spec"]
    assert spec["podSelector"] == {"matchLabels": {"app": app}}
    assert spec["policyTypes"] == ["Ingress"]
    assert spec["ingress"] == [{
        "from": [{"namespaceSelector": {"matchLabels": {
            "kubernetes.io/metadata.name": "traefik-system"}}}],
        "ports": [{"port": port, "protocol": "TCP"}],
    }]


@pytest.mark.parametrize("tenant", TENANTS)
def test_async_pool_denies_all_ingress(k8s_tree, estate, tenant):
    spec = find(k8s_tree, estate, tenant, "NetworkPolicy", "tomoda-async-policy")["spec"]
    assert spec["podSelector"] == {"matchLabels": {"app": "tomoda-async"}}
    assert spec["policyTypes"] == ["Ingress"]
    assert not spec.get("ingress")


def test_traefik_namespace_is_the_platform_chart_namespace(estate):
    assert estate.platform.charts["traefik"].namespace == "traefik-system"
