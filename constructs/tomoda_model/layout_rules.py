"""Keys of the platform's tables that the platform and tenant tiers wire by name (the core:
any other chart is an extra service the kit finds by its key), and which chart creates each
platform identity's KSA."""
from __future__ import annotations

PLATFORM_TIER = "platform"
PLATFORM_REQUIRED = {
    "charts": ("cert-manager", "traefik", "external-dns", "external-secrets", "oauth2-proxy",
               "kube-prometheus-stack", "loki", "tempo", "alloy", "blackbox-exporter",
               "argocd-image-updater", "cloudnative-pg", "plugin-barman-cloud", "redis",
               "pgadmin4"),
    "internal_hosts": ("grafana", "prometheus", "alertmanager", "oauth2_proxy"),
    "identities": ("external_secrets", "image_updater"),
}
# Which chart creates the Kubernetes service account of each platform identity.
IDENTITY_CHARTS = {"external_secrets": "external-secrets", "image_updater": "argocd-image-updater"}
