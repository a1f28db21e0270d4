"""Wiring of what Argo CD and Terraform see as a whole: no object or cloud name defined
twice, every Application syncs an existing path of the GitOps repo, every kustomization
lists exactly the files beside it, every Terraform reference names a block of its stack.
Part of the `wiring` family (wiring.py runs it).
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator

from .context import Context, Obj, split_image
from .findings import Findings

# The attribute that names a Terraform resource in its cloud: two resources with the same
# value are one object fought over by two owners (e.g. a second tenant's Cloud Build trigger).
TF_IDENTITY = {
    "google_cloudbuild_trigger": "name", "google_service_account": "account_id",
    "google_storage_bucket": "name", "google_secret_manager_secret": "secret_id",
    "google_artifact_registry_repository": "repository_id", "aws_s3_bucket": "bucket",
    "aws_secretsmanager_secret": "name", "aws_cloudfront_origin_access_control": "name",
    "aws_acm_certificate": "domain_name", "cloudflare_dns_record": "name",
    "cloudflare_record": "name", "helm_release": "name",
}


def duplicates(ctx: Context, f: Findings) -> None:
    seen: dict[tuple, list[Obj]] = defaultdict(list)
    for o in ctx.objects:
        seen[(o.group, o.kind, o.namespace, o.name)].append(o)
    f.count(len(seen))
    for (group, kind, ns, name), objs in seen.items():
        if len(objs) > 1:
            where = ", ".join(sorted(o.file for o in objs))
            f.fail(f"{objs[0].ref} ({group or 'core'}) is defined {len(objs)} times: {where}")


def terraform_duplicates(ctx: Context, f: Findings) -> None:
    seen: dict[tuple, list] = defaultdict(list)
    for r in ctx.resources(*TF_IDENTITY):
        value = r.body.get(TF_IDENTITY[r.type])
        if isinstance(value, str) and "${" not in value:
            kind = "cloudflare_record" if r.type.startswith("cloudflare_") else r.type
            extra = r.body.get("type", "") if kind == "cloudflare_record" else ""
            seen[(kind, value, extra)].append(r)
    f.count(len(seen))
    for (kind, value, _), rs in seen.items():
        if len(rs) > 1:
            f.fail(f"{kind} {value!r} is declared {len(rs)} times: {', '.join(map(str, rs))}")


def applications(ctx: Context, f: Findings) -> None:
    gitops = ctx.estate.gitops
    for app in ctx.of_kind("Application"):
        sources = ctx.sources(app)
        refs = {s["ref"]: s for s in sources if s.get("ref")}
        paths = []  # (path in our repo, what names it)
        for src in sources:
            _source_repo(f, app, src, gitops)
            paths += _repo_paths(src, refs, gitops.repo_url)
        for path, what in paths:
            f.count()
            _synced_path(ctx, f, app, path, what)


def _source_repo(f: Findings, app: Obj, src: dict, gitops) -> None:
    """A directory source comes from the GitOps repo, at the model's branch."""
    if src.get("path") and not src.get("chart") and src.get("repoURL") != gitops.repo_url:
        f.count()
        f.fail(f"{app} syncs path {src['path']} of {src.get('repoURL')}: not the GitOps "
               f"repo {gitops.repo_url} that dist/ is pushed to")
    if (src.get("repoURL") == gitops.repo_url and src.get("path")
            and src.get("targetRevision", "HEAD") != gitops.branch):
        f.fail(f"{app} syncs revision {src.get('targetRevision')!r} of "
               f"{gitops.repo_url}: the model's branch is {gitops.branch!r}")


def _repo_paths(src: dict, refs: dict, repo_url: str) -> list[tuple[str, str]]:
    """(path in the GitOps repo, what names it) of one source: its path, and the values files
    it reads from a source of that repo (multi-source `$<ref>/<path>`)."""
    paths = [(src["path"], "path")] if src.get("repoURL") == repo_url and src.get("path") else []
    for v in ((src.get("helm") or {}).get("valueFiles") or []):
        ref, _, rest = v.partition("/")
        origin = refs.get(ref[1:]) if ref.startswith("$") else None
        if origin is not None and origin.get("repoURL") == repo_url:
            paths.append((rest, f"values file {v}"))
    return paths


def _synced_path(ctx: Context, f: Findings, app: Obj, path: str, what: str) -> None:
    """A synced path lies under dist/'s folder of the repo and holds YAML."""
    gitops = ctx.estate.gitops
    prefix = gitops.dist_path.rstrip("/") + "/"
    if not path.startswith(prefix):
        f.fail(f"{app} syncs {what} {path} of {gitops.repo_url}: outside {prefix} "
               f"(dist/ is synced from there)")
        return
    target = ctx.dist / path[len(prefix):]
    if not target.exists() or (target.is_dir() and not any(target.rglob("*.yaml"))):
        f.fail(f"{app} syncs {what} {path}: {path[len(prefix):]} does not exist in "
               f"dist/ (or holds no YAML)")


def kustomizations(ctx: Context, f: Findings) -> None:
    """With a kustomization.yaml Argo CD renders only the files it lists: list them all."""
    for rel, kust in ctx.kustomizations.items():
        listed = set(kust.get("resources") or [])
        present = {p.name for p in (ctx.dist / rel).glob("*.yaml")
                   if p.name != "kustomization.yaml" and not p.name.startswith(".argocd-source")}
        f.count(len(present | listed))
        for name in sorted(present - listed):
            f.fail(f"{rel}/{name} is not listed in {rel}/kustomization.yaml: Argo CD would "
                   f"never apply it")
        for name in sorted(listed - present):
            f.fail(f"{rel}/kustomization.yaml lists {name}: no such file")
        images = {split_image(c.get("image", ""))[0]
                  for o in ctx.objects if o.file.startswith(rel + "/") for c in o.containers()}
        for img in kust.get("images") or []:
            f.count()
            if img.get("name") not in images:
                f.fail(f"{rel}/kustomization.yaml overrides image {img.get('name')}: no container "
                       f"in {rel} runs it")


# `type.name` or `data.type.name` inside a Terraform expression `${...}`.
TF_EXPRESSION = re.compile(r"\$\{([^}]*)\}")
TF_REFERENCE = re.compile(r"(?<![\w.])(data\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][\w-]*)")


def terraform_references(ctx: Context, f: Findings) -> None:
    """Every `${type.name...}`, `${data.type.name...}` and depends_on entry of a stack names
    a block that stack declares (terraform validate only runs where a provider can be had)."""
    for stack, doc in ctx.stacks.items():
        declared = {("", t, n) for t, items in (doc.get("resource") or {}).items() for n in items}
        declared |= {("data.", t, n) for t, items in (doc.get("data") or {}).items() for n in items}
        for where, data, rtype, name in [*_expression_refs(doc), *_depends_on_refs(doc)]:
            f.count()
            if (data, rtype, name) not in declared:
                f.fail(f"terraform/{stack} {where} refers to {data}{rtype}.{name}: no such "
                       f"{'data source' if data else 'resource'} in the stack")


def _expression_refs(doc: dict) -> Iterator[tuple[str, str, str, str]]:
    """(where, "data." or "", type, name) of every reference inside a `${...}` expression."""
    for section in ("resource", "data", "output", "provider"):
        for path, value in _strings(doc.get(section) or {}, (section,)):
            for expression in TF_EXPRESSION.findall(value):
                for data, rtype, name in TF_REFERENCE.findall(expression):
                    yield ".".join(map(str, path[:3])), data or "", rtype, name


def _depends_on_refs(doc: dict) -> Iterator[tuple[str, str, str, str]]:
    for rtype, items in (doc.get("resource") or {}).items():
        for name, body in items.items():
            for m in filter(None, (TF_REFERENCE.fullmatch(d) for d in body.get("depends_on") or [])):
                yield f"{rtype}.{name} depends_on", m.group(1) or "", m.group(2), m.group(3)


def terraform_apis(ctx: Context, f: Findings) -> None:
    """Every Google resource waits for the API that serves it, enabled by some stack (a fresh
    project serves almost nothing; tomoda_tf.gcp.apis is the rule)."""
    from tomoda_tf.gcp.apis import api_of  # no provider import: a plain table

    enabled = {}
    for r in ctx.resources("google_project_service"):
        enabled[r.body.get("service")] = f"google_project_service.{r.id}"
    for stack, doc in ctx.stacks.items():
        for rtype, items in (doc.get("resource") or {}).items():
            api = api_of(rtype)
            if api is None:
                continue
            for name, body in items.items():
                f.count()
                if api not in enabled:
                    f.fail(f"terraform/{stack} {rtype}.{name} needs {api}, which no "
                           f"google_project_service in terraform/ enables")
                elif (stack == _stack_of(ctx, enabled[api])
                      and enabled[api] not in (body.get("depends_on") or [])):
                    f.fail(f"terraform/{stack} {rtype}.{name} does not depend on "
                           f"{enabled[api]}: it could be created before {api} is enabled")


def _stack_of(ctx: Context, address: str) -> str:
    rtype, _, rid = address.partition(".")
    for r in ctx.resources(rtype):
        if r.id == rid:
            return r.stack
    return ""


def _strings(node, path):
    if isinstance(node, dict):
        for k, v in node.items():
            if k != "//":
                yield from _strings(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _strings(v, (*path, i))
    elif isinstance(node, str):
        yield path, node
