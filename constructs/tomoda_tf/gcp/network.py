"""The VPC and one subnet per cluster, with the secondary ranges GKE uses for Pods and Services."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from constructs import Construct

from tomoda_model.model import Cluster
from tomoda_tf.lifecycle import KEEP


@dataclass(frozen=True)
class ClusterSubnet:
    """A cluster's subnet and the names of its Pod and Service ranges."""
    subnet: Any  # ComputeSubnetwork
    pods_range: str
    services_range: str


def subnet_id(index: int, cluster: Cluster) -> str:
    """Construct id of a cluster's subnet. The first keeps the id it had when the estate had
    one cluster, so its Terraform address (and state) is unchanged."""
    return "subnet" if index == 0 else f"subnet-{cluster.name}"


class Network(Construct):
    def __init__(self, scope: Construct, id: str, *, vpc: str, clusters: Sequence[Cluster],
                 region: str):
        super().__init__(scope, id)
        from cdktf_cdktf_provider_google.compute_network import ComputeNetwork
        from cdktf_cdktf_provider_google.compute_subnetwork import (
            ComputeSubnetwork, ComputeSubnetworkSecondaryIpRange)

        self.vpc = ComputeNetwork(self, "vpc", name=vpc, auto_create_subnetworks=False,
                                  lifecycle=KEEP)
        self.subnets: dict[str, ClusterSubnet] = {}
        for i, cluster in enumerate(clusters):
            subnet = ComputeSubnetwork(
                self, subnet_id(i, cluster), name=cluster.subnet, region=region,
                network=self.vpc.id, ip_cidr_range=cluster.subnet_cidr,
                private_ip_google_access=True,
                secondary_ip_range=[
                    ComputeSubnetworkSecondaryIpRange(range_name=cluster.pods_range,
                                                      ip_cidr_range=cluster.pods_cidr),
                    ComputeSubnetworkSecondaryIpRange(range_name=cluster.services_range,
                                                      ip_cidr_range=cluster.services_cidr),
                ],
                lifecycle=KEEP)
            self.subnets[cluster.name] = ClusterSubnet(subnet, cluster.pods_range,
                                                       cluster.services_range)
