"""Secret stores, ExternalSecrets and Workload Identity of the platform."""
from tomoda_k8s import layout
# The seeds name the stores; the tests pin those names.
GSM_STORE, AWS_STORE = "gsm-tomoda", "aws-sm-tomoda"

WI = "iam.gke.io/gcp-service-account"
PLATFORM = layout.tier_dir("platform") + "/"


def values(k8s_tree, name):
    return k8s_tree.find("Application", name, "argocd", under=PLATFORM)["spec"]["source"]["helm"]["valuesObject"]


def test_every_external_secret_names_an_existing_cluster_store(k8s_tree):
    stores = {d["metadata"]["name"] for _, d in k8s_tree.all_objects() if d.get("kind") == "ClusterSecretStore"}
    externals = [d for _, d in k8s_tree.all_objects() if d.get("kind") == "ExternalSecret"]
    assert externals
    for es in externals:
        ref = es["spec"]["secretStoreRef"]
        assert ref["kind"] == "ClusterSecretStore" and ref["name"] in stores, es["metadata"]


def test_gsm_store_authenticates_as_the_operator_service_account(k8s_tree, estate):
    wi = estate.platform.identities["external_secrets"]
    gcpsm = k8s_tree.find("ClusterSecretStore", GSM_STORE)["spec"]["provider"]["gcpsm"]
    assert gcpsm["projectID"] == estate.gcp.project
    assert gcpsm["auth"]["workloadIdentity"] == {
        "clusterLocation": estate.gcp.zone, "clusterName": estate.cluster.name,
        "clusterProjectID": estate.gcp.project,
        "serviceAccountRef": {"name": wi.ksa, "namespace": wi.namespace}}


def test_operator_service_account_carries_the_model_gsa(k8s_tree, estate):
    wi = estate.platform.identities["external_secrets"]
    sa = values(k8s_tree, "external-secrets")["serviceAccount"]
    assert sa["name"] == wi.ksa
    assert sa["annotations"] == {WI: estate.gsa_email(wi)}


def test_image_updater_service_account_carries_the_model_gsa(k8s_tree, estate):
    wi = estate.platform.identities["image_updater"]
    sa = values(k8s_tree, "argocd-image-updater")["serviceAccount"]
    assert (sa["name"], sa["annotations"]) == (wi.ksa, {WI: estate.gsa_email(wi)})


def test_aws_store_key_is_materialized_from_gsm(k8s_tree, estate):
    aws = k8s_tree.find("ClusterSecretStore", AWS_STORE)["spec"]["provider"]["aws"]
    assert (aws["service"], aws["region"]) == ("SecretsManager", estate.aws.region)
    refs = aws["auth"]["secretRef"].values()
    for ref in refs:
        source = k8s_tree.find("ExternalSecret", ref["name"], ref["namespace"])
        assert source["spec"]["secretStoreRef"]["name"] == GSM_STORE
        assert ref["key"] in {d["secretKey"] for d in source["spec"]["data"]}


def test_platform_external_secrets_read_only_model_secrets(k8s_tree, estate):
    allowed = set(estate.secrets.platform.values())
    for _, es in k8s_tree.all_objects(PLATFORM):
        if es.get("kind") == "ExternalSecret":
            assert {d["remoteRef"]["key"] for d in es["spec"]["data"]} <= allowed


def test_no_secret_with_data_in_the_platform(k8s_tree):
    for _, doc in k8s_tree.all_objects(PLATFORM):
        assert not (doc.get("kind") == "Secret" and (doc.get("data") or doc.get("stringData")))
