"""What the Tomoda images need to run: the same for every tenant, so it lives with the code.

Anything that differs between tenants is a field of `tomoda_model.App`; these are
properties of the images themselves (ports they listen on, health endpoints, the memory
profile of each process), which a tenant cannot change without a new build.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional

from tomoda_model import Tenant

BACKEND_PORT = 8080
FRONTEND_PORT = 8081


@dataclass(frozen=True)
class Resources:
    memory_request: str
    cpu_request: str
    memory_limit: str
    cpu_limit: str


@dataclass(frozen=True)
class Probe:
    path: str
    initial_delay_seconds: Optional[int] = None
    period_seconds: Optional[int] = None


@dataclass(frozen=True)
class Pool:
    """One Deployment of the app: a process of one image in one mode."""
    name: str
    port: int
    resources: Resources
    liveness: Probe
    readiness: Probe
    replicas: int
    server_mode: Optional[str] = None  # backend only: which half of the binary runs


# The binary serves /health in every mode, so both pools probe it the same way.
_HEALTH_LIVE = Probe("/health", initial_delay_seconds=15, period_seconds=30)
_HEALTH_READY = Probe("/health", initial_delay_seconds=10, period_seconds=10)

# Replicas 2 is the starting point only: the HPA owns the count from the first scale.
API = Pool(
    name="tomoda-api", port=BACKEND_PORT, replicas=2, server_mode="multi-hub",
    resources=Resources("64Mi", "10m", "512Mi", "500m"),  # I/O-bound
    liveness=_HEALTH_LIVE, readiness=_HEALTH_READY)

ASYNC = Pool(
    name="tomoda-async", port=BACKEND_PORT, replicas=2, server_mode="async",
    # purge/cleanup tasks spike memory: more headroom than the api pool
    resources=Resources("128Mi", "10m", "768Mi", "500m"),
    liveness=_HEALTH_LIVE, readiness=_HEALTH_READY)

# The seeds give no frontend resources; a static web bundle server needs little.
FRONTEND = Pool(
    name="frontend", port=FRONTEND_PORT, replicas=1,
    resources=Resources("128Mi", "10m", "512Mi", "500m"),
    liveness=Probe("/"), readiness=Probe("/"))

# Object names that are not pools.
BACKEND_SERVICE = "backend-service"
FRONTEND_SERVICE = "frontend-service"
TLS_SECRET = "tomoda-app-tls"
INGRESS = "tomoda-ingress"
S3_UPLOADER_SECRET = "s3-uploader-secret"


def backend_secret_name(tenant: Tenant) -> str:
    return f"backend-secrets-{tenant.name}"


def backend_config_name(tenant: Tenant) -> str:
    return f"backend-config-{tenant.name}"


def tenant_labels(tenant: Tenant) -> Mapping[str, str]:
    """On every object of the tenant's app (what kustomize commonLabels used to add)."""
    return {"env": tenant.name}


def selector(pool: Pool) -> dict[str, str]:
    """Selects a pool's pods. `app` only: Deployment selectors are immutable, and the
    namespace already separates tenants."""
    return {"app": pool.name}


def pod_labels(pool: Pool, tenant: Tenant) -> dict[str, str]:
    return {**selector(pool), **tenant_labels(tenant)}
