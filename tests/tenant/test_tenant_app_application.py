"""The Argo CD Application of each tenant's app, and Image Updater only where enabled."""
import pytest

from tomoda_model import load_estate

from support import CONFIG

ESTATE = load_estate(CONFIG)
TENANTS = sorted(ESTATE.tenants)
UPDATER = "argocd-image-updater.argoproj.io/"


def app_application(k8s_tree, estate, name):
    t = estate.tenants[name]
    return k8s_tree.find("Application", t.argo_app, estate.argocd.namespace, under=f"k8s/envs/{name}/")


def test_seed_application_names_and_namespaces():
    got = {n: (t.argo_app, t.namespace) for n, t in ESTATE.tenants.items() if n in ("dev", "prod")}
    assert got == {"dev": ("tomoda", "tomoda"), "prod": ("prod-tomoda", "prod")}


@pytest.mark.parametrize("name", TENANTS)
def test_app_application_syncs_the_tenants_app_dir_into_its_namespace(k8s_tree, estate, name):
    spec = app_application(k8s_tree, estate, name)["spec"]
    assert spec["destination"]["namespace"] == estate.tenants[name].namespace
    assert spec["source"]["repoURL"] == estate.gitops.repo_url
    assert spec["source"]["targetRevision"] == estate.gitops.branch
    assert spec["source"]["path"] == f"{estate.gitops.dist_path}/k8s/apps/tomoda/{name}"


@pytest.mark.parametrize("name", TENANTS)
def test_app_application_sync_policy_comes_from_model(k8s_tree, estate, name):
    sync = estate.tenants[name].sync
    automated = app_application(k8s_tree, estate, name)["spec"]["syncPolicy"].get("automated")
    if sync.automated:
        assert automated == {"prune": sync.prune, "selfHeal": sync.self_heal}
    else:
        assert automated is None


def test_dev_app_has_image_updater_annotations_for_backend_and_frontend(k8s_tree, estate):
    t = estate.tenants["dev"]
    ann = app_application(k8s_tree, estate, "dev")["metadata"]["annotations"]
    backend, frontend = estate.image(t, estate.images.backend), estate.image(t, estate.images.frontend)
    assert ann[UPDATER + "image-list"] == f"backend={backend},frontend={frontend}"
    for alias in ("backend", "frontend"):
        assert ann[UPDATER + f"{alias}.update-strategy"] == "newest-build"
        assert ann[UPDATER + f"{alias}.allow-tags"] == "regexp:^dev-"
    assert ann[UPDATER + "backend.kustomize.image-name"] == backend
    assert ann[UPDATER + "write-back-method"] == "git:secret:argocd/argocd-image-updater-git"
    assert ann[UPDATER + "git-branch"] == estate.gitops.branch


def test_image_updater_pushes_with_a_secret_materialized_from_gsm(k8s_tree, estate):
    # GIVEN the dev app's write-back secret WHEN looked up in the tree THEN an ExternalSecret
    # from the GSM store creates it with a username and the push token
    ann = app_application(k8s_tree, estate, "dev")["metadata"]["annotations"]
    namespace, name = ann[UPDATER + "write-back-method"].removeprefix("git:secret:").split("/")
    es = k8s_tree.find("ExternalSecret", name, namespace)
    assert es["spec"]["secretStoreRef"] == {"kind": "ClusterSecretStore", "name": "gsm-tomoda"}
    assert es["spec"]["data"][0]["remoteRef"]["key"] == "argocd-image-updater-git-token"
    assert set(es["spec"]["target"]["template"]["data"]) == {"username", "password"}


def test_image_updater_names_images_the_kustomization_knows(k8s_tree, estate):
    ann = app_application(k8s_tree, estate, "dev")["metadata"]["annotations"]
    images = {i["name"] for i in k8s_tree.docs("k8s/apps/tomoda/dev/kustomization.yaml")[0]["images"]}
    for alias in ("backend", "frontend"):
        assert ann[UPDATER + f"{alias}.kustomize.image-name"] in images


def test_prod_app_has_no_image_updater_annotation_at_all(k8s_tree, estate):
    ann = app_application(k8s_tree, estate, "prod")["metadata"].get("annotations", {})
    assert not [k for k in ann if k.startswith(UPDATER)]


@pytest.mark.parametrize("name", TENANTS)
def test_image_updater_annotations_follow_the_model_flag(k8s_tree, estate, name):
    ann = app_application(k8s_tree, estate, name)["metadata"].get("annotations", {})
    assert any(k.startswith(UPDATER) for k in ann) is estate.tenants[name].app.image_updater
