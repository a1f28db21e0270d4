"""The synthesis targets: one process each, each cached on the inputs it can see.

A target's cache key is the hash of (a) its view of the model - the Terraform targets see
the cloud view, where Kubernetes-only fields are redacted - (b) the source files its
process can import, and (c) the locked dependency set. Nothing else reaches the process,
so a hit can never be stale; the freshness gate (`make check`) re-synthesizes without the
cache to prove it.
"""
from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from tomoda_model import Estate
from tomoda_model.layers import cloud_view, plain

from .paths import ROOT

COMMON_SOURCES = ("constructs/tomoda_model", "constructs/tomoda_build/__init__.py",
                  "constructs/tomoda_build/bindings.py", "constructs/tomoda_build/paths.py",
                  "requirements.lock")


@dataclass(frozen=True)
class Target:
    name: str
    argv: tuple[str, ...]          # after `python`
    sources: tuple[str, ...]       # repo-relative files/dirs the process can import
    view: Callable[[Estate], object]

    def key(self, estate: Estate) -> str:
        h = hashlib.sha256()
        h.update(f"{self.name}\0{sys.version}\0".encode())
        h.update(json.dumps(plain(self.view(estate)), sort_keys=True).encode())
        for rel in sorted(set(self.sources + COMMON_SOURCES)):
            for path in _files(ROOT / rel):
                h.update(str(path.relative_to(ROOT)).encode() + b"\0")
                h.update(hashlib.sha256(path.read_bytes()).digest())
        return h.hexdigest()[:32]


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


TARGETS: tuple[Target, ...] = (
    Target("k8s", ("apps/k8s_main.py",),
           ("apps/k8s_main.py", "constructs/tomoda_k8s", "constructs/tomoda_build/yamlio.py",
            "imports"),
           lambda e: e),
    Target("tf-gcp", ("apps/tf_main.py", "--group", "gcp"),
           ("apps/tf_main.py", "constructs/tomoda_tf"), cloud_view),
    Target("tf-aws", ("apps/tf_main.py", "--group", "aws"),
           ("apps/tf_main.py", "constructs/tomoda_tf"), cloud_view),
)
