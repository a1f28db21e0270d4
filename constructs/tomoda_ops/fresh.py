"""Is the committed output what the source produces? (the pre-commit hook's check)

Uses the synthesis cache, so the usual case (nothing changed) costs about a second; the
cache is keyed on every input a target can see, so a hit is never stale. `make check`
remains the uncached gate.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from tomoda_build import tree
from tomoda_build.paths import ROOT
from tomoda_build.synth import load
from tomoda_model import schema

from . import diff, envdoc, preview


def problems(config: Path, dist: Path, docs: Path, cache: Optional[Path], log=None) -> list[str]:
    """One line per stale file under `dist` and for `docs`; empty when all is fresh."""
    kwargs = {"log": log} if log is not None else {}
    with preview.synthesized(config, cache=cache, **kwargs) as fresh:
        have, want = tree.listing(Path(dist)), tree.listing(fresh)
        found = []
        for rel in diff.changed_files(Path(dist), fresh):
            state = "missing" if rel not in have else "should not exist" if rel not in want else "differs"
            found.append(f"{Path(dist).name}/{rel}: {state}")
        if not Path(docs).is_file():
            found.append(f"{docs.name}: missing")
        elif envdoc.staleness(load(config), fresh, docs):
            found.append(f"{docs.name}: stale")
        found += schema.staleness(ROOT / schema.DIRECTORY)  # the model's, whatever page is checked
    return found
