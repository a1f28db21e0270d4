"""ExternalSecrets of the tenant tier: every credential comes from a secret manager."""
from __future__ import annotations

from typing import Mapping, Optional

import cdk8s
from constructs import Construct

from ..external_secret import external_secret
from .argo import sync_annotations

class GsmSecret(Construct):
    """A Secret `name` materialized from the GCP Secret Manager ClusterSecretStore `store`.

    `keys` maps each Secret key to a GSM secret name. `template` (Secret key -> Go template
    over those keys) and `secret_type` shape the resulting Secret, e.g. basic-auth.
    `.secret_name` is what consumers reference. `keep`: a data store depends on it, so it is
    never pruned nor deleted with its tier (its owned Secret would go with it).
    """

    def __init__(self, scope: Construct, id: str, *, name: str, namespace: str,
                 store: cdk8s.ApiObject, keys: Mapping[str, str],
                 template: Optional[Mapping[str, str]] = None, secret_type: Optional[str] = None,
                 keep: bool = False):
        super().__init__(scope, id)
        self.resource = external_secret(
            self, "resource", name=name, namespace=namespace, store=store, data=keys,
            template=template, secret_type=secret_type,
            annotations=sync_annotations(keep=keep, crd=True))
        self.secret_name = name
        self.keys = tuple(keys)

    @property
    def key(self) -> str:
        """The Secret's only key (for a single-value secret)."""
        (only,) = self.keys
        return only
