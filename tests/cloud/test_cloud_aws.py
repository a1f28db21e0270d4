"""The `aws-<tenant>` stacks: private S3 bucket behind CloudFront, ACM in us-east-1,
Cloudflare records in a looked-up zone, and the uploader secret container."""
from __future__ import annotations

from cloud.cloud_json import datas, one, ref, resources


def test_one_aws_stack_per_tenant(all_stacks, estate):
    assert sorted(n for n in all_stacks if n.startswith("aws-")) == sorted(
        f"aws-{t}" for t in estate.tenants)


def test_bucket_is_the_tenant_bucket(aws_stacks, estate):
    for name, doc in aws_stacks.items():
        assert one(doc, "aws_s3_bucket")["bucket"] == estate.tenants[name].cdn.bucket
    assert one(aws_stacks["dev"], "aws_s3_bucket")["bucket"] == "tomoda-assets-dev"
    assert one(aws_stacks["prod"], "aws_s3_bucket")["bucket"] == "tomoda-assets-prod"


def test_all_four_public_access_blocks_are_on(aws_stacks):
    for doc in aws_stacks.values():
        block = one(doc, "aws_s3_bucket_public_access_block")
        assert block["bucket"] == ref(doc, "aws_s3_bucket", "id")
        for flag in ("block_public_acls", "block_public_policy", "ignore_public_acls",
                     "restrict_public_buckets"):
            assert block[flag] is True, flag


def test_distribution_reads_the_bucket_through_origin_access_control(aws_stacks):
    for doc in aws_stacks.values():
        oac = one(doc, "aws_cloudfront_origin_access_control")
        assert (oac["origin_access_control_origin_type"], oac["signing_behavior"],
                oac["signing_protocol"]) == ("s3", "always", "sigv4")
        (origin,) = one(doc, "aws_cloudfront_distribution")["origin"]
        assert origin["origin_access_control_id"] == ref(doc, "aws_cloudfront_origin_access_control", "id")
        assert origin["domain_name"] == ref(doc, "aws_s3_bucket", "bucket_regional_domain_name")


def test_bucket_policy_is_conditioned_on_the_distribution_arn(aws_stacks):
    for doc in aws_stacks.values():
        policy = one(doc, "aws_s3_bucket_policy")
        (name,) = doc["data"]["aws_iam_policy_document"]
        assert policy["policy"] == f"${{data.aws_iam_policy_document.{name}.json}}"
        (statement,) = datas(doc, "aws_iam_policy_document")[0]["statement"]
        assert statement["principals"] == [{"type": "Service", "identifiers": ["cloudfront.amazonaws.com"]}]
        assert statement["actions"] == ["s3:GetObject"]
        assert statement["condition"] == [{"test": "StringEquals", "variable": "AWS:SourceArn",
                                           "values": [ref(doc, "aws_cloudfront_distribution", "arn")]}]


def test_distribution_alias_is_the_tenant_assets_host(aws_stacks, estate):
    for name, doc in aws_stacks.items():
        assert one(doc, "aws_cloudfront_distribution")["aliases"] == [estate.tenants[name].hosts.assets]
    assert one(aws_stacks["prod"], "aws_cloudfront_distribution")["aliases"] == ["assets.tomoda.life"]


def _without_names(doc: dict, estate, tenant: str) -> str:
    t = estate.tenants[tenant]
    text = str({k: v for k, v in doc.items() if k != "terraform"})
    for value in (t.cdn.bucket, t.hosts.assets, t.cdn.uploader_secret, estate.aws_reader_user(t),
                  f"aws-{tenant}"):
        text = text.replace(value, "<tenant>")
    return text


def test_stacks_differ_only_in_tenant_names(aws_stacks, estate):
    # Price class, OAC settings, cache behaviour... are identical across environments.
    texts = {_without_names(doc, estate, name) for name, doc in aws_stacks.items()}
    assert len(texts) == 1


def test_certificate_comes_from_the_us_east_1_provider(aws_stacks):
    for doc in aws_stacks.values():
        aliased = [p for p in doc["provider"]["aws"] if p.get("alias")]
        assert aliased == [{"alias": "us_east_1", "region": "us-east-1"}]
        cert = one(doc, "aws_acm_certificate")
        assert cert["provider"] == "aws.us_east_1"
        assert cert["validation_method"] == "DNS"
        assert one(doc, "aws_acm_certificate_validation")["provider"] == "aws.us_east_1"


def test_default_provider_is_in_tokyo(aws_stacks):
    for doc in aws_stacks.values():
        assert [p for p in doc["provider"]["aws"] if "alias" not in p] == [{"region": "ap-northeast-1"}]


def test_viewer_certificate_is_the_validated_acm_certificate(aws_stacks, estate):
    for name, doc in aws_stacks.items():
        assert one(doc, "aws_acm_certificate")["domain_name"] == estate.tenants[name].hosts.assets
        viewer = one(doc, "aws_cloudfront_distribution")["viewer_certificate"]
        assert viewer["acm_certificate_arn"] == ref(doc, "aws_acm_certificate_validation", "certificate_arn")
        assert viewer["ssl_support_method"] == "sni-only"


def test_validation_waits_for_the_cloudflare_validation_record(aws_stacks):
    for doc in aws_stacks.values():
        validation = one(doc, "aws_acm_certificate_validation")
        assert validation["certificate_arn"] == ref(doc, "aws_acm_certificate", "arn")
        (fqdn,) = validation["validation_record_fqdns"]
        assert fqdn.startswith("${cloudflare_dns_record.") and fqdn.endswith(".name}")
        records = {f"${{cloudflare_dns_record.{n}.name}}": r
                   for n, r in doc["resource"]["cloudflare_dns_record"].items()}
        assert "domain_validation_options" in records[fqdn]["content"]


def test_zone_is_looked_up_by_domain_not_created(aws_stacks):
    for doc in aws_stacks.values():
        assert "cloudflare_zone" not in doc["resource"]
        (zone,) = datas(doc, "cloudflare_zone")
        assert zone["filter"] == {"name": "tomoda.life"}
        (name,) = doc["data"]["cloudflare_zone"]
        zone_ref = f"${{data.cloudflare_zone.{name}.id}}"
        assert {r["zone_id"] for r in resources(doc, "cloudflare_dns_record")} == {zone_ref}


def test_every_cloudflare_record_is_dns_only(all_stacks):
    records = [r for doc in all_stacks.values() for r in resources(doc, "cloudflare_dns_record")]
    assert records and all(r["proxied"] is False for r in records)


def test_assets_cname_points_at_the_distribution(aws_stacks, estate):
    for name, doc in aws_stacks.items():
        (cname,) = [r for r in resources(doc, "cloudflare_dns_record")
                    if r["name"] == estate.tenants[name].hosts.assets]
        assert cname["type"] == "CNAME"
        assert ref(doc, "aws_cloudfront_distribution", "domain_name").strip("${}") in cname["content"]


def test_uploader_secret_container_per_tenant(aws_stacks, estate):
    for name, doc in aws_stacks.items():
        assert one(doc, "aws_secretsmanager_secret")["name"] == estate.tenants[name].cdn.uploader_secret
    assert one(aws_stacks["dev"], "aws_secretsmanager_secret")["name"] == "tomoda-s3-uploader-dev"


def test_uploads_are_versioned_and_replaced_versions_expire_after_30_days(aws_stacks):
    # The bucket also holds user-uploaded media: an overwrite or delete can be undone.
    for doc in aws_stacks.values():
        versioning = one(doc, "aws_s3_bucket_versioning")
        assert versioning["bucket"] == ref(doc, "aws_s3_bucket", "id")
        assert versioning["versioning_configuration"]["status"] == "Enabled"
        (rule,) = one(doc, "aws_s3_bucket_lifecycle_configuration")["rule"]
        assert rule["status"] == "Enabled"
        assert rule["noncurrent_version_expiration"] == [{"noncurrent_days": 30}]


def test_assets_are_served_with_the_managed_security_headers(aws_stacks):
    for doc in aws_stacks.values():
        behavior = one(doc, "aws_cloudfront_distribution")["default_cache_behavior"]
        (name,) = doc["data"]["aws_cloudfront_response_headers_policy"]
        assert behavior["response_headers_policy_id"] == \
            f"${{data.aws_cloudfront_response_headers_policy.{name}.id}}"
        (policy,) = datas(doc, "aws_cloudfront_response_headers_policy")
        assert policy["name"] == "Managed-SecurityHeadersPolicy"
