"""Safety and layout of every stack: stateful resources kept, no credentials, plain Terraform."""
from __future__ import annotations

import re

import pytest

from cloud.cloud_json import resources, walk
from support import ROOT

STATEFUL = (
    "google_container_cluster", "google_container_node_pool", "google_compute_network",
    "google_compute_subnetwork", "google_storage_bucket", "google_artifact_registry_repository",
    "google_secret_manager_secret", "aws_s3_bucket", "aws_secretsmanager_secret",
)
TOP_LEVEL = {"terraform", "provider", "resource", "data", "output", "locals", "variable",
             "module", "//"}
SOURCES = {"aws": "hashicorp/aws", "google": "hashicorp/google", "helm": "hashicorp/helm",
           "cloudflare": "cloudflare/cloudflare"}
# Keys whose value would be a credential if it were a literal.
CREDENTIAL_KEYS = re.compile(
    r"(token|password|secret_key|access_key|api_key|credentials|secret_data|client_secret"
    r"|private_key)$", re.IGNORECASE)


@pytest.mark.parametrize("rtype", STATEFUL)
def test_stateful_resources_prevent_destroy(all_stacks, rtype):
    found = [(name, r) for name, doc in all_stacks.items() for r in resources(doc, rtype)]
    assert found, f"no {rtype} in any stack"
    for name, r in found:
        assert r.get("lifecycle", {}).get("prevent_destroy") is True, f"{name}: {rtype}"


def test_credentials_are_never_literal(all_stacks):
    for name, doc in all_stacks.items():
        for path, key, value in walk(doc):
            if CREDENTIAL_KEYS.search(key) and isinstance(value, str):
                assert value.startswith("${") and value.endswith("}"), f"{name}{path}.{key}"
        for path, key, value in walk(doc.get("resource", {})):
            if key == "set_sensitive":
                assert all(v["value"].startswith("${") for v in value), f"{name}{path}"


def test_providers_take_credentials_from_the_environment(all_stacks):
    allowed = {"google": {"project", "region", "zone"}, "aws": {"region", "alias"},
               "cloudflare": set(), "helm": {"kubernetes"}}
    for name, doc in all_stacks.items():
        for provider, configs in doc["provider"].items():
            for config in configs:
                assert set(config) <= allowed[provider], f"{name}: {provider} {sorted(config)}"


def test_output_is_deterministic_and_relocatable(all_stacks):
    for name, doc in all_stacks.items():
        text = str(doc)
        assert str(ROOT) not in text and "/tmp/" not in text, name
        assert not re.search(r"20\d\d-\d\d-\d\dT\d\d:\d\d", text), name


def test_top_level_keys_are_terraform_json_keys(all_stacks):
    for name, doc in all_stacks.items():
        assert set(doc) <= TOP_LEVEL, f"{name}: {sorted(set(doc) - TOP_LEVEL)}"


def test_required_providers_have_full_sources_and_exact_versions(all_stacks):
    for name, doc in all_stacks.items():
        required = doc["terraform"]["required_providers"]
        assert required, name
        for provider, spec in required.items():
            assert spec["source"] == SOURCES[provider], f"{name}: {provider}"
            assert re.fullmatch(r"\d+\.\d+\.\d+", spec["version"]), f"{name}: {spec}"
        assert set(required) == set(doc["provider"]), name


def test_every_stack_has_a_gcs_backend_with_its_own_prefix(all_stacks, estate):
    for name, doc in all_stacks.items():
        assert doc["terraform"]["backend"] == {
            "gcs": {"bucket": estate.state.bucket, "prefix": f"{estate.state.prefix}/{name}"}}


def test_stack_set_is_gcp_argocd_and_one_aws_per_tenant(all_stacks, estate):
    assert sorted(all_stacks) == sorted(["gcp", "gcp-argocd", *(f"aws-{t}" for t in estate.tenants)])
