"""Construct-level behaviour, checked with cdktf's Testing helpers on a scratch stack."""
from __future__ import annotations

import dataclasses
import json

import cdktf
import pytest
from cdktf_cdktf_provider_cloudflare.dns_record import DnsRecord
from cdktf_cdktf_provider_google.cloudbuild_trigger import CloudbuildTrigger
from cdktf_cdktf_provider_google.service_account_iam_member import ServiceAccountIamMember

from tomoda_model.layers import cloud_view
from tomoda_model.model import WorkloadIdentity
from tomoda_tf.cloudflare.records import ZoneRecords
from tomoda_tf.gcp.cloudbuild import BuildTriggers, github_repo
from tomoda_tf.gcp.identity import WorkloadIdentities


def _stack() -> cdktf.TerraformStack:
    return cdktf.TerraformStack(cdktf.Testing.app(), "test")


def test_records_are_written_without_proxy_and_without_the_final_dot():
    stack = _stack()
    ZoneRecords(stack, "dns", domain="example.com").record(
        "cname", name="cdn.example.com", type="CNAME", content="d111.cloudfront.net.")
    synthesized = cdktf.Testing.synth(stack)
    assert cdktf.Testing.to_have_resource_with_properties(synthesized, DnsRecord.TF_RESOURCE_TYPE, {
        "name": "cdn.example.com", "content": "d111.cloudfront.net", "proxied": False})
    assert cdktf.Testing.to_have_data_source_with_properties(synthesized, "cloudflare_zone", {
        "filter": {"name": "example.com"}})


def test_one_account_per_gsa_and_one_binding_per_kubernetes_account(estate):
    # GIVEN two Kubernetes service accounts impersonating the same GCP account
    a = WorkloadIdentity(gsa="shared-sa", namespace="data", ksa="one", roles=("roles/viewer",))
    b = dataclasses.replace(a, ksa="two")
    stack = _stack()
    from cdktf_cdktf_provider_google.container_cluster import ContainerCluster
    cluster = ContainerCluster(stack, "cluster", name="c", location="asia-east1-a")
    WorkloadIdentities(stack, "wi", project=estate.gcp.project, member=estate.wi_member,
                       identities=[a, b], cluster=cluster)
    synthesized = cdktf.Testing.synth(stack)
    # THEN one account, one role grant, two bindings with the model's member strings,
    # created only after the cluster (whose Workload Identity pool the members name)
    for wi in (a, b):
        assert cdktf.Testing.to_have_resource_with_properties(
            synthesized, ServiceAccountIamMember.TF_RESOURCE_TYPE,
            {"role": "roles/iam.workloadIdentityUser", "member": estate.wi_member(wi)})
    doc = json.loads(synthesized)
    assert len(doc["resource"]["google_service_account"]) == 1
    assert len(doc["resource"]["google_project_iam_member"]) == 1
    for binding in doc["resource"]["google_service_account_iam_member"].values():
        assert binding["depends_on"] == ["google_container_cluster.cluster"]


def test_trigger_kind_alone_decides_the_event(estate):
    # GIVEN a new tenant that differs from prod only by name and trigger kind
    prod = estate.tenants["prod"]
    staging = dataclasses.replace(prod, name="staging", build=dataclasses.replace(
        prod.build, trigger=type(prod.build.trigger)("push")))
    view = cloud_view(dataclasses.replace(estate, tenants={**estate.tenants, "staging": staging}))
    staging = view.tenants["staging"]  # as the Terraform layer sees it
    stack = _stack()
    BuildTriggers(stack, "build", tenant=staging, app_repo=view.app_repo,
                  registry=view.registry_path(staging.build.registry), images=view.images)
    synthesized = cdktf.Testing.synth(stack)
    assert cdktf.Testing.to_have_resource_with_properties(
        synthesized, CloudbuildTrigger.TF_RESOURCE_TYPE, {
            "name": "backend-push-trigger", "approval_config": {"approval_required": True},
            "included_files": ["backend/**", "cloudbuild-backend.yaml"]})


def test_app_repo_must_be_on_github():
    assert github_repo("https://github.com/tomoda-labs/tomoda.git") == ("tomoda-labs", "tomoda")
    with pytest.raises(ValueError):
        github_repo("https://gitlab.com/a/b")
