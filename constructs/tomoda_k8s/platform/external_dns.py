"""external-dns: publishes Ingress/Service hosts into the Cloudflare zone, never proxied."""
from __future__ import annotations

import cdk8s
from constructs import Construct

from tomoda_model import Estate

from .argo import helm_application
from .common import external_secret, platform_file, resources

TOKEN_SECRET = "cloudflare-api-token"
TOKEN_KEY = "api-token"


class ExternalDns(Construct):
    def __init__(self, scope: Construct, id: str, *, estate: Estate, store: cdk8s.ApiObject):
        super().__init__(scope, id)
        chart = platform_file(self, "file", service="external-dns")
        helm = estate.platform.charts["external-dns"]
        self.token = external_secret(
            chart, "token", name=TOKEN_SECRET, namespace=helm.namespace, store=store,
            data={TOKEN_KEY: estate.secrets.platform["cloudflare_api_token"]})
        # Not proxied: external-dns creates Cloudflare records unproxied unless
        # --cloudflare-proxied is given, and we never give it (Cloudflare is DNS only).
        # policy sync: records of removed hosts are deleted; the txt registry limits that
        # to records this owner id created, so Terraform's records are never touched.
        self.application = helm_application(
            chart, "app", estate=estate, chart=helm, sync=estate.platform.sync,
            values={
                "provider": {"name": "cloudflare"},
                "env": [{"name": "CF_API_TOKEN", "valueFrom": {"secretKeyRef": {
                    "name": self.token.name, "key": TOKEN_KEY}}}],
                "sources": ["ingress", "service"],
                "domainFilters": [estate.domain],
                "registry": "txt",
                "txtOwnerId": estate.platform.external_dns_owner_id,
                "policy": "sync",
                "serviceMonitor": {"enabled": True},
                "resources": resources("10m", "64Mi", cpu_limit="100m", memory_limit="128Mi"),
            })
