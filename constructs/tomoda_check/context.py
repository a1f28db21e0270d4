"""What every check reads: the parsed dist/ tree, the model and the reviewed allow-list.

Parsed once per run and shared by the check families, so the whole run stays fast.
"""
from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any, Iterator, Optional

import yaml

from tomoda_build.paths import ROOT
from tomoda_build.settings import Settings
from tomoda_build.index import DistIndex, sources_of
from tomoda_k8s import layout

from tomoda_model import Estate

ALLOWLIST = ROOT / "check-allowlist.toml"
NON_OBJECT_FILES = ("kustomization.yaml",)  # kustomize's own file: not a Kubernetes object
POD_KINDS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod"}


def _field(*path: str, empty: Any = "") -> property:
    """A read-only view of the document at `path` (`empty` when absent or null)."""
    def read(self: "Obj") -> Any:
        node: Any = self.doc
        for key in path:
            node = (node or {}).get(key)
        return empty if node is None else node
    return property(read)


@dataclass
class Obj:
    """One Kubernetes object of dist/, addressable the way failure messages name it."""
    file: str   # dist-relative
    doc: dict

    kind = _field("kind")
    api_version = _field("apiVersion")
    meta = _field("metadata", empty={})
    name = _field("metadata", "name")
    namespace = _field("metadata", "namespace")
    spec = _field("spec", empty={})

    @property
    def group(self) -> str:
        return self.api_version.rpartition("/")[0]

    @property
    def ref(self) -> str:
        where = f"{self.namespace}/{self.name}" if self.namespace else self.name
        return f"{self.kind} {where}"

    def __str__(self) -> str:
        return f"{self.ref} ({self.file})"

    def pod_template(self) -> Optional[dict]:
        """The pod template (metadata + spec) of a workload, else None."""
        spec = self.spec
        if self.kind == "Pod":
            return {"metadata": self.meta, "spec": spec}
        if self.kind == "CronJob":
            spec = ((spec.get("jobTemplate") or {}).get("spec") or {})
        if self.kind in POD_KINDS:
            return spec.get("template")
        return None

    def containers(self) -> list[dict]:
        tpl = self.pod_template() or {}
        pod = tpl.get("spec") or {}
        return list(pod.get("initContainers") or []) + list(pod.get("containers") or [])


@dataclass
class TfResource:
    stack: str
    type: str
    id: str
    body: dict
    data: bool = False

    @property
    def address(self) -> str:
        return f"{'data.' if self.data else ''}{self.type}.{self.id}"

    def __str__(self) -> str:
        return f"{self.address} (terraform/{self.stack})"


# Allow-list sections and the keys each entry needs besides `reason`.
SECTIONS = {
    "third_party_images": ("repository",),
    "schemaless": ("kind",),
    "absent_services": ("namespace", "name"),
    "checkov": ("check",),
    "chart_values": ("chart", "path"),
}


class AllowList:
    """The reviewed exceptions file: every entry carries a non-empty `reason`."""

    def __init__(self, path: Path = ALLOWLIST):
        self.path = path
        self.data = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    def entries(self, section: str) -> list[dict]:
        return list(self.data.get(section, []))

    def problems(self) -> list[str]:
        """Entries a reviewer must not wave through: unknown sections, missing keys or reasons."""
        out = []
        for section, items in self.data.items():
            if section not in SECTIONS or not isinstance(items, list):
                out.append(f"{self.path.name}: unknown section [[{section}]] (known: "
                           f"{', '.join(SECTIONS)})")
                continue
            for i, item in enumerate(items):
                missing = [k for k in SECTIONS[section] + ("reason",)
                           if not str(item.get(k, "")).strip()]
                if missing:
                    out.append(f"{self.path.name}: [[{section}]] entry {i + 1} ({item}) has no "
                               f"{' and no '.join(missing)}")
        return out

    def third_party(self, repository: str) -> Optional[dict]:
        for e in self.entries("third_party_images"):
            if fnmatch.fnmatchcase(repository, e["repository"]):
                return e
        return None

    def schemaless(self, api_version: str, kind: str) -> Optional[dict]:
        for e in self.entries("schemaless"):
            if e["kind"] == kind and e.get("api_version", api_version) == api_version:
                return e
        return None


@dataclass(frozen=True)
class PodInfo:
    """Pods that will run: from a pod template in dist/, a chart's declared facts, or an
    operator for a custom resource (tomoda_k8s.chart_facts)."""
    namespace: str
    labels: tuple[tuple[str, str], ...]
    ports: tuple[int, ...]
    source: str   # how failure messages name them
    owner: Optional["Obj"] = field(default=None, compare=False, hash=False)

    @property
    def label_map(self) -> dict[str, str]:
        return dict(self.labels)


@dataclass
class HelmRelease:
    """A Helm chart installed by an Argo CD Application or a Terraform helm_release.

    What the chart creates is not in dist/; the allow-list says which of those objects
    may be referenced.
    """
    owner: str           # how failure messages name the installer
    chart: str
    release: str
    namespace: str
    values: dict = field(default_factory=dict)
    app: Optional[Obj] = None  # the Argo CD Application, when it is one
    version: str = ""

    @property
    def fullname(self) -> str:
        from tomoda_k8s.chart_facts import helm_fullname
        return helm_fullname(self.release, self.chart)


class Context:
    """What every family reads: the tree, its model, the allow-list and the `settings`
    (where the CRDs, the charts' data, checkov and the provider mirror are; a context made
    only to read a tree, e.g. for the first-sync simulation of the docs, has none)."""

    def __init__(self, dist: Path, estate: Estate, settings: Optional[Settings] = None,
                 allow: Optional[AllowList] = None, config: Optional[Path] = None):
        self.dist = dist
        self.estate = estate
        self._settings = settings
        self.allow = allow or AllowList()
        self.config = config

    cluster: Optional[str] = None  # a view of one cluster (on_cluster), None: the whole tree

    @property
    def whole(self) -> "Context":
        """The whole tree (this context, unless it is a view of one cluster)."""
        return self.__dict__.get("_whole", self)

    @property
    def leads(self) -> bool:
        """Whether checks of what is shared by every cluster (Terraform's side of a binding)
        run in this context: the whole tree, or the view of Argo CD's cluster."""
        return self.cluster in (None, self.estate.management_cluster.name)

    def on_cluster(self, cluster: str) -> "Context":
        """The same tree as one cluster sees it: the objects that land on it (argo.placement)
        and the Applications that deploy to it (so their charts' releases count there)."""
        from .argo import deploys_to

        view = Context(self.dist, self.estate, self._settings, self.allow, self.config)
        view.__dict__["index"] = self.index
        placed = self.placement
        view.__dict__["objects"] = [
            o for o in self.objects
            if (deploys_to(self, o) if o.kind == "Application" else placed[id(o)]) == cluster]
        view.cluster = cluster
        view.__dict__["_whole"] = self
        return view

    @cached_property
    def placement(self) -> dict[int, str]:
        from .argo import placement
        return placement(self)

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            raise RuntimeError("this check context was made without Settings")
        return self._settings

    @property
    def crd_dir(self) -> Path:
        return self.settings.crd_dir

    # ------------------------------------------------------------ Kubernetes
    @cached_property
    def index(self) -> DistIndex:
        """The tree, read once (the same index the guard, diff and docs read)."""
        return DistIndex(self.dist, self.estate.gitops.dist_path)

    @cached_property
    def objects(self) -> list[Obj]:
        return [Obj(rel, doc) for rel, doc in self.index.documents
                if PurePosixPath(rel).name not in NON_OBJECT_FILES]

    def of_kind(self, *kinds: str) -> Iterator[Obj]:
        return (o for o in self.objects if o.kind in kinds)

    def find(self, kind: str, name: str, namespace: str = "") -> list[Obj]:
        return [o for o in self.objects if o.kind == kind and o.name == name
                and o.namespace == namespace]

    def workloads(self, namespace: Optional[str] = None) -> list[Obj]:
        return [o for o in self.objects if o.pod_template() is not None
                and (namespace is None or o.namespace == namespace)]

    @cached_property
    def pods(self) -> list[PodInfo]:
        """Every set of pods dist/ makes run, however it is created."""
        from tomoda_k8s.chart_facts import CATALOG, OPERATOR_PODS, UnknownChart

        out = []
        for w in self.workloads():
            labels = ((w.pod_template() or {}).get("metadata") or {}).get("labels") or {}
            ports = tuple(p.get("containerPort") for c in w.containers() for p in c.get("ports") or []
                          if p.get("containerPort"))
            out.append(PodInfo(w.namespace, tuple(sorted(labels.items())), ports, str(w), w))
        for rel in self.helm_releases:
            try:
                facts = CATALOG.facts(rel.chart, rel.version)
            except UnknownChart:
                continue  # the first-sync and charts families name it
            for pod, labels in facts.pods_of(rel.release, rel.values):
                out.append(PodInfo(rel.namespace, tuple(sorted(labels.items())), pod.ports,
                                   f"pods of Helm release {rel.release} ({rel.owner})", rel.app))
        for o in self.objects:
            pod = OPERATOR_PODS.get((o.group, o.kind))
            if pod is not None:
                out.append(PodInfo(o.namespace, tuple(sorted(pod.render(name=o.name).items())),
                                   pod.ports, f"{pod.role} pods of {o}", o))
        return out

    def pods_matching(self, namespace: str, selector: dict) -> list[PodInfo]:
        """Pods of `namespace` whose labels carry every `selector` label."""
        return [p for p in self.pods if p.namespace == namespace
                and all(p.label_map.get(k) == v for k, v in selector.items())]

    @cached_property
    def kustomizations(self) -> dict[str, dict]:
        """dist-relative directory -> parsed kustomization.yaml."""
        found: dict[str, dict] = {}
        seen = {str(PurePosixPath(o.file).parent) for o in self.objects}
        for rel, path in self.index.files.items():
            if self.cluster is not None and str(PurePosixPath(rel).parent) not in seen:
                continue  # another cluster's
            if rel.startswith("k8s/") and path.name == "kustomization.yaml":
                docs = [d for r, d in self.index.documents if r == rel]
                found[str(PurePosixPath(rel).parent)] = (docs[0] if docs else None) or {}
        return found

    @cached_property
    def helm_releases(self) -> list[HelmRelease]:
        out = []
        for app in self.of_kind("Application"):
            dest = (app.spec.get("destination") or {}).get("namespace", "")
            for src in sources_of(app.doc):
                if src.get("chart"):
                    helm = src.get("helm") or {}
                    out.append(HelmRelease(str(app), src["chart"],
                                           helm.get("releaseName") or app.name, dest,
                                           helm.get("valuesObject") or {}, app,
                                           str(src.get("targetRevision", ""))))
        for r in self.resources("helm_release") if self.leads else ():  # on Argo CD's cluster
            values = helm_values(r.body.get("values") or [])
            out.append(HelmRelease(str(r), r.body.get("chart", ""), r.body.get("name", ""),
                                   r.body.get("namespace", "default"), values,
                                   version=str(r.body.get("version", ""))))
        return out

    @staticmethod
    def sources(app: Obj) -> list[dict]:
        return sources_of(app.doc)

    def tenant_of(self, obj: Obj):
        """The tenant an object belongs to (namespace, tenant label, or app directory)."""
        for t in self.estate.tenants.values():
            if obj.file.startswith(layout.app_dir(t) + "/"):
                return t
        labels = obj.meta.get("labels") or {}
        name = labels.get("tomoda.life/tenant") or labels.get("env")
        for t in self.estate.tenants.values():
            if t.name == name or (obj.namespace and obj.namespace == t.namespace):
                return t
        return None

    # ------------------------------------------------------------ Terraform
    @cached_property
    def stacks(self) -> dict[str, dict]:
        return self.index.stacks

    def resources(self, *types: str, data: bool = False) -> list[TfResource]:
        out = []
        section = "data" if data else "resource"
        for stack, doc in self.stacks.items():
            for rtype, items in (doc.get(section) or {}).items():
                if not types or rtype in types:
                    out += [TfResource(stack, rtype, rid, body, data) for rid, body in items.items()]
        return out

    def resolve(self, stack: str, expr: Any) -> Optional[TfResource]:
        """The resource a `${type.id.attr}` reference of `stack` points at."""
        m = re.fullmatch(r"\$\{(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.[a-z_]+\}", str(expr))
        if not m:
            return None
        for r in self.resources(m.group(2), data=bool(m.group(1))):
            if r.stack == stack and r.id == m.group(3):
                return r
        return None


def _merge(into: dict, doc: dict) -> None:
    for k, v in doc.items():
        if isinstance(v, dict) and isinstance(into.get(k), dict):
            _merge(into[k], v)
        else:
            into[k] = v


def helm_values(texts: list) -> dict:
    """A helm_release's `values` documents merged the way Helm merges them (maps deeply,
    later documents win); a document that is not a YAML map (interpolated) is skipped."""
    values: dict = {}
    for text in texts:
        try:
            doc = yaml.safe_load(text)
        except yaml.YAMLError:
            continue  # interpolated values: nothing to read statically
        if isinstance(doc, dict):
            _merge(values, doc)
    return values


def prune_cache(directory: Path, pattern: str, keep: int = 32) -> None:
    """Keep the `keep` newest cache entries matching `pattern` (results of mutated trees
    in tests would otherwise pile up)."""
    entries = sorted(directory.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[keep:]:
        old.unlink(missing_ok=True)


def walk(node: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every (path, value) below `node`, dict keys and list indexes in the path."""
    yield path, node
    if isinstance(node, dict):
        for k, v in node.items():
            yield from walk(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, path + (i,))


def dotted(path: tuple) -> str:
    return ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in path).replace(".[", "[")


def split_image(image: str) -> tuple[str, str]:
    """(repository, tag) of an image reference; tag '' when absent, digests kept whole."""
    if "@" in image:
        repo, digest = image.split("@", 1)
        return repo, "@" + digest
    last = image.rsplit("/", 1)[-1]
    if ":" in last:
        return image[: image.rfind(":")], image[image.rfind(":") + 1:]
    return image, ""
