"""`make tenant NAME=<name> CLIENT_ID=<oauth client id>`: scaffold a tenant and say what to do.

The file holds only what must differ (the tenant's public OAuth client id); every name derives
from NAME by the model's rule (`tenant_defaults`). The estate is validated with the new file in
a copy of config/ first, so a bad NAME or a clash writes nothing. The checklist lists what the
merge does not do by itself: Secret Manager values, stack applies, the AWS reader key.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from tomoda_build import tree
from tomoda_build.synth import SynthError, load
from tomoda_model import Estate, Tenant
from tomoda_model.model import AWS_READER_KEYS

from . import plan

TEMPLATE = """\
#:schema ../../docs/schema/tenant.schema.json
# Tenant {name}: scaffolded by `make tenant NAME={name}`. Every name derives from "{name}"
# (tenant_defaults in constructs/tomoda_model/model.py); add only what must differ.
[build]
google_web_client_id = "{client_id}"
"""


class ScaffoldError(Exception):
    """A refusal with a message meant for the operator (exit code 2)."""


def text(name: str, client_id: str) -> str:
    return TEMPLATE.format(name=name, client_id=client_id)


def scaffold(config: Path, name: str, client_id: str) -> tuple[Path, Estate]:
    """Write config/tenants/<name>.toml once the estate with it validates; (path, estate)."""
    if not name:
        raise ScaffoldError("NAME is empty: make tenant NAME=<name> CLIENT_ID=<id>.apps.googleusercontent.com")
    if not client_id:
        raise ScaffoldError("CLIENT_ID is empty: the tenant's public Google OAuth client id "
                            "(<number>-<id>.apps.googleusercontent.com) is the one value without a default")
    if "/" in name or name.startswith("."):
        raise ScaffoldError(f"NAME={name!r} is not a tenant name (lowercase letters, digits, '-', 2-26)")
    path = Path(config) / "tenants" / f"{name}.toml"
    if path.exists() or path.is_symlink():
        raise ScaffoldError(f"{path} exists already: a tenant is scaffolded once")
    with tempfile.TemporaryDirectory(prefix="tomoda-tenant-") as tmp:
        trial = Path(tmp) / "config"
        shutil.copytree(config, trial, symlinks=True)
        (trial / "tenants" / path.name).write_text(text(name, client_id), encoding="utf-8")
        try:
            estate = load(trial, shown_as=Path(config))
        except SynthError as exc:
            raise ScaffoldError(str(exc)) from None
    tree.write_text(path, text(name, client_id))
    return path, estate


def checklist(estate: Estate, tenant: Tenant) -> list[str]:
    """What to do after the merge, in order, with every name spelled out."""
    h = tenant.hosts
    dns = [h.api, h.app, *h.extra_app, h.pgadmin, h.redis_insight]
    secrets = sorted(set(estate.tenant_gsm_secrets(tenant)) | {estate.tenant_secret(tenant, k)
                                                               for k in AWS_READER_KEYS})
    triggers = [tenant.build.trigger_name(half) for half in tenant.build.HALVES]
    return [
        f"1. make synth, review `make diff`, commit config/, dist/ and docs/ together, merge.",
        f"2. Apply the gcp stack (Secret Manager containers, IAM, Cloud Build triggers "
        f"{', '.join(triggers)}): make plan STACKS=gcp, then "
        f"terraform -chdir=dist/terraform/gcp apply {plan.PLAN_FILE}",
        f"3. Apply aws-{tenant.name} (bucket {tenant.cdn.bucket}, CloudFront for {h.assets}, uploader secret "
        f"{tenant.cdn.uploader_secret}, IAM user {estate.aws_reader_user(tenant)}): make plan STACKS=aws-{tenant.name}, "
        f"then terraform -chdir=dist/terraform/aws-{tenant.name} apply {plan.PLAN_FILE}; commit the "
        f"dist/terraform/aws-{tenant.name}/.terraform.lock.hcl that init wrote",
        f"4. Create an access key for {estate.aws_reader_user(tenant)} and store it in "
        f"{estate.tenant_secret(tenant, AWS_READER_KEYS[0])} / {estate.tenant_secret(tenant, AWS_READER_KEYS[1])}.",
        "5. Add a version to each Secret Manager secret of the tenant (values never live in this repo):",
        *[f"     {s}" for s in secrets],
        f"6. Argo CD syncs the tier `{tenant.name}` from git (no apply by hand); external-dns then writes "
        f"{', '.join(dns)}.",
        f"7. Check: Application {tenant.argo_app} Healthy, https://{h.app} and https://{h.api} answer.",
    ]
