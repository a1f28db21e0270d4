"""Static assets: a private S3 bucket served only through its CloudFront distribution.

Two constructs, so the certificate's DNS validation can be written by any DNS provider:
`AssetsCertificate` asks ACM for the certificate and exposes the validation record it
wants; `AssetsCdn` takes the names of the records that were written and waits for them.
"""
from __future__ import annotations

from typing import Sequence

import cdktf
from constructs import Construct

from tomoda_tf.lifecycle import KEEP

# AWS-managed cache policy for static content (long TTLs, compression, no cookies/query).
CACHE_POLICY = "Managed-CachingOptimized"
HEADERS_POLICY = "Managed-SecurityHeadersPolicy"  # AWS-managed, same for every tenant


class AssetsCertificate(Construct):
    """ACM certificate for one host, in the region CloudFront reads certificates from."""

    def __init__(self, scope: Construct, id: str, *, domain: str, provider: cdktf.TerraformProvider):
        super().__init__(scope, id)
        from cdktf_cdktf_provider_aws.acm_certificate import AcmCertificate

        self.provider = provider
        self.certificate = AcmCertificate(
            self, "certificate", domain_name=domain, validation_method="DNS", provider=provider,
            # CloudFront must always hold a valid certificate while one is replaced.
            lifecycle=cdktf.TerraformResourceLifecycle(create_before_destroy=True))
        # One domain, so exactly one validation option (the bindings index the set via tolist).
        option = self.certificate.domain_validation_options.get(0)
        self.validation_name = option.resource_record_name
        self.validation_type = option.resource_record_type
        self.validation_value = option.resource_record_value


NONCURRENT_VERSION_DAYS = 30  # how long a replaced or deleted upload can be restored


class AssetsCdn(Construct):
    def __init__(self, scope: Construct, id: str, *, bucket: str, alias: str, price_class: str,
                 certificate: AssetsCertificate, validation_record_fqdns: Sequence[str]):
        super().__init__(scope, id)
        from cdktf_cdktf_provider_aws.acm_certificate_validation import AcmCertificateValidation
        from cdktf_cdktf_provider_aws.cloudfront_distribution import (
            CloudfrontDistribution, CloudfrontDistributionDefaultCacheBehavior,
            CloudfrontDistributionOrigin, CloudfrontDistributionRestrictions,
            CloudfrontDistributionRestrictionsGeoRestriction,
            CloudfrontDistributionViewerCertificate)
        from cdktf_cdktf_provider_aws.cloudfront_origin_access_control import (
            CloudfrontOriginAccessControl)
        from cdktf_cdktf_provider_aws.data_aws_cloudfront_cache_policy import (
            DataAwsCloudfrontCachePolicy)
        from cdktf_cdktf_provider_aws.data_aws_cloudfront_response_headers_policy import (
            DataAwsCloudfrontResponseHeadersPolicy)
        from cdktf_cdktf_provider_aws.data_aws_iam_policy_document import (
            DataAwsIamPolicyDocument, DataAwsIamPolicyDocumentStatement,
            DataAwsIamPolicyDocumentStatementCondition, DataAwsIamPolicyDocumentStatementPrincipals)
        from cdktf_cdktf_provider_aws.s3_bucket import S3Bucket
        from cdktf_cdktf_provider_aws.s3_bucket_lifecycle_configuration import (
            S3BucketLifecycleConfiguration, S3BucketLifecycleConfigurationRule,
            S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload,
            S3BucketLifecycleConfigurationRuleFilter,
            S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration)
        from cdktf_cdktf_provider_aws.s3_bucket_policy import S3BucketPolicy
        from cdktf_cdktf_provider_aws.s3_bucket_versioning import (
            S3BucketVersioningA, S3BucketVersioningVersioningConfiguration)
        from cdktf_cdktf_provider_aws.s3_bucket_public_access_block import (
            S3BucketPublicAccessBlock)

        self.bucket = S3Bucket(self, "bucket", bucket=bucket, lifecycle=KEEP)
        self.public_access_block = S3BucketPublicAccessBlock(
            self, "public-access-block", bucket=self.bucket.id,
            block_public_acls=True, block_public_policy=True,
            ignore_public_acls=True, restrict_public_buckets=True)
        # The bucket holds user-uploaded media (seed 003): an overwrite or a delete by the
        # uploader keeps the previous version for a grace period instead of losing it.
        self.versioning = S3BucketVersioningA(
            self, "versioning", bucket=self.bucket.id,
            versioning_configuration=S3BucketVersioningVersioningConfiguration(status="Enabled"))
        self.lifecycle = S3BucketLifecycleConfiguration(
            self, "lifecycle", bucket=self.bucket.id, depends_on=[self.versioning],
            rule=[S3BucketLifecycleConfigurationRule(
                id="expire-replaced-uploads", status="Enabled",
                filter=[S3BucketLifecycleConfigurationRuleFilter(prefix="")],
                noncurrent_version_expiration=[
                    S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration(
                        noncurrent_days=NONCURRENT_VERSION_DAYS)],
                abort_incomplete_multipart_upload=[
                    S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload(
                        days_after_initiation=7)])])

        self.validation = AcmCertificateValidation(
            self, "certificate-validation", provider=certificate.provider,
            certificate_arn=certificate.certificate.arn,
            validation_record_fqdns=list(validation_record_fqdns))

        self.oac = CloudfrontOriginAccessControl(
            self, "oac", name=bucket, description=f"CloudFront reads {bucket}",
            origin_access_control_origin_type="s3", signing_behavior="always",
            signing_protocol="sigv4")
        cache_policy = DataAwsCloudfrontCachePolicy(self, "cache-policy", name=CACHE_POLICY)
        # User uploads are served from a tomoda.life host: nosniff, HSTS, frame and XSS
        # headers keep an uploaded file from being interpreted as a page of ours.
        headers_policy = DataAwsCloudfrontResponseHeadersPolicy(
            self, "headers-policy", name=HEADERS_POLICY)
        origin_id = f"s3-{bucket}"
        self.distribution = CloudfrontDistribution(
            self, "distribution", enabled=True, is_ipv6_enabled=True, comment=alias,
            aliases=[alias], price_class=price_class, http_version="http2and3",
            origin=[CloudfrontDistributionOrigin(
                origin_id=origin_id, domain_name=self.bucket.bucket_regional_domain_name,
                origin_access_control_id=self.oac.id)],
            default_cache_behavior=CloudfrontDistributionDefaultCacheBehavior(
                target_origin_id=origin_id, viewer_protocol_policy="redirect-to-https",
                allowed_methods=["GET", "HEAD", "OPTIONS"], cached_methods=["GET", "HEAD"],
                cache_policy_id=cache_policy.id, compress=True,
                response_headers_policy_id=headers_policy.id),
            restrictions=CloudfrontDistributionRestrictions(
                geo_restriction=CloudfrontDistributionRestrictionsGeoRestriction(
                    restriction_type="none")),
            # The validated ARN, so the distribution is only created once the cert is issued.
            viewer_certificate=CloudfrontDistributionViewerCertificate(
                acm_certificate_arn=self.validation.certificate_arn,
                ssl_support_method="sni-only", minimum_protocol_version="TLSv1.2_2021"))

        policy = DataAwsIamPolicyDocument(self, "read-by-distribution", statement=[
            DataAwsIamPolicyDocumentStatement(
                sid="CloudFrontReadsThroughOAC", effect="Allow", actions=["s3:GetObject"],
                resources=[f"{self.bucket.arn}/*"],
                principals=[DataAwsIamPolicyDocumentStatementPrincipals(
                    type="Service", identifiers=["cloudfront.amazonaws.com"])],
                condition=[DataAwsIamPolicyDocumentStatementCondition(
                    test="StringEquals", variable="AWS:SourceArn",
                    values=[self.distribution.arn])]),
        ])
        # After the public access block: a policy put first could briefly be public.
        self.policy = S3BucketPolicy(self, "policy", bucket=self.bucket.id, policy=policy.json,
                                     depends_on=[self.public_access_block])
