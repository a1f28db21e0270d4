"""`make lint`: the fast families on dist/ as it is."""
from __future__ import annotations

import re
import subprocess

from support import ROOT


def test_make_lint_runs_the_fast_families_and_nothing_else():
    proc = subprocess.run(["make", "-s", "lint"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    ran = set(re.findall(r"^\s+ok\s+(\S+)", proc.stdout, re.M))
    assert ran == {"schemas", "wiring", "crosslayer", "policy", "first-sync"}
