"""Synthesize the whole estate into dist/ (`make synth`).

Runs the Kubernetes and Terraform targets in parallel processes, reuses cached outputs of
targets whose inputs did not change, writes the result aside and swaps it in whole.
Exit codes: 0 ok, 1 synthesis failed or was refused, 2 invalid configuration.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tomoda_build.guard import DestroyRefused
from tomoda_build.paths import CACHE, CONFIG, DIST, ROOT
from tomoda_build.synth import SynthError, synthesize


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--config", type=Path, default=CONFIG, help="config directory (default: config/)")
    ap.add_argument("--out", type=Path, default=DIST, help="output directory (default: dist/)")
    ap.add_argument("--no-cache", action="store_true", help="re-run every target")
    ap.add_argument("--allow-destroy", default=os.environ.get("ALLOW_DESTROY", ""),
                    help="comma-separated kind/namespace/name of stateful objects that may go "
                         "(default: $ALLOW_DESTROY)")
    args = ap.parse_args(argv)
    allow = tuple(a.strip() for a in args.allow_destroy.split(",") if a.strip())
    out = args.out.resolve()
    try:
        synthesize(args.config.resolve(), out,
                   cache=None if args.no_cache else CACHE, allow_destroy=allow)
    except SynthError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("dist/ left untouched.", file=sys.stderr)
        return 2 if "invalid configuration" in str(exc) else 1
    except DestroyRefused as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("dist/ left untouched.", file=sys.stderr)
        return 1
    if out == DIST.resolve():
        # docs/environments.md is generated from the model and the dist/ just swapped in;
        # only the real dist/ has a page (a synth into a scratch directory leaves it alone).
        from tomoda_model import load_estate
        from tomoda_ops import envdoc
        if envdoc.write(load_estate(args.config), out, ROOT / envdoc.OUTPUT):
            print(f"{envdoc.OUTPUT} updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
