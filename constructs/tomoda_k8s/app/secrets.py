"""ExternalSecrets of the backend: app secrets from GSM, the S3 uploader key from AWS SM."""
from __future__ import annotations

import cdk8s
from cdk8s_plus_28 import k8s
from constructs import Construct

from imports.io.external_secrets import (
    ExternalSecret,
    ExternalSecretSpec,
    ExternalSecretSpecData,
    ExternalSecretSpecDataRemoteRef,
    ExternalSecretSpecSecretStoreRef,
    ExternalSecretSpecSecretStoreRefKind,
    ExternalSecretSpecTarget,
    ExternalSecretSpecTargetCreationPolicy,
)
from tomoda_model import Estate, Tenant

from ..stores import AWS_STORE, GSM_STORE
from .spec import S3_UPLOADER_SECRET, backend_secret_name

# Rotation in GSM/AWS SM reaches the Secret within this interval (pods read env at boot).
REFRESH_INTERVAL = "1h"

# env var -> property of the uploader's JSON in AWS Secrets Manager. The JSON's keys are
# the env var names themselves, so whoever writes the secret needs no second mapping.
S3_UPLOADER_KEYS = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_S3_BUCKET",
                    "AWS_REGION", "AWS_S3_BASE_URL")


def _external_secret(scope: Construct, id: str, *, name: str, store: str,
                     data: list[tuple[str, str, str | None]]) -> ExternalSecret:
    """`data` = (Secret key, remote key, remote JSON property or None)."""
    return ExternalSecret(
        scope, id,
        metadata=cdk8s.ApiObjectMetadata(name=name),
        spec=ExternalSecretSpec(
            refresh_interval=REFRESH_INTERVAL,
            secret_store_ref=ExternalSecretSpecSecretStoreRef(
                kind=ExternalSecretSpecSecretStoreRefKind.CLUSTER_SECRET_STORE, name=store),
            target=ExternalSecretSpecTarget(
                name=name, creation_policy=ExternalSecretSpecTargetCreationPolicy.OWNER),
            data=[ExternalSecretSpecData(
                secret_key=key,
                remote_ref=ExternalSecretSpecDataRemoteRef(key=remote, property=prop))
                for key, remote, prop in data]))


class BackendSecrets(Construct):
    """`backend` and `s3_uploader` are the ExternalSecrets; each owns a Secret of its name."""

    def __init__(self, scope: Construct, id: str, *, estate: Estate, tenant: Tenant):
        super().__init__(scope, id)
        self.backend = _external_secret(
            self, "backend", name=backend_secret_name(tenant), store=GSM_STORE,
            data=[(env, estate.backend_gsm_secret(tenant, slug), None)
                  for env, slug in estate.secrets.backend.items()])
        self.s3_uploader = _external_secret(
            self, "s3-uploader", name=S3_UPLOADER_SECRET, store=AWS_STORE,
            data=[(env, tenant.cdn.uploader_secret, env) for env in S3_UPLOADER_KEYS])

    def env_from(self) -> list[k8s.EnvFromSource]:
        return [k8s.EnvFromSource(secret_ref=k8s.SecretEnvSource(name=es.name))
                for es in (self.backend, self.s3_uploader)]
