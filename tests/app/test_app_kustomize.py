"""The generated kustomization.yaml: a Kustomize source Argo CD Image Updater can bump."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tomoda_k8s.layout import app_dir

TENANTS = ["dev", "prod"]
KUBECTL = shutil.which("kubectl")
needs_kubectl = pytest.mark.skipif(KUBECTL is None, reason="kubectl (with built-in kustomize) is not installed")


def kustomization(k8s_tree, estate, tenant: str) -> dict:
    (doc,) = k8s_tree.docs(f"{app_dir(estate.tenants[tenant])}/kustomization.yaml")
    return doc


def kustomize(directory: Path) -> list[dict]:
    out = subprocess.run([KUBECTL, "kustomize", str(directory)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return [d for d in yaml.safe_load_all(out.stdout) if d]


def images(docs: list[dict]) -> dict[str, str]:
    return {d["metadata"]["name"]: c["image"] for d in docs if d["kind"] == "Deployment"
            for c in d["spec"]["template"]["spec"]["containers"]}


@pytest.mark.parametrize("tenant", TENANTS)
def test_kustomization_lists_every_rendered_file(k8s_tree, estate, tenant):
    directory = app_dir(estate.tenants[tenant])
    rendered = {Path(f).name for f in k8s_tree.files()
                if f.startswith(f"{directory}/") and f.endswith(".yaml")} - {"kustomization.yaml"}
    resources = kustomization(k8s_tree, estate, tenant)["resources"]
    assert sorted(resources) == sorted(rendered)


@pytest.mark.parametrize("tenant", TENANTS)
def test_kustomization_images_match_the_deployments(k8s_tree, estate, tenant):
    # GIVEN the images the Deployments run
    rendered = {d["metadata"]["name"]: d for _, d in k8s_tree.all_objects(
        app_dir(estate.tenants[tenant])) if d["kind"] == "Deployment"}
    running = {c["image"] for d in rendered.values()
               for c in d["spec"]["template"]["spec"]["containers"]}
    # THEN the kustomization names each of them, with the same tag
    declared = {f"{i['name']}:{i['newTag']}"
                for i in kustomization(k8s_tree, estate, tenant)["images"]}
    assert declared == running


@pytest.mark.parametrize("tenant", TENANTS)
def test_kustomization_tag_is_the_model_tag(k8s_tree, estate, tenant):
    tags = {i["newTag"] for i in kustomization(k8s_tree, estate, tenant)["images"]}
    assert tags == {estate.tenants[tenant].app.image_tag}


@needs_kubectl
@pytest.mark.parametrize("tenant", TENANTS)
def test_kubectl_kustomize_builds_the_app(k8s_tree, estate, tenant):
    t = estate.tenants[tenant]
    built = kustomize(k8s_tree.root / app_dir(t))
    rendered = [d for _, d in k8s_tree.all_objects(app_dir(t))]
    assert sorted((d["kind"], d["metadata"]["name"]) for d in built) == \
        sorted((d["kind"], d["metadata"]["name"]) for d in rendered)


@needs_kubectl
def test_an_image_override_reaches_every_pool(k8s_tree, estate, tmp_path):
    # GIVEN the dev app and the override Image Updater's write-back makes Argo CD apply
    # (Argo CD runs `kustomize edit set image` with the .argocd-source-<app>.yaml images)
    src = k8s_tree.root / app_dir(estate.tenants["dev"])
    work = tmp_path / "dev"
    shutil.copytree(src, work)
    doc = yaml.safe_load((work / "kustomization.yaml").read_text())
    for image in doc["images"]:
        image["newTag"] = "dev-abc1234"
    (work / "kustomization.yaml").write_text(yaml.safe_dump(doc))
    # WHEN kustomize builds it
    built = images(kustomize(work))
    # THEN every Deployment runs the bumped tag
    assert built and all(i.endswith(":dev-abc1234") for i in built.values()), built


def test_only_dev_is_bumped_by_image_updater(estate):
    assert {n for n, t in estate.tenants.items() if t.app.image_updater} == {"dev"}
