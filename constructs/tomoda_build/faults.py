"""Fault injection for the pipeline's crash tests: `TOMODA_FAULT=<point>` kills the process
(SIGKILL: no handler, no cleanup) when it reaches `point`. Unset, it costs one dict lookup."""
from __future__ import annotations

import os
import signal

POINTS = ("release-after-model", "synth-before-swap", "synth-after-swap")


def point(name: str) -> None:
    assert name in POINTS, name
    if os.environ.get("TOMODA_FAULT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
