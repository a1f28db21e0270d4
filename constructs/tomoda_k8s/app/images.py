"""The app's image references: `TenantProps.images` (alias -> reference without tag) is
the one formula for the Deployments, the kustomization's `images:` block and the Image
Updater annotations; `tagged` adds the tenant's tag."""
from __future__ import annotations

from tomoda_model import Tenant


def tagged(ref: str, tenant: Tenant) -> str:
    return f"{ref}:{tenant.app.image_tag}"
