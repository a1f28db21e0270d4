"""Install the git pre-commit hook that runs the freshness check (`make hooks`).

The hook runs `make -s fresh` (apps/fresh.py) before every commit, so nobody commits source
without its dist/ and docs/environments.md. Exit codes: 0 installed, 1 refused.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

# The source root (never the repo root: its constructs/ folder would shadow the library).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "constructs"))

from tomoda_build.paths import ROOT
from tomoda_ops import hooks


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hooks-dir", type=Path, help="install here (default: this repository's git hooks dir)")
    ap.add_argument("--force", action="store_true", help="replace an existing pre-commit hook that is not ours")
    ap.add_argument("--print", action="store_true", dest="show", help="print the hook script, install nothing")
    args = ap.parse_args(argv)
    if args.show:
        sys.stdout.write(hooks.script())
        return 0
    try:
        hook = hooks.install(args.hooks_dir or hooks.hooks_dir(ROOT), force=args.force)
    except hooks.HookError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"installed {hook} (runs `{hooks.COMMAND}` before each commit)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
