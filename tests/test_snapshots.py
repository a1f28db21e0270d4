"""Snapshot tests: every committed dist/ file is a reviewed snapshot of one rendered output.

dist/ is committed and reviewed in every pull request, so it is the snapshot store: one
test per file compares it byte for byte with a fresh synthesis (`make synth` updates it,
and the pull request shows the change for review). Targeted tests elsewhere assert facts.
"""
from __future__ import annotations

import difflib

import pytest

from support import ROOT
from tomoda_build import tree

DIST = ROOT / "dist"
SNAPSHOTS = sorted(tree.listing(DIST))


def test_every_rendered_file_has_a_snapshot(fresh_dist):
    missing = sorted(set(tree.listing(fresh_dist)) - set(SNAPSHOTS))
    assert not missing, f"rendered but not committed (run make synth): {missing}"


@pytest.mark.parametrize("rel", SNAPSHOTS)
def test_rendered_file_matches_its_snapshot(fresh_dist, rel):
    fresh = fresh_dist / rel
    assert fresh.exists(), f"{rel} is committed but no longer rendered"
    expected, actual = (DIST / rel).read_text(), fresh.read_text()
    if expected != actual:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f"dist/{rel}", f"fresh/{rel}", n=2))
        pytest.fail(f"{rel} differs from its snapshot:\n{diff[:4000]}")
