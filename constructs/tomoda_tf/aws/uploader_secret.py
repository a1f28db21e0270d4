"""The AWS Secrets Manager container for the asset uploader's credentials.

Only the container: the value is put out of band and read in-cluster by External Secrets.
"""
from __future__ import annotations

from constructs import Construct

from tomoda_tf.lifecycle import KEEP


class UploaderSecret(Construct):
    def __init__(self, scope: Construct, id: str, *, name: str, bucket: str):
        super().__init__(scope, id)
        from cdktf_cdktf_provider_aws.secretsmanager_secret import SecretsmanagerSecret

        self.secret = SecretsmanagerSecret(
            self, "secret", name=name, description=f"Credentials that upload assets to {bucket}",
            lifecycle=KEEP)
