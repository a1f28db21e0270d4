"""Checkov over the Kubernetes YAML and the Terraform JSON, offline.

Checkov's own dependency set clashes with our pins, so it lives in its own virtualenv
(.venv-checkov, installed by the Makefile from requirements-checkov.lock). Suppressions
are the `[[checkov]]` entries of check-allowlist.toml, each scoped to a check id and a
resource/file pattern and carrying a reason; checkov itself runs without any skips so that
every finding goes through that one reviewed file.
"""
from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import subprocess
from pathlib import Path

from tomoda_build.paths import ROOT

from .context import Context, prune_cache
from .findings import Findings

CACHE = ROOT / ".cache" / "check"
FRAMEWORKS = ("kubernetes", "terraform_json")


def _tree_key(dist: Path) -> str:
    h = hashlib.sha256()
    lock = ROOT / "requirements-checkov.lock"
    h.update(lock.read_bytes() if lock.exists() else b"")
    for p in sorted(dist.rglob("*")):
        if p.is_file() and not p.name.startswith(".argocd-source"):
            h.update(str(p.relative_to(dist)).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:24]


def cached_findings(dist: Path, checkov: Path) -> list[dict]:
    """Raw checkov findings of a tree, remembered by its content (checkov takes ~10 s)."""
    entry = CACHE / f"checkov-{_tree_key(dist)}.json"
    if entry.exists():
        return json.loads(entry.read_text(encoding="utf-8"))
    found = run_checkov(dist, checkov)
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = entry.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(found), encoding="utf-8")
    tmp.replace(entry)
    prune_cache(CACHE, "checkov-*.json")
    return found


def run_checkov(dist: Path, checkov: Path) -> list[dict]:
    proc = subprocess.run(
        [str(checkov), "-d", str(dist), "--framework", *FRAMEWORKS, "--skip-download",
         "--quiet", "--compact", "-o", "json"],
        cwd=dist, capture_output=True, encoding="utf-8", errors="replace", timeout=600,
        env={**os.environ, "BC_SKIP_MAPPING": "TRUE", "CHECKOV_RUN_SCA_PACKAGE_SCAN_V2": "false"})
    if proc.returncode not in (0, 1) or not proc.stdout.strip():
        raise RuntimeError(f"checkov exited {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    reports = json.loads(proc.stdout)
    reports = reports if isinstance(reports, list) else [reports]
    out = []
    for report in reports:
        for r in (report.get("results") or {}).get("failed_checks") or []:
            out.append({"id": r["check_id"], "name": r.get("check_name", ""),
                        "resource": r.get("resource", ""),
                        "file": str(r.get("file_path", "")).lstrip("/"),
                        "framework": report.get("check_type", "")})
    return out


def suppression_for(ctx: Context, finding: dict):
    for entry in ctx.allow.entries("checkov"):
        if (fnmatch.fnmatchcase(finding["id"], entry["check"])
                and fnmatch.fnmatchcase(finding["resource"], entry.get("resource", "*"))
                and fnmatch.fnmatchcase(finding["file"], entry.get("file", "*"))):
            return entry
    return None


def check(ctx: Context) -> Findings:
    f = Findings("checkov")
    checkov = ctx.settings.checkov
    if not checkov.exists():
        f.fail(f"checkov is not installed at {checkov}: run `make .venv-checkov` "
               f"(installs requirements-checkov.lock)")
        return f
    try:
        failed = cached_findings(ctx.dist, checkov)
    except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as exc:
        f.fail(f"checkov did not run: {exc}")
        return f
    used, open_findings = set(), {}
    for finding in failed:
        f.count()
        entry = suppression_for(ctx, finding)
        if entry is None:
            key = (finding["resource"], finding["file"])
            open_findings.setdefault(key, []).append(f"{finding['id']} {finding['name']}")
        else:
            used.add(id(entry))
    for (resource, file), checks in open_findings.items():
        f.fail(f"{resource} ({file}) fails {len(checks)} checkov check(s): "
               f"{'; '.join(checks)}. Fix, or add a [[checkov]] suppression with a reason")
    unsuppressed = sum(len(c) for c in open_findings.values())
    stale = [e for e in ctx.allow.entries("checkov") if id(e) not in used]
    for e in stale:
        f.note(f"suppression {e['check']} {e.get('resource', '*')} matched nothing (remove it?)")
    f.note(f"{len(failed)} checkov finding(s), {len(failed) - unsuppressed} suppressed")
    return f
