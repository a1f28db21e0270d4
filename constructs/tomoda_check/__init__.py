"""`make check`: proves a dist/ tree is current, valid, wired, secure and accepted by tools.

One module per check family; each exposes `check(ctx) -> Findings`. `run()` runs the
families in order and returns their findings; apps/check.py prints them.
"""
from __future__ import annotations

import importlib
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterable, Optional

from tomoda_model import load_estate

from tomoda_build.settings import Settings

from .context import AllowList, Context
from .findings import Findings

# Order matters only for reading the output: cheap, structural families first.
FAMILIES = ("freshness", "schemas", "charts", "wiring", "crosslayer", "first-sync", "deletion",
            "policy", "checkov", "tools")
SUBPROCESS_BOUND = frozenset({"freshness", "checkov", "tools"})
# Families that check what one cluster holds: with several clusters, each runs once per
# cluster on that cluster's view (Context.on_cluster), so a reference to an object of another
# cluster is as broken as one to an object that does not exist. (first-sync and deletion
# follow Argo CD across clusters on the whole tree, keeping what each cluster holds apart.)
PER_CLUSTER = frozenset({"wiring", "crosslayer"})


def make_context(dist: Path, config: Path, settings: Optional[Settings] = None,
                 allow: Optional[AllowList] = None) -> Context:
    """`settings` default: the environment's, read now (entry points pass their own)."""
    return Context(dist, load_estate(config), settings or Settings.from_env(),
                   allow or AllowList(), config=config)


def _run_family(ctx: Context, name: str) -> Findings:
    module = importlib.import_module(f"{__name__}.{name.replace('-', '_')}")
    started = time.monotonic()
    try:
        clusters = [c.name for c in ctx.estate.clusters]
        if name in PER_CLUSTER and len(clusters) > 1:
            findings = _per_cluster(name, [(c, module.check(ctx.on_cluster(c))) for c in clusters])
        else:
            findings = module.check(ctx)
    except Exception as exc:  # a crashed check is a failed check, never a pass
        findings = Findings(name)
        findings.fail(f"the {name} check crashed: {type(exc).__name__}: {exc}")
    findings.seconds = time.monotonic() - started
    return findings


def _per_cluster(name: str, parts: list[tuple[str, Findings]]) -> Findings:
    """One family's findings over every cluster, each line naming its cluster."""
    out = Findings(name)
    for cluster, f in parts:
        out.failures += [f"[{cluster}] {m}" for m in f.failures]
        out.notes += [f"[{cluster}] {m}" for m in f.notes]
        out.checked += f.checked
        if f.partly:
            out.partly = f.partly
        if f.skipped:
            out.skipped = f.skipped
    return out


def run(dist: Path, config: Path, *, families: Iterable[str] = FAMILIES,
        settings: Optional[Settings] = None, allow: Optional[AllowList] = None) -> list[Findings]:
    """Run `families` on `dist`; findings in FAMILIES order.

    The families that wait on other processes (a synthesis, checkov, terraform) run in
    threads alongside the in-process ones, so a full check takes about as long as the
    slowest of them.
    """
    ctx = make_context(dist, config, settings, allow)
    _ = (ctx.objects, ctx.stacks)  # parse once, before any thread reads them
    names = [f for f in FAMILIES if f in set(families)]
    with ThreadPoolExecutor(max_workers=len(SUBPROCESS_BOUND)) as pool:
        futures = {n: pool.submit(_run_family, ctx, n) for n in names if n in SUBPROCESS_BOUND}
        done = {n: _run_family(ctx, n) for n in names if n not in SUBPROCESS_BOUND}
        done.update({n: fut.result() for n, fut in futures.items()})
    return [done[n] for n in names]
