"""HorizontalPodAutoscalers and PodDisruptionBudgets of the backend pools."""
from __future__ import annotations

from cdk8s_plus_28 import k8s
from constructs import Construct

from tomoda_model import Hpa

from .workloads import Workload


def _utilisation(resource: str, percent: int) -> k8s.MetricSpecV2:
    return k8s.MetricSpecV2(type="Resource", resource=k8s.ResourceMetricSourceV2(
        name=resource, target=k8s.MetricTargetV2(type="Utilization", average_utilization=percent)))


class PoolAutoscaler(Construct):
    def __init__(self, scope: Construct, id: str, *, workload: Workload, hpa: Hpa):
        super().__init__(scope, id)
        d = workload.deployment
        behavior = None
        if hpa.scale_down_window_seconds is not None:
            # slow scale-down lets in-flight work (async tasks, WS sessions) finish
            behavior = k8s.HorizontalPodAutoscalerBehaviorV2(scale_down=k8s.HpaScalingRulesV2(
                stabilization_window_seconds=hpa.scale_down_window_seconds))
        self.hpa = k8s.KubeHorizontalPodAutoscalerV2(
            self, "hpa",
            metadata=k8s.ObjectMeta(name=f"{d.name}-hpa"),
            spec=k8s.HorizontalPodAutoscalerSpecV2(
                scale_target_ref=k8s.CrossVersionObjectReferenceV2(
                    api_version=d.api_version, kind=d.kind, name=d.name),
                min_replicas=hpa.min, max_replicas=hpa.max,
                metrics=[_utilisation("cpu", hpa.cpu_percent),
                         _utilisation("memory", hpa.memory_percent)],
                behavior=behavior))


class PoolDisruptionBudget(Construct):
    def __init__(self, scope: Construct, id: str, *, workload: Workload, min_available: str):
        super().__init__(scope, id)
        d = workload.deployment
        self.pdb = k8s.KubePodDisruptionBudget(
            self, "pdb",
            metadata=k8s.ObjectMeta(name=f"{d.name}-pdb"),
            spec=k8s.PodDisruptionBudgetSpec(
                min_available=k8s.IntOrString.from_string(min_available),
                selector=k8s.LabelSelector(match_labels=dict(workload.selector))))
