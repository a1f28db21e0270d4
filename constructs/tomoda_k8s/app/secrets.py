"""ExternalSecrets of the backend: app secrets from GSM, the S3 uploader key from AWS SM."""
from __future__ import annotations

import cdk8s
from cdk8s_plus_28 import k8s
from constructs import Construct

from typing import Mapping

from tomoda_model import Tenant

from ..external_secret import external_secret
from .spec import S3_UPLOADER_SECRET, backend_secret_name

# env var -> property of the uploader's JSON in AWS Secrets Manager. The JSON's keys are
# the env var names themselves, so whoever writes the secret needs no second mapping.
S3_UPLOADER_KEYS = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_S3_BUCKET",
                    "AWS_REGION", "AWS_S3_BASE_URL")


class BackendSecrets(Construct):
    """`backend` and `s3_uploader` are the ExternalSecrets; each owns a Secret of its name.
    `backend_secrets`: env var -> the tenant's Secret Manager name."""

    def __init__(self, scope: Construct, id: str, *, tenant: Tenant,
                 backend_secrets: Mapping[str, str],
                 gsm_store: cdk8s.ApiObject, aws_store: cdk8s.ApiObject):
        super().__init__(scope, id)
        self.backend = external_secret(
            self, "backend", name=backend_secret_name(tenant), store=gsm_store,
            data=dict(backend_secrets))
        self.s3_uploader = external_secret(
            self, "s3-uploader", name=S3_UPLOADER_SECRET, store=aws_store,
            data={env: (tenant.cdn.uploader_secret, env) for env in S3_UPLOADER_KEYS})

    def env_from(self) -> list[k8s.EnvFromSource]:
        return [k8s.EnvFromSource(secret_ref=k8s.SecretEnvSource(name=es.name))
                for es in (self.backend, self.s3_uploader)]
