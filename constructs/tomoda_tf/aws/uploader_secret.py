"""The AWS Secrets Manager container for a tenant's asset uploader credentials, and the
read-only IAM user that tenant's secret store reads it as.

Only the container: the value is put out of band and read in-cluster by External Secrets.
The reader may get exactly this one secret, so no tenant's store can read another tenant's
(GKE has no federation to AWS: the user's access key is created out of band and kept in
GSM as that tenant's `aws-sm-reader-*` secrets; README "Deploy a stack").
"""
from __future__ import annotations

import json

from constructs import Construct

from tomoda_tf.lifecycle import KEEP

READ_ACTIONS = ("secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue")


class UploaderSecret(Construct):
    def __init__(self, scope: Construct, id: str, *, name: str, bucket: str, reader: str):
        super().__init__(scope, id)
        from cdktf_cdktf_provider_aws.iam_user import IamUser
        from cdktf_cdktf_provider_aws.iam_user_policy import IamUserPolicy
        from cdktf_cdktf_provider_aws.secretsmanager_secret import SecretsmanagerSecret

        self.secret = SecretsmanagerSecret(
            self, "secret", name=name, description=f"Credentials that upload assets to {bucket}",
            lifecycle=KEEP)
        self.reader = IamUser(self, "reader", name=reader,
                              tags={"purpose": f"External Secrets reads {name}"})
        IamUserPolicy(self, "reader-policy", name="read-uploader-secret", user=self.reader.name,
                      policy=json.dumps({"Version": "2012-10-17", "Statement": [{
                          "Sid": "ReadOneSecret", "Effect": "Allow",
                          "Action": list(READ_ACTIONS),
                          "Resource": self.secret.arn}]}))
