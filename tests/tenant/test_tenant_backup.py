"""Prod backups to GCS through the Barman Cloud plugin and Workload Identity; none where the
model has no backup."""
import pytest

from tomoda_model import load_estate

from support import CONFIG

ESTATE = load_estate(CONFIG)
WITH_BACKUP = sorted(n for n, t in ESTATE.tenants.items() if t.postgres.backup)
WITHOUT_BACKUP = sorted(n for n, t in ESTATE.tenants.items() if not t.postgres.backup)


def test_prod_has_a_backup_and_dev_has_none():
    assert "prod" in WITH_BACKUP and "dev" in WITHOUT_BACKUP


@pytest.mark.parametrize("name", WITHOUT_BACKUP)
def test_tenant_without_backup_has_no_backup_spec_and_no_scheduled_backup(k8s_tree, estate, name):
    cluster = k8s_tree.find("Cluster", estate.tenants[name].postgres.cluster, estate.data_namespace)
    assert "backup" not in cluster["spec"] and "plugins" not in cluster["spec"]
    assert "serviceAccountTemplate" not in cluster["spec"]
    kinds = [d["kind"] for _, d in k8s_tree.all_objects(under=f"k8s/envs/{name}/")]
    assert "ScheduledBackup" not in kinds and "ObjectStore" not in kinds


def object_store(k8s_tree, estate, t):
    cluster = k8s_tree.find("Cluster", t.postgres.cluster, estate.data_namespace)
    (plugin,) = cluster["spec"]["plugins"]
    return plugin, k8s_tree.find("ObjectStore", plugin["parameters"]["barmanObjectName"],
                                 estate.data_namespace)


@pytest.mark.parametrize("name", WITH_BACKUP)
def test_the_cluster_archives_through_the_barman_cloud_plugin_not_in_tree(k8s_tree, estate, name):
    t = estate.tenants[name]
    cluster = k8s_tree.find("Cluster", t.postgres.cluster, estate.data_namespace)
    # in-tree barmanObjectStore is removed in CNPG 1.31: the plugin is the WAL archiver
    assert "backup" not in cluster["spec"]
    plugin, store = object_store(k8s_tree, estate, t)
    assert plugin["name"] == "barman-cloud.cloudnative-pg.io" and plugin["isWALArchiver"] is True
    assert store["apiVersion"] == "barmancloud.cnpg.io/v1"


@pytest.mark.parametrize("name", WITH_BACKUP)
def test_backup_goes_to_the_tenants_prefix_of_the_backup_bucket(k8s_tree, estate, name):
    t = estate.tenants[name]
    _, store = object_store(k8s_tree, estate, t)
    config = store["spec"]["configuration"]
    assert config["destinationPath"] == estate.backup_destination(t)
    assert config["googleCredentials"] == {"gkeEnvironment": True}


def test_the_plugin_is_installed_beside_the_operator_after_cert_manager(k8s_tree, estate):
    app = k8s_tree.find("Application", "plugin-barman-cloud", "argocd")
    assert app["spec"]["destination"]["namespace"] == estate.platform.charts["cloudnative-pg"].namespace
    wave = lambda name: int(k8s_tree.find("Application", name, "argocd")["metadata"]["annotations"]
                            ["argocd.argoproj.io/sync-wave"])
    assert wave("plugin-barman-cloud") > wave("cert-manager")


def test_prod_backup_destination_is_the_seed_path(estate):
    assert estate.backup_destination(estate.tenants["prod"]) == "gs://tomoda-db-backups-development-485000/prod/"


@pytest.mark.parametrize("name", WITH_BACKUP)
def test_backup_retention_is_the_one_model_value(k8s_tree, estate, name):
    _, store = object_store(k8s_tree, estate, estate.tenants[name])
    assert store["spec"]["retentionPolicy"] == f"{estate.backups.retention_days}d" == "30d"


@pytest.mark.parametrize("name", WITH_BACKUP)
def test_cluster_service_account_impersonates_the_backup_gsa(k8s_tree, estate, name):
    t = estate.tenants[name]
    spec = k8s_tree.find("Cluster", t.postgres.cluster, estate.data_namespace)["spec"]
    annotations = spec["serviceAccountTemplate"]["metadata"]["annotations"]
    assert annotations == {"iam.gke.io/gcp-service-account": estate.gsa_email(t.postgres.backup.identity)}
    assert annotations["iam.gke.io/gcp-service-account"] == "cnpg-backup-sa@development-485000.iam.gserviceaccount.com"


@pytest.mark.parametrize("name", WITH_BACKUP)
def test_scheduled_backup_runs_on_the_model_schedule_against_the_cluster(k8s_tree, estate, name):
    t = estate.tenants[name]
    scheduled = [d for _, d in k8s_tree.all_objects(under=f"k8s/envs/{name}/") if d["kind"] == "ScheduledBackup"]
    assert len(scheduled) == 1
    spec = scheduled[0]["spec"]
    assert spec["cluster"] == {"name": t.postgres.cluster}
    assert spec["schedule"] == t.postgres.backup.schedule
    # the plugin, explicitly (the CRD's default is the in-tree method), first one at once
    assert spec["method"] == "plugin"
    assert spec["pluginConfiguration"] == {"name": "barman-cloud.cloudnative-pg.io"}
    assert spec["immediate"] is True
    assert scheduled[0]["metadata"]["namespace"] == estate.data_namespace
