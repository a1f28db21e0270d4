"""How traffic reaches the app: the Ingress and the NetworkPolicies that admit it."""
from __future__ import annotations

from typing import Optional, Sequence

import cdk8s
from cdk8s_plus_28 import k8s
from constructs import Construct

from tomoda_model import Tenant

from ..base import ServiceEndpoint
from ..conventions import INGRESS_CLASS
from .spec import INGRESS, TLS_SECRET, Pool, selector


def routes(tenant: Tenant, api: ServiceEndpoint,
           frontend: ServiceEndpoint) -> list[tuple[str, ServiceEndpoint]]:
    """(host, Service) of every Ingress rule: the API host, then every frontend host."""
    return [(tenant.hosts.api, api)] + [
        (host, frontend) for host in (tenant.hosts.app, *tenant.hosts.extra_app)]


class AppIngress(Construct):
    def __init__(self, scope: Construct, id: str, *, tenant: Tenant, api: ServiceEndpoint,
                 frontend: ServiceEndpoint, issuer: cdk8s.ApiObject):
        super().__init__(scope, id)
        rules = routes(tenant, api, frontend)
        self.ingress = k8s.KubeIngress(
            self, "ingress",
            metadata=k8s.ObjectMeta(
                name=INGRESS, annotations={"cert-manager.io/cluster-issuer": issuer.name}),
            spec=k8s.IngressSpec(
                ingress_class_name=INGRESS_CLASS,
                # one certificate for every host: cert-manager issues it from this block
                tls=[k8s.IngressTls(hosts=[host for host, _ in rules], secret_name=TLS_SECRET)],
                rules=[k8s.IngressRule(host=host, http=k8s.HttpIngressRuleValue(paths=[
                    k8s.HttpIngressPath(path="/", path_type="Prefix", backend=k8s.IngressBackend(
                        service=k8s.IngressServiceBackend(
                            name=svc.name, port=k8s.ServiceBackendPort(number=svc.port))))]))
                    for host, svc in rules]))


class PoolPolicy(Construct):
    """Ingress to one pool: only from `from_namespace` on the pool's port, or (when
    `from_namespace` is None) from nowhere at all."""

    def __init__(self, scope: Construct, id: str, *, pool: Pool,
                 from_namespace: Optional[str]):
        super().__init__(scope, id)
        ingress: Sequence[k8s.NetworkPolicyIngressRule] = ()
        if from_namespace is not None:
            ingress = [k8s.NetworkPolicyIngressRule(
                from_=[k8s.NetworkPolicyPeer(namespace_selector=k8s.LabelSelector(
                    match_labels={"kubernetes.io/metadata.name": from_namespace}))],
                ports=[k8s.NetworkPolicyPort(
                    port=k8s.IntOrString.from_number(pool.port), protocol="TCP")])]
        self.policy = k8s.KubeNetworkPolicy(
            self, "policy",
            metadata=k8s.ObjectMeta(name=f"{pool.name}-policy"),
            spec=k8s.NetworkPolicySpec(
                pod_selector=k8s.LabelSelector(match_labels=selector(pool)),
                policy_types=["Ingress"],
                ingress=list(ingress)))
