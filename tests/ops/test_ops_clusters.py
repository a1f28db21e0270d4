"""Several clusters by configuration (issue 15): the seeds' migration path, dev moved to a
second cluster `gke-tomoda-staging` by editing config/ alone (support.write_two_cluster_config)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from support import PHOTON_ADDRESS, Tree, run_app, write_two_cluster_config

STAGING = "gke-tomoda-staging"


@pytest.fixture(scope="module")
def two(tmp_path_factory) -> tuple[Path, Path]:
    """(config, dist) of the two-cluster estate, dev on gke-tomoda-staging."""
    root = tmp_path_factory.mktemp("two")
    config = write_two_cluster_config(root / "config")
    dist = root / "dist"
    proc = run_app("apps/synth.py", "--no-cache", "--config", str(config), "--out", str(dist),
                   check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return config, dist


@pytest.fixture(scope="module")
def tree(two) -> Tree:
    return Tree(two[1])


def _load(config: Path):
    from tomoda_model import load_estate
    return load_estate(config)


# ---------------------------------------------------------------- the model


def _dev_elsewhere(config: Path) -> None:
    dev = config / "tenants" / "dev.toml"
    dev.write_text(dev.read_text().replace(STAGING, "gke-nowhere"))


def _estate_edit(old: str, new: str):
    def edit(config: Path) -> None:
        estate = config / "estate.toml"
        estate.write_text(estate.read_text().replace(old, new))
    return edit


def _tenant(name: str, extra: str = ""):
    def edit(config: Path) -> None:
        (config / "tenants" / f"{name}.toml").write_text(
            extra + '[build]\ngoogle_web_client_id = "287267207777-x.apps.googleusercontent.com"\n')
    return edit


@pytest.mark.parametrize("edit, message", [
    (_dev_elsewhere, "tenants.dev.cluster: 'gke-nowhere' is not one of clusters: gke-tomoda, gke-tomoda-staging"),
    (_estate_edit(f'published_address = "{PHOTON_ADDRESS}"\n', ""),
     "platform.photon.published_address: required: tenants dev run on another cluster"),
    (_estate_edit(PHOTON_ADDRESS, "10.3.0.9"), "10.3.0.9 is not in gke-tomoda's subnet 10.0.0.0/24"),
    (_tenant("staging-cert-manager"), "Argo CD Application name 'staging-cert-manager' is already used"),
    (_tenant("qa-wave-1"), "tenants.qa-wave-1.name: 'qa-wave-1' ends like a remote tier's wave Application"),
    (_tenant("qa", '[hosts]\napi = "grafana-staging.tomoda.life"\n'),
     "tenants.qa.hosts.api: host 'grafana-staging.tomoda.life' is already used by clusters.1.tag"),
], ids=["unknown-cluster", "photon-unreachable", "photon-address-outside", "platform-app-name",
        "wave-app-name", "platform-host"])
def test_a_cluster_rule_broken_is_refused_by_the_model(tmp_path, edit, message):
    from tomoda_model import ModelError
    # GIVEN the two-cluster configuration with one cluster rule broken
    config = write_two_cluster_config(tmp_path / "config")
    edit(config)
    # WHEN the model loads THEN the field is named with what is wrong
    with pytest.raises(ModelError) as err:
        _load(config)
    assert message in str(err.value)


# ---------------------------------------------------------------- the output


def test_every_check_family_passes_on_two_clusters(two):
    from tomoda_check import run
    config, dist = two
    findings = run(dist, config)
    failed = {f.family: f.failures[:5] for f in findings if not f.ok or f.skipped}
    assert not failed, failed
    assert {f.family for f in findings} >= {"wiring", "crosslayer", "first-sync", "deletion"}


def test_the_remote_tiers_objects_go_to_their_cluster_wave_by_wave(tree):
    # THEN dev's and the staging platform's own objects live under k8s/clusters/<cluster>/,
    # one Application per wave deploying there, held by a tier Application with Argo CD
    waves = tree.docs("k8s/envs/dev/waves.yaml")
    assert [w["metadata"]["name"] for w in waves] == [f"dev-wave-{n}" for n in range(len(waves))]
    for w in waves:
        assert w["spec"]["destination"] == {"name": STAGING, "namespace": "tomoda"}
        assert w["spec"]["source"]["path"].startswith(f"dist/k8s/clusters/{STAGING}/dev/wave-")
    tiers = {d["metadata"]["name"]: d for d in tree.docs("k8s/envs/tiers.yaml")}
    assert tiers["dev"]["spec"]["destination"]["namespace"] == "argocd"
    assert tiers["platform-staging"]["spec"]["destination"]["namespace"] == "argocd"
    remote = [d for rel, d in tree.all_objects(f"k8s/clusters/{STAGING}")]
    assert remote and not [d for d in remote if d["kind"] == "Application"]
    assert not [rel for rel in tree.files() if rel.startswith("k8s/clusters/gke-tomoda/")]


def test_the_second_cluster_has_its_own_platform_tier(tree):
    apps = {d["metadata"]["name"]: d for rel, d in tree.all_objects("k8s/envs/platform-staging")
            if d["kind"] == "Application"}
    # every chart release of its own, named apart from the first cluster's, deploying there
    assert {"staging-cert-manager", "staging-traefik", "staging-external-dns",
            "staging-external-secrets", "staging-cloudnative-pg", "staging-kube-prometheus-stack"} <= set(apps)
    assert all(a["spec"]["destination"]["name"] == STAGING for a in apps.values())
    # Argo CD's own companions (Image Updater, its ingress) and Photon stay on the first
    assert not {"staging-argocd-image-updater", "staging-photon"} & set(apps)
    dns = apps["staging-external-dns"]["spec"]["source"]["helm"]
    assert dns["releaseName"] == "external-dns"
    assert dns["valuesObject"]["txtOwnerId"] == "k8s-staging"
    hosts = {r["host"] for rel, d in tree.all_objects(f"k8s/clusters/{STAGING}/platform-staging")
             if d["kind"] == "Ingress" for r in d["spec"]["rules"]}
    assert hosts == {"grafana-staging.tomoda.life", "prometheus-staging.tomoda.life",
                     "alertmanager-staging.tomoda.life", "auth-staging.tomoda.life"}


def test_dev_reaches_photon_on_the_first_cluster_through_its_published_address(tree):
    api = tree.find("Deployment", "tomoda-api", "tomoda")
    env = {e["name"]: e.get("value") for e in api["spec"]["template"]["spec"]["containers"][0]["env"]}
    assert env["PHOTON_URL"] == f"http://{PHOTON_ADDRESS}:2322"
    lb = tree.find("Service", "photon-published", "platform")
    assert lb["spec"]["loadBalancerIP"] == PHOTON_ADDRESS
    assert lb["metadata"]["annotations"]["networking.gke.io/load-balancer-type"] == "Internal"
    policy = tree.find("NetworkPolicy", "photon-policy", "platform")
    assert {"ipBlock": {"cidr": "10.4.0.0/16"}} in policy["spec"]["ingress"][0]["from"]


def test_terraform_creates_the_cluster_and_gives_argo_cd_its_credentials(tree):
    gcp = tree.tf("gcp")["resource"]
    clusters = {c["name"]: c for c in gcp["google_container_cluster"].values()}
    assert clusters[STAGING]["location"] == "asia-east1-b"
    assert clusters[STAGING]["lifecycle"]["prevent_destroy"] is True
    pools = [p for p in gcp["google_container_node_pool"].values() if STAGING in p["cluster"]]
    assert pools and all(p["lifecycle"]["prevent_destroy"] for p in pools)
    accounts = {a["account_id"] for a in gcp["google_service_account"].values()}
    assert {"gke-tomoda-staging-nodes", "argocd-manager"} <= accounts
    assert any(m["role"] == "roles/container.admin" and "argocd-manager" in m["member"]
               for m in gcp["google_project_iam_member"].values())
    release = next(iter(tree.tf("gcp-argocd")["resource"]["helm_release"].values()))
    from tomoda_check.context import helm_values
    values = helm_values(release["values"])
    creds = values["configs"]["clusterCredentials"][STAGING]
    assert creds["config"]["execProviderConfig"]["command"] == "argocd-k8s-auth"
    assert creds["config"]["execProviderConfig"]["args"] == ["gcp"]
    assert "cluster_ca_certificate" in creds["config"]["tlsClientConfig"]["caData"]
    assert creds["server"].startswith("https://${") and "endpoint" in creds["server"]
    for part in ("controller", "server"):
        assert values[part]["serviceAccount"]["annotations"] == {
            "iam.gke.io/gcp-service-account": "argocd-manager@development-485000.iam.gserviceaccount.com"}


# ---------------------------------------------------------------- checks per cluster


def _mutated(two, tmp_path) -> tuple[Path, Path]:
    config, dist = two
    copy = tmp_path / "dist"
    shutil.copytree(dist, copy)
    return config, copy


def _family(config: Path, dist: Path, family: str):
    from tomoda_check import run
    return run(dist, config, families=[family])[0]


def test_a_reference_to_an_object_on_another_cluster_fails_wiring(two, tmp_path):
    # GIVEN dev's redis-insight Service moved to the first cluster's platform tier
    config, dist = _mutated(two, tmp_path)
    src = dist / f"k8s/clusters/{STAGING}/dev/wave-0/admin-uis.yaml"
    from tomoda_build import yamlio
    docs = list(yamlio.load_all(src.read_text()))
    service = [d for d in docs if d["kind"] == "Service" and d["metadata"]["name"] == "redis-insight-dev"]
    src.write_text(yamlio.dump_all([d for d in docs if d not in service]))
    (dist / "k8s/envs/platform/moved.yaml").write_text(yamlio.dump_all(service))
    # WHEN wiring runs THEN the Ingress on gke-tomoda-staging names a Service it does not have
    f = _family(config, dist, "wiring")
    assert any(m.startswith(f"[{STAGING}] ") and "redis-insight-dev" in m for m in f.failures), f.failures


def test_an_application_sent_to_another_cluster_fails_the_first_sync(two, tmp_path):
    # GIVEN an Application inside a wave directory of the remote cluster
    config, dist = _mutated(two, tmp_path)
    app = next(iter(Tree(dist).docs("k8s/envs/dev/redis.yaml")))
    app["metadata"]["name"] = "stray"
    from tomoda_build import yamlio
    (dist / f"k8s/clusters/{STAGING}/dev/wave-1/stray.yaml").write_text(yamlio.dump_all([app]))
    f = _family(config, dist, "first-sync")
    assert any("stray" in m and f"on cluster {STAGING}" in m and "argoproj.io" in m
               for m in f.failures), f.failures


def test_a_custom_resource_before_its_crd_on_the_remote_cluster_fails_the_first_sync(two, tmp_path):
    # GIVEN the staging ClusterIssuer moved to wave 0 (cert-manager arrives in wave 5)
    config, dist = _mutated(two, tmp_path)
    base = dist / f"k8s/clusters/{STAGING}/platform-staging"
    shutil.move(base / "wave-6/cert-manager.yaml", base / "wave-0/cert-manager.yaml")
    f = _family(config, dist, "first-sync")
    assert any("ClusterIssuer" in m and "cert-manager.io" in m for m in f.failures), f.failures


# ---------------------------------------------------------------- moving a tenant


def _copy_dist(tmp_path) -> Path:
    from support import ROOT
    out = tmp_path / "dist"
    shutil.copytree(ROOT / "dist", out)
    return out


def test_moving_dev_is_refused_naming_its_data_on_the_old_cluster(tmp_path):
    # GIVEN the committed dist/ and a config that moves dev to gke-tomoda-staging
    config = write_two_cluster_config(tmp_path / "config")
    out = _copy_dist(tmp_path)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    # WHEN make synth runs without ALLOW_DESTROY
    proc = run_app("apps/synth.py", "--config", str(config), "--out", str(out), check=False)
    # THEN it refuses, naming dev's database and Redis release, and leaves dist/ as it was
    assert proc.returncode != 0
    assert "Cluster/data/postgres-dev" in proc.stderr and "Application/argocd/redis" in proc.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_make_diff_shows_the_move_per_cluster_with_dev_data_at_risk(tmp_path, two):
    config, dist = two
    from support import ROOT
    proc = run_app("apps/diff.py", "--against", str(ROOT / "dist"), "--dist", str(dist),
                   "--format", "json", check=False)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    titles = [u["title"] for u in report["units"]]
    assert any(t.startswith("Application argocd/dev-wave-2 ") and t.endswith(f"on cluster {STAGING}")
               for t in titles), titles
    risky = {c["object"] for u in report["units"] for c in u["changes"]
             if "DATA AT RISK" in c.get("markers", [])}
    assert {"Cluster/data/postgres-dev", "Application/argocd/redis"} <= risky, risky


def test_moving_dev_with_every_object_named_lands(tmp_path):
    config = write_two_cluster_config(tmp_path / "config")
    out = _copy_dist(tmp_path)
    proc = run_app("apps/synth.py", "--config", str(config), "--out", str(out), check=False,
                   env={"ALLOW_DESTROY": "Application/argocd/redis,Cluster/data/postgres-dev"})
    assert proc.returncode == 0, proc.stderr
    assert (out / f"k8s/clusters/{STAGING}/dev/wave-2/postgres.yaml").is_file()
    assert not (out / "k8s/envs/dev/postgres.yaml").exists()


def test_the_environments_page_shows_both_clusters(two):
    from tomoda_ops import envdoc
    config, dist = two
    page = envdoc.render(_load(config), dist)
    # a column per cluster, and the tenant's cluster in its column
    assert "| | gke-tomoda | gke-tomoda-staging |" in page
    assert "| Cluster | `gke-tomoda-staging` | `gke-tomoda` |" in page
    assert "| Platform tier | `k8s/envs/platform` | `k8s/envs/platform-staging` |" in page
    # the GitOps picture groups the namespaces Applications deploy to by cluster
    gitops = page.split("### GitOps: what syncs what")[1].split("###")[0]
    assert 'subgraph s0["cluster gke-tomoda"]' in gitops
    assert 'subgraph s1["cluster gke-tomoda-staging"]' in gitops


def test_the_scale_benchmarks_estate_is_valid_configuration(tmp_path):
    # GIVEN make bench's 20 tenants on 3 clusters, written from config/ by configuration alone
    from support import CONFIG
    from tomoda_ops.scale import write_scale_config
    config = write_scale_config(CONFIG, tmp_path / "config", tenants=20, clusters=3)
    # WHEN the model loads THEN every rule holds and each cluster carries tenants
    estate = _load(config)
    assert (len(estate.tenants), len(estate.clusters)) == (20, 3)
    assert all(estate.tenants_on(c) for c in estate.clusters)


def test_the_store_policy_on_the_second_cluster_knows_devs_wave_applications(tree):
    # Argo CD labels each object with the Application that syncs it: on gke-tomoda-staging
    # dev's ExternalSecrets are synced by dev-wave-<n>, which the policy must admit as dev's.
    policy = tree.find("ValidatingAdmissionPolicy", "tenant-secret-stores",
                       under=f"k8s/clusters/{STAGING}")
    expression = policy["spec"]["validations"][0]["expression"]
    waves = [d["metadata"]["name"] for d in tree.docs("k8s/envs/dev/waves.yaml")]
    assert waves and all(f'"{w}": ["gsm-tomoda-dev"]' in expression for w in waves)
    assert "prod" not in expression  # prod's store lives on the first cluster only


def test_deleting_devs_tier_would_take_its_database_on_the_other_cluster_without_delete_false(two, tmp_path):
    # GIVEN dev's Postgres Cluster on gke-tomoda-staging without its Delete=false
    config, dist = _mutated(two, tmp_path)
    path = next((dist / f"k8s/clusters/{STAGING}/dev").rglob("postgres.yaml"))
    from tomoda_build import yamlio
    found = False
    for rel in sorted((dist / f"k8s/clusters/{STAGING}/dev").rglob("postgres.yaml")):
        docs = list(yamlio.load_all(rel.read_text()))
        for d in docs:
            if d["kind"] == "Cluster":
                d["metadata"]["annotations"].pop("argocd.argoproj.io/sync-options")
                found = True
        rel.write_text(yamlio.dump_all(docs))
    assert found and path.exists()
    # WHEN the deletion family runs THEN deleting dev's tier (with Argo CD) reaches it there
    f = _family(config, dist, "deletion")
    assert any(m.startswith("deleting Application argocd/dev would delete Cluster data/postgres-dev")
               for m in f.failures), f.failures


@pytest.mark.parametrize("break_it, expected", [
    (lambda lb, pol: lb["metadata"]["annotations"].clear(), "is not an internal load balancer"),
    (lambda lb, pol: lb["spec"].pop("externalTrafficPolicy"), "does not keep the client's address"),
    (lambda lb, pol: pol["spec"]["ingress"][0]["from"].pop(), "admits gke-tomoda-staging's Pod range 10.4.0.0/16"),
    (lambda lb, pol: lb["spec"].update(loadBalancerIP="10.0.0.201"), "no LoadBalancer Service of any cluster publishes"),
], ids=["public", "snat", "not-admitted", "unpublished"])
def test_a_url_to_another_clusters_address_must_reach_its_published_service(two, tmp_path, break_it, expected):
    # GIVEN Photon's published Service or its policy broken on the first cluster
    config, dist = _mutated(two, tmp_path)
    path = dist / "k8s/apps/photon/photon.yaml"
    from tomoda_build import yamlio
    docs = list(yamlio.load_all(path.read_text()))
    lb = next(d for d in docs if d["metadata"]["name"] == "photon-published")
    policy = next(d for d in docs if d["metadata"]["name"] == "photon-policy")
    break_it(lb, policy)
    path.write_text(yamlio.dump_all(docs))
    # WHEN crosslayer runs THEN dev's PHOTON_URL on gke-tomoda-staging fails, saying why
    f = _family(config, dist, "crosslayer")
    assert any(m.startswith(f"[{STAGING}] ") and f"points at http://{PHOTON_ADDRESS}:2322" in m
               and expected in m for m in f.failures), f.failures


def test_removing_the_second_cluster_would_destroy_its_data_and_its_cloud_resources(two, fresh_dist):
    # GIVEN the two-cluster tree, WHEN the estate goes back to one cluster (the seed's)
    from tomoda_build.guard import going
    gone = going(two[1], fresh_dist)
    # THEN the guard names dev's data there and the cluster, its pool and its subnet
    assert f"Cluster/data/postgres-dev@{STAGING}" in gone
    assert f"Application/argocd/redis@{STAGING}" in gone
    kinds = {g.split("/")[0] for g in gone}
    assert {"google_container_cluster", "google_container_node_pool", "google_compute_subnetwork"} <= kinds


def test_an_application_deploying_to_a_cluster_argo_cd_has_no_credentials_for_fails(two, tmp_path):
    # GIVEN dev's app Application sent to a cluster the argo-cd release has no Secret for
    config, dist = _mutated(two, tmp_path)
    path = dist / "k8s/envs/dev/app.yaml"
    path.write_text(path.read_text().replace(f"name: {STAGING}", "name: gke-elsewhere"))
    f = _family(config, dist, "crosslayer")
    assert any("Application argocd/tomoda" in m and "deploys to cluster gke-elsewhere: Argo CD has "
               "no credentials for it" in m and STAGING in m for m in f.failures), f.failures
