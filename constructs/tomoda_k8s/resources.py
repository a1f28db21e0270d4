"""Container resources: one type, rendered as Helm values or as a Kubernetes object.

Requests are what the scheduler reserves; limits default to the requests (Guaranteed QoS
when both are given equal), and are set wider where a burst is expected.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from cdk8s_plus_28 import k8s


@dataclass(frozen=True)
class Resources:
    cpu: str
    memory: str
    cpu_limit: Optional[str] = None
    memory_limit: Optional[str] = None

    @property
    def requests(self) -> dict[str, str]:
        return {"cpu": self.cpu, "memory": self.memory}

    @property
    def limits(self) -> dict[str, str]:
        return {"cpu": self.cpu_limit or self.cpu, "memory": self.memory_limit or self.memory}

    def values(self) -> dict:
        """The `resources` block of a chart's values."""
        return {"requests": self.requests, "limits": self.limits}

    def requirements(self) -> k8s.ResourceRequirements:
        """A container's `resources`."""
        def quantities(values: dict[str, str]) -> dict[str, k8s.Quantity]:
            return {k: k8s.Quantity.from_string(v) for k, v in values.items()}
        return k8s.ResourceRequirements(requests=quantities(self.requests),
                                        limits=quantities(self.limits))
