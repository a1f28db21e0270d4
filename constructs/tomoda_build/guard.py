"""Guarded deletions: refuse a synthesis that removes or renames stateful objects.

Argo CD prunes a removed object the moment dist/ lands and Terraform destroys a removed
resource on the next apply, so losing a database, a bucket or a cluster must take an
explicit, per-object `ALLOW_DESTROY=kind/namespace/name,...`.
Identities: Kubernetes `Kind/namespace/name` (`...@cluster` on another cluster than Argo
CD's); Terraform `type/stack/logical-id`.
"""
from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from .index import DistIndex  # what holds data, and which identities name it


class DestroyRefused(Exception):
    pass


def stateful(root: Path) -> dict[str, object]:
    """Every stateful object in an output tree: identity -> what must not change about it
    (Kubernetes: nothing beyond the identity; Terraform: the replacement-forcing attributes)."""
    return DistIndex(root).stateful()


def going(old: Path, new: Path) -> list[str]:
    """Stateful objects of `old` that `new` removes, renames or replaces."""
    if not old.exists():
        return []
    before, after = stateful(old), stateful(new)
    return sorted(ident for ident, fixed in before.items()
                  if ident not in after or after[ident] != fixed)


def committed(target: Path) -> tuple[str, list[str], bytes]:
    """What git's HEAD holds under `target`: (its path in the repository, file names relative
    to it, a tar of them). Empty outside a repository or when nothing is committed there."""
    try:
        top = subprocess.run(["git", "-C", str(target.parent), "rev-parse", "--show-toplevel"],
                             capture_output=True, timeout=30, check=True).stdout.decode().strip()
        rel = str(target.resolve().relative_to(Path(top).resolve()))
        names = subprocess.run(["git", "-C", top, "ls-tree", "-r", "-z", "--name-only", "HEAD", "--", rel],
                               capture_output=True, timeout=30, check=True).stdout.decode().split("\0")
        names = [n[len(rel) + 1:] for n in names if n]
        if not names:
            return rel, [], b""
        tar = subprocess.run(["git", "-C", top, "archive", "--format=tar", "HEAD", "--", rel],
                             capture_output=True, timeout=120, check=True).stdout
        return rel, names, tar
    except (OSError, ValueError, subprocess.SubprocessError):
        return "", [], b""


def going_anywhere(old: Path, new: Path) -> list[str]:
    """`going`, measured against the working tree and, when that is missing or incomplete
    (a deleted dist/, a half checkout), against the committed one as well: a missing dist/
    must never make a deletion look like a first synthesis."""
    found = set(going(old, new))
    rel, names, tar = committed(old)
    if names and not all((old / n).is_file() for n in names):
        with tempfile.TemporaryDirectory(prefix="tomoda-committed-") as tmp:
            with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
                archive.extractall(tmp, filter="data")
            found |= set(going(Path(tmp) / rel, new))
    return sorted(found)


def refuse_destruction(old: Path, new: Path, allowed: tuple[str, ...]) -> None:
    refused = [g for g in going_anywhere(old, new) if g not in allowed]
    if refused:
        listing = "\n".join(f"  - {g}" for g in refused)
        raise DestroyRefused(
            f"refusing to synthesize: {len(refused)} stateful object(s) would be removed, renamed "
            f"or replaced (Argo CD would prune them / Terraform would destroy them):\n{listing}\n"
            f"If that is intended, name each one:\n"
            f"  make synth ALLOW_DESTROY={','.join(refused)}")
