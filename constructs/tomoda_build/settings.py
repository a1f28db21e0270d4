"""Where the tools find and keep things outside the sources, read from the environment once.

An entry point (apps/*.py) calls `Settings.from_env()` and passes the object (or the one path
it holds that a function needs) down; no module reads the environment when it is imported,
so a test builds the Settings it wants instead of setting variables before an import.
An empty variable counts as unset.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional

from .paths import ROOT

SHARED = ROOT.parent / "shared"  # CI has ../shared beside the clone


@dataclass(frozen=True)
class Settings:
    synth_cache: Path   # TOMODA_CACHE: the synthesis cache (tests and benchmarks use private ones)
    chart_cache: Path   # TOMODA_CHART_CACHE: pulled chart archives (`make charts`)
    charts_dir: Path    # CHARTS_DIR: the pinned charts' Chart.yaml, values and schemas
    crd_dir: Path       # CRD_DIR: upstream CRDs at the pinned versions
    checkov: Path       # CHECKOV: the checkov executable (its own virtualenv)
    tf_mirror: Path     # TF_PROVIDER_MIRROR: the local Terraform provider mirror
    ci: bool = False    # CI: a tool that cannot run fails the check instead of noting it

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> "Settings":
        env = os.environ if env is None else env

        def path(name: str, default: Path) -> Path:
            return Path(env.get(name) or default)

        return cls(
            synth_cache=path("TOMODA_CACHE", ROOT / ".cache" / "synth"),
            chart_cache=path("TOMODA_CHART_CACHE", ROOT / ".cache" / "charts"),
            charts_dir=path("CHARTS_DIR", SHARED / "charts"),
            crd_dir=path("CRD_DIR", SHARED / "crds"),
            checkov=path("CHECKOV", ROOT / ".venv-checkov" / "bin" / "checkov"),
            tf_mirror=path("TF_PROVIDER_MIRROR", Path("/opt/tf-plugins")),
            ci=bool(env.get("CI")))
