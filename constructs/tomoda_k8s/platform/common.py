"""Where each platform service writes: one file per service under the platform tier."""
from __future__ import annotations

from constructs import Construct

from .. import layout
from ..base import OutputChart


def platform_file(scope: Construct, id: str, *, service: str) -> OutputChart:
    """One YAML file per platform service under the platform tier's directory."""
    return OutputChart(scope, id, output_path=f"{layout.tier_dir(layout.PLATFORM_TIER)}/{service}.yaml")
