"""Where things are. The repo root is never put on sys.path (see `bindings.py`)."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "config"
DIST = ROOT / "dist"
IMPORTS = ROOT / "imports"
# TOMODA_CACHE moves the synthesis cache (tests and benchmarks use private ones).
CACHE = Path(os.environ.get("TOMODA_CACHE", ROOT / ".cache" / "synth"))
