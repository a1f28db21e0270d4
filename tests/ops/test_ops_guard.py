"""Guarded deletions: `make synth` refuses to drop stateful objects unless each is named."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from support import run_app


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _edit(cfg: Path, rel: str, *pairs: tuple[str, str]) -> None:
    text = (cfg / rel).read_text()
    for old, new in pairs:
        assert old in text, f"{old!r} not in {rel}"
        text = text.replace(old, new)
    (cfg / rel).write_text(text)


def _rename_prod_cluster(cfg: Path) -> None:
    # The backup identity binds the cluster's service account, so it follows the name.
    _edit(cfg, "tenants/prod.toml", ("[postgres]\n", '[postgres]\ncluster = "postgres-main"\n'),
          ('ksa = "postgres-prod"', 'ksa = "postgres-main"'))


def _synth(cfg: Path, out: Path, allow: str | None = None):
    env = {"ALLOW_DESTROY": allow} if allow is not None else {}
    return run_app("apps/synth.py", "--config", str(cfg), "--out", str(out), check=False, env=env)


def _suggested(stderr: str) -> list[str]:
    match = re.search(r"ALLOW_DESTROY=(\S+)", stderr)
    assert match, stderr
    return match.group(1).split(",")


def test_renaming_a_postgres_cluster_is_refused_and_leaves_dist_untouched(cfg, out):
    _rename_prod_cluster(cfg)
    before = _snapshot(out)
    proc = _synth(cfg, out)
    assert proc.returncode == 1
    assert "  - Cluster/data/postgres-prod" in proc.stderr
    assert "make synth ALLOW_DESTROY=" in proc.stderr
    assert _snapshot(out) == before
    assert not list(out.parent.glob(".dist.staging-*"))


def test_the_refusal_lists_the_scheduled_backup_of_a_renamed_cluster_too(cfg, out):
    _rename_prod_cluster(cfg)
    proc = _synth(cfg, out)
    assert set(_suggested(proc.stderr)) == {"Cluster/data/postgres-prod",
                                            "ScheduledBackup/data/postgres-prod-backup",
                                            "ObjectStore/data/postgres-prod-backups"}


def test_naming_every_stateful_object_allows_the_rename(cfg, out):
    _rename_prod_cluster(cfg)
    allow = _suggested(_synth(cfg, out).stderr)
    proc = _synth(cfg, out, allow=",".join(allow))
    assert proc.returncode == 0, proc.stderr
    assert "name: postgres-main" in (out / "k8s/envs/prod/postgres.yaml").read_text()


def test_naming_only_some_of_them_is_still_refused(cfg, out):
    _rename_prod_cluster(cfg)
    allow = _suggested(_synth(cfg, out).stderr)
    before = _snapshot(out)
    proc = _synth(cfg, out, allow=",".join(allow[1:]))
    assert proc.returncode == 1
    assert _suggested(proc.stderr) == allow[:1]
    assert _snapshot(out) == before


def test_removing_a_tenant_is_refused_listing_its_data_and_cloud_resources(cfg, out):
    # GIVEN the dev tenant's file is deleted WHEN synthesizing THEN its database, its Redis
    # release and its Terraform bucket are all listed, and nothing is written.
    (cfg / "tenants/dev.toml").unlink()
    before = _snapshot(out)
    proc = _synth(cfg, out)
    assert proc.returncode == 1, proc.stderr
    going = _suggested(proc.stderr)
    assert "Cluster/data/postgres-dev" in going
    assert "Application/argocd/redis" in going
    assert any(g.startswith("aws_s3_bucket/aws-dev/") for g in going)
    assert _snapshot(out) == before


def test_removing_a_tenant_succeeds_when_each_object_is_named(cfg, out):
    (cfg / "tenants/dev.toml").unlink()
    allow = _suggested(_synth(cfg, out).stderr)
    proc = _synth(cfg, out, allow=",".join(allow))
    assert proc.returncode == 0, proc.stderr
    assert not (out / "k8s/envs/dev").exists()


def test_a_change_that_removes_nothing_stateful_is_not_refused(cfg, out):
    _edit(cfg, "tenants/prod.toml", ("min = 2, max = 6", "min = 2, max = 5"))
    proc = _synth(cfg, out)
    assert proc.returncode == 0, proc.stderr
    assert "maxReplicas: 5" in (out / "k8s/apps/tomoda/prod/hpa.yaml").read_text()


def test_removing_a_non_stateful_object_is_not_refused(cfg, out):
    # The prod PodDisruptionBudgets go away: disruption policy, not data.
    _edit(cfg, "tenants/prod.toml", ('pdb_min_available = "50%"\n', ""))
    proc = _synth(cfg, out)
    assert proc.returncode == 0, proc.stderr
    assert not (out / "k8s/apps/tomoda/prod/pdb.yaml").exists()


@pytest.mark.parametrize("rel, old, new, kind", [
    ("tenants/dev.toml", "[build]\n", '[cdn]\nbucket = "tomoda-assets-dev2"\n\n[build]\n', "aws_s3_bucket/aws-dev/"),
    ("estate.toml", 'name = "gke-tomoda"', 'name = "gke-tomoda-2"', "google_container_cluster/gcp/"),
    ("estate.toml", 'name = "tomoda-prod-repo"', 'name = "tomoda-prod-repo2"', "google_artifact_registry_repository/gcp/"),
])
def test_renaming_a_terraform_resource_in_place_is_refused(cfg, out, rel, old, new, kind):
    # GIVEN a stateful resource keeps its logical id but changes a name Terraform cannot
    # update in place WHEN synthesizing THEN it counts as a destruction and is refused.
    _edit(cfg, rel, (old, new))
    before = _snapshot(out)
    proc = _synth(cfg, out)
    assert proc.returncode == 1, proc.stderr
    assert any(g.startswith(kind) for g in _suggested(proc.stderr)), proc.stderr
    assert _snapshot(out) == before
