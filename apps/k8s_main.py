"""Synthesizes every Kubernetes file of the estate into OUT (called by `make synth`).

Usage: python apps/k8s_main.py --config config --out <staging dir>
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

# The source root (never the repo root: its constructs/ folder would shadow the library).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "constructs"))

from tomoda_build.bindings import register_imports

register_imports()

import cdk8s  # noqa: E402

from tomoda_build import yamlio  # noqa: E402
from tomoda_k8s.base import render  # noqa: E402
from tomoda_k8s.estate import build_k8s  # noqa: E402
from tomoda_model import load_estate  # noqa: E402


def synth(config: Path, out: Path) -> list[str]:
    estate = load_estate(config)
    app = cdk8s.App()
    build_k8s(app, estate)
    written = []
    for rel, docs in sorted(render(app).items()):
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yamlio.dump_all(docs), encoding="utf-8")
        written.append(rel)
    return written


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--config", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    started = time.monotonic()
    written = synth(args.config, args.out)
    print(f"k8s: {len(written)} files in {time.monotonic() - started:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
