"""Check that dist/ and docs/environments.md match the source (`make fresh`, the pre-commit hook).

Synthesizes into a temporary directory (cached) and compares; lists every stale file.
Exit codes: 0 fresh, 1 stale (run `make synth docs`), 2 the synthesis itself failed.
"""
from __future__ import annotations

import sys
from pathlib import Path

# The source root (never the repo root: its constructs/ folder would shadow the library).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "constructs"))

from tomoda_build.settings import Settings
from tomoda_build.synth import SynthError
from tomoda_ops import cli, fresh


def main(argv: list[str] | None = None) -> int:
    ap = cli.parser(__doc__, "committed output", page="--docs")
    ap.add_argument("--no-cache", action="store_true", help="re-run every synthesis target")
    ap.add_argument("-v", "--verbose", action="store_true", help="show the synthesis log")
    args = ap.parse_args(argv)
    log = (lambda line: print(line, file=sys.stderr)) if args.verbose else (lambda line: None)
    try:
        found = fresh.problems(args.config, args.dist, args.page,
                               cache=None if args.no_cache else Settings.from_env().synth_cache, log=log)
    except SynthError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if found:
        cli.report_stale("stale output: the source does not produce what is committed:", found,
                         "run `make synth docs` and stage dist/ and docs/ with your change.")
        return 1
    print("dist/ and docs/environments.md are fresh")
    return 0


if __name__ == "__main__":
    sys.exit(main())
