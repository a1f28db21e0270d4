"""Argo CD's view of dist/: which Application syncs which object, in which wave.

Read from dist/ alone (the Applications' sources and annotations), the way Argo CD reads the
GitOps repo: a directory Application syncs every manifest under its path (recursively when
`directory.recurse`), a Kustomize Application what its kustomization lists (here: the files
of its directory), a Helm Application what its chart renders (known to us only through the
declared chart facts). The most specific Application path owns a file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePosixPath
from typing import Optional

from tomoda_k8s import layout
from tomoda_k8s.conventions import (
    CASCADE_FINALIZER,
    HEALTH_GATE,
    HEALTH_GATE_SYNC_ONLY,
    SYNC_OPTIONS,
    SYNC_WAVE,
)

from tomoda_build.index import destination_cluster

from .context import Context, Obj

SKIP_DRY_RUN = "SkipDryRunOnMissingResource=true"


def sync_options(obj: Obj) -> set[str]:
    value = (obj.meta.get("annotations") or {}).get(SYNC_OPTIONS, "")
    return {o.strip() for o in value.split(",") if o.strip()}


def wave_of(obj: Obj) -> int:
    value = (obj.meta.get("annotations") or {}).get(SYNC_WAVE, "0")
    try:
        return int(value)
    except ValueError:
        return 0


@dataclass
class App:
    """One Argo CD Application of dist/."""
    obj: Obj
    source: dict
    directory: Optional[str] = None  # dist-relative, for directory/Kustomize sources
    recurse: bool = False
    objects: list[Obj] = field(default_factory=list)  # what it syncs (directory sources)

    @property
    def name(self) -> str:
        return self.obj.name

    @property
    def ref(self) -> str:
        return f"Application {self.obj.namespace}/{self.obj.name}"

    @property
    def chart(self) -> Optional[str]:
        return self.source.get("chart")

    @property
    def version(self) -> str:
        return str(self.source.get("targetRevision", ""))

    @property
    def values(self) -> dict:
        return (self.source.get("helm") or {}).get("valuesObject") or {}

    @property
    def release(self) -> str:
        return (self.source.get("helm") or {}).get("releaseName") or self.obj.name

    @property
    def cluster(self) -> Optional[str]:
        """The cluster it deploys to: a cluster Secret's name, None for Argo CD's own."""
        return destination_cluster(self.obj.doc) or None

    @property
    def destination_namespace(self) -> str:
        return ((self.obj.spec.get("destination") or {}).get("namespace")) or ""

    @property
    def options(self) -> set[str]:
        policy = self.obj.spec.get("syncPolicy") or {}
        return set(policy.get("syncOptions") or [])

    @property
    def cascades(self) -> bool:
        return any(f.startswith(CASCADE_FINALIZER) for f in self.obj.meta.get("finalizers") or [])

    @property
    def gated_on_sync_only(self) -> bool:
        return (self.obj.meta.get("annotations") or {}).get(HEALTH_GATE) == HEALTH_GATE_SYNC_ONLY

    def owns(self, rel: str) -> bool:
        if self.directory is None:
            return False
        parent = str(PurePosixPath(rel).parent)
        return parent == self.directory or (self.recurse and rel.startswith(self.directory + "/"))


class ArgoTree:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        prefix = ctx.estate.gitops.dist_path.rstrip("/") + "/"
        self.apps: list[App] = []
        for obj in ctx.of_kind("Application"):
            for src in ctx.sources(obj)[:1]:
                app = App(obj, src)
                path = src.get("path") or ""
                if not src.get("chart") and src.get("repoURL") == ctx.estate.gitops.repo_url \
                        and path.startswith(prefix):
                    app.directory = path[len(prefix):].rstrip("/")
                    app.recurse = bool((src.get("directory") or {}).get("recurse"))
                self.apps.append(app)
        self.owners: dict[str, list[App]] = {}
        for obj in ctx.objects:
            owning = [a for a in self.apps if a.owns(obj.file)]
            self.owners[obj.file] = owning
            best = max(owning, key=lambda a: len(a.directory or ""), default=None)
            if best is not None:
                best.objects.append(obj)

    @cached_property
    def by_obj(self) -> dict[int, App]:
        return {id(a.obj): a for a in self.apps}

    def app_of(self, obj: Obj) -> Optional[App]:
        """The Application object `obj` is, if it is one."""
        return self.by_obj.get(id(obj))

    def owner(self, obj: Obj) -> Optional[App]:
        owning = self.owners.get(obj.file) or []
        return max(owning, key=lambda a: len(a.directory or ""), default=None)

    def bootstrap(self) -> list[Obj]:
        """What the operator applies by hand: every object of the bootstrap file."""
        return [o for o in self.ctx.objects if o.file == layout.BOOTSTRAP_FILE]

    def children(self, app: App) -> list[App]:
        return [a for a in (self.app_of(o) for o in app.objects) if a is not None and a is not app]


def placement(ctx: Context) -> dict[int, str]:
    """id(object) -> the cluster it lands on (the model's cluster name): the cluster the
    Application that syncs it deploys to; the bootstrap file is applied to Argo CD's cluster
    by hand."""
    home = ctx.estate.management_cluster.name
    tree = ArgoTree(ctx)
    out: dict[int, str] = {}
    for obj in ctx.objects:
        owner = tree.owner(obj)
        if owner is None:
            out[id(obj)] = home
        else:
            out[id(obj)] = deploys_to(ctx, owner.obj)
    return out


def deploys_to(ctx: Context, app: Obj) -> str:
    """The cluster an Application's objects (or its chart's) land on (one the model does not
    know counts as Argo CD's: crosslayer names the Application)."""
    name = App(app, {}).cluster
    return name if name in {c.name for c in ctx.estate.clusters} else ctx.estate.management_cluster.name
