"""The backend's non-secret runtime configuration (envFrom ConfigMap)."""
from __future__ import annotations

from cdk8s_plus_28 import k8s
from constructs import Construct

from tomoda_model import Tenant

from ..base import DataEndpoints, ServiceEndpoint
from .spec import backend_config_name


def backend_config(tenant: Tenant, data: DataEndpoints,
                   otlp: ServiceEndpoint) -> dict[str, str]:
    """Every key of the ConfigMap. Hosts and ports come from the data plane's Services, the
    trace endpoint from the platform's collector (the OpenTelemetry SDKs' standard variable)."""
    return {
        "DB_HOST": data.postgres.host,
        "DB_PORT": str(data.postgres.port),
        "DB_NAME": tenant.postgres.database,
        "DB_USER": tenant.postgres.owner,
        "DB_SSLMODE": tenant.postgres.sslmode,
        "REDIS_HOST": data.redis.host,
        "REDIS_PORT": str(data.redis.port),
        # WebAuthn relying party = the API host the browser talks to
        "WEBAUTHN_RP_ID": tenant.hosts.api,
        "FRONTEND_URL": f"https://{tenant.hosts.app}",
        "ENV": tenant.name,
        "OTEL_EXPORTER_OTLP_ENDPOINT": otlp.url(),
    }


class BackendConfig(Construct):
    def __init__(self, scope: Construct, id: str, *, tenant: Tenant, data: DataEndpoints,
                 otlp: ServiceEndpoint):
        super().__init__(scope, id)
        self.config_map = k8s.KubeConfigMap(
            self, "config-map",
            metadata=k8s.ObjectMeta(name=backend_config_name(tenant)),
            data=backend_config(tenant, data, otlp))

    def env_from(self) -> k8s.EnvFromSource:
        return k8s.EnvFromSource(config_map_ref=k8s.ConfigMapEnvSource(name=self.config_map.name))
