"""A third tenant renders with no code change: only a new config/tenants/staging.toml."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from support import ROOT

APP = "k8s/apps/tomoda/staging"
KUBECTL = shutil.which("kubectl")

@pytest.fixture(scope="module")
def staging_tree(staging_dist) -> Path:
    # GIVEN the real config plus tenants/staging.toml modelled on dev.toml (conftest)
    return staging_dist


def docs(tree: Path) -> list[dict]:
    return [d for f in sorted((tree / APP).glob("*.yaml")) if f.name != "kustomization.yaml"
            for d in yaml.safe_load_all(f.read_text()) if d]


def test_staging_app_is_rendered(staging_tree):
    kinds = {d["kind"] for d in docs(staging_tree)}
    assert {"Deployment", "Service", "Ingress", "ConfigMap", "ExternalSecret",
            "NetworkPolicy", "HorizontalPodAutoscaler"} <= kinds


def test_staging_objects_live_in_the_staging_namespace(staging_tree):
    assert {d["metadata"]["namespace"] for d in docs(staging_tree)} == {"staging"}


def test_staging_objects_carry_the_staging_label(staging_tree):
    assert {d["metadata"]["labels"]["env"] for d in docs(staging_tree)} == {"staging"}


def test_staging_config_and_secret_are_its_own(staging_tree):
    names = {(d["kind"], d["metadata"]["name"]) for d in docs(staging_tree)}
    assert ("ConfigMap", "backend-config-staging") in names
    assert ("ExternalSecret", "backend-secrets-staging") in names
    (cm,) = [d for d in docs(staging_tree) if d["kind"] == "ConfigMap"]
    assert cm["data"]["DB_NAME"] == "tomoda_staging"
    assert cm["data"]["DB_HOST"] == "staging-postgres-postgresql.data.svc.cluster.local"


def test_staging_ingress_serves_only_staging_hosts(staging_tree):
    (ing,) = [d for d in docs(staging_tree) if d["kind"] == "Ingress"]
    assert {r["host"] for r in ing["spec"]["rules"]} == \
        {"api-staging.tomoda.life", "app-staging.tomoda.life"}


def test_other_tenants_are_unchanged_by_staging(staging_tree, k8s_tree):
    for tenant in ("dev", "prod"):
        rel = f"k8s/apps/tomoda/{tenant}"
        for f in sorted((k8s_tree.root / rel).iterdir()):
            assert (staging_tree / rel / f.name).read_text() == f.read_text(), f.name


@pytest.mark.skipif(KUBECTL is None, reason="kubectl (with built-in kustomize) is not installed")
def test_kubectl_kustomize_builds_staging(staging_tree):
    out = subprocess.run([KUBECTL, "kustomize", str(staging_tree / APP)],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_app_code_never_branches_on_a_tenant_name():
    # tenants differ only through model fields; a literal tenant name in the code is a branch
    for path in sorted((ROOT / "constructs" / "tomoda_k8s" / "app").glob("*.py")):
        source = path.read_text()
        for name in ("dev", "prod", "staging"):
            assert f'"{name}"' not in source and f"'{name}'" not in source, (path.name, name)
