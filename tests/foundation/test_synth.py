"""`make synth`: atomic, deterministic, cached, and loud about bad input."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import CONFIG, ENV, ROOT, run_app
from tomoda_build import tree


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture()
def out(tmp_path, fresh_dist) -> Path:
    """A private copy of a good dist/ to synthesize into."""
    target = tmp_path / "dist"
    shutil.copytree(fresh_dist, target)
    return target


def _config_with(tmp_path: Path, rel: str, old: str, new: str) -> Path:
    cfg = tmp_path / "config"
    shutil.copytree(CONFIG, cfg)
    text = (cfg / rel).read_text()
    assert old in text
    (cfg / rel).write_text(text.replace(old, new, 1))
    return cfg


def test_committed_dist_equals_a_fresh_synth(fresh_dist):
    # The freshness gate: dist/ in git is exactly what the source produces.
    diffs = tree.differences(ROOT / "dist", fresh_dist)
    assert not diffs, "dist/ is stale; run `make synth`:\n" + "\n".join(diffs)


def test_a_broken_model_value_fails_naming_the_field_and_leaves_dist_untouched(tmp_path, out):
    cfg = _config_with(tmp_path, "tenants/prod.toml", "min = 2, max = 6", "min = 7, max = 6")
    before = _snapshot(out)
    proc = run_app("apps/synth.py", "--config", str(cfg), "--out", str(out), check=False)
    assert proc.returncode == 2
    assert "tenants.prod.app.api_hpa.min" in proc.stderr
    assert _snapshot(out) == before
    assert not list(out.parent.glob(".dist.staging-*"))


def test_a_crashing_target_leaves_dist_untouched(tmp_path, out, monkeypatch):
    # GIVEN a target whose process raises WHEN synthesizing THEN nothing is swapped in.
    from tomoda_build import synth, targets
    crash = targets.Target("crash", ("-c", "raise SystemExit('boom in construct')"), (), lambda e: e)
    monkeypatch.setattr(synth, "TARGETS", (*targets.TARGETS, crash))
    before = _snapshot(out)
    with pytest.raises(synth.SynthError, match="boom in construct"):
        synth.synthesize(CONFIG, out, cache=tmp_path / "cache", log=lambda *_: None)
    assert _snapshot(out) == before
    assert not list(out.parent.glob(".dist.staging-*"))


def test_output_is_identical_across_hash_seeds_and_working_directories(tmp_path, fresh_dist):
    # GIVEN the source tree copied elsewhere WHEN synthesized there with another hash seed
    src = tmp_path / "elsewhere"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".venv", "node_modules", ".cache", "dist", ".git", "__pycache__", ".pytest_cache"))
    env = {**ENV, "PYTHONPATH": str(src / "constructs"), "PYTHONHASHSEED": "12345"}
    proc = subprocess.run([sys.executable, "apps/synth.py", "--no-cache"], cwd=src, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    # THEN the bytes are the same as here
    assert _snapshot(src / "dist") == _snapshot(fresh_dist)


def test_no_absolute_path_reaches_dist(fresh_dist):
    for rel, data in _snapshot(fresh_dist).items():
        assert str(ROOT).encode() not in data, rel
        assert b"/tmp/" not in data, rel


def test_a_second_synth_with_nothing_changed_reuses_every_target(tmp_path, out):
    cache = tmp_path / "cache"
    args = ("apps/synth.py", "--out", str(out))
    first = run_app(*args, env={"TOMODA_CACHE": str(cache)})
    second = run_app(*args, env={"TOMODA_CACHE": str(cache)})
    assert "dist/ unchanged" in second.stdout
    assert "s]" not in second.stdout.replace("cached]", ""), second.stdout


def test_a_kubernetes_only_change_reruns_only_the_kubernetes_target(tmp_path, out):
    cache = tmp_path / "cache"
    run_app("apps/synth.py", "--out", str(out), env={"TOMODA_CACHE": str(cache)})
    cfg = _config_with(tmp_path, "tenants/dev.toml", "api_hpa = { min = 1, max = 3",
                       "api_hpa = { min = 1, max = 4")
    proc = run_app("apps/synth.py", "--config", str(cfg), "--out", str(out),
                   env={"TOMODA_CACHE": str(cache)})
    lines = proc.stdout.splitlines()
    assert all("cached" in l for l in lines if "[tf-" in l), proc.stdout
    assert any("[k8s" in l and "cached" not in l for l in lines), proc.stdout
