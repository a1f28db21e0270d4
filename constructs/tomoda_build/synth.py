"""`make synth`: run the targets (in parallel, cached), assemble dist/ aside, swap it in.

Guarantees: dist/ is replaced whole or not at all; a failure anywhere (bad config, an
exception in a construct, a refused deletion) leaves it byte-identical.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from tomoda_model import Estate, ModelError, load_estate

from . import tree
from .paths import CACHE, ROOT
from .targets import TARGETS, Target

KEEP_CACHE_ENTRIES = 4


class SynthError(Exception):
    """A failure with a message meant for the operator."""


@dataclass
class Result:
    target: str
    seconds: float
    cached: bool
    files: list[str] = field(default_factory=list)


def child_env() -> dict[str, str]:
    return {**os.environ,
            "PYTHONPATH": str(ROOT / "constructs"),
            "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20",
            "CHECKPOINT_DISABLE": "1",
            "PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", "0")}


def load(config: Path) -> Estate:
    try:
        return load_estate(config)
    except ModelError as exc:
        raise SynthError(f"invalid configuration in {config}: {exc}") from None


def run_targets(estate: Estate, config: Path, cache: Optional[Path], scratch: Path,
                targets: Optional[tuple[Target, ...]] = None) -> dict[str, tuple[Path, Result]]:
    """Every target's output tree (from the cache or a fresh run in `scratch`), by name.

    Cache entries are renamed into place only after their process succeeded, so a
    crashed or killed run never leaves a half entry behind.
    """
    done: dict[str, tuple[Path, Result]] = {}
    targets = TARGETS if targets is None else targets
    running = {}
    try:
        for t in targets:
            entry = cache / t.name / t.key(estate) if cache else None
            if entry is not None and (entry / ".complete").exists():
                done[t.name] = (entry / "out", Result(t.name, 0.0, True))
                continue
            out = scratch / t.name / "out"
            out.mkdir(parents=True)
            argv = [sys.executable, *t.argv, "--config", str(config), "--out", str(out)]
            log = (scratch / t.name / "log").open("w")  # a file, not a pipe: never blocks
            proc = subprocess.Popen(argv, cwd=ROOT, env=child_env(), stdout=log,
                                    stderr=subprocess.STDOUT, text=True)
            running[t.name] = (proc, out, entry, time.monotonic(), log)
        finished: dict[str, float] = {}
        while len(finished) < len(running):  # poll, so each target gets its own time
            for name, (proc, *_rest) in running.items():
                if name not in finished and proc.poll() is not None:
                    finished[name] = time.monotonic()
            time.sleep(0.02)
        failures = []
        for name, (proc, out, entry, started, log) in running.items():
            log.close()
            seconds = finished[name] - started
            if proc.returncode != 0:
                text = (scratch / name / "log").read_text().strip()
                failures.append(f"--- {name} failed (exit {proc.returncode}) ---\n{text}")
                continue
            if entry is not None:
                entry.parent.mkdir(parents=True, exist_ok=True)
                shutil.rmtree(entry, ignore_errors=True)
                shutil.move(str(out.parent), str(entry))  # scratch may be on another filesystem
                (entry / ".complete").write_text("")
                _prune(entry.parent)
                out = entry / "out"
            done[name] = (out, Result(name, seconds, False))
        if failures:
            raise SynthError("\n".join(failures))
        for name, (out, result) in done.items():
            result.files = sorted(tree.listing(out))
        return done
    finally:
        for proc, *_rest in running.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def _prune(target_dir: Path) -> None:
    entries = sorted((p for p in target_dir.iterdir() if p.is_dir()),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP_CACHE_ENTRIES:]:
        shutil.rmtree(old, ignore_errors=True)


def assemble(outputs: dict[str, tuple[Path, Result]], staging: Path) -> None:
    staging.mkdir(parents=True)
    for name, (out, _) in sorted(outputs.items()):
        for rel, src in tree.listing(out).items():
            dest = staging / rel
            if dest.exists():
                raise SynthError(f"{rel} is written by two targets (second: {name})")
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)


def report(outputs: dict[str, tuple[Path, Result]]) -> list[str]:
    """One line per Kubernetes app directory / Terraform stack, with its target's time."""
    lines = []
    for name, (_, r) in sorted(outputs.items()):
        groups: dict[str, int] = {}
        for f in r.files:
            parts = f.split("/")
            unit = "/".join(parts[:2]) if parts[0] == "terraform" else "/".join(parts[:-1])
            groups[unit] = groups.get(unit, 0) + 1
        timing = "cached" if r.cached else f"{r.seconds:5.1f}s"
        for unit, count in sorted(groups.items()):
            lines.append(f"  {unit:<34} {count:>3} file(s)  [{name} {timing}]")
        if not groups:
            lines.append(f"  ({name}: no output)  [{timing}]")
    return lines


def synthesize(config: Path, out: Path, *, cache: Optional[Path] = CACHE,
               allow_destroy: tuple[str, ...] = (), log=print) -> bool:
    """Synthesize into `out`. Returns True when `out` changed. Raises SynthError."""
    from . import guard  # late: keeps the no-op path's imports small

    started = time.monotonic()
    estate = load(config)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
    try:
        outputs = run_targets(estate, config, cache, work / "runs")
        for line in report(outputs):
            log(line)
        staging = work / out.name
        assemble(outputs, staging)
        guard.refuse_destruction(out, staging, allow_destroy)
        tree.keep_foreign(out, staging)
        if out.exists() and not tree.differences(out, staging):
            log(f"{out.name}/ unchanged ({time.monotonic() - started:.1f}s)")
            return False
        tree.swap(staging, out)
        log(f"{out.name}/ updated ({time.monotonic() - started:.1f}s)")
        return True
    finally:
        shutil.rmtree(work, ignore_errors=True)
