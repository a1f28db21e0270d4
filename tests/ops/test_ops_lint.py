"""`make lint`: the fast families on dist/ as it is."""
from __future__ import annotations

import re
import subprocess
import sys

from support import ENV, ROOT


def test_make_lint_runs_the_fast_families_and_nothing_else():
    proc = subprocess.run(["make", "-s", "lint"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    ran = set(re.findall(r"^\s+ok\s+(\S+)", proc.stdout, re.M))
    assert ran == {"schemas", "wiring", "crosslayer", "policy", "first-sync"}


def test_make_lint_never_loads_jsii():
    # GIVEN the lint families WHEN they run THEN neither jsii nor a CDK library is imported: loading
    # them costs more than the checks themselves (make lint is meant to take about a second)
    script = ("import runpy, sys; sys.argv = ['apps/check.py', '--skip-freshness', '-q', "
              "'--only', 'schemas', '--only', 'wiring', '--only', 'crosslayer', '--only', 'policy', "
              "'--only', 'first-sync']\n"
              "try:\n    runpy.run_path('apps/check.py', run_name='__main__')\n"
              "except SystemExit as e:\n    assert not e.code, e.code\n"
              "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jsii', 'cdktf', 'cdk8s', 'constructs')))")
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**ENV})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"
