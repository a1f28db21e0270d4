"""Errors of the model, in the form people act on: `file:line:column: field.path: rule (got X)`.

Every problem of a run is collected (sorted, without duplicates) and raised at once as one
ModelError; nothing about any input - a dangling symlink, a FIFO, bytes that are not UTF-8 -
may surface as a traceback.
"""
from __future__ import annotations

import difflib
import os
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from .locate import locate

MAX_FILE_BYTES = 1 << 20  # a config file is a few kB; a megabyte is a mistake


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ModelError(ValueError):
    """One or more configuration values are unreadable, missing, unknown, mistyped or
    inconsistent. `problems` lists them all; `field` is the first one's dotted path."""

    def __init__(self, problems: list[Problem] | str, message: str = ""):
        if isinstance(problems, str):  # ModelError(field, message): one problem, no position
            problems = [Problem("", 0, 0, problems, message)]
        self.problems = sorted(set(problems))
        self.field = self.problems[0].field if self.problems else ""
        super().__init__("\n".join(str(p) for p in self.problems))


def dotted(path: tuple) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def got(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


class Source:
    """One config file: its text, where it is shown as, and positions of its keys."""

    def __init__(self, path: Path, shown: str, text: str):
        self.path, self.shown, self.text = path, shown, text

    def at(self, path: tuple, field: str, message: str) -> Problem:
        (line, column), exact = locate(self.text, path)
        if not exact and path:
            message += " (not in this file: the model's default)"
        return Problem(self.shown, line, column, field, message)


def read(path: Path, shown: str) -> tuple[Optional[dict], Optional[Source], list[Problem]]:
    """The parsed TOML of `path`, or the problems that prevent it, whatever `path` is."""
    def problem(message: str, line: int = 1, column: int = 1) -> tuple[None, None, list[Problem]]:
        return None, None, [Problem(shown, line, column, "", message)]

    try:
        st = os.stat(path)  # follows symlinks; never opens (a FIFO would block)
    except FileNotFoundError:
        if os.path.islink(path):
            return problem(f"is a dangling symlink (to {os.readlink(path)!r})")
        return problem("file not found")
    except OSError as exc:  # ELOOP, EACCES, ENAMETOOLONG...
        return problem(f"cannot be read: {exc.strerror or exc}")
    if stat.S_ISDIR(st.st_mode):
        return problem("is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        return problem("is not a regular file (a FIFO, socket or device?)")
    if st.st_size > MAX_FILE_BYTES:
        return problem(f"is {st.st_size} bytes: far too large for a config file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return problem(f"cannot be read: {exc.strerror or exc}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return problem(f"is not UTF-8 (byte 0x{raw[exc.start]:02x})", line, column)
    if not text.strip():
        return problem("is empty")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        import re
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        if m:
            return problem(f"malformed TOML: {message}", int(m.group(1)), int(m.group(2)))
        return problem(f"malformed TOML: {message}")
    return data, Source(path, shown, text), []
