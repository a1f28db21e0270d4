"""What the apps' command lines share: the --config/--dist options and the stale-file report."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Iterable

from tomoda_build.paths import CONFIG, DIST, ROOT


def parser(doc: str, dist_help: str, page: str = "") -> argparse.ArgumentParser:
    """An app's parser (described by its docstring's first line) with --config and --dist,
    and, when `page` names its flag, the generated page (docs/environments.md)."""
    from .envdoc import OUTPUT  # local: envdoc reads trees, the parser only needs its path

    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--config", type=Path, default=CONFIG, help="config directory (default: config/)")
    ap.add_argument("--dist", type=Path, default=DIST, help=f"{dist_help} (default: dist/)")
    if page:
        ap.add_argument(page, type=Path, default=ROOT / OUTPUT, dest="page",
                        help=f"the generated page (default: {OUTPUT})")
    return ap


def report_stale(header: str, lines: Iterable[str], advice: str = "") -> None:
    """On stderr: what is stale, one indented line each, then what to do."""
    print(header, file=sys.stderr)
    for line in lines:
        print(f"  {line}", file=sys.stderr)
    if advice:
        print(advice, file=sys.stderr)
