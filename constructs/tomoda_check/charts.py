"""Charts: every value we give a Helm chart is one the chart knows, of the type it expects.

A key a chart ignores is a silent misconfiguration in production. For every chart
Application and the Argo CD helm_release, against the pinned chart's own data in CHARTS_DIR
(`<chart>/<version>/` with Chart.yaml, values.yaml and values.schema.json where the chart has
one; subcharts under `deps/<name>/`):
- the pinned version has data (missing: the chart cannot be verified, which fails by name);
- our values merged over the chart's defaults validate against its values.schema.json;
- every key path we set is declared in values.yaml (a subchart's under its alias), or sits
  under a free-form map or list there, or is listed in check-allowlist.toml [[chart_values]]
  with a reason citing the template that reads it;
- a value's type matches its default's (a map where the chart has a scalar is a key under the
  wrong parent).
Rendering the real charts (`make charts`, tomoda_check.render) verifies the declared chart
facts; it runs only where a chart cache exists.
"""
from __future__ import annotations

import fnmatch
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import jsonschema
import yaml


from .context import Context, HelmRelease, dotted
from .findings import Findings

GLOBAL = "global"  # Helm's values shared by a chart and its subcharts


@dataclass
class ChartData:
    name: str
    version: str
    defaults: dict
    schema: Optional[dict]
    deps: dict[str, "ChartData"] = field(default_factory=dict)  # by alias, else name


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None


def load_chart(directory: Path, name: str, version: str) -> ChartData:
    meta = _yaml(directory / "Chart.yaml") or _yaml(directory / "Chart.template.yaml") or {}
    schema_file = directory / "values.schema.json"
    data = ChartData(name, version, _yaml(directory / "values.yaml") or {},
                     json.loads(schema_file.read_text(encoding="utf-8")) if schema_file.is_file() else None)
    for dep in meta.get("dependencies") or []:
        dep_dir = directory / "deps" / dep["name"]
        if dep_dir.is_dir():
            data.deps[dep.get("alias") or dep["name"]] = load_chart(dep_dir, dep["name"],
                                                                    str(dep.get("version", "")))
    return data


@lru_cache(maxsize=None)
def chart_data(charts_dir: str, chart: str, version: str) -> Optional[ChartData]:
    directory = Path(charts_dir) / chart / version
    return load_chart(directory, chart, version) if directory.is_dir() else None


def leaves(values: Any, path: tuple = ()) -> list[tuple[tuple, Any]]:
    """Every path we set: into maps, not into lists (a list is one value)."""
    if isinstance(values, dict) and values:
        return [leaf for k, v in values.items() for leaf in leaves(v, path + (k,))]
    return [(path, values)]


def merge(base: Any, over: Any) -> Any:
    """Helm's coalescing: maps merge key by key, anything else replaces."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for k, v in over.items():
            out[k] = merge(base.get(k), v) if k in base else v
        return out
    return over


def _type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "map"
    return "null"


def _schema_allows(schema: Optional[dict], path: tuple) -> bool:
    """Whether a values schema declares `path` (properties, or an open additionalProperties)."""
    node = schema
    for key in path:
        if not isinstance(node, dict):
            return False
        props = node.get("properties") or {}
        if key in props:
            node = props[key]
        elif node.get("additionalProperties") not in (None, False) or node.get("patternProperties"):
            return True
        else:
            return False
    return True


@dataclass
class Verdict:
    ok: bool
    problem: str = ""


def declared(data: ChartData, path: tuple, value: Any) -> Verdict:
    """Whether values.yaml (the chart's, or a subchart's under its alias) declares `path`."""
    verdict = _declared_here(data, path, value)
    if not verdict.ok and path and path[0] in data.deps:
        # the parent may override part of a subchart's values; the rest are the subchart's
        in_dep = declared(data.deps[path[0]], path[1:], value)
        if in_dep.ok:
            return in_dep
    return verdict


def _declared_here(data: ChartData, path: tuple, value: Any) -> Verdict:
    node: Any = data.defaults
    for i, key in enumerate(path):
        if i == 0 and key == GLOBAL:
            return Verdict(True)
        if isinstance(node, dict):
            if key in node:
                node = node[key]
                continue
            if not node:
                return Verdict(True)  # a free-form map in values.yaml (e.g. `podLabels: {}`)
            if _schema_allows(data.schema, path[:i + 1]):
                return Verdict(True)
            return Verdict(False, f"{dotted(path[:i + 1])} is not a key of chart {data.name} "
                                  f"{data.version} (values.yaml has no {key!r} under "
                                  f"{dotted(path[:i]) or 'the top level'})")
        if node is None or isinstance(node, list):
            return Verdict(True)  # a commented-out default, or list items: free-form
        return Verdict(False, f"{dotted(path[:i + 1])}: chart {data.name} {data.version} has a "
                              f"{_type(node)} at {dotted(path[:i])}, so {key!r} is under the "
                              f"wrong parent")
    want, got = _type(node), _type(value)
    if want not in ("null", got) and not (want == "map" and got == "null"):
        return Verdict(False, f"{dotted(path)} is a {got} ({value!r:.40}); chart {data.name} "
                              f"{data.version} expects a {want} (values.yaml default {node!r:.40})")
    return Verdict(True)


def _validator_class(schema: dict):
    """The draft a chart's schema declares (Helm reads draft 4 to 2020-12; default 7)."""
    declared_draft = str(schema.get("$schema", ""))
    for marker, cls in (("2020-12", jsonschema.Draft202012Validator),
                        ("2019-09", jsonschema.Draft201909Validator),
                        ("draft-04", jsonschema.Draft4Validator),
                        ("draft-06", jsonschema.Draft6Validator)):
        if marker in declared_draft:
            return cls
    return jsonschema.Draft7Validator


def _sensitive_paths(ctx: Context, rel: HelmRelease) -> list[tuple]:
    """Keys a Terraform helm_release sets with set/set_sensitive (dots escaped as `\\.`)."""
    out = []
    for r in ctx.resources("helm_release"):
        if str(r) != rel.owner:
            continue
        for entry in (r.body.get("set") or []) + (r.body.get("set_sensitive") or []):
            name = str(entry.get("name", "")).replace("\\.", "\0")
            out.append(tuple(p.replace("\0", ".") for p in name.split(".")))
    return out


def _allowed(ctx: Context, chart: str, path: tuple) -> bool:
    for e in ctx.allow.entries("chart_values"):
        if e["chart"] == chart and fnmatch.fnmatchcase(dotted(path), e["path"]):
            return True
    return False


def check(ctx: Context, charts_dir: Optional[Path] = None) -> Findings:
    charts_dir = charts_dir or ctx.settings.charts_dir
    f = Findings("charts")
    if not charts_dir.is_dir():
        f.fail(f"CHARTS_DIR {charts_dir} is missing: no chart value can be verified (CI has "
               f"../shared beside the clone; set CHARTS_DIR to override)")
        return f
    for rel in ctx.helm_releases:
        f.count()
        data = chart_data(str(charts_dir), rel.chart, rel.version)
        if data is None:
            f.fail(f"chart {rel.chart} {rel.version} ({rel.owner}) has no data in {charts_dir}: "
                   f"its values cannot be verified against the chart")
            continue
        paths = leaves(rel.values) + [(p, "<sensitive>") for p in _sensitive_paths(ctx, rel)]
        problems: list[str] = []
        for path, value in paths:
            if not path:
                continue
            f.count()
            verdict = declared(data, path, value if value != "<sensitive>" else None)
            if not verdict.ok and not _allowed(ctx, rel.chart, path) and verdict.problem not in problems:
                problems.append(verdict.problem)
        for problem in problems:
            f.fail(f"{rel.owner}: {problem}")
        if data.schema is not None:
            merged = merge(data.defaults, rel.values)
            validator = _validator_class(data.schema)(data.schema)
            for error in sorted(validator.iter_errors(merged), key=lambda e: list(e.path))[:5]:
                f.fail(f"{rel.owner}: values do not match {rel.chart} {rel.version}'s "
                       f"values.schema.json at {dotted(tuple(error.path)) or '<root>'}: "
                       f"{error.message[:200]}")
    from .render import verify
    verify(ctx, f)
    return f
