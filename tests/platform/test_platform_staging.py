"""A third tenant reaches the bootstrap, the probes and the alerts by configuration alone."""

import pytest

from support import Tree

@pytest.fixture(scope="module")
def staging(staging_dist) -> Tree:
    # GIVEN the real config plus a staging tenant modelled on dev (conftest), synthesized
    return Tree(staging_dist)


def test_staging_gets_its_own_tier_application(staging):
    names = [d["metadata"]["name"] for d in staging.docs("k8s/envs/tiers.yaml")]
    assert sorted(names) == ["dev", "platform", "prod", "staging"]


def test_staging_public_hosts_are_probed(staging):
    probe = staging.find("Probe", "staging-api", "monitoring")
    assert probe["spec"]["targets"]["staticConfig"]["static"] == ["https://api-staging.tomoda.life/health"]


def test_staging_gets_data_alerts_but_no_backup_alerts(staging):
    (rule,) = [d for _, d in staging.all_objects() if d.get("kind") == "PrometheusRule"]
    alerts = {(r["alert"], r["labels"].get("tenant")) for g in rule["spec"]["groups"] for r in g["rules"]}
    assert {("CnpgClusterNotHealthy", "staging"), ("RedisDown", "staging")} <= alerts
    assert not any(t == "staging" for a, t in alerts if a.startswith("PostgresBackup"))
