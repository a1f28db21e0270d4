"""Shared building blocks: charts that know their output file, service endpoints."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Optional

import cdk8s
from constructs import Construct


class OutputChart(cdk8s.Chart):
    """A cdk8s Chart rendered to one YAML file at `output_path` (relative to dist/).

    Resource names are exactly the ones we give (no cdk8s hash suffixes).
    """

    def __init__(self, scope: Construct, id: str, *, output_path: str,
                 namespace: Optional[str] = None, labels: Optional[Mapping[str, str]] = None):
        super().__init__(scope, id, namespace=namespace, labels=dict(labels or {}),
                         disable_resource_name_hashes=True)
        self.output_path = output_path
        self.route: Optional[Callable[[dict], str]] = None  # per document (remote.py)

    def path_of(self, doc: dict) -> str:
        """The file `doc` is written to: `output_path`, unless a route sends it elsewhere."""
        return self.route(doc) if self.route else self.output_path


@dataclass(frozen=True)
class ServiceEndpoint:
    """How a consumer reaches a Service: built from the Service object, never retyped."""
    name: str
    namespace: str
    port: int

    @property
    def host(self) -> str:
        return f"{self.name}.{self.namespace}.svc.cluster.local"

    def url(self, scheme: str = "http") -> str:
        return f"{scheme}://{self.host}:{self.port}"

    @classmethod
    def of(cls, service: cdk8s.ApiObject, port: int) -> "ServiceEndpoint":
        namespace = service.metadata.namespace
        if namespace is None:
            raise ValueError(f"Service {service.name} has no namespace")
        return cls(service.name, namespace, port)


@dataclass(frozen=True)
class PublishedEndpoint:
    """A Service published outside its cluster at an address of the VPC (an internal load
    balancer): how a consumer on another cluster reaches it."""
    address: str
    port: int

    @property
    def host(self) -> str:
        return self.address

    def url(self, scheme: str = "http") -> str:
        return f"{scheme}://{self.address}:{self.port}"


@dataclass(frozen=True)
class DataEndpoints:
    """What a tenant's app needs from that tenant's data plane."""
    postgres: ServiceEndpoint  # the ExternalName alias Service (old DNS name)
    redis: ServiceEndpoint     # the Helm release's master Service


def output_charts(app: cdk8s.App) -> list[tuple[str, OutputChart]]:
    """Every OutputChart of `app` with its dist-relative file, in construct order."""
    return [(n.output_path, n) for n in app.node.find_all() if isinstance(n, OutputChart)]


def render(app: cdk8s.App) -> dict[str, list]:
    """Every output file's documents, keyed by dist-relative path, in construct order.

    OutputCharts sharing a path are concatenated; a PlainFile owns its path alone. Every
    chart's objects are held to the rules of `nag.py` as they render: nothing is returned
    when one breaks a rule.
    """
    from .files import PlainFile  # local: files.py imports nothing from here
    from .nag import NagError, problems

    files: dict[str, list] = {}
    broken: list[str] = []
    for node in app.node.find_all():
        if isinstance(node, OutputChart):
            docs = node.to_json()
            broken += problems(node, docs)
            for doc in docs:
                files.setdefault(node.path_of(doc), []).append(doc)
        elif isinstance(node, PlainFile):
            if node.output_path in files:
                raise ValueError(f"{node.output_path} is written twice")
            files[node.output_path] = [node.content]
        elif isinstance(node, cdk8s.Chart):
            raise TypeError(f"chart {node.node.path} is not an OutputChart")
    if broken:
        raise NagError(broken)
    return files
