"""A third tenant reaches the bootstrap, the probes and the alerts by configuration alone."""
import shutil

import pytest

from support import CONFIG, Tree, run_app

# dev.toml -> staging.toml: every value that must be unique per tenant
STAGING = {
    'namespace = "tomoda"': 'namespace = "staging"',
    'argo_app = "tomoda"': 'argo_app = "staging-tomoda"',
    "-dev.tomoda.life": "-staging.tomoda.life",
    '"postgres-dev"': '"postgres-staging"',
    "tomoda_dev": "tomoda_staging",
    'alias_service = "postgres-postgresql"': 'alias_service = "staging-postgres-postgresql"',
    'release = "redis"': 'release = "staging-redis"',
    '"tomoda-assets-dev"': '"tomoda-assets-staging"',
    '"tomoda-s3-uploader-dev"': '"tomoda-s3-uploader-staging"',
}


@pytest.fixture(scope="module")
def staging(tmp_path_factory) -> Tree:
    # GIVEN the real config plus a staging tenant modelled on dev
    config = tmp_path_factory.mktemp("platform-config") / "config"
    shutil.copytree(CONFIG, config)
    text = (config / "tenants" / "dev.toml").read_text()
    for old, new in STAGING.items():
        assert old in text, old
        text = text.replace(old, new)
    # a second tenant building on push needs its own Cloud Build trigger prefix
    text = text.replace("[build]\n", '[build]\ntrigger_prefix = "staging"\n')
    (config / "tenants" / "staging.toml").write_text(text)
    # WHEN the k8s layer is synthesized
    out = tmp_path_factory.mktemp("platform-staging-out")
    run_app("apps/k8s_main.py", "--config", str(config), "--out", str(out))
    return Tree(out)


def test_staging_gets_its_own_tier_application(staging):
    names = [d["metadata"]["name"] for d in staging.docs("k8s/envs/bootstrap.yaml")]
    assert sorted(names) == ["dev", "platform", "prod", "staging"]


def test_staging_public_hosts_are_probed(staging):
    probe = staging.find("Probe", "staging-api", "monitoring")
    assert probe["spec"]["targets"]["staticConfig"]["static"] == ["https://api-staging.tomoda.life/health"]


def test_staging_gets_data_alerts_but_no_backup_alerts(staging):
    (rule,) = [d for _, d in staging.all_objects() if d.get("kind") == "PrometheusRule"]
    alerts = {(r["alert"], r["labels"].get("tenant")) for g in rule["spec"]["groups"] for r in g["rules"]}
    assert {("CnpgClusterNotHealthy", "staging"), ("RedisDown", "staging")} <= alerts
    assert not any(t == "staging" for a, t in alerts if a.startswith("PostgresBackup"))
