"""Shared fixtures: the model, and one fresh synthesis of the whole estate per session."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import CONFIG, Tree, run_app


@pytest.fixture(scope="session")
def estate():
    from tomoda_model import load_estate
    return load_estate(CONFIG)


@pytest.fixture(scope="session")
def fresh_dist(tmp_path_factory) -> Path:
    """One uncached synthesis of the whole estate through `apps/synth.py`, per session."""
    out = tmp_path_factory.mktemp("fresh") / "dist"
    proc = run_app("apps/synth.py", "--no-cache", "--out", str(out), check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture(scope="session")
def k8s_tree(fresh_dist) -> Tree:
    return Tree(fresh_dist)


@pytest.fixture(scope="session")
def tf_tree(fresh_dist) -> Tree:
    return Tree(fresh_dist)


@pytest.fixture(scope="session")
def staging_config(tmp_path_factory) -> Path:
    """config/ plus a third tenant, `staging` (support.STAGING_FROM_DEV)."""
    from support import write_staging_config
    return write_staging_config(tmp_path_factory.mktemp("staging") / "config")


@pytest.fixture(scope="session")
def staging_dist(staging_config) -> Path:
    """One uncached synthesis of the estate with the staging tenant, both layers."""
    out = staging_config.parent / "dist"
    proc = run_app("apps/synth.py", "--no-cache", "--config", str(staging_config), "--out",
                   str(out), check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture()
def cfg(tmp_path) -> Path:
    """A private copy of config/ to edit."""
    target = tmp_path / "config"
    shutil.copytree(CONFIG, target)
    return target


@pytest.fixture()
def out(tmp_path, fresh_dist) -> Path:
    """A private copy of a good dist/ to synthesize into."""
    target = tmp_path / "dist"
    shutil.copytree(fresh_dist, target)
    return target
