"""Fixtures of the cloud-layer tests: the synthesized stacks as dicts, plus small lookups."""
from __future__ import annotations

import pytest

from tomoda_build.bindings import lazy_providers

lazy_providers()  # before any test module imports a provider submodule


@pytest.fixture(scope="session")
def gcp(tf_tree) -> dict:
    return tf_tree.tf("gcp")


@pytest.fixture(scope="session")
def argocd(tf_tree) -> dict:
    return tf_tree.tf("gcp-argocd")


@pytest.fixture(scope="session")
def aws_stacks(tf_tree, estate) -> dict[str, dict]:
    """tenant name -> its aws-<tenant> stack."""
    return {name: tf_tree.tf(f"aws-{name}") for name in estate.tenants}


@pytest.fixture(scope="session")
def all_stacks(tf_tree) -> dict[str, dict]:
    root = tf_tree.root / "terraform"
    return {p.name: tf_tree.tf(p.name) for p in sorted(root.iterdir()) if p.is_dir()}
