"""docs/environments.md: generated from the model and dist/, checked for freshness."""
from __future__ import annotations

import dataclasses
import json

import pytest

from support import ROOT, run_app
from tomoda_ops import envdoc

DOC = ROOT / envdoc.OUTPUT


@pytest.fixture(scope="module")
def page(estate, fresh_dist) -> str:
    return envdoc.render(estate, fresh_dist)


def _section(page: str, title: str) -> list[str]:
    lines = page.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in lines.splitlines() if line.startswith("|")]


def _row(page: str, section: str, label: str) -> list[str]:
    for line in _section(page, section):
        cells = [c.strip() for c in line.strip("|").split(" | ")]
        if cells[0] == label:
            return cells[1:]
    raise AssertionError(f"no row {label!r} in {section}")


def test_every_matrix_has_one_column_per_tenant(estate, page):
    header = "| | " + " | ".join(estate.tenants) + " |"
    for title in ("Kubernetes", "Data plane", "Ingress hosts", "Build and image pipeline", "AWS / CDN"):
        assert _section(page, title)[0] == header


def test_model_values_fill_the_cells(estate, page):
    assert _row(page, "Data plane", "CNPG Cluster (ns `data`)") == [
        f"`{t.postgres.cluster}`" for t in estate.tenants.values()]
    assert _row(page, "Ingress hosts", "API") == [t.hosts.api for t in estate.tenants.values()]


def test_unset_postgres_parameters_say_so(estate, page):
    cells = _row(page, "Data plane", "`effective_cache_size`")
    assert cells == [t.postgres.parameters.get("effective_cache_size", "(not set)")
                     for t in estate.tenants.values()]


def test_derived_names_are_read_back_from_dist(estate, page, k8s_tree):
    prod = list(estate.tenants).index("prod")
    pdbs = [d["metadata"]["name"] for rel, d in k8s_tree.all_objects("k8s/apps/tomoda/prod")
            if d.get("kind") == "PodDisruptionBudget"]
    assert pdbs and all(f"`{n}`" in _row(page, "Kubernetes", "PodDisruptionBudget")[prod] for n in pdbs)


def test_every_argo_cd_application_is_listed_with_its_chart_version_or_path(page, k8s_tree):
    rows = "\n".join(_section(page, "Argo CD Applications"))
    apps = [d for _, d in k8s_tree.all_objects() if d.get("kind") == "Application"]
    assert apps
    for app in apps:
        src = app["spec"].get("source") or app["spec"]["sources"][0]
        assert f"| `{app['metadata']['name']}` |" in rows
        assert f"`{src.get('targetRevision') if src.get('chart') else src['path']}`" in rows


def test_every_terraform_stack_is_listed_with_its_resource_count(page, fresh_dist):
    rows = _section(page, "Terraform stacks")
    stacks = sorted(p.parent.name for p in (fresh_dist / "terraform").glob("*/cdk.tf.json"))
    assert stacks
    for stack in stacks:
        doc = json.loads((fresh_dist / "terraform" / stack / "cdk.tf.json").read_text())
        count = sum(len(v) for v in doc.get("resource", {}).values())
        assert any(r.startswith(f"| `terraform/{stack}` | {count} |") for r in rows), stack


def test_a_third_tenant_gets_a_column_without_code_changes(estate, fresh_dist):
    # GIVEN a tenant that is not synthesized yet WHEN rendering THEN it has its own column
    # (dist-derived cells are simply empty).
    staging = dataclasses.replace(estate.tenants["dev"], name="staging", namespace="staging")
    bigger = dataclasses.replace(estate, tenants={**estate.tenants, "staging": staging})
    page = envdoc.render(bigger, fresh_dist)
    assert _row(page, "Kubernetes", "App namespace")[-1] == "`staging`"


def test_rendering_is_deterministic(estate, fresh_dist, page):
    assert envdoc.render(estate, fresh_dist) == page


def test_docs_check_fails_on_a_stale_page_and_passes_on_a_fresh_one(tmp_path, fresh_dist):
    out = tmp_path / "environments.md"
    write = run_app("apps/docs.py", "--dist", str(fresh_dist), "--out", str(out), check=False)
    assert write.returncode == 0, write.stderr
    fresh = run_app("apps/docs.py", "--check", "--dist", str(fresh_dist), "--out", str(out), check=False)
    assert fresh.returncode == 0
    out.write_text(out.read_text().replace("| App namespace |", "| App namespaces |"))
    stale = run_app("apps/docs.py", "--check", "--dist", str(fresh_dist), "--out", str(out), check=False)
    assert stale.returncode == 1
    assert "make docs" in stale.stderr


def test_docs_check_fails_when_the_page_is_missing(tmp_path, fresh_dist):
    proc = run_app("apps/docs.py", "--check", "--dist", str(fresh_dist), "--out", str(tmp_path / "none.md"),
                   check=False)
    assert proc.returncode == 1


@pytest.mark.skipif(not DOC.exists(), reason="docs/environments.md not generated yet (make synth docs)")
def test_committed_environments_page_is_fresh(estate, fresh_dist):
    stale = envdoc.staleness(estate, fresh_dist, DOC)
    assert not stale, "docs/environments.md is stale; run `make docs`:\n" + stale
