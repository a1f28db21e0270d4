"""Promote a release to prod (`make release VERSION=vX.Y.Z [FORCE=1]`).

Validates the version (vMAJOR.MINOR.PATCH, strictly newer than the current prod version
unless --force), writes it as the image tag of every tenant whose build.trigger is
"release", re-synthesizes dist/ and prints what changed. It never touches git.
Exit codes: 0 released, 1 refused or failed (model and dist/ left as they were).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

# The source root (never the repo root: its constructs/ folder would shadow the library).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "constructs"))

from tomoda_build import flags
from tomoda_build.paths import CONFIG, DIST
from tomoda_build.settings import Settings
from tomoda_ops.release import ReleaseError, release


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    try:
        force, include_pending = flags.boolean("FORCE"), flags.boolean("INCLUDE_PENDING")
    except flags.FlagError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("version", nargs="?", default=flags.text("VERSION"),
                    help="the release, e.g. v1.4.0 (make: VERSION=, read from the environment)")
    ap.add_argument("--force", action="store_true", default=force,
                    help="allow the same or an older version (make: FORCE=1)")
    ap.add_argument("--config", type=Path, default=CONFIG, help="config directory (default: config/)")
    ap.add_argument("--dist", type=Path, default=DIST, help="output directory (default: dist/)")
    ap.add_argument("--docs", type=Path, default=None,
                    help="environments page to regenerate (default: docs/environments.md "
                         "when --dist is dist/)")
    ap.add_argument("--no-cache", action="store_true", help="re-run every synthesis target")
    args = ap.parse_args(argv)
    try:
        bumps, changes = release(args.config, args.dist, args.version, force=args.force,
                                 include_pending=include_pending,
                                 cache=None if args.no_cache else Settings.from_env().synth_cache,
                                 log=lambda line: print(line, file=sys.stderr), page=args.docs)
    except ReleaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("model and dist/ left untouched.", file=sys.stderr)
        return 1
    for b in bumps:
        print(f"{b.tenant}: image tag {b.old} -> {b.new}  ({_rel(b.path)})")
    print()
    print("\n".join(changes.summary()))
    print("\nNext: review (git diff), commit config/, dist/ and docs/ together, push; "
          "Argo CD syncs prod from the commit.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
