"""An admission policy that keeps each tenant to its own secret store in the shared namespace.

Stores admit namespaces (ESO `conditions`), and both tenants' stores must admit the shared
data namespace, where each tenant's database and Redis credentials live. So in that
namespace the API server itself checks every ExternalSecret: it must be managed by a tenant's
Argo CD Application (the tracking label Argo CD writes) and read only from that tenant's
store, with no per-key store override. A manifest of one tenant naming another tenant's store
is refused at apply time, not merely absent from dist/.
"""
from __future__ import annotations

import json
from typing import Mapping, Sequence

import cdk8s
from constructs import Construct

from tomoda_model.protocols import TRACKING_LABEL

API_VERSION = "admissionregistration.k8s.io/v1"  # GA since Kubernetes 1.30


def _cel_expression(stores: Mapping[str, Sequence[str]]) -> str:
    allowed = json.dumps({app: list(names) for app, names in sorted(stores.items())})
    label = f"object.metadata.labels['{TRACKING_LABEL}']"
    return (f"has(object.metadata.labels) && '{TRACKING_LABEL}' in object.metadata.labels"
            f" && {label} in {allowed}"
            f" && object.spec.secretStoreRef.name in {allowed}[{label}]"
            " && (!has(object.spec.data) || object.spec.data.all(d, !has(d.sourceRef)))"
            " && (!has(object.spec.dataFrom) || object.spec.dataFrom.all(d, !has(d.sourceRef)))")


def restrict(policy: cdk8s.ApiObject, stores: Mapping[str, Sequence[str]]) -> None:
    """Replace the Applications `policy` admits (a tier on another cluster syncs its objects
    through one Application per wave: remote.py)."""
    policy.add_json_patch(cdk8s.JsonPatch.replace("/spec/validations/0/expression",
                                                  _cel_expression(stores)))


def tenant_store_policy(scope: Construct, id: str, *, data_namespace: str,
                        stores: Mapping[str, Sequence[str]]) -> cdk8s.ApiObject:
    """`stores`: Application name -> the stores its ExternalSecrets may read from."""
    name = "tenant-secret-stores"
    policy = cdk8s.ApiObject(
        scope, id, api_version=API_VERSION, kind="ValidatingAdmissionPolicy",
        metadata=cdk8s.ApiObjectMetadata(name=name))
    policy.add_json_patch(cdk8s.JsonPatch.add("/spec", {
        "failurePolicy": "Fail",
        "matchConstraints": {
            "namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": data_namespace}},
            "resourceRules": [{"apiGroups": ["external-secrets.io"], "apiVersions": ["*"],
                               "operations": ["CREATE", "UPDATE"],
                               "resources": ["externalsecrets"]}],
        },
        "validations": [{
            "expression": _cel_expression(stores),
            "message": (f"in namespace {data_namespace}, an ExternalSecret must be managed by a "
                        f"tenant's Argo CD Application ({TRACKING_LABEL}) and read only from "
                        f"that tenant's ClusterSecretStore"),
        }],
    }))
    binding = cdk8s.ApiObject(
        scope, f"{id}-binding", api_version=API_VERSION, kind="ValidatingAdmissionPolicyBinding",
        metadata=cdk8s.ApiObjectMetadata(name=name))
    binding.add_json_patch(cdk8s.JsonPatch.add("/spec", {
        "policyName": policy.name, "validationActions": ["Deny"]}))
    return policy
