"""Policy: no secret material in dist/, pinned images and charts, limits, unproxied DNS.

- no Secret object carries data/stringData (secrets come from External Secrets), and every
  container (and CNPG Cluster) has CPU and memory requests and limits: the construct rules
  of tomoda_k8s/nag.py that hold for the committed tree;
- no credential-looking string anywhere in the Kubernetes YAML or Terraform JSON;
- no `latest` (or missing) image tag outside tenants whose images are built on push;
- every Helm chart (Argo CD source or helm_release) is pinned to an exact version;
- every Cloudflare record says `proxied = false` (CloudFront/ACM and external-dns need it).
"""
from __future__ import annotations

import re

from tomoda_k8s import layout
from tomoda_model import TriggerKind

from .context import Context, Obj, dotted, split_image, walk
from .crosslayer import image_refs
from .findings import Findings

CREDENTIAL_PATTERNS = {
    "an AWS access key id": re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    "a private key": re.compile(r"-----BEGIN ([A-Z]+ )?PRIVATE KEY-----"),
    "a GitHub token": re.compile(r"\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}\b"),
    "a Slack token": re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}\b"),
    "a Google API key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    "a Stripe secret key": re.compile(r"\b(sk|rk)_(live|test)_[0-9A-Za-z]{16,}\b"),
    "a Google OAuth client secret": re.compile(r"\bGOCSPX-[0-9A-Za-z_-]{20,}"),
}
# Terraform attributes that hold a secret's value: allowed only as a reference (${...}),
# i.e. read at apply time, never as a literal in the JSON.
SECRET_VALUE_ATTRIBUTES = {"secret_data", "secret_string", "secret_binary"}
SECRETISH_KEY = re.compile(r"(pass(word|wd)?|token|secret|api[-_]?key|private[-_]?key|credential)",
                           re.I)
# A long run of base64 or hex with letters and digits: what a real secret value looks like.
OPAQUE_VALUE = re.compile(r"^(?=.*[0-9])(?=.*[A-Za-z])([A-Za-z0-9+/]{24,}={0,2}|[0-9a-fA-F]{32,})$")
EXACT_VERSION = re.compile(r"^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")


def check(ctx: Context) -> Findings:
    f = Findings("policy")
    for step in (_construct_rules, _terraform_secret_values, _credentials, _tags,
                 _charts, _cloudflare, _node_accounts, _alert_routing, _allowlist_reasons):
        step(ctx, f)
    return f


def _construct_rules(ctx: Context, f: Findings) -> None:
    """The rules every construct's objects obey at synthesis (tomoda_k8s/nag.py) that hold for
    the committed tree too: requests and limits (containers, CNPG instances), no Secret data."""
    from tomoda_k8s.nag import ARTIFACT_RULES, problems_of

    for o in ctx.objects:
        f.count()
        for rule, problem in problems_of(o.doc, ARTIFACT_RULES):
            f.fail(f"{o} {problem} [{rule.id}]")


def _terraform_secret_values(ctx: Context, f: Findings) -> None:
    """Terraform never writes a secret value: no *_secret_version resource, no literal in a
    sensitive Helm value. (Data sources may read versions at apply time.)"""
    for stack, doc in ctx.stacks.items():
        for rtype, items in (doc.get("resource") or {}).items():
            for name, body in items.items():
                f.count()
                if rtype.endswith("_secret_version"):
                    f.fail(f"terraform/{stack} {rtype}.{name} writes a secret value into "
                           f"Terraform: secret containers only; values are set out of band")
                for attr in sorted(SECRET_VALUE_ATTRIBUTES & set(body)):
                    f.fail(f"terraform/{stack} {rtype}.{name} sets {attr} in the JSON")
                for entry in body.get("set_sensitive") or []:
                    value = str(entry.get("value", ""))
                    if not value.startswith("${"):
                        f.fail(f"terraform/{stack} {rtype}.{name} set_sensitive "
                               f"{entry.get('name')} is a literal: read it from a secret "
                               f"manager data source instead")


def _credentials(ctx: Context, f: Findings) -> None:
    trees = [(str(o), o.doc) for o in ctx.objects]
    trees += [(f"terraform/{stack}/cdk.tf.json", doc) for stack, doc in ctx.stacks.items()]
    trees += [(f"{rel}/kustomization.yaml", doc) for rel, doc in ctx.kustomizations.items()]
    for where, tree in trees:
        for path, value in walk(tree):
            if not isinstance(value, str):
                continue
            f.count()
            for what, pattern in CREDENTIAL_PATTERNS.items():
                if pattern.search(value):
                    f.fail(f"{where} {dotted(path)} holds what looks like {what}")
            key = next((p for p in reversed(path) if isinstance(p, str)), "")
            if SECRETISH_KEY.search(key) and OPAQUE_VALUE.match(value):
                f.fail(f"{where} {dotted(path)} holds an opaque {len(value)}-character value "
                       f"under a secret-like key: looks like a credential")


def _tags(ctx: Context, f: Findings) -> None:
    def allowed_latest(obj: Obj) -> bool:
        tenant = ctx.tenant_of(obj)
        return tenant is not None and tenant.build.trigger == TriggerKind.PUSH

    for o, where, image in image_refs(ctx):
        f.count()
        _, tag = split_image(image)
        if tag in ("", "latest") and not allowed_latest(o):
            tenant = ctx.tenant_of(o)
            scope = f"tenant {tenant.name} builds on {tenant.build.trigger.value}" if tenant \
                else "not a tenant that builds on push"
            f.fail(f"{o} {where} runs {image}: {'no tag' if not tag else 'tag latest'} outside "
                   f"dev-style tenants ({scope}); pin an immutable tag")
    for rel, kust in ctx.kustomizations.items():
        tenant = next((t for t in ctx.estate.tenants.values() if rel == layout.app_dir(t)), None)
        for img in kust.get("images") or []:
            f.count()
            if img.get("newTag") == "latest" and not (
                    tenant and tenant.build.trigger == TriggerKind.PUSH):
                f.fail(f"{rel}/kustomization.yaml sets {img.get('name')} to tag latest outside "
                       f"dev-style tenants")


def _charts(ctx: Context, f: Findings) -> None:
    for app in ctx.of_kind("Application"):
        for src in ctx.sources(app):
            if not src.get("chart"):
                continue
            f.count()
            rev = str(src.get("targetRevision", ""))
            if not EXACT_VERSION.match(rev):
                f.fail(f"{app} installs chart {src['chart']} at {rev!r}: not an exact version "
                       f"(a range or '*' upgrades silently)")
    for r in ctx.resources("helm_release"):
        f.count()
        version = str(r.body.get("version", ""))
        if not EXACT_VERSION.match(version):
            f.fail(f"{r} installs chart {r.body.get('chart')} at {version!r}: not an exact version")


def _cloudflare(ctx: Context, f: Findings) -> None:
    for r in ctx.resources("cloudflare_dns_record", "cloudflare_record"):
        f.count()
        if r.body.get("proxied") is not False:
            f.fail(f"{r} ({r.body.get('name')}) has proxied = {r.body.get('proxied')!r}: every "
                   f"record must say proxied = false (ACM validation, CloudFront and "
                   f"external-dns need DNS-only)")


def _node_accounts(ctx: Context, f: Findings) -> None:
    """GKE nodes run as a dedicated account: without one they run as the Compute Engine
    default account, which holds Editor on the project in most projects."""
    for pool in ctx.resources("google_container_node_pool"):
        f.count()
        if not (pool.body.get("node_config") or {}).get("service_account"):
            f.fail(f"{pool} sets no node_config.service_account: its nodes would run as the "
                   f"Compute Engine default service account")


def _alert_routing(ctx: Context, f: Findings) -> None:
    """Alerts reach someone: Alertmanager's root route names a receiver with a notifier."""
    for rel in ctx.helm_releases:
        if rel.chart != "kube-prometheus-stack":
            continue
        f.count()
        config = ((rel.values.get("alertmanager") or {}).get("config")) or {}
        receiver = (config.get("route") or {}).get("receiver")
        receivers = {r.get("name"): r for r in config.get("receivers") or []}
        notifiers = [k for k in receivers.get(receiver, {}) if k.endswith("_configs")]
        if not notifiers:
            f.fail(f"{rel.owner} routes alerts to receiver {receiver!r} (chart default: 'null'), "
                   f"which has no notifier: every alert would go nowhere")


def _allowlist_reasons(ctx: Context, f: Findings) -> None:
    for problem in ctx.allow.problems():
        f.fail(problem)
