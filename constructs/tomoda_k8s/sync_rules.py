"""What an object needs before Argo CD can apply it: read from its manifest alone.

Shared by the synthesis (waves.py, which orders objects by these rules) and `make check`
(first_sync.py, which verifies the order in dist/); no cdk8s here, so the checks and the
docs generator stay light.
"""
from __future__ import annotations

from typing import Any, Iterator, Mapping, Optional

# API groups every cluster serves before anything is synced. argoproj.io is served by the
# Argo CD that Terraform installs before the bootstrap is applied.
BUILTIN_GROUPS = frozenset({
    "", "core", "apps", "batch", "autoscaling", "policy", "networking.k8s.io",
    "rbac.authorization.k8s.io", "storage.k8s.io", "admissionregistration.k8s.io",
    "apiextensions.k8s.io", "scheduling.k8s.io", "coordination.k8s.io", "discovery.k8s.io",
    "node.k8s.io", "certificates.k8s.io", "argoproj.io",
})
WORKLOAD_KINDS = frozenset({"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob",
                            "Pod", "ReplicaSet"})


def group_of(api_version: str) -> str:
    return api_version.rpartition("/")[0]


def pod_spec(manifest: Mapping[str, Any]) -> Optional[Mapping[str, Any]]:
    """The spec of the pods a workload runs (a Pod's own spec; a CronJob's job template's);
    None for anything that runs no pods."""
    kind, spec = manifest.get("kind"), manifest.get("spec") or {}
    if kind not in WORKLOAD_KINDS:
        return None
    if kind == "Pod":
        return spec
    if kind == "CronJob":
        spec = ((spec.get("jobTemplate") or {}).get("spec") or {})
    return ((spec.get("template") or {}).get("spec")) or {}


def _secret_refs(pod: Mapping[str, Any]) -> Iterator[tuple[Mapping[str, Any], str]]:
    """Every reference to a Secret in a pod spec, with the field holding its name."""
    for c in (pod.get("initContainers") or []) + (pod.get("containers") or []):
        yield from ((e.get("secretRef") or {}, "name") for e in c.get("envFrom") or [])
        yield from ((((e.get("valueFrom") or {}).get("secretKeyRef")) or {}, "name")
                    for e in c.get("env") or [])
    yield from ((v.get("secret") or {}, "secretName") for v in pod.get("volumes") or [])


def pod_secrets(manifest: Mapping[str, Any]) -> set[str]:
    """Names of the Secrets a workload's pods need to start (non-optional references)."""
    return {ref[field] for ref, field in _secret_refs(pod_spec(manifest) or {})
            if ref.get(field) and not ref.get("optional")}


def store_secrets(manifest: Mapping[str, Any]) -> set[tuple[str, str]]:
    """(namespace, Secret) a (Cluster)SecretStore authenticates with: it is not Ready, and an
    ExternalSecret reading through it fails, until they exist."""
    if manifest.get("kind") not in ("ClusterSecretStore", "SecretStore"):
        return set()
    own = manifest["metadata"].get("namespace", "")
    out = set()

    def walk(node: Any, key: str = "") -> None:
        if isinstance(node, Mapping):
            if key.endswith("SecretRef") and "name" in node and "key" in node:
                out.add((node.get("namespace", own), node["name"]))
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)

    walk(manifest.get("spec") or {})
    return out


def external_secret_store(manifest: Mapping[str, Any]) -> Optional[tuple[str, str]]:
    """(kind, name) of the store an ExternalSecret reads through."""
    if manifest.get("kind") != "ExternalSecret":
        return None
    ref = (manifest.get("spec") or {}).get("secretStoreRef") or {}
    return ref.get("kind", "SecretStore"), ref.get("name", "")


