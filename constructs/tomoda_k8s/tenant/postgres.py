"""A tenant's Postgres: the CNPG Cluster, its credentials and the old-DNS alias Service."""
from __future__ import annotations

import cdk8s
from cdk8s_plus_28 import k8s
from constructs import Construct
from imports.io.cnpg.postgresql import (
    Cluster,
    ClusterSpec,
    ClusterSpecBootstrap,
    ClusterSpecBootstrapInitdb,
    ClusterSpecBootstrapInitdbSecret,
    ClusterSpecPostgresql,
    ClusterSpecResources,
    ClusterSpecResourcesLimits,
    ClusterSpecResourcesRequests,
    ClusterSpecStorage,
)

from .props import TenantProps

from ..base import ServiceEndpoint
from ..waves import depends_on
from .argo import sync_annotations
from .backup import ClusterBackup
from .monitoring import cluster_pod_monitor
from .secrets import GsmSecret

PORT = 5432
# One instance per tenant: a standby would double the data tier's footprint on a small
# cluster, and the backups (where the model asks for them) are the recovery path.
INSTANCES = 1


def rw_service(cluster: Cluster, port: int = PORT) -> ServiceEndpoint:
    """CNPG's read-write Service of `cluster`: the operator names it `<cluster>-rw`."""
    namespace = cluster.metadata.namespace
    if namespace is None:
        raise ValueError(f"Cluster {cluster.name} has no namespace")
    return ServiceEndpoint(f"{cluster.name}-rw", namespace, port)


class PostgresCluster(Construct):
    """CNPG Cluster of one tenant in the shared data namespace.

    Exposes `.cluster` (the Cluster object), `.rw` (its read-write endpoint), `.alias`
    (the ExternalName Service keeping the pre-CNPG DNS name) and `.endpoint` (what the
    app connects to: the alias).
    """

    def __init__(self, scope: Construct, id: str, *, props: TenantProps, namespace: str,
                 store: cdk8s.ApiObject):
        super().__init__(scope, id)
        tenant = props.tenant
        pg = tenant.postgres
        ns = namespace

        credentials = GsmSecret(
            self, "credentials", name=f"{pg.cluster}-credentials", namespace=ns, store=store,
            keys={"password": props.db_password},
            template={"username": pg.owner, "password": "{{ .password }}"},
            secret_type="kubernetes.io/basic-auth", keep=True)
        self.credentials = credentials

        backup = (ClusterBackup(self, "backup", tenant=tenant, target=props.backup, namespace=ns)
                  if props.backup else None)

        # Guaranteed QoS (requests = limits): the database is the last pod the kubelet
        # should evict when a node runs short of memory.
        quantities = {"cpu": pg.cpu_limit, "memory": pg.memory_limit}
        self.cluster = Cluster(
            self, "cluster",
            metadata=cdk8s.ApiObjectMetadata(name=pg.cluster, namespace=ns,
                                             annotations=sync_annotations(keep=True, crd=True)),
            spec=ClusterSpec(
                instances=INSTANCES,
                image_name=pg.image,
                # A PDB over a single instance can only block node drains, never protect.
                enable_pdb=False,
                bootstrap=ClusterSpecBootstrap(initdb=ClusterSpecBootstrapInitdb(
                    database=pg.database, owner=pg.owner,
                    secret=ClusterSpecBootstrapInitdbSecret(name=credentials.secret_name))),
                storage=ClusterSpecStorage(size=pg.storage),
                resources=ClusterSpecResources(
                    limits={k: ClusterSpecResourcesLimits.from_string(v) for k, v in quantities.items()},
                    requests={k: ClusterSpecResourcesRequests.from_string(v)
                              for k, v in quantities.items()}),
                postgresql=ClusterSpecPostgresql(parameters=dict(pg.parameters)),
                plugins=[backup.plugin] if backup else None,
                service_account_template=backup.service_account_template if backup else None))
        depends_on(self.cluster, credentials.resource)  # initdb reads the owner's password
        self.backup = backup
        if backup:
            backup.schedule_for(self.cluster)
        self.pod_monitor = cluster_pod_monitor(self, "pod-monitor", self.cluster)

        self.rw = rw_service(self.cluster)
        # CNPG labels every instance Pod with its Cluster's name.
        self.pod_labels = {"cnpg.io/cluster": self.cluster.name}
        self.alias = k8s.KubeService(
            self, "alias",
            metadata=k8s.ObjectMeta(name=pg.alias_service, namespace=ns),
            spec=k8s.ServiceSpec(
                type="ExternalName", external_name=self.rw.host,
                ports=[k8s.ServicePort(name="postgres", port=self.rw.port)]))
        self.endpoint = ServiceEndpoint.of(self.alias, self.rw.port)
