"""Make variables, read from the environment (never interpolated into a recipe).

The Makefile exports VERSION, FORCE, ALLOW_DESTROY, DIFF, UPDATE, CHECK_ARGS, BENCH_RUNS; the
apps read them here. A boolean is strict: `1/true/yes/on` or `0/false/no/off/` (empty), in any
case; anything else is an error, never silently "true" (`FORCE=no` used to mean force).
"""
from __future__ import annotations

import os
import shlex
from typing import Mapping, Optional

TRUE = ("1", "true", "yes", "on")
FALSE = ("", "0", "false", "no", "off")


class FlagError(ValueError):
    """A Make variable with a value the target cannot take (exit code 2)."""


def boolean(name: str, env: Optional[Mapping[str, str]] = None) -> bool:
    value = (os.environ if env is None else env).get(name, "")
    folded = value.strip().lower()
    if folded in TRUE:
        return True
    if folded in FALSE:
        return False
    raise FlagError(f"{name}={value!r} is not a boolean: use {name}=1 (or true/yes) to set it, "
                    f"{name}=0 (or false/no, or leave it out) to not")


def choice(name: str, allowed: tuple[str, ...], env: Optional[Mapping[str, str]] = None) -> str:
    value = (os.environ if env is None else env).get(name, "")
    if value not in allowed:
        shown = ", ".join(repr(a) for a in allowed)
        raise FlagError(f"{name}={value!r} is not one of {shown}")
    return value


def arguments(name: str, env: Optional[Mapping[str, str]] = None) -> list[str]:
    """A variable holding command-line arguments (CHECK_ARGS): split like a shell would, but
    never run by one."""
    value = (os.environ if env is None else env).get(name, "")
    try:
        return shlex.split(value)
    except ValueError as exc:
        raise FlagError(f"{name}={value!r} cannot be split into arguments ({exc})") from None


def text(name: str, env: Optional[Mapping[str, str]] = None) -> str:
    return (os.environ if env is None else env).get(name, "")
