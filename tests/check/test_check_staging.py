"""A third tenant by configuration alone: `make check`'s checks pass on its synthesis.

The seeds' migration path adds `gke-tomoda-staging` and moves dev there; this proves the
construct library and both layers take a `staging` tenant from config/tenants/staging.toml
with no code change, and that the result is still valid, wired and within policy.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from check.check_helpers import require_checkov
from tomoda_check import FAMILIES, run

@pytest.fixture(scope="module")
def staging(staging_config, staging_dist) -> tuple[Path, Path]:
    # GIVEN the real config plus tenants/staging.toml modelled on dev.toml (conftest),
    # WHEN the whole estate is synthesized from it (both layers, no cache)
    return staging_config, staging_dist


def test_staging_is_synthesized_in_both_layers(staging):
    _, dist = staging
    assert (dist / "k8s/apps/tomoda/staging/kustomization.yaml").exists()
    assert (dist / "k8s/envs/staging").is_dir()
    assert (dist / "terraform/aws-staging/cdk.tf.json").exists()


@pytest.mark.parametrize("family", [f for f in FAMILIES if f != "freshness"])
def test_checks_pass_with_a_third_tenant(staging, family):
    if family == "checkov":
        require_checkov()
    config, dist = staging
    # THEN every check family passes on the result
    (findings,) = run(dist, config, families=[family])
    assert findings.failures == [], "\n".join(findings.failures)
