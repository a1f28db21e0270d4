"""Sync waves, derived from a dependency graph: the order in which Argo CD applies dist/.

Argo CD syncs each Application's objects wave by wave and waits for a wave to be healthy
before the next one (the last wave's health is not awaited). A parent Application waits
for a child Application's health only through the `argoproj.io_Application` health check
that the Argo CD install configures (tomoda_tf.gcp.argocd). So the order of a first sync
is: CRD providers -> operators whose admission webhooks must be up -> the custom resources
they check -> workloads, within every Application, and tiers after the tiers they need.

Nothing here is typed per object. Each object's wave follows from
- what it is: a Namespace comes first, a custom resource after the CRD provider of its API
  group (and after the provider's webhook), a chart Application after the providers of the
  API groups its rendered objects use (`chart_facts`), a workload after everything that is
  not one (so a slow workload never holds up a wave that something else waits for);
- explicit dependencies a construct declares with `depends_on` (a database after its
  credentials, the app after its data plane).
Dependencies on objects synced by another Application are that Application's business:
its parent orders the two Applications.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePosixPath
from typing import Any, Iterable, Mapping, Optional

import cdk8s

from .chart_facts import CATALOG, Catalog
from .conventions import CRD_PENDING_OPTIONS, SYNC_OPTIONS, SYNC_WAVE
from .sync_rules import (  # noqa: F401 (re-exported: the checks read the same rules)
    BUILTIN_GROUPS,
    WORKLOAD_KINDS,
    external_secret_store,
    group_of,
    pod_secrets,
    store_secrets,
)

DEPENDS_ON = "tomoda:sync-depends-on"

def depends_on(obj: cdk8s.ApiObject, *others: cdk8s.ApiObject) -> None:
    """`obj` is applied in a later wave than each of `others` (when one Application syncs both)."""
    for other in others:
        obj.node.add_metadata(DEPENDS_ON, other.node.path)


@dataclass(frozen=True)
class Source:
    """A dist-relative directory an Application syncs."""
    directory: str
    recurse: bool

    def owns(self, rel: str) -> bool:
        parent = str(PurePosixPath(rel).parent)
        return parent == self.directory or (self.recurse and rel.startswith(self.directory + "/"))


def app_source(manifest: Mapping[str, Any], dist_prefix: str) -> Optional[Source]:
    """The dist directory a directory/Kustomize Application syncs (None for a chart)."""
    src = (manifest.get("spec") or {}).get("source") or {}
    path = src.get("path")
    if src.get("chart") or not path or not path.startswith(dist_prefix):
        return None
    recurse = bool((src.get("directory") or {}).get("recurse"))
    return Source(path[len(dist_prefix):].rstrip("/"), recurse)


@dataclass
class Node:
    obj: cdk8s.ApiObject
    manifest: dict
    file: str
    unit: Optional[str] = None           # the directory of the Application that syncs it
    deps: set[str] = field(default_factory=set)  # construct paths
    wave: Optional[int] = None

    @property
    def kind(self) -> str:
        return self.manifest["kind"]

    @property
    def group(self) -> str:
        return group_of(self.manifest["apiVersion"])

    @cached_property
    def path(self) -> str:
        # Read once: every read is a round trip to the jsii runtime, and the dependency
        # graph asks for it O(objects^2) times (most of a synthesis' time, uncached).
        return self.obj.node.path

    @property
    def chart_source(self) -> Optional[dict]:
        if self.kind != "Application":
            return None
        src = (self.manifest.get("spec") or {}).get("source") or {}
        return src if src.get("chart") else None


class SyncPlan:
    """Assigns and writes the sync wave of every object rendered into dist/."""

    def __init__(self, charts: Iterable[tuple[str, cdk8s.Chart]], dist_prefix: str,
                 catalog: Catalog = CATALOG):
        self.catalog = catalog
        self.nodes: dict[str, Node] = {}
        for output_path, chart in charts:
            for obj in chart.node.find_all():
                if isinstance(obj, cdk8s.ApiObject):
                    node = Node(obj, obj.to_json(), output_path)
                    node.deps = {m.data for m in obj.node.metadata if m.type == DEPENDS_ON}
                    self.nodes[node.path] = node
        self.sources: dict[str, Source] = {}
        for node in self.nodes.values():
            if node.kind == "Application":
                src = app_source(node.manifest, dist_prefix)
                if src is not None:
                    self.sources[node.path] = src
        for node in self.nodes.values():
            owners = [s for s in self.sources.values() if s.owns(node.file)]
            if owners:
                node.unit = max(owners, key=lambda s: len(s.directory)).directory
        self._provides: dict[str, set[str]] = {}
        self._needs: dict[str, set[str]] = {}

    # ------------------------------------------------------------ what objects need/provide

    def in_unit(self, unit: str) -> list[Node]:
        return [n for n in self.nodes.values() if n.unit == unit]

    def provides(self, node: Node) -> set[str]:
        """API groups (CRDs and webhooks) that exist once `node` is healthy."""
        if node.path not in self._provides:
            out: set[str] = set()
            chart = node.chart_source
            if chart is not None:
                facts = self.catalog.facts(chart["chart"], chart["targetRevision"])
                out |= set(facts.crd_groups(self._values(chart)))
            elif node.path in self.sources:
                for child in self._children(node):
                    out |= self.provides(child)
            self._provides[node.path] = out
        return self._provides[node.path]

    def needs(self, node: Node) -> set[str]:
        """API groups `node` needs served (and their webhooks up) before it is applied."""
        if node.path not in self._needs:
            out: set[str] = set()
            chart = node.chart_source
            if node.group not in BUILTIN_GROUPS:
                out.add(node.group)
            if chart is not None:
                facts = self.catalog.facts(chart["chart"], chart["targetRevision"])
                out |= {group_of(api) for api in facts.needs(self._values(chart))}
            elif node.path in self.sources:
                children = self._children(node)
                inner = set().union(*(self.needs(c) for c in children)) if children else set()
                out |= inner - self.provides(node)
            self._needs[node.path] = out - BUILTIN_GROUPS
        return self._needs[node.path]

    def _children(self, node: Node) -> list[Node]:
        """What a directory Application syncs (itself excluded, for the self-managed root)."""
        return [c for c in self.in_unit(self.sources[node.path].directory) if c is not node]

    @staticmethod
    def _values(chart_source: dict) -> dict:
        return (chart_source.get("helm") or {}).get("valuesObject") or {}

    def is_workload(self, node: Node) -> bool:
        if node.kind in WORKLOAD_KINDS:
            return True
        return node.kind == "Application" and not self.provides(node) and not self._is_self(node)

    def _is_self(self, node: Node) -> bool:
        """The Application syncing the directory it lives in (the self-managed bootstrap)."""
        src = self.sources.get(node.path)
        return src is not None and src.directory == node.unit

    # ------------------------------------------------------------ waves

    def secrets_needed(self, node: Node) -> set[tuple[str, str]]:
        """(namespace, Secret) a pod of `node` needs before it can start."""
        chart = node.chart_source
        if chart is not None:
            facts = self.catalog.facts(chart["chart"], chart["targetRevision"])
            ns = ((node.manifest.get("spec") or {}).get("destination") or {}).get("namespace", "")
            return {(ns, name) for name in facts.needed_secrets(self._values(chart))}
        return {(node.manifest["metadata"].get("namespace", ""), name)
                for name in pod_secrets(node.manifest)}

    def _creates_secret(self, node: Node) -> Optional[tuple[str, str]]:
        if node.kind != "ExternalSecret":
            return None
        spec = node.manifest.get("spec") or {}
        target = (spec.get("target") or {}).get("name") or node.manifest["metadata"]["name"]
        return node.manifest["metadata"].get("namespace", ""), target

    def _edges(self, node: Node, unit: list[Node]) -> set[str]:
        """Paths of the objects of the same unit that `node` must come after: explicit
        dependencies, the providers of the API groups it needs, and the ExternalSecrets of
        the Secrets its pods need (a pod waiting for a Secret of a later wave never gets it:
        that wave waits for the pod)."""
        paths = {n.path for n in unit}
        edges = {d for d in node.deps if d in paths}
        for group in self.needs(node):
            edges |= {p.path for p in unit if p is not node and group in self.provides(p)}
        needed = self.secrets_needed(node) | store_secrets(node.manifest)
        edges |= {p.path for p in unit if self._creates_secret(p) in needed}
        store = external_secret_store(node.manifest)
        edges |= {p.path for p in unit if store is not None and (p.kind, p.manifest["metadata"]["name"]) == store}
        return edges

    def assign(self) -> None:
        for unit in sorted({n.unit for n in self.nodes.values() if n.unit is not None}):
            self._assign_unit(self.in_unit(unit))
        loose = [n for n in self.nodes.values() if n.unit is None]
        if loose:
            raise ValueError("objects no Application syncs: " +
                             ", ".join(f"{n.kind} {n.manifest['metadata'].get('name')} ({n.file})"
                                       for n in loose))

    def _assign_unit(self, unit: list[Node]) -> None:
        edges = {n.path: self._edges(n, unit) for n in unit}
        by_path = {n.path: n for n in unit}

        def base(n: Node) -> int:
            if n.kind == "Namespace" or self._is_self(n):
                return 0
            return 1 if (n.group not in BUILTIN_GROUPS or n.kind == "Application") else 0

        def resolve(n: Node, floor: int, stack: tuple[str, ...] = ()) -> int:
            if n.wave is not None:
                return n.wave
            if n.path in stack:
                raise ValueError("sync dependency cycle: " + " -> ".join(stack + (n.path,)))
            wave = max(floor if self.is_workload(n) else 0, base(n))
            for dep in edges[n.path]:
                wave = max(wave, resolve(by_path[dep], floor, stack + (n.path,)) + 1)
            n.wave = wave
            return wave

        settled = [n for n in unit if not self.is_workload(n)]
        for n in settled:
            late = [d for d in edges[n.path] if self.is_workload(by_path[d])]
            if late:
                raise ValueError(f"{n.path} would wait for the workload(s) {', '.join(late)}: "
                                 f"workloads come last in their Application")
            resolve(n, 0)
        floor = max((n.wave for n in settled if n.wave is not None), default=0) + 1
        for n in unit:
            resolve(n, floor)

    def write(self) -> None:
        for node in self.nodes.values():
            node.obj.metadata.add_annotation(SYNC_WAVE, str(node.wave))
            if node.group not in BUILTIN_GROUPS:
                self._skip_dry_run(node)

    @staticmethod
    def _skip_dry_run(node: Node) -> None:
        """A custom resource whose CRD a chart installs: its Application's dry run, which
        covers every wave before the first is applied, must not fail on it (Argo CD 2.13
        has only this per-object switch; gitops-engine sync_context.go)."""
        annotations = node.manifest["metadata"].get("annotations") or {}
        options = [o for o in annotations.get(SYNC_OPTIONS, "").split(",") if o]
        if CRD_PENDING_OPTIONS not in options:
            node.obj.metadata.add_annotation(SYNC_OPTIONS, ",".join(options + [CRD_PENDING_OPTIONS]))


def assign_waves(charts: Iterable[tuple[str, cdk8s.Chart]], dist_prefix: str) -> SyncPlan:
    plan = SyncPlan(charts, dist_prefix)
    plan.assign()
    plan.write()
    return plan
