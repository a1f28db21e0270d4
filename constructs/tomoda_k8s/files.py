"""Non-Kubernetes files rendered alongside the manifests (e.g. kustomization.yaml)."""
from __future__ import annotations

from typing import Any

from constructs import Construct


class PlainFile(Construct):
    """A YAML document written verbatim to `output_path` (relative to dist/)."""

    def __init__(self, scope: Construct, id: str, *, output_path: str, content: Any):
        super().__init__(scope, id)
        self.output_path = output_path
        self.content = content
