"""Colour for people, plain text for logs: ANSI colour only on a terminal, never with NO_COLOR."""
from __future__ import annotations

import os
from typing import TextIO

COLOURS = {"red": "31", "green": "32", "yellow": "33", "bold": "1"}


def enabled(stream: TextIO) -> bool:
    return not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb" and stream.isatty()


def paint(text: str, colour: str, stream: TextIO) -> str:
    return f"\033[{COLOURS[colour]}m{text}\033[0m" if enabled(stream) else text
