"""The one YAML dialect dist/ is written in: block style, keys in construct order, no
anchors, long lines kept whole, a trailing newline. Same input, same bytes."""
from __future__ import annotations

from typing import Any, Iterable

import yaml


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # never emit &anchors / *aliases
        return True


def _str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump_all(documents: Iterable[Any]) -> str:
    return yaml.dump_all(list(documents), Dumper=_Dumper, sort_keys=False,
                         default_flow_style=False, allow_unicode=True, width=1 << 16,
                         explicit_start=False)


# Reading dist/ back (the deletion guard, make diff, the environments page, make check):
# libyaml's parser, ~10x the pure-Python one, where the PyYAML wheel ships it.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_all(text: str) -> list[Any]:
    """Every document of a YAML stream, as yaml.safe_load_all reads it."""
    return list(yaml.load_all(text, Loader=_LOADER))
