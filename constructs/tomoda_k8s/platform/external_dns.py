"""external-dns: publishes Ingress/Service hosts into the Cloudflare zone, never proxied."""
from __future__ import annotations

import cdk8s
from constructs import Construct

from ..resources import Resources
from .kit import HelmService, ServiceProps

TOKEN_SECRET = "cloudflare-api-token"
TOKEN_KEY = "api-token"


class ExternalDns(HelmService):
    """Publishes the hosts of `domain`; `token` is the Secret Manager name of the API token."""

    def __init__(self, scope: Construct, id: str, *, props: ServiceProps, store: cdk8s.ApiObject,
                 token: str, domain: str, owner_id: str):
        super().__init__(scope, id, props=props)
        self.token = self.add_secret("token", name=TOKEN_SECRET, store=store, data={TOKEN_KEY: token})
        # Not proxied: external-dns creates Cloudflare records unproxied unless
        # --cloudflare-proxied is given, and we never give it (Cloudflare is DNS only).
        # policy sync: records of removed hosts are deleted; the txt registry limits that
        # to records this owner id created, so Terraform's records are never touched.
        self.install(
            values={
                "provider": {"name": "cloudflare"},
                "env": [{"name": "CF_API_TOKEN", "valueFrom": {"secretKeyRef": {
                    "name": self.token.name, "key": TOKEN_KEY}}}],
                "sources": ["ingress", "service"],
                "domainFilters": [domain],
                "registry": "txt",
                "txtOwnerId": owner_id,
                "policy": "sync",
                "serviceMonitor": {"enabled": True},
                "resources": Resources("10m", "64Mi", cpu_limit="100m", memory_limit="128Mi").values(),
            })
