"""`make tenant NAME=... CLIENT_ID=...`: a tenant scaffolded with derived names, and its checklist."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from support import ROOT, run_app
from tomoda_model import load_estate
from tomoda_ops import scaffold

CLIENT = "287267207777-staging.apps.googleusercontent.com"


def _digest(root: Path) -> str:
    return hashlib.sha256(b"".join(p.name.encode() + p.read_bytes() for p in sorted(root.rglob("*"))
                                   if p.is_file())).hexdigest()


def _tenant(cfg: Path, name: str, client: str = CLIENT):
    return run_app("apps/tenant.py", "--config", str(cfg), check=False, env={"NAME": name, "CLIENT_ID": client})


def test_the_scaffold_holds_only_the_client_id_and_every_name_derives(cfg):
    proc = _tenant(cfg, "staging")
    assert proc.returncode == 0, proc.stderr
    assert (cfg / "tenants/staging.toml").read_text() == scaffold.text("staging", CLIENT)
    t = load_estate(cfg).tenants["staging"]
    assert (t.namespace, t.argo_app, t.postgres.cluster, t.redis.release, t.cdn.bucket, t.build.trigger_prefix) == (
        "staging", "staging-tomoda", "postgres-staging", "staging-redis", "tomoda-assets-staging", "staging-")


def test_the_checklist_names_every_secret_stack_host_and_trigger(cfg):
    out = _tenant(cfg, "staging").stdout
    estate = load_estate(cfg)
    t = estate.tenants["staging"]
    for name in [*estate.tenant_gsm_secrets(t), "aws-sm-reader-access-key-id-staging",
                 "aws-sm-reader-secret-access-key-staging", "terraform/gcp", "terraform/aws-staging",
                 "tomoda-eso-staging", "api-staging.tomoda.life", "staging-backend-push-trigger",
                 "staging-frontend-push-trigger"]:
        assert name in out, name
    assert out.index("terraform/gcp") < out.index("terraform/aws-staging")


@pytest.mark.parametrize("name, client, why", [
    ("dev", CLIENT, "exists already"),
    ("Staging", CLIENT, "the file name is the tenant's name"),
    ("s", CLIENT, "the file name is the tenant's name"),
    ("../x", CLIENT, "is not a tenant name"),
    ("", CLIENT, "NAME is empty"),
    ("staging", "", "CLIENT_ID is empty"),
    ("staging", "GOCSPX-abcdefghijklmnopqrstuv", "looks like a Google OAuth client secret"),
    ("platform", CLIENT, "a name the platform's Applications take"),
    ("kube-x", CLIENT, "system namespace"),
])
def test_a_bad_tenant_is_refused_and_nothing_is_written(cfg, name, client, why):
    before = _digest(cfg)
    proc = _tenant(cfg, name, client)
    assert proc.returncode == 2 and why in proc.stderr, proc.stderr
    assert _digest(cfg) == before


def test_the_readme_shows_exactly_what_make_tenant_writes():
    assert scaffold.text("staging", CLIENT) in (ROOT / "README.md").read_text()
