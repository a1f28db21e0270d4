"""bootstrap.yaml: exactly one Argo CD Application per tier, each recursing its directory."""
from tomoda_k8s import layout

BOOTSTRAP = layout.BOOTSTRAP_FILE


def tiers(estate):
    return {"platform": estate.platform, **estate.tenants}


def apps(k8s_tree):
    return {d["metadata"]["name"]: d for d in k8s_tree.docs(BOOTSTRAP)}


def test_bootstrap_holds_one_application_per_tier(k8s_tree, estate):
    docs = k8s_tree.docs(BOOTSTRAP)
    assert {d["kind"] for d in docs} == {"Application"}
    assert sorted(d["metadata"]["name"] for d in docs) == sorted(tiers(estate))


def test_each_tier_recurses_its_directory_of_the_gitops_repo(k8s_tree, estate):
    for name, app in apps(k8s_tree).items():
        source = app["spec"]["source"]
        assert source["repoURL"] == estate.gitops.repo_url
        assert source["targetRevision"] == estate.gitops.branch
        assert source["path"] == f"{estate.gitops.dist_path}/k8s/envs/{name}"
        assert source["directory"] == {"recurse": True}
        assert app["metadata"]["namespace"] == estate.argocd.namespace


def test_sync_policy_comes_from_the_model(k8s_tree, estate):
    for name, tier in tiers(estate).items():
        automated = apps(k8s_tree)[name]["spec"]["syncPolicy"]["automated"]
        assert automated == {"prune": tier.sync.prune, "selfHeal": tier.sync.self_heal}


def test_prod_is_never_pruned_automatically(k8s_tree):
    assert apps(k8s_tree)["prod"]["spec"]["syncPolicy"]["automated"]["prune"] is False


def test_only_tenant_tiers_cascade_on_deletion(k8s_tree, estate):
    # GIVEN deleting a tenant Application frees its footprint, deleting the platform never does
    for name, app in apps(k8s_tree).items():
        cascades = "resources-finalizer.argocd.argoproj.io" in app["metadata"].get("finalizers", [])
        assert cascades == (name in estate.tenants)
