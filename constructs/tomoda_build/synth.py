"""`make synth`: run the targets (in parallel, cached), assemble dist/ aside, swap it in.

Guarantees: dist/ is replaced whole or not at all; a failure anywhere (bad config, an
exception in a construct, a refused deletion) leaves it byte-identical.

What a target process sees is exactly what its cache key covers: a private snapshot of the
config directory (the key is computed from that same snapshot, so an editor saving a file
mid-run cannot store output under the wrong key), its source files, and a fixed
environment (no variable of the caller's shell reaches it except PATH and locale).
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional

from tomoda_model import Estate, ModelError, load_estate
from tomoda_model.load import relative, snapshot as config_snapshot

from . import faults, journal, tree
from .paths import ROOT
from .targets import TARGETS, Target

KEEP_CACHE_ENTRIES = 4
TARGET_TIMEOUT_SECONDS = 600  # a hung jsii/node process must not hang `make synth`
PASSED_ENV = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")


class SynthError(Exception):
    """A failure with a message meant for the operator."""


class ConfigError(SynthError):
    """The model did not load or validate (exit code 2 in the CLIs)."""


@dataclass
class Result:
    target: str
    seconds: float
    cached: bool
    files: list[str] = field(default_factory=list)


def child_env() -> dict[str, str]:
    """The whole environment of a target process: nothing else can influence its output."""
    return {**{k: os.environ[k] for k in PASSED_ENV if k in os.environ},
            "PYTHONPATH": str(ROOT / "constructs"),
            "PYTHONHASHSEED": "0",
            "PYTHONUTF8": "1",  # the files are UTF-8 whatever the caller's locale
            "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20",
            "CHECKPOINT_DISABLE": "1"}


def load(config: Path, shown_as: Optional[Path] = None) -> Estate:
    """The validated model; `shown_as` is the directory errors name (for a snapshot)."""
    try:
        return load_estate(config, shown_as=shown_as)
    except ModelError as exc:
        count = len(exc.problems)
        raise ConfigError(f"invalid configuration ({count} problem{'s' if count != 1 else ''}):\n"
                          f"{exc}") from None


@contextlib.contextmanager
def locked(cache: Optional[Path]) -> Iterator[None]:
    """One synthesis at a time per cache (make synth, the pre-commit hook, parallel tests):
    nobody prunes or replaces an entry another process is reading."""
    if cache is None:
        yield
        return
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / ".lock", "w", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def run_targets(estate: Estate, config: Path, cache: Optional[Path], scratch: Path,
                targets: Optional[tuple[Target, ...]] = None) -> dict[str, tuple[Path, Result]]:
    """Every target's output tree (from the cache or a fresh run in `scratch`), by name.

    `config` must be the snapshot `estate` was loaded from. A new cache entry is renamed
    into place only after its process succeeded, so a crashed or killed run never leaves
    a half entry behind; a complete entry is never rewritten.
    """
    targets = TARGETS if targets is None else targets
    done: dict[str, tuple[Path, Result]] = {}
    running = {}
    try:
        for t in targets:
            entry = cache / t.name / t.key(estate) if cache else None
            if entry is not None and _intact(entry):
                os.utime(entry)  # recently used: pruned last
                done[t.name] = (entry / "out", Result(t.name, 0.0, True))
                continue
            out = scratch / t.name / "out"
            out.mkdir(parents=True)
            argv = [sys.executable, *t.argv, "--config", str(config), "--out", str(out)]
            log = (scratch / t.name / "log").open("w", encoding="utf-8")  # a file, not a pipe: never blocks
            proc = subprocess.Popen(argv, cwd=ROOT, env=child_env(), stdout=log,
                                    stderr=subprocess.STDOUT, encoding="utf-8", errors="replace")
            running[t.name] = (proc, out, entry, time.monotonic(), log)
        finished: dict[str, float] = {}
        deadline = time.monotonic() + TARGET_TIMEOUT_SECONDS
        while len(finished) < len(running):  # poll, so each target gets its own time
            for name, (proc, *_rest) in running.items():
                if name not in finished and proc.poll() is not None:
                    finished[name] = time.monotonic()
            if time.monotonic() > deadline:
                late = sorted(set(running) - set(finished))
                raise SynthError(f"target(s) {', '.join(late)} still running after "
                                 f"{TARGET_TIMEOUT_SECONDS}s; killed")
            time.sleep(0.02)
        failures = []
        for name, (proc, out, entry, started, log) in running.items():
            log.close()
            seconds = finished[name] - started
            if proc.returncode != 0:
                text = (scratch / name / "log").read_text(encoding="utf-8", errors="replace").strip()
                failures.append(f"--- {name} failed (exit {proc.returncode}) ---\n{text}")
                continue
            if entry is not None:
                out = _install(out.parent, entry) / "out"
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


def _install(run_dir: Path, entry: Path) -> Path:
    """Move a finished run into the cache as `entry` (atomically, on the cache's filesystem)."""
    entry.parent.mkdir(parents=True, exist_ok=True)
    incoming = Path(tempfile.mkdtemp(prefix=".incoming-", dir=entry.parent))
    shutil.rmtree(incoming)
    shutil.move(str(run_dir), str(incoming))  # scratch may be on another filesystem
    (incoming / ".complete").write_text(json.dumps(manifest(incoming / "out"), indent=0, sort_keys=True),
                                        encoding="utf-8")
    if entry.exists():  # a leftover of a killed run or a discarded entry (intact ones are hits)
        shutil.rmtree(entry)
    incoming.rename(entry)
    _prune(entry.parent, keep=entry)
    return entry


def manifest(out: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file of a target's output."""
    return {rel: hashlib.sha256(path.read_bytes()).hexdigest() for rel, path in tree.listing(out).items()}


def _intact(entry: Path) -> bool:
    """Is the cache entry exactly what its target wrote? One that is not (edited by hand, half
    deleted, an older format) is discarded, never served."""
    if not (entry / ".complete").is_file():
        return False
    try:
        recorded = json.loads((entry / ".complete").read_text(encoding="utf-8"))
        if isinstance(recorded, dict) and recorded and recorded == manifest(entry / "out"):
            return True
    except (OSError, ValueError):
        pass
    shutil.rmtree(entry, ignore_errors=True)
    return False


def _prune(target_dir: Path, keep: Path) -> None:
    entries = sorted((p for p in target_dir.iterdir() if p.is_dir() and p != keep
                      and not p.name.startswith(".")),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP_CACHE_ENTRIES - 1:]:
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


def summary(outputs: dict[str, tuple[Path, Result]]) -> list[str]:
    """One line per target: its files, its units, its time (the default output)."""
    lines = []
    for name, (_, r) in sorted(outputs.items()):
        units = {"/".join(f.split("/")[:2]) if f.startswith("terraform/") else f.rsplit("/", 1)[0]
                 for f in r.files}
        timing = "cached" if r.cached else f"{r.seconds:.1f}s"
        lines.append(f"  {name:<8} {len(r.files):>3} file(s) in {len(units):>2} unit(s)  [{name} {timing}]")
    return lines


def report(outputs: dict[str, tuple[Path, Result]]) -> list[str]:
    """One line per Kubernetes app directory / Terraform stack, with its target's time (-v)."""
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


def updater_files(estate: Estate) -> set[str]:
    """Where Image Updater may write back: beside the kustomization of each tenant it updates,
    named after the tenant's Application (its default write-back target)."""
    from tomoda_k8s.layout import app_dir

    return {f"{app_dir(t)}/.argocd-source-{t.argo_app}.yaml"
            for t in estate.tenants.values() if t.app.image_updater}


def synthesize(config: Path, out: Path, *, cache: Optional[Path],
               allow_destroy: tuple[str, ...] = (), log=print,
               after_swap: Optional[Callable[[Estate, Path], None]] = None, verbose: bool = False) -> bool:
    """Synthesize into `out`. Returns True when `out` changed. Raises SynthError.

    `after_swap(estate, out)` runs once `out` holds the new tree (whether or not it changed),
    with the estate loaded from the same config snapshot (e.g. to regenerate docs).
    """
    from . import guard  # late: keeps the no-op path's imports small

    started = time.monotonic()
    out.parent.mkdir(parents=True, exist_ok=True)
    for line in tree.recover(out):
        log(line)
    journal.recover(config, log=log)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-{os.getpid()}-", dir=out.parent))
    try:
        shown = relative(config)
        load(config, shown_as=shown)  # first the real files: nothing unreadable gets copied
        snapshot = work / "config"
        config_snapshot(config, snapshot)
        estate = load(snapshot, shown_as=shown)
        with locked(cache):
            outputs = run_targets(estate, snapshot, cache, work / "runs")
            for line in (report if verbose else summary)(outputs):
                log(line)
            staging = work / out.name
            assemble(outputs, staging)
        tree.normalize_modes(staging)
        guard.refuse_destruction(out, staging, allow_destroy)
        kept, refused = tree.others(out, updater_files(estate))
        if refused:
            raise SynthError("files in the output that synth will neither keep nor delete (move "
                             "or delete them):\n" + "\n".join(f"  {r}" for r in refused))
        tree.carry_over(out, staging, kept)  # hard links: cheap even for a .terraform/
        changed = not out.exists() or bool(tree.differences(out, staging))
        if changed:
            faults.point("synth-before-swap")
            tree.swap(staging, out)
            faults.point("synth-after-swap")
        for rel in kept:
            if not tree.is_foreign(out, Path(rel)):
                log(f"kept {out.name}/{rel}: not synth's (it writes only {', '.join(tree.OWNED)})")
        log(f"{out.name}/ {'updated' if changed else 'unchanged'} "
            f"({time.monotonic() - started:.1f}s)")
        if after_swap is not None:
            after_swap(estate, out)
        return changed
    finally:
        shutil.rmtree(work, ignore_errors=True)
