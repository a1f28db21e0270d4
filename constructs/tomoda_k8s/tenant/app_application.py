"""The Argo CD Application deploying the Tomoda app (a Kustomize directory) for a tenant."""
from __future__ import annotations

import cdk8s
from constructs import Construct
from imports.io.argoproj import ApplicationSpecSource

from .. import layout
from .argo import source_application
from .props import TenantProps

UPDATER = "argocd-image-updater.argoproj.io"
# Annotation-based configuration: chart 0.14.x (app v0.17); chart 1.x ignores annotations.
UPDATE_STRATEGY = "newest-build"


def image_updater_annotations(props: TenantProps,
                              git_credentials: cdk8s.ApiObject) -> dict[str, str]:
    """Image Updater's configuration of this Application; empty unless the model enables it.

    Write-back is `git` with the default target: the updater commits
    `.argocd-source-<app>.yaml` beside the kustomization, which `make synth` keeps. It
    pushes with the Secret of `git_credentials` (Argo CD's own access is read-only).
    """
    tenant = props.tenant
    if not tenant.app.image_updater:
        return {}
    aliases = props.images  # the same names as the kustomization's images:
    out = {f"{UPDATER}/image-list": ",".join(f"{a}={img}" for a, img in aliases.items())}
    for alias, image in aliases.items():
        out[f"{UPDATER}/{alias}.update-strategy"] = UPDATE_STRATEGY
        out[f"{UPDATER}/{alias}.allow-tags"] = tenant.app.image_updater_allow_tags
        out[f"{UPDATER}/{alias}.kustomize.image-name"] = image
    secret = f"{git_credentials.metadata.namespace}/{git_credentials.name}"
    out[f"{UPDATER}/write-back-method"] = f"git:secret:{secret}"
    out[f"{UPDATER}/git-branch"] = props.argo.branch
    return out


class AppApplication(Construct):
    """`tenant.argo_app` syncing the app directory rendered for `tenant`."""

    def __init__(self, scope: Construct, id: str, *, props: TenantProps,
                 git_credentials: cdk8s.ApiObject):
        super().__init__(scope, id)
        tenant, argo = props.tenant, props.argo
        self.path = argo.repo_path(layout.app_dir(tenant))
        # No `directory` field: Argo CD then detects the kustomization.yaml the app renders,
        # and Image Updater only handles Kustomize and Helm Applications.
        self.application = source_application(
            self, "application", argo=argo, name=tenant.argo_app, namespace=tenant.namespace,
            source=ApplicationSpecSource(repo_url=argo.repo_url, target_revision=argo.branch,
                                         path=self.path),
            sync=tenant.sync, annotations=image_updater_annotations(props, git_credentials),
            hpa_owns_replicas=True)
