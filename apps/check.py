"""Verify a dist/ tree (`make check`): fresh, schema-valid, wired, secure, tool-accepted.

Families: freshness (dist/ == a fresh uncached synth), schemas (Kubernetes OpenAPI + CRD
schemas), wiring (references inside the Kubernetes layer), crosslayer (Kubernetes <->
Terraform), policy (secrets, tags, limits, pins), checkov, tools (kubectl kustomize,
terraform validate). Exceptions live in the reviewed check-allowlist.toml.
Exit codes: 0 all passed, 1 a check failed, 2 bad usage or configuration.
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

# The source root (never the repo root: its constructs/ folder would shadow the library).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "constructs"))

from tomoda_build import flags
from tomoda_build.paths import CONFIG, DIST
from tomoda_check import FAMILIES, run
from tomoda_build.settings import Settings
from tomoda_model import ModelError


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--args-from-env" in argv:  # make check CHECK_ARGS=...: split here, never by a shell
        try:
            extra = flags.arguments("CHECK_ARGS")
        except flags.FlagError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        argv = [a for a in argv if a != "--args-from-env"] + extra
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 epilog=" ".join(__doc__.splitlines()[2:]))
    ap.add_argument("--dist", type=Path, default=DIST, help="tree to verify (default: dist/)")
    ap.add_argument("--config", type=Path, default=CONFIG,
                    help="model the tree was synthesized from (default: config/)")
    ap.add_argument("--skip-freshness", action="store_true",
                    help="do not re-synthesize to compare (e.g. on a mutated copy)")
    ap.add_argument("--only", action="append", choices=FAMILIES, metavar="FAMILY",
                    help=f"run only this family (repeatable): {', '.join(FAMILIES)}")
    settings = Settings.from_env()
    ap.add_argument("--crd-dir", type=Path, default=settings.crd_dir,
                    help="CRDs for custom resource schemas (default: $CRD_DIR or ../shared/crds)")
    ap.add_argument("-q", "--quiet", action="store_true", help="print failures and summary only")
    args = ap.parse_args(argv)
    families = [f for f in FAMILIES if f in (args.only or FAMILIES)]
    if args.skip_freshness and "freshness" in families:
        families.remove("freshness")
    dist, config = args.dist.resolve(), args.config.resolve()
    if not dist.is_dir():
        print(f"error: {dist} does not exist (run `make synth`)", file=sys.stderr)
        return 2
    try:
        results = run(dist, config, families=families,
                      settings=dataclasses.replace(settings, crd_dir=args.crd_dir.resolve()))
    except ModelError as exc:
        print(f"error: invalid configuration:\n{exc}", file=sys.stderr)
        return 2
    for r in results:
        if r.failures or (r.notes and not args.quiet):
            print(f"--- {r.family}")
        if not args.quiet:
            for n in r.notes:
                print(f"  note: {n}")
        for msg in r.failures:
            print(f"  FAIL: {msg}")
    print(f"make check on {dist}:")
    for r in results:
        print(f"  {r.summary()}")
    failed = [r.family for r in results if r.failures]
    print(f"{'FAILED: ' + ', '.join(failed) if failed else 'all checks passed'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
