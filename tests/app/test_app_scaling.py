"""HPAs and PDBs of the backend pools."""
from __future__ import annotations

import pytest

from tomoda_k8s.layout import app_dir

TENANTS = ["dev", "prod"]
BOUNDS = {"dev": (1, 3), "prod": (2, 6)}
POOLS = ["tomoda-api", "tomoda-async"]


def find(k8s_tree, estate, tenant: str, kind: str, name: str) -> dict:
    t = estate.tenants[tenant]
    return k8s_tree.find(kind, name, t.namespace, under=app_dir(t))


def kinds(k8s_tree, estate, tenant: str, kind: str) -> list[dict]:
    return [d for _, d in k8s_tree.all_objects(app_dir(estate.tenants[tenant]))
            if d["kind"] == kind]


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("pool", POOLS)
def test_hpa_uses_autoscaling_v2(k8s_tree, estate, tenant, pool):
    assert find(k8s_tree, estate, tenant, "HorizontalPodAutoscaler", f"{pool}-hpa")[
        "apiVersion"] == "autoscaling/v2"


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("pool", POOLS)
def test_hpa_targets_cpu_70_and_memory_80(k8s_tree, estate, tenant, pool):
    spec = find(k8s_tree, estate, tenant, "HorizontalPodAutoscaler", f"{pool}-hpa")["spec"]
    targets = {m["resource"]["name"]: m["resource"]["target"] for m in spec["metrics"]}
    assert targets == {"cpu": {"type": "Utilization", "averageUtilization": 70},
                       "memory": {"type": "Utilization", "averageUtilization": 80}}


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("pool", POOLS)
def test_hpa_bounds_follow_the_tenant(k8s_tree, estate, tenant, pool):
    spec = find(k8s_tree, estate, tenant, "HorizontalPodAutoscaler", f"{pool}-hpa")["spec"]
    assert (spec["minReplicas"], spec["maxReplicas"]) == BOUNDS[tenant]


@pytest.mark.parametrize("pool,window", [("tomoda-api", 300), ("tomoda-async", 600)])
def test_prod_hpa_scales_down_slowly(k8s_tree, estate, pool, window):
    spec = find(k8s_tree, estate, "prod", "HorizontalPodAutoscaler", f"{pool}-hpa")["spec"]
    assert spec["behavior"] == {"scaleDown": {"stabilizationWindowSeconds": window}}


@pytest.mark.parametrize("pool", POOLS)
def test_dev_hpa_keeps_the_default_behaviour(k8s_tree, estate, pool):
    assert "behavior" not in find(k8s_tree, estate, "dev", "HorizontalPodAutoscaler",
                                  f"{pool}-hpa")["spec"]


@pytest.mark.parametrize("pool", POOLS)
def test_prod_pdb_keeps_half_of_each_pool(k8s_tree, estate, pool):
    spec = find(k8s_tree, estate, "prod", "PodDisruptionBudget", f"{pool}-pdb")["spec"]
    assert spec == {"minAvailable": "50%", "selector": {"matchLabels": {"app": pool}}}


def test_dev_has_no_pdb(k8s_tree, estate):
    assert kinds(k8s_tree, estate, "dev", "PodDisruptionBudget") == []


def test_frontend_has_no_hpa(k8s_tree, estate):
    for tenant in TENANTS:
        targets = [h["spec"]["scaleTargetRef"]["name"]
                   for h in kinds(k8s_tree, estate, tenant, "HorizontalPodAutoscaler")]
        assert sorted(targets) == POOLS
