"""NetworkPolicies that admit named peers on named ports, and nothing else.

One shape for every policy of the estate: the pods a policy protects, and for each rule the
peers (a namespace, optionally narrowed to pods with some labels) and the TCP ports they may
reach. A protected pod accepts nothing else, so listing peers is the whole story.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional, Sequence

from cdk8s_plus_28 import k8s
from constructs import Construct

NAMESPACE_NAME = "kubernetes.io/metadata.name"  # set by the API server on every namespace


@dataclass(frozen=True)
class Peer:
    """Pods of `namespace` (all of them when `pods` is None) that may connect."""
    namespace: str
    pods: Optional[Mapping[str, str]] = None


@dataclass(frozen=True)
class AnyNamespace:
    """Every pod of any of `namespaces` (one peer, however many namespaces)."""
    namespaces: tuple[str, ...]


@dataclass(frozen=True)
class Addresses:
    """Every source in the CIDRs `cidrs` (pods of another cluster of the VPC)."""
    cidrs: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    peers: tuple[Peer | AnyNamespace | Addresses, ...]
    ports: tuple[int, ...]


def _peers(p: Peer | AnyNamespace | Addresses) -> list[k8s.NetworkPolicyPeer]:
    if isinstance(p, Addresses):
        return [k8s.NetworkPolicyPeer(ip_block=k8s.IpBlock(cidr=c)) for c in p.cidrs]
    return [_peer(p)]


def _peer(p: Peer | AnyNamespace) -> k8s.NetworkPolicyPeer:
    if isinstance(p, AnyNamespace):
        return k8s.NetworkPolicyPeer(namespace_selector=k8s.LabelSelector(
            match_expressions=[k8s.LabelSelectorRequirement(
                key=NAMESPACE_NAME, operator="In", values=list(p.namespaces))]))
    return k8s.NetworkPolicyPeer(
        namespace_selector=k8s.LabelSelector(match_labels={NAMESPACE_NAME: p.namespace}),
        pod_selector=k8s.LabelSelector(match_labels=dict(p.pods)) if p.pods else None)


def admit(scope: Construct, id: str, *, name: str, pods: Mapping[str, str],
          rules: Sequence[Rule], namespace: Optional[str] = None,
          labels: Optional[Mapping[str, str]] = None) -> k8s.KubeNetworkPolicy:
    """A policy selecting `pods` in `namespace` (default: its chart's) that admits exactly
    `rules` (none: no ingress at all)."""
    return k8s.KubeNetworkPolicy(
        scope, id,
        metadata=k8s.ObjectMeta(name=name, namespace=namespace,
                                labels=dict(labels) if labels else None),
        spec=k8s.NetworkPolicySpec(
            pod_selector=k8s.LabelSelector(match_labels=dict(pods)),
            policy_types=["Ingress"],
            ingress=[k8s.NetworkPolicyIngressRule(
                from_=[q for p in r.peers for q in _peers(p)],
                ports=[k8s.NetworkPolicyPort(port=k8s.IntOrString.from_number(port),
                                             protocol="TCP") for port in r.ports])
                for r in rules]))
