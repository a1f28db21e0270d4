"""Traefik: the one ingress controller, behind a Google external L4 load balancer."""
from __future__ import annotations

from constructs import Construct

from ..conventions import INGRESS_CLASS
from ..resources import Resources
from .kit import HelmService, ServiceProps

LB_TYPE_ANNOTATION = {"cloud.google.com/load-balancer-type": "External"}


class Traefik(HelmService):
    """`.namespace`: where the ingress controller's pods run (the peer every UI admits)."""

    def __init__(self, scope: Construct, id: str, *, props: ServiceProps):
        super().__init__(scope, id, props=props)
        self.install(
            values={
                "service": {"type": "LoadBalancer", "annotations": LB_TYPE_ANNOTATION},
                "ingressClass": {"enabled": True, "isDefaultClass": True, "name": INGRESS_CLASS},
                "providers": {
                    # publishedService: Ingress status carries the LB address, which is
                    # what external-dns publishes for every Ingress host.
                    "kubernetesIngress": {"enabled": True, "publishedService": {"enabled": True}},
                    "kubernetesCRD": {"enabled": True, "allowCrossNamespace": False},
                },
                "metrics": {"prometheus": {"serviceMonitor": {"enabled": True}}},
                "resources": Resources("100m", "128Mi", cpu_limit="500m", memory_limit="256Mi").values(),
            })
