"""Proof that the behaviour checks can fail: first sync, deletion, isolation, secrets.

Each case breaks a copy of a fresh dist/ the way a real defect would (a wave too early, a
missing annotation, an open NetworkPolicy, a store that reads another tenant's secrets) and
asserts that the family guarding that class names the broken object and its cause.
"""
from __future__ import annotations

import dataclasses

import json
import shutil
from pathlib import Path

import pytest
import yaml

from check.test_check_mutations import add_docs, edit_obj, edit_tf, edit_yaml
from support import CONFIG
from tomoda_check import run
from tomoda_build.settings import Settings

WAVE = "argocd.argoproj.io/sync-wave"
OPTIONS = "argocd.argoproj.io/sync-options"
FINALIZER = "resources-finalizer.argocd.argoproj.io"


def _wave(value: str):
    return lambda d: d["metadata"].setdefault("annotations", {}).update({WAVE: value})


def _wave_of(dist: Path, kind: str, name: str) -> str:
    for path in (dist / "k8s").rglob("*.yaml"):
        for d in yaml.safe_load_all(path.read_text()):
            if d and d.get("kind") == kind and d["metadata"]["name"] == name:
                return d["metadata"]["annotations"][WAVE]
    raise AssertionError(f"{kind} {name} not found")


# ---------------------------------------------------------------- first-sync

def _issuer_before_crd(dist):
    edit_obj(dist, "ClusterIssuer", "letsencrypt-prod", None, _wave("1"))


def _issuer_with_its_operator(dist):
    edit_obj(dist, "ClusterIssuer", "letsencrypt-prod", None,
             _wave(_wave_of(dist, "Application", "cert-manager")))


def _traefik_before_monitoring(dist):
    edit_obj(dist, "Application", "traefik", "argocd", _wave("1"))


def _namespace_late(dist):
    edit_obj(dist, "Namespace", "monitoring", None, _wave("99"))


def _no_skip_dry_run(dist):
    edit_obj(dist, "ClusterIssuer", "letsencrypt-prod", None,
             lambda d: d["metadata"]["annotations"].pop(OPTIONS))


def _no_application_health_check(dist):
    def fn(body):
        values = yaml.safe_load(body["values"][0])
        del values["configs"]["cm"]["resource.customizations.health.argoproj.io_Application"]
        body["values"] = [yaml.safe_dump(values)]
    edit_tf(dist, "gcp-argocd", "helm_release", lambda b: True, fn)


def _finite_retries(dist):
    edit_obj(dist, "Application", "cert-manager", "argocd",
             lambda d: d["spec"]["syncPolicy"]["retry"].update(limit=10))


def _secret_after_its_consumer(dist):
    edit_obj(dist, "ExternalSecret", "grafana-admin", "monitoring", _wave("10"))


def _external_secret_with_its_store(dist):
    edit_obj(dist, "ExternalSecret", "postgres-prod-credentials", "data", _wave("0"))
    edit_obj(dist, "ExternalSecret", "oauth2-proxy", "oauth2-proxy",
             _wave(_wave_of(dist, "ClusterSecretStore", "gsm-tomoda")))


def _two_owners(dist):
    edit_obj(dist, "Application", "dev", "argocd",
             lambda d: d["spec"]["source"].update(path="dist/k8s/envs/prod"))


def _tiers_applied_by_hand(dist):
    """The old bootstrap: every tier Application in the file applied by hand, no root."""
    tiers = (dist / "k8s/envs/tiers.yaml").read_text()
    (dist / "k8s/envs/bootstrap.yaml").write_text(tiers)
    (dist / "k8s/envs/tiers.yaml").unlink()


# ---------------------------------------------------------------- deletion

def _prod_cascades_without_keep(dist):
    edit_obj(dist, "Application", "prod", "argocd",
             lambda d: d["metadata"].update(finalizers=[FINALIZER]))
    edit_obj(dist, "ScheduledBackup", "postgres-prod-backup", "data",
             lambda d: d["metadata"]["annotations"].update({OPTIONS: "SkipDryRunOnMissingResource=true"}))


def _redis_release_cascades(dist):
    edit_obj(dist, "Application", "prod-redis", "argocd",
             lambda d: d["metadata"].update(finalizers=[FINALIZER]))


# ---------------------------------------------------------------- isolation (wiring)

def _prod_postgres_open(dist):
    edit_yaml(dist, "k8s/envs/prod/network-policies.yaml",
              lambda docs: docs.remove(next(d for d in docs
                                            if d["metadata"]["name"] == "postgres-prod-clients")))


def _app_shut_out_of_its_redis(dist):
    # the two backend pools are the first two peers; the admin UI stays admitted
    edit_obj(dist, "NetworkPolicy", "redis-clients", "data",
             lambda d: d["spec"]["ingress"][0].update({"from": d["spec"]["ingress"][0]["from"][2:]}))


# ---------------------------------------------------------------- secrets (crosslayer)

def _dev_reads_a_prod_secret(dist):
    edit_obj(dist, "ExternalSecret", "backend-secrets-dev", "tomoda",
             lambda d: d["spec"]["data"][0]["remoteRef"].update(key="tomoda-jwt-secret-prod"))


def _dev_store_admits_prod(dist):
    edit_obj(dist, "ClusterSecretStore", "gsm-tomoda-prod", None,
             lambda d: d["spec"]["conditions"][0]["namespaces"].append("tomoda"))


def _project_wide_accessor(dist):
    path = dist / "terraform" / "gcp" / "cdk.tf.json"
    doc = json.loads(path.read_text())
    gsa = next(n for n, b in doc["resource"]["google_service_account"].items()
               if b["account_id"] == "eso-dev")
    doc["resource"]["google_project_iam_member"]["leak"] = {
        "project": "development-485000", "role": "roles/secretmanager.secretAccessor",
        "member": f"${{google_service_account.{gsa}.member}}"}
    path.write_text(json.dumps(doc, indent=2))


def _no_tenant_store_policy(dist):
    edit_yaml(dist, "k8s/envs/platform/external-secrets.yaml",
              lambda docs: [docs.remove(d) for d in list(docs)
                            if d["kind"].startswith("ValidatingAdmissionPolicy")])


def _redis_password_elsewhere(dist):
    edit_obj(dist, "ExternalSecret", "prod-redis-auth", "data",
             lambda d: d["spec"]["data"][0]["remoteRef"].update(key="tomoda-jwt-secret-prod"))


def _redis_without_auth(dist):
    edit_obj(dist, "Application", "redis", "argocd",
             lambda d: d["spec"]["source"]["helm"]["valuesObject"]["auth"].update(enabled=False))


def _backups_without_identity(dist):
    edit_obj(dist, "Cluster", "postgres-prod", "data",
             lambda d: d["spec"].pop("serviceAccountTemplate"))


# ---------------------------------------------------------------- policy and Terraform

def _alerts_to_null(dist):
    edit_obj(dist, "Application", "kube-prometheus-stack", "argocd",
             lambda d: d["spec"]["source"]["helm"]["valuesObject"]["alertmanager"]["config"]
             ["route"].update(receiver="null"))


def _nodes_default_account(dist):
    edit_tf(dist, "gcp", "google_container_node_pool", lambda b: True,
            lambda b: b["node_config"].pop("service_account"))


def _cluster_before_its_api(dist):
    edit_tf(dist, "gcp", "google_container_cluster", lambda b: True, lambda b: b.pop("depends_on"))


CASES = [
    ("cr-before-crd", "first-sync", _issuer_before_crd,
     ["ClusterIssuer letsencrypt-prod", "cert-manager.io", "wave 1", "Application argocd/cert-manager"]),
    ("webhook-same-wave", "first-sync", _issuer_with_its_operator,
     ["ClusterIssuer letsencrypt-prod", "same wave as its operator", "admission webhook"]),
    ("chart-needs-monitoring", "first-sync", _traefik_before_monitoring,
     ["Application argocd/traefik", "cannot render chart traefik", "monitoring.coreos.com/v1"]),
    ("namespace-late", "first-sync", _namespace_late,
     ["into namespace monitoring, which does not exist yet"]),
    ("dry-run", "first-sync", _no_skip_dry_run,
     ["ClusterIssuer letsencrypt-prod", "dry run", "SkipDryRunOnMissingResource"]),
    ("no-application-health", "first-sync", _no_application_health_check,
     ["helm_release", "resource.customizations.health.argoproj.io_Application"]),
    ("finite-retries", "first-sync", _finite_retries,
     ["Application argocd/cert-manager", "retries a failed sync 10"]),
    ("secret-deadlock", "first-sync", _secret_after_its_consumer,
     ["Application argocd/kube-prometheus-stack", "Secret monitoring/grafana-admin",
      "ExternalSecret monitoring/grafana-admin"]),
    ("external-secret-with-store", "first-sync", _external_secret_with_its_store,
     ["ExternalSecret oauth2-proxy/oauth2-proxy", "ClusterSecretStore gsm-tomoda", "not after"]),
    ("two-owners", "first-sync", _two_owners,
     ["synced by 2 Applications", "Application argocd/dev", "Application argocd/prod"]),
    ("bootstrap-without-root", "first-sync", _tiers_applied_by_hand,
     ["postgres-prod", "postgresql.cnpg.io", "before its CRD provider"]),
    ("delete-backup-machinery", "deletion", _prod_cascades_without_keep,
     ["deleting Application argocd/prod", "ScheduledBackup data/postgres-prod-backup"]),
    ("delete-redis-release", "deletion", _redis_release_cascades,
     ["deleting Application argocd/prod-redis", "redis release data/prod-redis"]),
    ("cross-tenant-path", "wiring", _prod_postgres_open,
     ["Deployment tomoda/tomoda-api", "tenant dev", "Cluster data/postgres-prod", "5432"]),
    ("app-path-denied", "wiring", _app_shut_out_of_its_redis,
     ["Deployment tomoda/tomoda-api", "REDIS_HOST", "denied by NetworkPolicy data/redis-clients"]),
    ("foreign-secret", "crosslayer", _dev_reads_a_prod_secret,
     ["ExternalSecret tomoda/backend-secrets-dev", "tomoda-jwt-secret-prod", "tenant prod"]),
    ("store-admits-other-tenant", "crosslayer", _dev_store_admits_prod,
     ["ClusterSecretStore gsm-tomoda-prod", "tenant dev's namespace tomoda"]),
    ("project-wide-accessor", "crosslayer", _project_wide_accessor,
     ["ClusterSecretStore gsm-tomoda-dev", "other tenants' secrets"]),
    ("no-store-policy", "crosslayer", _no_tenant_store_policy,
     ["namespace data", "gsm-tomoda-dev", "gsm-tomoda-prod", "ValidatingAdmissionPolicy"]),
    ("redis-password-mismatch", "crosslayer", _redis_password_elsewhere,
     ["Deployment prod/tomoda-api", "Redis prod-redis", "tomoda-redis-password-prod",
      "tomoda-jwt-secret-prod"]),
    ("redis-without-auth", "crosslayer", _redis_without_auth,
     ["Application argocd/redis", "without auth"]),
    ("backup-identity", "crosslayer", _backups_without_identity,
     ["Cluster data/postgres-prod", "ObjectStore data/postgres-prod-backups", "Workload Identity"]),
    ("alerts-nowhere", "policy", _alerts_to_null,
     ["kube-prometheus-stack", "receiver 'null'", "no notifier"]),
    ("node-default-account", "policy", _nodes_default_account,
     ["google_container_node_pool", "Compute Engine default service account"]),
    ("api-not-awaited", "wiring", _cluster_before_its_api,
     ["google_container_cluster", "google_project_service.api-container"]),
]


@pytest.fixture
def broken(tmp_path, fresh_dist) -> Path:
    dist = tmp_path / "dist"
    shutil.copytree(fresh_dist, dist)
    return dist


@pytest.mark.parametrize("family,mutate,words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_behaviour_check_names_the_broken_object(broken, family, mutate, words):
    # GIVEN a fresh dist/ with one behaviour defect
    mutate(broken)
    # WHEN the family that guards that class runs
    (findings,) = run(broken, CONFIG, families=[family])
    # THEN it fails, naming the object and the cause
    assert findings.failures, f"{family} did not notice"
    assert any(all(w in msg for w in words) for msg in findings.failures), \
        "no failure names " + repr(words) + ":\n" + "\n".join(findings.failures)


def _with_crds(crds: Path) -> Settings:
    return dataclasses.replace(Settings.from_env(), crd_dir=crds)


def _crd_copy(tmp_path: Path, edit) -> Path:
    crds = tmp_path / "crds"
    shutil.copytree(Settings.from_env().crd_dir, crds, ignore=shutil.ignore_patterns("newest"))
    text = (crds / "deployed.toml").read_text()
    (crds / "deployed.toml").write_text(edit(text))
    return crds


def test_a_chart_bump_without_its_crd_set_fails_by_name(fresh_dist, tmp_path):
    # GIVEN CRDs recorded for another cert-manager version than the one pinned
    crds = _crd_copy(tmp_path, lambda t: t.replace('chart = "v1.19.4"', 'chart = "v1.18.0"'))
    # WHEN the schemas family validates
    (findings,) = run(fresh_dist, CONFIG, families=["schemas"], settings=_with_crds(crds))
    # THEN it names the chart, the pinned version and the version the CRDs are of
    assert any("cert-manager is pinned at v1.19.4" in m and "cert-manager v1.18.0" in m
               for m in findings.failures), findings.failures


def test_a_pinned_chart_with_no_crd_set_fails_by_name(fresh_dist, tmp_path):
    # GIVEN no CRD set at all for the pinned CNPG chart
    crds = _crd_copy(tmp_path, lambda t: t.replace("[cloudnative-pg]", "[cloudnative-pg-gone]"))
    (findings,) = run(fresh_dist, CONFIG, families=["schemas"], settings=_with_crds(crds))
    assert any("chart cloudnative-pg 0.29.0" in m and "no CRD set" in m for m in findings.failures)
    # AND its custom resources are no longer validated against some other version's schema
    assert any("Cluster data/postgres-prod" in m and "no schema" in m for m in findings.failures)


def test_first_sync_timeline_orders_operators_before_their_resources(fresh_dist):
    # GIVEN the committed estate WHEN the first sync is simulated
    (findings,) = run(fresh_dist, CONFIG, families=["first-sync"])
    assert not findings.failures, findings.failures
    # THEN the timeline has the platform before the tenants, kube-prometheus-stack before the
    # charts that render monitoring objects, and each database after its credentials
    text = "\n".join(findings.notes)
    assert text.index("bootstrap wave 1: Application platform") < text.index("Application dev, Application prod")
    assert text.index("Application kube-prometheus-stack") < text.index("Application cert-manager")
    prod = [n for n in findings.notes if "Application argocd/prod wave" in n]
    credentials = next(i for i, n in enumerate(prod) if "ExternalSecret postgres-prod-credentials" in n)
    cluster = next(i for i, n in enumerate(prod) if "Cluster postgres-prod" in n)
    assert credentials < cluster
