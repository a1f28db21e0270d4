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

from tomoda_model import Estate, Tenant

from ..files import PlainFile
from .images import image_refs

FILE = "kustomization.yaml"


def kustomization(estate: Estate, tenant: Tenant, resources: Sequence[str]) -> dict:
    return {
        "apiVersion": "kustomize.config.k8s.io/v1beta1",
        "kind": "Kustomization",
        "resources": list(resources),
        "images": [{"name": ref, "newTag": tenant.app.image_tag}
                   for ref in image_refs(estate, tenant).values()],
    }


class Kustomization(Construct):
    def __init__(self, scope: Construct, id: str, *, estate: Estate, tenant: Tenant,
                 directory: str, resources: Sequence[str]):
        super().__init__(scope, id)
        self.file = PlainFile(self, "file", output_path=f"{directory}/{FILE}",
                              content=kustomization(estate, tenant, resources))
