"""Argo CD Image Updater, reading Artifact Registry through Workload Identity.

Chart 0.14.0 (app v0.17.0) is the last line driven by Application annotations; 1.x only
reads ImageUpdater custom resources and silently ignores annotations.
Registry credentials come from an auth script: it asks the GKE metadata server for the
pod's (Workload Identity) access token and prints `oauth2accesstoken:<token>`, the
username Artifact Registry expects for access tokens. Tokens live one hour: re-fetched
every 30 minutes. No key or pull secret is ever stored.
Write-back commits to the GitOps repo, which Argo CD itself only reads: the push token
comes from GSM through an ExternalSecret (`git_credentials`), named by each Application's
`write-back-method: git:secret:<namespace>/<name>`.
"""
from __future__ import annotations

import cdk8s
from constructs import Construct

from ..resources import Resources
from .kit import HelmService, Identity, ServiceProps

AUTH_SCRIPT = "gar-auth.sh"
SCRIPTS_DIR = "/scripts"  # where the chart mounts authScripts
METADATA_TOKEN_URL = ("http://metadata.google.internal/computeMetadata/v1/instance/"
                      "service-accounts/default/token")


def auth_script() -> str:
    return ("#!/bin/sh\n"
            f"wget -qO- --header 'Metadata-Flavor: Google' {METADATA_TOKEN_URL} \\\n"
            "  | sed -n 's/.*\"access_token\" *: *\"\\([^\"]*\\)\".*/oauth2accesstoken:\\1/p'\n")


GIT_USERNAME = "tomoda-image-updater"  # GitHub takes the token as password; any user name


class ImageUpdater(HelmService):
    """`git_credentials`: the ExternalSecret of the Secret write-back pushes with (`git_token`
    is its Secret Manager name); `identity` reads the registries of `registry_host`."""

    def __init__(self, scope: Construct, id: str, *, props: ServiceProps, store: cdk8s.ApiObject,
                 identity: Identity, registry_host: str, git_token: str):
        super().__init__(scope, id, props=props, service_account=identity)
        self.git_credentials = self.add_secret(
            "git-credentials", name="argocd-image-updater-git", store=store,
            data={"password": git_token},
            template={"username": GIT_USERNAME, "password": "{{ .password }}"})
        host = registry_host
        self.install(
            values={
                "serviceAccount": identity.helm_values(),
                "config": {
                    # Read Applications through the Kubernetes API: no Argo CD API token.
                    "applicationsAPIKind": "kubernetes",
                    "registries": [{
                        "name": "Artifact Registry", "prefix": host, "api_url": f"https://{host}",
                        "ping": True, "default": False,
                        "credentials": f"ext:{SCRIPTS_DIR}/{AUTH_SCRIPT}", "credsexpire": "30m",
                    }],
                },
                "authScripts": {"enabled": True, "scripts": {AUTH_SCRIPT: auth_script()}},
                "metrics": {"enabled": True, "serviceMonitor": {"enabled": True}},
                "resources": Resources("10m", "64Mi", cpu_limit="200m", memory_limit="256Mi").values(),
            })
