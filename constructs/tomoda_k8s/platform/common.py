"""Small building blocks shared by the platform services (files, release names, the
forward-auth reference)."""
from __future__ import annotations

from dataclasses import dataclass

from constructs import Construct

from imports.io.traefik import Middleware

from .. import layout
from ..base import OutputChart
from ..chart_facts import helm_fullname  # noqa: F401 (one rule for constructs and checks)


def platform_file(scope: Construct, id: str, *, service: str) -> OutputChart:
    """One YAML file per platform service under the platform tier's directory."""
    return OutputChart(scope, id, output_path=f"{layout.tier_dir(layout.PLATFORM_TIER)}/{service}.yaml")


def redis_master(release: str, chart: str) -> str:
    """Bitnami redis, standalone: the master's StatefulSet and Service are `<fullname>-master`."""
    return f"{helm_fullname(release, chart)}-master"


@dataclass(frozen=True)
class MiddlewareRef:
    """A Traefik Middleware as an Ingress refers to it, built from the Middleware object."""
    name: str
    namespace: str

    @classmethod
    def of(cls, middleware: Middleware) -> "MiddlewareRef":
        return cls(middleware.name, middleware.metadata.namespace)

    @property
    def annotation(self) -> str:
        return f"{self.namespace}-{self.name}@kubernetescrd"

    @property
    def annotations(self) -> dict[str, str]:
        return {"traefik.ingress.kubernetes.io/router.middlewares": self.annotation}
