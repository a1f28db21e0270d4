"""Proof that the checks can fail: break a copy of a fresh dist/ one way at a time.

Each case names the family that must catch it and words the failure must contain (the
broken object and what it refers to). The checks run in-process on the mutated copy;
one case goes through apps/check.py to prove the exit code.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Callable

import pytest
import yaml

from check.check_helpers import require_checkov
from support import CONFIG, run_app
from tomoda_build import yamlio
from tomoda_check import run
from tomoda_check.context import AllowList


# ---------------------------------------------------------------- editing helpers

def edit_yaml(dist: Path, rel: str, fn: Callable[[list[dict]], None]) -> None:
    path = dist / rel
    docs = [d for d in yaml.safe_load_all(path.read_text()) if d is not None]
    fn(docs)
    path.write_text(yamlio.dump_all(docs))


def edit_obj(dist: Path, kind: str, name: str, namespace: str | None,
             fn: Callable[[dict], None]) -> None:
    """Apply `fn` to the one object `kind namespace/name` wherever it lives in dist/k8s."""
    hits = 0
    for path in sorted((dist / "k8s").rglob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        docs = [d for d in yaml.safe_load_all(path.read_text()) if d is not None]
        for d in docs:
            meta = d.get("metadata") or {}
            if d.get("kind") == kind and meta.get("name") == name and \
                    (namespace is None or meta.get("namespace") == namespace):
                fn(d)
                hits += 1
                path.write_text(yamlio.dump_all(docs))
    assert hits == 1, f"expected one {kind} {namespace}/{name} in the fresh tree, found {hits}"


def add_docs(dist: Path, rel: str, *docs: dict) -> None:
    path = dist / rel
    existing = [d for d in yaml.safe_load_all(path.read_text()) if d is not None] if path.exists() else []
    path.write_text(yamlio.dump_all(existing + list(docs)))


def edit_tf(dist: Path, stack: str, rtype: str, where: Callable[[dict], bool],
            fn: Callable[[dict], None]) -> None:
    path = dist / "terraform" / stack / "cdk.tf.json"
    doc = json.loads(path.read_text())
    hits = [body for body in doc["resource"][rtype].values() if where(body)]
    assert len(hits) == 1, f"expected one matching {rtype} in {stack}, found {len(hits)}"
    fn(hits[0])
    path.write_text(json.dumps(doc, indent=2))


def container(d: dict, index: int = 0) -> dict:
    return d["spec"]["template"]["spec"]["containers"][index]


def secret_object(name: str, namespace: str) -> dict:
    return {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": name, "namespace": namespace},
            "type": "Opaque", "stringData": {"password": "hunter2"}}


# ---------------------------------------------------------------- the mutations
# (id, family, mutate(dist), words every one of which the failure message must contain)

def _selector_typo(dist):
    edit_obj(dist, "Service", "backend-service", "tomoda",
             lambda d: d["spec"]["selector"].update(app="tomoda-apx"))


def _missing_configmap(dist):
    edit_obj(dist, "ConfigMap", "backend-config-dev", "tomoda",
             lambda d: d["metadata"].update(name="backend-config-renamed"))


def _dangling_wi_member(dist):
    edit_tf(dist, "gcp", "google_service_account_iam_member",
            lambda b: b["member"].endswith("[data/postgres-prod]"),
            lambda b: b.update(member=b["member"].replace("postgres-prod", "postgres-prd")))


def _wrong_backup_bucket(dist):
    edit_obj(dist, "ObjectStore", "postgres-prod-backups", "data",
             lambda d: d["spec"]["configuration"].update(destinationPath="gs://not-our-bucket/prod/"))


def _secret_with_data(dist):
    add_docs(dist, "k8s/apps/tomoda/prod/config.yaml", secret_object("leaked", "prod"))


def _cloudflare_proxied(dist):
    edit_tf(dist, "aws-prod", "cloudflare_dns_record", lambda b: b.get("type") == "CNAME",
            lambda b: b.update(proxied=True))


def _unpinned_chart_star(dist):
    edit_obj(dist, "Application", "prod-redis", "argocd",
             lambda d: d["spec"]["source"].update(targetRevision="*"))


def _unpinned_chart_range(dist):
    edit_obj(dist, "Application", "cert-manager", "argocd",
             lambda d: d["spec"]["source"].update(targetRevision=">=1.0"))


def _application_path_missing(dist):
    edit_obj(dist, "Application", "tomoda", "argocd",
             lambda d: d["spec"]["source"].update(path="dist/k8s/apps/tomoda/nowhere"))


def _wrong_schema_type(dist):
    edit_obj(dist, "Deployment", "tomoda-api", "prod", lambda d: d["spec"].update(replicas="two"))


def _unknown_field_in_custom_resource(dist):
    edit_obj(dist, "ExternalSecret", "backend-secrets-dev", "tomoda",
             lambda d: d["spec"].update(refreshIntervall="1h"))


def _unknown_kind(dist):
    add_docs(dist, "k8s/envs/prod/app.yaml", {"apiVersion": "example.com/v1", "kind": "Widget",
                                              "metadata": {"name": "gizmo", "namespace": "prod"}})


def _duplicate_object(dist):
    cm = next(d for d in yaml.safe_load_all((dist / "k8s/apps/tomoda/dev/config.yaml").read_text())
              if d and d["kind"] == "ConfigMap")
    add_docs(dist, "k8s/envs/dev/namespace.yaml", cm)


def _undeclared_registry(dist):
    edit_obj(dist, "Deployment", "tomoda-async", "prod", lambda d: container(d).update(
        image="europe-west1-docker.pkg.dev/development-485000/other-repo/tomoda-backend:v1.0.0"))


def _third_party_image_not_listed(dist):
    edit_obj(dist, "Deployment", "frontend", "prod",
             lambda d: container(d).update(image="nginx:1.27.0"))


def _latest_in_prod(dist):
    edit_obj(dist, "Deployment", "tomoda-api", "prod", lambda d: container(d).update(
        image=container(d)["image"].rsplit(":", 1)[0] + ":latest"))


def _no_limits(dist):
    edit_obj(dist, "Deployment", "frontend", "prod",
             lambda d: container(d)["resources"].pop("limits"))


def _missing_store(dist):
    edit_obj(dist, "ExternalSecret", "backend-secrets-prod", "prod",
             lambda d: d["spec"]["secretStoreRef"].update(name="no-such-store"))


def _ingress_port_mismatch(dist):
    def fn(d):
        d["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]["port"]["number"] = 9090
    edit_obj(dist, "Ingress", "tomoda-ingress", "tomoda", fn)


def _hpa_target_missing(dist):
    edit_obj(dist, "HorizontalPodAutoscaler", "tomoda-api-hpa", "prod",
             lambda d: d["spec"]["scaleTargetRef"].update(name="tomoda-apix"))


def _network_policy_selects_nothing(dist):
    edit_obj(dist, "NetworkPolicy", "frontend-policy", "prod",
             lambda d: d["spec"]["podSelector"].update(matchLabels={"app": "frontent"}))


def _missing_issuer(dist):
    edit_obj(dist, "Ingress", "tomoda-ingress", "prod", lambda d: d["metadata"]["annotations"].update(
        {"cert-manager.io/cluster-issuer": "letsencrypt-staging"}))


def _gsa_not_in_terraform(dist):
    edit_obj(dist, "Cluster", "postgres-prod", "data",
             lambda d: d["spec"]["serviceAccountTemplate"]["metadata"]["annotations"].update(
                 {"iam.gke.io/gcp-service-account": "ghost-sa@development-485000.iam.gserviceaccount.com"}))


def _alias_without_certificate(dist):
    edit_tf(dist, "aws-prod", "aws_acm_certificate", lambda b: True,
            lambda b: b.update(domain_name="static.tomoda.life"))


def _trigger_pushes_elsewhere(dist):
    edit_tf(dist, "gcp", "google_cloudbuild_trigger", lambda b: b["name"] == "backend-push-trigger",
            lambda b: b["substitutions"].update(_IMAGE="tomoda-api"))


def _dns_collision(dist):
    edit_obj(dist, "Ingress", "tomoda-ingress", "tomoda",
             lambda d: d["spec"]["rules"][1].update(host="assets-dev.tomoda.life"))


def _consumer_url_dangling(dist):
    edit_obj(dist, "ConfigMap", "backend-config-prod", "prod",
             lambda d: d["data"].update(REDIS_HOST="prod-redis-mastr.data.svc.cluster.local"))


def _credential_string(dist):
    edit_obj(dist, "ConfigMap", "backend-config-dev", "tomoda",
             lambda d: d["data"].update(AWS_KEY="AKIAABCDEFGHIJKLMNOP"))


def _kustomization_misses_a_file(dist):
    edit_yaml(dist, "k8s/apps/tomoda/dev/kustomization.yaml",
              lambda docs: docs[0]["resources"].remove("hpa.yaml"))


def _kustomization_lists_missing_file(dist):
    edit_yaml(dist, "k8s/apps/tomoda/dev/kustomization.yaml",
              lambda docs: docs[0]["resources"].append("ghost.yaml"))


def _invalid_aws_attribute(dist):
    edit_tf(dist, "aws-dev", "aws_s3_bucket", lambda b: True, lambda b: b.update(acl_typo="private"))


def _committed_lock(dist: Path, stack: str, edit: Callable[[str], str]) -> None:
    """The repository's committed lock file of `stack`, edited, in the broken tree."""
    from support import ROOT
    text = (ROOT / "dist/terraform" / stack / ".terraform.lock.hcl").read_text()
    edited = edit(text)
    assert edited != text
    (dist / "terraform" / stack / ".terraform.lock.hcl").write_text(edited)


def _lock_at_another_version(dist):
    _committed_lock(dist, "aws-dev", lambda t: t.replace('version     = "5.100.0"', 'version     = "5.99.0"'))


def _lock_with_a_wrong_checksum(dist):
    for stack in ("aws-dev", "aws-prod"):
        _committed_lock(dist, stack, lambda t: t.replace("h1:edXOJWE4", "h1:AAAAAAAA"))


def _privileged_container(dist):
    edit_obj(dist, "Deployment", "tomoda-api", "prod",
             lambda d: container(d)["securityContext"].update(privileged=True))


def _namespace_missing(dist):
    edit_obj(dist, "Service", "frontend-service", "prod", lambda d: d["metadata"].pop("namespace"))


def _trigger_name_clash(dist):
    edit_tf(dist, "gcp", "google_cloudbuild_trigger", lambda b: b["name"] == "backend-release-trigger",
            lambda b: b.update(name="backend-push-trigger"))


def _ksa_annotation_mismatch(dist):
    edit_obj(dist, "Application", "external-secrets", "argocd",
             lambda d: d["spec"]["source"]["helm"]["valuesObject"]["serviceAccount"]["annotations"]
             .update({"iam.gke.io/gcp-service-account":
                      "cnpg-backup-sa@development-485000.iam.gserviceaccount.com"}))


def _network_policy_not_enforced(dist):
    edit_tf(dist, "gcp", "google_container_cluster", lambda b: True,
            lambda b: [b.pop(k, None) for k in ("datapath_provider", "network_policy")])


def _middleware_typo(dist):
    key = "traefik.ingress.kubernetes.io/router.middlewares"
    edit_obj(dist, "Ingress", "grafana", "monitoring",
             lambda d: d["metadata"]["annotations"].update({key: "oauth2-proxy-oauth2-proxi@kubernetescrd"}))


def _probe_unpublished_host(dist):
    edit_obj(dist, "Probe", "prod-api", "monitoring", lambda d: d["spec"]["targets"]["staticConfig"]
             .update(static=["https://api-old.tomoda.life/health"]))


def _opaque_secret_value(dist):
    edit_obj(dist, "Application", "kube-prometheus-stack", "argocd",
             lambda d: d["spec"]["source"]["helm"]["valuesObject"]["grafana"].update(
                 adminPassword="c2VjcmV0LXZhbHVlLTEyMzQ1Njc4OTA0NTY3"))


def _terraform_secret_version(dist):
    path = dist / "terraform" / "gcp" / "cdk.tf.json"
    doc = json.loads(path.read_text())
    doc["resource"]["google_secret_manager_secret_version"] = {"leak": {
        "secret": "${google_secret_manager_secret.x.id}", "secret_data": "correct horse battery"}}
    path.write_text(json.dumps(doc, indent=2))


def _literal_sensitive_helm_value(dist):
    edit_tf(dist, "gcp-argocd", "helm_release", lambda b: True,
            lambda b: b["set_sensitive"][0].update(value="GOCSPX-abcdefghijklmnopqrstuvwx"))


def _external_secret_reads_undeclared_key(dist):
    edit_obj(dist, "ExternalSecret", "backend-secrets-prod", "prod",
             lambda d: d["spec"]["data"][0]["remoteRef"].update(key="tomoda-ghost-secret-prod"))


def _wi_binding_removed(dist):
    path = dist / "terraform" / "gcp" / "cdk.tf.json"
    doc = json.loads(path.read_text())
    bindings = doc["resource"]["google_service_account_iam_member"]
    for name in [n for n, b in bindings.items() if "[data/postgres-prod]" in b["member"]]:
        del bindings[name]
    path.write_text(json.dumps(doc, indent=2))


def _application_repo_typo(dist):
    edit_obj(dist, "Application", "prod-tomoda", "argocd",
             lambda d: d["spec"]["source"].update(repoURL="https://github.com/tomoda-labs/devopz.git"))


def _terraform_reference_typo(dist):
    edit_tf(dist, "gcp", "google_container_node_pool", lambda b: True,
            lambda b: b.update(cluster=b["cluster"].replace("gke_cluster", "gke_clustr")))


CASES = [
    ("selector-typo", "wiring", _selector_typo,
     ["Service tomoda/backend-service", "app=tomoda-apx", "namespace tomoda"]),
    ("missing-configmap", "wiring", _missing_configmap,
     ["Deployment tomoda/tomoda-api", "ConfigMap tomoda/backend-config-dev"]),
    ("missing-store", "wiring", _missing_store,
     ["ExternalSecret prod/backend-secrets-prod", "ClusterSecretStore no-such-store"]),
    ("ingress-port", "wiring", _ingress_port_mismatch,
     ["Ingress tomoda/tomoda-ingress", "Service tomoda/backend-service", "9090"]),
    ("hpa-target", "wiring", _hpa_target_missing,
     ["HorizontalPodAutoscaler prod/tomoda-api-hpa", "prod/tomoda-apix"]),
    ("netpol-selector", "wiring", _network_policy_selects_nothing,
     ["NetworkPolicy prod/frontend-policy", "app=frontent"]),
    ("middleware-typo", "wiring", _middleware_typo,
     ["Ingress monitoring/grafana", "oauth2-proxy-oauth2-proxi@kubernetescrd"]),
    ("missing-issuer", "wiring", _missing_issuer,
     ["Ingress prod/tomoda-ingress", "ClusterIssuer letsencrypt-staging"]),
    ("app-path", "wiring", _application_path_missing,
     ["Application argocd/tomoda", "dist/k8s/apps/tomoda/nowhere"]),
    ("duplicate", "wiring", _duplicate_object,
     ["ConfigMap tomoda/backend-config-dev", "defined 2 times", "k8s/envs/dev/namespace.yaml"]),
    ("kustomization-unlisted", "wiring", _kustomization_misses_a_file,
     ["k8s/apps/tomoda/dev/hpa.yaml", "kustomization.yaml"]),
    ("terraform-name-clash", "wiring", _trigger_name_clash,
     ["google_cloudbuild_trigger 'backend-push-trigger'", "declared 2 times"]),
    ("namespace-missing", "schemas", _namespace_missing,
     ["Service frontend-service", "names no namespace"]),
    ("schema-type", "schemas", _wrong_schema_type,
     ["Deployment prod/tomoda-api", "spec.replicas", "'two'"]),
    ("crd-unknown-field", "schemas", _unknown_field_in_custom_resource,
     ["ExternalSecret tomoda/backend-secrets-dev", "refreshIntervall"]),
    ("unknown-kind", "schemas", _unknown_kind, ["Widget prod/gizmo", "no schema"]),
    ("secret-not-declared", "crosslayer", _external_secret_reads_undeclared_key,
     ["ExternalSecret prod/backend-secrets-prod", "tomoda-ghost-secret-prod", "google_secret_manager_secret"]),
    ("wi-binding-missing", "crosslayer", _wi_binding_removed,
     ["data/postgres-prod", "cnpg-backup-sa@", "workloadIdentityUser"]),
    ("terraform-reference", "wiring", _terraform_reference_typo,
     ["terraform/gcp", "google_container_node_pool", "google_container_cluster.gke_clustr"]),
    ("application-repo", "wiring", _application_repo_typo,
     ["Application argocd/prod-tomoda", "devopz.git"]),
    ("dangling-wi-member", "crosslayer", _dangling_wi_member,
     ["google_service_account_iam_member", "data/postgres-prd"]),
    ("wi-annotation-mismatch", "crosslayer", _ksa_annotation_mismatch,
     ["external-secrets/external-secrets", "external-secrets-sa@", "cnpg-backup-sa@"]),
    ("netpol-not-enforced", "crosslayer", _network_policy_not_enforced,
     ["google_container_cluster", "does not enforce NetworkPolicy"]),
    ("probe-host", "crosslayer", _probe_unpublished_host,
     ["Probe monitoring/prod-api", "api-old.tomoda.life"]),
    ("backup-bucket", "crosslayer", _wrong_backup_bucket,
     ["ObjectStore data/postgres-prod-backups", "not-our-bucket", "google_storage_bucket"]),
    ("gsa-undeclared", "crosslayer", _gsa_not_in_terraform,
     ["Cluster data/postgres-prod", "ghost-sa@development-485000.iam.gserviceaccount.com"]),
    ("undeclared-registry", "crosslayer", _undeclared_registry,
     ["Deployment prod/tomoda-async", "other-repo", "not declared"]),
    ("third-party-image", "crosslayer", _third_party_image_not_listed,
     ["Deployment prod/frontend", "nginx:1.27.0", "third_party_images"]),
    ("alias-certificate", "crosslayer", _alias_without_certificate,
     ["aws_cloudfront_distribution", "assets.tomoda.life", "aws_acm_certificate"]),
    ("trigger-vs-updater", "crosslayer", _trigger_pushes_elsewhere,
     ["Application argocd/tomoda", "tomoda-dev-repo/tomoda-backend", "Cloud Build"]),
    ("dns-collision", "crosslayer", _dns_collision,
     ["Ingress tomoda/tomoda-ingress", "assets-dev.tomoda.life", "cloudflare_dns_record"]),
    ("consumer-url", "crosslayer", _consumer_url_dangling,
     ["ConfigMap prod/backend-config-prod", "REDIS_HOST", "data/prod-redis-mastr"]),
    ("secret-with-data", "policy", _secret_with_data, ["Secret prod/leaked", "password"]),
    ("cloudflare-proxied", "policy", _cloudflare_proxied,
     ["cloudflare_dns_record", "assets.tomoda.life", "proxied"]),
    ("unpinned-chart-star", "policy", _unpinned_chart_star,
     ["Application argocd/prod-redis", "'*'"]),
    ("unpinned-chart-range", "policy", _unpinned_chart_range,
     ["Application argocd/cert-manager", "'>=1.0'"]),
    ("latest-in-prod", "policy", _latest_in_prod, ["Deployment prod/tomoda-api", "latest"]),
    ("no-limits", "policy", _no_limits, ["Deployment prod/frontend", "container frontend", "limit"]),
    ("credential", "policy", _credential_string,
     ["ConfigMap tomoda/backend-config-dev", "AWS_KEY", "AWS access key"]),
    ("terraform-secret-version", "policy", _terraform_secret_version,
     ["terraform/gcp", "google_secret_manager_secret_version.leak", "secret value"]),
    ("literal-sensitive-value", "policy", _literal_sensitive_helm_value,
     ["terraform/gcp-argocd", "set_sensitive", "literal"]),
    ("opaque-secret", "policy", _opaque_secret_value,
     ["Application argocd/kube-prometheus-stack", "grafana.adminPassword", "credential"]),
    ("kustomize-build", "tools", _kustomization_lists_missing_file,
     ["kubectl kustomize k8s/apps/tomoda/dev", "ghost.yaml"]),
    ("terraform-validate", "tools", _invalid_aws_attribute,
     ["terraform validate of terraform/aws-dev", "acl_typo"]),
    ("lock-version", "tools", _lock_at_another_version,
     ["terraform/aws-dev/.terraform.lock.hcl", "hashicorp/aws 5.99.0", "pins 5.100.0"]),
    ("lock-checksum", "tools", _lock_with_a_wrong_checksum,
     ["terraform init of the AWS part", "checksums previously recorded"]),
    ("checkov", "checkov", _privileged_container,
     ["Deployment.prod.tomoda-api", "CKV_K8S_16"]),
]


@pytest.fixture
def broken(tmp_path, fresh_dist) -> Path:
    dist = tmp_path / "dist"
    shutil.copytree(fresh_dist, dist)
    return dist


@pytest.mark.parametrize("family,mutate,words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_check_names_the_broken_object(broken, family, mutate, words):
    if family == "checkov":
        require_checkov()
    # GIVEN a fresh dist/ broken in one way
    mutate(broken)
    # WHEN the family that guards it runs
    (findings,) = run(broken, CONFIG, families=[family])
    # THEN it fails, and one message names the broken object and what it refers to
    assert findings.failures, f"{family} did not notice"
    assert any(all(w in msg for w in words) for msg in findings.failures), \
        "no failure names " + repr(words) + ":\n" + "\n".join(findings.failures)


def test_stale_dist_fails_freshness_naming_each_file(broken):
    # GIVEN a fresh dist/ with one file edited, one added and one removed by hand
    _consumer_url_dangling(broken)
    (broken / "k8s/envs/prod/extra.yaml").write_text("{}\n")
    (broken / "k8s/apps/tomoda/prod/hpa.yaml").unlink()
    # WHEN freshness re-synthesizes the model and compares
    (findings,) = run(broken, CONFIG, families=["freshness"])
    # THEN exactly those files are reported, each with what is wrong
    hint = " (dist/ is stale or hand-edited: run `make synth` and commit)"
    assert sorted(findings.failures) == sorted([
        "differs: k8s/apps/tomoda/prod/config.yaml" + hint,
        "only in the checked tree: k8s/envs/prod/extra.yaml" + hint,
        "missing from the checked tree: k8s/apps/tomoda/prod/hpa.yaml" + hint])


def test_allowlist_entry_without_reason_fails_policy(fresh_dist, tmp_path):
    allow = tmp_path / "allow.toml"
    allow.write_text('[[third_party_images]]\nrepository = "nginx"\nreason = ""\n')
    (findings,) = run(fresh_dist, CONFIG, families=["policy"], allow=AllowList(allow))
    assert any("third_party_images" in m and "no reason" in m for m in findings.failures)


def test_cli_exits_one_and_prints_the_broken_object(broken):
    _selector_typo(broken)
    proc = run_app("apps/check.py", "--dist", str(broken), "--skip-freshness", "--only", "wiring",
                   check=False)
    assert proc.returncode == 1
    assert ("FAIL: Service tomoda/backend-service (k8s/apps/tomoda/dev/backend-api.yaml) selects "
            "app=tomoda-apx: no pod template in namespace tomoda matches") in proc.stdout
    assert "FAIL wiring" in proc.stdout
