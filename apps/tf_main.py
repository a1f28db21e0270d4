"""Synthesizes one group of Terraform stacks into OUT/terraform/<stack>/cdk.tf.json.

Usage: python apps/tf_main.py --group gcp|aws --config config --out <staging dir>
       (no --group: every group in one App, as `cdktf synth/deploy` runs it via cdktf.json)
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

# The source root (never the repo root: its constructs/ folder would shadow the library).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "constructs"))

from tomoda_build.bindings import lazy_providers

lazy_providers()  # before anything imports a provider package

import cdktf  # noqa: E402

from tomoda_model import load_estate  # noqa: E402
from tomoda_model.layers import cloud_view  # noqa: E402
from tomoda_tf.stacks import GROUPS  # noqa: E402


def synth(groups: list[str], config: Path, outdir: Path) -> list[str]:
    estate = cloud_view(load_estate(config))
    app = cdktf.App(outdir=str(outdir), skip_validation=False)
    names = []
    for group in groups:
        names += [s.node.id for s in GROUPS[group](app, estate)]
    app.synth()
    return names


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--group", choices=sorted(GROUPS))
    ap.add_argument("--config", type=Path, default=Path(__file__).resolve().parents[1] / "config")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    groups = [args.group] if args.group else sorted(GROUPS)
    if args.out is None:  # run by the cdktf CLI: write where it asks, in its layout
        synth(groups, args.config, Path(os.environ.get("CDKTF_OUTDIR", "cdktf.out")))
        return 0
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        names = synth(groups, args.config, Path(tmp))
        for name in names:
            src = Path(tmp) / "stacks" / name / "cdk.tf.json"
            doc = json.loads(src.read_text(encoding="utf-8"))
            dest = args.out / "terraform" / name / "cdk.tf.json"
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"terraform[{','.join(groups)}]: {len(names)} stacks in {time.monotonic() - started:.1f}s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
