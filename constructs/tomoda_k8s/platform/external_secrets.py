"""External Secrets Operator and the two ClusterSecretStores every ExternalSecret names.

gsm-tomoda: GCP Secret Manager through Workload Identity (no static credential).
aws-sm-tomoda: AWS Secrets Manager through a read-only IAM user's access key. GKE has no
federation to AWS set up, so the key is created out of band and kept in GSM; the operator
materializes it with an ExternalSecret from gsm-tomoda. Only GSM holds a credential.
"""
from __future__ import annotations

import cdk8s
from constructs import Construct

from imports.io.external_secrets import (
    ClusterSecretStore,
    ClusterSecretStoreSpec,
    ClusterSecretStoreSpecProvider,
    ClusterSecretStoreSpecProviderAws,
    ClusterSecretStoreSpecProviderAwsAuth,
    ClusterSecretStoreSpecProviderAwsAuthSecretRef,
    ClusterSecretStoreSpecProviderAwsAuthSecretRefAccessKeyIdSecretRef,
    ClusterSecretStoreSpecProviderAwsAuthSecretRefSecretAccessKeySecretRef,
    ClusterSecretStoreSpecProviderAwsService,
    ClusterSecretStoreSpecProviderGcpsm,
    ClusterSecretStoreSpecProviderGcpsmAuth,
    ClusterSecretStoreSpecProviderGcpsmAuthWorkloadIdentity,
    ClusterSecretStoreSpecProviderGcpsmAuthWorkloadIdentityServiceAccountRef,
)
from tomoda_model import Estate

from ..conventions import WI_ANNOTATION
from .argo import CRD_PENDING_ANNOTATION, helm_application
from .common import external_secret, platform_file, resources

AWS_READER_SECRET = "aws-sm-reader"
AWS_KEY_ID = "access-key-id"
AWS_SECRET_KEY = "secret-access-key"

# The ClusterSecretStores; every ExternalSecret refers to the objects (PlatformTier.gsm_store,
# .aws_store), not these names.
GSM_STORE = "gsm-tomoda"     # GCP Secret Manager through Workload Identity
AWS_STORE = "aws-sm-tomoda"  # AWS Secrets Manager through a read-only IAM user's key


class ExternalSecrets(Construct):
    def __init__(self, scope: Construct, id: str, *, estate: Estate):
        super().__init__(scope, id)
        chart = platform_file(self, "file", service="external-secrets")
        helm = estate.platform.charts["external-secrets"]
        wi = estate.platform.identities["external_secrets"]
        small = resources("10m", "64Mi", cpu_limit="200m", memory_limit="256Mi")
        self.application = helm_application(
            chart, "app", estate=estate, chart=helm, sync=estate.platform.sync,
            server_side_apply=True,
            values={
                "installCRDs": True,
                "serviceAccount": {"create": True, "name": wi.ksa,
                                   "annotations": {WI_ANNOTATION: estate.gsa_email(wi)}},
                "serviceMonitor": {"enabled": True},
                "resources": small,
                "webhook": {"resources": small},
                "certController": {"resources": small},
            })
        meta = dict(annotations=CRD_PENDING_ANNOTATION)
        self.gsm = ClusterSecretStore(
            chart, "gsm",
            metadata=cdk8s.ApiObjectMetadata(name=GSM_STORE, **meta),
            spec=ClusterSecretStoreSpec(provider=ClusterSecretStoreSpecProvider(
                gcpsm=ClusterSecretStoreSpecProviderGcpsm(
                    project_id=estate.gcp.project,
                    auth=ClusterSecretStoreSpecProviderGcpsmAuth(
                        workload_identity=ClusterSecretStoreSpecProviderGcpsmAuthWorkloadIdentity(
                            cluster_location=estate.gcp.zone,
                            cluster_name=estate.cluster.name,
                            cluster_project_id=estate.gcp.project,
                            service_account_ref=ClusterSecretStoreSpecProviderGcpsmAuthWorkloadIdentityServiceAccountRef(
                                name=wi.ksa, namespace=wi.namespace)))))))
        self.aws_reader = external_secret(
            chart, "aws-reader", name=AWS_READER_SECRET, namespace=helm.namespace, store=self.gsm,
            data={AWS_KEY_ID: estate.secrets.platform["aws_sm_reader_access_key_id"],
                  AWS_SECRET_KEY: estate.secrets.platform["aws_sm_reader_secret_access_key"]})
        ref = dict(name=self.aws_reader.name, namespace=helm.namespace)
        self.aws = ClusterSecretStore(
            chart, "aws",
            metadata=cdk8s.ApiObjectMetadata(name=AWS_STORE, **meta),
            spec=ClusterSecretStoreSpec(provider=ClusterSecretStoreSpecProvider(
                aws=ClusterSecretStoreSpecProviderAws(
                    service=ClusterSecretStoreSpecProviderAwsService.SECRETS_MANAGER,
                    region=estate.aws.region,
                    auth=ClusterSecretStoreSpecProviderAwsAuth(
                        secret_ref=ClusterSecretStoreSpecProviderAwsAuthSecretRef(
                            access_key_id_secret_ref=ClusterSecretStoreSpecProviderAwsAuthSecretRefAccessKeyIdSecretRef(
                                key=AWS_KEY_ID, **ref),
                            secret_access_key_secret_ref=ClusterSecretStoreSpecProviderAwsAuthSecretRefSecretAccessKeySecretRef(
                                key=AWS_SECRET_KEY, **ref)))))))
