"""One typed index of an output tree (dist/ or a fresh synthesis), read once.

Every reader of a tree - the deletion guard, `make diff`, the environments page and the
check context - asks it the same questions: which objects and resources are there (by the
guard's identities: `Kind/namespace/name`, `type/stack/logical-id`), in which file, which
Application or stack deploys them, and which of them hold data. Files of other writers
(`tree.is_foreign`) are not part of it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator, Optional

import yaml

from . import tree, yamlio

K8S_ROOT = "k8s"
TF_ROOT = "terraform"
STATEFUL_KINDS = {"Cluster", "ScheduledBackup", "PersistentVolumeClaim", "ObjectStore"}
STATEFUL_CHARTS = {"redis"}  # Helm-installed data stores, installed by an Argo CD Application
# Stateful Terraform types -> the attributes that force a replacement when they change
# (a renamed bucket is a destroyed bucket, even under the same logical id).
STATEFUL_TYPES = {
    "google_storage_bucket": ("name", "location"),
    "aws_s3_bucket": ("bucket",),
    "google_container_cluster": ("name", "location"),
    "google_container_node_pool": ("name", "location", "cluster"),
    "google_artifact_registry_repository": ("repository_id", "location", "format"),
    "google_secret_manager_secret": ("secret_id",),
    "aws_secretsmanager_secret": ("name",),
    "google_compute_network": ("name",),
    "google_compute_subnetwork": ("name", "region", "ip_cidr_range"),
}


def sources_of(doc: dict) -> list[dict]:
    """An Application's sources, whether it has one (`source`) or several (`sources`)."""
    spec = doc.get("spec") or {}
    return spec.get("sources") or ([spec["source"]] if spec.get("source") else [])


@dataclass(frozen=True)
class K8sObject:
    file: str   # dist-relative
    doc: dict
    # The cluster it lands on when that is not Argo CD's own ("": Argo CD's): an object
    # moved to another cluster is a different object (its data does not move with it).
    cluster: str = ""

    @property
    def kind(self) -> str:
        return self.doc.get("kind", "")

    @property
    def name(self) -> Optional[str]:
        return (self.doc.get("metadata") or {}).get("name")

    @property
    def namespace(self) -> str:
        return (self.doc.get("metadata") or {}).get("namespace", "")

    @property
    def identity(self) -> str:
        if not self.name:  # e.g. kustomization.yaml: a file, not an API object
            return f"{self.kind or 'document'} ({self.file})"
        where = f"@{self.cluster}" if self.cluster else ""
        return f"{self.kind}/{self.namespace}/{self.name}{where}"

    @property
    def stateful(self) -> bool:
        return self.kind in STATEFUL_KINDS or (
            self.kind == "Application" and bool(
                {s.get("chart") for s in sources_of(self.doc)} & STATEFUL_CHARTS))


@dataclass(frozen=True)
class TfResource:
    stack: str
    type: str
    name: str
    body: dict

    @property
    def identity(self) -> str:
        return f"{self.type}/{self.stack}/{self.name}"

    @property
    def stateful(self) -> bool:
        return self.type in STATEFUL_TYPES

    def fixed(self) -> dict:
        """What must not change about a stateful resource: its replacement-forcing attributes."""
        return {a: self.body.get(a) for a in STATEFUL_TYPES.get(self.type, ())}


@dataclass(frozen=True)
class Source:
    """A dist-relative directory an Application syncs."""
    app: str       # namespace/name of the Application
    directory: str
    recurse: bool
    cluster: str = ""  # the cluster Secret it deploys to ("": Argo CD's own)

    def owns(self, rel: str) -> bool:
        parent = str(PurePosixPath(rel).parent)
        if parent == self.directory:
            return True
        return self.recurse and rel.startswith(self.directory + "/")


# How an Application names Argo CD's own cluster: its API server as seen from inside, or the
# name Argo CD gives that cluster.
IN_CLUSTER = ("https://kubernetes.default.svc", "in-cluster")


def destination_cluster(doc: dict) -> str:
    """The cluster an Application deploys to: "" for Argo CD's own, else its Secret's name."""
    dest = (doc.get("spec") or {}).get("destination") or {}
    target = dest.get("name") or dest.get("server") or ""
    return "" if target in IN_CLUSTER else target


def dist_relative(path: str, repo_prefix: str) -> Optional[str]:
    """A GitOps-repo path as a dist-relative one (None outside dist/)."""
    prefix = repo_prefix.strip("/")
    path = path.strip("/")
    if prefix in ("", "."):
        return path
    if path == prefix:
        return ""
    return path[len(prefix) + 1:] if path.startswith(prefix + "/") else None


def read_yaml(path: Path) -> Optional[list]:
    """A YAML file's documents, None when it does not parse."""
    try:
        return [d for d in yamlio.load_all(path.read_text(encoding="utf-8")) if d is not None]
    except (yaml.YAMLError, UnicodeDecodeError):
        return None


class DistIndex:
    """Everything a tree holds. `documents`: every YAML document under k8s/ with its file, in
    file order; `objects`: those that are Kubernetes objects (mappings with a kind); `stacks`:
    each stack's Terraform JSON; `files`: dist-relative path -> path.

    `strict`: a YAML file that does not parse is an error (the guard must never lose sight
    of a stateful object); otherwise it is listed in `unparsable` (a diff shows its bytes).
    """

    def __init__(self, root: Path, repo_prefix: str = "", *, strict: bool = True):
        self.root, self.repo_prefix = root, repo_prefix
        self.files = tree.listing(root) if root.exists() else {}
        self.documents: list[tuple[str, object]] = []
        self.unparsable: list[str] = []
        for rel, path in self.files.items():
            if not (rel.startswith(f"{K8S_ROOT}/") and rel.endswith(".yaml")):
                continue
            docs = read_yaml(path)
            if docs is None:
                if strict:
                    raise ValueError(f"{path}: not valid YAML")
                self.unparsable.append(rel)
            self.documents += [(rel, d) for d in docs or []]
        self.objects: list[K8sObject] = [K8sObject(rel, d) for rel, d in self.documents
                                         if isinstance(d, dict) and "kind" in d]
        self.objects = self._placed(self.objects)
        self.stacks: dict[str, dict] = {
            rel.split("/")[1]: json.loads(path.read_text(encoding="utf-8"))
            for rel, path in sorted(self.files.items())
            if rel.startswith(f"{TF_ROOT}/") and rel.endswith("/cdk.tf.json") and rel.count("/") == 2}

    # ------------------------------------------------------------ Kubernetes

    def of_kind(self, kind: str, under: Optional[str] = None) -> list[dict]:
        """Documents of `kind`, optionally only those in files under dist-relative `under`."""
        return [o.doc for o in self.objects if o.kind == kind
                and (under is None or o.file.startswith(under.rstrip("/") + "/"))]

    def application(self, name: str) -> Optional[dict]:
        hits = [d for d in self.of_kind("Application") if d["metadata"].get("name") == name]
        return hits[0] if hits else None

    def sources(self) -> list[Source]:
        """Every dist-relative directory an Application of this tree syncs."""
        found = []
        for app in (o for o in self.objects if o.kind == "Application"):
            for s in sources_of(app.doc):
                directory = dist_relative(s.get("path") or "", self.repo_prefix) if s.get("path") else None
                if directory:
                    found.append(Source(f"{app.namespace}/{app.name}", directory,
                                        bool((s.get("directory") or {}).get("recurse")),
                                        destination_cluster(app.doc)))
        return found

    def _placed(self, objects: list[K8sObject]) -> list[K8sObject]:
        """Each object with the cluster it lands on: an Application's is the one it deploys
        to (a data store's release moves with it); anything else's is its Application's."""
        self.objects = objects
        sources = self.sources() if self.repo_prefix else [
            # A reader that does not know the repository's layout (the guard): dist/ starts
            # where its k8s/ root does.
            Source(s.app, s.directory[s.directory.find(f"{K8S_ROOT}/"):], s.recurse, s.cluster)
            for s in self.sources() if f"{K8S_ROOT}/" in s.directory]
        out = []
        for o in objects:
            if o.kind == "Application":
                cluster = destination_cluster(o.doc)
            else:
                owners = [s for s in sources if s.owns(o.file)]
                best = max(owners, key=lambda s: len(s.directory), default=None)
                cluster = best.cluster if best else ""
            out.append(K8sObject(o.file, o.doc, cluster) if cluster else o)
        return out

    # ------------------------------------------------------------ Terraform

    def resources(self, rtype: Optional[str] = None) -> Iterator[TfResource]:
        for stack, doc in self.stacks.items():
            for t, items in (doc.get("resource") or {}).items():
                if rtype is None or t == rtype:
                    yield from (TfResource(stack, t, name, body) for name, body in items.items())

    # ------------------------------------------------------------ data

    def stateful(self) -> dict[str, object]:
        """Every stateful object: identity -> what must not change about it (Kubernetes:
        nothing beyond the identity; Terraform: the replacement-forcing attributes)."""
        found: dict[str, object] = {o.identity: None for o in self.objects if o.stateful}
        found.update({r.identity: r.fixed() for r in self.resources() if r.stateful})
        return found
