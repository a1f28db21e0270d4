"""External Secrets Operator and the ClusterSecretStores every ExternalSecret names.

One store per audience, so that no tenant can read another tenant's secrets:
- `gsm-tomoda`: the platform's shared secrets, as the ESO controller's GCP identity, for
  the platform namespaces only;
- `gsm-tomoda-<tenant>`: one tenant's secrets, as a GCP service account of that tenant
  (Estate.eso_identity), for the tenant's namespace and the shared data namespace only;
- `aws-sm-tomoda-<tenant>`: one tenant's uploader secret in AWS Secrets Manager, as that tenant's
  read-only IAM user (its key is kept in GSM and materialized here by the platform store),
  for the tenant's namespace only.
Secret Manager grants each GCP identity access secret by secret (tomoda_tf.gcp.secrets), and
each AWS user may read only its tenant's secret (tomoda_tf.aws.uploader_secret). In the
shared data namespace, where both tenants' stores are admitted, an admission policy
(tenant_store_policy) holds every ExternalSecret to the store of the tenant whose Argo CD
Application manages it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import cdk8s
from cdk8s_plus_28 import k8s
from constructs import Construct

from imports.io.external_secrets import (
    ClusterSecretStore,
    ClusterSecretStoreSpec,
    ClusterSecretStoreSpecConditions,
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
from tomoda_model import Estate, Tenant
from tomoda_model.model import WorkloadIdentity

from ..conventions import WI_ANNOTATION
from .argo import CRD_PENDING_ANNOTATION, helm_application
from .common import external_secret, platform_file, resources
from .store_policy import tenant_store_policy

AWS_KEY_ID = "access-key-id"
AWS_SECRET_KEY = "secret-access-key"
PLATFORM = "platform"


# The seeds' store names (seed 003: gsm-tomoda, aws-sm-tomoda) stay as the stems: the
# platform's store keeps the name, each tenant's adds its name (docs/decisions.md).
STORE_STEM = "tomoda"


def gsm_store_name(audience: str) -> str:
    return f"gsm-{STORE_STEM}" if audience == PLATFORM else f"gsm-{STORE_STEM}-{audience}"


def aws_store_name(tenant: Tenant) -> str:
    return f"aws-sm-{STORE_STEM}-{tenant.name}"


@dataclass(frozen=True)
class TenantStores:
    """The stores one tenant's ExternalSecrets may name."""
    gsm: ClusterSecretStore
    aws: ClusterSecretStore


class ExternalSecrets(Construct):
    """`.platform`: the platform's store; `.tenant(t)`: a tenant's stores."""

    def __init__(self, scope: Construct, id: str, *, estate: Estate,
                 platform_namespaces: Sequence[str]):
        super().__init__(scope, id)
        self._chart = chart = platform_file(self, "file", service="external-secrets")
        self._estate = estate
        helm = estate.platform.charts["external-secrets"]
        self.namespace = helm.namespace
        wi = estate.platform.identities["external_secrets"]
        small = resources("10m", "64Mi", cpu_limit="200m", memory_limit="256Mi")
        self.application = helm_application(
            chart, "app", estate=estate, chart=helm, sync=estate.platform.sync,
            server_side_apply=True,
            values={
                "installCRDs": True,
                # Deleting or re-rendering the release must never take the CRDs, and with them
                # every ExternalSecret and the Secrets they own.
                "crds": {"annotations": {"helm.sh/resource-policy": "keep"}},
                "serviceAccount": {"create": True, "name": wi.ksa,
                                   "annotations": {WI_ANNOTATION: estate.gsa_email(wi)}},
                "serviceMonitor": {"enabled": True},
                "resources": small,
                "webhook": {"resources": small},
                "certController": {"resources": small},
            })
        self.platform = self._gsm_store(PLATFORM, wi, namespaces=sorted(set(platform_namespaces)))
        self._tenants = {t.name: self._tenant_stores(t) for t in estate.tenants.values()}
        self.policy = tenant_store_policy(
            chart, "tenant-store-policy", data_namespace=estate.data_namespace,
            stores={t.name: (s.gsm.name,) for t, s in
                    ((estate.tenants[n], s) for n, s in self._tenants.items())})

    def tenant(self, tenant: Tenant) -> TenantStores:
        return self._tenants[tenant.name]

    def _gsm_store(self, audience: str, wi: WorkloadIdentity,
                   namespaces: Sequence[str]) -> ClusterSecretStore:
        estate = self._estate
        return ClusterSecretStore(
            self._chart, f"gsm-{audience}",
            metadata=cdk8s.ApiObjectMetadata(name=gsm_store_name(audience),
                                             annotations=CRD_PENDING_ANNOTATION),
            spec=ClusterSecretStoreSpec(
                conditions=[ClusterSecretStoreSpecConditions(namespaces=list(namespaces))],
                provider=ClusterSecretStoreSpecProvider(
                    gcpsm=ClusterSecretStoreSpecProviderGcpsm(
                        project_id=estate.gcp.project,
                        auth=ClusterSecretStoreSpecProviderGcpsmAuth(
                            workload_identity=ClusterSecretStoreSpecProviderGcpsmAuthWorkloadIdentity(
                                cluster_location=estate.gcp.zone,
                                cluster_name=estate.cluster.name,
                                cluster_project_id=estate.gcp.project,
                                service_account_ref=ClusterSecretStoreSpecProviderGcpsmAuthWorkloadIdentityServiceAccountRef(
                                    name=wi.ksa, namespace=wi.namespace)))))))

    def _tenant_stores(self, tenant: Tenant) -> TenantStores:
        estate, chart = self._estate, self._chart
        wi = estate.eso_identity(tenant)
        # The tenant's identity: a service account beside the controller, which ESO asks for
        # a token of (serviceaccounts/token, granted cluster-wide by the chart).
        k8s.KubeServiceAccount(
            chart, f"sa-{tenant.name}",
            metadata=k8s.ObjectMeta(name=wi.ksa, namespace=wi.namespace,
                                    annotations={WI_ANNOTATION: estate.gsa_email(wi)}),
            automount_service_account_token=False)
        gsm = self._gsm_store(tenant.name, wi,
                              namespaces=[tenant.namespace, estate.data_namespace])
        reader = external_secret(
            chart, f"aws-reader-{tenant.name}", name=f"aws-sm-reader-{tenant.name}",
            namespace=self.namespace, store=self.platform,
            data={AWS_KEY_ID: estate.tenant_secret(tenant, "aws_sm_reader_access_key_id"),
                  AWS_SECRET_KEY: estate.tenant_secret(tenant, "aws_sm_reader_secret_access_key")})
        ref = dict(name=reader.name, namespace=self.namespace)
        aws = ClusterSecretStore(
            chart, f"aws-{tenant.name}",
            metadata=cdk8s.ApiObjectMetadata(name=aws_store_name(tenant),
                                             annotations=CRD_PENDING_ANNOTATION),
            spec=ClusterSecretStoreSpec(
                conditions=[ClusterSecretStoreSpecConditions(namespaces=[tenant.namespace])],
                provider=ClusterSecretStoreSpecProvider(
                    aws=ClusterSecretStoreSpecProviderAws(
                        service=ClusterSecretStoreSpecProviderAwsService.SECRETS_MANAGER,
                        region=estate.aws.region,
                        auth=ClusterSecretStoreSpecProviderAwsAuth(
                            secret_ref=ClusterSecretStoreSpecProviderAwsAuthSecretRef(
                                access_key_id_secret_ref=ClusterSecretStoreSpecProviderAwsAuthSecretRefAccessKeyIdSecretRef(
                                    key=AWS_KEY_ID, **ref),
                                secret_access_key_secret_ref=ClusterSecretStoreSpecProviderAwsAuthSecretRefSecretAccessKeySecretRef(
                                    key=AWS_SECRET_KEY, **ref)))))))
        return TenantStores(gsm=gsm, aws=aws)
