"""oauth2-proxy (Google, one domain) and the Traefik forward-auth Middleware guarding the
internal UIs. Any Ingress opts in with `auth_middleware.annotations`."""
from __future__ import annotations

import cdk8s
from constructs import Construct

from imports.io.traefik import Middleware, MiddlewareSpec, MiddlewareSpecForwardAuth
from ..argo import CRD_PENDING_ANNOTATION
from ..ingress import MiddlewareRef
from ..resources import Resources
from .kit import HelmService, ServiceProps

RELEASE = "oauth2-proxy"
SERVICE_PORT = 80  # the chart's Service port


class OAuth2Proxy(HelmService):
    """Signs in on `host` for the whole `domain`; `.middleware` (and `.ref`, as Ingresses
    name it) is the forward-auth gate. `secrets`: the Secret Manager names of the OAuth
    client id and secret and the cookie secret (keys of the model's platform secrets)."""

    def __init__(self, scope: Construct, id: str, *, props: ServiceProps, store: cdk8s.ApiObject,
                 issuer: cdk8s.ApiObject, host: str, domain: str, secrets: dict[str, str]):
        super().__init__(scope, id, props=props, release=RELEASE)
        service = self.endpoint(SERVICE_PORT)
        self.credentials = self.add_secret(
            "credentials", name=RELEASE, store=store,
            data={"client-id": secrets["oauth2_proxy_client_id"],
                  "client-secret": secrets["oauth2_proxy_client_secret"],
                  "cookie-secret": secrets["oauth2_proxy_cookie_secret"]})
        # Forward-auth with a static 202 upstream: an authenticated request gets 202 (Traefik
        # lets it through); otherwise oauth2-proxy redirects to Google, the callback lands on
        # `host`, and the cookie is set for the whole domain so every UI shares one login.
        self.install(
            values={
                "config": {
                    "existingSecret": self.credentials.name,
                    "configFile": (f'email_domains = [ "{domain}" ]\n'
                                   'upstreams = [ "static://202" ]\n'),
                },
                "extraArgs": {
                    "provider": "google",
                    "reverse-proxy": "true",
                    "set-xauthrequest": "true",
                    "skip-provider-button": "true",
                    "cookie-domain": f".{domain}",
                    "whitelist-domain": f".{domain}",
                    "redirect-url": f"https://{host}/oauth2/callback",
                },
                "resources": Resources("10m", "32Mi", cpu_limit="100m", memory_limit="128Mi").values(),
            })
        self.ingress = self.add_ingress("ingress", name=RELEASE, host=host, service=service,
                                       issuer=issuer)
        self.middleware = Middleware(
            self.file, "middleware",
            metadata=cdk8s.ApiObjectMetadata(name=RELEASE, namespace=self.namespace,
                                             annotations=CRD_PENDING_ANNOTATION),
            spec=MiddlewareSpec(forward_auth=MiddlewareSpecForwardAuth(
                address=f"{service.url()}/",
                trust_forward_header=True,
                auth_response_headers=["X-Auth-Request-User", "X-Auth-Request-Email"])))
        self.ref = MiddlewareRef.of(self.middleware)
