"""`make imports`: the CRD patch that lets `cdk8s import` build every binding."""
from __future__ import annotations

import importlib.util

import pytest
import yaml

from support import ROOT

CRDS = ROOT.parent / "shared" / "crds"


def _make_imports():
    spec = importlib.util.spec_from_file_location("make_imports", ROOT / "apps" / "make_imports.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not CRDS.exists(), reason="../shared/crds is not beside the checkout")
def test_patch_drops_only_the_provider_jsii_rejects_and_unserved_versions():
    # GIVEN the upstream ClusterSecretStore CRD (v1 served, v1beta1 not; keepersecurity provider)
    doc = yaml.safe_load((CRDS / "external-secrets.io_clustersecretstores.yaml").read_text())
    providers = lambda d: d["spec"]["versions"][0]["schema"]["openAPIV3Schema"]["properties"][  # noqa: E731
        "spec"]["properties"]["provider"]["properties"]
    before = set(providers(doc))
    # WHEN patched
    patched = _make_imports().patch(doc)
    # THEN only v1 remains, without keepersecurity, with every other provider intact
    assert [v["name"] for v in patched["spec"]["versions"]] == ["v1"]
    assert before - set(providers(patched)) == {"keepersecurity"}


def test_every_crd_kind_has_a_committed_binding():
    if not CRDS.exists():
        pytest.skip("../shared/crds is not beside the checkout")
    kinds = {yaml.safe_load(p.read_text())["spec"]["names"]["kind"] for p in CRDS.glob("*.yaml")}
    generated = "".join(p.read_text() for p in (ROOT / "imports").rglob("__init__.py"))
    missing = sorted(k for k in kinds if f"\nclass {k}(" not in generated)
    assert not missing, f"no binding for {missing}: run make imports"
