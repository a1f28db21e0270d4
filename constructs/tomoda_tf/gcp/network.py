"""The VPC and its one subnet, with the secondary ranges GKE uses for Pods and Services."""
from __future__ import annotations

from constructs import Construct

from tomoda_model.model import Network as NetworkModel
from tomoda_tf.lifecycle import KEEP


class Network(Construct):
    def __init__(self, scope: Construct, id: str, *, network: NetworkModel, region: str):
        super().__init__(scope, id)
        from cdktf_cdktf_provider_google.compute_network import ComputeNetwork
        from cdktf_cdktf_provider_google.compute_subnetwork import (
            ComputeSubnetwork, ComputeSubnetworkSecondaryIpRange)

        self.vpc = ComputeNetwork(self, "vpc", name=network.vpc, auto_create_subnetworks=False,
                                  lifecycle=KEEP)
        self.subnet = ComputeSubnetwork(
            self, "subnet", name=network.subnet, region=region, network=self.vpc.id,
            ip_cidr_range=network.subnet_cidr, private_ip_google_access=True,
            secondary_ip_range=[
                ComputeSubnetworkSecondaryIpRange(range_name=network.pods_range,
                                                  ip_cidr_range=network.pods_cidr),
                ComputeSubnetworkSecondaryIpRange(range_name=network.services_range,
                                                  ip_cidr_range=network.services_cidr),
            ],
            lifecycle=KEEP)
        self.pods_range = network.pods_range
        self.services_range = network.services_range
