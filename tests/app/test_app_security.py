"""The hardened pod and container security contexts of every Tomoda pod."""
from __future__ import annotations

import pytest

from tomoda_k8s.layout import app_dir

TENANTS = ["dev", "prod"]
POOLS = ["tomoda-api", "tomoda-async", "frontend"]


def pod(k8s_tree, estate, tenant: str, name: str) -> dict:
    t = estate.tenants[tenant]
    return k8s_tree.find("Deployment", name, t.namespace, under=app_dir(t))["spec"]["template"]["spec"]


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("name", POOLS)
def test_pods_run_as_a_numeric_non_root_user(k8s_tree, estate, tenant, name):
    ctx = pod(k8s_tree, estate, tenant, name)["securityContext"]
    assert ctx["runAsNonRoot"] is True
    assert isinstance(ctx["runAsUser"], int) and ctx["runAsUser"] > 0


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("name", POOLS)
def test_pods_use_the_runtime_default_seccomp_profile(k8s_tree, estate, tenant, name):
    assert pod(k8s_tree, estate, tenant, name)["securityContext"]["seccompProfile"] == \
        {"type": "RuntimeDefault"}


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("name", POOLS)
def test_containers_drop_all_capabilities_and_cannot_escalate(k8s_tree, estate, tenant, name):
    (c,) = pod(k8s_tree, estate, tenant, name)["containers"]
    ctx = c["securityContext"]
    assert ctx["capabilities"] == {"drop": ["ALL"]}
    assert ctx["allowPrivilegeEscalation"] is False
    assert ctx["privileged"] is False


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("name", POOLS)
def test_root_filesystem_is_read_only_with_a_writable_tmp(k8s_tree, estate, tenant, name):
    spec = pod(k8s_tree, estate, tenant, name)
    (c,) = spec["containers"]
    assert c["securityContext"]["readOnlyRootFilesystem"] is True
    mounts = {m["mountPath"]: m["name"] for m in c["volumeMounts"]}
    empty_dirs = {v["name"] for v in spec["volumes"] if "emptyDir" in v}
    assert mounts["/tmp"] in empty_dirs
    assert set(mounts.values()) <= empty_dirs


@pytest.mark.parametrize("tenant", TENANTS)
def test_expo_server_gets_a_writable_cache(k8s_tree, estate, tenant):
    (c,) = pod(k8s_tree, estate, tenant, "frontend")["containers"]
    assert any(m["mountPath"].endswith("/.cache") for m in c["volumeMounts"])


@pytest.mark.parametrize("tenant", TENANTS)
@pytest.mark.parametrize("name", POOLS)
def test_pods_get_no_service_account_token(k8s_tree, estate, tenant, name):
    assert pod(k8s_tree, estate, tenant, name)["automountServiceAccountToken"] is False
