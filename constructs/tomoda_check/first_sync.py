"""First sync: simulate Argo CD bringing dist/ up on a fresh cluster, wave by wave.

The cluster starts with the core APIs and Argo CD (installed by Terraform). The operator
applies the bootstrap file; from there every Application syncs its objects in wave order,
waits for a wave to be healthy before the next, and a parent waits for a child Application
to be healthy (the Application health check) before its next wave. Chart Applications
install what their chart facts declare (tomoda_k8s.chart_facts): CRDs and admission
webhooks become usable once the chart's Application is healthy.

Fails, naming the object and the missing provider, when
- an object, or a chart's rendered objects, would be applied before the CRD of its API
  group is installed (or in the same wave as the operator whose webhook checks it);
- the dry run at the start of a sync would fail (a custom resource whose CRD is not yet
  installed and that does not carry SkipDryRunOnMissingResource);
- an object is applied into a namespace that does not exist yet;
- a file is synced by two Applications, or by none;
- parents could not wait for children (no Application health check in the Argo CD
  install) or a retry budget can run out during a cold start.
The notes give the expected timeline (README "First sync").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from tomoda_k8s import layout
from tomoda_k8s.chart_facts import CATALOG, Catalog, UnknownChart
from tomoda_k8s.sync_rules import (
    BUILTIN_GROUPS,
    external_secret_store,
    group_of,
    pod_secrets,
    store_secrets,
)

from .argo import SKIP_DRY_RUN, App, ArgoTree, sync_options, wave_of
from .context import Context, Obj, helm_values
from .findings import Findings

BUILTIN_NAMESPACES = ("default", "kube-system", "kube-public", "kube-node-lease")
HEALTH_CHECK_KEY = "resource.customizations.health.argoproj.io_Application"
REMOTE_BUILTIN_GROUPS = BUILTIN_GROUPS - {"argoproj.io"}  # Argo CD runs on the first only
CLUSTER_SCOPED = {"Namespace", "ClusterIssuer", "ClusterSecretStore", "ClusterRole",
                  "ClusterRoleBinding", "CustomResourceDefinition", "StorageClass",
                  "PriorityClass", "IngressClass", "ValidatingWebhookConfiguration",
                  "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy",
                  "ValidatingAdmissionPolicyBinding", "ClusterExternalSecret"}


@dataclass
class ClusterState:
    """What one cluster serves at a point of the sync: API group -> who provided it."""
    groups: dict[str, str] = field(default_factory=dict)
    namespaces: dict[str, str] = field(default_factory=dict)

    def copy(self) -> "ClusterState":
        return ClusterState(dict(self.groups), dict(self.namespaces))


@dataclass
class State:
    """What every cluster serves: Argo CD's (`home`, where the bootstrap and every
    Application land) and each other cluster an Application deploys to, fresh until then
    (its built-in namespaces; Argo CD's API group only on `home`)."""
    home: str
    clusters: dict[str, ClusterState] = field(default_factory=dict)

    def on(self, cluster: Optional[str]) -> ClusterState:
        name = cluster or self.home
        if name not in self.clusters:
            self.clusters[name] = ClusterState(
                namespaces={ns: "the cluster" for ns in BUILTIN_NAMESPACES})
        return self.clusters[name]

    def builtin(self, cluster: Optional[str]) -> frozenset[str]:
        return BUILTIN_GROUPS if (cluster or self.home) == self.home else REMOTE_BUILTIN_GROUPS

    def copy(self) -> "State":
        return State(self.home, {k: v.copy() for k, v in self.clusters.items()})


class Simulation:
    def __init__(self, ctx: Context, f: Findings, catalog: Catalog = CATALOG):
        self.ctx, self.f, self.catalog = ctx, f, catalog
        self.tree = ArgoTree(ctx)
        self.timeline: list[str] = []
        self.render_apis: dict[int, frozenset[str]] = {}  # chart Application -> API groups served
        self.providers = self._providers()

    def _facts(self, app: App):
        try:
            return self.catalog.facts(app.chart or "", app.version)
        except UnknownChart as exc:
            self.f.fail(f"{app.obj}: {exc}")
            return None

    def _providers(self) -> dict[str, list[App]]:
        """API group -> the chart Applications whose CRDs serve it."""
        out: dict[str, list[App]] = {}
        for app in self.tree.apps:
            if app.chart:
                facts = self._facts(app)
                for group in (facts.crd_groups(app.values) if facts else {}):
                    out.setdefault(group, []).append(app)
        return out

    def _webhook(self, group: str) -> Optional[App]:
        for app in self.providers.get(group, []):
            facts = self._facts(app)
            if facts and group in facts.webhooks:
                return app
        return None

    # ------------------------------------------------------------ one object

    def _missing_group(self, obj: Obj, group: str, state: State, wave: int,
                       same_wave: list[App], what: str) -> None:
        providers = self.providers.get(group, [])
        if not providers:
            self.f.fail(f"{obj} {what} API group {group}: no Application in dist/ installs its "
                        f"CRDs (and the cluster does not serve it)")
            return
        p = providers[0]
        if p in same_wave:
            webhook = " and its admission webhook checks it" if self._webhook(group) is p else ""
            self.f.fail(f"{obj} is synced in wave {wave}, the same wave as its operator "
                        f"{p.ref}, which installs {group}{webhook}: it must come at least one "
                        f"wave later")
        else:
            self.f.fail(f"{obj} {what} API group {group} in wave {wave}, before its CRD "
                        f"provider {p.ref} (wave {wave_of(p.obj)}, synced by "
                        f"{self._parent_name(p)}) is healthy")

    def _parent_name(self, app: App) -> str:
        owner = self.tree.owner(app.obj)
        return owner.ref if owner else "nothing"

    @staticmethod
    def _cluster_of(app: Optional[App]) -> Optional[str]:
        """Where an object synced by `app` lands: on the cluster `app` deploys to (an
        Application too: only Argo CD's own cluster serves argoproj.io)."""
        return app.cluster if app is not None else None

    def _check_object(self, obj: Obj, state: State, wave: int, same_wave: list[App],
                      created_ns: Optional[str], cluster: Optional[str] = None) -> None:
        self.f.count()
        group = group_of(obj.api_version)
        cs = state.on(cluster)
        if group not in state.builtin(cluster) and group not in cs.groups:
            where = f" on cluster {cluster}" if cluster else ""
            self._missing_group(obj, group, state, wave, same_wave, f"is applied{where} with")
        if obj.namespace and obj.kind not in CLUSTER_SCOPED \
                and obj.namespace not in cs.namespaces and obj.namespace != created_ns:
            self.f.fail(f"{obj} is applied in wave {wave} into namespace {obj.namespace}, which "
                        f"does not exist yet (no Namespace in an earlier or the same wave, no "
                        f"CreateNamespace for it)")

    # ------------------------------------------------------------ Applications

    def sync(self, app: App, state: State, depth: int = 0) -> State:
        """Sync `app` on a cluster in `state`; returns what exists once it is healthy."""
        if app.chart:
            return self._sync_chart(app, state)
        objects = [o for o in app.objects if o is not app.obj]
        created_ns = app.destination_namespace if "CreateNamespace=true" in app.options else None
        self._dry_run(app, objects, state)
        self._secret_order(app, objects)
        state = state.copy()
        for wave in sorted({wave_of(o) for o in objects}):
            in_wave = [o for o in objects if wave_of(o) == wave]
            self._sync_wave(app, state, wave, in_wave, created_ns, depth)
        return state

    def _sync_wave(self, app: App, state: State, wave: int, in_wave: list[Obj],
                   created_ns: Optional[str], depth: int) -> None:
        """Apply one wave of `app` to `state` (in place): its namespaces, its objects, and
        what its child Applications bring once healthy."""
        for ns in (o for o in in_wave if o.kind == "Namespace"):
            state.on(self._cluster_of(app)).namespaces.setdefault(ns.name, str(ns))
        children = [a for a in (self.tree.app_of(o) for o in in_wave) if a is not None]
        names = ", ".join(sorted(f"{o.kind} {o.name}" for o in in_wave))
        where = f" (on {app.cluster})" if app.cluster and not app.chart else ""
        self.timeline.append(f"{'  ' * depth}{app.ref}{where} wave {wave}: {names}")
        for obj in in_wave:
            self._check_object(obj, state, wave, children, created_ns, self._cluster_of(app))
        gained: dict[str, ClusterState] = {}
        for child in children:
            after = self.sync(child, state, depth + 1)
            if child.gated_on_sync_only:
                continue  # its parent does not wait for it: nothing it brings is assured
            for name, cs in after.clusters.items():
                before = state.on(name)
                g = gained.setdefault(name, ClusterState())
                g.groups.update({k: v for k, v in cs.groups.items() if k not in before.groups})
                g.namespaces.update(cs.namespaces)
        for name, g in gained.items():
            state.on(name).groups.update(g.groups)
            state.on(name).namespaces.update(g.namespaces)

    def _needed_secrets(self, obj: Obj) -> set[tuple[str, str]]:
        child = self.tree.app_of(obj)
        if child is not None and child.chart:
            facts = self._facts(child)
            return {(child.destination_namespace, n) for n in
                    (facts.needed_secrets(child.values) if facts else [])}
        return {(obj.namespace, n) for n in pod_secrets(obj.doc)} | store_secrets(obj.doc)

    def _secret_order(self, app: App, objects: list[Obj]) -> None:
        """A wave waits for its pods; a pod waits for its Secrets: a Secret that only an
        ExternalSecret of a later wave creates deadlocks the sync. An ExternalSecret must also
        come after its store (until the store is Ready, the ExternalSecret is Degraded, which
        fails its wave)."""
        creators = {}
        for o in objects:
            if o.kind == "ExternalSecret":
                target = (o.spec.get("target") or {}).get("name") or o.name
                creators[(o.namespace, target)] = o
        stores = {(o.kind, o.name): o for o in objects if o.kind in ("ClusterSecretStore", "SecretStore")}
        for o in objects:
            for key in sorted(self._needed_secrets(o)):
                es = creators.get(key)
                self.f.count()
                if es is not None and wave_of(es) > wave_of(o):
                    self.f.fail(f"{o} needs Secret {key[0]}/{key[1]} in wave {wave_of(o)}, but "
                                f"{es} creates it only in wave {wave_of(es)}: the sync would wait "
                                f"for {o.kind} {o.name} for ever")
            store = stores.get(external_secret_store(o.doc) or ("", ""))
            if store is not None and wave_of(store) >= wave_of(o):
                self.f.fail(f"{o} reads through {store} in wave {wave_of(o)}, not after the store "
                            f"(wave {wave_of(store)}): it is Degraded until the store is Ready")

    def _dry_run(self, app: App, objects: list[Obj], world: State) -> None:
        """Argo CD dry-runs every object before the first wave: a custom resource whose CRD is
        not served yet fails it, unless it skips the dry run."""
        crds = {(o.spec.get("group") or "") for o in objects if o.kind == "CustomResourceDefinition"}
        builtin, state = world.builtin(app.cluster), world.on(app.cluster)
        for obj in objects:
            group = group_of(obj.api_version)
            if group in builtin or group in state.groups or group in crds:
                continue
            if SKIP_DRY_RUN not in sync_options(obj):
                self.f.fail(f"{obj}: the dry run of {app.ref} fails before its first wave: API "
                            f"group {group} is not served yet and the object does not carry "
                            f"argocd.argoproj.io/sync-options: {SKIP_DRY_RUN}")

    def _sync_chart(self, app: App, world: State) -> State:
        facts = self._facts(app)
        world = world.copy()
        state = world.on(app.cluster)
        self.render_apis[id(app.obj)] = frozenset(state.groups)
        if facts is None:
            return world
        for api in sorted(facts.render_needs(app.values)):
            if group_of(api) not in state.groups:
                self.f.fail(f"{app.obj}: Argo CD cannot render chart {app.chart} {app.version} "
                            f"with these values until {api} is served (the chart refuses to "
                            f"render without it)")
        for api in sorted(facts.needs(app.values)):
            group = group_of(api)
            if group not in world.builtin(app.cluster) and group not in state.groups:
                self._missing_group(app.obj, group, world, wave_of(app.obj), [],
                                    f"renders objects of chart {app.chart} {app.version} with")
        created = "CreateNamespace=true" in app.options
        ns = app.destination_namespace
        if ns and ns not in state.namespaces and not created:
            self.f.fail(f"{app.obj} installs chart {app.chart} into namespace {ns}, which does "
                        f"not exist yet and the Application does not create it")
        state.namespaces.setdefault(ns, str(app.obj))
        for group in facts.crd_groups(app.values):
            state.groups.setdefault(group, app.ref)
        return world

    # ------------------------------------------------------------ the whole bootstrap

    def initial_state(self) -> State:
        """A fresh cluster: the built-in namespaces, plus what Terraform created before the
        bootstrap is applied (the namespace of each helm_release, e.g. Argo CD's)."""
        state = State(self.ctx.estate.management_cluster.name)
        for r in self.ctx.resources("helm_release"):
            ns = r.body.get("namespace", "default")
            state.on(None).namespaces.setdefault(ns, str(r))
        return state

    def run(self) -> None:
        state = self.initial_state()
        for obj in self.tree.bootstrap():
            self._check_object(obj, state, 0, [], None)
        roots = [a for a in (self.tree.app_of(o) for o in self.tree.bootstrap()) if a]
        if not roots:
            self.f.fail("the bootstrap file holds no Application: nothing would be synced")
        for root in roots:
            self.sync(root, state)


def _ownership(tree: ArgoTree, f: Findings) -> None:
    for obj in tree.ctx.objects:
        owners = tree.owners.get(obj.file) or []
        if len(owners) > 1:
            f.fail(f"{obj} is synced by {len(owners)} Applications "
                   f"({', '.join(sorted(a.ref for a in owners))}): they would fight over it")
        elif not owners and obj.file != layout.BOOTSTRAP_FILE:
            f.fail(f"{obj} is synced by no Application: it would never reach the cluster")


def _health_check(ctx: Context, f: Findings) -> None:
    """Parents wait for child Applications only with the Application health check."""
    for r in ctx.resources("helm_release"):
        if r.body.get("chart") != "argo-cd":
            continue
        f.count()
        values = helm_values(r.body.get("values") or [])
        cm = ((values.get("configs") or {}).get("cm") or {})
        if HEALTH_CHECK_KEY not in cm:
            f.fail(f"{r} installs Argo CD without configs.cm.{HEALTH_CHECK_KEY}: a parent "
                   f"Application would not wait for its children, so sync waves between "
                   f"Applications would have no effect")


def _retries(tree: ArgoTree, f: Findings) -> None:
    """A cold start takes longer than any finite retry budget can promise: never give up."""
    for app in tree.apps:
        policy = app.obj.spec.get("syncPolicy") or {}
        if not policy.get("automated"):
            continue
        f.count()
        limit = (policy.get("retry") or {}).get("limit")
        if limit is None or int(limit) >= 0:
            f.fail(f"{app.obj} retries a failed sync {limit if limit is not None else 0} time(s): "
                   f"Argo CD 2.13 does not retry the same revision once they are spent; use "
                   f"retry.limit -1 with a capped backoff")


def check(ctx: Context) -> Findings:
    f = Findings("first-sync")
    sim = Simulation(ctx, f)
    _ownership(sim.tree, f)
    _health_check(ctx, f)
    _retries(sim.tree, f)
    sim.run()
    for line in sim.timeline:
        f.note(line)
    return f
