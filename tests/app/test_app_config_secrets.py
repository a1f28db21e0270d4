"""The backend's ConfigMap and ExternalSecrets."""
from __future__ import annotations

import pytest

from tomoda_k8s.layout import app_dir

TENANTS = ["dev", "prod"]

CONFIG = {
    "dev": {
        "DB_HOST": "postgres-postgresql.data.svc.cluster.local",
        "DB_PORT": "5432",
        "DB_NAME": "tomoda_dev",
        "DB_USER": "tomoda_dev_user",
        "DB_SSLMODE": "disable",
        "REDIS_HOST": "redis-master.data.svc.cluster.local",
        "REDIS_PORT": "6379",
        "WEBAUTHN_RP_ID": "api-dev.tomoda.life",
        "FRONTEND_URL": "https://app-dev.tomoda.life",
        "ENV": "dev",
    },
    "prod": {
        "DB_HOST": "prod-postgres-postgresql.data.svc.cluster.local",
        "DB_PORT": "5432",
        "DB_NAME": "tomoda_prod",
        "DB_USER": "tomoda_prod_user",
        "DB_SSLMODE": "require",
        "REDIS_HOST": "prod-redis-master.data.svc.cluster.local",
        "REDIS_PORT": "6379",
        "WEBAUTHN_RP_ID": "api.tomoda.life",
        "FRONTEND_URL": "https://app.tomoda.life",
        "ENV": "prod",
    },
}

# What seed 003 says the backend secret holds, as env vars of the model.
BACKEND_SECRET_KEYS = {
    "JWT_SECRET", "ENCRYPTION_KEY", "DB_PASSWORD", "REDIS_PASSWORD", "GOOGLE_CLIENT_SECRET",
    "LINE_CLIENT_SECRET", "APPLE_CLIENT_SECRET", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET",
    "EMAIL_API_KEY", "KLIPY_API_KEY",
}
S3_KEYS = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_S3_BUCKET", "AWS_REGION",
           "AWS_S3_BASE_URL"]


def find(k8s_tree, estate, tenant: str, kind: str, name: str) -> dict:
    t = estate.tenants[tenant]
    return k8s_tree.find(kind, name, t.namespace, under=app_dir(t))


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("key", sorted(CONFIG["dev"]))
def test_backend_config_value(k8s_tree, estate, tenant, key):
    cm = find(k8s_tree, estate, tenant, "ConfigMap", f"backend-config-{tenant}")
    assert cm["data"][key] == CONFIG[tenant][key]


@pytest.mark.parametrize("tenant", TENANTS)
def test_backend_config_holds_no_secret(k8s_tree, estate, tenant):
    cm = find(k8s_tree, estate, tenant, "ConfigMap", f"backend-config-{tenant}")
    assert not set(cm["data"]) & BACKEND_SECRET_KEYS


@pytest.mark.parametrize("tenant", TENANTS)
def test_backend_config_hosts_are_the_data_plane_services(k8s_tree, estate, tenant):
    t = estate.tenants[tenant]
    cm = find(k8s_tree, estate, tenant, "ConfigMap", f"backend-config-{tenant}")["data"]
    assert cm["DB_HOST"] == f"{t.postgres.alias_service}.{estate.data_namespace}.svc.cluster.local"
    assert cm["REDIS_HOST"] == f"{t.redis.release}-master.{estate.data_namespace}.svc.cluster.local"


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("name", ["backend-secrets-{t}", "s3-uploader-secret"])
def test_external_secrets_use_the_v1_api(k8s_tree, estate, tenant, name):
    es = find(k8s_tree, estate, tenant, "ExternalSecret", name.format(t=tenant))
    assert es["apiVersion"] == "external-secrets.io/v1"


@pytest.mark.parametrize("tenant", TENANTS)
def test_backend_secret_reads_gsm_hourly(k8s_tree, estate, tenant):
    spec = find(k8s_tree, estate, tenant, "ExternalSecret", f"backend-secrets-{tenant}")["spec"]
    assert spec["secretStoreRef"] == {"kind": "ClusterSecretStore", "name": f"gsm-tomoda-{tenant}"}
    assert spec["refreshInterval"] == "1h"


@pytest.mark.parametrize("tenant", TENANTS)
def test_backend_secret_maps_every_backend_key(k8s_tree, estate, tenant):
    spec = find(k8s_tree, estate, tenant, "ExternalSecret", f"backend-secrets-{tenant}")["spec"]
    assert {d["secretKey"] for d in spec["data"]} == BACKEND_SECRET_KEYS


@pytest.mark.parametrize("tenant", TENANTS)
def test_backend_secret_keys_are_tenant_suffixed_tomoda_gsm_secrets(k8s_tree, estate, tenant):
    spec = find(k8s_tree, estate, tenant, "ExternalSecret", f"backend-secrets-{tenant}")["spec"]
    by_key = {d["secretKey"]: d["remoteRef"]["key"] for d in spec["data"]}
    assert by_key["JWT_SECRET"] == f"tomoda-jwt-secret-{tenant}"
    assert all(k.startswith("tomoda-") and k.endswith(f"-{tenant}") for k in by_key.values())


@pytest.mark.parametrize("tenant", TENANTS)
def test_backend_secret_keys_exist_in_the_gsm_inventory(k8s_tree, estate, tenant):
    # the Terraform layer creates exactly estate.stateful_gsm_secrets(); nothing else exists
    spec = find(k8s_tree, estate, tenant, "ExternalSecret", f"backend-secrets-{tenant}")["spec"]
    assert {d["remoteRef"]["key"] for d in spec["data"]} <= set(estate.stateful_gsm_secrets())


@pytest.mark.parametrize("tenant", TENANTS)
def test_s3_uploader_reads_the_tenant_json_from_aws_sm(k8s_tree, estate, tenant):
    spec = find(k8s_tree, estate, tenant, "ExternalSecret", "s3-uploader-secret")["spec"]
    assert spec["secretStoreRef"] == {"kind": "ClusterSecretStore", "name": f"aws-sm-tomoda-{tenant}"}
    assert {d["remoteRef"]["key"] for d in spec["data"]} == {f"tomoda-s3-uploader-{tenant}"}


@pytest.mark.parametrize("tenant", TENANTS)
def test_s3_uploader_splits_the_json_into_aws_env_vars(k8s_tree, estate, tenant):
    spec = find(k8s_tree, estate, tenant, "ExternalSecret", "s3-uploader-secret")["spec"]
    assert [(d["secretKey"], d["remoteRef"]["property"]) for d in spec["data"]] == \
        [(k, k) for k in S3_KEYS]


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("name", ["backend-secrets-{t}", "s3-uploader-secret"])
def test_external_secret_owns_a_secret_of_its_own_name(k8s_tree, estate, tenant, name):
    es = find(k8s_tree, estate, tenant, "ExternalSecret", name.format(t=tenant))
    assert es["spec"]["target"] == {"name": es["metadata"]["name"], "creationPolicy": "Owner"}


def test_each_tenant_reads_through_stores_of_its_own(k8s_tree, estate):
    # the seeds' store names (gsm-tomoda, aws-sm-tomoda) with the tenant's name: one store per
    # tenant keeps tenants apart (docs/decisions.md, "Tenant secret isolation")
    stores = {d["spec"]["secretStoreRef"]["name"] for _, d in k8s_tree.all_objects("k8s/apps")
              if d["kind"] == "ExternalSecret"}
    assert stores == {f"{kind}-tomoda-{t}" for kind in ("gsm", "aws-sm") for t in TENANTS}
