"""Narrow props: constructs take the few typed values they need, never the whole estate.

Only the composition roots read the `Estate` (they resolve props once and hand objects on);
read from the source, so a new construct that takes `estate` fails here by name.
"""
from __future__ import annotations

import ast
from pathlib import Path

from support import ROOT

LAYERS = ("constructs/tomoda_k8s", "constructs/tomoda_tf")
# The composition roots: the only modules of the two layers that may read the estate.
ROOTS = {"constructs/tomoda_k8s/estate.py", "constructs/tomoda_k8s/props.py",
         "constructs/tomoda_k8s/platform/props.py",
         "constructs/tomoda_k8s/tenant/props.py", "constructs/tomoda_tf/stacks.py"}


def estate_takers(source: str) -> list[str]:
    """Functions and methods with a parameter named `estate` or annotated `Estate`, and
    imports of `Estate`: 'line: what' for each."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args
            for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
                annotation = ast.unparse(a.annotation) if a.annotation else ""
                if a.arg == "estate" or annotation.strip("'\"") == "Estate":
                    found.append(f"{node.lineno}: {node.name}({a.arg})")
        elif isinstance(node, ast.ImportFrom) and any(n.name == "Estate" for n in node.names):
            found.append(f"{node.lineno}: imports Estate")
    return found


def layer_modules() -> list[Path]:
    return sorted(p for layer in LAYERS for p in (ROOT / layer).rglob("*.py")
                  if "__pycache__" not in p.parts)


def test_no_construct_or_helper_outside_the_roots_takes_the_estate():
    offenders = {str(p.relative_to(ROOT)): estate_takers(p.read_text()) for p in layer_modules()
                 if str(p.relative_to(ROOT)) not in ROOTS}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_a_construct_taking_the_estate_is_named():
    # GIVEN a construct written the old way WHEN scanned THEN its line and parameter are named
    source = ("from tomoda_model import Estate\n"
              "class Thing:\n"
              "    def __init__(self, scope, id, *, estate: Estate):\n"
              "        pass\n")
    assert estate_takers(source) == ["1: imports Estate", "3: __init__(estate)"]


def test_the_roots_exist():
    # The exemptions name real files: a renamed root must not silently widen the rule.
    assert all((ROOT / r).is_file() for r in ROOTS)
