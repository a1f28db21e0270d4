"""Argo CD's read access to the GitOps repository, when the repository is private.

The token lives in Secret Manager (`gitops.credentials_secret`). Terraform hands it to Argo CD
at install as a credential template (the very first sync reads the repository before ESO
exists); afterwards this ExternalSecret keeps a `repository` Secret - which Argo CD prefers
over a template - in step with Secret Manager, so rotating the token is a new secret version,
not a Terraform apply.
"""
from __future__ import annotations

from typing import Optional

import cdk8s
from constructs import Construct

from ..external_secret import external_secret
from ..argo import CRD_PENDING_ANNOTATION, ArgoTarget
from .common import platform_file

SECRET_TYPE_LABEL = "argocd.argoproj.io/secret-type"  # how Argo CD finds repository Secrets
GIT_USERNAME = "tomoda-argocd"  # GitHub takes the token as the password; any user name


class GitOpsRepository(Construct):
    """`.credentials`: the ExternalSecret, or None when the repository is public
    (`token`: the Secret Manager name of its read token)."""

    def __init__(self, scope: Construct, id: str, *, argo: ArgoTarget, token: Optional[str],
                 store: cdk8s.ApiObject):
        super().__init__(scope, id)
        self.credentials: Optional[cdk8s.ApiObject] = None
        if token is None:
            return
        chart = platform_file(self, "file", service="gitops-repository")
        self.credentials = external_secret(
            chart, "credentials", name="gitops-repository", namespace=argo.namespace,
            store=store, data={"token": token},
            template={"type": "git", "url": argo.repo_url, "username": GIT_USERNAME,
                      "password": "{{ .token }}"},
            annotations=CRD_PENDING_ANNOTATION, secret_labels={SECRET_TYPE_LABEL: "repository"})
