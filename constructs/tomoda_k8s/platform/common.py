"""Small building blocks shared by the platform services (files, secrets, ingresses)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional

import cdk8s
from cdk8s_plus_28 import k8s
from constructs import Construct

from imports.io.external_secrets import ExternalSecret
from imports.io.traefik import Middleware

from ..conventions import INGRESS_CLASS
from .. import layout
from ..base import OutputChart
from ..external_secret import external_secret as shared_external_secret
from .argo import CRD_PENDING_ANNOTATION


def platform_file(scope: Construct, id: str, *, service: str) -> OutputChart:
    """One YAML file per platform service under the platform tier's directory."""
    return OutputChart(scope, id, output_path=f"{layout.tier_dir(layout.PLATFORM_TIER)}/{service}.yaml")


from ..chart_facts import helm_fullname  # noqa: E402,F401 (one rule for constructs and checks)


def redis_master(release: str, chart: str) -> str:
    """Bitnami redis, standalone: the master's StatefulSet and Service are `<fullname>-master`."""
    return f"{helm_fullname(release, chart)}-master"


def resources(cpu: str, memory: str, *, cpu_limit: Optional[str] = None,
              memory_limit: Optional[str] = None) -> dict:
    """Helm-values form of container resources (requests, limits default to the requests)."""
    return {"requests": {"cpu": cpu, "memory": memory},
            "limits": {"cpu": cpu_limit or cpu, "memory": memory_limit or memory}}


def external_secret(scope: Construct, id: str, *, name: str, namespace: str,
                    store: cdk8s.ApiObject, data: Mapping[str, str],
                    template: Optional[Mapping[str, str]] = None,
                    secret_labels: Optional[Mapping[str, str]] = None) -> ExternalSecret:
    """A platform Secret from `store`; its CRD comes from a platform chart (see argo.py)."""
    return shared_external_secret(scope, id, name=name, namespace=namespace, store=store,
                                  data=data, template=template, annotations=CRD_PENDING_ANNOTATION,
                                  secret_labels=secret_labels)


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


def tls_ingress(scope: Construct, id: str, *, name: str, namespace: str,
                host: str, service: str, port: int, issuer: cdk8s.ApiObject,
                middleware: Optional[MiddlewareRef] = None) -> k8s.KubeIngress:
    """An Ingress of one host through Traefik, certificate from `issuer`, optionally guarded."""
    annotations = {"cert-manager.io/cluster-issuer": issuer.name}
    if middleware is not None:
        annotations.update(middleware.annotations)
    return k8s.KubeIngress(
        scope, id,
        metadata=k8s.ObjectMeta(name=name, namespace=namespace, annotations=annotations),
        spec=k8s.IngressSpec(
            ingress_class_name=INGRESS_CLASS,
            tls=[k8s.IngressTls(hosts=[host], secret_name=f"{name}-tls")],
            rules=[k8s.IngressRule(host=host, http=k8s.HttpIngressRuleValue(paths=[
                k8s.HttpIngressPath(
                    path="/", path_type="Prefix",
                    backend=k8s.IngressBackend(service=k8s.IngressServiceBackend(
                        name=service, port=k8s.ServiceBackendPort(number=port))))]))],
        ),
    )
