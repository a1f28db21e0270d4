"""Photon and the plain workloads of the platform tier."""
from tomoda_k8s import layout

PLATFORM = layout.tier_dir("platform") + "/"
WORKLOADS = {"Deployment", "StatefulSet", "DaemonSet"}


def pod_spec(doc):
    if doc["kind"] == "CronJob":
        return doc["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    return doc["spec"]["template"]["spec"]


def test_photon_endpoint_is_derived_from_its_service(estate):
    import cdk8s
    from tomoda_build.bindings import register_imports
    register_imports()
    from tomoda_k8s.platform import PlatformTier
    from tomoda_k8s.platform.props import platform_props
    tier = PlatformTier(cdk8s.App(), "platform", props=platform_props(estate))
    p = estate.platform.photon
    assert (tier.photon.name, tier.photon.namespace, tier.photon.port) == ("photon", p.namespace, p.port)
    assert tier.photon.url() == f"http://photon.{p.namespace}.svc.cluster.local:{p.port}"


def test_photon_service_selects_the_photon_pods(k8s_tree, estate):
    p = estate.platform.photon
    svc = k8s_tree.find("Service", "photon", p.namespace)
    deploy = k8s_tree.find("Deployment", "photon", p.namespace)
    labels = deploy["spec"]["template"]["metadata"]["labels"]
    assert svc["spec"]["selector"].items() <= labels.items()
    assert [port["port"] for port in svc["spec"]["ports"]] == [p.port]


def test_every_platform_service_with_a_selector_selects_pods(k8s_tree):
    objs = [d for _, d in k8s_tree.all_objects(PLATFORM)]
    pods = [d["spec"]["template"]["metadata"]["labels"] for d in objs if d["kind"] in WORKLOADS]
    for svc in (d for d in objs if d["kind"] == "Service" and d["spec"].get("selector")):
        assert any(svc["spec"]["selector"].items() <= labels.items() for labels in pods), svc["metadata"]


def test_photon_reads_the_index_from_the_unmanaged_bucket(k8s_tree, estate):
    p = estate.platform.photon
    (container,) = pod_spec(k8s_tree.find("Deployment", "photon", p.namespace))["containers"]
    env = {e["name"]: e["value"] for e in container["env"]}
    assert env["FILE_URL"] == f"https://storage.googleapis.com/{p.index_bucket}/{p.index_object}"
    assert container["image"] == f"{p.image}:{p.tag}"


def test_photon_data_survives_pruning(k8s_tree, estate):
    pvc = k8s_tree.find("PersistentVolumeClaim", "photon-data", estate.platform.photon.namespace)
    assert pvc["metadata"]["annotations"]["argocd.argoproj.io/sync-options"] == "Prune=false,Delete=false"
    assert pvc["spec"]["resources"]["requests"]["storage"] == estate.platform.photon.storage


def test_photon_indexer_is_suspended(k8s_tree, estate):
    assert k8s_tree.find("CronJob", "photon-indexer", estate.platform.photon.namespace)["spec"]["suspend"] is True


def test_every_platform_container_has_requests_and_limits(k8s_tree):
    for _, doc in k8s_tree.all_objects(PLATFORM):
        if doc["kind"] in WORKLOADS | {"CronJob"}:
            for c in pod_spec(doc)["containers"]:
                assert {"cpu", "memory"} <= c["resources"]["requests"].keys(), doc["metadata"]
                assert {"cpu", "memory"} <= c["resources"]["limits"].keys(), doc["metadata"]


def test_photon_runs_as_non_root_without_privilege_escalation(k8s_tree, estate):
    spec = pod_spec(k8s_tree.find("Deployment", "photon", estate.platform.photon.namespace))
    assert spec["securityContext"]["runAsNonRoot"] is True
    assert spec["containers"][0]["securityContext"]["allowPrivilegeEscalation"] is False


def test_shared_data_namespace_is_created_by_the_platform_and_kept(k8s_tree, estate):
    ns = k8s_tree.find("Namespace", estate.data_namespace)
    assert ns["metadata"]["annotations"]["argocd.argoproj.io/sync-options"] == "Prune=false,Delete=false"


def test_photon_runs_its_server_without_the_entrypoints_user_switch(k8s_tree, estate):
    # GIVEN rtuszik/photon-docker 2.1.1, whose entrypoint ends with `exec gosu photon "$@"`:
    # gosu's setgroups needs CAP_SETGID, which a non-root pod without capabilities lacks
    deploy = k8s_tree.find("Deployment", "photon", estate.platform.photon.namespace)
    pod = deploy["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    # THEN the container runs the image's CMD directly, as the image's photon user
    assert container["command"] == ["uv", "run", "--no-sync", "-m", "src.process_manager"]
    assert container["workingDir"] == "/photon"
    assert pod["securityContext"]["runAsUser"] == 9011
    assert container["securityContext"]["capabilities"] == {"drop": ["ALL"]}
    # AND its root filesystem is read-only, uv's cache and temporary files on an emptyDir
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    env = {e["name"]: e["value"] for e in container["env"]}
    assert env["UV_CACHE_DIR"].startswith("/tmp/")
    assert {"name": "tmp", "mountPath": "/tmp"} in container["volumeMounts"]


def test_photon_rollout_counts_as_progressing_for_the_whole_first_download(k8s_tree, estate):
    deploy = k8s_tree.find("Deployment", "photon", estate.platform.photon.namespace)
    (container,) = deploy["spec"]["template"]["spec"]["containers"]
    startup = container["startupProbe"]
    assert deploy["spec"]["progressDeadlineSeconds"] == startup["periodSeconds"] * startup["failureThreshold"]


def test_nothing_waits_for_photons_first_download(k8s_tree, estate):
    # GIVEN Photon's own Application, in the platform tier
    app = k8s_tree.find("Application", "photon", estate.argocd.namespace)
    # THEN it syncs Photon's own directory and is reported healthy to its parent once synced
    assert app["spec"]["source"]["path"] == f"{estate.gitops.dist_path}/k8s/apps/photon"
    assert app["metadata"]["annotations"]["tomoda.life/health-gate"] == "synced"
    # AND it is in the platform tier's last wave
    waves = [int(d["metadata"]["annotations"]["argocd.argoproj.io/sync-wave"])
             for _, d in k8s_tree.all_objects(PLATFORM)]
    assert int(app["metadata"]["annotations"]["argocd.argoproj.io/sync-wave"]) == max(waves)
