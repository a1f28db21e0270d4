"""Synthesize the current source aside, never touching dist/ (for diff and freshness)."""
from __future__ import annotations

import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from tomoda_build.synth import load, synthesize


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


@contextmanager
def synthesized(config: Path, cache: Optional[Path], log=_stderr) -> Iterator[Path]:
    """A temporary output tree of `config`. The guard cannot fire: the target is new."""
    with tempfile.TemporaryDirectory(prefix="tomoda-preview-") as tmp:
        out = Path(tmp) / "preview"  # the log then reads "preview/ updated", never "dist/"
        synthesize(Path(config).resolve(), out, cache=cache, allow_destroy=(), log=log)
        yield out


def repo_prefix(config: Path) -> str:
    """Where dist/ sits in the GitOps repo: Application paths are relative to the repo."""
    return load(Path(config)).gitops.dist_path
