"""Pull every pinned Helm chart into the content-addressed cache (`make charts`).

The pinned charts are those of dist/ (chart Applications and the Argo CD helm_release);
charts.lock must list each with its repository and version (UPDATE=1 rewrites the entries that
changed, keeping known digests). A pulled archive whose sha256 differs from the lock fails; a
first pull records it. `make check` then renders the cached charts (tomoda_check.render).
Exit codes: 0 every chart cached, 1 some could not be pulled or verified, 2 the lock is stale.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

# The source root (never the repo root: its constructs/ folder would shadow the library).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "constructs"))

from tomoda_build.chart_cache import LOCK, ChartCache, Pin, read_lock, sync, write_lock  # noqa: E402
from tomoda_build import flags  # noqa: E402
from tomoda_build.paths import CONFIG, DIST  # noqa: E402
from tomoda_build.settings import Settings  # noqa: E402
from tomoda_build.tools import ToolError, ensure_helm  # noqa: E402
from tomoda_check import make_context  # noqa: E402
from tomoda_check.render import release_repo  # noqa: E402


def pins_of(dist: Path, config: Path) -> list[Pin]:
    ctx = make_context(dist, config)
    return sorted({Pin(rel.chart, release_repo(ctx, rel), rel.version) for rel in ctx.helm_releases},
                  key=lambda p: p.key)


def main(argv: list[str] | None = None) -> int:
    try:
        update = flags.boolean("UPDATE")
    except flags.FlagError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", default=update,
                    help="rewrite charts.lock for dist/'s pins (make: UPDATE=1)")
    ap.add_argument("--lock", type=Path, default=LOCK)
    ap.add_argument("--dist", type=Path, default=DIST)
    ap.add_argument("--config", type=Path, default=CONFIG)
    args = ap.parse_args(argv)
    lock = read_lock(args.lock)
    wanted = pins_of(args.dist, args.config)
    stale = [p for p in wanted if p.key not in lock]
    if stale and not args.update:
        for p in stale:
            print(f"error: charts.lock has no entry for {p.name} {p.version} from {p.repo}",
                  file=sys.stderr)
        print("run `make charts UPDATE=1` and commit charts.lock", file=sys.stderr)
        return 2
    pins = [lock.get(p.key, p) for p in wanted]
    try:
        helm = ensure_helm()
    except ToolError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    pins, failures = sync(pins, helm, ChartCache(Settings.from_env().chart_cache))
    write_lock(pins, args.lock)
    for p in pins:
        print(f"  {p.name:<30} {p.version:<10} {p.digest or '(not pulled)'}")
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    print(f"{len(pins) - len(failures)}/{len(pins)} chart(s) cached")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
