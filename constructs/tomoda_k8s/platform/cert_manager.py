"""cert-manager and the ACME ClusterIssuer every public Ingress names."""
from __future__ import annotations

import cdk8s
from constructs import Construct

from imports.io.cert_manager import (
    ClusterIssuer,
    ClusterIssuerSpec,
    ClusterIssuerSpecAcme,
    ClusterIssuerSpecAcmePrivateKeySecretRef,
    ClusterIssuerSpecAcmeSolvers,
    ClusterIssuerSpecAcmeSolversHttp01,
    ClusterIssuerSpecAcmeSolversHttp01Ingress,
)
from ..argo import CRD_PENDING_ANNOTATION
from ..conventions import INGRESS_CLASS
from ..resources import Resources
from .kit import HelmService, ServiceProps

ACME_PROD = "https://acme-v02.api.letsencrypt.org/directory"

# The one ClusterIssuer; every Ingress refers to the object (PlatformTier.issuer), not this name.
# HTTP-01 through Traefik: every public host already resolves to Traefik's load balancer.
LETSENCRYPT_PROD = "letsencrypt-prod"


class CertManager(HelmService):
    """`.issuer`: the ClusterIssuer object every Ingress names."""

    def __init__(self, scope: Construct, id: str, *, props: ServiceProps, acme_email: str):
        super().__init__(scope, id, props=props)
        small = Resources("10m", "64Mi", cpu_limit="200m", memory_limit="256Mi").values()
        self.install(
            server_side_apply=True,
            values={
                # crds.keep: uninstalling the chart must not delete every Certificate.
                "crds": {"enabled": True, "keep": True},
                "resources": small,
                "webhook": {"resources": small},
                "cainjector": {"resources": small},
                "startupapicheck": {"resources": small},
                "prometheus": {"enabled": True, "servicemonitor": {"enabled": True}},
            })
        # HTTP-01 through Traefik: every public host already points at Traefik's load
        # balancer, so no DNS credentials are needed by cert-manager (least privilege).
        self.issuer = ClusterIssuer(
            self.file, "issuer",
            metadata=cdk8s.ApiObjectMetadata(name=LETSENCRYPT_PROD, annotations=CRD_PENDING_ANNOTATION),
            spec=ClusterIssuerSpec(acme=ClusterIssuerSpecAcme(
                server=ACME_PROD, email=acme_email,
                private_key_secret_ref=ClusterIssuerSpecAcmePrivateKeySecretRef(
                    name=f"{LETSENCRYPT_PROD}-account-key"),
                solvers=[ClusterIssuerSpecAcmeSolvers(http01=ClusterIssuerSpecAcmeSolversHttp01(
                    ingress=ClusterIssuerSpecAcmeSolversHttp01Ingress(
                        ingress_class_name=INGRESS_CLASS)))],
            )))
