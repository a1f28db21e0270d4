"""Traefik: the one ingress controller, behind a Google external L4 load balancer."""
from __future__ import annotations

from constructs import Construct

from tomoda_model import Estate

from .argo import helm_application
from ..conventions import INGRESS_CLASS
from .common import platform_file, resources

LB_TYPE_ANNOTATION = {"cloud.google.com/load-balancer-type": "External"}


class Traefik(Construct):
    def __init__(self, scope: Construct, id: str, *, estate: Estate):
        super().__init__(scope, id)
        chart = platform_file(self, "file", service="traefik")
        self.namespace = estate.platform.charts["traefik"].namespace
        self.application = helm_application(
            chart, "app", estate=estate, chart=estate.platform.charts["traefik"],
            sync=estate.platform.sync,
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
                "resources": resources("100m", "128Mi", cpu_limit="500m", memory_limit="256Mi"),
            })
