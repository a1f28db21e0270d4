"""Preview what `make synth` would change in dist/ (`make diff`, DIFF=full for the patch).

Synthesizes the current config/ and source into a temporary directory and compares it with
the committed dist/: per Argo CD Application and per Terraform stack, the objects/resources
added (+), removed (-) and changed (~).
FORMAT=text (default), markdown (a pull-request comment) or json. A change is not an error:
exit 0 either way, unless --exit-code / DIFF_EXIT_CODE=1 (for CI: 1 when something would change);
2 when the synthesis itself failed.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path
from typing import Iterator

# The source root (never the repo root: its constructs/ folder would shadow the library).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "constructs"))

from tomoda_build import flags, guard
from tomoda_build.paths import CONFIG, DIST
from tomoda_build.settings import Settings
from tomoda_build.synth import SynthError
from tomoda_ops import diff, preview


@contextlib.contextmanager
def _trees(args) -> Iterator[tuple[Path, Path]]:
    """(old, new): the committed tree and a fresh synthesis, or --against and --dist."""
    if args.against is not None:
        yield args.against, args.dist
        return
    with preview.synthesized(args.config, cache=None if args.no_cache else Settings.from_env().synth_cache) as fresh:
        yield args.dist, fresh


def main(argv: list[str] | None = None) -> int:
    try:
        full = flags.choice("DIFF", ("", "full")) == "full"
        fmt = flags.choice("FORMAT", ("", "text", "markdown", "json")) or "text"
        exit_code = flags.boolean("DIFF_EXIT_CODE")
    except flags.FlagError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 epilog="Exit codes: 0 (with --exit-code: 0 no change, 1 changes), "
                                        "2 synthesis failed.")
    ap.add_argument("--format", choices=("text", "markdown", "json"), default=fmt,
                    help="output form (make: FORMAT=)")
    ap.add_argument("--exit-code", action="store_true", default=exit_code,
                    help="exit 1 when something would change (make: DIFF_EXIT_CODE=1)")
    ap.add_argument("--config", type=Path, default=CONFIG, help="config directory (default: config/)")
    ap.add_argument("--dist", type=Path, default=DIST, help="the tree to compare with (default: dist/)")
    ap.add_argument("--full", action="store_true", default=full,
                    help="also print the unified diff of every changed file (default: $DIFF == full)")
    ap.add_argument("--no-cache", action="store_true", help="re-run every synthesis target")
    ap.add_argument("--against", type=Path, default=None,
                    help="compare this tree (e.g. the base branch's dist/) with --dist instead of "
                         "synthesizing: what merging a pull request changes")
    args = ap.parse_args(argv)
    try:
        prefix = preview.repo_prefix(args.config)
        with _trees(args) as (old, new):
            result = diff.compare(old, new, prefix)
            going = guard.going_anywhere(old, new) if args.against is None else guard.going(old, new)
            args.dist, fresh = old, new
            patch = diff.unified(args.dist, fresh, result.files) if args.full and result.changed else ""
            if args.format == "json":
                print(json.dumps({**result.as_json(going), "patch": patch or None}, indent=2, sort_keys=True))
            elif args.format == "markdown":
                sys.stdout.write(result.markdown(going))
                if patch:
                    sys.stdout.write(f"\n<details><summary>patch</summary>\n\n```diff\n{patch}```\n\n</details>\n")
            else:
                print("\n".join(result.summary()))
                if going:
                    print(f"\nwarning: `make synth` will refuse this: {len(going)} stateful object(s) "
                          f"would go; to allow it: make synth ALLOW_DESTROY={','.join(going)}")
                if patch:
                    print()
                    sys.stdout.write(patch)
    except SynthError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 1 if result.changed and args.exit_code else 0


if __name__ == "__main__":
    sys.exit(main())
