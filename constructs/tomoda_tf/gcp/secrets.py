"""Secret Manager containers. Values are added out of band (scripts/setup-gcp-secrets.sh),
so no secret version, and therefore no secret value, ever appears in Terraform."""
from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from constructs import Construct

from tomoda_tf.lifecycle import KEEP


class SecretContainers(Construct):
    """`readers`: secret name -> (account id, IAM member) allowed to read its versions.

    Access is granted per secret, never project-wide: a tenant's secret store can read that
    tenant's secrets and nothing else (docs/decisions.md, "Tenant secret isolation").
    """

    def __init__(self, scope: Construct, id: str, *, names: Iterable[str],
                 readers: Mapping[str, Sequence[tuple[str, str]]] = {}):
        super().__init__(scope, id)
        from cdktf_cdktf_provider_google.secret_manager_secret import (
            SecretManagerSecret, SecretManagerSecretReplication,
            SecretManagerSecretReplicationAuto)
        from cdktf_cdktf_provider_google.secret_manager_secret_iam_member import (
            SecretManagerSecretIamMember)

        self.secrets = {
            name: SecretManagerSecret(
                self, name, secret_id=name,
                replication=SecretManagerSecretReplication(
                    auto=SecretManagerSecretReplicationAuto()),
                lifecycle=KEEP)
            for name in names
        }
        for name in sorted(readers):
            for account, member in sorted(readers[name]):
                SecretManagerSecretIamMember(
                    self, f"{name}-{account}", secret_id=self.secrets[name].id,
                    role="roles/secretmanager.secretAccessor", member=member)
