"""A third tenant is configuration only: a new file in config/tenants/, no code change."""
from __future__ import annotations

from pathlib import Path

import pytest

from support import Tree, write_staging_config
from tomoda_model import ModelError, load_estate

def _with_staging(tmp_path: Path, prefix: str | None) -> Path:
    return write_staging_config(tmp_path / "config", trigger_prefix=prefix)


def test_a_second_push_tenant_needs_its_own_trigger_prefix(tmp_path):
    with pytest.raises(ModelError) as err:
        load_estate(_with_staging(tmp_path, prefix=""))  # dev's legacy (empty) prefix
    assert err.value.field == "tenants.staging.build.trigger_prefix"


@pytest.fixture(scope="module")
def staging_tree(staging_dist) -> Tree:
    return Tree(staging_dist)


def test_third_tenant_gets_its_own_aws_stack(staging_tree):
    doc = staging_tree.tf("aws-staging")
    (bucket,) = doc["resource"]["aws_s3_bucket"].values()
    assert bucket["bucket"] == "tomoda-assets-staging"
    (dist,) = doc["resource"]["aws_cloudfront_distribution"].values()
    assert dist["aliases"] == ["assets-staging.tomoda.life"]


def test_third_tenant_gets_its_own_triggers_and_secrets(staging_tree):
    doc = staging_tree.tf("gcp")
    names = {t["name"] for t in doc["resource"]["google_cloudbuild_trigger"].values()}
    assert {"staging-backend-push-trigger", "staging-frontend-push-trigger",
            "backend-push-trigger"} <= names
    secrets = {s["secret_id"] for s in doc["resource"]["google_secret_manager_secret"].values()}
    assert "tomoda-jwt-secret-staging" in secrets
