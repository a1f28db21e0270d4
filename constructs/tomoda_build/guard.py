"""Guarded deletions: refuse a synthesis that removes or renames stateful objects.

Argo CD prunes a removed object the moment dist/ lands and Terraform destroys a removed
resource on the next apply, so losing a database, a bucket or a cluster must take an
explicit, per-object `ALLOW_DESTROY=kind/namespace/name,...`.
Identities: Kubernetes `Kind/namespace/name`; Terraform `type/stack/logical-id`.
"""
from __future__ import annotations

import json
from pathlib import Path

import yaml

STATEFUL_KINDS = {"Cluster", "ScheduledBackup", "PersistentVolumeClaim"}
STATEFUL_CHARTS = {"redis"}  # Helm-installed data stores, installed by an Argo CD Application
STATEFUL_TYPES = {
    "google_storage_bucket", "aws_s3_bucket", "google_container_cluster",
    "google_container_node_pool", "google_artifact_registry_repository",
    "google_secret_manager_secret", "aws_secretsmanager_secret", "google_compute_network",
    "google_compute_subnetwork",
}


class DestroyRefused(Exception):
    pass


def _app_charts(doc: dict) -> set[str]:
    spec = doc.get("spec") or {}
    sources = spec.get("sources") or ([spec["source"]] if spec.get("source") else [])
    return {s.get("chart") for s in sources if s.get("chart")}


def stateful(root: Path) -> set[str]:
    """Identities of every stateful object in an output tree."""
    found: set[str] = set()
    k8s = root / "k8s"
    for path in sorted(k8s.rglob("*.yaml")) if k8s.exists() else []:
        for doc in yaml.safe_load_all(path.read_text()):
            if not isinstance(doc, dict) or "kind" not in doc:
                continue
            meta = doc.get("metadata") or {}
            ident = f"{doc['kind']}/{meta.get('namespace', '')}/{meta.get('name')}"
            if doc["kind"] in STATEFUL_KINDS:
                found.add(ident)
            elif doc["kind"] == "Application" and _app_charts(doc) & STATEFUL_CHARTS:
                found.add(ident)
    tf = root / "terraform"
    for path in sorted(tf.glob("*/cdk.tf.json")) if tf.exists() else []:
        stack = path.parent.name
        resources = json.loads(path.read_text()).get("resource", {})
        for rtype, items in resources.items():
            if rtype in STATEFUL_TYPES:
                found.update(f"{rtype}/{stack}/{name}" for name in items)
    return found


def refuse_destruction(old: Path, new: Path, allowed: tuple[str, ...]) -> None:
    if not old.exists():
        return
    going = sorted(stateful(old) - stateful(new) - set(allowed))
    if going:
        listing = "\n".join(f"  - {g}" for g in going)
        raise DestroyRefused(
            f"refusing to synthesize: {len(going)} stateful object(s) would be removed or "
            f"renamed (Argo CD would prune them / Terraform would destroy them):\n{listing}\n"
            f"If that is intended, name each one:\n"
            f"  make synth ALLOW_DESTROY={','.join(going)}")
