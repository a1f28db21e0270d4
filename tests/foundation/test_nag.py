"""The rules every rendered object obeys (tomoda_k8s/nag.py): each fails by name, in process.

A compliant pod is built, then broken one way per rule; `render` must refuse it naming the
rule, the object and the construct that made it. A suppression needs a reason.
"""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def k8s():
    from tomoda_build.bindings import register_imports
    register_imports()
    from cdk8s_plus_28 import k8s
    return k8s


def app_with(k8s, mutate=lambda pod: None, kind="Deployment", extra=None):
    """An app of one compliant Deployment (then `mutate`d) in one OutputChart."""
    import cdk8s
    from tomoda_k8s import security
    from tomoda_k8s.base import OutputChart
    from tomoda_k8s.resources import Resources
    app = cdk8s.App()
    chart = OutputChart(app, "file", output_path="x.yaml", namespace="ns")
    container = dict(name="web", image="web:1.0.0", resources=Resources("10m", "64Mi").requirements(),
                     security_context=security.container_security())
    pod = dict(automount_service_account_token=False, containers=[container],
               security_context=security.pod_security(1000))
    mutate(pod)
    pod["containers"] = [k8s.Container(**c) if isinstance(c, dict) else c for c in pod["containers"]]
    labels = {"app": "web"}
    k8s.KubeDeployment(chart, "web", metadata=k8s.ObjectMeta(name="web"), spec=k8s.DeploymentSpec(
        selector=k8s.LabelSelector(match_labels=labels),
        template=k8s.PodTemplateSpec(metadata=k8s.ObjectMeta(labels=labels), spec=k8s.PodSpec(**pod))))
    if extra:
        extra(chart)
    return app, chart


def render_problems(app) -> list[str]:
    from tomoda_k8s.base import render
    from tomoda_k8s.nag import NagError
    try:
        render(app)
    except NagError as e:
        return e.problems
    return []


def test_a_compliant_pod_renders(k8s):
    app, _ = app_with(k8s)
    assert render_problems(app) == []


def _no_limits(pod):
    pod["containers"][0]["resources"] = None


def _escalates(pod):
    from tomoda_k8s import security
    sc = security.container_security()
    pod["containers"][0]["security_context"] = type(sc)(
        allow_privilege_escalation=True, read_only_root_filesystem=True,
        capabilities=sc.capabilities)


def _token(pod):
    pod["automount_service_account_token"] = None


@pytest.mark.parametrize("rule, mutate, says", [
    ("TMD1", _no_limits, "container web has no cpu and no memory request"),
    ("TMD2", _escalates, "container web: allowPrivilegeEscalation is not false"),
    ("TMD3", _token, "mounts a service-account token"),
])
def test_each_pod_rule_fails_by_name(k8s, rule, mutate, says):
    # GIVEN the compliant Deployment broken one way WHEN rendered THEN the rule names it
    app, _ = app_with(k8s, mutate)
    found = [p for p in render_problems(app) if p.startswith(f"[{rule}]")]
    assert found and found[0].startswith(f"[{rule}] Deployment ns/web (file/web): {says}")


def test_a_secret_with_data_and_an_ingress_without_tls_fail_by_name(k8s):
    def extra(chart):
        k8s.KubeSecret(chart, "s", metadata=k8s.ObjectMeta(name="creds"), string_data={"k": "v"})
        k8s.KubeIngress(chart, "i", metadata=k8s.ObjectMeta(name="plain"), spec=k8s.IngressSpec(
            rules=[k8s.IngressRule(host="a.example.org")]))
    app, _ = app_with(k8s, extra=extra)
    problems = render_problems(app)
    assert any(p.startswith("[TMD4] Secret ns/creds (file/s): carries secret material") for p in problems)
    assert any(p.startswith("[TMD5] Ingress ns/plain (file/i): serves a.example.org without TLS")
               for p in problems)
    assert any(p.startswith("[TMD5] Ingress ns/plain (file/i): names no cert-manager issuer")
               for p in problems)


def test_a_suppression_with_its_reason_silences_only_its_rule(k8s):
    from tomoda_k8s.nag import suppress
    # GIVEN a pod that needs the API (token) and has no limits, suppressing only the token rule
    app, chart = app_with(k8s, lambda pod: (_token(pod), _no_limits(pod)))
    suppress(chart, "TMD3", reason="the controller lists pods through the API")
    rules = {p[1:5] for p in render_problems(app)}
    assert rules == {"TMD1"}


def test_a_suppression_needs_a_known_rule_and_a_reason(k8s):
    from tomoda_k8s.nag import suppress
    _, chart = app_with(k8s)
    with pytest.raises(ValueError, match="a suppression of TMD3 needs its reason"):
        suppress(chart, "TMD3", reason=" ")
    with pytest.raises(ValueError, match="unknown rule 'TMD9'"):
        suppress(chart, "TMD9", reason="because")
