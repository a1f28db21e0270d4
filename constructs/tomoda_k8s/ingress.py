"""The one Ingress shape: Traefik's class, TLS from a cert-manager issuer, `/` of each host
to one Service, optionally behind a forward-auth Middleware."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional, Sequence

import cdk8s
from cdk8s_plus_28 import k8s
from constructs import Construct

from imports.io.traefik import Middleware

from .base import ServiceEndpoint
from .conventions import INGRESS_CLASS

ISSUER_ANNOTATION = "cert-manager.io/cluster-issuer"


@dataclass(frozen=True)
class Route:
    """Requests for `host` go to `service`."""
    host: str
    service: ServiceEndpoint


def tls_ingress(scope: Construct, id: str, *, name: str, routes: Sequence[Route],
                issuer: cdk8s.ApiObject, namespace: Optional[str] = None,
                tls_secret: Optional[str] = None,
                guard: Optional[Mapping[str, str]] = None) -> k8s.KubeIngress:
    """An Ingress serving `routes`; one certificate (Secret `tls_secret`, default
    `<name>-tls`) for all their hosts from `issuer`; `guard`: the annotations of a
    forward-auth Middleware (MiddlewareRef.annotations)."""
    return k8s.KubeIngress(
        scope, id,
        metadata=k8s.ObjectMeta(name=name, namespace=namespace,
                                annotations={ISSUER_ANNOTATION: issuer.name, **(guard or {})}),
        spec=k8s.IngressSpec(
            ingress_class_name=INGRESS_CLASS,
            tls=[k8s.IngressTls(hosts=[r.host for r in routes],
                                secret_name=tls_secret or f"{name}-tls")],
            rules=[k8s.IngressRule(host=r.host, http=k8s.HttpIngressRuleValue(paths=[
                k8s.HttpIngressPath(path="/", path_type="Prefix", backend=k8s.IngressBackend(
                    service=k8s.IngressServiceBackend(
                        name=r.service.name,
                        port=k8s.ServiceBackendPort(number=r.service.port))))]))
                for r in routes]))


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
