"""Render every pinned chart for real and hold it to its declared facts (part of `charts`).

For each chart Application and the Argo CD helm_release whose archive `make charts` cached
(exactly the bytes charts.lock pins), `helm template` runs with the release's values, name
and namespace, the model's Kubernetes version, and the API versions the first-sync
simulation says the cluster serves when Argo CD renders it. Then:
- the chart renders at that point (Traefik, say, refuses to without monitoring.coreos.com);
- every rendered object validates (core schemas of the model's version, the pinned CRDs and
  the CRDs the chart itself ships);
- the declared facts (tomoda_k8s.chart_facts) match the render with every API served: the
  CRD groups it ships, the API groups its admission webhooks guard, the API groups its
  objects use, the pods, Secrets and named objects the estate relies on.
Without a cached archive a release is not rendered, which the summary says.
"""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from dataclasses import dataclass
from typing import Optional

import yaml

from tomoda_build.chart_cache import ChartCache, ChartError, Pin, read_lock
from tomoda_build.tools import HELM
from tomoda_k8s.chart_facts import CATALOG, Catalog, ChartFacts, UnknownChart
from tomoda_k8s.sync_rules import BUILTIN_GROUPS, group_of, pod_secrets

from .context import Context, HelmRelease
from .findings import Findings

WEBHOOK_KINDS = ("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration")


class _Loader(yaml.SafeLoader):
    """YAML as the API server reads it: a bare `=` is a string (YAML 1.1's value tag is not)."""


_Loader.add_constructor("tag:yaml.org,2002:value", lambda loader, node: loader.construct_scalar(node))


def pin_of(rel: HelmRelease, repo: str) -> Pin:
    return Pin(rel.chart, repo, rel.version)


def release_repo(ctx: Context, rel: HelmRelease) -> str:
    if rel.app is not None:
        return next((s.get("repoURL", "") for s in ctx.sources(rel.app) if s.get("chart")), "")
    for r in ctx.resources("helm_release"):
        if str(r) == rel.owner:
            return str(r.body.get("repository", ""))
    return ""


def api_versions(groups: frozenset[str], crds: dict) -> list[str]:
    """`group/version` and `group/version/Kind` for every CRD of `groups` (what Argo CD passes)."""
    out = set()
    for group, version, kind in crds:
        if group in groups:
            out |= {f"{group}/{version}", f"{group}/{version}/{kind}"}
    return sorted(out)


def helm_template(helm: Path, archive: Path, rel: HelmRelease, kube_version: str,
                  apis: list[str]) -> tuple[Optional[list[dict]], str]:
    with tempfile.TemporaryDirectory() as tmp:
        values = Path(tmp) / "values.json"
        values.write_text(json.dumps(rel.values), encoding="utf-8")
        argv = [str(helm), "template", rel.release, str(archive), "--namespace", rel.namespace,
                "--kube-version", kube_version, "--include-crds", "-f", str(values)]
        for api in apis:
            argv += ["--api-versions", api]
        proc = subprocess.run(argv, capture_output=True, encoding="utf-8", errors="replace", timeout=300,
                              env={**os.environ, "HELM_CACHE_HOME": tmp, "HELM_CONFIG_HOME": tmp,
                                   "HELM_DATA_HOME": tmp})
    if proc.returncode != 0:
        return None, proc.stderr.strip()[-600:]
    return [d for d in yaml.load_all(proc.stdout, Loader=_Loader) if isinstance(d, dict) and d.get("kind")], ""


def _rendered_facts(docs: list[dict]) -> dict:
    crd_groups = {d["spec"]["group"] for d in docs if d["kind"] == "CustomResourceDefinition"}
    webhooks = set()
    for d in docs:
        if d["kind"] in WEBHOOK_KINDS:
            for hook in d.get("webhooks") or []:
                if hook.get("failurePolicy", "Fail") == "Fail":
                    for rule in hook.get("rules") or []:
                        webhooks |= set(rule.get("apiGroups") or [])
    uses = {group_of(d["apiVersion"]) for d in docs if d["kind"] != "CustomResourceDefinition"}
    uses -= BUILTIN_GROUPS | crd_groups
    return {"crds": crd_groups, "webhooks": webhooks - {"*"}, "uses": uses}


def _pod_templates(docs: list[dict]) -> list[tuple[dict, dict]]:
    out = []
    for d in docs:
        spec = d.get("spec") or {}
        if d["kind"] == "CronJob":
            spec = (spec.get("jobTemplate") or {}).get("spec") or {}
        tpl = spec.get("template") if d["kind"] in ("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob") else None
        if tpl:
            out.append((d, tpl))
    return out


def _strings(node, path=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(v, path + (k,))
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v, path)
    elif isinstance(node, str):
        yield path, node


def compare(facts: ChartFacts, rel: HelmRelease, docs: list[dict]) -> list[str]:
    """Where the declared facts and the render disagree."""
    pods = _pod_templates(docs)
    return [*_api_problems(facts, rel, _rendered_facts(docs)), *_pod_problems(facts, rel, pods),
            *_secret_problems(facts, rel, docs, pods), *_created_problems(facts, rel, docs)]


def _api_problems(facts: ChartFacts, rel: HelmRelease, got: dict) -> list[str]:
    """CRDs shipped, API groups its webhooks guard and its objects use."""
    problems = []
    declared_crds = set(facts.crd_groups(rel.values))
    if declared_crds != got["crds"]:
        problems.append(f"ships CRDs of {sorted(got['crds'])}, declared {sorted(declared_crds)}")
    if set(facts.webhooks) != got["webhooks"]:
        problems.append(f"its failing admission webhooks guard {sorted(got['webhooks'])}, "
                        f"declared {sorted(facts.webhooks)}")
    declared_uses = {group_of(api) for api in facts.uses(rel.values)}
    if declared_uses != got["uses"]:
        problems.append(f"its objects use API groups {sorted(got['uses'])}, declared "
                        f"{sorted(declared_uses)}")
    return problems


def _pod_problems(facts: ChartFacts, rel: HelmRelease, pods: list) -> list[str]:
    """The declared pods run, listening on the declared ports."""
    problems = []
    for pod, labels in facts.pods_of(rel.release, rel.values):
        matching = [tpl for _, tpl in pods if labels.items() <= ((tpl.get("metadata") or {}).get("labels") or {}).items()]
        ports = {p.get("containerPort") for tpl in matching for c in (tpl.get("spec") or {}).get("containers") or []
                 for p in c.get("ports") or []}
        if not matching:
            problems.append(f"runs no pods labelled {labels}, declared")
        elif not set(pod.ports) <= ports:
            problems.append(f"pods labelled {labels} listen on {sorted(p for p in ports if p)}, "
                            f"declared {list(pod.ports)}")
    return problems


def _secret_problems(facts: ChartFacts, rel: HelmRelease, docs: list[dict], pods: list) -> list[str]:
    """Each Secret the facts say its pods need is referred to by what it renders."""
    problems = []
    needed = set()
    for d, _ in pods:
        needed |= pod_secrets(d)
    mentioned = {v for d in docs for _, v in _strings(d)}  # e.g. an operator's CR naming it
    for secret in facts.needed_secrets(rel.values):
        if secret not in needed and secret not in mentioned:
            problems.append(f"nothing it renders refers to Secret {secret}, which the facts say "
                            f"its pods need")
    return problems


def _created_problems(facts: ChartFacts, rel: HelmRelease, docs: list[dict]) -> list[str]:
    names = {(d["kind"], (d.get("metadata") or {}).get("name")) for d in docs}
    return [f"renders no {kind} {name}, declared as created"
            for kind, name in facts.created(rel.release, rel.values) if (kind, name) not in names]


def _validate(docs: list[dict], rel: HelmRelease, version: str, crd_dir: Path,
              files: tuple[str, ...]) -> list[str]:
    from .schemas import _crd_validator, _first_error, core_validator

    own = {(d["spec"]["group"], d["spec"]["names"]["kind"]) for d in docs
           if d["kind"] == "CustomResourceDefinition"}
    problems = []
    for d in docs:
        api, kind = d["apiVersion"], d["kind"]
        group, _, ver = api.rpartition("/")
        validator = core_validator(kind, api, version) if group in BUILTIN_GROUPS else \
            _crd_validator(str(crd_dir), files, group, ver, kind)[0]
        if validator is None:
            if (group, kind) not in own:
                problems.append(f"renders {kind} {(d.get('metadata') or {}).get('name')} "
                                f"({api}), which has no schema")
            continue
        error = _first_error(validator, d)
        if error:
            problems.append(f"renders {kind} {(d.get('metadata') or {}).get('name')} that does "
                            f"not validate: {error}")
    return problems


@dataclass(frozen=True)
class _Env:
    """What rendering every release needs, prepared once."""
    helm: Path
    catalog: Catalog
    sim: object            # the first-sync Simulation, already run (its render_apis)
    crds: dict
    files: tuple[str, ...]
    every_api: tuple
    kube: str              # Argo CD's cluster's version (Terraform's releases run there)
    crd_dir: Path
    kubes: dict            # id(Application) -> the version of the cluster it deploys to

    def kube_of(self, rel: HelmRelease) -> str:
        return self.kubes.get(id(rel.app), self.kube) if rel.app is not None else self.kube


def verify(ctx: Context, f: Findings, *, cache: Optional[ChartCache] = None,
           lock: Optional[dict[str, Pin]] = None, catalog: Catalog = CATALOG,
           helm: Path = HELM) -> None:
    cache = cache or ChartCache(ctx.settings.chart_cache)
    lock = read_lock() if lock is None else lock
    env = _prepare(ctx, catalog, helm)
    rendered = cached = 0
    for rel in ctx.helm_releases:
        f.count()
        archive = _archive(ctx, f, rel, cache, lock)
        if archive is None:
            continue
        cached += 1
        rendered += _render_release(f, rel, archive, env)
    total = len(ctx.helm_releases)
    if rendered < total:
        f.partly = (f"rendered {rendered}/{total} releases"
                    + ("" if cached == total else " (no cached archive for the rest: `make charts`)"))


def _prepare(ctx: Context, catalog: Catalog, helm: Path) -> _Env:
    from .first_sync import Simulation
    from .schemas import _schema_version, deployed_crds, load_crds

    sim = Simulation(ctx, Findings("first-sync"), catalog)
    sim.run()
    files = tuple(str(p) for p in deployed_crds(ctx, Findings("schemas"))) if ctx.crd_dir.is_dir() else ()
    crds = load_crds(ctx.crd_dir, [Path(p) for p in files]) if files else {}
    from .argo import deploys_to
    kubes = {id(a): _schema_version(ctx.estate.cluster(deploys_to(ctx, a)).kubernetes_version)
             for a in ctx.of_kind("Application")}
    return _Env(helm, catalog, sim, crds, files,
                api_versions(frozenset(g for g, _, _ in crds), crds),
                _schema_version(ctx.estate.management_cluster.kubernetes_version), ctx.crd_dir,
                kubes)


def _archive(ctx: Context, f: Findings, rel: HelmRelease, cache: ChartCache,
             lock: dict[str, Pin]) -> Optional[Path]:
    """The release's verified cached archive; None (having said why, if it is a failure)."""
    repo = release_repo(ctx, rel)
    pin = lock.get(pin_of(rel, repo).key)
    if pin is None:
        f.fail(f"{rel.owner}: charts.lock has no entry for chart {rel.chart} {rel.version} "
               f"from {repo} (run `make charts UPDATE=1` and commit charts.lock)")
        return None
    try:
        return cache.archive(pin)
    except ChartError as exc:
        f.fail(f"{rel.owner}: {exc}")
        return None


def _render_release(f: Findings, rel: HelmRelease, archive: Path, env: _Env) -> int:
    """Render the release as Argo CD would at its wave and with every API served; compare
    with its facts and the schemas. 1 when it rendered with every API, else 0."""
    if not env.helm.is_file():
        f.fail(f"{rel.owner}: chart {rel.chart} is cached but helm is not installed at {env.helm}")
        return 0
    try:
        facts = env.catalog.facts(rel.chart, rel.version)
    except UnknownChart:
        return 0  # first-sync names it
    # Terraform's helm_release renders against a fresh cluster: core APIs only.
    groups = env.sim.render_apis.get(id(rel.app), frozenset()) if rel.app is not None else frozenset()
    kube = env.kube_of(rel)  # the version of the cluster the release runs on
    docs, error = helm_template(env.helm, archive, rel, kube, api_versions(groups, env.crds))
    if docs is None:
        f.fail(f"{rel.owner}: chart {rel.chart} {rel.version} does not render where Argo CD "
               f"renders it (APIs served then: {sorted(groups) or 'core only'}): {error}")
    docs, error = helm_template(env.helm, archive, rel, kube, env.every_api)
    if docs is None:
        f.fail(f"{rel.owner}: chart {rel.chart} {rel.version} does not render with every API "
               f"served: {error}")
        return 0
    for problem in compare(facts, rel, docs) + _validate(docs, rel, kube, env.crd_dir, env.files):
        f.fail(f"{rel.owner}: chart {rel.chart} {rel.version} {problem}")
    return 1
