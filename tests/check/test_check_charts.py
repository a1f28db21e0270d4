"""The chart pipeline, proven on a small chart of ours (tests/fixtures/charts/probe): real helm
from the pinned wheel, `make charts` into a content-addressed cache guarded by charts.lock, and
the render verification of declared chart facts. Plus the values check against the pinned
charts' own data, and its mutations."""
from __future__ import annotations

import dataclasses
import functools
import http.server
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
import yaml

from check.test_check_mutations import edit_obj, edit_tf
from support import CONFIG, ROOT
from tomoda_build.chart_cache import ChartCache, Pin, read_lock, sync, write_lock
from tomoda_build.settings import Settings
from tomoda_build.tools import HELM_VERSION, ensure_helm
from tomoda_check import run
from tomoda_check.context import Context
from tomoda_check.findings import Findings
from tomoda_check.render import verify
from tomoda_k8s.chart_facts import Catalog, ChartFacts, Created, Crds, Pod, Requires, when
from tomoda_model import load_estate

PROBE = ROOT / "tests" / "fixtures" / "charts" / "probe"


@pytest.fixture(scope="module")
def helm() -> Path:
    return ensure_helm()


@pytest.fixture(scope="module")
def repo(helm, tmp_path_factory):
    """The probe chart, packaged and served by a chart repository on loopback."""
    root = tmp_path_factory.mktemp("repo")
    subprocess.run([str(helm), "package", str(PROBE), "-d", str(root)], check=True, capture_output=True)
    subprocess.run([str(helm), "repo", "index", str(root)], check=True, capture_output=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_helm_comes_from_the_pinned_wheel(helm):
    out = subprocess.run([str(helm), "version", "--short"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith(HELM_VERSION)


def test_make_charts_locks_the_digest_and_refuses_a_changed_chart(helm, repo, tmp_path):
    cache = ChartCache(tmp_path / "cache")
    # GIVEN a pin whose digest no machine has recorded yet
    (pin,), failures = sync([Pin("probe", repo, "0.1.0")], helm, cache)
    # THEN the first pull records it and caches exactly those bytes
    assert not failures and len(pin.digest) == 64
    assert cache.archive(pin).name == f"{pin.digest}.tgz"
    # WHEN the lock says another digest THEN the pull is refused by name
    other = Pin("probe", repo, "0.1.0", "0" * 64)
    _, failures = sync([other], helm, ChartCache(tmp_path / "fresh"))
    assert failures and "probe 0.1.0" in failures[0] and "refusing it" in failures[0]
    # AND the lock round-trips
    write_lock([pin], tmp_path / "charts.lock")
    assert read_lock(tmp_path / "charts.lock") == {pin.key: pin}


def test_a_damaged_cache_entry_is_never_served(helm, repo, tmp_path):
    cache = ChartCache(tmp_path / "cache")
    (pin,), _ = sync([Pin("probe", repo, "0.1.0")], helm, cache)
    archive = cache.archive(pin)
    archive.write_bytes(archive.read_bytes() + b"tampered")
    assert cache.archive(pin) is None


GOOD = ChartFacts(
    "probe", "0.1.0",
    crds=(Crds("example.com", ("Widget",)),),
    webhooks=("example.com",),
    requires=(Requires("monitoring.coreos.com/v1", when("metrics.serviceMonitor.enabled"),
                       fails_render=True),),
    pods=(Pod({"app.kubernetes.io/name": "probe", "app.kubernetes.io/instance": "{release}"}, (8080,)),),
    secrets=("tokenSecret",),
    creates=(Created("Service", "{release}-probe"),))


def _dist(tmp_path: Path, repo: str, values: dict) -> Path:
    dist = tmp_path / "dist"
    app = {"apiVersion": "argoproj.io/v1alpha1", "kind": "Application",
           "metadata": {"name": "probe", "namespace": "argocd"},
           "spec": {"project": "default", "destination": {"namespace": "probes"},
                    "source": {"repoURL": repo, "chart": "probe", "targetRevision": "0.1.0",
                               "helm": {"valuesObject": values}}}}
    (dist / "k8s" / "envs" / "x").mkdir(parents=True)
    (dist / "k8s" / "envs" / "x" / "probe.yaml").write_text(yaml.safe_dump(app))
    return dist


def _verify(tmp_path, helm, repo, facts, values) -> Findings:
    cache = ChartCache(tmp_path / "cache")
    pins, _ = sync([Pin("probe", repo, "0.1.0")], helm, cache)
    ctx = Context(_dist(tmp_path, repo, values), load_estate(CONFIG), Settings.from_env())
    f = Findings("charts")
    verify(ctx, f, cache=cache, lock={p.key: p for p in pins}, helm=helm,
           catalog=Catalog({("probe", "0.1.0"): facts}))
    return f


def test_a_chart_rendered_for_real_matches_its_declared_facts(helm, repo, tmp_path):
    f = _verify(tmp_path, helm, repo, GOOD, {"tokenSecret": "probe-token"})
    assert not f.failures, f.failures
    assert f.checked == 1 and not f.partly  # rendered, not skipped


@pytest.mark.parametrize("facts,values,words", [
    (ChartFacts("probe", "0.1.0", webhooks=GOOD.webhooks, pods=GOOD.pods, creates=GOOD.creates),
     {}, ["ships CRDs of ['example.com'], declared []"]),
    (ChartFacts("probe", "0.1.0", crds=GOOD.crds, pods=GOOD.pods, creates=GOOD.creates),
     {}, ["admission webhooks guard ['example.com'], declared []"]),
    (GOOD, {"metrics": {"serviceMonitor": {"enabled": True}}},
     ["does not render where Argo CD renders it", "monitoring.coreos.com/v1 first"]),
    (ChartFacts("probe", "0.1.0", crds=GOOD.crds, webhooks=GOOD.webhooks, creates=GOOD.creates,
                pods=(Pod({"app.kubernetes.io/name": "probe"}, (9090,)),)),
     {}, ["listen on [8080], declared [9090]"]),
    (ChartFacts("probe", "0.1.0", crds=GOOD.crds, webhooks=GOOD.webhooks, pods=GOOD.pods,
                creates=(Created("Service", "{release}-server"),)),
     {}, ["renders no Service probe-server"]),
], ids=["undeclared-crd", "undeclared-webhook", "renders-only-after-monitoring",
        "wrong-pod-port", "missing-created-object"])
def test_a_wrong_declaration_fails_by_name(helm, repo, tmp_path, facts, values, words):
    f = _verify(tmp_path, helm, repo, facts, values)
    assert any(all(w in m for w in words) and "chart probe 0.1.0" in m for m in f.failures), f.failures


def test_without_a_cached_archive_the_family_says_so_without_failing(fresh_dist, tmp_path):
    settings = dataclasses.replace(Settings.from_env(), chart_cache=tmp_path / "empty")
    (findings,) = run(fresh_dist, CONFIG, families=["charts"], settings=settings)
    assert not findings.failures, findings.failures
    assert "rendered 0/" in findings.summary() and "make charts" in findings.summary()


# ---------------------------------------------------------------- values vs the charts' data

def _values(d: dict) -> dict:
    return d["spec"]["source"]["helm"]["valuesObject"]


@pytest.fixture
def broken(tmp_path, fresh_dist) -> Path:
    dist = tmp_path / "dist"
    shutil.copytree(fresh_dist, dist)
    return dist


@pytest.mark.parametrize("mutate,words", [
    (lambda dist: edit_obj(dist, "Application", "traefik", "argocd",
                           lambda d: _values(d)["ingressClass"].update(isDefaultClas=True)),
     ["Application argocd/traefik", "ingressClass.isDefaultClas", "not a key of chart traefik 39.0.9"]),
    (lambda dist: edit_obj(dist, "Application", "loki", "argocd",
                           lambda d: _values(d)["singleBinary"].update(replicas="one")),
     ["Application argocd/loki", "singleBinary.replicas", "expects a number"]),
    (lambda dist: edit_obj(dist, "Application", "external-dns", "argocd",
                           lambda d: _values(d).update(policy={"mode": "sync"})),
     ["Application argocd/external-dns", "policy", "a string"]),
    (lambda dist: edit_obj(dist, "Application", "cert-manager", "argocd",
                           lambda d: _values(d)["webhook"].update(servicemonitor={"enabled": True})),
     ["Application argocd/cert-manager", "webhook.servicemonitor", "not a key"]),
    (lambda dist: edit_obj(dist, "Application", "traefik", "argocd",
                           lambda d: d["spec"]["source"].update(targetRevision="39.0.10")),
     ["chart traefik 39.0.10", "has no data"]),
    (lambda dist: edit_tf(dist, "gcp-argocd", "helm_release", lambda b: True,
                          lambda b: b["set_sensitive"].append({"name": "configs.secrett.extra.x",
                                                               "value": "${data.x.y.z}"})),
     ["helm_release", "configs.secrett", "not a key of chart argo-cd 7.7.13"]),
], ids=["misspelt-key", "wrong-type", "scalar-where-a-map-is", "key-under-wrong-parent",
        "version-without-data", "terraform-set-key"])
def test_a_value_the_chart_does_not_know_fails_by_name(broken, mutate, words):
    mutate(broken)
    (findings,) = run(broken, CONFIG, families=["charts"])
    assert any(all(w in m for w in words) for m in findings.failures), findings.failures
