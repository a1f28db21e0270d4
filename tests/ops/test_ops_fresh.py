"""`make fresh` and the pre-commit hook: nobody commits source without its output."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from support import ROOT, run_app
from tomoda_ops import envdoc, hooks


@pytest.fixture()
def committed(tmp_path, fresh_dist, estate) -> tuple[Path, Path]:
    """A fresh dist/ copy and its environments page, as a clean commit would hold them."""
    dist = tmp_path / "dist"
    shutil.copytree(fresh_dist, dist)
    page = tmp_path / "environments.md"
    envdoc.write(estate, dist, page)
    return dist, page


def _fresh(dist: Path, page: Path):
    return run_app("apps/fresh.py", "--dist", str(dist), "--docs", str(page), check=False)


def test_a_fresh_tree_passes(committed):
    proc = _fresh(*committed)
    assert proc.returncode == 0, proc.stderr


def test_a_stale_dist_file_fails_naming_it(committed):
    dist, page = committed
    path = dist / "k8s/apps/tomoda/prod/hpa.yaml"
    path.write_text(path.read_text().replace("maxReplicas: 6", "maxReplicas: 9", 1))
    proc = _fresh(dist, page)
    assert proc.returncode == 1
    assert "dist/k8s/apps/tomoda/prod/hpa.yaml: differs" in proc.stderr


def test_a_missing_and_an_extra_file_both_fail(committed):
    dist, page = committed
    (dist / "k8s/apps/tomoda/prod/pdb.yaml").unlink()
    (dist / "k8s/apps/tomoda/prod/extra.yaml").write_text("{}\n")
    proc = _fresh(dist, page)
    assert proc.returncode == 1
    assert "pdb.yaml: missing" in proc.stderr and "extra.yaml: should not exist" in proc.stderr


def test_a_stale_environments_page_fails(committed):
    dist, page = committed
    page.write_text(page.read_text() + "hand edit\n")
    proc = _fresh(dist, page)
    assert proc.returncode == 1
    assert "environments.md: stale" in proc.stderr


def test_a_missing_environments_page_fails(committed):
    dist, page = committed
    page.unlink()
    assert "environments.md: missing" in _fresh(dist, page).stderr


UPDATER_FILE = "kustomize:\n  images:\n  - x.io/tomoda/tomoda-backend:dev-abc123\n"


def test_foreign_files_do_not_make_dist_stale(committed):
    # GIVEN Image Updater's write-back file, in its shape, where it writes it; and Terraform's state
    dist, page = committed
    (dist / "k8s/apps/tomoda/dev/.argocd-source-tomoda.yaml").write_text(UPDATER_FILE)
    (dist / "terraform/gcp/terraform.tfstate").write_text("{}")
    assert _fresh(dist, page).returncode == 0


@pytest.mark.parametrize("rel, text", [
    ("k8s/apps/tomoda/dev/.argocd-source-tomoda.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: x}\n"),
    ("k8s/apps/tomoda/dev/.argocd-source-tomoda.yaml", "kustomize: {}\n"),
    ("k8s/envs/.argocd-source-tomoda.yaml", UPDATER_FILE),
])
def test_a_hand_placed_argocd_source_file_makes_dist_stale(committed, rel, text):
    dist, page = committed
    (dist / rel).write_text(text)
    proc = _fresh(dist, page)
    assert proc.returncode == 1 and ".argocd-source-tomoda.yaml" in proc.stderr


# ---------------------------------------------------------------- the hook


def test_the_hook_runs_the_freshness_check_from_the_repo_root():
    script = hooks.script()
    assert script.startswith("#!/bin/sh\n")
    assert 'cd "$(git rev-parse --show-toplevel)"' in script
    assert script.rstrip().endswith(f"exec {hooks.COMMAND}")


def test_pre_commit_config_runs_the_same_command_as_a_local_system_hook():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    (repo,) = config["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local"
    assert (hook["language"], hook["entry"], hook["pass_filenames"]) == ("system", hooks.COMMAND, False)


def test_make_fresh_is_the_hook_command():
    makefile = (ROOT / "Makefile").read_text()
    assert "\nfresh: $(VENV)/.installed" in makefile
    assert "apps/fresh.py" in makefile.split("\nfresh:", 1)[1].split("\n\n", 1)[0]


def test_make_hooks_installs_an_executable_hook(tmp_path):
    proc = run_app("apps/hooks.py", "--hooks-dir", str(tmp_path), check=False)
    assert proc.returncode == 0, proc.stderr
    hook = tmp_path / "pre-commit"
    assert hook.read_text() == hooks.script()
    assert os.access(hook, os.X_OK)


def test_reinstalling_over_our_own_hook_is_fine(tmp_path):
    run_app("apps/hooks.py", "--hooks-dir", str(tmp_path))
    assert run_app("apps/hooks.py", "--hooks-dir", str(tmp_path), check=False).returncode == 0


def test_somebody_elses_hook_is_not_replaced_without_force(tmp_path):
    (tmp_path / "pre-commit").write_text("#!/bin/sh\necho mine\n")
    refused = run_app("apps/hooks.py", "--hooks-dir", str(tmp_path), check=False)
    assert refused.returncode == 1 and "not ours" in refused.stderr
    assert "mine" in (tmp_path / "pre-commit").read_text()
    forced = run_app("apps/hooks.py", "--hooks-dir", str(tmp_path), "--force", check=False)
    assert forced.returncode == 0 and (tmp_path / "pre-commit").read_text() == hooks.script()


def test_the_hook_refuses_when_unstaged_changes_would_escape_the_check(tmp_path):
    # GIVEN a repository with the hook and a committed config file
    import subprocess

    git = lambda *a: subprocess.run(["git", *a], cwd=tmp_path, capture_output=True,  # noqa: E731
                                    text=True, check=True)
    git("init", "-q")
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "estate.toml").write_text('domain = "tomoda.life"\n')
    git("add", "config")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init")
    hook = hooks.install(tmp_path / ".git" / "hooks")
    # WHEN the config changes without being staged and the hook runs
    (tmp_path / "config" / "estate.toml").write_text('domain = "example.com"\n')
    proc = subprocess.run(["sh", str(hook)], cwd=tmp_path, capture_output=True, text=True)
    # THEN it refuses before checking anything, naming the unstaged path
    assert proc.returncode == 1
    assert "unstaged changes" in proc.stderr and "config/estate.toml" in proc.stderr
