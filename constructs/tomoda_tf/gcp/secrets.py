"""Secret Manager containers. Values are added out of band (scripts/setup-gcp-secrets.sh),
so no secret version, and therefore no secret value, ever appears in Terraform."""
from __future__ import annotations

from typing import Iterable

from constructs import Construct

from tomoda_tf.lifecycle import KEEP


class SecretContainers(Construct):
    def __init__(self, scope: Construct, id: str, *, names: Iterable[str]):
        super().__init__(scope, id)
        from cdktf_cdktf_provider_google.secret_manager_secret import (
            SecretManagerSecret, SecretManagerSecretReplication,
            SecretManagerSecretReplicationAuto)

        self.secrets = {
            name: SecretManagerSecret(
                self, name, secret_id=name,
                replication=SecretManagerSecretReplication(
                    auto=SecretManagerSecretReplicationAuto()),
                lifecycle=KEEP)
            for name in names
        }
