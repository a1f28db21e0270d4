"""Blackbox Probes of every tenant's public hosts, derived from the model's hosts."""
from __future__ import annotations

import cdk8s
from constructs import Construct

from imports.com.coreos.monitoring import (
    Probe,
    ProbeSpec,
    ProbeSpecProber,
    ProbeSpecTargets,
    ProbeSpecTargetsStaticConfig,
)
from tomoda_model import Estate, Tenant

from .argo import CRD_PENDING_ANNOTATION
from .common import platform_file

API_HEALTH_PATH = "/health"  # the backend's liveness endpoint (issue 3)
MODULE = "http_2xx"


def probe_targets(tenant: Tenant) -> dict[str, list[str]]:
    """Role -> URLs: the API's health endpoint, and every host routed to the frontend."""
    return {
        "api": [f"https://{tenant.hosts.api}{API_HEALTH_PATH}"],
        "app": [f"https://{h}/" for h in (tenant.hosts.app, *tenant.hosts.extra_app)],
    }


class PublicProbes(Construct):
    def __init__(self, scope: Construct, id: str, *, estate: Estate, namespace: str,
                 prober_address: str):
        super().__init__(scope, id)
        chart = platform_file(self, "file", service="probes")
        self.probes: list[Probe] = []
        for tenant in estate.tenants.values():
            for role, urls in probe_targets(tenant).items():
                name = f"{tenant.name}-{role}"
                self.probes.append(Probe(
                    chart, name,
                    metadata=cdk8s.ApiObjectMetadata(name=name, namespace=namespace,
                                                     annotations=CRD_PENDING_ANNOTATION),
                    spec=ProbeSpec(
                        job_name=name, module=MODULE, interval="30s",
                        prober=ProbeSpecProber(url=prober_address),
                        targets=ProbeSpecTargets(static_config=ProbeSpecTargetsStaticConfig(
                            static=urls, labels={"tenant": tenant.name, "role": role}))),
                ))
