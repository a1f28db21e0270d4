"""Test helpers shared by every test module: `from support import ROOT, Tree, run_app`."""
from __future__ import annotations

import atexit
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "config"
PYTHON = sys.executable

# Tests never share the developer's synthesis cache (.cache/synth): each test process gets
# its own, which the entry points it runs read (Settings.from_env).
if "TOMODA_CACHE" not in os.environ:
    os.environ["TOMODA_CACHE"] = tempfile.mkdtemp(prefix="tomoda-test-cache-")
    atexit.register(shutil.rmtree, os.environ["TOMODA_CACHE"], ignore_errors=True)

from tomoda_build import yamlio  # noqa: E402

# Subprocess environment: the same source roots the Makefile uses, quiet jsii/cdktf.
ENV = {
    **os.environ,
    "PYTHONPATH": str(ROOT / "constructs"),
    "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20",
    "CHECKPOINT_DISABLE": "1",
}


def run_app(*args: str, check: bool = True, **kw) -> subprocess.CompletedProcess:
    """Run `python apps/<args>` the way the Makefile does (never with the repo root on sys.path)."""
    return subprocess.run([PYTHON, *args], cwd=ROOT, env={**ENV, **kw.pop("env", {})},
                          capture_output=True, text=True, check=check, **kw)


class Tree:
    """A synthesized tree: YAML documents and Terraform JSON, addressable by path.

    Parsed documents are cached per file, keyed on its size and modification time (a test
    that edits a file sees the edit), and handed out as copies (a test that edits a document
    does not change what the next test reads): parsing the tree once instead of on every
    `find` is most of what the construct tests used to spend."""

    _parsed: dict[Path, tuple[tuple[int, int], list[dict]]] = {}

    def __init__(self, root: Path):
        self.root = root

    def files(self) -> list[str]:
        return sorted(str(p.relative_to(self.root)) for p in self.root.rglob("*") if p.is_file())

    def _cached(self, rel: str) -> list[dict]:
        path = self.root / rel
        st = path.stat()
        key = (st.st_size, st.st_mtime_ns)
        hit = Tree._parsed.get(path)
        if hit is None or hit[0] != key:
            docs = [d for d in yamlio.load_all(path.read_text()) if d is not None]
            Tree._parsed[path] = hit = (key, docs)
        return hit[1]

    def docs(self, rel: str) -> list[dict]:
        return copy.deepcopy(self._cached(rel))

    def _objects(self, under: str) -> list[tuple[str, dict]]:
        return [(rel, d) for rel in self.files()
                if rel.startswith(under) and rel.endswith(".yaml") and not rel.endswith("kustomization.yaml")
                for d in self._cached(rel)]

    def all_objects(self, under: str = "k8s") -> list[tuple[str, dict]]:
        return copy.deepcopy(self._objects(under))

    def find(self, kind: str, name: str, namespace: str | None = None, under: str = "k8s") -> dict:
        hits = [d for _, d in self._objects(under) if d.get("kind") == kind
                and d["metadata"]["name"] == name
                and (namespace is None or d["metadata"].get("namespace") == namespace)]
        assert len(hits) == 1, f"expected one {kind} {namespace}/{name}, found {len(hits)}"
        return copy.deepcopy(hits[0])

    def tf(self, stack: str) -> dict:
        return json.loads((self.root / "terraform" / stack / "cdk.tf.json").read_text())


# The third tenant of issue 6 ("add gke-tomoda-staging and move dev there"): the README's
# add-a-tenant recipe. Every name derives from the file name (tenant_defaults); the file holds
# only its OAuth client and its sizes. One definition for every test that proves "a new
# tenant is configuration alone".
STAGING_TOML = """\
[postgres]
storage = "15Gi"

[redis]
persistence = "8Gi"

[build]
google_web_client_id = "287267207777-staging.apps.googleusercontent.com"
"""


def write_staging_config(dest: Path, trigger_prefix: str | None = None) -> Path:
    """A copy of config/ at `dest` plus tenants/staging.toml; `trigger_prefix` overrides the
    derived one (`staging-`), e.g. with dev's empty prefix to provoke a trigger-name clash."""
    shutil.copytree(CONFIG, dest)
    text = STAGING_TOML
    if trigger_prefix is not None:
        text += f'trigger_prefix = "{trigger_prefix}"\n'
    (dest / "tenants" / "staging.toml").write_text(text, encoding="utf-8")
    return dest


# The seeds' migration path (issue 15): a second cluster, and dev moved onto it, by
# configuration alone. The README's "Add a cluster" and "Move a tenant" recipes.
from tomoda_ops.scale import cluster_toml  # noqa: E402

STAGING_CLUSTER_TOML = cluster_toml("gke-tomoda-staging", "staging", 3)
PHOTON_ADDRESS = "10.0.0.200"  # in gke-tomoda's subnet: Photon's internal load balancer


def write_two_cluster_config(dest: Path, move_dev: bool = True) -> Path:
    """A copy of config/ at `dest` with the cluster gke-tomoda-staging (and dev on it)."""
    shutil.copytree(CONFIG, dest)
    estate = dest / "estate.toml"
    text = estate.read_text(encoding="utf-8")
    anchor = "\n[gitops]"
    text = text.replace(anchor, STAGING_CLUSTER_TOML + anchor, 1)
    text = text.replace("[platform.photon]\n",
                        f'[platform.photon]\npublished_address = "{PHOTON_ADDRESS}"\n', 1)
    estate.write_text(text, encoding="utf-8")
    if move_dev:
        dev = dest / "tenants" / "dev.toml"
        body = dev.read_text(encoding="utf-8")
        body = body.replace('argo_app = "tomoda"\n', 'argo_app = "tomoda"\ncluster = "gke-tomoda-staging"\n', 1)
        dev.write_text(body, encoding="utf-8")
    return dest
