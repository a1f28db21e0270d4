"""A third tenant is a new config file, with no code change."""
import shutil

import pytest

from support import CONFIG, Tree, run_app

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
    # a second push-triggered tenant names its Cloud Build triggers apart
    'trigger = "push"': 'trigger = "push"\ntrigger_prefix = "staging-"',
}


@pytest.fixture(scope="module")
def staging_tree(tmp_path_factory) -> Tree:
    # GIVEN the real config plus tenants/staging.toml modelled on dev.toml
    config = tmp_path_factory.mktemp("config") / "config"
    shutil.copytree(CONFIG, config)
    text = (config / "tenants" / "dev.toml").read_text()
    for old, new in STAGING.items():
        assert old in text, old
        text = text.replace(old, new)
    (config / "tenants" / "staging.toml").write_text(text)
    # WHEN the k8s layer is synthesized
    out = tmp_path_factory.mktemp("staging-out")
    run_app("apps/k8s_main.py", "--config", str(config), "--out", str(out))
    return Tree(out)


def test_staging_tier_renders_its_data_plane(staging_tree):
    assert staging_tree.find("Cluster", "postgres-staging", "data", under="k8s/envs/staging/")
    assert staging_tree.find("Service", "staging-postgres-postgresql", "data")["spec"]["externalName"] \
        == "postgres-staging-rw.data.svc.cluster.local"
    assert staging_tree.find("Application", "staging-redis", "argocd", under="k8s/envs/staging/")


def test_staging_app_application_points_at_its_own_app_dir(staging_tree):
    app = staging_tree.find("Application", "staging-tomoda", "argocd", under="k8s/envs/staging/")
    assert app["spec"]["source"]["path"] == "dist/k8s/apps/tomoda/staging"
    assert app["spec"]["destination"]["namespace"] == "staging"


def test_staging_does_not_disturb_the_other_tiers(staging_tree, k8s_tree):
    for name in ("dev", "prod"):
        rels = [f for f in k8s_tree.files() if f.startswith(f"k8s/envs/{name}/")]
        assert rels == [f for f in staging_tree.files() if f.startswith(f"k8s/envs/{name}/")]
        for rel in rels:
            assert staging_tree.docs(rel) == k8s_tree.docs(rel)
