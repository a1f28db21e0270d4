"""pgAdmin and Redis Insight per tenant, behind the platform's oauth2-proxy middleware."""
import pytest

from tomoda_model import load_estate

from support import CONFIG

ESTATE = load_estate(CONFIG)
TENANTS = sorted(ESTATE.tenants)
MIDDLEWARES = "traefik.ingress.kubernetes.io/router.middlewares"


def tier_objects(k8s_tree, name, kind):
    return [d for _, d in k8s_tree.all_objects(under=f"k8s/envs/{name}/") if d["kind"] == kind]


def ingress_for(k8s_tree, name, host):
    hits = [i for i in tier_objects(k8s_tree, name, "Ingress")
            if any(r["host"] == host for r in i["spec"]["rules"])]
    assert len(hits) == 1, f"expected one Ingress for {host}"
    return hits[0]


def forward_auth_middleware(k8s_tree):
    mws = [d for _, d in k8s_tree.all_objects(under="k8s/envs/platform/")
           if d["kind"] == "Middleware" and "forwardAuth" in d["spec"]]
    assert len(mws) == 1
    return f"{mws[0]['metadata']['namespace']}-{mws[0]['metadata']['name']}@kubernetescrd"


@pytest.mark.parametrize("name", TENANTS)
@pytest.mark.parametrize("ui", ["pgadmin", "redis_insight"])
def test_ui_ingress_goes_through_the_forward_auth_middleware(k8s_tree, estate, name, ui):
    ingress = ingress_for(k8s_tree, name, getattr(estate.tenants[name].hosts, ui))
    assert ingress["metadata"]["annotations"][MIDDLEWARES] == forward_auth_middleware(k8s_tree)
    assert ingress["spec"]["tls"][0]["hosts"] == [getattr(estate.tenants[name].hosts, ui)]


@pytest.mark.parametrize("name", TENANTS)
def test_pgadmin_installs_the_pinned_chart_with_password_from_gsm(k8s_tree, estate, name):
    apps = [a for a in tier_objects(k8s_tree, name, "Application")
            if a["spec"]["source"].get("chart") == "pgadmin4"]
    assert len(apps) == 1
    source = apps[0]["spec"]["source"]
    assert source["targetRevision"] == estate.platform.charts["pgadmin4"].version
    v = source["helm"]["valuesObject"]
    es = k8s_tree.find("ExternalSecret", v["existingSecret"], estate.data_namespace)
    # the tenant's own password (no tenant's store may read another's)
    assert es["spec"]["data"][0]["remoteRef"]["key"] == f"pgadmin-admin-password-{name}"
    assert es["spec"]["data"][0]["secretKey"] == v["secretKeys"]["pgadminPasswordKey"]
    assert v["resources"]["requests"] and v["resources"]["limits"]


@pytest.mark.parametrize("name", TENANTS)
def test_pgadmin_knows_the_tenants_cluster(k8s_tree, estate, name):
    pg = estate.tenants[name].postgres
    app = [a for a in tier_objects(k8s_tree, name, "Application") if a["spec"]["source"].get("chart") == "pgadmin4"][0]
    (server,) = app["spec"]["source"]["helm"]["valuesObject"]["serverDefinitions"]["servers"].values()
    assert server["Host"] == f"{pg.cluster}-rw.{estate.data_namespace}.svc.cluster.local"
    assert (server["Username"], server["MaintenanceDB"]) == (pg.owner, pg.database)


@pytest.mark.parametrize("name", TENANTS)
def test_pgadmin_ingress_targets_the_release_service(k8s_tree, estate, name):
    ingress = ingress_for(k8s_tree, name, estate.tenants[name].hosts.pgadmin)
    app = [a for a in tier_objects(k8s_tree, name, "Application") if a["spec"]["source"].get("chart") == "pgadmin4"][0]
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    # The runix chart names its Service after a release whose name contains the chart's.
    assert backend["name"] == app["spec"]["source"]["helm"]["releaseName"]
    assert "pgadmin4" in backend["name"]


@pytest.mark.parametrize("name", TENANTS)
def test_redis_insight_is_preconfigured_with_the_tenants_redis(k8s_tree, estate, name):
    (deploy,) = tier_objects(k8s_tree, name, "Deployment")
    (container,) = deploy["spec"]["template"]["spec"]["containers"]
    env = {e["name"]: e.get("value") or e["valueFrom"] for e in container["env"]}
    assert env["RI_REDIS_PASSWORD"] == {"secretKeyRef": {
        "name": f"{estate.tenants[name].redis.release}-auth", "key": "redis-password"}}
    assert env["RI_REDIS_HOST"] == f"{estate.tenants[name].redis.release}-master.{estate.data_namespace}.svc.cluster.local"
    assert env["RI_REDIS_PORT"] == "6379"
    image, tag = container["image"].rsplit(":", 1)
    assert image == "redis/redisinsight" and tag[0].isdigit()


@pytest.mark.parametrize("name", TENANTS)
def test_redis_insight_service_selects_its_pods_and_the_ingress_uses_it(k8s_tree, estate, name):
    (deploy,) = tier_objects(k8s_tree, name, "Deployment")
    svc = k8s_tree.find("Service", deploy["metadata"]["name"], estate.data_namespace)
    labels = deploy["spec"]["template"]["metadata"]["labels"]
    assert svc["spec"]["selector"].items() <= labels.items()
    ingress = ingress_for(k8s_tree, name, estate.tenants[name].hosts.redis_insight)
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend == {"name": svc["metadata"]["name"], "port": {"number": svc["spec"]["ports"][0]["port"]}}


@pytest.mark.parametrize("name", TENANTS)
def test_redis_insight_is_reachable_only_from_traefik(k8s_tree, estate, name):
    (deploy,) = tier_objects(k8s_tree, name, "Deployment")
    (policy,) = [p for p in tier_objects(k8s_tree, name, "NetworkPolicy")
                 if p["metadata"]["name"] == deploy["metadata"]["name"]]
    assert policy["spec"]["podSelector"]["matchLabels"] == deploy["spec"]["selector"]["matchLabels"]
    (rule,) = policy["spec"]["ingress"]
    assert rule["from"] == [{"namespaceSelector": {"matchLabels": {
        "kubernetes.io/metadata.name": estate.platform.charts["traefik"].namespace}}}]


@pytest.mark.parametrize("name", TENANTS)
def test_redis_insight_runs_non_root_on_a_read_only_root_filesystem(k8s_tree, name):
    (deploy,) = tier_objects(k8s_tree, name, "Deployment")
    pod = deploy["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert container["securityContext"]["capabilities"] == {"drop": ["ALL"]}
    assert pod["automountServiceAccountToken"] is False


@pytest.mark.parametrize("name", TENANTS)
def test_pgadmin_is_reachable_only_from_traefik(k8s_tree, estate, name):
    # GIVEN the chart's own policy, which has no `from`, is off
    app = [a for a in tier_objects(k8s_tree, name, "Application")
           if a["spec"]["source"].get("chart") == "pgadmin4"][0]
    release = app["spec"]["source"]["helm"]["releaseName"]
    assert app["spec"]["source"]["helm"]["valuesObject"]["networkPolicy"] == {"enabled": False}
    # THEN ours selects the release's pods and admits only Traefik's namespace on port 80
    policy = k8s_tree.find("NetworkPolicy", release, estate.data_namespace)
    assert policy["spec"]["podSelector"]["matchLabels"] == {
        "app.kubernetes.io/name": "pgadmin4", "app.kubernetes.io/instance": release}
    (rule,) = policy["spec"]["ingress"]
    assert rule["from"] == [{"namespaceSelector": {"matchLabels": {
        "kubernetes.io/metadata.name": estate.platform.charts["traefik"].namespace}}}]
    assert rule["ports"] == [{"port": 80, "protocol": "TCP"}]
