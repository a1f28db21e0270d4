"""`terraform init` + `plan` for each stack whose output changed (`make plan`).

Changed means: dist/terraform/<stack>/cdk.tf.json differs from git's BASE (default HEAD, so
the stacks your uncommitted synthesis changed; BASE=origin/main on a branch). STACKS=a,b or
STACKS=all chooses instead. Nothing runs unless dist/terraform is fresh and every credential
the selected stacks need is present; the message names what is missing, per stack.
Exit codes: 0 planned (changes or not) or nothing to plan; 1 a plan failed or dist/ is stale;
2 a bad Make variable, no terraform, or missing credentials.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable, Optional

# The source root (never the repo root: its constructs/ folder would shadow the library).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "constructs"))

from tomoda_build import flags
from tomoda_build.paths import CONFIG, DIST, ROOT
from tomoda_build.settings import Settings
from tomoda_build.synth import SynthError
from tomoda_ops import cli, fresh, plan


def _from_git(base: str) -> Callable[[str], Optional[bytes]]:
    ok = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"],
                        capture_output=True)
    if ok.returncode != 0:
        raise flags.FlagError(f"BASE={base!r} is not a commit of this repository")

    def read(rel: str) -> Optional[bytes]:
        shown = subprocess.run(["git", "-C", str(ROOT), "show", f"{base}:dist/{rel}"], capture_output=True)
        return shown.stdout if shown.returncode == 0 else None
    return read


def _from_tree(tree: Path) -> Callable[[str], Optional[bytes]]:
    return lambda rel: (tree / rel).read_bytes() if (tree / rel).is_file() else None


def _select(docs: dict, wanted: str, dist: Path, committed) -> list[str]:
    if wanted == "all":
        return list(docs)
    if wanted:
        names = [s.strip() for s in wanted.split(",") if s.strip()]
        unknown = [s for s in names if s not in docs]
        if unknown:
            raise flags.FlagError(f"STACKS={wanted!r}: no stack {', '.join(map(repr, unknown))} in "
                                  f"dist/terraform (stacks: {', '.join(docs)}; or STACKS=all)")
        return names
    return plan.changed(docs, dist, committed)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dist", type=Path, default=DIST, help="the output tree (default: dist/)")
    ap.add_argument("--against", type=Path, default=None,
                    help="compare with this tree instead of git's BASE (e.g. a checkout of main's dist/)")
    ap.add_argument("--skip-fresh", action="store_true",
                    help="do not check that dist/terraform matches config/ (it was just synthesized)")
    args = ap.parse_args(argv)
    try:
        wanted = flags.text("STACKS").strip()
        base = flags.text("BASE").strip() or "HEAD"
        docs = plan.stacks(args.dist)
        committed = _from_tree(args.against) if args.against else _from_git(base)
        selected = _select(docs, wanted, args.dist, committed)
    except flags.FlagError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not args.skip_fresh:
        try:
            stale = [p for p in fresh.problems(CONFIG, args.dist, ROOT / "docs" / "environments.md",
                                                  cache=Settings.from_env().synth_cache, log=lambda line: None)
                     if p.startswith(f"{args.dist.name}/{plan.TF_ROOT}/")]
        except SynthError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        if stale:
            cli.report_stale("dist/terraform does not match config/: run `make synth` first, then `make plan`:",
                             stale)
            return 1
    if not selected:
        against = args.against or base
        print(f"no stack's output differs from {against}: nothing to plan "
              f"(STACKS=all plans every stack; BASE=<commit> compares with another commit)")
        return 0
    order = plan.ordered(selected, docs)
    terraform = shutil.which("terraform")
    lacking = plan.missing({s: docs[s] for s in order}, plan.ambient_env(), Path.home())
    if terraform is None or lacking:
        print(f"cannot plan {', '.join(order)}:", file=sys.stderr)
        if terraform is None:
            print("  terraform is not on PATH (https://developer.hashicorp.com/terraform/install; "
                  "version 1.11 is what CI uses)", file=sys.stderr)
        for need, which in plan.by_need(lacking).items():
            print(f"  {need.describe()}\n    (needed by {', '.join(which)})", file=sys.stderr)
        return 2
    remote = [s for s in order if plan.upstream(docs[s]) & set(order)]
    for s in remote:
        print(f"note: {s} reads the applied state of {', '.join(sorted(plan.upstream(docs[s]) & set(order)))}: "
              f"its plan shows today's outputs; plan it again after applying those.")
    outcomes = plan.run(order, args.dist, plan.ambient_env(), terraform=terraform)
    print("\nplan summary:")
    for o in outcomes:
        print(o.line())
    return 1 if any(o.result.endswith("failed") for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
