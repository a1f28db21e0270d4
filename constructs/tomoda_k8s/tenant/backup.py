"""Barman backups of a CNPG Cluster to GCS through the Barman Cloud plugin, present only when
the model asks for them.

CNPG 1.30 still serves the in-tree `spec.backup.barmanObjectStore`, deprecated since 1.26 and
removed in 1.31 (CNPG docs/src/release_notes/v1.30.md), so backups go through the plugin the
platform tier installs (`barman-cloud.cloudnative-pg.io`, chart plugin-barman-cloud):
- an ObjectStore (barmancloud.cnpg.io/v1) in the Cluster's namespace holds the destination,
  the GKE Workload Identity switch and the retention window;
- the Cluster names it in `spec.plugins` as its WAL archiver;
- the ScheduledBackup uses `method: plugin` (its default is the in-tree method) and takes one
  backup as soon as it exists (`immediate`), so recovery does not wait for the first night.
The plugin's sidecar runs in the instance Pod as the Cluster's service account (named after
the Cluster: the plugin's RoleBinding assumes it), which impersonates the backup GSA through
Workload Identity - the same model value that Terraform binds.
"""
from __future__ import annotations

import cdk8s
from constructs import Construct
from imports.io.cnpg.barmancloud import (
    ObjectStore,
    ObjectStoreSpec,
    ObjectStoreSpecConfiguration,
    ObjectStoreSpecConfigurationData,
    ObjectStoreSpecConfigurationDataCompression,
    ObjectStoreSpecConfigurationGoogleCredentials,
    ObjectStoreSpecConfigurationWal,
    ObjectStoreSpecConfigurationWalCompression,
)
from imports.io.cnpg.postgresql import (
    Cluster,
    ClusterSpecPlugins,
    ClusterSpecServiceAccountTemplate,
    ClusterSpecServiceAccountTemplateMetadata,
    ScheduledBackup,
    ScheduledBackupSpec,
    ScheduledBackupSpecBackupOwnerReference,
    ScheduledBackupSpecCluster,
    ScheduledBackupSpecMethod,
    ScheduledBackupSpecPluginConfiguration,
)

from tomoda_model import Tenant

from ..conventions import WI_ANNOTATION
from .props import BackupTarget
from ..waves import depends_on
from .argo import sync_annotations

PLUGIN = "barman-cloud.cloudnative-pg.io"  # the name the plugin registers with CNPG
BARMAN_OBJECT_PARAMETER = "barmanObjectName"


class ClusterBackup(Construct):
    """The backup half of a tenant's Cluster.

    `.plugin` and `.service_account_template` go into the Cluster; `schedule_for(cluster)`
    adds the ScheduledBackup once the Cluster object exists.
    """

    def __init__(self, scope: Construct, id: str, *, tenant: Tenant, target: BackupTarget,
                 namespace: str):
        super().__init__(scope, id)
        backup = tenant.postgres.backup
        if backup is None:
            raise ValueError(f"tenant {tenant.name} has no postgres.backup")
        self._backup = backup
        self._namespace = namespace
        # Backup machinery outlives its tier: never pruned, never cascaded.
        keep = sync_annotations(keep=True, crd=True)
        self.store = ObjectStore(
            self, "store",
            metadata=cdk8s.ApiObjectMetadata(name=f"{tenant.postgres.cluster}-backups",
                                             namespace=self._namespace, annotations=keep),
            spec=ObjectStoreSpec(
                retention_policy=target.retention_policy,
                configuration=ObjectStoreSpecConfiguration(
                    destination_path=target.destination,
                    google_credentials=ObjectStoreSpecConfigurationGoogleCredentials(
                        gke_environment=True),
                    wal=ObjectStoreSpecConfigurationWal(
                        compression=ObjectStoreSpecConfigurationWalCompression.GZIP),
                    data=ObjectStoreSpecConfigurationData(
                        compression=ObjectStoreSpecConfigurationDataCompression.GZIP))))
        self.plugin = ClusterSpecPlugins(
            name=PLUGIN, is_wal_archiver=True,
            parameters={BARMAN_OBJECT_PARAMETER: self.store.name})
        self.service_account_template = ClusterSpecServiceAccountTemplate(
            metadata=ClusterSpecServiceAccountTemplateMetadata(
                annotations={WI_ANNOTATION: target.gsa_email}))
        self.scheduled: ScheduledBackup | None = None

    def schedule_for(self, cluster: Cluster) -> ScheduledBackup:
        depends_on(cluster, self.store)  # the archiver must find its store from the first WAL
        self.scheduled = ScheduledBackup(
            self, "scheduled",
            metadata=cdk8s.ApiObjectMetadata(name=f"{cluster.name}-backup", namespace=self._namespace,
                                             annotations=sync_annotations(keep=True, crd=True)),
            spec=ScheduledBackupSpec(
                cluster=ScheduledBackupSpecCluster(name=cluster.name),
                schedule=self._backup.schedule,
                method=ScheduledBackupSpecMethod.PLUGIN,
                plugin_configuration=ScheduledBackupSpecPluginConfiguration(name=PLUGIN),
                immediate=True,
                # Backups outlive the ScheduledBackup but go with the Cluster.
                backup_owner_reference=ScheduledBackupSpecBackupOwnerReference.CLUSTER))
        depends_on(self.scheduled, cluster)
        return self.scheduled
