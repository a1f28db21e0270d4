"""The app's image references: one formula for the Deployments, the kustomization's
`images:` block and (through `image_refs`) the Image Updater annotations."""
from __future__ import annotations

from tomoda_model import Estate, Tenant


def image_refs(estate: Estate, tenant: Tenant) -> dict[str, str]:
    """Image alias -> reference without tag, e.g. backend -> .../tomoda-dev-repo/tomoda-backend.

    The alias is what an Image Updater `image-list` entry may be called; the reference is
    the kustomization `images[].name` the updater's override must match.
    """
    return {
        "backend": estate.image(tenant, estate.images.backend),
        "frontend": estate.image(tenant, estate.images.frontend),
    }


def tagged(ref: str, tenant: Tenant) -> str:
    return f"{ref}:{tenant.app.image_tag}"
