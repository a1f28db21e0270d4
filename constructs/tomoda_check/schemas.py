"""Schemas: every object validates strictly against the schema of its kind.

Core kinds: the Kubernetes OpenAPI schema (kubernetes-validate, strict: unknown fields
fail) of the cluster version the model names. Custom resources: the openAPIV3Schema of
their CRD in CRD_DIR, made strict the way server-side field validation is (unknown fields
fail unless the schema preserves them). A kind with neither fails unless the reviewed
allow-list names it with a reason.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import time
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import jsonschema
import yaml
from kubernetes_validate import utils as kv
from referencing import Registry, Resource

from tomoda_build.paths import ROOT

from .context import Context, Obj, dotted, prune_cache
from .findings import Findings

SCHEMA_CACHE = ROOT / ".cache" / "check"
CLUSTER_SCOPED_CORE = {
    "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "StorageClass",
    "PriorityClass", "PersistentVolume", "IngressClass", "ValidatingWebhookConfiguration",
    "MutatingWebhookConfiguration", "APIService", "CSIDriver", "RuntimeClass", "Node",
    "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
}


# ---------------------------------------------------------------- core kinds

def _schema_version(desired: str) -> str:
    """The newest schema set kubernetes-validate ships that is not newer than `desired`."""
    want = tuple(int(x) for x in kv.major_minor(desired.lstrip("v")).split("."))
    have = [v for v in kv.all_versions() if tuple(int(x) for x in kv.major_minor(v).split(".")) <= want]
    if not have:
        raise ValueError(f"kubernetes-validate has no schemas for Kubernetes {desired}")
    return have[-1]


@lru_cache(maxsize=None)
def _definitions(version: str) -> Resource:
    return Resource.from_contents(kv.schema_contents(
        f"kubernetes-json-schema/v{version}-local-strict/_definitions.json", version))


@lru_cache(maxsize=None)
def core_validator(kind: str, api_version: str, version: str) -> Optional[jsonschema.Validator]:
    """Same lookup as kubernetes_validate.validate(strict=True), built once per kind."""
    api = re.sub(r"^([^./]*)(?:\.[^/]*)?/", r"\1-", api_version)
    try:
        schema = kv.schema_contents(
            f"kubernetes-json-schema/v{version}-local-strict/{kind.lower()}-{api}.json", version)
    except FileNotFoundError:
        return None
    registry = _definitions(version) @ (Resource.from_contents(schema) @ Registry())
    return jsonschema.validators.Draft202012Validator(schema, registry=registry)


# ---------------------------------------------------------------- custom resources

def _strict(schema: Any) -> Any:
    """OpenAPI v3 (structural) -> JSON Schema with the API server's unknown-field rule."""
    if isinstance(schema, list):
        return [_strict(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out = {k: _strict(v) if k in ("items", "additionalProperties", "not") else v
           for k, v in schema.items()}
    for key in ("allOf", "anyOf", "oneOf"):
        if key in schema:
            out[key] = [_strict(s) for s in schema[key]]
    if "properties" in schema:
        out["properties"] = {k: _strict(v) for k, v in schema["properties"].items()}
        if ("additionalProperties" not in schema
                and not schema.get("x-kubernetes-preserve-unknown-fields")):
            out["additionalProperties"] = False
    if schema.get("nullable") and "type" in schema:
        out["type"] = [schema["type"], "null"]
    return out


def _crd_files(crd_dir: Path) -> list[Path]:
    return sorted(p for p in crd_dir.glob("*.y*ml"))


DEPLOYED = "deployed.toml"  # chart -> pinned chart version -> app version -> CRD files


def deployed_crds(ctx: Context, f: Findings) -> list[Path]:
    """The CRD files of exactly the chart versions dist/ deploys (CRD_DIR/deployed.toml).

    Every chart whose CRDs serve an object of dist/ must have its pinned version there: a
    chart bump without its CRD set fails by name, instead of validating against old schemas.
    """
    from tomoda_k8s.chart_facts import CATALOG, UnknownChart

    index = ctx.crd_dir / DEPLOYED
    if not index.is_file():
        f.fail(f"{index} is missing: which CRD files belong to which pinned chart version is "
               f"unknown, so no custom resource can be validated against what is deployed")
        return []
    deployed = tomllib.loads(index.read_text(encoding="utf-8"))
    used = {o.group for o in ctx.objects if o.group}
    files: set[str] = set()
    for rel in ctx.helm_releases:
        try:
            facts = CATALOG.facts(rel.chart, rel.version)
        except UnknownChart:
            continue  # the first-sync family names it
        serves = set(facts.crd_groups(rel.values)) & used
        if not serves and rel.chart != "argo-cd":
            continue
        f.count()
        entry = deployed.get(rel.chart)
        if entry is None:
            f.fail(f"chart {rel.chart} {rel.version} ({rel.owner}) installs the CRDs of "
                   f"{', '.join(sorted(serves)) or 'argoproj.io'}, but {index} has no CRD set "
                   f"for it")
        elif str(entry.get("chart")) != rel.version:
            f.fail(f"chart {rel.chart} is pinned at {rel.version} ({rel.owner}), but the CRDs in "
                   f"{ctx.crd_dir} are those of {rel.chart} {entry.get('chart')} (app "
                   f"{entry.get('app')}): custom resources would be validated against another "
                   f"version's schemas")
        else:
            files |= set(entry.get("files") or [])
    for name in sorted(files):
        if not (ctx.crd_dir / name).is_file():
            f.fail(f"{index} lists {name}, which is not in {ctx.crd_dir}")
    return [ctx.crd_dir / n for n in sorted(files) if (ctx.crd_dir / n).is_file()]


def load_crds(crd_dir: Path, files: Optional[list[Path]] = None) -> dict[tuple[str, str, str], dict]:
    """(group, version, kind) -> {'schema': strict JSON schema, 'scope': ...}; cached on disk.

    Parsing the CRD YAML costs more than every validation together, so the extracted
    schemas are kept under .cache/check, keyed by the CRD files' contents.
    """
    files = _crd_files(crd_dir) if files is None else files
    key = hashlib.sha256(Path(__file__).read_bytes())  # the conversion is part of the key
    for f in files:
        key.update(f.name.encode() + hashlib.sha256(f.read_bytes()).digest())
    cached = SCHEMA_CACHE / f"crds-{key.hexdigest()[:24]}.json"
    if cached.exists():
        raw = json.loads(cached.read_text(encoding="utf-8"))
        return {tuple(k.split("|")): v for k, v in raw.items()}
    found: dict[str, dict] = {}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for f in files:
        for doc in yaml.load_all(f.read_text(encoding="utf-8"), Loader=loader):
            if not isinstance(doc, dict) or doc.get("kind") != "CustomResourceDefinition":
                continue
            spec = doc["spec"]
            for v in spec.get("versions") or []:
                schema = ((v.get("schema") or {}).get("openAPIV3Schema")) or {}
                found["|".join((spec["group"], v["name"], spec["names"]["kind"]))] = {
                    "schema": _strict(schema), "scope": spec.get("scope", "Namespaced"),
                    "served": v.get("served", True), "file": f.name}
    SCHEMA_CACHE.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(found), encoding="utf-8")
    tmp.replace(cached)
    prune_cache(SCHEMA_CACHE, "crds-*.json", keep=4)
    return {tuple(k.split("|")): v for k, v in found.items()}


@lru_cache(maxsize=None)
def _crd_validator(crd_dir: str, files: tuple[str, ...], group: str, version: str, kind: str):
    entry = load_crds(Path(crd_dir), [Path(p) for p in files]).get((group, version, kind))
    if entry is None:
        return None, None
    return jsonschema.Draft4Validator(entry["schema"]), entry


@lru_cache(maxsize=None)
def crd_groups(crd_dir: str, files: tuple[str, ...]) -> frozenset[str]:
    return frozenset(g for g, _, _ in load_crds(Path(crd_dir), [Path(p) for p in files]))


# ---------------------------------------------------------------- the check

def _first_error(validator: jsonschema.Validator, doc: dict) -> Optional[str]:
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    if not errors:
        return None
    e = errors[0]
    more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{dotted(tuple(e.path)) or '<root>'}: {e.message}{more}"


def check(ctx: Context) -> Findings:
    f = Findings("schemas")
    started = time.monotonic()
    # Every object against each cluster's version (an object valid on one minor and not
    # on another is a trap for the day a tenant moves).
    minors = sorted({c.kubernetes_version for c in ctx.estate.clusters})
    versions = [_schema_version(m) for m in minors]
    version = versions[0]
    f.note(f"core kinds against Kubernetes {', '.join(kv.major_minor(v) for v in versions)} "
           f"(model: {', '.join(minors)}); CRDs from {ctx.crd_dir}")
    have_crds = ctx.crd_dir.is_dir() and bool(_crd_files(ctx.crd_dir))
    if not have_crds:
        f.fail(f"CRD_DIR {ctx.crd_dir} is missing or empty: custom resources cannot be "
               f"validated (CI has ../shared beside the clone; set CRD_DIR to override)")
    files = tuple(str(p) for p in deployed_crds(ctx, f)) if have_crds else ()
    groups = crd_groups(str(ctx.crd_dir), files) if files else frozenset()
    meta_validator = core_validator("ConfigMap", "v1", version)
    for obj in ctx.objects:
        f.count()
        if not obj.kind or not obj.api_version:
            f.fail(f"{obj}: no apiVersion/kind")
            continue
        if obj.group in groups:
            _check_custom(ctx, f, obj, meta_validator, files)
            continue
        if all(_check_core(ctx, f, obj, v) for v in versions):
            _check_scope(f, obj, obj.kind in CLUSTER_SCOPED_CORE)
    f.seconds = time.monotonic() - started
    return f


def _check_core(ctx: Context, f: Findings, obj: Obj, version: str) -> bool:
    """`obj` against Kubernetes `version`'s schema; False when no schema knows its kind."""
    validator = core_validator(obj.kind, obj.api_version, version)
    if validator is None:
        if ctx.allow.schemaless(obj.api_version, obj.kind) is None:
            f.fail(f"{obj}: no schema for {obj.api_version} {obj.kind} (not a Kubernetes "
                   f"{kv.major_minor(version)} kind, no CRD in {ctx.crd_dir}); add the CRD "
                   f"or list the kind in {ctx.allow.path.name} [[schemaless]] with a reason")
        return False
    error = _first_error(validator, obj.doc)
    if error:
        f.fail(f"{obj} does not match the Kubernetes {kv.major_minor(version)} schema of "
               f"{obj.api_version} {obj.kind}: {error}")
    return True


def _check_custom(ctx: Context, f: Findings, obj: Obj, meta_validator, files: tuple[str, ...]) -> None:
    version = obj.api_version.rpartition("/")[2]
    validator, entry = _crd_validator(str(ctx.crd_dir), files, obj.group, version, obj.kind)
    if validator is None:
        f.fail(f"{obj}: CRDs of group {obj.group} in {ctx.crd_dir} define no {obj.kind} "
               f"at version {version}")
        return
    if not entry["served"]:
        f.fail(f"{obj}: {obj.api_version} {obj.kind} is not served by its CRD ({entry['file']})")
    error = _first_error(validator, obj.doc)
    if error:
        f.fail(f"{obj} does not match the openAPIV3Schema of {obj.api_version} {obj.kind} "
               f"({entry['file']}): {error}")
    # CRD schemas leave metadata open; hold it to ObjectMeta like any core object.
    if meta_validator is not None:
        error = _first_error(meta_validator, {"apiVersion": "v1", "kind": "ConfigMap",
                                              "metadata": obj.meta})
        if error:
            f.fail(f"{obj}: invalid metadata: {error}")
    _check_scope(f, obj, entry["scope"] == "Cluster")


def _check_scope(f: Findings, obj: Obj, cluster_scoped: bool) -> None:
    """Namespaced objects say where they go: Argo CD would otherwise put them into the
    syncing Application's destination namespace, which the reader of dist/ cannot see."""
    if cluster_scoped and obj.namespace:
        f.fail(f"{obj}: {obj.kind} is cluster-scoped but names namespace {obj.namespace}")
    elif not cluster_scoped and not obj.namespace:
        f.fail(f"{obj}: {obj.kind} is namespaced but names no namespace")
