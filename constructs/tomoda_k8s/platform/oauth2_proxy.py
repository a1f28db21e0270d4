"""oauth2-proxy (Google, one domain) and the Traefik forward-auth Middleware guarding the
internal UIs. Any Ingress opts in with `auth_middleware.annotations`."""
from __future__ import annotations

import cdk8s
from constructs import Construct

from imports.io.traefik import Middleware, MiddlewareSpec, MiddlewareSpecForwardAuth
from tomoda_model import Estate

from .argo import CRD_PENDING_ANNOTATION, helm_application
from .common import MiddlewareRef, external_secret, helm_fullname, platform_file, resources, tls_ingress

RELEASE = "oauth2-proxy"
SERVICE_PORT = 80  # the chart's Service port


class OAuth2Proxy(Construct):
    def __init__(self, scope: Construct, id: str, *, estate: Estate, store: cdk8s.ApiObject,
                 issuer: cdk8s.ApiObject):
        super().__init__(scope, id)
        chart = platform_file(self, "file", service="oauth2-proxy")
        helm = estate.platform.charts["oauth2-proxy"]
        host = estate.platform.internal_hosts["oauth2_proxy"]
        service = helm_fullname(RELEASE, helm.chart)
        secrets = estate.secrets.platform
        self.credentials = external_secret(
            chart, "credentials", name=RELEASE, namespace=helm.namespace, store=store,
            data={"client-id": secrets["oauth2_proxy_client_id"],
                  "client-secret": secrets["oauth2_proxy_client_secret"],
                  "cookie-secret": secrets["oauth2_proxy_cookie_secret"]})
        # Forward-auth with a static 202 upstream: an authenticated request gets 202 (Traefik
        # lets it through); otherwise oauth2-proxy redirects to Google, the callback lands on
        # `host`, and the cookie is set for the whole domain so every UI shares one login.
        self.application = helm_application(
            chart, "app", estate=estate, chart=helm, release=RELEASE, sync=estate.platform.sync,
            values={
                "config": {
                    "existingSecret": self.credentials.name,
                    "configFile": (f'email_domains = [ "{estate.domain}" ]\n'
                                   'upstreams = [ "static://202" ]\n'),
                },
                "extraArgs": {
                    "provider": "google",
                    "reverse-proxy": "true",
                    "set-xauthrequest": "true",
                    "skip-provider-button": "true",
                    "cookie-domain": f".{estate.domain}",
                    "whitelist-domain": f".{estate.domain}",
                    "redirect-url": f"https://{host}/oauth2/callback",
                },
                "resources": resources("10m", "32Mi", cpu_limit="100m", memory_limit="128Mi"),
            })
        self.ingress = tls_ingress(
            chart, "ingress", estate=estate, name=RELEASE, namespace=helm.namespace, host=host,
            service=service, port=SERVICE_PORT, issuer=issuer)
        self.middleware = Middleware(
            chart, "middleware",
            metadata=cdk8s.ApiObjectMetadata(name=RELEASE, namespace=helm.namespace,
                                             annotations=CRD_PENDING_ANNOTATION),
            spec=MiddlewareSpec(forward_auth=MiddlewareSpecForwardAuth(
                address=f"http://{service}.{helm.namespace}.svc.cluster.local:{SERVICE_PORT}/",
                trust_forward_header=True,
                auth_response_headers=["X-Auth-Request-User", "X-Auth-Request-Email"])))
        self.ref = MiddlewareRef.of(self.middleware)
