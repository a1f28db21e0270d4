"""Reads config/estate.toml and config/tenants/*.toml into a validated Estate."""
from __future__ import annotations

import tomllib
from pathlib import Path

from .loader import ModelError, build
from .model import Estate
from .validate import validate

DEFAULT_CONFIG_DIR = Path(__file__).resolve().parents[2] / "config"


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ModelError(str(path), "file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ModelError(str(path), f"malformed TOML: {exc}") from None


def load_raw(config_dir: Path = DEFAULT_CONFIG_DIR) -> dict:
    """The plain data, tenants keyed by file name (sorted)."""
    config_dir = Path(config_dir)
    data = _read(config_dir / "estate.toml")
    if "tenants" in data:
        raise ModelError("tenants", "tenants are defined one per file in tenants/*.toml")
    tenants = {}
    for path in sorted((config_dir / "tenants").glob("*.toml")):
        raw = _read(path)
        if "name" in raw:
            raise ModelError(f"tenants.{path.stem}.name", "the tenant name is the file name; remove the key")
        tenants[path.stem] = {"name": path.stem, **raw}
    data["tenants"] = tenants
    return data


def load_estate(config_dir: Path = DEFAULT_CONFIG_DIR) -> Estate:
    return validate(build(Estate, load_raw(config_dir), ""))
