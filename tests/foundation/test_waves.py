"""Sync waves follow from what objects need, in-process on small synthetic trees."""
from __future__ import annotations

import cdk8s
import pytest

from tomoda_build.bindings import register_imports

register_imports()

from cdk8s_plus_28 import k8s  # noqa: E402
from imports.io.argoproj import (  # noqa: E402
    Application, ApplicationSpec, ApplicationSpecDestination, ApplicationSpecSource,
    ApplicationSpecSourceDirectory, ApplicationSpecSourceHelm)
from imports.io.cert_manager import ClusterIssuer, ClusterIssuerSpec  # noqa: E402

from tomoda_k8s.base import OutputChart, output_charts  # noqa: E402
from tomoda_k8s.waves import SyncPlan, depends_on  # noqa: E402

WAVE = "argocd.argoproj.io/sync-wave"


def chart_app(scope, name, chart, version, values=None):
    return Application(scope, name, metadata=cdk8s.ApiObjectMetadata(name=name, namespace="argocd"),
                       spec=ApplicationSpec(project="default",
                                            destination=ApplicationSpecDestination(namespace=name),
                                            source=ApplicationSpecSource(
                                                repo_url="https://charts.example", chart=chart,
                                                target_revision=version,
                                                helm=ApplicationSpecSourceHelm(values_object=values or {}))))


def tier(app, files):
    """A root Application syncing `tier/` plus the charts given per file."""
    root = OutputChart(app, "root", output_path="k8s/root.yaml")
    Application(root, "tier", metadata=cdk8s.ApiObjectMetadata(name="tier", namespace="argocd"),
                spec=ApplicationSpec(project="default", destination=ApplicationSpecDestination(namespace="x"),
                                     source=ApplicationSpecSource(
                                         repo_url="https://git.example", path="dist/k8s/tier",
                                         directory=ApplicationSpecSourceDirectory(recurse=True))))
    Application(root, "self", metadata=cdk8s.ApiObjectMetadata(name="root", namespace="argocd"),
                spec=ApplicationSpec(project="default", destination=ApplicationSpecDestination(namespace="x"),
                                     source=ApplicationSpecSource(
                                         repo_url="https://git.example", path="dist/k8s",
                                         directory=ApplicationSpecSourceDirectory(recurse=False))))
    return OutputChart(app, "tier-file", output_path="k8s/tier/objects.yaml")


def waves(app) -> dict[str, int]:
    plan = SyncPlan(output_charts(app), "dist/")
    plan.assign()
    return {n.manifest["metadata"]["name"]: n.wave for n in plan.nodes.values()}


def test_a_custom_resource_follows_the_chart_that_installs_its_crd():
    # GIVEN cert-manager (CRDs + webhook) and a ClusterIssuer in the same Application
    app = cdk8s.App()
    t = tier(app, {})
    chart_app(t, "cert-manager", "cert-manager", "v1.19.4", {"crds": {"enabled": True}})
    ClusterIssuer(t, "issuer", metadata=cdk8s.ApiObjectMetadata(name="le"), spec=ClusterIssuerSpec())
    # WHEN waves are assigned THEN the issuer comes after its operator
    w = waves(app)
    assert w["le"] > w["cert-manager"]


def test_a_chart_rendering_monitors_follows_the_chart_that_installs_their_crd():
    app = cdk8s.App()
    t = tier(app, {})
    chart_app(t, "kube-prometheus-stack", "kube-prometheus-stack", "88.2.0")
    chart_app(t, "traefik", "traefik", "39.0.9",
              {"metrics": {"prometheus": {"serviceMonitor": {"enabled": True}}}})
    chart_app(t, "traefik-quiet", "traefik", "39.0.9")
    w = waves(app)
    assert w["traefik"] > w["kube-prometheus-stack"]


def test_workloads_come_last_and_namespaces_first():
    app = cdk8s.App()
    t = tier(app, {})
    chart_app(t, "cert-manager", "cert-manager", "v1.19.4", {"crds": {"enabled": True}})
    k8s.KubeNamespace(t, "ns", metadata=k8s.ObjectMeta(name="apps"))
    k8s.KubeDeployment(t, "web", metadata=k8s.ObjectMeta(name="web", namespace="apps"), spec=k8s.DeploymentSpec(
        selector=k8s.LabelSelector(match_labels={"a": "b"}),
        template=k8s.PodTemplateSpec(metadata=k8s.ObjectMeta(labels={"a": "b"}),
                                     spec=k8s.PodSpec(containers=[k8s.Container(name="c", image="i")]))))
    w = waves(app)
    assert w["apps"] == 0 and w["web"] > w["cert-manager"]


def test_explicit_dependencies_order_objects_and_cycles_are_refused():
    app = cdk8s.App()
    t = tier(app, {})
    a = k8s.KubeConfigMap(t, "a", metadata=k8s.ObjectMeta(name="a", namespace="x"))
    b = k8s.KubeConfigMap(t, "b", metadata=k8s.ObjectMeta(name="b", namespace="x"))
    depends_on(b, a)
    assert waves(app)["b"] == waves(app)["a"] + 1
    depends_on(a, b)
    with pytest.raises(ValueError, match="cycle"):
        waves(app)


def test_an_undeclared_chart_version_is_an_error_naming_it():
    app = cdk8s.App()
    t = tier(app, {})
    chart_app(t, "cert-manager", "cert-manager", "v9.9.9")
    with pytest.raises(LookupError, match="cert-manager version v9.9.9"):
        waves(app)
