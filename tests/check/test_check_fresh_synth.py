"""`make check` passes on a fresh synthesis of the real model, family by family."""
from __future__ import annotations

import pytest

from check.check_helpers import require_checkov
from support import CONFIG, run_app
from tomoda_check import FAMILIES, run

# freshness re-synthesizes: it is proven on a mutated copy in test_check_mutations.py
STATIC = [f for f in FAMILIES if f != "freshness"]


@pytest.mark.parametrize("family", STATIC)
def test_family_passes_on_a_fresh_synth(fresh_dist, family):
    if family == "checkov":
        require_checkov()
    # GIVEN a fresh synthesis WHEN one family of checks runs on it
    (findings,) = run(fresh_dist, CONFIG, families=[family])
    # THEN it finds nothing (every failure is listed to say what broke)
    assert findings.failures == [], "\n".join(findings.failures)
    assert findings.checked > 0


def test_cli_exits_zero_on_a_fresh_synth(fresh_dist):
    require_checkov()
    proc = run_app("apps/check.py", "--dist", str(fresh_dist), "--skip-freshness", "-q",
                   check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "all checks passed" in proc.stdout


def test_cli_help_lists_every_family():
    proc = run_app("apps/check.py", "--help")
    assert all(f in proc.stdout for f in FAMILIES)
