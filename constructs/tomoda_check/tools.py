"""Real tools on the output: `kubectl kustomize` and `terraform validate`.

kubectl kustomize builds every directory that has a kustomization.yaml (what Argo CD and
Image Updater see) and must yield exactly the objects of that directory's files.
terraform validate runs, with the real hashicorp/aws provider of the local filesystem
mirror, on every stack that uses AWS, minus its Cloudflare part: the Cloudflare provider
cannot be had offline (the same approach as tests/cloud/test_cloud_terraform_validate.py).
A stack's committed `.terraform.lock.hcl` (written by `terraform init`, kept by synth) must
lock the versions the stack pins, and its hashes must match the mirror's package: init runs
with the lock, read-only, so a wrong checksum fails here before it fails an apply.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Optional

import yaml

from tomoda_build.paths import ROOT

from .context import Context, prune_cache
from .findings import Findings

AWS_ADDRESS = "registry.terraform.io/hashicorp/aws"
TF_PLUGIN_CACHE = ROOT / ".cache" / "check" / "terraform-plugins"
PLACEHOLDER_FQDN = "_0123456789abcdef.validation.invalid"
LOCK_FILE = ".terraform.lock.hcl"
LOCK_ENTRY = re.compile(r'^provider "(?P<address>[^"]+)" \{\n(?P<body>.*?)^\}\n', re.M | re.S)
LOCK_VERSION = re.compile(r'^\s*version\s*=\s*"(?P<version>[^"]+)"', re.M)


def check(ctx: Context) -> Findings:
    f = Findings("tools")
    _kustomize(ctx, f)
    _lock_files(ctx, f)
    _terraform_validate(ctx, f)
    return f


def lock_entries(text: str) -> dict[str, tuple[str, str]]:
    """A lock file's providers: address -> (version, the whole entry)."""
    out = {}
    for m in LOCK_ENTRY.finditer(text):
        version = LOCK_VERSION.search(m.group("body"))
        out[m.group("address")] = (version.group("version") if version else "", m.group(0))
    return out


def _locks(ctx: Context) -> dict[str, dict[str, tuple[str, str]]]:
    return {stack: lock_entries((ctx.dist / "terraform" / stack / LOCK_FILE).read_text(encoding="utf-8"))
            for stack in ctx.stacks if (ctx.dist / "terraform" / stack / LOCK_FILE).is_file()}


def _lock_files(ctx: Context, f: Findings) -> None:
    """Each lock entry is for a provider the stack pins, at the version it pins."""
    locks = _locks(ctx)
    for stack, doc in ctx.stacks.items():
        if stack not in locks:
            f.note(f"terraform/{stack} has no {LOCK_FILE}: the first `make plan` with registry "
                   f"access writes it; commit it")
            continue
        pins = {f"registry.terraform.io/{p['source']}": p.get("version")
                for p in ((doc.get("terraform") or {}).get("required_providers") or {}).values()}
        for address, (version, _) in locks[stack].items():
            f.count()
            if address not in pins:
                f.fail(f"terraform/{stack}/{LOCK_FILE} locks {address}, which the stack does not use")
            elif version != pins[address]:
                f.fail(f"terraform/{stack}/{LOCK_FILE} locks {address} {version} but the stack pins "
                       f"{pins[address]}: `terraform init` would refuse; run `make plan` (or "
                       f"`terraform init -upgrade`) with registry access and commit the lock file")


def _ident(doc: dict) -> tuple:
    meta = doc.get("metadata") or {}
    return (doc.get("apiVersion"), doc.get("kind"), meta.get("namespace", ""), meta.get("name"))


def _kustomize(ctx: Context, f: Findings) -> None:
    if shutil.which("kubectl") is None:
        f.fail("kubectl is not on PATH: cannot run `kubectl kustomize`")
        return
    for rel in ctx.kustomizations:
        f.count()
        proc = subprocess.run(["kubectl", "kustomize", str(ctx.dist / rel)],
                              capture_output=True, encoding="utf-8", errors="replace", timeout=120)
        if proc.returncode != 0:
            f.fail(f"`kubectl kustomize {rel}` failed: {proc.stderr.strip()}")
            continue
        built = {_ident(d) for d in yaml.safe_load_all(proc.stdout) if d}
        files = {_ident(o.doc) for o in ctx.objects if o.file.rsplit("/", 1)[0] == rel}
        for ident in sorted(files - built, key=str):
            f.fail(f"`kubectl kustomize {rel}` drops {ident[1]} {ident[2]}/{ident[3]}")
        for ident in sorted(built - files, key=str):
            f.fail(f"`kubectl kustomize {rel}` adds {ident[1]} {ident[2]}/{ident[3]}, "
                   f"which no file of {rel} defines")


def strip_cloudflare(stack: str, doc: dict) -> tuple[dict, list[str]]:
    """The stack without Cloudflare, and what in it still depends on Cloudflare."""
    doc = json.loads(json.dumps(doc))
    doc.get("terraform", {}).get("required_providers", {}).pop("cloudflare", None)
    doc.get("provider", {}).pop("cloudflare", None)
    for block in ("resource", "data"):
        for kind in [k for k in doc.get(block, {}) if k.startswith("cloudflare_")]:
            del doc[block][kind]
    # ACM validation waits for the Cloudflare records' names: a literal stands in.
    for v in doc.get("resource", {}).get("aws_acm_certificate_validation", {}).values():
        if "cloudflare_" in json.dumps(v.get("validation_record_fqdns")):
            v["validation_record_fqdns"] = [PLACEHOLDER_FQDN]
    left = []
    for block in ("resource", "data", "output"):
        for kind, items in (doc.get(block) or {}).items():
            for rid, body in (items.items() if isinstance(items, dict) else []):
                if "cloudflare_" in json.dumps(body):
                    left.append(f"{kind}.{rid} (terraform/{stack})")
    return doc, left


def _tf_env(workdir: Path, mirror: Path) -> dict:
    cli = workdir / "cli.tfrc"
    TF_PLUGIN_CACHE.mkdir(parents=True, exist_ok=True)
    cli.write_text(f'''plugin_cache_dir = "{TF_PLUGIN_CACHE}"
provider_installation {{
  filesystem_mirror {{
    path    = "{mirror}"
    include = ["{AWS_ADDRESS}"]
  }}
  direct {{
    exclude = ["{AWS_ADDRESS}"]
  }}
}}
''', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "TF_PLUGIN_CACHE_DIR"}
    env.update(TF_CLI_CONFIG_FILE=str(cli), CHECKPOINT_DISABLE="1", TF_IN_AUTOMATION="1")
    return env


def _aws_lock(ctx: Context, stacks: dict, f: Findings) -> str:
    """The AWS provider's entry of the stacks' committed lock files (one and the same in
    every stack that has one), as a lock file of its own; empty when no stack has one."""
    entries = {stack: entries[AWS_ADDRESS][1] for stack, entries in _locks(ctx).items()
               if stack in stacks and AWS_ADDRESS in entries}
    if len(set(entries.values())) > 1:
        f.fail(f"the {AWS_ADDRESS} entries of {', '.join(sorted(entries))}'s {LOCK_FILE} differ: "
               f"one provider build, one set of checksums")
    return next(iter(sorted(entries.values())), "")


def _terraform_validate(ctx: Context, f: Findings) -> None:
    """All AWS stacks at once, each as a module of one throw-away root configuration:
    loading the provider's schema is what costs (~8 s), so it is loaded once. A passing
    result is remembered by content hash, so an unchanged tree is not validated twice."""
    stacks = {s: d for s, d in ctx.stacks.items() if "aws" in (d.get("provider") or {})}
    if not stacks or not _can_validate(ctx, f, stacks):
        return
    modules = _aws_modules(stacks, f)
    lock = _aws_lock(ctx, stacks, f)
    version = subprocess.run(["terraform", "version", "-json"], capture_output=True, encoding="utf-8", errors="replace")
    key = hashlib.sha256((version.stdout + json.dumps(modules, sort_keys=True) + lock).encode()).hexdigest()
    passed = TF_PLUGIN_CACHE.parent / f"terraform-valid-{key[:24]}"
    if passed.exists():
        f.note("terraform validate: unchanged since the last passing run")
        return
    work = Path(tempfile.mkdtemp(prefix="tomoda-check-tf-"))
    TF_PLUGIN_CACHE.mkdir(parents=True, exist_ok=True)
    # Terraform's plugin cache is not safe for concurrent use (parallel test workers, two
    # checks at once): one terraform phase at a time per machine.
    mutex = open(TF_PLUGIN_CACHE.parent / "terraform.lock", "w", encoding="utf-8")
    fcntl.flock(mutex, fcntl.LOCK_EX)
    try:
        report = _validate_modules(work, modules, lock, _tf_env(work, ctx.settings.tf_mirror), f)
        if report is not None and _report(report, f):
            passed.write_text(json.dumps(sorted(stacks)), encoding="utf-8")
            prune_cache(passed.parent, "terraform-valid-*")
    finally:
        fcntl.flock(mutex, fcntl.LOCK_UN)
        mutex.close()
        shutil.rmtree(work, ignore_errors=True)


def _can_validate(ctx: Context, f: Findings, stacks: dict) -> bool:
    """terraform and the AWS provider are at hand; otherwise a note (a failure in CI)."""
    mirror = ctx.settings.tf_mirror
    missing = ("no terraform binary on PATH" if shutil.which("terraform") is None
               else f"no {AWS_ADDRESS} provider in the mirror {mirror}"
               if not (mirror / AWS_ADDRESS).is_dir() else "")
    if missing:
        message = f"terraform validate of {', '.join(stacks)} not run: {missing}"
        (f.fail if ctx.settings.ci else f.note)(message)
    return not missing


def _aws_modules(stacks: dict, f: Findings) -> dict:
    """Each stack's AWS part as a module (no backend, no Cloudflare beyond ACM validation)."""
    modules = {}
    for stack, doc in stacks.items():
        f.count()
        stripped, left = strip_cloudflare(stack, doc)
        stripped.get("terraform", {}).pop("backend", None)  # only a root module has one
        for what in left:
            f.fail(f"{what} refers to Cloudflare beyond ACM validation: the AWS part of "
                   f"terraform/{stack} cannot be validated on its own")
        modules[stack] = stripped
    return modules


def _validate_modules(work: Path, modules: dict, lock: str, env: dict,
                      f: Findings) -> Optional[dict]:
    """`terraform init` + `validate -json` of a root configuration holding `modules`; the
    validate report, or None (having failed `f`) when init or validate could not run."""
    root = {"module": {}, "terraform": {"required_providers": {
        "aws": next(iter(modules.values()))["terraform"]["required_providers"]["aws"]}}}
    for stack, doc in modules.items():
        (work / stack).mkdir()
        (work / stack / "main.tf.json").write_text(json.dumps(doc, indent=1), encoding="utf-8")
        root["module"][stack] = {"source": f"./{stack}"}
    (work / "main.tf.json").write_text(json.dumps(root, indent=1), encoding="utf-8")
    readonly = []
    if lock:
        (work / LOCK_FILE).write_text(lock, encoding="utf-8")
        readonly = ["-lockfile=readonly"]
    init = subprocess.run(["terraform", f"-chdir={work}", "init", "-backend=false",
                           "-input=false", "-no-color", *readonly], env=env, capture_output=True,
                          encoding="utf-8", errors="replace", timeout=600)
    if init.returncode != 0:
        f.fail(f"terraform init of the AWS part of {', '.join(modules)} failed: "
               f"{(init.stdout + init.stderr).strip()[-1500:]}")
        return None
    proc = subprocess.run(["terraform", f"-chdir={work}", "validate", "-json", "-no-color"],
                          env=env, capture_output=True, encoding="utf-8", errors="replace", timeout=600)
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError:
        f.fail(f"terraform validate crashed: {proc.stderr.strip()[-1500:]}")
        return None


def _report(report: dict, f: Findings) -> bool:
    """Fail on each error of a validate report; True when the configuration is valid."""
    errors = [d for d in report.get("diagnostics") or [] if d.get("severity") == "error"]
    for d in errors:
        filename = (d.get("range") or {}).get("filename", "")
        stack = filename.split("/", 1)[0] if "/" in filename else "?"
        where = (d.get("snippet") or {}).get("context") or d.get("address") or ""
        f.fail(f"terraform validate of terraform/{stack}: {d.get('summary')}: "
               f"{(d.get('detail') or '').strip()} [{where}]")
    if not report.get("valid") and not errors:
        f.fail("terraform validate: invalid, without diagnostics")
    return bool(report.get("valid"))
