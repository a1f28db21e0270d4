"""Names of the External Secrets ClusterSecretStores: the platform defines them, every
ExternalSecret refers to them."""
from __future__ import annotations

GSM_STORE = "gsm-tomoda"     # GCP Secret Manager through Workload Identity
AWS_STORE = "aws-sm-tomoda"  # AWS Secrets Manager through a read-only IAM user's key
