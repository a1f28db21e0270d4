"""Scaffold a tenant (`make tenant NAME=<name> CLIENT_ID=<oauth client id>`).

Writes config/tenants/<name>.toml holding only what must differ, after validating the estate
with it, and prints the post-merge checklist. Exit codes: 0 written, 2 refused (nothing written).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

# The source root (never the repo root: its constructs/ folder would shadow the library).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "constructs"))

from tomoda_build import flags  # noqa: E402
from tomoda_build.paths import CONFIG  # noqa: E402
from tomoda_ops.scaffold import ScaffoldError, checklist, scaffold  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--name", default=flags.text("NAME"), help="the tenant's name (make: NAME=)")
    ap.add_argument("--client-id", default=flags.text("CLIENT_ID"),
                    help="its public Google OAuth client id (make: CLIENT_ID=)")
    ap.add_argument("--config", type=Path, default=CONFIG, help="config directory (default: config/)")
    args = ap.parse_args(argv)
    try:
        path, estate = scaffold(args.config, args.name, args.client_id)
    except ScaffoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("nothing written.", file=sys.stderr)
        return 2
    print(f"wrote {path} (names derive from {args.name!r}; see README \"Add a tenant\")")
    print("\n".join(checklist(estate, estate.tenants[args.name])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
