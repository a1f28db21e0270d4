"""Edge of the cluster: Traefik, external-dns, the ACME issuer, forward-auth, ingresses."""
from tomoda_k8s import layout
LETSENCRYPT_PROD = "letsencrypt-prod"  # the seeds' ClusterIssuer

PLATFORM = layout.tier_dir("platform") + "/"
MIDDLEWARES = "traefik.ingress.kubernetes.io/router.middlewares"


def values(k8s_tree, name):
    return k8s_tree.find("Application", name, "argocd", under=PLATFORM)["spec"]["source"]["helm"]["valuesObject"]


def test_traefik_service_asks_gke_for_an_external_load_balancer(k8s_tree, estate):
    app = k8s_tree.find("Application", "traefik", "argocd", under=PLATFORM)
    assert app["spec"]["destination"]["namespace"] == "traefik-system"
    service = values(k8s_tree, "traefik")["service"]
    assert service["type"] == "LoadBalancer"
    assert service["annotations"] == {"cloud.google.com/load-balancer-type": "External"}


def test_traefik_owns_the_traefik_ingress_class(k8s_tree):
    assert values(k8s_tree, "traefik")["ingressClass"]["name"] == "traefik"


def test_external_dns_writes_cloudflare_records_owned_by_the_model_id(k8s_tree, estate):
    v = values(k8s_tree, "external-dns")
    assert v["provider"] == {"name": "cloudflare"}
    assert v["registry"] == "txt"
    assert v["txtOwnerId"] == estate.management_cluster.dns_owner_id == "k8s-dev"
    assert v["domainFilters"] == [estate.domain]
    assert sorted(v["sources"]) == ["ingress", "service"]


def test_external_dns_never_proxies(k8s_tree):
    v = values(k8s_tree, "external-dns")
    assert not any("proxied" in str(arg) for arg in v.get("extraArgs", []))


def test_external_dns_token_comes_from_an_external_secret(k8s_tree, estate):
    env = values(k8s_tree, "external-dns")["env"]
    ref = next(e for e in env if e["name"] == "CF_API_TOKEN")["valueFrom"]["secretKeyRef"]
    es = k8s_tree.find("ExternalSecret", ref["name"], estate.platform.charts["external-dns"].namespace)
    assert {d["secretKey"]: d["remoteRef"]["key"] for d in es["spec"]["data"]} == {
        ref["key"]: estate.secrets.platform["cloudflare_api_token"]}


def test_cluster_issuer_solves_http01_through_traefik(k8s_tree, estate):
    acme = k8s_tree.find("ClusterIssuer", LETSENCRYPT_PROD)["spec"]["acme"]
    assert acme["email"] == estate.platform.acme_email
    assert acme["solvers"] == [{"http01": {"ingress": {"ingressClassName": "traefik"}}}]


def test_every_ingress_names_an_existing_issuer(k8s_tree):
    issuers = {d["metadata"]["name"] for _, d in k8s_tree.all_objects() if d.get("kind") == "ClusterIssuer"}
    for _, ing in k8s_tree.all_objects():
        if ing.get("kind") == "Ingress":
            assert ing["metadata"]["annotations"]["cert-manager.io/cluster-issuer"] in issuers


def test_internal_uis_are_behind_the_forward_auth_middleware(k8s_tree, estate):
    mw = k8s_tree.find("Middleware", "oauth2-proxy")
    expected = f"{mw['metadata']['namespace']}-{mw['metadata']['name']}@kubernetescrd"
    for ui in ("grafana", "prometheus", "alertmanager"):
        ing = k8s_tree.find("Ingress", ui, "monitoring")
        assert ing["spec"]["rules"][0]["host"] == estate.platform.internal_hosts[ui]
        assert ing["metadata"]["annotations"][MIDDLEWARES] == expected


def test_forward_auth_targets_the_oauth2_proxy_service(k8s_tree):
    mw = k8s_tree.find("Middleware", "oauth2-proxy")
    assert mw["spec"]["forwardAuth"]["address"] == \
        "http://oauth2-proxy.oauth2-proxy.svc.cluster.local:80/"


def test_oauth2_proxy_admits_only_the_estate_domain(k8s_tree, estate):
    v = values(k8s_tree, "oauth2-proxy")
    assert v["extraArgs"]["provider"] == "google"
    assert f'email_domains = [ "{estate.domain}" ]' in v["config"]["configFile"]
    host = estate.platform.internal_hosts["oauth2_proxy"]
    assert v["extraArgs"]["redirect-url"] == f"https://{host}/oauth2/callback"


def test_argocd_ingress_routes_its_host_to_argocd_server(k8s_tree, estate):
    ing = k8s_tree.find("Ingress", "argocd-server", estate.argocd.namespace)
    rule = ing["spec"]["rules"][0]
    assert rule["host"] == estate.argocd.host
    assert rule["http"]["paths"][0]["backend"]["service"] == {"name": "argocd-server", "port": {"number": 80}}


def test_image_updater_reads_artifact_registry_with_a_metadata_token(k8s_tree, estate):
    v = values(k8s_tree, "argocd-image-updater")
    (registry,) = v["config"]["registries"]
    assert registry["prefix"] == estate.registry_host()
    script = registry["credentials"].removeprefix("ext:/scripts/")
    assert "metadata.google.internal" in v["authScripts"]["scripts"][script]


def test_argocd_ingress_targets_the_server_of_the_terraform_release(k8s_tree, tf_tree):
    # GIVEN Terraform installs argo-cd under the model's release name WHEN the platform
    # routes argo-app.tomoda.life THEN it targets that release's server Service.
    (release,) = tf_tree.tf("gcp-argocd")["resource"]["helm_release"].values()
    ing = k8s_tree.find("Ingress", f"{release['name']}-server", release["namespace"])
    (rule,) = ing["spec"]["rules"]
    assert rule["host"] == "argo-app.tomoda.life"
    assert rule["http"]["paths"][0]["backend"]["service"]["name"] == "argocd-server"
