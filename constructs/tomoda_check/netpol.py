"""NetworkPolicy semantics, evaluated on dist/: may pods A open a TCP connection to pods B:port?

Kubernetes rules (ingress side, which is all the estate restricts): a pod selected by no
Ingress policy of its namespace accepts everything; a selected pod accepts a connection only
if some rule of some selecting policy admits it - every `from` peer matches by namespace
labels and/or pod labels, and the port is listed (or no ports are). Namespaces carry
`kubernetes.io/metadata.name` (set by the API server) plus the labels their objects in
dist/ give them.
"""
from __future__ import annotations

from typing import Optional

from .context import Context, Obj, PodInfo

NAMESPACE_NAME = "kubernetes.io/metadata.name"


def selector_matches(selector: Optional[dict], labels: dict) -> bool:
    """metav1.LabelSelector semantics; an empty selector matches everything."""
    selector = selector or {}
    if any(labels.get(k) != v for k, v in (selector.get("matchLabels") or {}).items()):
        return False
    for expr in selector.get("matchExpressions") or []:
        key, op, values = expr["key"], expr["operator"], expr.get("values") or []
        if (op == "In" and labels.get(key) not in values) or \
                (op == "NotIn" and labels.get(key) in values) or \
                (op == "Exists" and key not in labels) or \
                (op == "DoesNotExist" and key in labels):
            return False
    return True


class Policies:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.ns_labels: dict[str, dict] = {}
        for ns in ctx.of_kind("Namespace"):
            self.ns_labels[ns.name] = dict(ns.meta.get("labels") or {})

    def namespace_labels(self, name: str) -> dict:
        return {**self.ns_labels.get(name, {}), NAMESPACE_NAME: name}

    def selecting(self, pod: PodInfo) -> list[Obj]:
        """Ingress policies of the pod's namespace that select it."""
        out = []
        for np in self.ctx.of_kind("NetworkPolicy"):
            types = np.spec.get("policyTypes") or ["Ingress"]
            if np.namespace == pod.namespace and "Ingress" in types and \
                    selector_matches(np.spec.get("podSelector"), pod.label_map):
                out.append(np)
        return out

    def _peer_matches(self, peer: dict, src: PodInfo, policy_ns: str) -> bool:
        if "ipBlock" in peer:
            return False  # pod traffic is judged by pod/namespace identity here
        ns_sel, pod_sel = peer.get("namespaceSelector"), peer.get("podSelector")
        if ns_sel is None and src.namespace != policy_ns:
            return False  # a bare podSelector means pods of the policy's own namespace
        if ns_sel is not None and not selector_matches(ns_sel, self.namespace_labels(src.namespace)):
            return False
        return pod_sel is None or selector_matches(pod_sel, src.label_map)

    @staticmethod
    def _port_matches(rule: dict, port: int) -> bool:
        ports = rule.get("ports") or []
        return not ports or any(p.get("port") in (port, None) and p.get("protocol", "TCP") == "TCP"
                                for p in ports)

    def allowed(self, src: PodInfo, dst: PodInfo, port: int) -> tuple[bool, str]:
        """Whether `src` may reach `dst` on `port`, and which policy decides."""
        policies = self.selecting(dst)
        if not policies:
            return True, f"no NetworkPolicy selects {dst.source}"
        for np in policies:
            for rule in np.spec.get("ingress") or []:
                peers = rule.get("from")
                if not self._port_matches(rule, port):
                    continue
                if not peers or any(self._peer_matches(p, src, np.namespace) for p in peers):
                    return True, f"{np.ref} admits it"
        return False, "denied by " + ", ".join(np.ref for np in policies)
