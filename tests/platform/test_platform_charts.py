"""Every Argo CD Application: an existing path, or an exact chart version from the model."""
import re

import pytest

from tomoda_k8s import layout

EXACT = re.compile(r"^v?\d+\.\d+\.\d+$")
PLATFORM = layout.tier_dir("platform") + "/"
BIG_CRDS = ("cert-manager", "kube-prometheus-stack", "external-secrets", "cloudnative-pg")
PLATFORM_CHARTS = ("cert-manager", "traefik", "external-dns", "external-secrets", "oauth2-proxy",
                   "kube-prometheus-stack", "loki", "tempo", "blackbox-exporter",
                   "argocd-image-updater", "cloudnative-pg", "plugin-barman-cloud")


def applications(k8s_tree, under="k8s/"):
    return [d for _, d in k8s_tree.all_objects(under) if d.get("kind") == "Application"]


def sources(app):
    spec = app["spec"]
    return [spec["source"]] if "source" in spec else spec.get("sources", [])


def platform_app(k8s_tree, estate, key):
    chart = estate.platform.charts[key]
    hits = [a for a in applications(k8s_tree, PLATFORM)
            if any(s.get("chart") == chart.chart and s["repoURL"] == chart.repo_url for s in sources(a))]
    assert len(hits) == 1, key
    return hits[0]


def test_every_application_path_exists_in_the_tree(k8s_tree, estate):
    prefix = estate.gitops.dist_path + "/"
    files = k8s_tree.files()
    for app in applications(k8s_tree):
        for source in sources(app):
            if "path" in source:
                assert source["path"].startswith(prefix)
                rel = source["path"][len(prefix):].rstrip("/") + "/"
                assert any(f.startswith(rel) for f in files), source["path"]


def test_every_chart_version_is_exact(k8s_tree):
    for app in applications(k8s_tree):
        for source in sources(app):
            if "chart" in source:
                assert EXACT.match(source["targetRevision"]), (app["metadata"]["name"], source)


@pytest.mark.parametrize("key", PLATFORM_CHARTS)
def test_platform_chart_is_installed_at_the_model_version(k8s_tree, estate, key):
    chart = estate.platform.charts[key]
    app = platform_app(k8s_tree, estate, key)
    assert app["spec"]["source"]["targetRevision"] == chart.version
    assert app["spec"]["destination"]["namespace"] == chart.namespace
    assert "CreateNamespace=true" in app["spec"]["syncPolicy"]["syncOptions"]


@pytest.mark.parametrize("key", BIG_CRDS)
def test_charts_with_big_crds_apply_server_side(k8s_tree, estate, key):
    assert "ServerSideApply=true" in platform_app(k8s_tree, estate, key)["spec"]["syncPolicy"]["syncOptions"]


def test_platform_values_are_inline_never_a_values_file(k8s_tree):
    # the platform Application recurses its directory: a values file would be applied
    for app in applications(k8s_tree, PLATFORM):
        if "chart" not in app["spec"]["source"]:
            continue  # Photon: a directory of its own
        helm = app["spec"]["source"]["helm"]
        assert "valuesObject" in helm and "valueFiles" not in helm
