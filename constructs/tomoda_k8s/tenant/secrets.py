"""ExternalSecrets of the tenant tier: every credential comes from a secret manager."""
from __future__ import annotations

from typing import Mapping, Optional

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
)

from .argo import sync_annotations

# Short enough that a rotated password reaches the cluster within the hour.
REFRESH_INTERVAL = "1h"


class GsmSecret(Construct):
    """A Secret `name` materialized from the GCP Secret Manager ClusterSecretStore `store`.

    `keys` maps each Secret key to a GSM secret name. `template` (Secret key -> Go template
    over those keys) and `secret_type` shape the resulting Secret, e.g. basic-auth.
    `.secret_name` is what consumers reference.
    """

    def __init__(self, scope: Construct, id: str, *, name: str, namespace: str,
                 store: cdk8s.ApiObject, keys: Mapping[str, str],
                 template: Optional[Mapping[str, str]] = None, secret_type: Optional[str] = None):
        super().__init__(scope, id)
        tmpl = None
        if template is not None or secret_type is not None:
            tmpl = ExternalSecretSpecTargetTemplate(
                engine_version=ExternalSecretSpecTargetTemplateEngineVersion.V2,
                type=secret_type, data=dict(template or {}))
        self.resource = ExternalSecret(
            self, "resource",
            metadata=cdk8s.ApiObjectMetadata(name=name, namespace=namespace,
                                             annotations=sync_annotations(crd=True)),
            spec=ExternalSecretSpec(
                refresh_interval=REFRESH_INTERVAL,
                secret_store_ref=ExternalSecretSpecSecretStoreRef(
                    kind=ExternalSecretSpecSecretStoreRefKind.CLUSTER_SECRET_STORE, name=store.name),
                target=ExternalSecretSpecTarget(
                    name=name, creation_policy=ExternalSecretSpecTargetCreationPolicy.OWNER,
                    template=tmpl),
                data=[ExternalSecretSpecData(secret_key=key,
                                             remote_ref=ExternalSecretSpecDataRemoteRef(key=gsm))
                      for key, gsm in keys.items()]))
        self.secret_name = name
