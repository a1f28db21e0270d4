"""Lookups in synthesized Terraform JSON (cdk.tf.json dicts)."""
from __future__ import annotations


def resources(doc: dict, rtype: str) -> list[dict]:
    """Every resource of one type in a stack, without the cdktf metadata key."""
    return [{k: v for k, v in r.items() if k != "//"}
            for r in doc.get("resource", {}).get(rtype, {}).values()]


def datas(doc: dict, dtype: str) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "//"}
            for r in doc.get("data", {}).get(dtype, {}).values()]


def one(doc: dict, rtype: str) -> dict:
    found = resources(doc, rtype)
    assert len(found) == 1, f"expected one {rtype}, found {len(found)}"
    return found[0]


def ref(doc: dict, rtype: str, attr: str) -> str:
    """The interpolation that refers to attribute `attr` of the one `rtype` resource."""
    (name,) = doc["resource"][rtype]
    return f"${{{rtype}.{name}.{attr}}}"


def walk(node, path=""):
    """(path, key, value) for every key of every dict in a JSON tree."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield path, k, v
            yield from walk(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, f"{path}[{i}]")
