"""A tenant's props: every value its tier and its app take from the model, resolved once.

`tenant_props(estate, tenant)` is the only place the tenant tier and the app read the
estate; constructs take the tenant's own model value and these resolved names.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional

from tomoda_model import Estate, Tenant

from ..argo import ArgoTarget
from ..props import argo_to


@dataclass(frozen=True)
class BackupTarget:
    """Where Barman writes the tenant's backups, how long it keeps them, and the GCP
    service account its pods write as."""
    destination: str
    retention_policy: str
    gsa_email: str


@dataclass(frozen=True)
class TenantProps:
    tenant: Tenant
    argo: ArgoTarget
    domain: str
    backend_secrets: Mapping[str, str]  # env var the backend reads -> Secret Manager name
    pgadmin_password: str               # Secret Manager name
    backup: Optional[BackupTarget]
    images: Mapping[str, str]           # image alias -> reference without tag

    @property
    def db_password(self) -> str:
        return self.backend_secrets["DB_PASSWORD"]

    @property
    def redis_password(self) -> str:
        return self.backend_secrets["REDIS_PASSWORD"]


def tenant_props(estate: Estate, tenant: Tenant) -> TenantProps:
    backup = tenant.postgres.backup
    return TenantProps(
        tenant=tenant, argo=argo_to(estate, estate.cluster_of(tenant)), domain=estate.domain,
        backend_secrets={env: estate.backend_gsm_secret(tenant, slug)
                         for env, slug in estate.secrets.backend.items()},
        pgadmin_password=estate.tenant_secret(tenant, "pgadmin_admin_password"),
        backup=None if backup is None else BackupTarget(
            estate.backup_destination(tenant), estate.backup_retention_policy(),
            estate.gsa_email(backup.identity)),
        # The alias is what an Image Updater `image-list` entry may be called; the reference
        # is the kustomization `images[].name` the updater's override must match.
        images={"backend": estate.image(tenant, estate.images.backend),
                "frontend": estate.image(tenant, estate.images.frontend)})
