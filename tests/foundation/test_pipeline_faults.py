"""The pipeline never loses data: crashes, kills, tampering and what others put in dist/.

Fault injection: `TOMODA_FAULT=<point>` (tomoda_build.faults) SIGKILLs a run at a named point;
the in-process tests replace one step (no RENAME_EXCHANGE, a crash between two renames).
"""
from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from support import CONFIG, ROOT, run_app
from tomoda_build import journal, tree
from tomoda_build.synth import run_targets
from tomoda_build.targets import Target

PROD = "tenants/prod.toml"


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _tree(root: Path, text: str) -> Path:
    (root / "k8s").mkdir(parents=True)
    (root / "k8s" / "a.yaml").write_text(text)
    return root


# ---------------------------------------------------------------- the swap


def test_the_swap_is_one_exchange_where_the_system_has_it(tmp_path):
    target, staging = _tree(tmp_path / "dist", "old\n"), _tree(tmp_path / ".dist.staging-1", "new\n")
    tree.swap(staging, target)
    assert (target / "k8s" / "a.yaml").read_text() == "new\n" and not staging.exists()


def test_a_crash_between_the_two_renames_is_recovered_by_the_next_run(tmp_path, monkeypatch):
    # GIVEN a system without RENAME_EXCHANGE and a crash between the fallback's two renames
    monkeypatch.setattr(tree, "exchange", lambda a, b: False)
    target, staging = _tree(tmp_path / "dist", "old\n"), _tree(tmp_path / ".dist.staging-1", "new\n")

    def crash() -> None:
        raise KeyboardInterrupt("killed")
    with pytest.raises(KeyboardInterrupt):
        tree.swap(staging, target, _between=crash)
    assert not target.exists()  # the moment the fallback cannot avoid
    # WHEN the next run starts THEN the old tree is back, whole
    assert tree.recover(target) == [f"restored dist/ from .dist.old-{os.getpid()} (an interrupted swap)"]
    assert (target / "k8s" / "a.yaml").read_text() == "old\n"


def test_a_synth_killed_before_its_swap_leaves_dist_and_its_staging_is_removed_next_time(cfg, out):
    before = _snapshot(out)
    (cfg / PROD).write_text((cfg / PROD).read_text().replace('storage = "20Gi"', 'storage = "25Gi"'))
    killed = run_app("apps/synth.py", "--config", str(cfg), "--out", str(out), check=False,
                     env={"TOMODA_FAULT": "synth-before-swap"})
    assert killed.returncode == -signal.SIGKILL
    assert _snapshot(out) == before
    assert list(out.parent.glob(".dist.staging-*"))
    # WHEN synth runs again THEN the dead run's staging directory goes and the change lands
    again = run_app("apps/synth.py", "--config", str(cfg), "--out", str(out))
    assert "left by a killed run" in again.stdout
    assert not list(out.parent.glob(".dist.staging-*"))
    assert _snapshot(out) != before


# ---------------------------------------------------------------- the cache


def _fake_target() -> Target:
    code = ("import sys, pathlib; out = pathlib.Path(sys.argv[sys.argv.index('--out') + 1]); "
            "(out / 'k8s').mkdir(); (out / 'k8s' / 'a.yaml').write_text('replicas: 1\\n')")
    return Target("fake", ("-c", code), (), lambda estate: "fake")


def test_a_tampered_cache_entry_is_discarded_not_served(tmp_path, estate):
    # GIVEN a cached output WHEN someone edits it in the cache
    cache, fake = tmp_path / "cache", _fake_target()
    first = run_targets(estate, CONFIG, cache, tmp_path / "run1", targets=(fake,))
    entry_out, result = first["fake"]
    assert not result.cached
    (entry_out / "k8s" / "a.yaml").write_text("replicas: 0\n")
    # THEN the next run does not serve it: the target runs again and writes the real output
    second = run_targets(estate, CONFIG, cache, tmp_path / "run2", targets=(fake,))
    out, result = second["fake"]
    assert not result.cached and (out / "k8s" / "a.yaml").read_text() == "replicas: 1\n"
    # and the rebuilt entry is a hit again
    third = run_targets(estate, CONFIG, cache, tmp_path / "run3", targets=(fake,))
    assert third["fake"][1].cached


def test_a_cache_entry_without_its_manifest_is_discarded(tmp_path, estate):
    cache, fake = tmp_path / "cache", _fake_target()
    entry_out, _ = run_targets(estate, CONFIG, cache, tmp_path / "run1", targets=(fake,))["fake"]
    (entry_out.parent / ".complete").write_text("")  # an entry of the old format, or truncated
    assert not run_targets(estate, CONFIG, cache, tmp_path / "run2", targets=(fake,))["fake"][1].cached


# ---------------------------------------------------------------- the deletion guard


def test_with_dist_missing_the_guard_compares_with_the_committed_tree(tmp_path):
    # GIVEN a clone whose dist/ was deleted and a config without the prod tenant
    clone = tmp_path / "clone"
    shutil.copytree(ROOT, clone, ignore=shutil.ignore_patterns(".venv*", ".cache", "node_modules", "dist"),
                    symlinks=True)
    (clone / "config" / PROD).unlink()
    proc = run_app("apps/synth.py", "--config", str(clone / "config"), "--out", str(clone / "dist"), check=False)
    # THEN prod's data is not silently dropped: the committed dist/ is the baseline
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Cluster/data/postgres-prod" in proc.stderr and not (clone / "dist").exists()


# ---------------------------------------------------------------- files synth did not write


def test_terraform_working_files_and_other_files_survive_a_resynth(cfg, out):
    # GIVEN what the README's deploy recipe leaves in a stack directory, and a note of the user's
    stack = out / "terraform" / "gcp"
    (stack / ".terraform" / "providers").mkdir(parents=True)
    (stack / ".terraform" / "providers" / "p").write_text("binary")
    (stack / "terraform.tfstate").write_text('{"version": 4}')
    (stack / ".terraform.lock.hcl").write_text("# lock\n")
    (out / "NOTES.md").write_text("mine\n")
    # WHEN the model changes and synth replaces dist/
    (cfg / PROD).write_text((cfg / PROD).read_text().replace('storage = "20Gi"', 'storage = "26Gi"'))
    run_app("apps/synth.py", "--config", str(cfg), "--out", str(out))
    # THEN every one of them is still there
    assert (stack / "terraform.tfstate").read_text() == '{"version": 4}'
    assert (stack / ".terraform" / "providers" / "p").read_text() == "binary"
    assert (stack / ".terraform.lock.hcl").is_file() and (out / "NOTES.md").read_text() == "mine\n"


@pytest.mark.parametrize("rel, text, why", [
    ("k8s/apps/tomoda/dev/.argocd-source-tomoda.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: x}\n",
     "not in Image Updater's shape"),
    ("k8s/envs/dev/.argocd-source-tomoda.yaml", "kustomize:\n  images:\n  - x.io/a/b:1\n",
     "not beside a kustomization"),
    ("k8s/apps/tomoda/prod/.argocd-source-prod-tomoda.yaml", "kustomize:\n  images:\n  - x.io/a/b:1\n",
     "not where Image Updater writes"),
])
def test_an_argocd_source_file_in_another_shape_or_place_is_refused(cfg, out, rel, text, why):
    (out / rel).write_text(text)
    before = _snapshot(out)
    proc = run_app("apps/synth.py", "--config", str(cfg), "--out", str(out), check=False)
    assert proc.returncode == 1 and why in proc.stderr and rel in proc.stderr
    assert _snapshot(out) == before


# ---------------------------------------------------------------- make release


def _release(cfg: Path, out: Path, version: str, fault: str = "") -> "CompletedProcess":
    env = {"TOMODA_FAULT": fault} if fault else {}
    return run_app("apps/release.py", version, "--config", str(cfg), "--dist", str(out),
                   "--docs", str(out.parent / "environments.md"), check=False, env=env)


def test_a_release_killed_after_writing_the_model_is_undone_by_the_next_run(cfg, out):
    original = (cfg / PROD).read_bytes()
    before = _snapshot(out)
    killed = _release(cfg, out, "v1.1.0", fault="release-after-model")
    assert killed.returncode == -signal.SIGKILL
    assert b"v1.1.0" in (cfg / PROD).read_bytes() and journal.journal_path(cfg).exists()
    # WHEN anything runs next (here: synth) THEN the model is put back: dist/ never changed
    proc = run_app("apps/synth.py", "--config", str(cfg), "--out", str(out))
    assert "recovered an interrupted release" in proc.stdout
    assert (cfg / PROD).read_bytes() == original and not journal.journal_path(cfg).exists()
    assert _snapshot(out) == before


def test_a_release_killed_after_its_swap_keeps_the_model_and_dist_it_wrote(cfg, out):
    killed = _release(cfg, out, "v1.1.0", fault="synth-after-swap")
    assert killed.returncode == -signal.SIGKILL
    assert "v1.1.0" in (out / "k8s/apps/tomoda/prod/kustomization.yaml").read_text()
    proc = _release(cfg, out, "v1.2.0")
    assert proc.returncode == 0, proc.stderr
    assert "its model change stands" in proc.stderr
    assert 'image_tag = "v1.2.0"' in (cfg / PROD).read_text()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_mid_release_restores_the_model(tmp_path, signum):
    # GIVEN a transaction over a config file and an unchanged dist/
    cfg, out = tmp_path / "config", _tree(tmp_path / "dist", "old\n")
    cfg.mkdir()
    model = cfg / "prod.toml"
    model.write_text('image_tag = "v1.0.0"\n')
    # WHEN the signal arrives after the model was written
    with pytest.raises(journal.Interrupted):
        with journal.transaction(cfg, out, {model: model.read_bytes()}):
            model.write_text('image_tag = "v9.0.0"\n')
            os.kill(os.getpid(), signum)
    # THEN the model is as it was and no journal is left
    assert model.read_text() == 'image_tag = "v1.0.0"\n' and not journal.journal_path(cfg).exists()


# ---------------------------------------------------------------- locale, modes


def test_synth_and_load_do_not_depend_on_the_locale(cfg, out, tmp_path):
    (cfg / "tenants" / "dev.toml").write_text((cfg / "tenants" / "dev.toml").read_text(encoding="utf-8")
                                              + "# — an em dash, a ü\n", encoding="utf-8")
    proc = run_app("apps/synth.py", "--config", str(cfg), "--out", str(out), check=False,
                   env={"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 0, proc.stderr


def test_output_modes_do_not_follow_the_umask(cfg, tmp_path):
    target = tmp_path / "fresh"
    code = ("import os, sys; os.umask(0o077); sys.argv = sys.argv[1:]; "
            "import runpy; runpy.run_path(sys.argv[0], run_name='__main__')")
    proc = run_app("-c", code, str(ROOT / "apps" / "synth.py"), "--config", str(cfg), "--out", str(target),
                   check=False)
    assert proc.returncode == 0, proc.stderr
    modes = {oct(p.stat().st_mode & 0o777) for p in target.rglob("*")}
    assert modes == {"0o644", "0o755"}


def test_the_journal_is_ignored_by_git():
    ignored = (ROOT / ".gitignore").read_text()
    assert "/.config.release-journal" in ignored and "/.dist.staging-*" in ignored
    assert ".terraform/" in ignored and "*.tfstate" in ignored
    # Terraform's dependency lock belongs in version control (Terraform's advice): kept, not ignored
    assert ".terraform.lock.hcl" not in ignored
