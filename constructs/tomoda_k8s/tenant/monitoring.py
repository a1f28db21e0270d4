"""Prometheus scraping of a tenant's CNPG Cluster (the platform's data alerts read it).

CNPG's own `spec.monitoring.enablePodMonitor` is deprecated ("create a PodMonitor
manually"), so the PodMonitor is declared here, next to the Cluster it watches.
"""
from __future__ import annotations

import cdk8s
from constructs import Construct
from imports.com.coreos.monitoring import (
    PodMonitor,
    PodMonitorSpec,
    PodMonitorSpecPodMetricsEndpoints,
    PodMonitorSpecSelector,
)
from imports.io.cnpg.postgresql import Cluster

from .argo import sync_annotations

METRICS_PORT = "metrics"  # the named port CNPG gives every instance (9187)


def cluster_pod_monitor(scope: Construct, id: str, cluster: Cluster) -> PodMonitor:
    """Scrapes every instance pod of `cluster` (CNPG labels them `cnpg.io/cluster`)."""
    return PodMonitor(
        scope, id,
        metadata=cdk8s.ApiObjectMetadata(name=cluster.name, namespace=cluster.metadata.namespace,
                                         annotations=sync_annotations(crd=True)),
        spec=PodMonitorSpec(
            selector=PodMonitorSpecSelector(match_labels={
                "cnpg.io/cluster": cluster.name, "cnpg.io/podRole": "instance"}),
            pod_metrics_endpoints=[PodMonitorSpecPodMetricsEndpoints(port=METRICS_PORT)]))
