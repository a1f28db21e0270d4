"""No function in constructs/ ranks D or worse in cyclomatic complexity (radon 6.0.1).

A function past rank C (complexity above 20) does several things: split it into named steps.
"""
from __future__ import annotations

from pathlib import Path

from support import ROOT

WORST_ALLOWED = "C"


def too_complex(source: str, filename: str) -> list[str]:
    """'file:line name rank (score)' of every function or method ranked worse than C."""
    from radon.complexity import cc_rank, cc_visit

    found = []
    for block in cc_visit(source):
        for fn in [block, *getattr(block, "methods", [])]:
            rank = cc_rank(fn.complexity)
            if rank > WORST_ALLOWED and not hasattr(fn, "methods"):
                found.append(f"{filename}:{fn.lineno} {fn.fullname} {rank} ({fn.complexity})")
    return found


def test_no_function_in_constructs_ranks_d_or_worse():
    offenders = [line for path in sorted((ROOT / "constructs").rglob("*.py"))
                 if "__pycache__" not in path.parts
                 for line in too_complex(path.read_text(), str(path.relative_to(ROOT)))]
    assert offenders == []


def test_a_function_of_complexity_21_is_named(tmp_path: Path):
    # GIVEN a function with 20 independent branches (complexity 21) and a tame method
    branches = "\n".join(f"    if x == {i}:\n        return {i}" for i in range(20))
    source = f"def tangled(x):\n{branches}\n    return -1\n\n\nclass Ok:\n    def fine(self):\n        return 1\n"
    # WHEN scanned THEN it is named with its rank and score, and nothing else is
    assert too_complex(source, "probe.py") == ["probe.py:1 tangled D (21)"]
