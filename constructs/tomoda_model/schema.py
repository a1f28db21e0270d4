"""The model published as JSON Schema, for editors (taplo / Even Better TOML) and reviewers.

Generated from the model's types (pydantic), never written by hand: `make synth` and
`make docs` rewrite docs/schema/*.json, `make fresh` and `make check` fail when they are stale.
Two documents, one per kind of file:
- estate.schema.json: config/estate.toml (the Estate without its tenants);
- tenant.schema.json: config/tenants/<name>.toml, which holds only what differs from the
  model's defaults, so no key is required there except the tenant's OAuth client id.
The editor association lives in .taplo.toml and .vscode/settings.json. The schema is a
typing aid: the loader remains the judge (cross-field rules cannot be said in JSON Schema).
"""
from __future__ import annotations

import copy
import difflib
import json
import os
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .model import Estate, Tenant

DIRECTORY = "docs/schema"
GENERATED = "Generated from constructs/tomoda_model/model.py by `make synth`/`make docs`; do not edit."


def _without_required(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _without_required(v) for k, v in node.items() if k != "required"}
    if isinstance(node, list):
        return [_without_required(v) for v in node]
    return node


def estate_schema() -> dict:
    schema = TypeAdapter(Estate).json_schema()
    schema["properties"].pop("tenants")
    schema["required"].remove("tenants")
    while True:  # drop the definitions only the tenants used
        kept = {k: v for k, v in schema["$defs"].items() if _referenced(schema, k)}
        if len(kept) == len(schema["$defs"]):
            break
        schema["$defs"] = kept
    return _document(schema, "config/estate.toml", "The Tomoda estate: everything but the tenants.")


def tenant_schema() -> dict:
    schema = _without_required(TypeAdapter(Tenant).json_schema())
    schema["properties"].pop("name")  # the file's name is the tenant's name
    schema["required"] = ["build"]
    schema["$defs"]["Build"]["required"] = ["google_web_client_id"]
    return _document(schema, "config/tenants/<name>.toml",
                     "One tenant: only what differs from the model's defaults (tenant_defaults).")


def _referenced(schema: dict, name: str) -> bool:
    return f'"#/$defs/{name}"' in json.dumps(schema)


def _document(schema: dict, file: str, title: str) -> dict:
    out = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$comment": GENERATED,
           "title": title, "description": f"Schema of {file}."}
    out.update({k: v for k, v in copy.deepcopy(schema).items() if k not in ("title", "description")})
    return out


def render() -> dict[str, str]:
    """File name -> text of every schema document."""
    docs = {"estate.schema.json": estate_schema(), "tenant.schema.json": tenant_schema()}
    return {name: json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
            for name, doc in docs.items()}


def write(directory: Path) -> list[str]:
    """Rewrite the documents under `directory` that differ; the names of those rewritten."""
    directory.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in render().items():
        path = directory / name
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        tmp = path.with_name(f".{name}.tmp-{os.getpid()}")
        tmp.write_text(text, encoding="utf-8")
        os.chmod(tmp, 0o644)
        tmp.replace(path)
        changed.append(name)
    return changed


def staleness(directory: Path) -> list[str]:
    """One line per stale or missing document (empty when all are fresh)."""
    out = []
    for name, text in render().items():
        path = directory / name
        if not path.is_file():
            out.append(f"{DIRECTORY}/{name}: missing")
        elif path.read_text(encoding="utf-8") != text:
            diff = difflib.unified_diff(path.read_text(encoding="utf-8").splitlines(), text.splitlines(),
                                        lineterm="", n=0)
            first = next((d for d in list(diff)[2:] if d[:1] in "+-"), "")
            out.append(f"{DIRECTORY}/{name}: stale ({first.strip()[:80]})")
    return out
