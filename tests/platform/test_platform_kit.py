"""The platform-service kit: a new service is its model entry and one module, nothing else.

In-process: the k8s layer is built from a copied config with a toy service added, its module
put on the services package's path (as `constructs/tomoda_k8s/platform/services/toy.py`
would be), and compared with the seed estate's own synthesis.
"""
from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from tomoda_k8s import layout

PLATFORM_DIR = layout.tier_dir(layout.PLATFORM_TIER)
TOY_ENTRY = """
[platform.identities.toy]
gsa = "toy-sa"
namespace = "toy"
ksa = "toy"

[platform.charts.toy]
repo_url = "https://charts.example.org"
chart = "toy"
version = "1.2.3"
namespace = "toy"
"""
# Keys added inside tables that already exist: the toy's secret and its UI's host.
TOY_KEYS = {"[secrets.platform]\n": 'toy_token = "toy-token"\n',
            "[platform.internal_hosts]\n": 'toy = "toy.tomoda.life"\n'}
TOY_MODULE = '''
"""A toy web service: a token from the platform store, a guarded UI, its own identity."""
from tomoda_k8s.chart_facts import ChartFacts, Created, Pod
from tomoda_k8s.platform.kit import HelmService

# What the chart installs (read from its templates): its Service, and its pods on 8080.
FACTS = (ChartFacts("toy", "1.2.3", creates=(Created("Service", "{fullname}"),),
                    pods=(Pod({"app.kubernetes.io/instance": "{release}"}, (8080,)),)),)


class Service(HelmService):
    def __init__(self, scope, id, *, props, kit):
        super().__init__(scope, id, props=props, service_account=kit.identities["toy"])
        token = self.add_secret("token", name="toy-token", store=kit.store,
                                data={"token": kit.secrets["toy_token"]})
        self.web = self.endpoint(8080)
        self.install(values={"existingSecret": token.name,
                             "serviceAccount": self.service_account.helm_values()})
        self.add_ingress("ingress", name="toy", host=kit.hosts["toy"], service=self.web,
                         issuer=kit.issuer, guard=kit.auth)
'''


def with_toy_entry(cfg: Path) -> Path:
    estate_toml = cfg / "estate.toml"
    text = estate_toml.read_text()
    for header, line in TOY_KEYS.items():
        text = text.replace(header, header + line, 1)
    estate_toml.write_text(text + TOY_ENTRY)
    return cfg


@pytest.fixture()
def toy_module(tmp_path, monkeypatch):
    """`toy.py` on the services package's path, forgotten again after the test."""
    import tomoda_k8s.platform.services as services
    folder = tmp_path / "services"
    folder.mkdir()
    (folder / "toy.py").write_text(textwrap.dedent(TOY_MODULE))
    monkeypatch.setattr(services, "__path__", [*services.__path__, str(folder)])
    yield folder
    sys.modules.pop(f"{services.__name__}.toy", None)


def build(config: Path) -> dict[str, list]:
    import cdk8s
    from tomoda_build.bindings import register_imports
    from tomoda_k8s.base import render
    from tomoda_k8s.estate import build_k8s
    from tomoda_model import load_estate
    register_imports()
    app = cdk8s.App()
    build_k8s(app, load_estate(config))
    return render(app)


def named(docs, kind, name):
    (doc,) = [d for d in docs if d["kind"] == kind and d["metadata"]["name"] == name]
    return doc


def test_a_service_is_its_model_entry_and_its_module(cfg, toy_module, k8s_tree, estate):
    from tomoda_k8s.platform.cert_manager import LETSENCRYPT_PROD
    from tomoda_k8s.platform.external_secrets import PLATFORM, gsm_store_name
    from tomoda_k8s.platform.oauth2_proxy import RELEASE as OAUTH2_PROXY
    # GIVEN the seed config plus the toy's entry, and the toy's module
    # WHEN the Kubernetes layer is built
    files = build(with_toy_entry(cfg))
    # THEN the toy has its own file: an Application pinned to its chart, in Argo CD's namespace
    toy = files[f"{PLATFORM_DIR}/toy.yaml"]
    app = named(toy, "Application", "toy")
    assert app["metadata"]["namespace"] == estate.argocd.namespace
    assert app["spec"]["destination"]["namespace"] == "toy"
    source = app["spec"]["source"]
    assert (source["repoURL"], source["chart"], source["targetRevision"]) == (
        "https://charts.example.org", "toy", "1.2.3")
    values = source["helm"]["valuesObject"]
    # ... its Secret from the platform store, named in its values
    secret = named(toy, "ExternalSecret", "toy-token")
    assert secret["metadata"]["namespace"] == "toy"
    assert secret["spec"]["secretStoreRef"]["name"] == gsm_store_name(PLATFORM)
    assert secret["spec"]["data"][0]["remoteRef"]["key"] == "toy-token"
    assert values["existingSecret"] == "toy-token"
    # ... its identity, and its UI behind the issuer and the forward-auth gate
    assert values["serviceAccount"]["annotations"] == {
        "iam.gke.io/gcp-service-account": f"toy-sa@{estate.gcp.project}.iam.gserviceaccount.com"}
    ingress = named(toy, "Ingress", "toy")
    annotations = ingress["metadata"]["annotations"]
    auth_namespace = estate.platform.charts["oauth2-proxy"].namespace
    assert annotations["cert-manager.io/cluster-issuer"] == LETSENCRYPT_PROD
    assert annotations["traefik.ingress.kubernetes.io/router.middlewares"] == \
        f"{auth_namespace}-{OAUTH2_PROXY}@kubernetescrd"
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert (backend["name"], backend["port"]["number"]) == ("toy", 8080)
    # ... its namespace exists before its release, and the platform store admits it
    assert "toy" in {d["metadata"]["name"] for d in files[f"{PLATFORM_DIR}/namespaces.yaml"]}
    stores = files[f"{PLATFORM_DIR}/external-secrets.yaml"]
    platform_store = named(stores, "ClusterSecretStore", gsm_store_name(PLATFORM))
    assert "toy" in platform_store["spec"]["conditions"][0]["namespaces"]
    # AND nothing else changed: every other file is the seed estate's, object for object
    changed = {path for path, docs in files.items()
               if path.endswith(".yaml") and path in k8s_tree.files()
               and docs != k8s_tree.docs(path)}
    assert changed == {f"{PLATFORM_DIR}/namespaces.yaml", f"{PLATFORM_DIR}/external-secrets.yaml"}


def test_a_chart_without_a_module_is_named_with_the_file_to_write(cfg):
    # GIVEN a chart in the model that no module builds
    with_toy_entry(cfg)
    # WHEN the Kubernetes layer is built THEN the error names the entry and the missing file
    with pytest.raises(ValueError, match=r"platform\.charts\.toy: no construct for it; write "
                                         r"constructs/tomoda_k8s/platform/services/toy\.py"):
        build(cfg)
