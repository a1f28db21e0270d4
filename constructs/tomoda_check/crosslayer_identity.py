"""Cross-layer identity: who may act as whom, and which secrets and buckets exist.

GCP service accounts named in Kubernetes are declared in Terraform; Workload Identity
bindings and Kubernetes service-account annotations agree, in both directions; every key an
ExternalSecret reads is a declared secret container; CNPG backs up to a declared bucket the
backup account may write. Part of the `crosslayer` family (crosslayer.py runs it).
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from tomoda_k8s.conventions import WI_ANNOTATION

from .context import Context, Obj, TfResource, dotted, walk
from .findings import Findings
from .wiring import helm_created

GSA_RE = re.compile(r"^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9-]+\.iam\.gserviceaccount\.com$")
WI_MEMBER_RE = re.compile(r"^serviceAccount:([^\[\]]+)\[([^/\]]+)/([^\]]+)\]$")


def provider_project(ctx: Context) -> str:
    for doc in ctx.stacks.values():
        for p in (doc.get("provider") or {}).get("google") or []:
            if p.get("project"):
                return p["project"]
    return ctx.estate.gcp.project


def gsa_emails(ctx: Context) -> dict[str, TfResource]:
    project = provider_project(ctx)
    return {f"{r.body.get('account_id')}@{r.body.get('project') or project}"
            f".iam.gserviceaccount.com": r for r in ctx.resources("google_service_account")}


def _gsa_mentions(ctx: Context) -> Iterator[tuple[Obj, tuple, str]]:
    for o in ctx.objects:
        for path, value in walk(o.doc):
            if isinstance(value, str) and (GSA_RE.match(value) or (path and path[-1] == WI_ANNOTATION)):
                yield o, path, value


def gsa_declared(ctx: Context, f: Findings) -> None:
    declared = gsa_emails(ctx)
    for o, path, email in _gsa_mentions(ctx):
        f.count()
        if email not in declared:
            f.fail(f"{o} names GCP service account {email} at {dotted(path)}: no "
                   f"google_service_account in terraform/ declares it (declared: "
                   f"{', '.join(sorted(declared)) or 'none'})")


class Ksa:
    """A Kubernetes service account as dist/ makes it exist, with its GSA annotation."""

    def __init__(self, namespace: str, name: str, gsa: Optional[str], source: str):
        self.namespace, self.name, self.gsa, self.source = namespace, name, gsa, source


def kubernetes_service_accounts(ctx: Context) -> dict[tuple[str, str], Ksa]:
    out: dict[tuple[str, str], Ksa] = {}
    for sa in ctx.of_kind("ServiceAccount"):
        out[(sa.namespace, sa.name)] = Ksa(sa.namespace, sa.name,
                                           (sa.meta.get("annotations") or {}).get(WI_ANNOTATION),
                                           str(sa))
    for cl in ctx.of_kind("Cluster"):
        if cl.group.startswith("postgresql.cnpg.io"):
            # The CNPG operator creates the pod service account, named after the Cluster.
            tpl = ((cl.spec.get("serviceAccountTemplate") or {}).get("metadata") or {})
            out[(cl.namespace, cl.name)] = Ksa(cl.namespace, cl.name,
                                               (tpl.get("annotations") or {}).get(WI_ANNOTATION),
                                               f"the CNPG operator for {cl}")
    for rel in ctx.helm_releases:
        for path, node in walk(rel.values):
            if path and path[-1] == "serviceAccount" and isinstance(node, dict) and node.get("name"):
                if node.get("create") is False:
                    continue
                out.setdefault((rel.namespace, node["name"]), Ksa(
                    rel.namespace, node["name"], (node.get("annotations") or {}).get(WI_ANNOTATION),
                    f"Helm release {rel.release} of {rel.owner} (values {dotted(path)})"))
    return out


def wi_members(ctx: Context, f: Findings) -> None:
    # A binding is Terraform's, shared by every cluster (GKE Workload Identity: one pool per
    # project, the same namespace/KSA is the same member on every cluster): it holds when
    # any cluster makes that service account. Checked once, on the whole tree.
    if not ctx.leads:
        return
    ctx = ctx.whole
    ksas = kubernetes_service_accounts(ctx)
    emails = {r.address: email for email, r in gsa_emails(ctx).items()}
    pool = ctx.estate.gcp.workload_pool
    types = ("google_service_account_iam_member", "google_service_account_iam_binding",
             "google_project_iam_member", "google_project_iam_binding",
             "google_storage_bucket_iam_member", "google_artifact_registry_repository_iam_member",
             "google_secret_manager_secret_iam_member")
    for r in ctx.resources(*types):
        members = r.body.get("members") or [r.body.get("member")]
        for member in members:
            m = WI_MEMBER_RE.match(str(member or ""))
            if not m:
                continue
            f.count()
            member_pool, ns, name = m.groups()
            if member_pool != pool:
                f.fail(f"{r} binds {member}: workload pool {member_pool} is not the cluster's "
                       f"({pool})")
            ksa = ksas.get((ns, name))
            creator = None if ksa else helm_created(ctx, "ServiceAccount", ns, name)
            if ksa is None and creator is None:
                f.fail(f"{r} binds Kubernetes service account {ns}/{name}: no ServiceAccount, "
                       f"CNPG Cluster or Helm release in dist/ creates it in namespace {ns}")
                continue
            if ksa is None or not r.type.startswith("google_service_account_iam"):
                continue
            gsa_res = ctx.resolve(r.stack, r.body.get("service_account_id"))
            gsa = emails.get(gsa_res.address) if gsa_res else None
            if gsa and ksa.gsa != gsa:
                f.fail(f"{r} lets {ns}/{name} impersonate {gsa}, but {ksa.source} annotates "
                       f"that service account with {ksa.gsa or 'no ' + WI_ANNOTATION}")


def wi_bindings_exist(ctx: Context, f: Findings) -> None:
    """The other direction: an annotated Kubernetes service account can impersonate its GSA."""
    emails = {r.address: email for email, r in gsa_emails(ctx).items()}
    bound: set[tuple[str, str, str]] = set()
    for r in ctx.resources("google_service_account_iam_member"):
        m = WI_MEMBER_RE.match(str(r.body.get("member") or ""))
        gsa_res = ctx.resolve(r.stack, r.body.get("service_account_id"))
        if m and r.body.get("role") == "roles/iam.workloadIdentityUser" and gsa_res:
            bound.add((m.group(2), m.group(3), emails.get(gsa_res.address, "")))
    for (ns, name), ksa in sorted(kubernetes_service_accounts(ctx).items()):
        if not ksa.gsa:
            continue
        f.count()
        if (ns, name, ksa.gsa) not in bound:
            f.fail(f"{ksa.source} annotates {ns}/{name} with {ksa.gsa}, but no "
                   f"roles/iam.workloadIdentityUser binding in terraform/ lets "
                   f"{ctx.estate.gcp.workload_pool}[{ns}/{name}] impersonate it")


def secret_containers(ctx: Context, f: Findings) -> None:
    """Every key an ExternalSecret reads is a secret container Terraform declares."""
    declared = {
        "gcpsm": {r.body.get("secret_id") for r in ctx.resources("google_secret_manager_secret")},
        "aws": {r.body.get("name") for r in ctx.resources("aws_secretsmanager_secret")},
    }
    stores = {}
    for store in ctx.of_kind("ClusterSecretStore"):
        provider = next(iter(store.spec.get("provider") or {}), None)
        stores[store.name] = provider
    for es in ctx.of_kind("ExternalSecret"):
        ref = es.spec.get("secretStoreRef") or {}
        provider = stores.get(ref.get("name"))
        if provider not in declared:
            continue  # a missing store is the wiring family's finding
        keys = [d["remoteRef"]["key"] for d in es.spec.get("data") or []]
        keys += [(d.get("extract") or {}).get("key") for d in es.spec.get("dataFrom") or []]
        for key in filter(None, keys):
            f.count()
            if key not in declared[provider]:
                kind = "google_secret_manager_secret" if provider == "gcpsm" else "aws_secretsmanager_secret"
                f.fail(f"{es} reads {key} through ClusterSecretStore {ref.get('name')}: no {kind} "
                       f"in terraform/ declares that secret")


def backups(ctx: Context, f: Findings) -> None:
    gcs = {r.body.get("name"): r for r in ctx.resources("google_storage_bucket")}
    s3 = {r.body.get("bucket"): r for r in ctx.resources("aws_s3_bucket")}
    writers = _bucket_writers(ctx)
    for o in ctx.objects:
        for path, value in walk(o.spec):
            if not (path and path[-1] == "destinationPath" and isinstance(value, str)):
                continue
            f.count()
            m = re.match(r"^(gs|s3)://([^/]+)", value)
            if not m:
                f.fail(f"{o} backs up to {value}: not a gs:// or s3:// URL")
                continue
            scheme, bucket = m.groups()
            buckets = gcs if scheme == "gs" else s3
            if bucket not in buckets:
                f.fail(f"{o} backs up to {value}: bucket {bucket} is not a "
                       f"{'google_storage_bucket' if scheme == 'gs' else 'aws_s3_bucket'} in "
                       f"terraform/ (declared: {', '.join(sorted(filter(None, buckets))) or 'none'})")
                continue
            if scheme != "gs":
                continue
            for cluster in _backed_up_by(ctx, o):
                tpl = ((cluster.spec.get("serviceAccountTemplate") or {}).get("metadata") or {})
                gsa = (tpl.get("annotations") or {}).get(WI_ANNOTATION)
                if not gsa:
                    f.fail(f"{cluster} backs up to {value} ({o.ref}) without a Workload Identity "
                           f"annotation on its service account: GCS would refuse it")
                elif gsa not in writers.get(bucket, set()):
                    f.fail(f"{cluster} backs up to {value} ({o.ref}) as {gsa}: no IAM member in "
                           f"terraform/ lets {gsa} write {buckets[bucket]}")


def _backed_up_by(ctx: Context, o: Obj) -> list[Obj]:
    """The CNPG Clusters whose backups `o` configures: itself (in-tree barmanObjectStore), or
    those naming the ObjectStore `o` in their barman-cloud plugin parameters."""
    if o.kind == "Cluster":
        return [o]
    if o.kind != "ObjectStore":
        return []
    return [c for c in ctx.of_kind("Cluster") if c.namespace == o.namespace and any(
        (p.get("parameters") or {}).get("barmanObjectName") == o.name
        for p in c.spec.get("plugins") or [])]


def _bucket_writers(ctx: Context) -> dict[str, set[str]]:
    emails = {r.address: email for email, r in gsa_emails(ctx).items()}
    out: dict[str, set[str]] = {}
    for r in ctx.resources("google_storage_bucket_iam_member", "google_storage_bucket_iam_binding"):
        if "objectViewer" in str(r.body.get("role")):
            continue
        bucket_res = ctx.resolve(r.stack, r.body.get("bucket"))
        bucket = bucket_res.body.get("name") if bucket_res else r.body.get("bucket")
        for member in r.body.get("members") or [r.body.get("member")]:
            res = ctx.resolve(r.stack, member)
            email = emails.get(res.address) if res else str(member).removeprefix("serviceAccount:")
            out.setdefault(bucket, set()).add(email)
    return out
