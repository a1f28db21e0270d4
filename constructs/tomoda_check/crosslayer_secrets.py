"""Tenant secret isolation, proven across layers (part of `crosslayer`).

For each ClusterSecretStore: which namespaces it admits (ESO `conditions`) and what it can
read - a Secret Manager store reads as a GCP service account (its Workload Identity KSA's
annotation, or the controller's), which Terraform lets read some secrets (per-secret IAM
members) or all of them (a project role). Then:
- every ExternalSecret's store admits its namespace and may read every key it asks for;
- a tenant's ExternalSecrets read only that tenant's secrets, through a store that can read
  no other tenant's secrets;
- in a tenant's own namespace only stores of that tenant are admitted; in a namespace shared
  by tenants (data), an admission policy must hold each ExternalSecret to its tenant's store.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from .context import Context, Obj
from .crosslayer_identity import gsa_emails, kubernetes_service_accounts
from .findings import Findings
from .netpol import NAMESPACE_NAME, selector_matches

PROJECT_WIDE = "<every secret of the project>"
ACCESSOR_ROLES = {"roles/secretmanager.secretAccessor", "roles/secretmanager.admin",
                  "roles/owner", "roles/editor"}


def admits(store: Obj, namespace: str) -> bool:
    conditions = store.spec.get("conditions")
    if not conditions:
        return True
    labels = {NAMESPACE_NAME: namespace}
    for c in conditions:
        if namespace in (c.get("namespaces") or []):
            return True
        if any(re.search(r, namespace) for r in c.get("namespaceRegexes") or []):
            return True
        if c.get("namespaceSelector") is not None and selector_matches(c["namespaceSelector"], labels):
            return True
    return False


class Readable:
    """What each GCP service account can read in Secret Manager, per Terraform."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        emails = {r.address: email for email, r in gsa_emails(ctx).items()}
        secrets = {r.address: r.body.get("secret_id") for r in ctx.resources("google_secret_manager_secret")}
        self.by_gsa: dict[str, set[str]] = {}
        for r in ctx.resources("google_secret_manager_secret_iam_member",
                               "google_project_iam_member"):
            if r.body.get("role") not in ACCESSOR_ROLES:
                continue
            member = ctx.resolve(r.stack, r.body.get("member"))
            email = emails.get(member.address) if member else \
                str(r.body.get("member", "")).removeprefix("serviceAccount:")
            if r.type == "google_project_iam_member":
                target = PROJECT_WIDE
            else:
                res = ctx.resolve(r.stack, r.body.get("secret_id"))
                target = secrets.get(res.address) if res else r.body.get("secret_id")
            self.by_gsa.setdefault(email, set()).add(target)

    def can_read(self, gsa: Optional[str], secret: str) -> bool:
        got = self.by_gsa.get(gsa or "", set())
        return PROJECT_WIDE in got or secret in got

    def everything(self, gsa: Optional[str]) -> set[str]:
        return self.by_gsa.get(gsa or "", set())


def store_identity(ctx: Context, store: Obj) -> Optional[str]:
    """The GSA a Secret Manager store reads as (None for other providers or unknown)."""
    gcpsm = (store.spec.get("provider") or {}).get("gcpsm")
    if gcpsm is None:
        return None
    ref = (((gcpsm.get("auth") or {}).get("workloadIdentity") or {}).get("serviceAccountRef")) or {}
    ksas = kubernetes_service_accounts(ctx)
    if ref:
        ksa = ksas.get((ref.get("namespace", ""), ref.get("name", "")))
        return ksa.gsa if ksa else None
    # No auth block: the controller's own identity.
    controller = [k for k in ksas.values() if "external-secrets" in k.source and k.gsa]
    return controller[0].gsa if controller else None


def _tenant_secrets(ctx: Context) -> dict[str, str]:
    """GSM secret -> the tenant it belongs to."""
    out = {}
    for t in ctx.estate.tenants.values():
        for name in ctx.estate.tenant_gsm_secrets(t):
            out[name] = t.name
    return out


class _Stores:
    """The ClusterSecretStores of a tree, what each one's identity may read in terraform/,
    and which tenant owns each secret."""

    def __init__(self, ctx: Context):
        self.by_name = {o.name: o for o in ctx.of_kind("ClusterSecretStore")}
        self.readable = Readable(ctx)
        self.owners = _tenant_secrets(ctx)
        self.identity = {name: store_identity(ctx, s) for name, s in self.by_name.items()}

    def foreign(self, store: str, tenant: Optional[str]) -> list[str]:
        """Other tenants' secrets the store can read."""
        got = self.readable.everything(self.identity.get(store))
        if PROJECT_WIDE in got:
            return [PROJECT_WIDE]
        return sorted(s for s in got if self.owners.get(s) not in (None, tenant))

    def of_tenants(self, store: str) -> bool:
        """The store can read some tenant's secret."""
        return any(self.owners.get(x) for x in self.readable.everything(self.identity.get(store)))


def secret_isolation(ctx: Context, f: Findings) -> None:
    stores = _Stores(ctx)
    for es in ctx.of_kind("ExternalSecret"):
        ref = es.spec.get("secretStoreRef") or {}
        store = stores.by_name.get(ref.get("name", ""))
        if store is None or ref.get("kind") != "ClusterSecretStore":
            continue  # a missing store is the wiring family's finding
        f.count()
        _reader_of(es, store, stores, f)
        tenant = ctx.tenant_of(es)
        if tenant is not None:
            _tenant_reads(es, store, tenant.name, stores, f)
    _tenant_namespaces(ctx, stores, f)
    _shared_namespace(ctx, stores, f)


def _reader_of(es: Obj, store: Obj, stores: _Stores, f: Findings) -> None:
    """The store admits the ExternalSecret's namespace, and its identity may read each key."""
    if not admits(store, es.namespace):
        f.fail(f"{es} reads from {store.ref}, whose conditions do not admit namespace "
               f"{es.namespace}: ESO would refuse it")
    identity = stores.identity.get(store.name)
    if identity is None and "gcpsm" not in (store.spec.get("provider") or {}):
        return
    for key in _keys(es):
        if not stores.readable.can_read(identity, key):
            f.fail(f"{es} reads {key} through {store.ref}, whose identity "
                   f"{identity or '(none)'} may not read it in terraform/")


def _keys(es: Obj) -> list[str]:
    return [d["remoteRef"]["key"] for d in es.spec.get("data") or []]


def _tenant_reads(es: Obj, store: Obj, tenant: str, stores: _Stores, f: Findings) -> None:
    """A tenant's ExternalSecret reads only that tenant's secrets, through a store that can
    read no other tenant's."""
    for key in _keys(es):
        if stores.owners.get(key) not in (None, tenant):
            f.fail(f"{es} (tenant {tenant}) reads {key}, a secret of tenant {stores.owners[key]}")
    leaked = stores.foreign(store.name, tenant)
    if leaked:
        f.fail(f"{es} (tenant {tenant}) reads through {store.ref}, which can also read "
               f"other tenants' secrets: {', '.join(leaked[:3])}")


def _tenant_namespaces(ctx: Context, stores: _Stores, f: Findings) -> None:
    """No store that admits a tenant's namespace can read another tenant's secrets."""
    for t in ctx.estate.tenants.values():
        for name, store in stores.by_name.items():
            f.count()
            if admits(store, t.namespace) and stores.foreign(name, t.name):
                f.fail(f"{store.ref} admits tenant {t.name}'s namespace {t.namespace} and can read "
                       f"other tenants' secrets ({', '.join(stores.foreign(name, t.name)[:3])})")


def _shared_namespace(ctx: Context, stores: _Stores, f: Findings) -> None:
    """Where several tenants' stores are admitted, an admission policy holds each
    ExternalSecret to its own tenant's store."""
    ns = ctx.estate.data_namespace
    admitting = sorted(n for n, s in stores.by_name.items() if admits(s, ns) and stores.of_tenants(n))
    if len(admitting) > 1 and not _store_policy_covers(ctx, ns):
        f.fail(f"namespace {ns} is admitted by the stores of several tenants "
               f"({', '.join(admitting)}) and no ValidatingAdmissionPolicy holds its "
               f"ExternalSecrets to their tenant's store: a manifest there could read "
               f"another tenant's secrets")


def _store_policy_covers(ctx: Context, namespace: str) -> bool:
    bound = {(b.spec.get("policyName")) for b in ctx.of_kind("ValidatingAdmissionPolicyBinding")
             if "Deny" in (b.spec.get("validationActions") or [])}
    for vap in ctx.of_kind("ValidatingAdmissionPolicy"):
        match = vap.spec.get("matchConstraints") or {}
        rules = match.get("resourceRules") or []
        covers_es = any("external-secrets.io" in r.get("apiGroups", []) and
                        "externalsecrets" in r.get("resources", []) for r in rules)
        ns_ok = selector_matches(match.get("namespaceSelector"), {NAMESPACE_NAME: namespace})
        if covers_es and ns_ok and vap.name in bound and vap.spec.get("validations"):
            return True
    return False


def _remote_keys(es: Obj) -> dict[str, str]:
    """Secret key -> the remote secret it is read from."""
    return {d.get("secretKey"): (d.get("remoteRef") or {}).get("key")
            for d in es.spec.get("data") or []}


def _creators(ctx: Context) -> dict[tuple[str, str], Obj]:
    out = {}
    for es in ctx.of_kind("ExternalSecret"):
        target = (es.spec.get("target") or {}).get("name") or es.name
        out[(es.namespace, target)] = es
    return out


def redis_auth(ctx: Context, f: Findings) -> None:
    """A Redis release and every app configured to use it hold the same password: the chart
    reads it from a Secret whose ExternalSecret reads the same remote secret as the
    ExternalSecret behind the app's REDIS_PASSWORD."""
    from tomoda_k8s.chart_facts import lookup

    creators = _creators(ctx)
    configmaps = {(o.namespace, o.name): o for o in ctx.of_kind("ConfigMap")}
    for rel in ctx.helm_releases:
        if rel.chart != "redis" or rel.app is None:
            continue
        f.count()
        if not lookup(rel.values, "auth.enabled"):
            f.fail(f"{rel.app} runs Redis without auth: any pod admitted by the network can "
                   f"read and write it")
            continue
        secret = lookup(rel.values, "auth.existingSecret")
        key = lookup(rel.values, "auth.existingSecretPasswordKey") or "redis-password"
        es = creators.get((rel.namespace, secret or ""))
        if es is None:
            f.fail(f"{rel.app} reads its password from Secret {rel.namespace}/{secret}: no "
                   f"ExternalSecret creates it")
            continue
        server_key = _remote_keys(es).get(key)
        for w, c in _redis_clients(ctx, rel, configmaps):
            f.count()
            client_key = _client_password(c, w, creators)
            if client_key != server_key:
                f.fail(f"{w} connects to Redis {rel.release} with REDIS_PASSWORD from "
                       f"{client_key or 'nowhere'}, but the server's password is "
                       f"{server_key} ({es.ref}): one model value must feed both")


def _redis_clients(ctx: Context, rel, configmaps: dict) -> Iterator[tuple[Obj, dict]]:
    """(workload, container) of every container whose ConfigMap's REDIS_HOST resolves to
    the pods of release `rel`."""
    from .isolation import resolve

    for w in ctx.workloads():
        for c in w.containers():
            refs = [e["configMapRef"]["name"] for e in c.get("envFrom") or [] if "configMapRef" in e]
            hosts = [(configmaps.get((w.namespace, r)).doc.get("data") or {}).get("REDIS_HOST")
                     for r in refs if (w.namespace, r) in configmaps]
            if any(h and any(p.owner is rel.app for p in resolve(ctx, h) or []) for h in hosts):
                yield w, c


def _client_password(container: dict, w: Obj, creators: dict) -> Optional[str]:
    for e in container.get("env") or []:
        ref = ((e.get("valueFrom") or {}).get("secretKeyRef")) or {}
        if e.get("name") == "REDIS_PASSWORD" and ref:
            es = creators.get((w.namespace, ref.get("name")))
            return _remote_keys(es).get(ref.get("key")) if es else None
    for e in container.get("envFrom") or []:
        name = (e.get("secretRef") or {}).get("name")
        es = creators.get((w.namespace, name)) if name else None
        if es is not None and "REDIS_PASSWORD" in _remote_keys(es):
            return _remote_keys(es)["REDIS_PASSWORD"]
    return None
