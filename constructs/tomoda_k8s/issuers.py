"""Names of the cert-manager issuers: the platform defines them, every Ingress refers to them."""
from __future__ import annotations

# HTTP-01 through Traefik: every public host already resolves to Traefik's load balancer.
LETSENCRYPT_PROD = "letsencrypt-prod"
