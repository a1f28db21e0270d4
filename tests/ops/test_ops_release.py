"""`make release VERSION=vX.Y.Z`: promote a version to prod through the model."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from support import ROOT, run_app
from tomoda_model import load_estate
from tomoda_ops.release import ReleaseError, current_version, set_image_tag


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _current(cfg: Path) -> str:
    return current_version(load_estate(cfg))


def _next(version: str) -> str:
    """The next patch release (one version for every normal-path test: one cached synth)."""
    major, minor, patch = (int(n) for n in version[1:].split("."))
    return f"v{major}.{minor}.{patch + 1}"


def _release(cfg: Path, out: Path, *args: str):
    return run_app("apps/release.py", *args, "--config", str(cfg), "--dist", str(out), check=False)


def _prod_tags(out: Path) -> set[str]:
    kust = yaml.safe_load((out / "k8s/apps/tomoda/prod/kustomization.yaml").read_text())
    return {i["newTag"] for i in kust["images"]}


# ---------------------------------------------------------------- the normal path


def test_a_newer_version_is_written_into_the_model_and_dist(cfg, out):
    new = _next(_current(cfg))
    proc = _release(cfg, out, new)
    assert proc.returncode == 0, proc.stderr
    assert load_estate(cfg).tenants["prod"].app.image_tag == new
    assert _prod_tags(out) == {new}


def test_only_the_tag_line_changes_and_its_comment_survives(cfg, out):
    old_text = (cfg / "tenants/prod.toml").read_text()
    current, new = _current(cfg), _next(_current(cfg))
    _release(cfg, out, new)
    new_text = (cfg / "tenants/prod.toml").read_text()
    changed = [(a, b) for a, b in zip(old_text.splitlines(), new_text.splitlines()) if a != b]
    assert len(old_text.splitlines()) == len(new_text.splitlines())
    assert changed == [(changed[0][0], changed[0][0].replace(f'"{current}"', f'"{new}"'))]
    assert "#" in changed[0][1]


def test_push_triggered_tenants_are_not_touched(cfg, out):
    dev = (cfg / "tenants/dev.toml").read_bytes()
    _release(cfg, out, _next(_current(cfg)))
    assert (cfg / "tenants/dev.toml").read_bytes() == dev


def test_the_diff_summary_shows_the_prod_app_changing(cfg, out):
    current, new = _current(cfg), _next(_current(cfg))
    proc = _release(cfg, out, new)
    assert f"prod: image tag {current} -> {new}" in proc.stdout
    assert "Application argocd/prod-tomoda" in proc.stdout
    assert "~ Deployment/prod/tomoda-api" in proc.stdout


def test_force_allows_a_downgrade(cfg, out):
    proc = _release(cfg, out, "v0.0.0", "--force")
    assert proc.returncode == 0, proc.stderr
    assert _prod_tags(out) == {"v0.0.0"}


def test_force_1_in_the_environment_is_the_make_spelling(cfg, out):
    proc = run_app("apps/release.py", _current(cfg), "--config", str(cfg), "--dist", str(out),
                   check=False, env={"FORCE": "1"})
    assert proc.returncode == 0, proc.stderr


# ---------------------------------------------------------------- bad input


BAD = {
    "banana": "not a release version",
    "": "VERSION is empty",
    "1.2.3": "not a release version",
    "v1.2": "not a release version",
    "v1.2.3-rc.1": "not a release version",
    "v1.2.3\n": "not a release version",
    " v1.2.3": "not a release version",
}


@pytest.mark.parametrize("version", sorted(BAD), ids=repr)
def test_a_malformed_version_is_refused_leaving_model_and_dist_untouched(cfg, out, version):
    before_cfg, before_out = _snapshot(cfg), _snapshot(out)
    proc = _release(cfg, out, version)
    assert proc.returncode == 1
    assert BAD[version] in proc.stderr
    assert _snapshot(cfg) == before_cfg and _snapshot(out) == before_out


def test_a_malformed_version_is_refused_even_with_force(cfg, out):
    assert _release(cfg, out, "banana", "--force").returncode == 1


def test_a_downgrade_is_refused_without_force(cfg, out):
    older = "v0.0.0"
    assert _current(cfg) != older
    before_cfg, before_out = _snapshot(cfg), _snapshot(out)
    proc = _release(cfg, out, older)
    assert proc.returncode == 1
    assert "older than the current prod version" in proc.stderr
    assert _snapshot(cfg) == before_cfg and _snapshot(out) == before_out


def test_versions_compare_numerically_not_as_text(cfg, out):
    # v1.10.0 > v1.9.0 although "1.10" < "1.9" as text.
    (cfg / "tenants/prod.toml").write_text(
        set_image_tag((cfg / "tenants/prod.toml").read_text(), "v1.10.0"))
    proc = _release(cfg, out, "v1.9.0")
    assert proc.returncode == 1 and "older" in proc.stderr


def test_the_same_version_is_refused(cfg, out):
    before_cfg = _snapshot(cfg)
    proc = _release(cfg, out, _current(cfg))
    assert proc.returncode == 1
    assert "already the prod version" in proc.stderr
    assert _snapshot(cfg) == before_cfg


def test_a_failed_resynth_restores_the_model(cfg, out):
    # GIVEN dist/ holds a stateful object the source does not produce, the guard refuses
    # the re-synth: the model must be put back and dist/ left alone.
    ghost = {"apiVersion": "postgresql.cnpg.io/v1", "kind": "Cluster",
             "metadata": {"name": "ghost", "namespace": "data"}}
    (out / "k8s/envs/prod/ghost.yaml").write_text(yaml.safe_dump(ghost))
    before_cfg, before_out = _snapshot(cfg), _snapshot(out)
    proc = _release(cfg, out, _next(_current(cfg)))
    assert proc.returncode == 1
    assert "model restored" in proc.stderr and "Cluster/data/ghost" in proc.stderr
    assert _snapshot(cfg) == before_cfg and _snapshot(out) == before_out


def test_an_invalid_model_is_reported_and_left_alone(cfg, out):
    text = (cfg / "tenants/prod.toml").read_text()
    (cfg / "tenants/prod.toml").write_text(text.replace("min = 2, max = 6", "min = 7, max = 6", 1))
    before_cfg = _snapshot(cfg)
    proc = _release(cfg, out, "v99.0.0")
    assert proc.returncode == 1 and "tenants.prod.app.api_hpa.min" in proc.stderr
    assert _snapshot(cfg) == before_cfg


@pytest.mark.parametrize("target", ["release", "synth", "diff", "check", "charts", "bench"])
def test_no_make_variable_reaches_a_recipe_as_text(target):
    hostile = 'v9.9.9"; touch /tmp/tomoda-injected; echo "'
    dry = subprocess.run(["make", "-n", target, f"VERSION={hostile}", f"FORCE={hostile}", f"DIFF={hostile}",
                          f"ALLOW_DESTROY={hostile}", f"UPDATE={hostile}", f"CHECK_ARGS={hostile}"],
                         cwd=ROOT, capture_output=True, text=True)
    assert dry.returncode == 0 and "tomoda-injected" not in dry.stdout


def test_an_injected_version_is_a_string_not_a_command(tmp_path):
    marker = tmp_path / "injected"
    proc = subprocess.run(["make", "-s", "release", f'VERSION=v9.9.9"; touch {marker}; echo "'], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode != 0 and "is not a release version" in proc.stderr
    assert not marker.exists()


@pytest.mark.parametrize("value", ["maybe", "2", "-1", "y es"])
def test_force_takes_only_a_boolean(value):
    proc = subprocess.run(["make", "-s", "release", "VERSION=v1.0.0", f"FORCE={value}"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode != 0 and f"FORCE={value!r} is not a boolean" in proc.stderr


@pytest.mark.parametrize("value", ["no", "false", "0", "NO", ""])
def test_force_no_means_no(value):
    # prod is at v1.0.0: releasing it again without force is refused
    proc = subprocess.run(["make", "-s", "release", "VERSION=v1.0.0", f"FORCE={value}"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode != 0 and "already the prod version" in proc.stderr


def test_make_release_without_version_fails_clearly():
    proc = subprocess.run(["make", "-s", "release"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode != 0
    assert "VERSION is empty" in proc.stderr


# ---------------------------------------------------------------- the textual edit


def test_set_image_tag_edits_only_the_app_table():
    text = '[other]\nimage_tag = "keep"\n\n[app]\n# why\nimage_tag = "v1.0.0"  # note\nx = 1\n'
    assert set_image_tag(text, "v2.0.0") == text.replace('"v1.0.0"', '"v2.0.0"')


def test_set_image_tag_refuses_when_the_line_is_not_found():
    with pytest.raises(ReleaseError, match="found 0"):
        set_image_tag('[app]\napp_tag = "v1.0.0"\n', "v2.0.0")


def test_a_release_leaves_the_environments_page_fresh_too(cfg, out, tmp_path):
    # GIVEN a fresh environments page WHEN releasing THEN the page shows the new tag, so the
    # pre-commit freshness check lets config/, dist/ and docs/ be committed together.
    from tomoda_ops import envdoc
    page = tmp_path / "docs" / "environments.md"
    envdoc.write(load_estate(cfg), out, page)
    new = _next(_current(cfg))
    proc = run_app("apps/release.py", new, "--config", str(cfg), "--dist", str(out),
                   "--docs", str(page), check=False)
    assert proc.returncode == 0, proc.stderr
    assert envdoc.staleness(load_estate(cfg), out, page) == ""
    assert f"`{new}`" in page.read_text()


# ---------------------------------------------------------------- release only the release


def _committed(cfg: Path) -> None:
    """Make `cfg` a git repository with everything committed (as config/ is in the real one)."""
    git = ["git", "-C", str(cfg), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run(git[:3] + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-q", "-m", "config"], check=True)


def test_an_unrelated_pending_config_change_is_refused(cfg, out):
    # GIVEN a committed config/ and an uncommitted edit of dev
    _committed(cfg)
    dev = cfg / "tenants/dev.toml"
    dev.write_text(dev.read_text() + '\n[app]\ngin_mode = "release"\n')
    before = (_snapshot(cfg / "tenants"), _snapshot(out))
    # WHEN prod is released THEN the release refuses, names the file and changes nothing
    proc = _release(cfg, out, _next(_current(cfg)))
    assert proc.returncode == 1
    assert "uncommitted changes" in proc.stderr and "tenants/dev.toml" in proc.stderr
    assert (_snapshot(cfg / "tenants"), _snapshot(out)) == before


def test_include_pending_releases_them_along_on_purpose(cfg, out):
    _committed(cfg)
    (cfg / "tenants/dev.toml").write_text((cfg / "tenants/dev.toml").read_text() + "# a note\n")
    proc = run_app("apps/release.py", _next(_current(cfg)), "--config", str(cfg), "--dist", str(out),
                   check=False, env={"INCLUDE_PENDING": "1"})
    assert proc.returncode == 0, proc.stderr
