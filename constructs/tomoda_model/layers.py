"""Per-layer views of the Estate.

The Terraform layer gets an Estate whose Kubernetes-only fields (marked `K8S` in model.py)
are replaced by `Redacted`. Two consequences:
- the Terraform cache key is the hash of exactly what Terraform code can see, so a
  Kubernetes-only change never invalidates a Terraform stack;
- Terraform code that reads a Kubernetes-only field fails loudly instead of silently
  producing output the cache would not refresh.
"""
from __future__ import annotations

import dataclasses
import types
from typing import Any

from .model import Estate


class Redacted:
    """Stands in for a field the current layer must not read."""

    def __init__(self, path: str):
        object.__setattr__(self, "_path", path)

    def _fail(self, *_a: Any, **_k: Any):
        raise AttributeError(
            f"{self._path} is a Kubernetes-only field (metadata K8S in tomoda_model/model.py); "
            "the Terraform layer must not read it. Unmark it if Terraform needs it.")

    __getattr__ = __str__ = __iter__ = __len__ = __bool__ = __eq__ = __hash__ = __format__ = _fail
    __getitem__ = __int__ = __contains__ = _fail

    def __repr__(self) -> str:
        return f"<redacted {self._path}>"


def _redact(obj: Any, path: str) -> Any:
    if dataclasses.is_dataclass(obj):
        changes = {}
        for f in dataclasses.fields(obj):
            sub = f"{path}.{f.name}" if path else f.name
            value = getattr(obj, f.name)
            changes[f.name] = Redacted(sub) if f.metadata.get("layer") == "k8s" else _redact(value, sub)
        # A copy without validation: the model's own types would refuse a Redacted value.
        copy = object.__new__(type(obj))
        for name, value in changes.items():
            object.__setattr__(copy, name, value)
        return copy
    if isinstance(obj, types.MappingProxyType):
        return types.MappingProxyType({k: _redact(v, f"{path}.{k}") for k, v in obj.items()})
    return obj


def cloud_view(estate: Estate) -> Estate:
    """The Estate as the Terraform layer sees it."""
    return _redact(estate, "")


def plain(obj: Any) -> Any:
    """JSON-able form of a (possibly redacted) model, for cache keys."""
    if isinstance(obj, Redacted):
        return "<redacted>"
    if dataclasses.is_dataclass(obj):
        return {f.name: plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (dict, types.MappingProxyType)):
        return {k: plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [plain(v) for v in obj]
    if hasattr(obj, "value") and isinstance(obj, str):
        return obj.value
    return obj
