"""What a change does once it is applied, the way `terraform plan` says it.

For one object (a Kubernetes object `Kind/namespace/name` or a Terraform resource
`type.name`) and its content before and after: the action (created, updated in place,
replaced, deleted) and what is at stake:
- data at risk: a stateful object (the deletion guard's list: CNPG Cluster, PVC, ScheduledBackup,
  ObjectStore, a Redis release; buckets, GKE cluster and node pools, registries, secret
  containers, the VPC) is deleted or replaced;
- pods roll: a workload's pod template changes, or the Helm values of a chart Application;
- DNS/TLS change: an Ingress, IngressRoute, Certificate, DNS record or TLS certificate changes;
- IAM change: IAM members, bindings, roles, service accounts or RBAC change.
Terraform replaces a resource when an attribute marked ForceNew in the provider changes: those
of the stateful types are listed in `FORCES_REPLACEMENT` with their provider source.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Iterator, Optional

from tomoda_build.index import STATEFUL_CHARTS, STATEFUL_KINDS, STATEFUL_TYPES

DATA, PODS, DNS, IAM = "DATA AT RISK", "pods roll", "DNS/TLS change", "IAM change"

# Attributes (dotted paths into the resource's JSON) whose change makes Terraform destroy and
# re-create the resource: `ForceNew: true` in hashicorp/google 6.50.0
# (google/services/container/resource_container_cluster.go, resource_container_node_pool.go,
# node_config.go; storage/resource_storage_bucket.go; artifactregistry, secretmanager, compute)
# and hashicorp/aws 5.100.0 (internal/service/s3/bucket.go, secretsmanager/secret.go). Evidence
# and what is left out in docs/decisions.md. A path covers everything under it.
FORCES_REPLACEMENT: dict[str, tuple[str, ...]] = {
    "google_container_cluster": ("name", "location", "project", "network", "subnetwork", "networking_mode",
                                 "initial_node_count", "ip_allocation_policy.cluster_secondary_range_name",
                                 "ip_allocation_policy.services_secondary_range_name",
                                 "ip_allocation_policy.cluster_ipv4_cidr_block",
                                 "ip_allocation_policy.services_ipv4_cidr_block"),
    "google_container_node_pool": ("name", "name_prefix", "location", "cluster", "project", "initial_node_count",
                                   "max_pods_per_node", "node_config.spot", "node_config.preemptible",
                                   "node_config.service_account", "node_config.oauth_scopes"),
    "google_storage_bucket": ("name", "location", "project"),
    "google_artifact_registry_repository": ("repository_id", "location", "format", "mode", "project"),
    "google_secret_manager_secret": ("secret_id", "replication", "project"),
    "google_compute_network": ("name", "auto_create_subnetworks", "project"),
    "google_compute_subnetwork": ("name", "region", "network", "project", "ip_cidr_range"),
    "aws_s3_bucket": ("bucket", "bucket_prefix", "object_lock_enabled"),
    "aws_secretsmanager_secret": ("name", "name_prefix"),
}


def forcing(rtype: str, paths: list[str]) -> list[str]:
    """The replacement-forcing attributes among changed paths (list indexes ignored)."""
    found = set()
    for path in paths:
        bare = re.sub(r"\[\d+\]", "", path)
        found |= {a for a in FORCES_REPLACEMENT.get(rtype, ()) if bare == a or bare.startswith(a + ".")}
    return sorted(found)


WORKLOAD_KINDS = {"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Rollout"}
DNS_KINDS = {"Ingress", "IngressRoute", "Certificate", "ClusterIssuer", "Issuer"}
RBAC_KINDS = {"Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ServiceAccount"}
DNS_TYPES = ("cloudflare_record", "cloudflare_dns_record", "aws_acm_certificate", "aws_acm_certificate_validation",
             "google_certificate_manager", "google_compute_managed_ssl_certificate")
IAM_TYPES = ("_iam_", "google_service_account", "aws_iam_", "google_project_iam")
DETAIL_LIMIT = 8  # field-level detail by default for small changes; DIFF=full for the patch


@dataclass(frozen=True)
class Impact:
    action: str                       # created | updated in place | replaced | deleted
    markers: tuple[str, ...] = ()
    reason: str = ""                  # e.g. "forces replacement: location"
    detail: tuple[str, ...] = ()      # "path: old -> new", at most DETAIL_LIMIT

    def label(self) -> str:
        text = self.action + (f" ({self.reason})" if self.reason else "")
        return text + "".join(f"; {m}" for m in self.markers)


def changes(before: Any, after: Any, path: str = "") -> Iterator[tuple[str, Any, Any]]:
    """Every leaf that differs: (dotted path, old, new)."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted(set(before) | set(after), key=str):
            sub = f"{path}.{key}" if path else str(key)
            yield from changes(before.get(key, _MISSING), after.get(key, _MISSING), sub)
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for i, (a, b) in enumerate(zip(before, after)):
            yield from changes(a, b, f"{path}[{i}]")
    elif before != after:
        yield path, before, after


class _Missing:
    def __repr__(self) -> str:
        return "(absent)"


_MISSING = _Missing()


def _short(value: Any) -> str:
    """A value in at most 60 characters; a long string keeps its end (an image's tag, a path's leaf)."""
    text = repr(value) if isinstance(value, _Missing) else json.dumps(value, sort_keys=True, default=str)
    if len(text) <= 60:
        return text
    return '"...' + text[-56:] if isinstance(value, str) else text[:57] + "..."


def _kind(ident: str) -> str:
    return ident.split("/", 1)[0]


def _stateful_k8s(ident: str, doc: Any) -> bool:
    if _kind(ident) in STATEFUL_KINDS:
        return True
    if _kind(ident) == "Application" and isinstance(doc, dict):
        spec = doc.get("spec") or {}
        srcs = spec.get("sources") or ([spec["source"]] if spec.get("source") else [])
        return any(s.get("chart") in STATEFUL_CHARTS for s in srcs)
    return False


def _markers(ident: str, before: Any, after: Any, paths: list[str], terraform: bool) -> list[str]:
    out = []
    if terraform:
        rtype = ident.split(".", 1)[0]
        if rtype.startswith(DNS_TYPES):
            out.append(DNS)
        if any(t in rtype for t in IAM_TYPES):
            out.append(IAM)
        return out
    kind = _kind(ident)
    if kind in WORKLOAD_KINDS and (before is None or after is None
                                   or any(p.startswith(("spec.template", "spec.jobTemplate")) for p in paths)):
        out.append(PODS)
    if kind == "Application" and any(".helm." in f".{p}" for p in paths):
        out.append(PODS)
    if kind in DNS_KINDS:
        out.append(DNS)
    if kind in RBAC_KINDS:
        out.append(IAM)
    return out


def of(ident: str, before: Optional[Any], after: Optional[Any], *, terraform: bool) -> Impact:
    """The impact of `ident` (a Terraform resource `type.name` when `terraform`, else a
    Kubernetes `Kind/namespace/name`) going from `before` to `after` (None: absent)."""
    if before is None:
        return Impact("created", tuple(_markers(ident, None, after, [], terraform)))
    if after is None:
        stateful = _stateful(ident, before, terraform)
        return Impact("deleted", tuple(([DATA] if stateful else []) + _markers(ident, before, None, [], terraform)))
    diffs = list(changes(before, after))
    paths = [p for p, _, _ in diffs]
    detail = tuple(f"{p}: {_short(a)} -> {_short(b)}" for p, a, b in diffs[:DETAIL_LIMIT])
    if len(diffs) > DETAIL_LIMIT:
        detail += (f"... and {len(diffs) - DETAIL_LIMIT} more (DIFF=full for the patch)",)
    markers = _markers(ident, before, after, paths, terraform)
    moved = [p for p in paths if p.startswith("spec.destination.")]
    if not terraform and moved and _stateful_k8s(ident, after):
        # A data store's release deployed to another cluster starts empty there; the old
        # one is uninstalled (or orphaned) with its data.
        return Impact("replaced", tuple([DATA] + markers),
                      "forces replacement: " + ", ".join(moved), detail)
    if terraform:
        rtype = ident.split(".", 1)[0]
        forced = forcing(rtype, paths)
        if forced:
            return Impact("replaced", tuple([DATA] + markers), "forces replacement: " + ", ".join(forced), detail)
    return Impact("updated in place", tuple(markers), "", detail)


def _stateful(ident: str, doc: Any, terraform: bool) -> bool:
    if terraform:
        return ident.split(".", 1)[0] in STATEFUL_TYPES
    return _stateful_k8s(ident, doc)
