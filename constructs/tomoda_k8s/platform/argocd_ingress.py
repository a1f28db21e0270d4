"""The Argo CD UI. Argo CD itself is installed by Terraform (argo-cd chart, server Service
`argocd-server`, TLS terminated at Traefik); it authenticates with its own Dex/Google SSO,
so no oauth2-proxy in front (the CLI must reach the API too)."""
from __future__ import annotations

import cdk8s
from constructs import Construct

from ..base import ServiceEndpoint
from ..ingress import Route, tls_ingress
from ..chart_facts import helm_fullname
from .common import platform_file
from .props import ArgoCdServer

SERVER_PORT = 80                  # plain HTTP: server.insecure, Traefik terminates TLS


def server_service(release: str) -> str:
    """The argo-cd chart names its server Service `<fullname>-server`, and its fullname is
    the release name when that contains the chart's name override `argocd`."""
    return f"{helm_fullname(release, 'argocd')}-server"


class ArgoCdIngress(Construct):
    """The UI of `server` (in Argo CD's `namespace`), certificate from `issuer`."""

    def __init__(self, scope: Construct, id: str, *, server: ArgoCdServer, namespace: str,
                 issuer: cdk8s.ApiObject):
        super().__init__(scope, id)
        chart = platform_file(self, "file", service="argocd-ingress")
        service = ServiceEndpoint(server_service(server.release), namespace, SERVER_PORT)
        self.ingress = tls_ingress(chart, "ingress", name=service.name, namespace=namespace,
                                   routes=[Route(server.host, service)], issuer=issuer)
