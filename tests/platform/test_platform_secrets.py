"""Secret stores, ExternalSecrets and Workload Identity of the platform."""
import pytest

from tomoda_k8s import layout
from tomoda_model import load_estate

from support import CONFIG

# The seeds' store name is the platform's; each tenant's store adds the tenant's name.
GSM_STORE, AWS_STORE = "gsm-tomoda", "aws-sm-tomoda"
TENANTS = sorted(load_estate(CONFIG).tenants)

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


def test_platform_store_authenticates_as_the_operator_for_platform_namespaces_only(k8s_tree, estate):
    wi = estate.platform.identities["external_secrets"]
    store = k8s_tree.find("ClusterSecretStore", GSM_STORE)
    gcpsm = store["spec"]["provider"]["gcpsm"]
    assert gcpsm["projectID"] == estate.gcp.project
    assert gcpsm["auth"]["workloadIdentity"] == {
        "clusterLocation": estate.management_cluster.location, "clusterName": estate.management_cluster.name,
        "clusterProjectID": estate.gcp.project,
        "serviceAccountRef": {"name": wi.ksa, "namespace": wi.namespace}}
    (condition,) = store["spec"]["conditions"]
    assert not set(condition["namespaces"]) & ({estate.data_namespace} |
                                                {t.namespace for t in estate.tenants.values()})


@pytest.mark.parametrize("tenant", TENANTS)
def test_each_tenant_store_reads_as_its_own_identity_for_its_namespaces(k8s_tree, estate, tenant):
    t = estate.tenants[tenant]
    wi = estate.eso_identity(t)
    store = k8s_tree.find("ClusterSecretStore", f"{GSM_STORE}-{tenant}")
    ref = store["spec"]["provider"]["gcpsm"]["auth"]["workloadIdentity"]["serviceAccountRef"]
    assert ref == {"name": wi.ksa, "namespace": wi.namespace}
    sa = k8s_tree.find("ServiceAccount", wi.ksa, wi.namespace)
    assert sa["metadata"]["annotations"][WI] == estate.gsa_email(wi)
    assert store["spec"]["conditions"] == [{"namespaces": [t.namespace, estate.data_namespace]}]
    aws = k8s_tree.find("ClusterSecretStore", f"{AWS_STORE}-{tenant}")
    assert aws["spec"]["conditions"] == [{"namespaces": [t.namespace]}]


def test_the_shared_data_namespace_holds_external_secrets_to_their_tenants_store(k8s_tree, estate):
    policy = k8s_tree.find("ValidatingAdmissionPolicy", "tenant-secret-stores")
    binding = k8s_tree.find("ValidatingAdmissionPolicyBinding", "tenant-secret-stores")
    assert binding["spec"] == {"policyName": "tenant-secret-stores", "validationActions": ["Deny"]}
    match = policy["spec"]["matchConstraints"]
    assert match["namespaceSelector"] == {"matchLabels": {"kubernetes.io/metadata.name": estate.data_namespace}}
    (expression,) = [v["expression"] for v in policy["spec"]["validations"]]
    # each tenant Application (by the tracking label Argo CD writes) maps to its own store only
    for tenant in estate.tenants:
        assert f'"{tenant}": ["{GSM_STORE}-{tenant}"]' in expression
    assert "argocd.argoproj.io/instance" in expression and "sourceRef" in expression


def test_operator_service_account_carries_the_model_gsa(k8s_tree, estate):
    wi = estate.platform.identities["external_secrets"]
    sa = values(k8s_tree, "external-secrets")["serviceAccount"]
    assert sa["name"] == wi.ksa
    assert sa["annotations"] == {WI: estate.gsa_email(wi)}


def test_image_updater_service_account_carries_the_model_gsa(k8s_tree, estate):
    wi = estate.platform.identities["image_updater"]
    sa = values(k8s_tree, "argocd-image-updater")["serviceAccount"]
    assert (sa["name"], sa["annotations"]) == (wi.ksa, {WI: estate.gsa_email(wi)})


@pytest.mark.parametrize("tenant", TENANTS)
def test_aws_store_key_is_the_tenants_own_and_materialized_from_gsm(k8s_tree, estate, tenant):
    aws = k8s_tree.find("ClusterSecretStore", f"{AWS_STORE}-{tenant}")["spec"]["provider"]["aws"]
    assert (aws["service"], aws["region"]) == ("SecretsManager", estate.aws.region)
    refs = aws["auth"]["secretRef"].values()
    for ref in refs:
        source = k8s_tree.find("ExternalSecret", ref["name"], ref["namespace"])
        assert source["spec"]["secretStoreRef"]["name"] == GSM_STORE
        assert ref["key"] in {d["secretKey"] for d in source["spec"]["data"]}
        assert {d["remoteRef"]["key"] for d in source["spec"]["data"]} == {
            f"aws-sm-reader-access-key-id-{tenant}", f"aws-sm-reader-secret-access-key-{tenant}"}


def test_platform_external_secrets_read_only_model_secrets(k8s_tree, estate):
    allowed = set(estate.platform_gsm_secrets())
    for _, es in k8s_tree.all_objects(PLATFORM):
        if es.get("kind") == "ExternalSecret":
            assert {d["remoteRef"]["key"] for d in es["spec"]["data"]} <= allowed


def test_no_secret_with_data_in_the_platform(k8s_tree):
    for _, doc in k8s_tree.all_objects(PLATFORM):
        assert not (doc.get("kind") == "Secret" and (doc.get("data") or doc.get("stringData")))
