"""Freshness: dist/ is exactly what the source synthesizes today (no cache involved), and
for the real dist/ the generated docs/environments.md is too."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from tomoda_build import tree
from tomoda_build.synth import SynthError, synthesize

from .context import Context
from .findings import Findings


def check(ctx: Context) -> Findings:
    f = Findings("freshness")
    if ctx.config is None:
        f.skipped = "no config directory given"
        return f
    work = Path(tempfile.mkdtemp(prefix="tomoda-check-fresh-"))
    try:
        fresh = work / f"{ctx.dist.name}.fresh"  # a name apart: differences() names trees
        try:
            synthesize(ctx.config, fresh, cache=None, log=lambda *_: None)
        except SynthError as exc:
            f.fail(f"a fresh synthesis of {ctx.config} failed: {exc}")
            return f
        f.count(len(tree.listing(fresh)))
        for line in tree.differences(ctx.dist, fresh):
            line = line.replace(f"only in {ctx.dist.name}:", "only in the checked tree:") \
                       .replace(f"only in {fresh.name}:", "missing from the checked tree:")
            f.fail(f"{line} (dist/ is stale or hand-edited: run `make synth` and commit)")
        _environments_page(ctx, fresh, f)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return f


def _environments_page(ctx: Context, fresh: Path, f: Findings) -> None:
    """docs/environments.md belongs to the real dist/ only (tomoda_ops.envdoc.hook_for)."""
    from tomoda_build.paths import DIST, ROOT
    from tomoda_model import load_estate
    from tomoda_ops import envdoc

    if ctx.dist.resolve() != DIST.resolve():
        return
    f.count()
    if envdoc.staleness(load_estate(ctx.config), fresh, ROOT / envdoc.OUTPUT):
        f.fail(f"{envdoc.OUTPUT} is stale or hand-edited: run `make synth` and commit")
    from tomoda_model import schema
    for line in schema.staleness(ROOT / schema.DIRECTORY):
        f.fail(f"{line}: the model's JSON Schema is generated: run `make synth` and commit")
