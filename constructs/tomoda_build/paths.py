"""Where things are. The repo root is never put on sys.path (see `bindings.py`); what may be
moved by the environment is in `settings.py`."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "config"
DIST = ROOT / "dist"
IMPORTS = ROOT / "imports"
