"""The generated kustomization.yaml that makes each app directory a Kustomize source.

Argo CD Image Updater can only set images on Kustomize (or Helm) sources. With
`write-back-method: git:secret:...` and its default target it commits `.argocd-source-<app>.yaml`
next to this file; Argo CD applies that override on top of the `images:` block here, and
`make synth` keeps `.argocd-source-*.yaml` in dist/, so a re-synth never undoes a bump.
Every tenant gets the same file (prod just has no updater writing overrides).
"""
from __future__ import annotations

from typing import Sequence

from constructs import Construct

from tomoda_model import Tenant

from ..files import PlainFile

FILE = "kustomization.yaml"


def kustomization(tenant: Tenant, images: Sequence[str], resources: Sequence[str]) -> dict:
    return {
        "apiVersion": "kustomize.config.k8s.io/v1beta1",
        "kind": "Kustomization",
        "resources": list(resources),
        "images": [{"name": ref, "newTag": tenant.app.image_tag}
                   for ref in images],
    }


class Kustomization(Construct):
    """`directory`'s kustomization.yaml: `resources` in order, every image of `images` at
    the tenant's tag."""

    def __init__(self, scope: Construct, id: str, *, tenant: Tenant, images: Sequence[str],
                 directory: str, resources: Sequence[str]):
        super().__init__(scope, id)
        self.file = PlainFile(self, "file", output_path=f"{directory}/{FILE}",
                              content=kustomization(tenant, images, resources))
