"""`make diff`: what a synthesis would change, per Argo CD Application and Terraform stack."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from support import CONFIG, ROOT, run_app
from tomoda_ops import diff


@pytest.fixture()
def committed(tmp_path, fresh_dist) -> Path:
    """A private copy of a fresh dist/ playing the committed one."""
    target = tmp_path / "dist"
    shutil.copytree(fresh_dist, target)
    return target


def _diff(committed: Path, *args: str, config: Path = CONFIG, env: dict | None = None):
    """apps/diff.py with CI's exit code: 1 when something would change."""
    return run_app("apps/diff.py", "--exit-code", "--config", str(config), "--dist", str(committed), *args,
                   check=False, env=env or {})


def _section(stdout: str, title_start: str) -> list[str]:
    """The +/-/~ lines under the unit whose title starts with `title_start`."""
    lines, out, inside = stdout.splitlines(), [], False
    for line in lines:
        if not line.startswith("  "):
            inside = line.startswith(title_start)
        elif inside and line.strip()[:1] in "+-~":
            out.append(line.strip().split("  [")[0])  # without the impact label
    return out


def test_nothing_changes_exits_0(committed):
    proc = _diff(committed)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("no changes")


def test_a_missing_object_is_reported_as_added_under_the_application_that_syncs_it(committed):
    # GIVEN the committed prod app lacks its PDBs WHEN diffing THEN prod-tomoda gains them.
    (committed / "k8s/apps/tomoda/prod/pdb.yaml").unlink()
    proc = _diff(committed)
    assert proc.returncode == 1
    section = _section(proc.stdout, "Application argocd/prod-tomoda")
    assert "+ PodDisruptionBudget/prod/tomoda-api-pdb" in section
    assert "+ PodDisruptionBudget/prod/tomoda-async-pdb" in section


def test_an_object_only_in_dist_is_reported_as_removed(committed):
    ghost = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "ghost", "namespace": "tomoda"}}
    (committed / "k8s/apps/tomoda/dev/ghost.yaml").write_text(yaml.safe_dump(ghost))
    proc = _diff(committed)
    assert proc.returncode == 1
    assert "- ConfigMap/tomoda/ghost" in _section(proc.stdout, "Application argocd/tomoda ")


def test_a_changed_object_is_reported_as_changed(committed):
    path = committed / "k8s/apps/tomoda/prod/hpa.yaml"
    path.write_text(path.read_text().replace("maxReplicas: 6", "maxReplicas: 9", 1))
    proc = _diff(committed)
    assert proc.returncode == 1
    assert "~ HorizontalPodAutoscaler/prod/tomoda-api-hpa" in _section(proc.stdout, "Application argocd/prod-tomoda")


def test_tier_objects_are_grouped_under_the_bootstrap_application_of_their_tier(committed):
    (committed / "k8s/envs/prod/redis.yaml").unlink()
    proc = _diff(committed)
    assert "+ Application/argocd/prod-redis" in _section(proc.stdout, "Application argocd/prod ")


def test_terraform_resources_are_reported_per_stack_as_type_dot_name(committed):
    path = committed / "terraform/gcp/cdk.tf.json"
    doc = json.loads(path.read_text())
    name = sorted(doc["resource"]["google_container_cluster"])[0]
    doc["resource"]["google_container_cluster"][name]["name"] = "renamed-by-hand"
    path.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n")
    proc = _diff(committed)
    assert proc.returncode == 1
    assert f"~ google_container_cluster.{name}" in _section(proc.stdout, "Terraform stack gcp ")


def test_full_prints_the_unified_diff_of_changed_files(committed):
    path = committed / "k8s/apps/tomoda/prod/hpa.yaml"
    path.write_text(path.read_text().replace("maxReplicas: 6", "maxReplicas: 9", 1))
    proc = _diff(committed, "--full")
    assert "--- a/dist/k8s/apps/tomoda/prod/hpa.yaml" in proc.stdout
    assert "-  maxReplicas: 9" in proc.stdout and "+  maxReplicas: 6" in proc.stdout


def test_the_summary_alone_prints_no_patch(committed):
    path = committed / "k8s/apps/tomoda/prod/hpa.yaml"
    path.write_text(path.read_text().replace("maxReplicas: 6", "maxReplicas: 9", 1))
    assert "--- a/dist/" not in _diff(committed).stdout


def test_a_config_change_is_previewed_without_touching_dist(tmp_path, committed):
    cfg = tmp_path / "config"
    shutil.copytree(CONFIG, cfg)
    text = (cfg / "tenants/prod.toml").read_text()
    (cfg / "tenants/prod.toml").write_text(text.replace("min = 2, max = 6", "min = 2, max = 5", 1))
    before = {p: p.read_bytes() for p in committed.rglob("*") if p.is_file()}
    proc = _diff(committed, config=cfg)
    assert proc.returncode == 1
    assert "~ HorizontalPodAutoscaler/prod/tomoda-api-hpa" in proc.stdout
    assert {p: p.read_bytes() for p in committed.rglob("*") if p.is_file()} == before


def test_a_stateful_removal_is_flagged_with_the_allow_destroy_line(committed):
    ghost = {"apiVersion": "postgresql.cnpg.io/v1", "kind": "Cluster",
             "metadata": {"name": "ghost", "namespace": "data"}}
    (committed / "k8s/envs/dev/ghost.yaml").write_text(yaml.safe_dump(ghost))
    proc = _diff(committed)
    assert "ALLOW_DESTROY=Cluster/data/ghost" in proc.stdout


def test_foreign_files_are_ignored(committed):
    (committed / "k8s/apps/tomoda/dev/.argocd-source-tomoda.yaml").write_text(
        "kustomize:\n  images:\n  - x.io/tomoda/tomoda-backend:dev-abc123\n")
    (committed / "terraform/aws-dev/.terraform.lock.hcl").write_text("# lock\n")
    assert _diff(committed).returncode == 0


def test_a_malformed_argocd_source_file_is_a_change(committed):
    (committed / "k8s/apps/tomoda/dev/.argocd-source-tomoda.yaml").write_text("kind: Secret\n")
    proc = _diff(committed)
    assert proc.returncode == 1 and ".argocd-source-tomoda.yaml" in proc.stdout


def test_an_invalid_config_exits_2(tmp_path, committed):
    cfg = tmp_path / "config"
    shutil.copytree(CONFIG, cfg)
    text = (cfg / "tenants/prod.toml").read_text()
    (cfg / "tenants/prod.toml").write_text(text.replace("min = 2, max = 6", "min = 7, max = 6", 1))
    proc = _diff(committed, config=cfg)
    assert proc.returncode == 2
    assert "tenants.prod.app.api_hpa.min" in proc.stderr


def test_a_diff_value_that_is_not_full_is_refused():
    proc = subprocess.run(["make", "-s", "diff", "DIFF=ful"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 2 and "DIFF='ful' is not one of" in proc.stderr


# ---------------------------------------------------------------- grouping, in process


def _write(root: Path, rel: str, *docs: dict) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(yaml.safe_dump_all(docs))


def _application(name: str, path: str, recurse: bool) -> dict:
    source = {"repoURL": "https://example.invalid/repo.git", "path": path}
    if recurse:
        source["directory"] = {"recurse": True}
    return {"kind": "Application", "metadata": {"name": name, "namespace": "argocd"},
            "spec": {"source": source}}


def test_grouping_follows_the_application_source_paths_found_in_the_tree(tmp_path):
    # GIVEN Applications with made-up paths WHEN comparing THEN objects land under them.
    old, new = tmp_path / "old", tmp_path / "new"
    for root in (old, new):
        _write(root, "k8s/root.yaml", _application("outer", "out/k8s/x", True),
               _application("inner", "out/k8s/x/y", False))
    cm = {"kind": "ConfigMap", "metadata": {"name": "c", "namespace": "n"}}
    _write(new, "k8s/x/deep/a.yaml", cm)
    _write(new, "k8s/x/y/b.yaml", {**cm, "metadata": {"name": "d", "namespace": "n"}})
    result = diff.compare(old, new, "out")
    units = {u.title.split("  ")[0]: u.added for u in result.units}
    assert units == {"Application argocd/outer": ["ConfigMap/n/c"],
                     "Application argocd/inner": ["ConfigMap/n/d"]}


def test_files_no_application_syncs_are_reported_as_such(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    _write(new, "k8s/envs/bootstrap.yaml", _application("a", "dist/k8s/envs/a", True))
    result = diff.compare(old, new, "dist")
    assert [u.title for u in result.units] == ["not synced by any Application  (k8s/envs)"]


def test_a_renamed_application_owns_its_directory_in_the_new_tree(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    _write(old, "k8s/root.yaml", _application("zzz-old", "dist/k8s/x", True))
    _write(new, "k8s/root.yaml", _application("aaa-new", "dist/k8s/x", True))
    _write(new, "k8s/x/a.yaml", {"kind": "ConfigMap", "metadata": {"name": "c", "namespace": "n"}})
    titles = [u.title for u in diff.compare(old, new, "dist").units]
    assert "Application argocd/aaa-new  (k8s/x)" in titles
    assert not any("zzz-old" in t for t in titles)


# ---------------------------------------------------------------- impact


def test_a_change_is_not_an_error_unless_ci_asks_for_the_exit_code(committed):
    (committed / "k8s/apps/tomoda/prod/pdb.yaml").unlink()
    plain = run_app("apps/diff.py", "--dist", str(committed), check=False)
    assert plain.returncode == 0 and "+ PodDisruptionBudget/prod/" in plain.stdout
    ci = run_app("apps/diff.py", "--dist", str(committed), check=False, env={"DIFF_EXIT_CODE": "1"})
    assert ci.returncode == 1


def _impacts(old: Path, new: Path) -> dict[str, str]:
    result = diff.compare(old, new, "dist")
    return {x: i.label() for u in result.units for x, i in u.impacts.items()}


def _tf(root: Path, stack: str, resources: dict) -> None:
    (root / "terraform" / stack).mkdir(parents=True, exist_ok=True)
    (root / "terraform" / stack / "cdk.tf.json").write_text(json.dumps({"resource": resources}))


def test_a_bucket_rename_is_a_replacement_with_data_at_risk(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    _tf(old, "aws-dev", {"aws_s3_bucket": {"b": {"bucket": "tomoda-assets-dev"}}})
    _tf(new, "aws-dev", {"aws_s3_bucket": {"b": {"bucket": "tomoda-assets-dev2"}}})
    assert _impacts(old, new) == {"aws_s3_bucket.b": "replaced (forces replacement: bucket); DATA AT RISK"}


@pytest.mark.parametrize("rtype,before,after,label", [
    ("google_container_node_pool", {"node_config": {"spot": True, "machine_type": "e2-standard-4"}},
     {"node_config": {"spot": False, "machine_type": "e2-standard-4"}},
     "replaced (forces replacement: node_config.spot); DATA AT RISK"),
    ("google_container_node_pool", {"node_config": {"machine_type": "e2-standard-4"}},
     {"node_config": {"machine_type": "e2-standard-8"}}, "updated in place"),
    ("google_container_cluster", {"ip_allocation_policy": {"cluster_secondary_range_name": "pods"}},
     {"ip_allocation_policy": {"cluster_secondary_range_name": "pods2"}},
     "replaced (forces replacement: ip_allocation_policy.cluster_secondary_range_name); DATA AT RISK"),
    ("google_secret_manager_secret", {"replication": {"auto": {}}},
     {"replication": {"user_managed": {"replicas": [{"location": "asia-east1"}]}}},
     "replaced (forces replacement: replication); DATA AT RISK"),
])
def test_nested_attributes_force_replacement_as_the_provider_marks_them(tmp_path, rtype, before, after, label):
    # GIVEN one stateful resource changed in a nested attribute WHEN diffed THEN the verdict is
    # terraform plan's: replaced only when a ForceNew attribute changed
    old, new = tmp_path / "old", tmp_path / "new"
    _tf(old, "gcp", {rtype: {"r": before}})
    _tf(new, "gcp", {rtype: {"r": after}})
    assert _impacts(old, new) == {f"{rtype}.r": label}


def test_a_stateful_deletion_puts_data_at_risk(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    cluster = {"apiVersion": "postgresql.cnpg.io/v1", "kind": "Cluster",
               "metadata": {"name": "postgres-prod", "namespace": "data"}}
    _write(old, "k8s/envs/prod/postgres.yaml", cluster)
    _write(new, "k8s/envs/prod/other.yaml", {"kind": "ConfigMap", "metadata": {"name": "c", "namespace": "data"}})
    impacts = _impacts(old, new)
    assert impacts["Cluster/data/postgres-prod"] == "deleted; DATA AT RISK"
    assert impacts["ConfigMap/data/c"] == "created"


def test_a_pod_template_change_rolls_the_pods_and_names_the_field(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    dep = {"kind": "Deployment", "metadata": {"name": "api", "namespace": "prod"},
           "spec": {"replicas": 2, "template": {"spec": {"containers": [{"image": "x/api:v1.0.0"}]}}}}
    _write(old, "k8s/apps/a/d.yaml", dep)
    dep2 = json.loads(json.dumps(dep))
    dep2["spec"]["template"]["spec"]["containers"][0]["image"] = "x/api:v1.1.0"
    _write(new, "k8s/apps/a/d.yaml", dep2)
    unit = diff.compare(old, new, "dist").units[0]
    i = unit.impacts["Deployment/prod/api"]
    assert i.label() == "updated in place; pods roll"
    assert i.detail == ('spec.template.spec.containers[0].image: "x/api:v1.0.0" -> "x/api:v1.1.0"',)


def test_a_replica_change_alone_does_not_roll_pods(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    dep = {"kind": "Deployment", "metadata": {"name": "api", "namespace": "prod"},
           "spec": {"replicas": 2, "template": {"spec": {"containers": [{"image": "x/api:v1"}]}}}}
    _write(old, "k8s/apps/a/d.yaml", dep)
    _write(new, "k8s/apps/a/d.yaml", {**dep, "spec": {**dep["spec"], "replicas": 3}})
    assert _impacts(old, new) == {"Deployment/prod/api": "updated in place"}


def test_a_values_only_change_of_a_chart_rolls_its_pods(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    app = {"kind": "Application", "metadata": {"name": "traefik", "namespace": "argocd"},
           "spec": {"source": {"chart": "traefik", "helm": {"valuesObject": {"replicas": 1}}}}}
    _write(old, "k8s/envs/platform/traefik.yaml", app)
    app2 = json.loads(json.dumps(app))
    app2["spec"]["source"]["helm"]["valuesObject"]["replicas"] = 2
    _write(new, "k8s/envs/platform/traefik.yaml", app2)
    assert _impacts(old, new) == {"Application/argocd/traefik": "updated in place; pods roll"}


def test_dns_and_iam_changes_are_marked(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    _tf(old, "gcp", {"cloudflare_record": {"r": {"name": "a"}}, "google_project_iam_member": {"m": {"role": "a"}}})
    _tf(new, "gcp", {"cloudflare_record": {"r": {"name": "b"}}, "google_project_iam_member": {"m": {"role": "b"}}})
    assert _impacts(old, new) == {"cloudflare_record.r": "updated in place; DNS/TLS change",
                                  "google_project_iam_member.m": "updated in place; IAM change"}


def test_markdown_puts_the_impact_first_in_collapsible_sections(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    _tf(old, "aws-dev", {"aws_s3_bucket": {"b": {"bucket": "tomoda-assets-dev"}}})
    _tf(new, "aws-dev", {"aws_s3_bucket": {"b": {"bucket": "tomoda-assets-dev2"}}})
    text = diff.compare(old, new, "dist").markdown(["aws_s3_bucket/aws-dev/b"])
    assert text.index("DATA AT RISK") < text.index("<details>")
    assert "<summary>Terraform stack aws-dev — DATA AT RISK</summary>" in text and "ALLOW_DESTROY=aws_s3_bucket/aws-dev/b" in text


def test_json_is_machine_readable(committed, tmp_path):
    (committed / "k8s/apps/tomoda/prod/pdb.yaml").unlink()
    proc = run_app("apps/diff.py", "--dist", str(committed), check=False, env={"FORMAT": "json"})
    doc = json.loads(proc.stdout)
    assert doc["changed"] and any(c["action"] == "created" for u in doc["units"] for c in u["changes"])
