"""Argo CD Image Updater, reading Artifact Registry through Workload Identity.

Chart 0.14.0 (app v0.17.0) is the last line driven by Application annotations; 1.x only
reads ImageUpdater custom resources and silently ignores annotations.
Registry credentials come from an auth script: it asks the GKE metadata server for the
pod's (Workload Identity) access token and prints `oauth2accesstoken:<token>`, the
username Artifact Registry expects for access tokens. Tokens live one hour: re-fetched
every 30 minutes. No key or pull secret is ever stored.
"""
from __future__ import annotations

from constructs import Construct

from tomoda_model import Estate

from .argo import helm_application
from .common import platform_file, resources
from .external_secrets import WI_ANNOTATION

AUTH_SCRIPT = "gar-auth.sh"
SCRIPTS_DIR = "/scripts"  # where the chart mounts authScripts
METADATA_TOKEN_URL = ("http://metadata.google.internal/computeMetadata/v1/instance/"
                      "service-accounts/default/token")


def auth_script() -> str:
    return ("#!/bin/sh\n"
            f"wget -qO- --header 'Metadata-Flavor: Google' {METADATA_TOKEN_URL} \\\n"
            "  | sed -n 's/.*\"access_token\" *: *\"\\([^\"]*\\)\".*/oauth2accesstoken:\\1/p'\n")


class ImageUpdater(Construct):
    def __init__(self, scope: Construct, id: str, *, estate: Estate):
        super().__init__(scope, id)
        chart = platform_file(self, "file", service="argocd-image-updater")
        wi = estate.platform.identities["image_updater"]
        host = estate.registry_host()
        self.application = helm_application(
            chart, "app", estate=estate, chart=estate.platform.charts["argocd-image-updater"],
            sync=estate.platform.sync,
            values={
                "serviceAccount": {"create": True, "name": wi.ksa,
                                   "annotations": {WI_ANNOTATION: estate.gsa_email(wi)}},
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
                "resources": resources("10m", "64Mi", cpu_limit="200m", memory_limit="256Mi"),
            })
