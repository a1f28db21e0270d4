"""Provider declarations. Credentials never appear here: every provider reads them from the
environment of whoever runs terraform (ADC for google, AWS_* for aws, CLOUDFLARE_API_TOKEN).
"""
from __future__ import annotations

from typing import Optional

import cdktf

from tomoda_model.model import Gcp

# The prebuilt bindings emit short sources ("aws") for hashicorp providers. Terraform reads
# them as hashicorp/<name>, but a full address keeps the JSON unambiguous for any reader.
_SOURCES = {
    "aws": "hashicorp/aws",
    "google": "hashicorp/google",
    "helm": "hashicorp/helm",
    "cloudflare": "cloudflare/cloudflare",
}


def _full_source(stack: cdktf.TerraformStack, name: str) -> None:
    stack.add_override(f"terraform.required_providers.{name}.source", _SOURCES[name])


def google(stack: cdktf.TerraformStack, gcp: Gcp):
    from cdktf_cdktf_provider_google.provider import GoogleProvider

    _full_source(stack, "google")
    return GoogleProvider(stack, "google", project=gcp.project, region=gcp.region, zone=gcp.zone)


def aws(stack: cdktf.TerraformStack, region: str, alias: Optional[str] = None):
    from cdktf_cdktf_provider_aws.provider import AwsProvider

    _full_source(stack, "aws")
    return AwsProvider(stack, f"aws-{alias}" if alias else "aws", region=region, alias=alias)


def cloudflare(stack: cdktf.TerraformStack):
    from cdktf_cdktf_provider_cloudflare.provider import CloudflareProvider

    _full_source(stack, "cloudflare")
    return CloudflareProvider(stack, "cloudflare")


def helm(stack: cdktf.TerraformStack, host: str, cluster_ca_certificate: str, token: str):
    from cdktf_cdktf_provider_helm.provider import HelmProvider, HelmProviderKubernetes

    _full_source(stack, "helm")
    return HelmProvider(stack, "helm", kubernetes=HelmProviderKubernetes(
        host=host, cluster_ca_certificate=cluster_ca_certificate, token=token))
