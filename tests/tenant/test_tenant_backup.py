"""Prod backups to GCS through Workload Identity; none where the model has no backup."""
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
    assert "backup" not in cluster["spec"]
    assert "serviceAccountTemplate" not in cluster["spec"]
    kinds = [d["kind"] for _, d in k8s_tree.all_objects(under=f"k8s/envs/{name}/")]
    assert "ScheduledBackup" not in kinds


@pytest.mark.parametrize("name", WITH_BACKUP)
def test_backup_goes_to_the_tenants_prefix_of_the_backup_bucket(k8s_tree, estate, name):
    t = estate.tenants[name]
    store = k8s_tree.find("Cluster", t.postgres.cluster, estate.data_namespace)["spec"]["backup"]["barmanObjectStore"]
    assert store["destinationPath"] == estate.backup_destination(t)
    assert store["googleCredentials"] == {"gkeEnvironment": True}


def test_prod_backup_destination_is_the_seed_path(estate):
    assert estate.backup_destination(estate.tenants["prod"]) == "gs://tomoda-db-backups-development-485000/prod/"


@pytest.mark.parametrize("name", WITH_BACKUP)
def test_backup_retention_comes_from_model(k8s_tree, estate, name):
    t = estate.tenants[name]
    backup = k8s_tree.find("Cluster", t.postgres.cluster, estate.data_namespace)["spec"]["backup"]
    assert backup["retentionPolicy"] == t.postgres.backup.retention == "30d"


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
    assert scheduled[0]["metadata"]["namespace"] == estate.data_namespace
