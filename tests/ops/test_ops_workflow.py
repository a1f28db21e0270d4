"""The GitOps repository's CI workflow: valid for GitHub, and it runs what the README says."""
from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from support import ROOT, run_app

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


@pytest.mark.parametrize("schema", ["vendor.github-workflows", "custom.github-workflows-require-timeout"])
def test_the_workflow_validates_against_githubs_schema(schema):
    proc = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(WORKFLOW)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_schema_check_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "ci.yml"
    doc = yaml.safe_load(WORKFLOW.read_text())
    doc["jobs"]["test"]["runs-on"] = None
    doc["jobs"]["test"]["steps"][0]["uses"] = 7
    broken.write_text(yaml.safe_dump(doc))
    proc = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           str(broken)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1


def test_pull_requests_run_make_test_and_get_the_markdown_diff():
    doc = yaml.safe_load(WORKFLOW.read_text())
    runs = [s.get("run", "") for job in doc["jobs"].values() for s in job["steps"]]
    assert any(r.strip() == "make test" for r in runs)
    assert any("FORMAT=markdown" in r and "apps/diff.py --against" in r for r in runs)


def test_diff_against_compares_two_trees_without_synthesizing(tmp_path, fresh_dist):
    import shutil
    base = tmp_path / "base"
    shutil.copytree(fresh_dist, base)
    (base / "k8s/apps/tomoda/prod/pdb.yaml").unlink()
    proc = run_app("apps/diff.py", "--against", str(base), "--dist", str(fresh_dist), check=False,
                   env={"FORMAT": "markdown"})
    assert proc.returncode == 0 and "PodDisruptionBudget/prod/" in proc.stdout and "preview/" not in proc.stderr
