"""The one way every tier materializes a Secret: an ExternalSecret from a ClusterSecretStore.

No Secret object with data is ever rendered; values stay in GCP / AWS secret managers.
"""
from __future__ import annotations

from typing import Mapping, Optional, Union

import cdk8s
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
    ExternalSecretSpecTargetTemplate,
    ExternalSecretSpecTargetTemplateEngineVersion,
    ExternalSecretSpecTargetTemplateMetadata,
)

# Rotation in the secret manager reaches the Secret within this interval.
REFRESH_INTERVAL = "1h"

# A remote value: a whole secret (its name) or one property of a JSON secret (name, property).
Remote = Union[str, tuple[str, str]]


def external_secret(scope: Construct, id: str, *, name: str, store: cdk8s.ApiObject,
                    data: Mapping[str, Remote], namespace: Optional[str] = None,
                    template: Optional[Mapping[str, str]] = None,
                    secret_type: Optional[str] = None,
                    annotations: Optional[Mapping[str, str]] = None,
                    secret_labels: Optional[Mapping[str, str]] = None) -> ExternalSecret:
    """Secret `name` (owned by the ExternalSecret of the same name) with one key per `data`
    entry, read from the ClusterSecretStore object `store`.

    `template` (Secret key -> Go template over the data keys), `secret_type` and
    `secret_labels` shape the Secret, e.g. a basic-auth Secret with a constant username, or
    a Secret that Argo CD finds by its label.
    """
    tmpl = None
    if template is not None or secret_type is not None or secret_labels:
        tmpl = ExternalSecretSpecTargetTemplate(
            engine_version=ExternalSecretSpecTargetTemplateEngineVersion.V2,
            type=secret_type, data=dict(template or {}),
            metadata=ExternalSecretSpecTargetTemplateMetadata(labels=dict(secret_labels))
            if secret_labels else None)

    def ref(remote: Remote) -> ExternalSecretSpecDataRemoteRef:
        key, prop = (remote, None) if isinstance(remote, str) else remote
        return ExternalSecretSpecDataRemoteRef(key=key, property=prop)

    return ExternalSecret(
        scope, id,
        metadata=cdk8s.ApiObjectMetadata(name=name, namespace=namespace,
                                         annotations=dict(annotations) if annotations else None),
        spec=ExternalSecretSpec(
            refresh_interval=REFRESH_INTERVAL,
            secret_store_ref=ExternalSecretSpecSecretStoreRef(
                kind=ExternalSecretSpecSecretStoreRefKind.CLUSTER_SECRET_STORE, name=store.name),
            target=ExternalSecretSpecTarget(
                name=name, creation_policy=ExternalSecretSpecTargetCreationPolicy.OWNER,
                template=tmpl),
            data=[ExternalSecretSpecData(secret_key=key, remote_ref=ref(remote))
                  for key, remote in data.items()]))
