"""Rules every rendered Kubernetes object obeys, checked when the tree is built (cdk-nag style).

`render` applies them to each chart's objects as it renders them, an Aspect over the whole
tree (cdk8s's own construct validations, `node.add_validation`, run inside `Chart.toJson`
through a jsii callback per chart; reading every object from there made a 12 s synthesis
take 42 s, measured), so a construct that renders a container
without limits, a softened security context, a Secret with data or an Ingress without TLS
fails the synthesis, naming the rule, the object and the construct that made it. A
construct that must break a rule says so where it is built, with the reason:
`suppress(scope, "TMD2", reason="...")` (the reason is required, as cdk-nag requires one).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterator

from .sync_rules import pod_spec as _pod_spec

if TYPE_CHECKING:  # the rules are pure: `make lint` applies them without loading jsii
    import cdk8s
    from constructs import Construct

SUPPRESSION = "tomoda:nag-suppression"


def _containers(pod: dict) -> list[dict]:
    return [*(pod.get("initContainers") or []), *(pod.get("containers") or [])]


def _resources(doc: dict) -> Iterator[str]:
    pod = _pod_spec(doc)
    for c in _containers(pod) if pod is not None else []:
        res = c.get("resources") or {}
        for part in ("requests", "limits"):
            missing = [r for r in ("cpu", "memory") if r not in (res.get(part) or {})]
            if missing:
                yield f"container {c.get('name')} has no {' and no '.join(missing)} {part[:-1]}"
    if doc.get("kind") == "Cluster" and doc.get("apiVersion", "").startswith("postgresql.cnpg.io"):
        limits = ((doc.get("spec") or {}).get("resources") or {}).get("limits") or {}
        missing = [r for r in ("cpu", "memory") if r not in limits]
        if missing:
            yield f"has no {' and no '.join(missing)} limit for its instances"


HARDENED = {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True}


def _hardened(doc: dict) -> Iterator[str]:
    pod = _pod_spec(doc)
    if pod is None:
        return
    pod_non_root = (pod.get("securityContext") or {}).get("runAsNonRoot") is True
    for c in _containers(pod):
        sc = c.get("securityContext") or {}
        soft = [f"{k} is not {str(v).lower()}" for k, v in HARDENED.items() if sc.get(k) is not v]
        if not (sc.get("runAsNonRoot") is True or pod_non_root):
            soft.append("runAsNonRoot is not true")
        if "ALL" not in ((sc.get("capabilities") or {}).get("drop") or []):
            soft.append("capabilities do not drop ALL")
        if soft:
            yield f"container {c.get('name')}: {', '.join(soft)}"


def _no_token(doc: dict) -> Iterator[str]:
    pod = _pod_spec(doc)
    if pod is not None and pod.get("automountServiceAccountToken") is not False:
        yield "mounts a service-account token (automountServiceAccountToken is not false)"


def _no_secret_data(doc: dict) -> Iterator[str]:
    keys = sorted(set(doc.get("data") or {}) | set(doc.get("stringData") or {}))
    if doc.get("kind") == "Secret" and keys:
        yield f"carries secret material (keys {', '.join(keys)}): secrets come from External Secrets"


def _tls_ingress(doc: dict) -> Iterator[str]:
    if doc.get("kind") != "Ingress":
        return
    hosts = {r.get("host") for r in (doc.get("spec") or {}).get("rules") or []}
    covered = {h for t in (doc.get("spec") or {}).get("tls") or [] for h in t.get("hosts") or []}
    if hosts - covered:
        yield f"serves {', '.join(sorted(hosts - covered))} without TLS"
    if "cert-manager.io/cluster-issuer" not in ((doc.get("metadata") or {}).get("annotations") or {}):
        yield "names no cert-manager issuer for its certificate"


@dataclass(frozen=True)
class NagRule:
    id: str
    guards: str
    problems: Callable[[dict], Iterator[str]]


RULES = (
    NagRule("TMD1", "every container states CPU and memory requests and limits", _resources),
    NagRule("TMD2", "every container is hardened (no privilege escalation, read-only root, "
                    "non-root, all capabilities dropped)", _hardened),
    NagRule("TMD3", "no pod mounts a service-account token (none of ours calls the API)", _no_token),
    NagRule("TMD4", "no Secret carries data: secrets come from External Secrets", _no_secret_data),
    NagRule("TMD5", "every Ingress serves TLS for all its hosts from a cert-manager issuer",
            _tls_ingress),
)
RULE_IDS = {r.id for r in RULES}
# Also applied to the committed tree by the policy family of `make check` (no construct path
# there; the check allow-list is where an artifact exception would go).
ARTIFACT_RULES = tuple(r for r in RULES if r.id in ("TMD1", "TMD4"))


def problems_of(doc: dict, rules=RULES, skip: frozenset = frozenset()) -> Iterator[tuple[NagRule, str]]:
    """(rule, problem) of one rendered object."""
    for rule in rules:
        if rule.id not in skip:
            yield from ((rule, p) for p in rule.problems(doc))


def suppress(scope: Construct, rule: str, *, reason: str) -> None:
    """`rule` does not apply to the objects `scope` (or any construct in it) renders."""
    if rule not in RULE_IDS:
        raise ValueError(f"{scope.node.path}: unknown rule {rule!r} (rules: {', '.join(sorted(RULE_IDS))})")
    if not reason.strip():
        raise ValueError(f"{scope.node.path}: a suppression of {rule} needs its reason")
    scope.node.add_metadata(SUPPRESSION, {"rule": rule, "reason": reason})


def _suppressed(node: Construct) -> set[str]:
    return {entry.data["rule"] for scope in node.node.scopes for entry in scope.node.metadata
            if entry.type == SUPPRESSION}


class NagError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("the Kubernetes tree breaks its rules (tomoda_k8s/nag.py):\n  "
                         + "\n  ".join(problems))
        self.problems = problems


def problems(chart: cdk8s.Chart, docs: list[dict]) -> list[str]:
    """Every rule against every object `chart` rendered (`docs`, its `to_json()`), minus
    what the constructs that made them suppress; each problem names rule, object and maker.
    The makers and their suppressions (jsii round trips) are looked up only for an object
    that breaks a rule."""
    import cdk8s

    makers: dict = {}
    found = []
    for doc in docs:
        broken = list(problems_of(doc))
        if not broken:
            continue
        if not makers:
            makers = {(o.kind, o.name): o for o in chart.node.find_all() if isinstance(o, cdk8s.ApiObject)}
        meta = doc.get("metadata") or {}
        maker = makers.get((doc.get("kind"), meta.get("name")))
        skip = frozenset(_suppressed(maker)) if maker is not None else frozenset()
        where = maker.node.path if maker is not None else chart.node.path
        found += [f"[{rule.id}] {doc.get('kind')} {meta.get('namespace') or '-'}/"
                  f"{meta.get('name')} ({where}): {p}; {rule.guards}"
                  for rule, p in broken if rule.id not in skip]
    return found
