"""`terraform validate`, with the real hashicorp/aws provider, of every AWS resource we emit.

The Cloudflare provider cannot be installed here, so the AWS constructs are synthesized in a
stack of their own (aws provider only), the validation record names passed in as values.
"""
from __future__ import annotations

import json
from pathlib import Path

import cdktf
import pytest

from cloud.cloud_terraform import init_and_validate, require_terraform_with_aws
from tomoda_tf import providers
from tomoda_tf.aws.assets import AssetsCdn, AssetsCertificate
from tomoda_tf.aws.uploader_secret import UploaderSecret


def _aws_only_stack(outdir: Path, estate, tenant) -> Path:
    app = cdktf.App(outdir=str(outdir))
    stack = cdktf.TerraformStack(app, "aws-only")
    providers.aws(stack, estate.aws.region)
    cert_provider = providers.aws(stack, estate.aws.certificate_region, alias="certificate")
    cert = AssetsCertificate(stack, "certificate", domain=tenant.hosts.assets, provider=cert_provider)
    AssetsCdn(stack, "assets", bucket=tenant.cdn.bucket, alias=tenant.hosts.assets,
              price_class=estate.aws.price_class, certificate=cert,
              validation_record_fqdns=[f"_0123456789abcdef.{tenant.hosts.assets}"])
    UploaderSecret(stack, "uploader", name=tenant.cdn.uploader_secret, bucket=tenant.cdn.bucket,
                   reader=estate.aws_reader_user(tenant))
    # What the Cloudflare records read from the certificate, checked against the aws schema.
    for attr in ("validation_name", "validation_type", "validation_value"):
        cdktf.TerraformOutput(stack, attr, value=getattr(cert, attr))
    app.synth()
    return outdir / "stacks" / "aws-only"


def test_aws_constructs_validate_with_the_real_aws_provider(tmp_path, estate):
    require_terraform_with_aws()
    # GIVEN every AWS construct of a tenant stack, alone in a stack with only aws providers
    workdir = _aws_only_stack(tmp_path / "out", estate, next(iter(estate.tenants.values())))
    doc = json.loads((workdir / "cdk.tf.json").read_text())
    assert set(doc["terraform"]["required_providers"]) == {"aws"}
    # WHEN plain terraform initializes and validates it THEN it is valid
    init_and_validate(workdir)


def _strip_cloudflare(stack: str, doc: dict) -> dict:
    """The real stack minus the Cloudflare provider, its records and data sources (the
    same stripping `make check`'s tools family validates)."""
    from tomoda_check.tools import strip_cloudflare
    doc, left = strip_cloudflare(stack, doc)
    assert not left, f"AWS resources refer to Cloudflare beyond the validation: {left}"
    assert "cloudflare_" not in json.dumps(doc)
    return doc


@pytest.mark.parametrize("tenant", ["dev", "prod"])
def test_real_aws_stack_validates_without_its_cloudflare_part(tmp_path, tf_tree, tenant):
    require_terraform_with_aws()
    # GIVEN the synthesized aws-<tenant> stack as written to dist/, Cloudflare parts removed
    doc = _strip_cloudflare(f"aws-{tenant}", tf_tree.tf(f"aws-{tenant}"))
    (tmp_path / "main.tf.json").write_text(json.dumps(doc, indent=2))
    # WHEN plain terraform (not cdktf) initializes and validates it THEN it accepts it
    init_and_validate(tmp_path)
