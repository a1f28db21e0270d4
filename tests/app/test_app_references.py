"""Every reference inside a tenant's app resolves to an object of the same tenant."""
from __future__ import annotations

import pytest

from tomoda_k8s.layout import app_dir

TENANTS = ["dev", "prod"]


def objects(k8s_tree, estate, tenant: str) -> list[dict]:
    return [d for _, d in k8s_tree.all_objects(app_dir(estate.tenants[tenant]))]


def named(objs: list[dict], kind: str) -> dict[str, dict]:
    return {d["metadata"]["name"]: d for d in objs if d["kind"] == kind}


def pods(objs: list[dict]) -> dict[str, dict]:
    """Deployment name -> its pod template labels."""
    return {n: d["spec"]["template"]["metadata"]["labels"]
            for n, d in named(objs, "Deployment").items()}


def selected(selector: dict, objs: list[dict]) -> list[str]:
    return [n for n, labels in pods(objs).items() if selector.items() <= labels.items()]


@pytest.mark.parametrize("tenant", TENANTS)
def test_deployment_selectors_match_their_own_pods(k8s_tree, estate, tenant):
    for name, d in named(objects(k8s_tree, estate, tenant), "Deployment").items():
        labels = d["spec"]["template"]["metadata"]["labels"]
        assert d["spec"]["selector"]["matchLabels"].items() <= labels.items(), name


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("kind,path", [
    ("Service", ("spec", "selector")),
    ("NetworkPolicy", ("spec", "podSelector", "matchLabels")),
    ("PodDisruptionBudget", ("spec", "selector", "matchLabels")),
])
def test_selector_selects_exactly_one_pool(k8s_tree, estate, tenant, kind, path):
    objs = objects(k8s_tree, estate, tenant)
    for name, obj in named(objs, kind).items():
        selector = obj
        for key in path:
            selector = selector[key]
        assert len(selected(selector, objs)) == 1, f"{kind} {name}"


@pytest.mark.parametrize("tenant", TENANTS)
def test_ingress_backends_are_services_of_the_tenant_on_their_port(k8s_tree, estate, tenant):
    objs = objects(k8s_tree, estate, tenant)
    services = named(objs, "Service")
    for ing in named(objs, "Ingress").values():
        for rule in ing["spec"]["rules"]:
            for path in rule["http"]["paths"]:
                ref = path["backend"]["service"]
                svc = services[ref["name"]]
                assert ref["port"]["number"] in [p["port"] for p in svc["spec"]["ports"]]


@pytest.mark.parametrize("tenant", TENANTS)
def test_service_target_ports_are_container_ports(k8s_tree, estate, tenant):
    objs = objects(k8s_tree, estate, tenant)
    deployments = named(objs, "Deployment")
    for name, svc in named(objs, "Service").items():
        (pool,) = selected(svc["spec"]["selector"], objs)
        (c,) = deployments[pool]["spec"]["template"]["spec"]["containers"]
        for port in svc["spec"]["ports"]:
            assert port["targetPort"] in [p["containerPort"] for p in c["ports"]], name


@pytest.mark.parametrize("tenant", TENANTS)
def test_hpa_targets_are_deployments_of_the_tenant(k8s_tree, estate, tenant):
    objs = objects(k8s_tree, estate, tenant)
    deployments = named(objs, "Deployment")
    for hpa in named(objs, "HorizontalPodAutoscaler").values():
        ref = hpa["spec"]["scaleTargetRef"]
        target = deployments[ref["name"]]
        assert (ref["apiVersion"], ref["kind"]) == (target["apiVersion"], target["kind"])


@pytest.mark.parametrize("tenant", TENANTS)
def test_env_from_references_resolve(k8s_tree, estate, tenant):
    objs = objects(k8s_tree, estate, tenant)
    # a Secret exists once its ExternalSecret has synced: the ES target names it
    secrets = {es["spec"]["target"]["name"] for es in named(objs, "ExternalSecret").values()}
    config_maps = set(named(objs, "ConfigMap"))
    for name, d in named(objs, "Deployment").items():
        for c in d["spec"]["template"]["spec"]["containers"]:
            for source in c.get("envFrom", []):
                if "secretRef" in source:
                    assert source["secretRef"]["name"] in secrets, name
                else:
                    assert source["configMapRef"]["name"] in config_maps, name


@pytest.mark.parametrize("tenant", TENANTS)
def test_volume_mounts_resolve_to_pod_volumes(k8s_tree, estate, tenant):
    for name, d in named(objects(k8s_tree, estate, tenant), "Deployment").items():
        spec = d["spec"]["template"]["spec"]
        volumes = {v["name"] for v in spec.get("volumes", [])}
        for c in spec["containers"]:
            assert {m["name"] for m in c.get("volumeMounts", [])} <= volumes, name


def test_tenants_share_no_namespace(estate):
    namespaces = [t.namespace for t in estate.tenants.values()]
    assert len(set(namespaces)) == len(namespaces)
