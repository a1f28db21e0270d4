"""Generate docs/environments.md from the model and dist/ (`make docs`; --check: is it fresh?).

The page is the dev/prod matrix (one column per tenant), every Argo CD Application and
every Terraform stack with its resource counts. Run it after `make synth`.
Exit codes: 0 written or fresh, 1 stale (--check), 2 invalid configuration.
"""
from __future__ import annotations

import sys
from pathlib import Path

# The source root (never the repo root: its constructs/ folder would shadow the library).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "constructs"))

from tomoda_build.synth import SynthError, load
from tomoda_model import schema
from tomoda_ops import cli, envdoc


def main(argv: list[str] | None = None) -> int:
    ap = cli.parser(__doc__, "synthesized tree to read", page="--out")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if the page is stale")
    args = ap.parse_args(argv)
    try:
        estate = load(args.config)
    except SynthError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    schemas = args.page.parent / "schema"
    if args.check:
        stale = envdoc.staleness(estate, args.dist, args.page)
        if stale:
            sys.stdout.write(stale)
            print(f"{args.page} is stale: run `make docs`", file=sys.stderr)
        for line in schema.staleness(schemas):
            print(f"{line}: run `make docs`", file=sys.stderr)
            stale = stale or line
        if stale:
            return 1
        print(f"{args.page.name} and schema/ are fresh")
        return 0
    changed = envdoc.write(estate, args.dist, args.page)
    print(f"{args.page.name} {'updated' if changed else 'unchanged'}")
    for name in schema.write(schemas):
        print(f"schema/{name} updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
