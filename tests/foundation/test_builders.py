"""The shared builders, in process: each written once, each checked here on a tiny chart."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def k8s():
    from tomoda_build.bindings import register_imports
    register_imports()
    from cdk8s_plus_28 import k8s
    return k8s


def chart(namespace="ns"):
    import cdk8s
    return cdk8s.Chart(cdk8s.App(), "c", namespace=namespace, disable_resource_name_hashes=True)


def test_resources_default_limits_to_requests_in_both_renderings(k8s):
    from tomoda_k8s.resources import Resources
    # GIVEN requests with only a wider memory limit
    r = Resources("10m", "64Mi", memory_limit="128Mi")
    # THEN Helm values and the container's requirements say the same
    assert r.values() == {"requests": {"cpu": "10m", "memory": "64Mi"},
                          "limits": {"cpu": "10m", "memory": "128Mi"}}
    c = chart()
    k8s.KubePod(c, "p", spec=k8s.PodSpec(containers=[k8s.Container(
        name="x", image="x:1", resources=r.requirements())]))
    assert c.to_json()[0]["spec"]["containers"][0]["resources"] == r.values()


def test_a_policy_admits_exactly_its_peers_on_its_ports(k8s):
    from tomoda_k8s.netpol import AnyNamespace, Peer, Rule, admit
    c = chart()
    # GIVEN one rule of a namespace's pods and one of a list of namespaces, and a closed policy
    admit(c, "open", name="open", pods={"app": "a"},
          rules=[Rule((Peer("traefik"), Peer("dev", {"app": "b"})), (80,)),
                 Rule((AnyNamespace(("dev", "prod")),), (2322,))])
    admit(c, "closed", name="closed", pods={"app": "c"}, rules=[])
    opened, closed = c.to_json()
    # THEN each peer is a namespace selector (narrowed to pods where given), ports are TCP
    first, second = opened["spec"]["ingress"]
    assert first["from"] == [
        {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "traefik"}}},
        {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "dev"}},
         "podSelector": {"matchLabels": {"app": "b"}}}]
    assert first["ports"] == [{"port": 80, "protocol": "TCP"}]
    assert second["from"] == [{"namespaceSelector": {"matchExpressions": [
        {"key": "kubernetes.io/metadata.name", "operator": "In", "values": ["dev", "prod"]}]}}]
    # AND a policy without rules admits nothing
    assert closed["spec"]["ingress"] == [] and closed["spec"]["policyTypes"] == ["Ingress"]
    assert opened["metadata"]["namespace"] == "ns"  # the chart's, when none is given


def test_an_ingress_serves_every_route_under_one_certificate(k8s):
    from tomoda_k8s.base import ServiceEndpoint
    from tomoda_k8s.ingress import Route, tls_ingress
    c = chart()
    issuer = k8s.KubeConfigMap(c, "issuer", metadata=k8s.ObjectMeta(name="letsencrypt-prod"))
    api, web = ServiceEndpoint("api", "ns", 8080), ServiceEndpoint("web", "ns", 3000)
    # GIVEN two hosts to two Services, guarded
    tls_ingress(c, "ing", name="app", issuer=issuer,
                routes=[Route("api.x.io", api), Route("app.x.io", web)],
                guard={"traefik.ingress.kubernetes.io/router.middlewares": "m@kubernetescrd"})
    doc = c.to_json()[1]
    # THEN one TLS block with both hosts, the issuer by its object's name, the guard kept
    assert doc["spec"]["tls"] == [{"hosts": ["api.x.io", "app.x.io"], "secretName": "app-tls"}]
    assert doc["metadata"]["annotations"] == {
        "cert-manager.io/cluster-issuer": "letsencrypt-prod",
        "traefik.ingress.kubernetes.io/router.middlewares": "m@kubernetescrd"}
    backends = [(r["host"], r["http"]["paths"][0]["backend"]["service"]) for r in doc["spec"]["rules"]]
    assert backends == [("api.x.io", {"name": "api", "port": {"number": 8080}}),
                        ("app.x.io", {"name": "web", "port": {"number": 3000}})]


def test_hardened_containers_drop_everything_and_pods_run_as_the_given_uid(k8s):
    from tomoda_k8s import security
    c = chart()
    k8s.KubePod(c, "p", spec=k8s.PodSpec(
        security_context=security.pod_security(1000, fs_group_change_policy="OnRootMismatch"),
        containers=[k8s.Container(name="x", image="x:1",
                                  security_context=security.container_security())]))
    spec = c.to_json()[0]["spec"]
    assert spec["securityContext"] == {
        "fsGroup": 1000, "fsGroupChangePolicy": "OnRootMismatch", "runAsGroup": 1000,
        "runAsNonRoot": True, "runAsUser": 1000, "seccompProfile": {"type": "RuntimeDefault"}}
    assert spec["containers"][0]["securityContext"] == {
        "allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]}, "privileged": False,
        "readOnlyRootFilesystem": True, "runAsNonRoot": True,
        "seccompProfile": {"type": "RuntimeDefault"}}
