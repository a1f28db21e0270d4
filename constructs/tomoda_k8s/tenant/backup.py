"""Barman backups of a CNPG Cluster to GCS, present only when the model asks for them.

Uses CNPG's in-tree `spec.backup.barmanObjectStore`: deprecated since CNPG 1.26 but still
served by 1.30 (removal announced for 1.31). Migration path: an ObjectStore
(barmancloud.cnpg.io/v1) with the same configuration, the Cluster's `spec.plugins` entry
`barman-cloud.cloudnative-pg.io` (isWALArchiver) and ScheduledBackup `method: plugin`.
"""
from __future__ import annotations

import cdk8s
from constructs import Construct
from imports.io.cnpg.postgresql import (
    Cluster,
    ClusterSpecBackup,
    ClusterSpecBackupBarmanObjectStore,
    ClusterSpecBackupBarmanObjectStoreData,
    ClusterSpecBackupBarmanObjectStoreDataCompression,
    ClusterSpecBackupBarmanObjectStoreGoogleCredentials,
    ClusterSpecBackupBarmanObjectStoreWal,
    ClusterSpecBackupBarmanObjectStoreWalCompression,
    ClusterSpecServiceAccountTemplate,
    ClusterSpecServiceAccountTemplateMetadata,
    ScheduledBackup,
    ScheduledBackupSpec,
    ScheduledBackupSpecBackupOwnerReference,
    ScheduledBackupSpecCluster,
)

from tomoda_model import Estate, Tenant

from ..conventions import WI_ANNOTATION
from .argo import sync_annotations



class ClusterBackup(Construct):
    """The backup half of a tenant's Cluster.

    `.spec` and `.service_account_template` go into the Cluster; `schedule_for(cluster)`
    adds the ScheduledBackup once the Cluster object exists. The pod service account CNPG
    creates (named after the cluster) impersonates the backup GSA through Workload
    Identity, so no key ever exists.
    """

    def __init__(self, scope: Construct, id: str, *, estate: Estate, tenant: Tenant):
        super().__init__(scope, id)
        backup = tenant.postgres.backup
        if backup is None:
            raise ValueError(f"tenant {tenant.name} has no postgres.backup")
        self._backup = backup
        self._namespace = estate.data_namespace
        self.spec = ClusterSpecBackup(
            retention_policy=backup.retention,
            barman_object_store=ClusterSpecBackupBarmanObjectStore(
                destination_path=estate.backup_destination(tenant),
                google_credentials=ClusterSpecBackupBarmanObjectStoreGoogleCredentials(
                    gke_environment=True),
                wal=ClusterSpecBackupBarmanObjectStoreWal(
                    compression=ClusterSpecBackupBarmanObjectStoreWalCompression.GZIP),
                data=ClusterSpecBackupBarmanObjectStoreData(
                    compression=ClusterSpecBackupBarmanObjectStoreDataCompression.GZIP)))
        self.service_account_template = ClusterSpecServiceAccountTemplate(
            metadata=ClusterSpecServiceAccountTemplateMetadata(
                annotations={WI_ANNOTATION: estate.gsa_email(backup.identity)}))
        self.scheduled: ScheduledBackup | None = None

    def schedule_for(self, cluster: Cluster) -> ScheduledBackup:
        self.scheduled = ScheduledBackup(
            self, "scheduled",
            metadata=cdk8s.ApiObjectMetadata(name=f"{cluster.name}-backup", namespace=self._namespace,
                                             annotations=sync_annotations(crd=True)),
            spec=ScheduledBackupSpec(
                cluster=ScheduledBackupSpecCluster(name=cluster.name),
                schedule=self._backup.schedule,
                # Backups outlive the ScheduledBackup but go with the Cluster.
                backup_owner_reference=ScheduledBackupSpecBackupOwnerReference.CLUSTER))
        return self.scheduled
