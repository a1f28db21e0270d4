"""CNPG Cluster, credentials and alias Service of each tenant (issue 4, tenant tiers)."""
import pytest

from tomoda_model import load_estate

from support import CONFIG

TENANTS = sorted(load_estate(CONFIG).tenants)


def tier(name: str) -> str:
    return f"k8s/envs/{name}/"


@pytest.mark.parametrize("name", TENANTS)
def test_cluster_is_postgis_with_initdb_database_and_owner_from_model(k8s_tree, estate, name):
    pg = estate.tenants[name].postgres
    cluster = k8s_tree.find("Cluster", pg.cluster, estate.data_namespace, under=tier(name))
    assert cluster["apiVersion"] == "postgresql.cnpg.io/v1"
    assert cluster["spec"]["imageName"] == "ghcr.io/cloudnative-pg/postgis:17-3.5"
    initdb = cluster["spec"]["bootstrap"]["initdb"]
    assert (initdb["database"], initdb["owner"]) == (pg.database, pg.owner)


def test_seed_names_of_clusters_databases_and_owners(estate):
    got = {n: (t.postgres.cluster, t.postgres.database, t.postgres.owner)
           for n, t in estate.tenants.items() if n in ("dev", "prod")}
    assert got == {"dev": ("postgres-dev", "tomoda_dev", "tomoda_dev_user"),
                   "prod": ("postgres-prod", "tomoda_prod", "tomoda_prod_user")}


@pytest.mark.parametrize("name", TENANTS)
def test_cluster_sizes_and_parameters_come_from_model(k8s_tree, estate, name):
    pg = estate.tenants[name].postgres
    spec = k8s_tree.find("Cluster", pg.cluster, estate.data_namespace)["spec"]
    assert spec["storage"]["size"] == pg.storage
    assert spec["resources"]["limits"] == {"cpu": pg.cpu_limit, "memory": pg.memory_limit}
    # Guaranteed QoS: requests equal limits.
    assert spec["resources"]["requests"] == spec["resources"]["limits"]
    assert spec["postgresql"]["parameters"] == dict(pg.parameters)


@pytest.mark.parametrize("name", TENANTS)
def test_cluster_credentials_come_from_an_external_secret_of_the_db_password(k8s_tree, estate, name):
    t = estate.tenants[name]
    cluster = k8s_tree.find("Cluster", t.postgres.cluster, estate.data_namespace)
    secret_name = cluster["spec"]["bootstrap"]["initdb"]["secret"]["name"]
    assert secret_name == f"postgres-{name}-credentials"
    es = k8s_tree.find("ExternalSecret", secret_name, estate.data_namespace)
    assert es["apiVersion"] == "external-secrets.io/v1"
    assert es["spec"]["secretStoreRef"] == {"kind": "ClusterSecretStore", "name": f"gsm-tomoda-{name}"}
    assert es["spec"]["target"]["name"] == secret_name
    assert es["spec"]["data"] == [{"secretKey": "password", "remoteRef": {
        "key": estate.backend_gsm_secret(t, estate.secrets.backend["DB_PASSWORD"])}}]
    template = es["spec"]["target"]["template"]
    assert template["type"] == "kubernetes.io/basic-auth"
    assert template["data"]["username"] == t.postgres.owner


@pytest.mark.parametrize("name", TENANTS)
def test_clusters_are_never_pruned_nor_deleted_by_a_sync(k8s_tree, estate, name):
    cluster = k8s_tree.find("Cluster", estate.tenants[name].postgres.cluster, estate.data_namespace)
    options = cluster["metadata"]["annotations"]["argocd.argoproj.io/sync-options"].split(",")
    assert {"Prune=false", "Delete=false"} <= set(options)


@pytest.mark.parametrize("name", TENANTS)
def test_alias_service_points_at_the_clusters_rw_service(k8s_tree, estate, name):
    pg = estate.tenants[name].postgres
    svc = k8s_tree.find("Service", pg.alias_service, estate.data_namespace, under=tier(name))
    assert svc["spec"]["type"] == "ExternalName"
    assert svc["spec"]["externalName"] == f"{pg.cluster}-rw.{estate.data_namespace}.svc.cluster.local"


def test_alias_services_keep_the_old_dns_names(estate):
    assert estate.tenants["dev"].postgres.alias_service == "postgres-postgresql"
    assert estate.tenants["prod"].postgres.alias_service == "prod-postgres-postgresql"


@pytest.mark.parametrize("name", TENANTS)
def test_tenant_namespace_is_created_by_its_tier(k8s_tree, estate, name):
    ns = k8s_tree.find("Namespace", estate.tenants[name].namespace, under=tier(name))
    assert ns["apiVersion"] == "v1"


@pytest.mark.parametrize("name", TENANTS)
def test_pod_monitor_scrapes_the_clusters_instances(k8s_tree, estate, name):
    pg = estate.tenants[name].postgres
    pm = k8s_tree.find("PodMonitor", pg.cluster, estate.data_namespace, under=tier(name))
    assert pm["spec"]["selector"]["matchLabels"]["cnpg.io/cluster"] == pg.cluster
    assert pm["spec"]["podMetricsEndpoints"] == [{"port": "metrics"}]


@pytest.mark.parametrize("name", TENANTS)
def test_app_connects_to_the_alias_service_and_the_redis_master(k8s_tree, estate, name):
    # The tier hands its endpoints to the app: the app's config names exactly these hosts.
    t = estate.tenants[name]
    config = "\n".join(str(d) for _, d in k8s_tree.all_objects(under=f"k8s/apps/tomoda/{name}/"))
    alias = k8s_tree.find("Service", t.postgres.alias_service, estate.data_namespace)
    assert f"{alias['metadata']['name']}.{estate.data_namespace}.svc.cluster.local" in config
    assert f"{t.redis.release}-master.{estate.data_namespace}.svc.cluster.local" in config
