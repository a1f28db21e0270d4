"""Wiring across layers: what Kubernetes names, Terraform declares, and the other way round.

Identity, secrets and backups live in crosslayer_identity.py; here: CloudFront aliases (certificate + DNS record), image
registries, Cloud Build vs Image Updater, external-dns vs Terraform records, and the
in-cluster URLs consumers are configured with; crosslayer_published.py: the addresses one
cluster publishes to another.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from .context import Context, Obj, TfResource, dotted, split_image, walk
from .crosslayer_identity import (
    backups,
    gsa_declared,
    provider_project,
    secret_containers,
    wi_bindings_exist,
    wi_members,
)
from .crosslayer_published import cluster_destinations, published_urls
from .crosslayer_secrets import redis_auth, secret_isolation
from .findings import Findings
from .wiring import helm_created

SVC_URL_RE = re.compile(r"(?<![\w.-])([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)"
                        r"\.svc(\.cluster\.local)?(:(\d+))?")
IMAGE_UPDATER = "argocd-image-updater.argoproj.io/"
EXTERNAL_DNS_HOSTNAME = "external-dns.alpha.kubernetes.io/hostname"
CNPG_SERVICES = ("rw", "ro", "r")
BUILTIN_SERVICES = {("default", "kubernetes")}  # the API server, in every cluster


def check(ctx: Context) -> Findings:
    f = Findings("crosslayer")
    for step in (gsa_declared, wi_members, wi_bindings_exist, secret_containers,
                 secret_isolation, redis_auth, backups,
                 _cdn, _images, _image_updater, _dns_collisions, _service_urls,
                 _network_policy_enforced, _probe_targets, published_urls,
                 cluster_destinations):
        step(ctx, f)
    return f


def _record_names(ctx: Context) -> dict[str, TfResource]:
    out = {}
    for r in ctx.resources("cloudflare_dns_record", "cloudflare_record"):
        name = str(r.body.get("name", ""))
        if "${" in name:
            continue  # computed (ACM validation records): never a host of ours
        if not name.endswith(ctx.estate.domain):
            name = f"{name}.{ctx.estate.domain}" if name != "@" else ctx.estate.domain
        out[name] = r
    return out


def _cdn(ctx: Context, f: Findings) -> None:
    records = _record_names(ctx)
    for dist in ctx.resources("aws_cloudfront_distribution"):
        for alias in dist.body.get("aliases") or []:
            f.count()
            certs = [c for c in ctx.resources("aws_acm_certificate") if c.stack == dist.stack
                     and _covers([c.body.get("domain_name"), *(c.body.get("subject_alternative_names") or [])], alias)]
            if not certs:
                f.fail(f"{dist} serves alias {alias}: no aws_acm_certificate in terraform/"
                       f"{dist.stack} covers it")
            else:
                viewer = (dist.body.get("viewer_certificate") or {}).get("acm_certificate_arn")
                used = ctx.resolve(dist.stack, viewer)
                if used is not None and used.type == "aws_acm_certificate_validation":
                    used = ctx.resolve(dist.stack, used.body.get("certificate_arn"))
                if used is not None and used.address not in {c.address for c in certs}:
                    f.fail(f"{dist} serves alias {alias} with {used}, which does not cover it")
            if alias not in records:
                f.fail(f"{dist} serves alias {alias}: no Cloudflare record in terraform/ "
                       f"publishes that name")


def _covers(domains: list, host: str) -> bool:
    for d in filter(None, domains):
        if d == host or (d.startswith("*.") and host.split(".", 1)[-1] == d[2:]):
            return True
    return False


# ---------------------------------------------------------------- images

def image_refs(ctx: Context) -> Iterator[tuple[Obj, str, str]]:
    """(object, where, image reference) for every image dist/ deploys."""
    for o in ctx.objects:
        for c in o.containers():
            yield o, f"container {c.get('name')}", c.get("image", "")
        if o.kind == "Cluster" and o.spec.get("imageName"):
            yield o, "spec.imageName", o.spec["imageName"]
    for rel in ctx.helm_releases:
        for path, node in walk(rel.values):
            if isinstance(node, dict) and isinstance(node.get("repository"), str) \
                    and ("tag" in node or "registry" in node):
                repo = node["repository"]
                if node.get("registry"):
                    repo = f"{node['registry']}/{repo}"
                tag = node.get("tag") or node.get("digest") or ""
                if rel.app is not None:
                    yield rel.app, f"Helm values {dotted(path)}", f"{repo}:{tag}" if tag else repo


def _registries(ctx: Context) -> dict[str, TfResource]:
    project = provider_project(ctx)
    return {f"{r.body.get('location')}-docker.pkg.dev/{r.body.get('project') or project}/"
            f"{r.body.get('repository_id')}": r
            for r in ctx.resources("google_artifact_registry_repository")}


def trigger_targets(ctx: Context) -> dict[str, TfResource]:
    """Image repository (no tag) -> the Cloud Build trigger that pushes it."""
    out = {}
    for t in ctx.resources("google_cloudbuild_trigger"):
        subs = t.body.get("substitutions") or {}
        if subs.get("_REGISTRY") and subs.get("_IMAGE"):
            out[f"{subs['_REGISTRY']}/{subs['_IMAGE']}"] = t
        for img in (t.body.get("build") or {}).get("images") or []:
            out[split_image(img)[0]] = t
    return out


def _images(ctx: Context, f: Findings) -> None:
    registries = _registries(ctx)
    pushed = trigger_targets(ctx)
    for o, where, image in image_refs(ctx):
        f.count()
        repo, _ = split_image(image)
        if ".pkg.dev/" in repo:
            registry = repo.rsplit("/", 1)[0]
            if registry not in registries:
                f.fail(f"{o} {where} runs {image}: Artifact Registry repository {registry} is not "
                       f"declared in terraform/ (declared: {', '.join(sorted(registries)) or 'none'})")
            elif repo not in pushed:
                f.fail(f"{o} {where} runs {image}: no Cloud Build trigger in terraform/ pushes "
                       f"{repo}")
        elif ctx.allow.third_party(repo) is None:
            f.fail(f"{o} {where} runs {image}: not from an Artifact Registry repository Terraform "
                   f"declares, and {repo} is not listed in {ctx.allow.path.name} "
                   f"[[third_party_images]] with a reason")


def _image_updater(ctx: Context, f: Findings) -> None:
    pushed = trigger_targets(ctx)
    for app in ctx.of_kind("Application"):
        annotations = app.meta.get("annotations") or {}
        image_list = annotations.get(IMAGE_UPDATER + "image-list")
        if not image_list:
            continue
        run = _images_under(ctx, app)
        for item in filter(None, (s.strip() for s in image_list.split(","))):
            alias, _, image = item.rpartition("=")
            repo = split_image(image)[0]
            f.count()
            if repo not in pushed:
                f.fail(f"{app} has Image Updater watch {repo}: no Cloud Build trigger in terraform/ "
                       f"pushes there (triggers push: {', '.join(sorted(pushed)) or 'nothing'})")
            if repo not in run:
                f.fail(f"{app} has Image Updater watch {repo}: no container in its path runs it")
            branch = annotations.get(IMAGE_UPDATER + "git-branch")
            if branch and branch != ctx.estate.gitops.branch:
                f.fail(f"{app} has Image Updater write back to branch {branch!r}: Argo CD syncs "
                       f"{ctx.estate.gitops.branch!r}")
            name = annotations.get(f"{IMAGE_UPDATER}{alias}.kustomize.image-name") if alias else None
            if name and name != repo:
                f.fail(f"{app} image {alias}: kustomize.image-name {name} is not the watched {repo}")


def _images_under(ctx: Context, app: Obj) -> set[str]:
    prefix = ctx.estate.gitops.dist_path.rstrip("/") + "/"
    dirs = [s["path"][len(prefix):] for s in ctx.sources(app)
            if s.get("path", "").startswith(prefix)]
    return {split_image(c.get("image", ""))[0] for o in ctx.objects
            if any(o.file.startswith(d.rstrip("/") + "/") for d in dirs) for c in o.containers()}


def _dns_collisions(ctx: Context, f: Findings) -> None:
    records = _record_names(ctx)
    for o in ctx.objects:
        hosts = []
        if o.kind == "Ingress":
            hosts += [r.get("host") for r in o.spec.get("rules") or []]
            hosts += [h for t in o.spec.get("tls") or [] for h in t.get("hosts") or []]
        annotation = (o.meta.get("annotations") or {}).get(EXTERNAL_DNS_HOSTNAME)
        if annotation:
            hosts += [h.strip() for h in annotation.split(",")]
        for host in sorted(set(filter(None, hosts))):
            f.count()
            if host in records:
                f.fail(f"{o} makes external-dns publish {host}, which {records[host]} already "
                       f"manages in Cloudflare: the two writers would fight over the record")


def _service_urls(ctx: Context, f: Findings) -> None:
    for o in ctx.objects:
        for path, value in walk(o.doc):
            if not isinstance(value, str) or ".svc" not in value:
                continue
            for m in SVC_URL_RE.finditer(value):
                name, ns, port = m.group(1), m.group(3), m.group(7)
                f.count()
                problem = _resolve_service(ctx, ns, name, int(port) if port else None)
                if problem:
                    f.fail(f"{o} {dotted(path)} points at {m.group(0)}: {problem}")


def _resolve_service(ctx: Context, ns: str, name: str, port: Optional[int]) -> Optional[str]:
    if (ns, name) in BUILTIN_SERVICES:
        return None
    found = ctx.find("Service", name, ns)
    if found:
        ports = [p.get("port") for p in found[0].spec.get("ports") or []]
        if port and ports and port not in ports:
            return f"{found[0]} exposes ports {ports}, not {port}"
        return None
    for cl in ctx.of_kind("Cluster"):
        if cl.namespace == ns and cl.group.startswith("postgresql.cnpg.io") and \
                name in {f"{cl.name}-{s}" for s in CNPG_SERVICES}:
            return None
    if helm_created(ctx, "Service", ns, name):
        return None
    if any(e["namespace"] == ns and e["name"] == name for e in ctx.allow.entries("absent_services")):
        return None
    return f"no Service {ns}/{name} in dist/ (nor one a CNPG Cluster or listed Helm release creates)"


def _network_policy_enforced(ctx: Context, f: Findings) -> None:
    """NetworkPolicies only mean something if the GKE cluster enforces them."""
    policies = list(ctx.of_kind("NetworkPolicy"))
    clusters = ctx.resources("google_container_cluster")
    if not policies or not clusters:
        return
    for cl in clusters:
        f.count()
        dataplane_v2 = cl.body.get("datapath_provider") == "ADVANCED_DATAPATH"
        calico = (cl.body.get("network_policy") or {}).get("enabled") is True
        if not (dataplane_v2 or calico):
            f.fail(f"{cl} does not enforce NetworkPolicy (neither datapath_provider = "
                   f"ADVANCED_DATAPATH nor network_policy.enabled), so {len(policies)} "
                   f"NetworkPolicies in dist/ (e.g. {policies[0]}) would have no effect")


def published_hosts(ctx: Context) -> dict[str, str]:
    """Host -> what publishes it: Ingress hosts (external-dns) and Terraform DNS records."""
    out = {h: str(r) for h, r in _record_names(ctx).items()}
    for ing in ctx.of_kind("Ingress"):
        for rule in ing.spec.get("rules") or []:
            if rule.get("host"):
                out.setdefault(rule["host"], str(ing))
    return out


def _probe_targets(ctx: Context, f: Findings) -> None:
    """Blackbox probes watch hosts that something actually publishes."""
    hosts = published_hosts(ctx)
    for probe in ctx.of_kind("Probe"):
        static = ((probe.spec.get("targets") or {}).get("staticConfig") or {}).get("static") or []
        for url in static:
            f.count()
            host = re.sub(r"^[a-z]+://", "", url).split("/", 1)[0].split(":", 1)[0]
            if host.endswith(ctx.estate.domain) and host not in hosts:
                f.fail(f"{probe} probes {url}: no Ingress or Terraform DNS record publishes {host}")
