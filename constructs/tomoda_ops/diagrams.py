"""Mermaid pictures of the estate for docs/environments.md, generated from the model and dist/.

Three views, each read from what is synthesized so it cannot drift from it:
- GitOps: the root Application, the tier Applications it syncs, the Applications they sync,
  and the namespace each deploys to (ownership: the Application whose source path holds the
  file that defines a child, the rule `make diff` uses);
- per tenant, the request path: DNS → load balancer → Traefik → Ingress rules → Services →
  Deployments → the in-cluster services their environment names (Postgres, Redis, Photon),
  and assets: DNS → CloudFront → S3, from the tenant's `aws-<tenant>` stack;
- per Terraform stack, its resource types and the references between them, and the stacks it
  reads through remote state.
Mermaid ids are generated (`n0`, `n1`, …) and labels quoted, so no name can break the syntax;
tests parse every block with Mermaid's own parser.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from typing import Iterable, Optional

from tomoda_model import Estate, Tenant

from tomoda_build.index import destination_cluster

from .diff import Source, _owner
from .plan import upstream

CLUSTER_HOST = re.compile(r"\b([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9-]+)\.svc\.cluster\.local\b")
TF_REFERENCE = re.compile(r"\$\{(?:data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)")


class Graph:
    """A flowchart under construction: nodes by key, labels escaped, ids generated."""

    def __init__(self, direction: str = "LR"):
        self.direction = direction
        self.ids: dict[str, str] = {}
        self.groups: dict[str, str] = {}
        self.lines: list[str] = []
        self.edges: list[str] = []

    def node(self, key: str, label: str, shape: str = "box", indent: str = "  ") -> str:
        if key not in self.ids:
            self.ids[key] = f"n{len(self.ids)}"
            open_, close = {"box": ("[", "]"), "round": ("(", ")"), "stadium": ("([", "])"),
                            "db": ("[(", ")]")}[shape]
            self.lines.append(f'{indent}{self.ids[key]}{open_}"{_label(label)}"{close}')
        return self.ids[key]

    def edge(self, a: str, b: str, text: str = "", dotted: bool = False) -> None:
        arrow = "-.->" if dotted else "-->"
        label = f'|"{_label(text)}"|' if text else ""
        ids = {**self.ids, **self.groups}
        line = f"  {ids[a]} {arrow}{label} {ids[b]}"
        if line not in self.edges:
            self.edges.append(line)

    def subgraph(self, key: str, title: str, members: Iterable[tuple[str, str, str]]) -> None:
        sid = self.groups.setdefault(key, f"s{len(self.groups)}")
        self.lines.append(f'  subgraph {sid}["{_label(title)}"]')
        for k, label, shape in members:
            self.node(k, label, shape, indent="    ")
        self.lines.append("  end")

    def render(self) -> list[str]:
        return ["```mermaid", f"flowchart {self.direction}", *self.lines, *self.edges, "```"]


def _label(text: str) -> str:
    """Mermaid label text: quotes and angle brackets as entity codes (never markup)."""
    return (text.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;"))


# ---------------------------------------------------------------- GitOps tree

def gitops(objects: list[tuple[str, dict]], sources: list[Source], home: str) -> list[str]:
    """bootstrap → tiers → Applications → namespaces, grouped by cluster (`sources`: the
    directories each Application syncs, DistIndex.sources; `home`: Argo CD's cluster)."""
    apps = [(rel, d) for rel, d in objects if d.get("kind") == "Application"]
    g = Graph("LR")
    for rel, d in sorted(apps, key=lambda a: (a[0], _app_key(a[1]))):
        g.node(_app_key(d), f"Application {d['metadata']['name']}" + _chart(d), "round")
    for rel, d in sorted(apps, key=lambda a: (a[0], _app_key(a[1]))):
        owner = _owner(rel, sources)
        if owner is not None and owner.app != _app_key(d):
            g.edge(owner.app, _app_key(d))
    clusters: dict[str, dict[str, str]] = {}
    for rel, d in sorted(apps, key=lambda a: (a[0], _app_key(a[1]))):
        ns = ((d.get("spec") or {}).get("destination") or {}).get("namespace")
        if ns:
            cluster = destination_cluster(d) or home
            clusters.setdefault(cluster, {})[f"{cluster}/ns/{ns}"] = f"namespace {ns}"
    for cluster in sorted(clusters, key=lambda c: (c != home, c)):
        g.subgraph(f"cluster/{cluster}", f"cluster {cluster}",
                   [(k, label, "box") for k, label in clusters[cluster].items()])
    for rel, d in sorted(apps, key=lambda a: (a[0], _app_key(a[1]))):
        ns = ((d.get("spec") or {}).get("destination") or {}).get("namespace")
        if ns:
            g.edge(_app_key(d), f"{destination_cluster(d) or home}/ns/{ns}", dotted=True)
    return g.render()


def _app_key(d: dict) -> str:
    return f"{d['metadata'].get('namespace', '')}/{d['metadata']['name']}"


def _chart(d: dict) -> str:
    spec = d.get("spec") or {}
    charts = [f"{s['chart']} {s.get('targetRevision')}" for s in spec.get("sources") or [spec.get("source") or {}]
              if s.get("chart")]
    return f" (chart {', '.join(charts)})" if charts else ""


# ---------------------------------------------------------------- a tenant's request path

def request_path(estate: Estate, tenant: Tenant, objects: list[tuple[str, dict]], app_dir: Optional[str],
                 stack: Optional[dict]) -> list[str]:
    mine = [d for rel, d in objects if app_dir and rel.startswith(f"{app_dir}/")]
    of = lambda *kinds: [d for d in mine if d.get("kind") in kinds]  # noqa: E731
    g = Graph("LR")
    g.node("user", "browser", "stadium")
    ingresses = of("Ingress")
    hosts = [(r.get("host"), r) for i in ingresses for r in (i.get("spec") or {}).get("rules") or []]
    g.subgraph("dns", f"Cloudflare DNS {estate.domain} (external-dns)",
               [(f"host/{h}", h, "box") for h, _ in hosts])
    _edge_of_cluster(g, objects, ingresses)
    _routes(g, hosts)
    workloads = of("Deployment", "StatefulSet")
    _selected_workloads(g, {d["metadata"]["name"]: d for d in of("Service")}, workloads)
    config = {k: v for d in of("ConfigMap") for k, v in (d.get("data") or {}).items()}
    _dependencies(g, estate, tenant, workloads, config)
    _assets(g, tenant, stack)
    return g.render()


def _edge_of_cluster(g: Graph, objects: list[tuple[str, dict]], ingresses: list[dict]) -> None:
    """The load balancer in front of Traefik, with the ingress classes it serves."""
    g.node("lb", f"GCP load balancer (Service {_traefik_service(objects)})", "box")
    classes = sorted({(i.get("spec") or {}).get("ingressClassName", "") for i in ingresses})
    g.node("traefik", f"Traefik (ingress class {', '.join(classes)})", "box")
    g.edge("lb", "traefik")


def _routes(g: Graph, hosts: list[tuple[str, dict]]) -> None:
    """browser -> host -> load balancer, and Traefik -> each routed Service (by host)."""
    for host, rule in hosts:
        g.edge("user", f"host/{host}")
        g.edge(f"host/{host}", "lb")
        for path in ((rule.get("http") or {}).get("paths") or []):
            svc = ((path.get("backend") or {}).get("service") or {})
            name, port = svc.get("name"), (svc.get("port") or {}).get("number")
            g.node(f"svc/{name}", f"Service {name}:{port}", "box")
            g.edge("traefik", f"svc/{name}", host)


def _workload_node(g: Graph, w: dict) -> str:
    key = f"wl/{w['metadata']['name']}"
    if key not in g.ids:
        g.node(key, f"{w['kind']} {w['metadata']['name']}", "round")
    return key


def _selected_workloads(g: Graph, services: dict[str, dict], workloads: list[dict]) -> None:
    """Each routed Service -> the workloads whose pod labels it selects."""
    for name, svc in sorted(services.items()):
        selector = (svc.get("spec") or {}).get("selector") or {}
        if f"svc/{name}" not in g.ids or not selector:
            continue
        for w in workloads:
            labels = (((w.get("spec") or {}).get("template") or {}).get("metadata") or {}).get("labels") or {}
            if all(labels.get(k) == v for k, v in selector.items()):
                g.edge(f"svc/{name}", _workload_node(g, w))


def _dependencies(g: Graph, estate: Estate, tenant: Tenant, workloads: list[dict],
                  config: dict) -> None:
    """Each workload -> the in-cluster services its environment names (Postgres, Redis, ...)."""
    for w in workloads:
        node = _workload_node(g, w)
        for svc_name, ns in sorted(_cluster_hosts(w, config)):
            key = f"dep/{ns}/{svc_name}"
            g.node(key, _backing(estate, tenant, svc_name, ns), "db")
            g.edge(node, key)


def _traefik_service(objects: list[tuple[str, dict]]) -> str:
    for _, d in objects:
        spec = d.get("spec") or {}
        for s in spec.get("sources") or [spec.get("source") or {}]:
            if d.get("kind") == "Application" and s.get("chart") == "traefik":
                return f"{(spec.get('destination') or {}).get('namespace')}/{d['metadata']['name']}, LoadBalancer"
    return "traefik"


def _cluster_hosts(workload: dict, config: dict) -> set[tuple[str, str]]:
    """The in-cluster services a workload's environment names (literal env and its ConfigMap)."""
    pod = ((workload.get("spec") or {}).get("template") or {}).get("spec") or {}
    values = [e.get("value") or "" for c in pod.get("containers") or [] for e in c.get("env") or []]
    if any(ref.get("configMapRef") for c in pod.get("containers") or [] for ref in c.get("envFrom") or []):
        values += [str(v) for v in config.values()]
    return {(m.group(1), m.group(3)) for v in values for m in CLUSTER_HOST.finditer(v)}


def _backing(estate: Estate, tenant: Tenant, service: str, namespace: str) -> str:
    if service == tenant.postgres.alias_service:
        return f"Postgres: CNPG Cluster {namespace}/{tenant.postgres.cluster}"
    if service.startswith(tenant.redis.release):
        return f"Redis: release {namespace}/{tenant.redis.release}"
    if namespace == estate.platform.photon.namespace and service == "photon":
        return f"Photon geocoder ({namespace}, shared)"
    return f"Service {namespace}/{service}"


def _assets(g: Graph, tenant: Tenant, stack: Optional[dict]) -> None:
    if not stack:
        return
    res = stack.get("resource") or {}
    if not res.get("aws_cloudfront_distribution"):
        return
    g.node(f"host/{tenant.hosts.assets}", f"{tenant.hosts.assets} (Cloudflare, aws-{tenant.name} stack)", "box")
    g.node("cdn", "CloudFront distribution", "box")
    buckets = [b.get("bucket") for b in (res.get("aws_s3_bucket") or {}).values()]
    g.node("s3", f"S3 bucket {', '.join(map(str, buckets))}", "db")
    g.edge("user", f"host/{tenant.hosts.assets}")
    g.edge(f"host/{tenant.hosts.assets}", "cdn")
    g.edge("cdn", "s3", "origin access control")


# ---------------------------------------------------------------- cloud resources per stack

def cloud(stacks: dict[str, dict]) -> list[str]:
    g = Graph("LR")
    ids_by_type: dict[str, dict[str, str]] = {}
    for stack, doc in sorted(stacks.items()):
        counts = Counter({rtype: len(items) for rtype, items in (doc.get("resource") or {}).items()})
        g.subgraph(f"stack/{stack}", f"terraform/{stack}",
                   [(f"{stack}/{rtype}", f"{rtype} ×{n}", "box") for rtype, n in sorted(counts.items())])
        ids_by_type[stack] = {rtype: f"{stack}/{rtype}" for rtype in counts}
    for stack, doc in sorted(stacks.items()):
        for rtype, items in sorted((doc.get("resource") or {}).items()):
            for body in items.values():
                refs = {m.group(1) for m in TF_REFERENCE.finditer(json.dumps(
                    {k: v for k, v in body.items() if k != "depends_on"}))}
                for ref in sorted(refs & set(ids_by_type[stack]) - {rtype}):
                    g.edge(f"{stack}/{rtype}", f"{stack}/{ref}")
        for up in sorted(upstream(doc) & set(stacks)):
            g.edge(f"stack/{stack}", f"stack/{up}", "reads its outputs (remote state)", dotted=True)
    return g.render()
