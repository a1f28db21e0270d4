"""A third tenant by configuration alone: `make check`'s checks pass on its synthesis.

The seeds' migration path adds `gke-tomoda-staging` and moves dev there; this proves the
construct library and both layers take a `staging` tenant from config/tenants/staging.toml
with no code change, and that the result is still valid, wired and within policy.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from check.check_helpers import require_checkov
from support import CONFIG, run_app
from tomoda_check import FAMILIES, run

# dev.toml -> staging.toml: its own namespace, Argo CD app, hosts, data names and sizes.
STAGING = [
    ('namespace = "tomoda"', 'namespace = "staging"'),
    ('argo_app = "tomoda"', 'argo_app = "staging-tomoda"'),
    ("-dev.tomoda.life", "-staging.tomoda.life"),
    ('"postgres-dev"', '"postgres-staging"'),
    ("tomoda_dev", "tomoda_staging"),
    ('alias_service = "postgres-postgresql"', 'alias_service = "staging-postgres-postgresql"'),
    ('release = "redis"', 'release = "staging-redis"'),
    ('"tomoda-assets-dev"', '"tomoda-assets-staging"'),
    ('"tomoda-s3-uploader-dev"', '"tomoda-s3-uploader-staging"'),
    ('storage = "10Gi"', 'storage = "15Gi"'),
    ('persistence = "5Gi"', 'persistence = "8Gi"'),
    # a second push-built tenant names its Cloud Build triggers apart
    ('trigger = "push"', 'trigger = "push"\ntrigger_prefix = "staging-"'),
]


@pytest.fixture(scope="module")
def staging_dist(tmp_path_factory) -> tuple[Path, Path]:
    # GIVEN the real config plus tenants/staging.toml modelled on dev.toml
    work = tmp_path_factory.mktemp("check-staging")
    config = work / "config"
    shutil.copytree(CONFIG, config)
    text = (config / "tenants" / "dev.toml").read_text()
    for old, new in STAGING:
        assert old in text, f"dev.toml no longer has {old!r}: update this test's renames"
        text = text.replace(old, new)
    (config / "tenants" / "staging.toml").write_text(text)
    # WHEN the whole estate is synthesized from it (both layers, no cache)
    out = work / "dist"
    proc = run_app("apps/synth.py", "--no-cache", "--config", str(config), "--out", str(out),
                   check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return config, out


def test_staging_is_synthesized_in_both_layers(staging_dist):
    _, dist = staging_dist
    assert (dist / "k8s/apps/tomoda/staging/kustomization.yaml").exists()
    assert (dist / "k8s/envs/staging").is_dir()
    assert (dist / "terraform/aws-staging/cdk.tf.json").exists()


@pytest.mark.parametrize("family", [f for f in FAMILIES if f != "freshness"])
def test_checks_pass_with_a_third_tenant(staging_dist, family):
    if family == "checkov":
        require_checkov()
    config, dist = staging_dist
    # THEN every check family passes on the result
    (findings,) = run(dist, config, families=[family])
    assert findings.failures == [], "\n".join(findings.failures)
