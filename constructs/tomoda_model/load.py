"""Reads config/estate.toml and config/tenants/*.toml into a validated Estate.

1. Each file is read defensively (loader.read): any file-system oddity is a problem, not a
   traceback.
2. A tenant file holds only what differs: it is laid over `tenant_defaults(name, domain)`.
3. pydantic structures the data into the model, checking every field's rule.
4. The model's cross-field rules (`Estate.issues`) run.
Every problem is located (file, line, column, field) and all are raised at once.
"""
from __future__ import annotations

import dataclasses
import re
import typing
from pathlib import Path
from typing import Any, Optional, get_args, get_origin

from pydantic import TypeAdapter, ValidationError

from .loader import ModelError, Problem, Source, dotted, got, read, suggest
from .model import Estate, tenant_defaults
from .rules import CREDENTIAL_ADVICE, credential_in

DEFAULT_CONFIG_DIR = Path(__file__).resolve().parents[2] / "config"
ESTATE_FILE = "estate.toml"
TENANT_NAME = re.compile(r"[a-z0-9][-a-z0-9]{0,24}[a-z0-9]")  # Tenant.name: a label of 2-26
TENANTS_DIR = "tenants"

_ADAPTER: Optional[TypeAdapter] = None


def adapter() -> TypeAdapter:
    global _ADAPTER  # built once per process: building the validator costs ~0.1 s
    if _ADAPTER is None:
        _ADAPTER = TypeAdapter(Estate)
    return _ADAPTER


def deep_merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        out[k] = deep_merge(base[k], v) if isinstance(v, dict) and isinstance(base.get(k), dict) else v
    return out


def relative(path: Path) -> Path:
    """`path` as the user would type it from here (errors name files the way `make` is run)."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return Path(path)


class Files:
    """The config files of one load, and how a field path maps to one of them."""

    def __init__(self, config_dir: Path, shown_as: Optional[Path]):
        self.dir = config_dir
        self.shown = shown_as or relative(config_dir)
        self.sources: dict[tuple, Source] = {}

    def shown_path(self, *parts: str) -> str:
        return str(Path(self.shown, *parts))

    def where(self, path: tuple) -> tuple[Optional[Source], tuple]:
        if len(path) >= 2 and path[0] == "tenants":
            return self.sources.get(("tenants", path[1])), path[2:]
        return self.sources.get(()), path

    def problem(self, path: tuple, message: str) -> Problem:
        source, inner = self.where(path)
        if source is None:
            return Problem(self.shown_path(ESTATE_FILE), 1, 1, dotted(path), message)
        return source.at(inner, dotted(path), message)


def _raw(files: Files) -> tuple[dict, list[Problem]]:
    problems: list[Problem] = []
    estate, source, found = read(files.dir / ESTATE_FILE, files.shown_path(ESTATE_FILE))
    problems += found
    if source is not None:
        files.sources[()] = source
    estate = estate or {}
    if "tenants" in estate:
        problems.append(files.problem(("tenants",), "tenants are defined one per file in tenants/*.toml"))
        estate.pop("tenants")
    tenants_dir = files.dir / TENANTS_DIR
    tenants: dict[str, Any] = {}
    if not tenants_dir.is_dir():
        problems.append(Problem(files.shown_path(TENANTS_DIR), 1, 1, "tenants",
                                "missing directory: one file per tenant, tenants/<name>.toml"))
    else:
        domain = estate.get("domain") if isinstance(estate.get("domain"), str) else "invalid.example"
        for path in sorted(tenants_dir.iterdir(), key=lambda p: p.name):
            if path.name.startswith(".") or not path.name.endswith(".toml"):
                continue
            name = path.name[:-len(".toml")]
            if not TENANT_NAME.fullmatch(name):
                problems.append(Problem(files.shown_path(TENANTS_DIR, path.name), 1, 1, f"tenants.{name}",
                                        f"the file name is the tenant's name, which every name derives from: "
                                        f"2-26 lowercase letters, digits and '-' (got {name!r})"))
                continue
            data, source, found = read(path, files.shown_path(TENANTS_DIR, path.name))
            problems += found
            if source is None:
                continue
            files.sources[("tenants", name)] = source
            if "name" in data:
                problems.append(files.problem(("tenants", name, "name"),
                                              "the tenant name is the file name; remove the key"))
                data.pop("name")
            tenants[name] = deep_merge(tenant_defaults(name, domain), data)
            tenants[name]["name"] = name
    estate["tenants"] = tenants
    return estate, problems


def _field_names(tp: Any, path: tuple) -> list[str]:
    """The keys a table at `path` of the model may hold (for did-you-mean)."""
    for step in path:
        tp = _unwrap(tp)
        if dataclasses.is_dataclass(tp):
            hints = typing.get_type_hints(tp, include_extras=True)
            if step not in hints:
                return []
            tp = hints[step]
        elif get_origin(tp) in (dict, typing.Mapping, __import__("collections.abc").abc.Mapping):
            tp = get_args(tp)[1]
        elif get_origin(tp) is tuple:
            tp = get_args(tp)[0]
        else:
            return []
    tp = _unwrap(tp)
    return [f.name for f in dataclasses.fields(tp) if f.name != "name"] if dataclasses.is_dataclass(tp) else []


def _unwrap(tp: Any) -> Any:
    while True:
        origin = get_origin(tp)
        if origin is typing.Annotated:
            tp = get_args(tp)[0]
        elif origin in (typing.Union, __import__("types").UnionType):
            tp = next(a for a in get_args(tp) if a is not type(None))
        else:
            return tp


def _structural(files: Files, error: ValidationError) -> list[Problem]:
    out = []
    for e in error.errors(include_url=False):
        loc = tuple(p for p in e["loc"] if p != "[key]")
        kind, message = e["type"], e["msg"]
        if CREDENTIAL_ADVICE in message:
            continue  # _credentials reported it already, for every field
        if kind == "too_short" and e.get("input"):
            continue  # an item failed (reported on its own), so fewer items "remain"
        if kind == "missing":
            message = "required key is missing"
        elif kind in ("extra_forbidden", "unexpected_keyword_argument"):
            allowed = _field_names(Estate, loc[:-1])
            message = f"unknown key{suggest(loc[-1], allowed)} (allowed: {', '.join(sorted(allowed))})"
        elif kind == "enum":
            expected = (e.get("ctx") or {}).get("expected", "")
            choices = [c.strip(" '") for c in expected.replace(" or ", ",").split(",") if c.strip()]
            message = f"{got(e['input'])} is not one of: {', '.join(choices)}{suggest(e['input'], choices)}"
        else:
            message = message.removeprefix("Value error, ")
            message = f"{message} (got {got(e['input'])})"
        out.append(files.problem(loc, message))
    return out


def _credentials(files: Files, raw: dict) -> list[Problem]:
    """Whatever the field, a value that looks like a credential is refused (it would reach
    dist/ and docs/)."""
    out = []

    def walk(node: Any, path: tuple) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, path + (k,))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, path + (i,))
        elif isinstance(node, str):
            what = credential_in(node)
            if what:
                out.append(files.problem(path, f"looks like {what}: {CREDENTIAL_ADVICE}"))

    walk(raw, ())
    return out


def config_files(config_dir: Path) -> list[Path]:
    """The files a load reads, relative to `config_dir` (what a snapshot must copy)."""
    tenants = Path(config_dir) / TENANTS_DIR
    names = sorted(p.name for p in tenants.iterdir()) if tenants.is_dir() else []
    return [Path(ESTATE_FILE)] + [Path(TENANTS_DIR, n) for n in names
                                  if not n.startswith(".") and n.endswith(".toml")]


def snapshot(config_dir: Path, dest: Path) -> None:
    """Copy what a load of `config_dir` reads into `dest` (contents only: a symlink becomes
    the file it points to; nothing else is copied, so nothing unreadable can block it)."""
    for rel in config_files(config_dir):
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((Path(config_dir) / rel).read_bytes())


def load_raw(config_dir: Path = DEFAULT_CONFIG_DIR) -> dict:
    """The plain data (tenant defaults applied), or a ModelError."""
    files = Files(Path(config_dir), None)
    raw, problems = _raw(files)
    if problems:
        raise ModelError(problems)
    return raw


def load_estate(config_dir: Path = DEFAULT_CONFIG_DIR, shown_as: Optional[Path] = None) -> Estate:
    files = Files(Path(config_dir), shown_as)
    raw, problems = _raw(files)
    problems += _credentials(files, raw)
    try:
        estate = adapter().validate_python(raw)
    except ValidationError as exc:
        raise ModelError(problems + _structural(files, exc)) from None
    problems += [files.problem(path, message) for path, message in estate.issues()]
    if problems:
        raise ModelError(problems)
    return estate
