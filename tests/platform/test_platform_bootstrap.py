"""The bootstrap: a root Application (the one file applied by hand) that manages itself and
one Application per tier (tiers.yaml), each recursing its directory."""
import yaml

from tomoda_k8s import layout

ROOT_FILE = layout.BOOTSTRAP_FILE
TIERS_FILE = layout.TIERS_FILE
FINALIZER = "resources-finalizer.argocd.argoproj.io"


def tiers(estate):
    return {"platform": estate.platform, **estate.tenants}


def apps(k8s_tree):
    return {d["metadata"]["name"]: d for d in k8s_tree.docs(TIERS_FILE)}


def test_bootstrap_file_holds_only_the_root_application(k8s_tree):
    (root,) = k8s_tree.docs(ROOT_FILE)
    assert root["kind"] == "Application" and root["metadata"]["name"] == "bootstrap"


def test_the_root_syncs_itself_and_the_tiers_file(k8s_tree, estate):
    # GIVEN the root's source: the files directly in k8s/envs, not its subdirectories
    (root,) = k8s_tree.docs(ROOT_FILE)
    source = root["spec"]["source"]
    assert source["path"] == f"{estate.gitops.dist_path}/k8s/envs"
    assert source["directory"] == {"recurse": False}
    # THEN the files it syncs are exactly bootstrap.yaml (itself) and tiers.yaml
    top = sorted(f for f in k8s_tree.files() if f.count("/") == 2 and f.startswith("k8s/envs/"))
    assert top == sorted([ROOT_FILE, TIERS_FILE])
    # AND deleting it by mistake orphans the estate instead of deleting it
    assert FINALIZER not in root["metadata"].get("finalizers", [])


def test_tiers_file_holds_one_application_per_tier(k8s_tree, estate):
    docs = k8s_tree.docs(TIERS_FILE)
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


def test_tenants_sync_after_the_platform_they_need(k8s_tree, estate):
    wave = {n: int(a["metadata"]["annotations"]["argocd.argoproj.io/sync-wave"])
            for n, a in apps(k8s_tree).items()}
    assert all(wave[t] > wave["platform"] for t in estate.tenants)


def test_sync_policy_comes_from_the_model(k8s_tree, estate):
    for name, tier in tiers(estate).items():
        automated = apps(k8s_tree)[name]["spec"]["syncPolicy"]["automated"]
        assert automated == {"prune": tier.sync.prune, "selfHeal": tier.sync.self_heal}


def test_prod_is_never_pruned_automatically(k8s_tree):
    assert apps(k8s_tree)["prod"]["spec"]["syncPolicy"]["automated"]["prune"] is False


def test_only_tenants_that_prune_cascade_on_deletion(k8s_tree, estate):
    # GIVEN deleting dev frees its footprint (seed 000); deleting prod or the platform by
    # mistake orphans their objects, as removing them from git would
    for name, app in apps(k8s_tree).items():
        cascades = FINALIZER in app["metadata"].get("finalizers", [])
        tenant = estate.tenants.get(name)
        assert cascades == (tenant is not None and tenant.sync.prune), name


def test_adding_a_tenant_needs_no_second_apply(fresh_dist, staging_dist):
    # GIVEN the estate as applied once (bootstrap.yaml) WHEN a tenant file is added
    before, after = (fresh_dist / ROOT_FILE).read_bytes(), (staging_dist / ROOT_FILE).read_bytes()
    # THEN the file applied by hand is unchanged (nothing to re-apply) ...
    assert after == before
    # ... and the new tier arrives through tiers.yaml, which the root already syncs from git
    names = {d["metadata"]["name"] for d in yaml.safe_load_all((staging_dist / TIERS_FILE).read_text())}
    old = {d["metadata"]["name"] for d in yaml.safe_load_all((fresh_dist / TIERS_FILE).read_text())}
    assert names - old == {"staging"}
