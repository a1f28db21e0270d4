"""`make synth`: atomic, deterministic, cached, and loud about bad input."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import CONFIG, ENV, ROOT, run_app
from tomoda_build import tree


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


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
        ".venv", ".venv-checkov", "node_modules", ".cache", "dist", ".git", "__pycache__",
        ".pytest_cache"))
    env = {**ENV, "PYTHONPATH": str(src / "constructs"), "PYTHONHASHSEED": "12345"}
    proc = subprocess.run([sys.executable, "apps/synth.py", "--no-cache"], cwd=src, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    # THEN the bytes are the same as here
    assert _snapshot(src / "dist") == _snapshot(fresh_dist)


def test_no_absolute_path_reaches_dist(fresh_dist):
    # (a container's own /tmp is fine; a scratch directory of the synthesis is not)
    scratch = re.compile(rb"/tmp/(tmp|pytest-|tomoda-|\.dist)")
    for rel, data in _snapshot(fresh_dist).items():
        assert str(ROOT).encode() not in data, rel
        assert not scratch.search(data), rel


def _runs(stdout: str) -> dict[str, bool]:
    """target -> True if it ran (False if served from the cache), from `make synth`'s lines."""
    runs: dict[str, bool] = {}
    for line in stdout.splitlines():
        if "[" in line and line.rstrip().endswith("]"):
            name, timing = line.rsplit("[", 1)[1].rstrip("]").split(maxsplit=1)
            runs[name] = runs.get(name, False) or timing != "cached"
    return runs


def test_a_second_synth_with_nothing_changed_reuses_every_target(tmp_path, out):
    cache = {"TOMODA_CACHE": str(tmp_path / "cache")}
    first = run_app("apps/synth.py", "--out", str(out), env=cache)
    second = run_app("apps/synth.py", "--out", str(out), env=cache)
    assert _runs(first.stdout) == {"k8s": True, "tf-aws": True, "tf-gcp": True}
    assert _runs(second.stdout) == {"k8s": False, "tf-aws": False, "tf-gcp": False}
    assert "dist/ unchanged" in second.stdout


def test_a_kubernetes_only_change_reruns_only_the_kubernetes_target(tmp_path, out):
    cache = {"TOMODA_CACHE": str(tmp_path / "cache")}
    run_app("apps/synth.py", "--out", str(out), env=cache)
    cfg = _config_with(tmp_path, "tenants/dev.toml", '[redis]\n', '[redis]\ncpu_limit = "150m"\n')
    proc = run_app("apps/synth.py", "--config", str(cfg), "--out", str(out), env=cache)
    assert _runs(proc.stdout) == {"k8s": True, "tf-aws": False, "tf-gcp": False}


def test_a_source_edit_invalidates_exactly_the_targets_that_import_it(estate, monkeypatch, tmp_path):
    # GIVEN a copy of the sources WHEN one Terraform construct file changes
    from tomoda_build import targets
    copy = tmp_path / "src"
    for rel in ("apps", "constructs", "imports", "requirements.lock"):
        (shutil.copytree if (ROOT / rel).is_dir() else shutil.copy)(
            ROOT / rel, copy / rel, **({"ignore": shutil.ignore_patterns("__pycache__")}
                                       if (ROOT / rel).is_dir() else {}))
    monkeypatch.setattr(targets, "ROOT", copy)
    before = {t.name: t.key(estate) for t in targets.TARGETS}
    gke = copy / "constructs" / "tomoda_tf" / "gcp" / "gke.py"
    gke.write_text(gke.read_text() + "\n# edited\n")
    after = {t.name: t.key(estate) for t in targets.TARGETS}
    # THEN both Terraform targets get new keys and the Kubernetes target keeps its own
    assert {n for n in before if before[n] != after[n]} == {"tf-gcp", "tf-aws"}


@pytest.mark.parametrize("target", ["k8s", "tf-gcp", "tf-aws"])
def test_every_module_a_target_imports_is_covered_by_its_cache_key(tmp_path, target):
    # GIVEN a target process WHEN it synthesizes THEN every project file it imported lies
    # under the sources its cache key hashes (otherwise the cache could serve stale output).
    from tomoda_build import targets
    t = next(t for t in targets.TARGETS if t.name == target)
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import atexit, runpy, sys\n"
        f"sys.argv = {[t.argv[0], *t.argv[1:], '--config', str(CONFIG), '--out', str(tmp_path / 'out')]!r}\n"
        f"atexit.register(lambda: open({str(tmp_path / 'modules')!r}, 'w').write("
        "'\\n'.join(sorted(str(getattr(m, '__file__', None) or '') for m in list(sys.modules.values())))))\n"
        f"runpy.run_path({t.argv[0]!r}, run_name='__main__')\n")
    run_app(str(probe))
    imported = {Path(f).resolve() for f in (tmp_path / "modules").read_text().split("\n") if f}
    ours = {f for f in imported if ROOT in f.parents and ".venv" not in f.parts}
    covered = [ROOT / s for s in (*t.sources, *targets.COMMON_SOURCES)]
    uncovered = sorted(str(f.relative_to(ROOT)) for f in ours
                       if not any(f == c or c in f.parents for c in covered))
    assert uncovered == []
    assert any("tomoda_model" in str(f) for f in ours)


def test_files_argo_cd_image_updater_wrote_into_dist_survive_a_resynth(tmp_path, out):
    # GIVEN Image Updater's git write-back file in the dev app directory
    bump = out / "k8s" / "apps" / "tomoda" / "dev" / ".argocd-source-tomoda.yaml"
    bump.write_text("kustomize:\n  images:\n  - x/tomoda-backend:dev-abc123\n")
    # WHEN the model changes and dist/ is re-synthesized
    cfg = _config_with(tmp_path, "tenants/dev.toml", '[redis]\n', '[redis]\ncpu_limit = "150m"\n')
    run_app("apps/synth.py", "--config", str(cfg), "--out", str(out),
            env={"TOMODA_CACHE": str(tmp_path / "cache")})
    # THEN the bump is still there, untouched
    assert bump.read_text().endswith("dev-abc123\n")


def test_synth_says_one_line_per_target_unless_asked_for_more(tmp_path, out):
    quiet = run_app("apps/synth.py", "--out", str(out))
    targeted = [line for line in quiet.stdout.splitlines() if line.rstrip().endswith("]")]
    assert len(targeted) == 3 and all("unit(s)" in line for line in targeted)
    loud = run_app("apps/synth.py", "--out", str(out), env={"VERBOSE": "1"})
    assert any(line.strip().startswith("k8s/apps/tomoda/prod") for line in loud.stdout.splitlines())
    assert "\033[" not in quiet.stdout + quiet.stderr  # no colour without a terminal
