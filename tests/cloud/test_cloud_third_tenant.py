"""A third tenant is configuration only: a new file in config/tenants/, no code change."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import CONFIG, Tree, run_app
from tomoda_model import ModelError, load_estate

RENAMES = [
    ("-dev", "-staging"), ("tomoda_dev", "tomoda_staging"),
    ('namespace = "tomoda"', 'namespace = "staging"'),
    ('argo_app = "tomoda"', 'argo_app = "staging-tomoda"'),
    ('release = "redis"', 'release = "staging-redis"'),
    ('alias_service = "postgres-postgresql"', 'alias_service = "staging-postgres-postgresql"'),
]


def _with_staging(tmp_path: Path, prefix: str | None) -> Path:
    """config/ plus tenants/staging.toml: the dev tenant renamed, building on push too."""
    cfg = tmp_path / "config"
    shutil.copytree(CONFIG, cfg)
    text = (CONFIG / "tenants" / "dev.toml").read_text()
    for old, new in RENAMES:
        assert old in text, old
        text = text.replace(old, new)
    if prefix is not None:
        text = text.replace("[build]\n", f'[build]\ntrigger_prefix = "{prefix}"\n')
    (cfg / "tenants" / "staging.toml").write_text(text)
    return cfg


def test_a_second_push_tenant_needs_its_own_trigger_prefix(tmp_path):
    with pytest.raises(ModelError) as err:
        load_estate(_with_staging(tmp_path, prefix=None))
    assert err.value.field == "tenants.staging.build.trigger_prefix"


@pytest.fixture(scope="module")
def staging_tree(tmp_path_factory) -> Tree:
    tmp = tmp_path_factory.mktemp("staging")
    cfg = _with_staging(tmp, prefix="staging-")
    out = tmp / "out"
    for group in ("gcp", "aws"):
        run_app("apps/tf_main.py", "--group", group, "--config", str(cfg), "--out", str(out))
    return Tree(out)


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
