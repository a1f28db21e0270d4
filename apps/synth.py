"""Synthesize the whole estate into dist/ (`make synth`).

Runs the Kubernetes and Terraform targets in parallel processes, reuses cached outputs of
targets whose inputs did not change, writes the result aside and swaps it in whole; then
regenerates docs/environments.md (only for the real dist/).
Exit codes: 0 ok, 1 synthesis failed or was refused, 2 invalid configuration.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# The source root (never the repo root: its constructs/ folder would shadow the library).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "constructs"))

from tomoda_build import console, flags
from tomoda_build.guard import DestroyRefused
from tomoda_build.paths import CONFIG, DIST
from tomoda_build.settings import Settings
from tomoda_build.synth import ConfigError, SynthError, synthesize
from tomoda_ops import envdoc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--config", type=Path, default=CONFIG, help="config directory (default: config/)")
    ap.add_argument("--out", type=Path, default=DIST, help="output directory (default: dist/)")
    ap.add_argument("--no-cache", action="store_true", help="re-run every target")
    ap.add_argument("--allow-destroy", default=os.environ.get("ALLOW_DESTROY", ""),
                    help="comma-separated kind/namespace/name of stateful objects that may go "
                         "(default: $ALLOW_DESTROY)")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="one line per Application directory / stack (default: one per target)")
    args = ap.parse_args(argv)
    try:
        verbose = args.verbose or flags.boolean("VERBOSE")
    except flags.FlagError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    allow = tuple(a.strip() for a in args.allow_destroy.split(",") if a.strip())
    out = args.out.resolve()
    try:
        synthesize(args.config.resolve(), out, cache=None if args.no_cache else Settings.from_env().synth_cache,
                   allow_destroy=allow, after_swap=envdoc.hook_for(out), verbose=verbose)
    except (SynthError, DestroyRefused) as exc:
        print(f"{console.paint('error:', 'red', sys.stderr)} {exc}", file=sys.stderr)
        print(f"{out.name}/ left untouched.", file=sys.stderr)
        return 2 if isinstance(exc, ConfigError) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
