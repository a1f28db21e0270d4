"""Where each platform service writes: one file per service under its platform tier."""
from __future__ import annotations

from constructs import Construct

from .. import layout
from ..base import OutputChart

TIER_ATTRIBUTE = "tier_name"  # PlatformTier.tier_name


def tier_of(scope: Construct) -> str:
    """The platform tier `scope` is built in (the way aws-cdk's Stack.of finds a stack):
    `platform`, or `platform-<tag>` for another cluster's."""
    for node in reversed(scope.node.scopes):
        tier = getattr(node, TIER_ATTRIBUTE, None)
        if tier:
            return tier
    return layout.PLATFORM_TIER


def platform_file(scope: Construct, id: str, *, service: str) -> OutputChart:
    """One YAML file per platform service under the platform tier's directory."""
    return OutputChart(scope, id, output_path=f"{layout.tier_dir(tier_of(scope))}/{service}.yaml")
