"""Where a key of a TOML file is written: dotted path -> (line, column), both 1-based.

tomllib reports no positions, so this scanner reads the file again, line by line, the way the
estate's files are written: `[table]` and `[[array.of.tables]]` headers, `key = value` lines
(dotted and quoted keys too), inline tables `{ a = 1, b = 2 }` and single-line arrays. A path it
cannot find exactly falls back to its longest located prefix: an error always names a line.
"""
from __future__ import annotations

import re
from typing import Iterator

_HEADER = re.compile(r"^\s*(\[\[|\[)\s*(.+?)\s*(\]\]|\])\s*(#.*)?$")
_KEY = r'(?:"[^"\\]*"|\'[^\']*\'|[A-Za-z0-9_-]+)'
_ASSIGN = re.compile(rf"^(\s*)({_KEY}(?:\s*\.\s*{_KEY})*)\s*=\s*")


def _split_key(text: str) -> list[str]:
    return [p.strip().strip('"').strip("'") for p in re.findall(rf"{_KEY}", text)]


def _inline(value: str, offset: int, path: tuple, line: int) -> Iterator[tuple[tuple, tuple[int, int]]]:
    """Positions inside an inline table or array written on one line."""
    value = value.rstrip()
    if value.startswith("{"):
        depth, start = 0, 1
        body = value
        i = 1
        while i < len(body):
            m = _ASSIGN.match(body[i:])
            if depth == 0 and m and (i == 1 or body[i - 1] in "{, "):
                keys = _split_key(m.group(2))
                col = offset + i + len(m.group(1)) + 1
                yield path + tuple(keys), (line, col)
                rest_start = i + m.end()
                inner = body[rest_start:]
                yield from _inline(inner, offset + rest_start, path + tuple(keys), line)
                i = rest_start
                continue
            if body[i] in "{[":
                depth += 1
            elif body[i] in "}]":
                depth -= 1
            i += 1
        _ = start
    elif value.startswith("["):
        index, depth, i = 0, 0, 1
        item_start = 1
        while i < len(value):
            ch = value[i]
            if ch in "\"'":
                end = value.find(ch, i + 1)
                i = end if end > 0 else len(value)
            elif ch in "[{":
                depth += 1
            elif ch in "]}":
                if depth == 0:
                    break
                depth -= 1
            elif ch == "," and depth == 0:
                yield path + (index,), (line, offset + item_start + 1)
                index, item_start = index + 1, i + 1
            i += 1
        if value[item_start:i].strip():
            yield path + (index,), (line, offset + item_start + 1 + (len(value[item_start:i]) - len(value[item_start:i].lstrip())))


def positions(text: str) -> dict[tuple, tuple[int, int]]:
    out: dict[tuple, tuple[int, int]] = {}
    table: tuple = ()
    counters: dict[tuple, int] = {}
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0] if raw.lstrip().startswith("#") else raw
        header = _HEADER.match(line)
        if header and not _ASSIGN.match(line):
            # A key under an array of tables is in its current element: [[clusters.node_pools]]
            # after the second [[clusters]] is clusters[1].node_pools[n].
            keys: tuple = ()
            for key in _split_key(header.group(2)):
                keys += (key,)
                if keys in counters:
                    keys += (counters[keys],)
            if header.group(1) == "[[":
                keys = keys[:-1] if isinstance(keys[-1], int) else keys
                counters[keys] = counters.get(keys, -1) + 1
                table = keys + (counters[keys],)
            else:
                table = keys
            out.setdefault(table, (n, len(raw) - len(raw.lstrip()) + 1))
            continue
        m = _ASSIGN.match(line)
        if m:
            path = table + tuple(_split_key(m.group(2)))
            out.setdefault(path, (n, len(m.group(1)) + 1))
            for sub, pos in _inline(line[m.end():], m.end(), path, n):
                out.setdefault(sub, pos)
    return out


def locate(text: str, path: tuple) -> tuple[tuple[int, int], bool]:
    """(line, column) of `path` in `text`, and whether it is the path itself (not a prefix)."""
    found = positions(text)
    for cut in range(len(path), 0, -1):
        if path[:cut] in found:
            return found[path[:cut]], cut == len(path)
    return (1, 1), False
