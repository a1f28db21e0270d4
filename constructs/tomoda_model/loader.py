"""Typed loading of plain data (TOML) into the frozen dataclasses of the model.

Why not pydantic: the model must load in well under a second inside `make synth`'s no-op
path, and the rules we need are few: exact keys, exact types, and a dotted field path in
every error message so that an operator knows which line of which file to fix.
"""
from __future__ import annotations

import collections.abc
import dataclasses
import types
import typing
from typing import Any, get_args, get_origin, get_type_hints


class ModelError(ValueError):
    """A configuration value is missing, unknown, mistyped or inconsistent.

    `field` is the dotted path of the offending value (e.g. `tenants.dev.app.api_hpa.max`).
    """

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(f"{field}: {message}")


def _type_name(tp: Any) -> str:
    return getattr(tp, "__name__", None) or str(tp)


def build(cls: type, data: Any, path: str) -> Any:
    """Turn `data` (parsed TOML) into an instance of dataclass `cls`, checking every key."""
    if not isinstance(data, dict):
        raise ModelError(path, f"expected a table for {cls.__name__}, got {type(data).__name__}")
    hints = get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise ModelError(f"{path}.{unknown[0]}" if path else unknown[0],
                         f"unknown key (allowed: {', '.join(sorted(fields))})")
    kwargs = {}
    for name, f in fields.items():
        sub = f"{path}.{name}" if path else name
        if name in data:
            kwargs[name] = convert(hints[name], data[name], sub)
        elif _is_optional(hints[name]) and f.default is dataclasses.MISSING:
            kwargs[name] = None  # Optional fields may be left out of the file
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise ModelError(sub, "required key is missing")
    try:
        return cls(**kwargs)
    except ModelError:
        raise
    except (TypeError, ValueError) as exc:  # __post_init__ checks raise ModelError already
        raise ModelError(path or cls.__name__, str(exc)) from exc


def _is_optional(tp: Any) -> bool:
    return get_origin(tp) in (typing.Union, types.UnionType) and type(None) in get_args(tp)


def convert(tp: Any, value: Any, path: str) -> Any:
    origin = get_origin(tp)
    if dataclasses.is_dataclass(tp):
        return build(tp, value, path)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return convert(args[0], value, path)
    if origin is tuple:
        (item_tp, _ellipsis) = get_args(tp)
        if not isinstance(value, list):
            raise ModelError(path, f"expected a list, got {type(value).__name__}")
        return tuple(convert(item_tp, v, f"{path}[{i}]") for i, v in enumerate(value))
    if origin in (dict, collections.abc.Mapping):
        key_tp, val_tp = get_args(tp)
        if not isinstance(value, dict):
            raise ModelError(path, f"expected a table, got {type(value).__name__}")
        # Sorted so that iteration order never depends on how the file was written.
        return types.MappingProxyType(
            {k: convert(val_tp, value[k], f"{path}.{k}") for k in sorted(value)})
    if tp is bool:
        if not isinstance(value, bool):
            raise ModelError(path, f"expected true/false, got {value!r}")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ModelError(path, f"expected an integer, got {value!r}")
        return value
    if tp is str:
        if not isinstance(value, str):
            raise ModelError(path, f"expected a string, got {value!r}")
        return value
    if isinstance(tp, type) and issubclass(tp, str):  # str-based enums
        try:
            return tp(value)
        except ValueError:
            allowed = ", ".join(m.value for m in tp)  # type: ignore[attr-defined]
            raise ModelError(path, f"{value!r} is not one of: {allowed}") from None
    raise ModelError(path, f"unsupported type {_type_name(tp)}")
