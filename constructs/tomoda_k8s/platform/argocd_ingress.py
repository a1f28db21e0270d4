"""The Argo CD UI. Argo CD itself is installed by Terraform (argo-cd chart, server Service
`argocd-server`, TLS terminated at Traefik); it authenticates with its own Dex/Google SSO,
so no oauth2-proxy in front (the CLI must reach the API too)."""
from __future__ import annotations

import cdk8s
from constructs import Construct

from tomoda_model import Estate

from .common import platform_file, tls_ingress

SERVER_SERVICE = "argocd-server"  # fixed by the argo-cd chart for release `argocd`
SERVER_PORT = 80                  # plain HTTP: server.insecure, Traefik terminates TLS


class ArgoCdIngress(Construct):
    def __init__(self, scope: Construct, id: str, *, estate: Estate, issuer: cdk8s.ApiObject):
        super().__init__(scope, id)
        chart = platform_file(self, "file", service="argocd-ingress")
        self.ingress = tls_ingress(
            chart, "ingress", estate=estate, name=SERVER_SERVICE, namespace=estate.argocd.namespace,
            host=estate.argocd.host, service=SERVER_SERVICE, port=SERVER_PORT,
            issuer=issuer)
