"""The platform-service kit: one construct per Helm-installed platform service.

A service is its model entry (`[platform.charts.<key>]` in config/estate.toml: repository,
chart, exact version, namespace) and one construct built on `HelmService`: props in (the chart
pin, where Applications live, how they sync), typed handles out (`.namespace`,
`.endpoint(port)`, `.service_account`, `.application`). Everything a service writes lands in
`k8s/envs/platform/<key>.yaml`; its Secrets come from a store object, its Ingresses name an
issuer object and, when guarded, the oauth2-proxy Middleware object: never retyped names.

Services beyond the core ones (`CORE_CHARTS`) need no wiring at all: a module
`tomoda_k8s/platform/services/<key>.py` (dashes as underscores) defining `Service(scope, id, *,
props, kit)` is found by its model key and given the `PlatformKit` handles.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

import cdk8s
from cdk8s_plus_28 import k8s
from constructs import Construct

from imports.io.argoproj import Application
from imports.io.external_secrets import ExternalSecret
from tomoda_model.layout_rules import PLATFORM_REQUIRED
from tomoda_model.model import HelmChart, SyncPolicy

from ..base import ServiceEndpoint
from ..external_secret import external_secret
from ..identity import Identity
from ..ingress import Route, tls_ingress
from ..argo import CRD_PENDING_ANNOTATION, ArgoTarget, helm_application
from ..chart_facts import SERVICES_PACKAGE, helm_fullname
from ..ingress import MiddlewareRef
from .common import platform_file

# Charts the platform tier (or the tenant tiers) wire by hand; every other chart of the
# model is an extra service found by its key (`extra_service`).
CORE_CHARTS = frozenset(PLATFORM_REQUIRED["charts"])


@dataclass(frozen=True)
class ServiceProps:
    """What every platform service takes: its model key (also its file's name), its chart
    pin, where Applications live and how they sync."""
    key: str
    chart: HelmChart
    argo: ArgoTarget
    sync: SyncPolicy


@dataclass(frozen=True)
class PlatformKit:
    """The handles a platform service may use, as objects: the platform's secret store, the
    certificate issuer, the forward-auth Middleware, and the model's platform tables (secret
    names, internal hosts, identities) by the service's own keys."""
    store: cdk8s.ApiObject
    issuer: cdk8s.ApiObject
    auth: MiddlewareRef
    domain: str
    secrets: Mapping[str, str] = field(default_factory=dict)
    hosts: Mapping[str, str] = field(default_factory=dict)
    identities: Mapping[str, Identity] = field(default_factory=dict)


class HelmService(Construct):
    """A Helm release installed by an Argo CD Application, with the objects around it.

    Subclasses call `install(values)` once, after creating what the values name (a Secret,
    a ConfigMap); `add_secret`, `add_ingress` and `endpoint` keep every name derived from objects.
    """
    application: Application

    def __init__(self, scope: Construct, id: str, *, props: ServiceProps,
                 release: Optional[str] = None,
                 service_account: Optional[Identity] = None):
        super().__init__(scope, id)
        self.props = props
        self.chart = props.chart
        self.release = release or props.chart.chart
        self.service_account = service_account
        self.file = platform_file(self, "file", service=props.key)

    @property
    def namespace(self) -> str:
        return self.chart.namespace

    @property
    def fullname(self) -> str:
        """The release's Helm fullname: what the chart names its Service and workloads."""
        return helm_fullname(self.release, self.chart.chart)

    def endpoint(self, port: int, *, suffix: str = "", name: Optional[str] = None) -> ServiceEndpoint:
        """A Service the release renders: `<fullname><suffix>` (or `name`) in its namespace."""
        return ServiceEndpoint(name or f"{self.fullname}{suffix}", self.namespace, port)

    def install(self, values: Mapping[str, Any], *, id: str = "app", chart: Optional[HelmChart] = None,
                server_side_apply: bool = False) -> Application:
        """The Application of this release (or of a companion `chart` in the same file, released
        under its chart's name)."""
        app = helm_application(
            self.file, id, argo=self.props.argo, chart=chart or self.chart,
            release=None if chart else self.release, sync=self.props.sync,
            values=values, server_side_apply=server_side_apply)
        if chart is None:
            self.application = app
        return app

    def add_secret(self, id: str, *, name: str, store: cdk8s.ApiObject, data: Mapping[str, str],
                   namespace: Optional[str] = None, template: Optional[Mapping[str, str]] = None,
                   secret_labels: Optional[Mapping[str, str]] = None) -> ExternalSecret:
        """A Secret of this service from `store` (in its namespace unless told otherwise);
        ESO's CRD comes from a platform chart, so a first sync may not know it yet."""
        return external_secret(self.file, id, name=name, namespace=namespace or self.namespace,
                               store=store, data=data, template=template,
                               annotations=CRD_PENDING_ANNOTATION, secret_labels=secret_labels)

    def add_ingress(self, id: str, *, name: str, host: str, service: ServiceEndpoint,
                    issuer: cdk8s.ApiObject, guard: Optional[MiddlewareRef] = None) -> k8s.KubeIngress:
        """A TLS Ingress of `host` to `service`, certificate from `issuer`, behind `guard`."""
        return tls_ingress(self.file, id, name=name, namespace=service.namespace,
                           routes=[Route(host, service)], issuer=issuer,
                           guard=guard.annotations if guard else None)


def extra_service(scope: Construct, props: ServiceProps, kit: PlatformKit) -> HelmService:
    """The construct of a chart outside CORE_CHARTS, from its module in `services/`."""
    module_name = props.key.replace("-", "_")
    try:
        module = importlib.import_module(f"{SERVICES_PACKAGE}.{module_name}")
    except ModuleNotFoundError as e:
        if e.name != f"{SERVICES_PACKAGE}.{module_name}":
            raise
        raise ValueError(
            f"platform.charts.{props.key}: no construct for it; write "
            f"constructs/tomoda_k8s/platform/services/{module_name}.py defining "
            f"Service(scope, id, *, props, kit) (see platform/kit.py)") from None
    return module.Service(scope, props.key, props=props, kit=kit)
