"""Tenant data isolation, proven on the NetworkPolicies of dist/ (part of `wiring`).

- Every path an app is configured to use works: for each workload and each in-cluster
  `<X>_HOST` of a ConfigMap it reads (with `<X>_PORT`), the pods behind that host admit the
  workload's pods on that port.
- No tenant reaches another tenant's stores: every pod a tenant owns (its app, its admin UIs)
  is denied on every port of every other tenant's database and Redis pods.
"""
from __future__ import annotations

import re
from typing import Optional

from tomoda_build.index import STATEFUL_CHARTS
from tomoda_k8s.chart_facts import OPERATOR_PODS

from .context import Context, PodInfo
from .findings import Findings
from .netpol import Policies

HOST_RE = re.compile(r"^([a-z0-9-]+)\.([a-z0-9-]+)\.svc(\.cluster\.local)?$")
CNPG_SUFFIXES = ("-rw", "-ro", "-r")


def _release_pods(ctx: Context, namespace: str, service: str) -> list[PodInfo]:
    """Pods of the Helm release that creates Service `service` (by the allow-list's names)."""
    from .wiring import helm_creator

    rel = helm_creator(ctx, "Service", namespace, service)
    if rel is None or rel.app is None:
        return []
    return [p for p in ctx.pods if p.namespace == namespace and p.owner is rel.app]


def resolve(ctx: Context, host: str, depth: int = 0) -> Optional[list[PodInfo]]:
    """The pods behind an in-cluster host name (None when it is not one)."""
    m = HOST_RE.match(host)
    if not m or depth > 3:
        return None
    name, ns = m.group(1), m.group(2)
    for svc in ctx.find("Service", name, ns):
        if svc.spec.get("type") == "ExternalName":
            return resolve(ctx, svc.spec.get("externalName", ""), depth + 1)
        return ctx.pods_matching(ns, svc.spec.get("selector") or {"": "<none>"})
    for cl in ctx.of_kind("Cluster"):
        if cl.namespace == ns and any(name == cl.name + s for s in CNPG_SUFFIXES):
            return [p for p in ctx.pods if p.owner is cl]
    return _release_pods(ctx, ns, name)


def _configured_paths(ctx: Context, f: Findings, policies: Policies) -> None:
    configmaps = {(o.namespace, o.name): o for o in ctx.of_kind("ConfigMap")}
    for pod in ctx.pods:
        w = pod.owner
        if w is None or w.pod_template() is None:
            continue
        for c in w.containers():
            for env_from in c.get("envFrom") or []:
                ref = (env_from.get("configMapRef") or {}).get("name")
                cm = configmaps.get((w.namespace, ref))
                if cm is None:
                    continue
                data = cm.doc.get("data") or {}
                for key, host in sorted(data.items()):
                    if not key.endswith("_HOST"):
                        continue
                    targets = resolve(ctx, str(host))
                    port = data.get(key[:-len("_HOST")] + "_PORT")
                    if not targets or not str(port or "").isdigit():
                        continue
                    for dst in targets:
                        if int(port) not in dst.ports:
                            continue
                        f.count()
                        ok, why = policies.allowed(pod, dst, int(port))
                        if not ok:
                            f.fail(f"{w} is configured ({cm.ref} {key}) to reach {host}:{port}, "
                                   f"but {dst.source} do not admit it: {why}")


def _is_store(ctx: Context, pod: PodInfo) -> bool:
    o = pod.owner
    if o is None:
        return False
    if (o.group, o.kind) in OPERATOR_PODS:
        return True
    return o.kind == "Application" and bool(
        {s.get("chart") for s in ctx.sources(o)} & STATEFUL_CHARTS)


def _cross_tenant(ctx: Context, f: Findings, policies: Policies) -> None:
    owned = [(p, ctx.tenant_of(p.owner)) for p in ctx.pods if p.owner is not None]
    stores = [(p, t) for p, t in owned if t is not None and _is_store(ctx, p)]
    for src, src_tenant in owned:
        if src_tenant is None:
            continue
        for dst, dst_tenant in stores:
            if dst_tenant.name == src_tenant.name:
                continue
            for port in dst.ports:
                f.count()
                ok, why = policies.allowed(src, dst, port)
                if ok:
                    f.fail(f"{src.source} (tenant {src_tenant.name}) can reach {dst.source} "
                           f"(tenant {dst_tenant.name}) on port {port}: {why}")


def data_isolation(ctx: Context, f: Findings) -> None:
    policies = Policies(ctx)
    _configured_paths(ctx, f, policies)
    _cross_tenant(ctx, f, policies)
