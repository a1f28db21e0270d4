"""Whole-tree facts the tenant tiers rely on: paths, stores, uniqueness, resources."""
import collections

import pytest

from tomoda_model import load_estate

from support import CONFIG

ESTATE = load_estate(CONFIG)
TENANTS = sorted(ESTATE.tenants)


def containers(doc):
    pod = doc.get("spec", {}).get("template", {}).get("spec", {})
    return pod.get("containers", []) + pod.get("initContainers", [])


def test_every_application_path_exists_in_the_tree(k8s_tree, estate):
    prefix = estate.gitops.dist_path + "/"
    for rel, doc in k8s_tree.all_objects():
        if doc["kind"] != "Application":
            continue
        for source in [doc["spec"].get("source")] + doc["spec"].get("sources", []):
            if source and "path" in source:
                assert source["path"].startswith(prefix), (rel, source["path"])
                path = source["path"][len(prefix):]
                assert (k8s_tree.root / path).is_dir(), f"{rel}: {path} does not exist"


def test_every_external_secret_names_a_store_of_its_own_tier(k8s_tree, estate):
    # a tenant's objects (its tier, its app) read through that tenant's stores; the platform's
    # through the platform's
    for rel, doc in k8s_tree.all_objects():
        if doc["kind"] == "ExternalSecret":
            ref = doc["spec"]["secretStoreRef"]
            assert ref["kind"] == "ClusterSecretStore", rel
            owner = next((t for t in estate.tenants if rel.startswith((f"k8s/envs/{t}/",
                                                                     f"k8s/apps/tomoda/{t}/"))), None)
            allowed = ({f"gsm-tomoda-{owner}", f"aws-sm-tomoda-{owner}"} if owner else {"gsm-tomoda"})
            assert ref["name"] in allowed, (rel, ref)


def test_no_object_is_defined_twice_across_the_k8s_tree(k8s_tree):
    seen = collections.Counter(
        (d["apiVersion"].split("/")[0] if "/" in d["apiVersion"] else "", d["kind"],
         d["metadata"].get("namespace"), d["metadata"]["name"])
        for _, d in k8s_tree.all_objects())
    assert [k for k, n in seen.items() if n > 1] == []


@pytest.mark.parametrize("name", TENANTS)
def test_tier_files_live_under_the_tenants_env_dir(k8s_tree, name):
    files = [f for f in k8s_tree.files() if f.startswith(f"k8s/envs/{name}/")]
    assert {f"k8s/envs/{name}/{c}.yaml" for c in ("postgres", "redis", "app")} <= set(files)


@pytest.mark.parametrize("name", TENANTS)
def test_every_container_of_the_tier_has_requests_and_limits(k8s_tree, name):
    for rel, doc in k8s_tree.all_objects(under=f"k8s/envs/{name}/"):
        for c in containers(doc):
            assert c["resources"]["requests"] and c["resources"]["limits"], (rel, c["name"])


@pytest.mark.parametrize("name", TENANTS)
def test_tier_has_no_secret_objects(k8s_tree, name):
    kinds = {d["kind"] for _, d in k8s_tree.all_objects(under=f"k8s/envs/{name}/")}
    assert "Secret" not in kinds


@pytest.mark.parametrize("name", TENANTS)
def test_data_objects_live_in_the_shared_data_namespace(k8s_tree, estate, name):
    for rel, doc in k8s_tree.all_objects(under=f"k8s/envs/{name}/"):
        if doc["kind"] in ("Cluster", "ScheduledBackup", "ExternalSecret", "Service", "Deployment", "Ingress"):
            assert doc["metadata"]["namespace"] == estate.data_namespace, (rel, doc["metadata"]["name"])
        if doc["kind"] == "Application":
            assert doc["metadata"]["namespace"] == estate.argocd.namespace
