"""Deletion: simulate deleting each Argo CD Application and list what would go with it.

Argo CD 2.13 (controller/appcontroller.go `shouldBeDeleted`): deleting an Application that
carries the resources finalizer deletes every object it manages, except CRDs and objects
annotated `argocd.argoproj.io/sync-options: Delete=false` or `helm.sh/resource-policy: keep`;
a deleted child Application runs its own finalizer. Without the finalizer nothing is deleted.
Kubernetes then garbage-collects what the deleted objects own: a Namespace takes everything
in it, a CNPG Cluster its PersistentVolumeClaims (the data), an ExternalSecret (creation
policy Owner) its Secret.

Fails when deleting any single Application would take a tenant's data or backup machinery:
a database Cluster, a Redis release, a volume claim, a ScheduledBackup or ObjectStore, or the
Secret a data store starts from. The notes list, per Application, what would go.

With several clusters the simulation runs on the whole tree (a tier on another cluster
cascades through Argo CD's cluster to its wave Applications there) and a Namespace takes
only what is in it on its own cluster (`Context.placement`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from tomoda_build.index import STATEFUL_CHARTS, STATEFUL_KINDS
from tomoda_k8s.chart_facts import CATALOG, UnknownChart

from .argo import App, ArgoTree, sync_options
from .context import Context, Obj
from .findings import Findings

KEEP_ANNOTATION = ("helm.sh/resource-policy", "keep")
BACKUP_KINDS = {"ScheduledBackup", "ObjectStore"}


@dataclass
class Loss:
    """What one deletion takes: object descriptions, and the data machinery among them."""
    gone: list[str] = field(default_factory=list)
    machinery: list[str] = field(default_factory=list)


def _kept(obj: Obj) -> bool:
    annotations = obj.meta.get("annotations") or {}
    return ("Delete=false" in sync_options(obj)
            or annotations.get(KEEP_ANNOTATION[0]) == KEEP_ANNOTATION[1]
            or obj.kind == "CustomResourceDefinition")


class Deletion:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.tree = ArgoTree(ctx)
        self.data_secrets = self._data_secrets()

    def _data_secrets(self) -> set[tuple[str, str]]:
        """Secrets a data store starts from: a Cluster's bootstrap secret, a stateful chart's."""
        out = set()
        for cl in self.ctx.of_kind("Cluster"):
            initdb = ((cl.spec.get("bootstrap") or {}).get("initdb") or {})
            if (initdb.get("secret") or {}).get("name"):
                out.add((cl.namespace, initdb["secret"]["name"]))
        for app in self.tree.apps:
            if app.chart in STATEFUL_CHARTS:
                try:
                    facts = CATALOG.facts(app.chart, app.version)
                except UnknownChart:
                    continue
                out |= {(app.destination_namespace, s) for s in facts.needed_secrets(app.values)}
        return out

    def is_machinery(self, obj: Obj) -> bool:
        if obj.kind in STATEFUL_KINDS | BACKUP_KINDS:
            return True
        app = self.tree.app_of(obj)
        if app is not None and app.chart in STATEFUL_CHARTS:
            return True
        if obj.kind == "ExternalSecret":
            target = (obj.spec.get("target") or {}).get("name") or obj.name
            return (obj.namespace, target) in self.data_secrets
        return False

    def delete(self, app: App, loss: Optional[Loss] = None) -> Loss:
        loss = loss or Loss()
        if not app.cascades:
            return loss
        if app.chart:
            loss.gone.append(f"every object chart {app.chart} renders for release {app.release}")
            if app.chart in STATEFUL_CHARTS:
                loss.machinery.append(f"the {app.chart} release {app.destination_namespace}/"
                                      f"{app.release} (its StatefulSet; volume claims stay)")
        for obj in app.objects:
            if obj is app.obj or _kept(obj):
                continue
            self._goes(obj, loss)
            child = self.tree.app_of(obj)
            if child is not None:
                self.delete(child, loss)
        return loss

    def _goes(self, obj: Obj, loss: Loss) -> None:
        loss.gone.append(obj.ref)
        if self.is_machinery(obj):
            loss.machinery.append(obj.ref)
        if obj.kind == "Namespace":  # the API server deletes everything inside, on its cluster
            where = self.ctx.placement
            for other in self.ctx.objects:
                if other.namespace == obj.name and other is not obj \
                        and where[id(other)] == where[id(obj)]:
                    loss.gone.append(f"{other.ref} (in namespace {obj.name})")
                    if self.is_machinery(other):
                        loss.machinery.append(f"{other.ref} (in namespace {obj.name})")
        if obj.kind == "Cluster":
            loss.gone.append(f"the PersistentVolumeClaims of {obj.ref} (owned by it)")
        if obj.kind == "ExternalSecret":
            target = (obj.spec.get("target") or {}).get("name") or obj.name
            loss.gone.append(f"Secret {obj.namespace}/{target} (owned by {obj.ref})")


def check(ctx: Context) -> Findings:
    f = Findings("deletion")
    sim = Deletion(ctx)
    for app in sorted(sim.tree.apps, key=lambda a: a.ref):
        f.count()
        loss = sim.delete(app)
        if not app.cascades:
            f.note(f"deleting {app.ref}: nothing (no resources finalizer: its objects are orphaned)")
            continue
        f.note(f"deleting {app.ref}: {len(loss.gone)} object(s) go"
               + (f", incl. {', '.join(sorted(set(loss.machinery)))}" if loss.machinery else ""))
        for what in sorted(set(loss.machinery)):
            f.fail(f"deleting {app.ref} would delete {what}: data or backup machinery must "
                   f"carry Delete=false (or not be cascaded)")
    return f
