"""The `gcp-argocd` stack: Argo CD by Helm, on the cluster of the `gcp` stack."""
from __future__ import annotations

import re

import yaml

from cloud.cloud_json import datas, one


def _values(argocd) -> dict:
    (values,) = one(argocd, "helm_release")["values"]
    return yaml.safe_load(values)


def _google_connector(argocd) -> dict:
    dex = yaml.safe_load(_values(argocd)["configs"]["cm"]["dex.config"])
    (connector,) = [c for c in dex["connectors"] if c["type"] == "google"]
    return connector["config"]


def test_release_is_the_pinned_argo_cd_chart_in_argocd(argocd):
    release = one(argocd, "helm_release")
    assert (release["chart"], release["version"]) == ("argo-cd", "7.7.13")
    assert release["repository"] == "https://argoproj.github.io/argo-helm"
    assert release["namespace"] == "argocd"


def test_server_url_is_the_argocd_host(argocd):
    assert _values(argocd)["configs"]["cm"]["url"] == "https://argo-app.tomoda.life"


def test_dex_google_connector_is_restricted_to_the_hosted_domain(argocd, estate):
    assert _google_connector(argocd)["hostedDomains"] == [estate.domain] == ["tomoda.life"]


def test_dex_client_credentials_are_secret_references_not_values(argocd):
    config = _google_connector(argocd)
    for key in ("clientID", "clientSecret"):
        assert re.fullmatch(r"\$[a-z0-9-]+:[A-Za-z0-9.]+", config[key]), config[key]


def test_referenced_secret_keys_come_from_secret_manager_at_apply_time(argocd, estate):
    # GIVEN the keys dex.config refers to (`$argocd-secret:<key>`)
    config = _google_connector(argocd)
    keys = {config[k].split(":", 1)[1] for k in ("clientID", "clientSecret")}
    # THEN each is a sensitive Helm value interpolated from a Secret Manager data source
    sensitive = {s["name"].removeprefix("configs.secret.extra.").replace("\\.", "."): s["value"]
                 for s in one(argocd, "helm_release")["set_sensitive"]
                 if s["name"].startswith("configs.secret.extra.")}
    assert set(sensitive) == keys
    assert all(re.fullmatch(r"\$\{data\.google_secret_manager_secret_version\.[^}]+\.secret_data\}", v)
               for v in sensitive.values())
    read = {d["secret"] for d in datas(argocd, "google_secret_manager_secret_version")}
    assert read == {estate.argocd.dex_client_id_secret, estate.argocd.dex_client_secret_secret,
                    estate.gitops.credentials_secret}


def test_a_private_gitops_repo_is_readable_from_the_first_sync(argocd, estate):
    # GIVEN a GitOps repository with a read token in Secret Manager
    assert estate.gitops.credentials_secret
    release = one(argocd, "helm_release")
    # THEN Argo CD is installed with a credential template for it, its password read from
    # Secret Manager at apply time (ESO, which keeps it fresh later, is not there yet)
    values = yaml.safe_load(release["values"][0])
    template = values["configs"]["credentialTemplates"]["gitops"]
    assert template["url"] == estate.gitops.repo_url and "password" not in template
    password = {s["name"]: s["value"] for s in release["set_sensitive"]}[
        "configs.credentialTemplates.gitops.password"]
    assert re.fullmatch(r"\$\{data\.google_secret_manager_secret_version\.[^}]+\.secret_data\}", password)


def test_helm_reaches_the_cluster_of_the_gcp_stack(argocd, gcp):
    # GIVEN the gcp stack's outputs, as cdktf's cross-stack references wrote them
    outputs = {k: v["value"] for k, v in gcp["output"].items()}
    kube = argocd["provider"]["helm"][0]["kubernetes"]
    remote = argocd["data"]["terraform_remote_state"]
    (state,) = remote.values()
    assert state["backend"] == "gcs" and state["config"]["prefix"].endswith("/gcp")

    def output_of(expr: str) -> str:
        (name,) = re.findall(r"\.outputs\.([\w-]+)", expr)
        return outputs[name]

    assert re.fullmatch(r"\$\{google_container_cluster\.\w+\.endpoint\}", output_of(kube["host"]))
    assert kube["host"].startswith("https://")
    assert output_of(kube["cluster_ca_certificate"]).endswith(".master_auth[0].cluster_ca_certificate}")
    assert kube["cluster_ca_certificate"].startswith("${base64decode(")
    assert kube["token"] == "${data.google_client_config.caller.access_token}"


def test_signed_in_users_get_a_role_and_admins_come_from_the_model(argocd, estate):
    rbac = yaml.safe_load(one(argocd, "helm_release")["values"][0])["configs"]["rbac"]
    # without a default role SSO users sign in and see nothing
    assert rbac["policy.default"] == estate.argocd.default_role == "role:readonly"
    assert rbac["policy.csv"].splitlines() == [f"g, {e}, role:admin" for e in estate.argocd.admins]
    # Dex's `sub` is opaque: the email claim must be examined for the admin lines to match
    assert "email" in rbac["scopes"]
