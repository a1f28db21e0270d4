"""Across clusters: where Applications deploy, and the addresses clusters publish.

An Application may deploy to Argo CD's own cluster or to a cluster Argo CD has a Secret for:
the `configs.clusterCredentials` of the argo-cd helm_release (tomoda_tf gcp/argocd.py). Any
other destination would leave the Application Unknown, its objects never applied.

Addresses published across clusters are the one way a reference may leave its cluster.

A consumer on one cluster may name a service of another only by an address of the VPC that
the other cluster publishes (tomoda_k8s: Photon's `published_address`). Every URL to such an
address must reach a Service of type LoadBalancer with that `loadBalancerIP` and port, that
is internal (GKE's annotation: an address of the VPC, not of the internet), that keeps the
client's address (`externalTrafficPolicy: Local`) and whose pods' NetworkPolicy admits the
consumer's cluster's Pod range: otherwise the call would fail (or be public) at run time.
"""
from __future__ import annotations

import ipaddress
import re
from typing import Optional

from tomoda_build.index import destination_cluster

from .context import Context, Obj, dotted, helm_values, walk
from .findings import Findings

IP_URL_RE = re.compile(r"https?://((?:\d{1,3}\.){3}\d{1,3})(?::(\d+))?")
INTERNAL_LB = ("networking.gke.io/load-balancer-type", "Internal")


def _published(ctx: Context) -> dict[str, Obj]:
    """loadBalancerIP -> the LoadBalancer Service publishing it, over every cluster."""
    return {s.spec.get("loadBalancerIP"): s for s in ctx.whole.of_kind("Service")
            if s.spec.get("type") == "LoadBalancer" and s.spec.get("loadBalancerIP")}


def _admits(ctx: Context, service: Obj, cidr: str) -> bool:
    """Whether a NetworkPolicy of the Service's pods admits sources in `cidr`."""
    selector = service.spec.get("selector") or {}
    net = ipaddress.ip_network(cidr)
    for policy in ctx.whole.of_kind("NetworkPolicy"):
        labels = (policy.spec.get("podSelector") or {}).get("matchLabels") or {}
        if policy.namespace != service.namespace or any(selector.get(k) != v for k, v in labels.items()):
            continue
        for rule in policy.spec.get("ingress") or []:
            for peer in rule.get("from") or []:
                block = (peer.get("ipBlock") or {}).get("cidr")
                if block and net.subnet_of(ipaddress.ip_network(block)):
                    return True
    return False


def _problem(ctx: Context, service: Optional[Obj], port: Optional[int]) -> Optional[str]:
    if service is None:
        return "no LoadBalancer Service of any cluster publishes that address"
    annotations = service.meta.get("annotations") or {}
    ports = [p.get("port") for p in service.spec.get("ports") or []]
    if annotations.get(INTERNAL_LB[0]) != INTERNAL_LB[1]:
        return f"{service} is not an internal load balancer ({INTERNAL_LB[0]}: {INTERNAL_LB[1]})"
    if port and port not in ports:
        return f"{service} exposes ports {ports}, not {port}"
    if service.spec.get("externalTrafficPolicy") != "Local":
        return f"{service} does not keep the client's address (externalTrafficPolicy: Local)"
    if ctx.cluster is not None:
        cidr = ctx.estate.cluster(ctx.cluster).pods_cidr
        if not _admits(ctx, service, cidr):
            return (f"no NetworkPolicy of {service}'s pods admits {ctx.cluster}'s Pod range "
                    f"{cidr}")
    return None


def published_urls(ctx: Context, f: Findings) -> None:
    published = _published(ctx)
    for o in ctx.objects:
        for path, value in walk(o.doc):
            if not isinstance(value, str) or "://" not in value:
                continue
            for m in IP_URL_RE.finditer(value):
                f.count()
                problem = _problem(ctx, published.get(m.group(1)),
                                   int(m.group(2)) if m.group(2) else None)
                if problem:
                    f.fail(f"{o} {dotted(path)} points at {m.group(0)}: {problem}")


def cluster_destinations(ctx: Context, f: Findings) -> None:
    """Every Application deploys to Argo CD's cluster or one it has credentials for."""
    if not ctx.leads:
        return
    known: set[str] = set()
    for r in ctx.resources("helm_release"):
        if r.body.get("chart") == "argo-cd":
            known |= set(((helm_values(r.body.get("values") or []).get("configs") or {})
                          .get("clusterCredentials") or {}))
    for app in ctx.whole.of_kind("Application"):
        f.count()
        target = destination_cluster(app.doc)
        if not target:
            continue  # Argo CD's own cluster
        name = (app.spec.get("destination") or {}).get("name")
        if name and name not in known:
            f.fail(f"{app} deploys to cluster {name}: Argo CD has no credentials for it (the "
                   f"argo-cd release's configs.clusterCredentials: {', '.join(sorted(known)) or 'none'})")
        elif not name:
            f.fail(f"{app} deploys to server {target}: name a cluster of the model instead "
                   f"(its endpoint is a Terraform output, not known to dist/)")
