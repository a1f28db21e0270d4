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
from tomoda_model import Estate

from .argo import CRD_PENDING_ANNOTATION, helm_application
from ..conventions import INGRESS_CLASS
from .common import platform_file, resources

ACME_PROD = "https://acme-v02.api.letsencrypt.org/directory"

# The one ClusterIssuer; every Ingress refers to the object (PlatformTier.issuer), not this name.
# HTTP-01 through Traefik: every public host already resolves to Traefik's load balancer.
LETSENCRYPT_PROD = "letsencrypt-prod"


class CertManager(Construct):
    def __init__(self, scope: Construct, id: str, *, estate: Estate):
        super().__init__(scope, id)
        chart = platform_file(self, "file", service="cert-manager")
        small = resources("10m", "64Mi", cpu_limit="200m", memory_limit="256Mi")
        self.application = helm_application(
            chart, "app", estate=estate, chart=estate.platform.charts["cert-manager"],
            sync=estate.platform.sync, server_side_apply=True,
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
            chart, "issuer",
            metadata=cdk8s.ApiObjectMetadata(name=LETSENCRYPT_PROD, annotations=CRD_PENDING_ANNOTATION),
            spec=ClusterIssuerSpec(acme=ClusterIssuerSpecAcme(
                server=ACME_PROD, email=estate.platform.acme_email,
                private_key_secret_ref=ClusterIssuerSpecAcmePrivateKeySecretRef(
                    name=f"{LETSENCRYPT_PROD}-account-key"),
                solvers=[ClusterIssuerSpecAcmeSolvers(http01=ClusterIssuerSpecAcmeSolversHttp01(
                    ingress=ClusterIssuerSpecAcmeSolversHttp01Ingress(
                        ingress_class_name=INGRESS_CLASS)))],
            )))
