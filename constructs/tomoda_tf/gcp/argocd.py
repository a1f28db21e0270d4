"""Argo CD, installed by Helm: the one workload Terraform puts into the cluster.

Dex signs users in with Google, restricted to the estate's hosted domain. The OAuth client
id and secret are read from Secret Manager at apply time (data sources) and handed to Helm
as sensitive values that land in the chart's `argocd-secret`; dex.config refers to them
with Argo CD's `$<secret>:<key>` syntax. So the JSON holds only names, never a value.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Sequence

import yaml
from constructs import Construct

from tomoda_model.model import ARGOCD_KSAS, ArgoCd as ArgoCdModel, GitOps
from tomoda_model.protocols import HEALTH_GATE, HEALTH_GATE_SYNC_ONLY, TRACKING_LABEL

DEX_SECRET = "argocd-secret"  # created by the chart, labelled part-of=argocd as $refs require
CLIENT_ID_KEY = "dex.google.clientID"
CLIENT_SECRET_KEY = "dex.google.clientSecret"
# A private GitOps repository: the first sync needs read access before ESO exists, so the
# install carries a credential template (chart Secret argocd-repo-creds-gitops); the platform
# tier's ExternalSecret then keeps a `repository` Secret in step (tomoda_k8s gitops_repo.py).
REPO_CREDS = "gitops"
GIT_USERNAME = "tomoda-argocd"


def dex_config(argocd: ArgoCdModel, domain: str) -> str:
    connector = {
        "type": "google", "id": "google", "name": "Google",
        "config": {
            "clientID": f"${DEX_SECRET}:{CLIENT_ID_KEY}",
            "clientSecret": f"${DEX_SECRET}:{CLIENT_SECRET_KEY}",
            "redirectURI": f"https://{argocd.host}/api/dex/callback",
            "hostedDomains": [domain],
        },
    }
    return yaml.safe_dump({"connectors": [connector]}, sort_keys=True)


class _BlockDumper(yaml.SafeDumper):
    """Writes multi-line strings (dex.config) as literal blocks, as a person would."""


_BlockDumper.add_representer(str, lambda d, s: d.represent_scalar(
    "tag:yaml.org,2002:str", s, style="|" if "\n" in s else None))


# Argo CD 1.8 stopped assessing the health of Application resources, so a parent in an
# app-of-apps would not wait for a child before its next sync wave. This is the check the
# Argo CD docs give for that (operator-manual/health.md), plus one opt-out: a child annotated
# HEALTH_GATE: HEALTH_GATE_SYNC_ONLY counts as Healthy for its parent once it is Synced.
APPLICATION_HEALTH_KEY = "resource.customizations.health.argoproj.io_Application"
APPLICATION_HEALTH_LUA = f"""hs = {{}}
hs.status = "Progressing"
hs.message = ""
if obj.status ~= nil then
  if obj.status.health ~= nil then
    hs.status = obj.status.health.status
    if obj.status.health.message ~= nil then
      hs.message = obj.status.health.message
    end
  end
end
if hs.status == "Progressing" and obj.metadata.annotations ~= nil
    and obj.metadata.annotations["{HEALTH_GATE}"] == "{HEALTH_GATE_SYNC_ONLY}"
    and obj.status ~= nil and obj.status.sync ~= nil and obj.status.sync.status == "Synced" then
  hs.status = "Healthy"
  hs.message = "Synced; still progressing, which its parent does not wait for ({HEALTH_GATE})"
end
return hs
"""


# Argo CD 2.13 has no health check for CNPG Clusters (resource_customizations has none), so a
# wave after a database would not wait for it. CNPG sets the Ready condition once the
# primary accepts connections; until then (bootstrap, restore) the Cluster is progressing.
CNPG_CLUSTER_HEALTH_KEY = "resource.customizations.health.postgresql.cnpg.io_Cluster"
CNPG_CLUSTER_HEALTH_LUA = """hs = {}
hs.status = "Progressing"
hs.message = "Waiting for the Cluster to be Ready"
if obj.status ~= nil and obj.status.conditions ~= nil then
  for i, condition in ipairs(obj.status.conditions) do
    if condition.type == "Ready" and condition.status == "True" then
      hs.status = "Healthy"
      hs.message = condition.message
    end
  end
end
return hs
"""


def rbac(argocd: ArgoCdModel) -> dict:
    """argocd-rbac-cm: without a default role, SSO users sign in and see nothing. Dex's sub is
    opaque and its Google connector yields no groups without a directory service account, so
    admins are named by email (argo-cd v2.13.3 docs/operator-manual/rbac.md: scopes)."""
    lines = [f"g, {email}, role:admin" for email in argocd.admins]
    return {"policy.default": argocd.default_role,
            "policy.csv": "".join(line + "\n" for line in lines),
            "scopes": "[groups, email]"}


def values(argocd: ArgoCdModel, domain: str, gitops: GitOps) -> str:
    doc = {
        "global": {"domain": argocd.host},
        "configs": {
            "cm": {"url": f"https://{argocd.host}", "dex.config": dex_config(argocd, domain),
                   APPLICATION_HEALTH_KEY: APPLICATION_HEALTH_LUA,
                   CNPG_CLUSTER_HEALTH_KEY: CNPG_CLUSTER_HEALTH_LUA,
                   # The chart's default, stated: the tenant store policy trusts this label.
                   "application.instanceLabelKey": TRACKING_LABEL},
            # TLS ends at Traefik (the platform tier's argocd ingress), not at argocd-server.
            "params": {"server.insecure": True},
            "rbac": rbac(argocd),
        },
    }
    if gitops.credentials_secret:
        doc["configs"]["credentialTemplates"] = {REPO_CREDS: {
            "url": gitops.repo_url, "username": GIT_USERNAME}}
    return yaml.dump(doc, Dumper=_BlockDumper, sort_keys=True)


@dataclass(frozen=True)
class RemoteCluster:
    """A cluster Argo CD manages besides its own: its name (the Applications' destination
    name) and the Terraform references of its endpoint and CA certificate (base64)."""
    name: str
    endpoint: Any
    ca_data: Any


# argo-cd 7.7.13 templates/argocd-configs/cluster-secrets.yaml: one Secret per key of
# configs.clusterCredentials (name = the key, `config` rendered with toRawJson); the exec
# provider is the one Argo CD's GKE docs give (declarative-setup.md, "GKE"): argocd-k8s-auth
# gcp prints a token of the pod's Workload Identity (application default credentials).
def cluster_credentials(remotes: Sequence[RemoteCluster]) -> dict:
    return {r.name: {
        "server": f"https://{r.endpoint}",
        "config": {
            "execProviderConfig": {"command": "argocd-k8s-auth", "args": ["gcp"],
                                   "apiVersion": "client.authentication.k8s.io/v1beta1"},
            "tlsClientConfig": {"insecure": False, "caData": r.ca_data}}}
        for r in remotes}


def manager_values(email: str, remotes: Sequence[RemoteCluster]) -> dict:
    """Values for the remote clusters: their credentials, and the Workload Identity of the
    two components that call them (the controller syncs; the server shows Pod logs)."""
    def wi(ksa: str) -> dict:  # the chart's names, stated
        return {"serviceAccount": {"create": True, "name": ksa,
                                   "annotations": {"iam.gke.io/gcp-service-account": email}}}
    controller, server = ARGOCD_KSAS
    return {"configs": {"clusterCredentials": cluster_credentials(remotes)},
            "controller": wi(controller), "server": wi(server)}


def _helm_key(key: str) -> str:
    return key.replace(".", "\\.")


class ArgoCd(Construct):
    """The `argocd` install, signing in users of `domain`, reading the `gitops` repository."""

    def __init__(self, scope: Construct, id: str, *, argocd: ArgoCdModel, domain: str,
                 gitops: GitOps, remotes: Sequence[RemoteCluster] = (),
                 manager: Optional[str] = None):
        super().__init__(scope, id)
        from cdktf_cdktf_provider_google.data_google_secret_manager_secret_version import (
            DataGoogleSecretManagerSecretVersion)
        from cdktf_cdktf_provider_helm.release import Release, ReleaseSetSensitive

        client_id = DataGoogleSecretManagerSecretVersion(
            self, "dex-client-id", secret=argocd.dex_client_id_secret)
        client_secret = DataGoogleSecretManagerSecretVersion(
            self, "dex-client-secret", secret=argocd.dex_client_secret_secret)
        sensitive = [
            ReleaseSetSensitive(name=f"configs.secret.extra.{_helm_key(CLIENT_ID_KEY)}",
                                value=client_id.secret_data),
            ReleaseSetSensitive(name=f"configs.secret.extra.{_helm_key(CLIENT_SECRET_KEY)}",
                                value=client_secret.secret_data),
        ]
        if gitops.credentials_secret:
            token = DataGoogleSecretManagerSecretVersion(
                self, "gitops-token", secret=gitops.credentials_secret)
            sensitive.append(ReleaseSetSensitive(
                name=f"configs.credentialTemplates.{REPO_CREDS}.password", value=token.secret_data))
        self.release = Release(
            self, "release", name=argocd.release, namespace=argocd.namespace, create_namespace=True,
            repository=argocd.chart_repo, chart="argo-cd", version=argocd.chart_version,
            values=[values(argocd, domain, gitops)]
            # A YAML document like the first (the references inside resolve at apply time).
            + ([yaml.dump(manager_values(manager, remotes), Dumper=_BlockDumper, sort_keys=True)]
               if remotes and manager else []),
            set_sensitive=sensitive)
