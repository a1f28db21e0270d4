"""The `gcp` stack: network, GKE, registries, Cloud Build, backups, secrets, Workload Identity."""
from __future__ import annotations

from cloud.cloud_json import datas, one, ref, resources


def test_vpc_has_no_auto_subnets(gcp, estate):
    vpc = one(gcp, "google_compute_network")
    assert vpc["name"] == "gke-tomoda-vpc" == estate.network.vpc
    assert vpc["auto_create_subnetworks"] is False


def test_subnet_carries_pod_and_service_ranges(gcp):
    subnet = one(gcp, "google_compute_subnetwork")
    assert subnet["ip_cidr_range"] == "10.0.0.0/24"
    assert subnet["region"] == "asia-east1"
    assert subnet["network"] == ref(gcp, "google_compute_network", "id")
    ranges = {r["range_name"]: r["ip_cidr_range"] for r in subnet["secondary_ip_range"]}
    assert ranges == {"pods": "10.1.0.0/16", "services": "10.2.0.0/20"}


def test_cluster_is_zonal_and_vpc_native_on_the_subnet_ranges(gcp):
    cluster = one(gcp, "google_container_cluster")
    assert cluster["name"] == "gke-tomoda"
    assert cluster["location"] == "asia-east1-a"
    assert cluster["subnetwork"] == ref(gcp, "google_compute_subnetwork", "id")
    assert cluster["ip_allocation_policy"] == {
        "cluster_secondary_range_name": "pods", "services_secondary_range_name": "services"}


def test_cluster_has_workload_identity(gcp):
    cluster = one(gcp, "google_container_cluster")
    assert cluster["workload_identity_config"] == {"workload_pool": "development-485000.svc.id.goog"}


def test_default_node_pool_is_removed(gcp):
    cluster = one(gcp, "google_container_cluster")
    assert cluster["remove_default_node_pool"] is True
    assert cluster["initial_node_count"] == 1


def test_node_pools_are_spot_with_gke_metadata_server(gcp, estate):
    pools = resources(gcp, "google_container_node_pool")
    assert [p["name"] for p in pools] == [p.name for p in estate.management_cluster.node_pools]
    for pool in pools:
        assert pool["node_config"]["spot"] is True
        assert pool["node_config"]["workload_metadata_config"] == {"mode": "GKE_METADATA"}
        assert pool["cluster"] == ref(gcp, "google_container_cluster", "name")


def test_registries_are_docker_repos_in_the_region(gcp):
    repos = resources(gcp, "google_artifact_registry_repository")
    assert sorted(r["repository_id"] for r in repos) == ["tomoda-dev-repo", "tomoda-prod-repo"]
    assert {(r["format"], r["location"]) for r in repos} == {("DOCKER", "asia-east1")}


def test_only_release_registries_have_immutable_tags(gcp):
    # dev moves `latest` on every build; prod's semver tags must never move.
    immutable = {r["repository_id"]: r["docker_config"]["immutable_tags"]
                 for r in resources(gcp, "google_artifact_registry_repository")}
    assert immutable == {"tomoda-dev-repo": False, "tomoda-prod-repo": True}


def _triggers(gcp) -> dict[str, dict]:
    return {t["name"]: t for t in resources(gcp, "google_cloudbuild_trigger")}


def test_there_are_exactly_four_triggers(gcp):
    assert sorted(_triggers(gcp)) == ["backend-push-trigger", "backend-release-trigger",
                                      "frontend-push-trigger", "frontend-release-trigger"]


def test_push_triggers_build_main_paths_filtered_with_manual_approval(gcp):
    for half in ("backend", "frontend"):
        trigger = _triggers(gcp)[f"{half}-push-trigger"]
        assert trigger["github"]["push"] == {"branch": "^main$"}
        assert f"{half}/**" in trigger["included_files"]
        assert trigger["approval_config"] == {"approval_required": True}
        assert trigger["filename"] == f"cloudbuild-{half}.yaml"


def test_release_triggers_build_semver_tags_auto_approved(gcp):
    for half in ("backend", "frontend"):
        trigger = _triggers(gcp)[f"{half}-release-trigger"]
        assert trigger["github"]["push"] == {"tag": r"^v[0-9]+\.[0-9]+\.[0-9]+$"}
        assert "included_files" not in trigger
        assert trigger["approval_config"] == {"approval_required": False}
        assert trigger["filename"] == f"cloudbuild-{half}.yaml"


def test_triggers_build_the_app_repo(gcp):
    for trigger in _triggers(gcp).values():
        assert {k: trigger["github"][k] for k in ("owner", "name")} == {
            "owner": "tomoda-labs", "name": "tomoda"}


def test_trigger_substitutions_target_the_tenant_registry(gcp, estate):
    triggers = _triggers(gcp)
    for tenant in estate.tenants.values():
        kind = tenant.build.trigger.value
        for half in ("backend", "frontend"):
            subs = triggers[f"{half}-{kind}-trigger"]["substitutions"]
            assert subs["_REGISTRY"] == estate.registry_path(tenant.build.registry)
            assert subs["_IMAGE"] == f"tomoda-{half}"
        front = triggers[f"frontend-{kind}-trigger"]["substitutions"]
        assert front["_API_URL"] == f"https://{tenant.hosts.api}"
        assert front["_GOOGLE_WEB_CLIENT_ID"] == tenant.build.google_web_client_id
    assert triggers["backend-push-trigger"]["substitutions"]["_REGISTRY"] == (
        "asia-east1-docker.pkg.dev/development-485000/tomoda-dev-repo")


def test_backup_bucket_outlives_the_thirty_day_recovery_window_and_is_private(gcp, estate):
    # Barman keeps 30 days recoverable; the lifecycle rule is only a backstop and must not
    # delete the base backup that anchors the window's oldest point
    bucket = one(gcp, "google_storage_bucket")
    assert bucket["name"] == "tomoda-db-backups-development-485000"
    assert estate.backups.retention_days == 30
    assert bucket["lifecycle_rule"] == [{"action": {"type": "Delete"}, "condition": {"age": 37}}]
    assert bucket["uniform_bucket_level_access"] is True
    assert bucket["public_access_prevention"] == "enforced"


def _account_ref(gcp, account_id: str, attr: str) -> str:
    (name,) = [n for n, r in gcp["resource"]["google_service_account"].items()
               if r["account_id"] == account_id]
    return f"${{google_service_account.{name}.{attr}}}"


def test_backup_account_may_write_the_backup_bucket_only(gcp):
    (member,) = resources(gcp, "google_storage_bucket_iam_member")
    assert member["role"] == "roles/storage.objectAdmin"
    assert member["bucket"] == ref(gcp, "google_storage_bucket", "name")
    assert member["member"] == _account_ref(gcp, "cnpg-backup-sa", "member")
    project_roles = [m for m in resources(gcp, "google_project_iam_member")
                     if m["member"] == _account_ref(gcp, "cnpg-backup-sa", "member")]
    assert project_roles == []


def _wi_bindings(gcp) -> dict[str, str]:
    """Workload Identity member -> service account reference."""
    return {b["member"]: b["service_account_id"] for b in resources(gcp, "google_service_account_iam_member")
            if b["role"] == "roles/iam.workloadIdentityUser"}


def test_prod_postgres_binds_to_the_backup_account_with_the_model_member(gcp, estate):
    identity = estate.tenants["prod"].postgres.backup.identity
    member = estate.wi_member(identity)
    assert member == "serviceAccount:development-485000.svc.id.goog[data/postgres-prod]"
    assert _wi_bindings(gcp)[member] == _account_ref(gcp, "cnpg-backup-sa", "name")


def test_every_tenant_with_backups_gets_a_binding(gcp, estate):
    for tenant in estate.tenants.values():
        if tenant.postgres.backup is not None:
            assert estate.wi_member(tenant.postgres.backup.identity) in _wi_bindings(gcp)


def test_platform_identities_get_account_roles_and_binding(gcp, estate):
    project_roles = {(m["member"], m["role"]) for m in resources(gcp, "google_project_iam_member")}
    for wi in estate.platform.identities.values():
        assert _wi_bindings(gcp)[estate.wi_member(wi)] == _account_ref(gcp, wi.gsa, "name")
        for role in wi.roles:
            assert (_account_ref(gcp, wi.gsa, "member"), role) in project_roles


def test_secret_stores_read_secret_by_secret_and_image_updater_reads_registries(gcp, estate):
    project_roles = {(m["member"], m["role"]) for m in resources(gcp, "google_project_iam_member")}
    # no identity reads Secret Manager project-wide
    assert not {r for _, r in project_roles if r.startswith("roles/secretmanager")}
    grants = {(m["secret_id"], m["member"]) for m in resources(gcp, "google_secret_manager_secret_iam_member")}
    secret_ref = lambda name: next(f"${{google_secret_manager_secret.{k}.id}}" for k, b in
                                   gcp["resource"]["google_secret_manager_secret"].items()
                                   if b["secret_id"] == name)
    dev, prod = estate.tenants["dev"], estate.tenants["prod"]
    # each tenant's store identity reads its own secrets, and never the other's
    for mine, other in ((dev, prod), (prod, dev)):
        member = _account_ref(gcp, estate.eso_identity(mine).gsa, "member")
        assert {(secret_ref(s), member) for s in estate.tenant_gsm_secrets(mine)} <= grants
        assert not {(secret_ref(s), member) for s in estate.tenant_gsm_secrets(other)} & grants
    platform = _account_ref(gcp, "external-secrets-sa", "member")
    assert (secret_ref("cloudflare-api-token"), platform) in grants
    assert (_account_ref(gcp, "argocd-image-updater-sa", "member"),
            "roles/artifactregistry.reader") in project_roles
    assert "serviceAccount:development-485000.svc.id.goog[external-secrets/external-secrets]" in _wi_bindings(gcp)


def test_secret_containers_are_exactly_those_external_secrets_read(gcp, estate):
    ids = sorted(s["secret_id"] for s in resources(gcp, "google_secret_manager_secret"))
    assert ids == estate.stateful_gsm_secrets()


def test_no_secret_version_is_declared_anywhere(all_stacks):
    for name, doc in all_stacks.items():
        for kind in ("google_secret_manager_secret_version", "aws_secretsmanager_secret_version"):
            assert kind not in doc.get("resource", {}), f"{name} declares a {kind}"


def test_gcp_stack_reads_no_data_sources(gcp):
    # The stack that creates the secrets must not need any of their values.
    assert datas(gcp, "google_secret_manager_secret_version") == []


def test_the_photon_index_bucket_is_never_declared(all_stacks):
    for name, doc in all_stacks.items():
        buckets = [b.get("name", b.get("bucket")) for t in ("google_storage_bucket", "aws_s3_bucket")
                   for b in resources(doc, t)]
        assert all("photon" not in str(b) for b in buckets), name
        assert "photon-index" not in str(doc), name


def test_every_api_is_enabled_before_the_resources_that_need_it(gcp):
    from tomoda_tf.gcp.apis import api_of
    services = {b["service"]: f"google_project_service.{k}"
                for k, b in gcp["resource"]["google_project_service"].items()}
    for api in ("container.googleapis.com", "secretmanager.googleapis.com", "sts.googleapis.com",
                "iamcredentials.googleapis.com", "artifactregistry.googleapis.com"):
        assert api in services
    assert all(b["disable_on_destroy"] is False for b in gcp["resource"]["google_project_service"].values())
    for rtype, items in gcp["resource"].items():
        for name, body in items.items():
            if api_of(rtype):
                assert services[api_of(rtype)] in body["depends_on"], f"{rtype}.{name}"


def test_nodes_run_as_a_least_privilege_account_of_their_own(gcp, estate):
    account = next(k for k, b in gcp["resource"]["google_service_account"].items()
                   if b["account_id"] == f"{estate.management_cluster.name}-nodes")
    pool = one(gcp, "google_container_node_pool")
    assert pool["node_config"]["service_account"] == f"${{google_service_account.{account}.email}}"
    roles = {m["role"] for m in resources(gcp, "google_project_iam_member")
             if m["member"] == f"${{google_service_account.{account}.member}}"}
    assert roles == {"roles/container.defaultNodeServiceAccount"}
    readers = [m for m in resources(gcp, "google_artifact_registry_repository_iam_member")
               if m["member"] == f"${{google_service_account.{account}.member}}"]
    assert {m["role"] for m in readers} == {"roles/artifactregistry.reader"}
    assert len(readers) == len(estate.registries)
