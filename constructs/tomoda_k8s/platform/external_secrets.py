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
from tomoda_model import Tenant

from ..argo import CRD_PENDING_ANNOTATION
from ..resources import Resources
from .kit import HelmService, Identity, ServiceProps
from .props import SecretScope, TenantFacts
from .store_policy import restrict, tenant_store_policy

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


class ExternalSecrets(HelmService):
    """`.platform`: the platform's store; `.tenants`: each tenant's stores, by name.

    `controller`: the controller's identity (the platform store reads as it); `scope`: the
    project, cluster and region the stores read; `platform_namespaces`: who may use the
    platform store; `tenants`: one pair of stores each; `data_namespace`: where both
    tenants' stores are admitted, so an admission policy holds each to its own.
    """

    def __init__(self, scope: Construct, id: str, *, props: ServiceProps, controller: Identity,
                 secret_scope: SecretScope, platform_namespaces: Sequence[str],
                 tenants: Sequence[TenantFacts], data_namespace: str):
        super().__init__(scope, id, props=props, service_account=controller)
        self._scope = secret_scope
        self._data_namespace = data_namespace
        wi = controller
        small = Resources("10m", "64Mi", cpu_limit="200m", memory_limit="256Mi").values()
        self.install(
            server_side_apply=True,
            values={
                "installCRDs": True,
                # Deleting or re-rendering the release must never take the CRDs, and with them
                # every ExternalSecret and the Secrets they own.
                "crds": {"annotations": {"helm.sh/resource-policy": "keep"}},
                "serviceAccount": wi.helm_values(),
                "serviceMonitor": {"enabled": True},
                "resources": small,
                "webhook": {"resources": small},
                "certController": {"resources": small},
            })
        self.platform = self._gsm_store(PLATFORM, wi, namespaces=sorted(set(platform_namespaces)))
        self._tenants = {f.tenant.name: self._tenant_stores(f) for f in tenants}
        self._admitted = {name: (s.gsm.name,) for name, s in self._tenants.items()}
        self.policy = tenant_store_policy(
            self.file, "tenant-store-policy", data_namespace=data_namespace,
            stores=self._admitted)

    def admit(self, applications: Sequence[str], tenant: str) -> None:
        """Let `applications` (a remote tenant tier's wave Applications) use `tenant`'s store."""
        self._admitted.update({a: self._admitted[tenant] for a in applications})
        restrict(self.policy, self._admitted)

    @property
    def tenants(self) -> dict[str, TenantStores]:
        """Each tenant's stores, by tenant name."""
        return dict(self._tenants)

    def _gsm_store(self, audience: str, wi: Identity,
                   namespaces: Sequence[str]) -> ClusterSecretStore:
        scope = self._scope
        return ClusterSecretStore(
            self.file, f"gsm-{audience}",
            metadata=cdk8s.ApiObjectMetadata(name=gsm_store_name(audience),
                                             annotations=CRD_PENDING_ANNOTATION),
            spec=ClusterSecretStoreSpec(
                conditions=[ClusterSecretStoreSpecConditions(namespaces=list(namespaces))],
                provider=ClusterSecretStoreSpecProvider(
                    gcpsm=ClusterSecretStoreSpecProviderGcpsm(
                        project_id=scope.project,
                        auth=ClusterSecretStoreSpecProviderGcpsmAuth(
                            workload_identity=ClusterSecretStoreSpecProviderGcpsmAuthWorkloadIdentity(
                                cluster_location=scope.cluster_location,
                                cluster_name=scope.cluster_name,
                                cluster_project_id=scope.project,
                                service_account_ref=ClusterSecretStoreSpecProviderGcpsmAuthWorkloadIdentityServiceAccountRef(
                                    name=wi.ksa, namespace=wi.namespace)))))))

    def _tenant_stores(self, facts: TenantFacts) -> TenantStores:
        tenant, chart, wi = facts.tenant, self.file, facts.store_identity
        # The tenant's identity: a service account beside the controller, which ESO asks for
        # a token of (serviceaccounts/token, granted cluster-wide by the chart).
        k8s.KubeServiceAccount(
            chart, f"sa-{tenant.name}",
            metadata=k8s.ObjectMeta(name=wi.ksa, namespace=wi.namespace,
                                    annotations=wi.annotations),
            automount_service_account_token=False)
        gsm = self._gsm_store(tenant.name, wi,
                              namespaces=[tenant.namespace, self._data_namespace])
        reader = self.add_secret(
            f"aws-reader-{tenant.name}", name=f"aws-sm-reader-{tenant.name}", store=self.platform,
            data={AWS_KEY_ID: facts.aws_reader_key_id,
                  AWS_SECRET_KEY: facts.aws_reader_secret_key})
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
                        region=self._scope.aws_region,
                        auth=ClusterSecretStoreSpecProviderAwsAuth(
                            secret_ref=ClusterSecretStoreSpecProviderAwsAuthSecretRef(
                                access_key_id_secret_ref=ClusterSecretStoreSpecProviderAwsAuthSecretRefAccessKeyIdSecretRef(
                                    key=AWS_KEY_ID, **ref),
                                secret_access_key_secret_ref=ClusterSecretStoreSpecProviderAwsAuthSecretRefSecretAccessKeySecretRef(
                                    key=AWS_SECRET_KEY, **ref)))))))
        return TenantStores(gsm=gsm, aws=aws)
