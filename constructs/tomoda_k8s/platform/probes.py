"""Blackbox Probes of every tenant's public hosts, derived from the model's hosts."""
from __future__ import annotations

from typing import Optional, Sequence

import cdk8s
from constructs import Construct

from imports.com.coreos.monitoring import (
    Probe,
    ProbeSpec,
    ProbeSpecProber,
    ProbeSpecTargets,
    ProbeSpecTargetsStaticConfig,
)
from tomoda_model import Tenant

from ..argo import CRD_PENDING_ANNOTATION
from .common import platform_file

API_HEALTH_PATH = "/health"  # the backend's liveness endpoint (issue 3)
ARGOCD_HEALTH_PATH = "/healthz"  # argocd-server's unauthenticated health endpoint
OAUTH2_PROXY_PING_PATH = "/ping"  # oauth2-proxy answers 200 without a session
MODULE = "http_2xx"


def probe_targets(tenant: Tenant) -> dict[str, list[str]]:
    """Role -> URLs: the API's health endpoint, and every host routed to the frontend."""
    return {
        "api": [f"https://{tenant.hosts.api}{API_HEALTH_PATH}"],
        "app": [f"https://{h}/" for h in (tenant.hosts.app, *tenant.hosts.extra_app)],
    }


def platform_targets(argocd_host: Optional[str], sso_host: str) -> list[str]:
    """The shared public entry points: the Argo CD UI/API and the SSO gate of internal UIs.

    The CDN hosts are not probed: CloudFront answers 403 for a path without an object, and no
    object is guaranteed to exist; CloudFront's own health is AWS's to watch.
    """
    argocd = [f"https://{argocd_host}{ARGOCD_HEALTH_PATH}"] if argocd_host else []
    return argocd + [f"https://{sso_host}{OAUTH2_PROXY_PING_PATH}"]


class PublicProbes(Construct):
    """Probes in `namespace` through `prober_address`: each tenant's hosts, and the shared
    entry points (`argocd_host` on Argo CD's cluster, oauth2-proxy's `sso_host`)."""

    def __init__(self, scope: Construct, id: str, *, namespace: str, prober_address: str,
                 tenants: Sequence[Tenant], argocd_host: Optional[str], sso_host: str):
        super().__init__(scope, id)
        chart = platform_file(self, "file", service="probes")

        def probe(name: str, urls: list[str], labels: dict[str, str]) -> Probe:
            return Probe(
                chart, name,
                metadata=cdk8s.ApiObjectMetadata(name=name, namespace=namespace,
                                                 annotations=CRD_PENDING_ANNOTATION),
                spec=ProbeSpec(
                    job_name=name, module=MODULE, interval="30s",
                    prober=ProbeSpecProber(url=prober_address),
                    targets=ProbeSpecTargets(static_config=ProbeSpecTargetsStaticConfig(
                        static=urls, labels=labels))))

        self.probes: list[Probe] = [
            probe(f"{tenant.name}-{role}", urls, {"tenant": tenant.name, "role": role})
            for tenant in tenants
            for role, urls in probe_targets(tenant).items()]
        self.probes.append(probe("platform-entrypoints", platform_targets(argocd_host, sso_host),
                                 {"role": "platform"}))
