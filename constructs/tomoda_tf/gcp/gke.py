"""A GKE cluster: zonal or regional, VPC-native, Workload Identity, spot node pools only.

Nodes run as a dedicated service account with the minimal node role (logs, metrics,
metadata), not as the Compute Engine default account, which holds Editor on the project in
most projects: a container escape would otherwise own the project. Image pulls need
`roles/artifactregistry.reader`, granted per repository (`Registries(readers=...)`).
"""
from __future__ import annotations

from constructs import Construct

from tomoda_model.model import Cluster, Gcp
from tomoda_tf.gcp.network import ClusterSubnet
from tomoda_tf.lifecycle import KEEP


# GKE's predefined role for node service accounts: logging.logWriter, monitoring.metricWriter,
# monitoring.viewer, stackdriver.resourceMetadata.writer, autoscaling.metricsWriter.
NODE_ROLES = ("roles/container.defaultNodeServiceAccount",)


def node_account_id(cluster: Cluster) -> str:
    return f"{cluster.name}-nodes"


def gke_id(index: int, cluster: Cluster) -> str:
    """Construct id of a cluster. The first keeps the id it had when the estate had one
    cluster, so its Terraform addresses (and state) are unchanged."""
    return "gke" if index == 0 else f"gke-{cluster.name}"


class Gke(Construct):
    def __init__(self, scope: Construct, id: str, *, cluster: Cluster, gcp: Gcp, vpc_id: str,
                 subnet: ClusterSubnet):
        super().__init__(scope, id)
        self.name = cluster.name
        from cdktf_cdktf_provider_google.container_cluster import (
            ContainerCluster, ContainerClusterIpAllocationPolicy, ContainerClusterMasterAuth,
            ContainerClusterMasterAuthClientCertificateConfig, ContainerClusterReleaseChannel,
            ContainerClusterWorkloadIdentityConfig)
        from cdktf_cdktf_provider_google.container_node_pool import (
            ContainerNodePool, ContainerNodePoolAutoscaling, ContainerNodePoolManagement,
            ContainerNodePoolNodeConfig, ContainerNodePoolNodeConfigShieldedInstanceConfig,
            ContainerNodePoolNodeConfigWorkloadMetadataConfig)

        from cdktf_cdktf_provider_google.project_iam_member import ProjectIamMember
        from cdktf_cdktf_provider_google.service_account import ServiceAccount

        self.node_account = ServiceAccount(
            self, "nodes", account_id=node_account_id(cluster), display_name=f"{cluster.name} nodes",
            description="GKE node service account (least privilege)")
        self.node_member = self.node_account.member
        for role in NODE_ROLES:
            ProjectIamMember(self, f"nodes-{role.split('/')[-1]}", project=gcp.project, role=role,
                             member=self.node_account.member)

        # A cluster cannot be created without a pool; the default one is removed right away
        # so that every node comes from a pool this construct manages (and can replace).
        self.cluster = ContainerCluster(
            self, "cluster", name=cluster.name, location=cluster.location,
            network=vpc_id, subnetwork=subnet.subnet.id,
            networking_mode="VPC_NATIVE",
            ip_allocation_policy=ContainerClusterIpAllocationPolicy(
                cluster_secondary_range_name=subnet.pods_range,
                services_secondary_range_name=subnet.services_range),
            workload_identity_config=ContainerClusterWorkloadIdentityConfig(
                workload_pool=gcp.workload_pool),
            release_channel=ContainerClusterReleaseChannel(channel=cluster.release_channel),
            # Dataplane V2 enforces the NetworkPolicies every tier ships; without it they are
            # accepted by the API server and silently ignored.
            datapath_provider="ADVANCED_DATAPATH",
            # No legacy client certificate: access is IAM (and Workload Identity) only.
            master_auth=ContainerClusterMasterAuth(
                client_certificate_config=ContainerClusterMasterAuthClientCertificateConfig(
                    issue_client_certificate=False)),
            resource_labels={"estate": "tomoda", "managed-by": "terraform"},
            remove_default_node_pool=True, initial_node_count=1,
            deletion_protection=True, lifecycle=KEEP)

        self.node_pools = [
            ContainerNodePool(
                self, f"pool-{pool.name}", name=pool.name, cluster=self.cluster.name,
                location=cluster.location, initial_node_count=pool.min_nodes,
                autoscaling=ContainerNodePoolAutoscaling(min_node_count=pool.min_nodes,
                                                         max_node_count=pool.max_nodes),
                management=ContainerNodePoolManagement(auto_repair=True, auto_upgrade=True),
                node_config=ContainerNodePoolNodeConfig(
                    machine_type=pool.machine_type, disk_size_gb=pool.disk_size_gb,
                    spot=pool.spot,
                    service_account=self.node_account.email,
                    oauth_scopes=["https://www.googleapis.com/auth/cloud-platform"],
                    # Pods see only their own Workload Identity, never the node's account.
                    workload_metadata_config=ContainerNodePoolNodeConfigWorkloadMetadataConfig(
                        mode="GKE_METADATA"),
                    shielded_instance_config=ContainerNodePoolNodeConfigShieldedInstanceConfig(
                        enable_secure_boot=True, enable_integrity_monitoring=True)),
                lifecycle=KEEP)
            for pool in cluster.node_pools
        ]
