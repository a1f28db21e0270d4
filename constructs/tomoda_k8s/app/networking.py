"""How traffic reaches the app: the Ingress and the NetworkPolicies that admit it."""
from __future__ import annotations

from typing import Optional

import cdk8s
from constructs import Construct

from tomoda_model import Tenant

from ..base import ServiceEndpoint
from ..ingress import Route, tls_ingress
from ..netpol import Peer, Rule, admit
from .spec import INGRESS, TLS_SECRET, Pool, selector


def routes(tenant: Tenant, api: ServiceEndpoint, frontend: ServiceEndpoint) -> list[Route]:
    """Every Ingress rule: the API host, then every frontend host."""
    return [Route(tenant.hosts.api, api)] + [
        Route(host, frontend) for host in (tenant.hosts.app, *tenant.hosts.extra_app)]


class AppIngress(Construct):
    def __init__(self, scope: Construct, id: str, *, tenant: Tenant, api: ServiceEndpoint,
                 frontend: ServiceEndpoint, issuer: cdk8s.ApiObject):
        super().__init__(scope, id)
        # one certificate for every host: cert-manager issues it from the TLS block
        self.ingress = tls_ingress(self, "ingress", name=INGRESS,
                                   routes=routes(tenant, api, frontend), issuer=issuer,
                                   tls_secret=TLS_SECRET)


class PoolPolicy(Construct):
    """Ingress to one pool: only from `from_namespace` on the pool's port, or (when
    `from_namespace` is None) from nowhere at all."""

    def __init__(self, scope: Construct, id: str, *, pool: Pool,
                 from_namespace: Optional[str]):
        super().__init__(scope, id)
        rules = [] if from_namespace is None else [Rule((Peer(from_namespace),), (pool.port,))]
        self.policy = admit(self, "policy", name=f"{pool.name}-policy", pods=selector(pool),
                            rules=rules)
