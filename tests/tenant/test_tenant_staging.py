"""A third tenant is a new config file, with no code change."""

import pytest

from support import Tree

@pytest.fixture(scope="module")
def staging_tree(staging_dist) -> Tree:
    # GIVEN the real config plus tenants/staging.toml modelled on dev.toml (conftest)
    return Tree(staging_dist)


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
