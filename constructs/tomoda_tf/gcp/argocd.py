"""Argo CD, installed by Helm: the one workload Terraform puts into the cluster.

Dex signs users in with Google, restricted to the estate's hosted domain. The OAuth client
id and secret are read from Secret Manager at apply time (data sources) and handed to Helm
as sensitive values that land in the chart's `argocd-secret`; dex.config refers to them
with Argo CD's `$<secret>:<key>` syntax. So the JSON holds only names, never a value.
"""
from __future__ import annotations

import yaml
from constructs import Construct

from tomoda_model import Estate

DEX_SECRET = "argocd-secret"  # created by the chart, labelled part-of=argocd as $refs require
CLIENT_ID_KEY = "dex.google.clientID"
CLIENT_SECRET_KEY = "dex.google.clientSecret"


def dex_config(estate: Estate) -> str:
    connector = {
        "type": "google", "id": "google", "name": "Google",
        "config": {
            "clientID": f"${DEX_SECRET}:{CLIENT_ID_KEY}",
            "clientSecret": f"${DEX_SECRET}:{CLIENT_SECRET_KEY}",
            "redirectURI": f"https://{estate.argocd.host}/api/dex/callback",
            "hostedDomains": [estate.domain],
        },
    }
    return yaml.safe_dump({"connectors": [connector]}, sort_keys=True)


class _BlockDumper(yaml.SafeDumper):
    """Writes multi-line strings (dex.config) as literal blocks, as a person would."""


_BlockDumper.add_representer(str, lambda d, s: d.represent_scalar(
    "tag:yaml.org,2002:str", s, style="|" if "\n" in s else None))


def values(estate: Estate) -> str:
    doc = {
        "global": {"domain": estate.argocd.host},
        "configs": {
            "cm": {"url": f"https://{estate.argocd.host}", "dex.config": dex_config(estate)},
            # TLS ends at Traefik (the platform tier's argocd ingress), not at argocd-server.
            "params": {"server.insecure": True},
        },
    }
    return yaml.dump(doc, Dumper=_BlockDumper, sort_keys=True)


def _helm_key(key: str) -> str:
    return key.replace(".", "\\.")


class ArgoCd(Construct):
    def __init__(self, scope: Construct, id: str, *, estate: Estate):
        super().__init__(scope, id)
        from cdktf_cdktf_provider_google.data_google_secret_manager_secret_version import (
            DataGoogleSecretManagerSecretVersion)
        from cdktf_cdktf_provider_helm.release import Release, ReleaseSetSensitive

        argocd = estate.argocd
        client_id = DataGoogleSecretManagerSecretVersion(
            self, "dex-client-id", secret=argocd.dex_client_id_secret)
        client_secret = DataGoogleSecretManagerSecretVersion(
            self, "dex-client-secret", secret=argocd.dex_client_secret_secret)
        self.release = Release(
            self, "release", name=argocd.release, namespace=argocd.namespace, create_namespace=True,
            repository=argocd.chart_repo, chart="argo-cd", version=argocd.chart_version,
            values=[values(estate)],
            set_sensitive=[
                ReleaseSetSensitive(name=f"configs.secret.extra.{_helm_key(CLIENT_ID_KEY)}",
                                    value=client_id.secret_data),
                ReleaseSetSensitive(name=f"configs.secret.extra.{_helm_key(CLIENT_SECRET_KEY)}",
                                    value=client_secret.secret_data),
            ])
