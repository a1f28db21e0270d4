"""The diagrams of docs/environments.md parse with Mermaid's own parser (mermaid 11.17.2 from
package-lock.json, run by Node through tests/mermaid_parse.mjs), not only with our regexes."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from support import ROOT
from tomoda_ops import envdoc

SCRIPT = ROOT / "tests" / "mermaid_parse.mjs"


def _parse(*files: Path) -> subprocess.CompletedProcess:
    if not (ROOT / "node_modules" / "mermaid").is_dir():
        if __import__("os").environ.get("CI"):
            pytest.fail("node_modules/mermaid is missing: `make test` installs it (npm ci)")
        pytest.skip("node_modules not installed: run `make test` (npm ci)")
    return subprocess.run(["node", str(SCRIPT), *map(str, files)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def test_every_diagram_of_the_committed_page_parses():
    # GIVEN docs/environments.md WHEN Mermaid parses each block THEN each is a flowchart
    proc = _parse(ROOT / envdoc.OUTPUT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    kinds = [line.rsplit(": ", 1)[1] for line in proc.stdout.splitlines() if ".md:" in line]
    assert len(kinds) >= 4 and set(kinds) <= {"flowchart", "flowchart-v2"}, proc.stdout


def test_the_parser_rejects_a_broken_diagram_naming_its_line(tmp_path):
    # GIVEN the page with one diagram broken (a subgraph never closed)
    page = (ROOT / envdoc.OUTPUT).read_text()
    lines = page.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("subgraph "))
    lines[at] = lines[at] + "\n  subgraph unclosed"
    broken = tmp_path / "environments.md"
    broken.write_text("\n".join(lines) + "\n")
    # WHEN parsed THEN it fails, naming the file and the block's first line
    proc = _parse(broken)
    assert proc.returncode == 1
    assert f"{broken}:" in proc.stderr and "Parse error" in proc.stderr


def test_a_page_without_diagrams_does_not_pass(tmp_path):
    empty = tmp_path / "none.md"
    empty.write_text("# nothing\n")
    assert _parse(empty).returncode == 3
