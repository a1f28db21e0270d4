"""Comparing and swapping output trees."""
from __future__ import annotations

import filecmp
import os
import shutil
from pathlib import Path

# Files other writers own inside dist/ (Argo CD Image Updater's git write-back). A re-synth
# keeps them and the freshness gate ignores them; see docs/decisions.md.
FOREIGN_PATTERNS = (".argocd-source-*.yaml",)


def is_foreign(rel: Path) -> bool:
    return any(rel.match(p) for p in FOREIGN_PATTERNS)


def listing(root: Path) -> dict[str, Path]:
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): p for p in sorted(root.rglob("*"))
            if p.is_file() and not is_foreign(p.relative_to(root))}


def differences(a: Path, b: Path) -> list[str]:
    """Human-readable differences between two trees (foreign files ignored)."""
    la, lb = listing(a), listing(b)
    out = [f"only in {a.name or a}: {k}" for k in sorted(la.keys() - lb.keys())]
    out += [f"only in {b.name or b}: {k}" for k in sorted(lb.keys() - la.keys())]
    out += [f"differs: {k}" for k in sorted(la.keys() & lb.keys())
            if not filecmp.cmp(la[k], lb[k], shallow=False)]
    return out


def keep_foreign(old: Path, new: Path) -> list[str]:
    """Copy foreign-owned files from `old` into `new` where their directory still exists."""
    kept = []
    if not old.exists():
        return kept
    for pattern in FOREIGN_PATTERNS:
        for path in sorted(old.rglob(pattern)):
            rel = path.relative_to(old)
            if (new / rel).parent.is_dir():
                shutil.copy2(path, new / rel)
                kept.append(str(rel))
    return kept


def swap(staging: Path, target: Path) -> None:
    """Replace `target` by `staging`: two renames on one filesystem, never a half tree."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
