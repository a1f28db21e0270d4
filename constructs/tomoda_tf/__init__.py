"""Terraform construct library (cdktf). Stacks are pure functions of the cloud view of the model.

Import provider resources from their submodules only (e.g.
`from cdktf_cdktf_provider_aws.s3_bucket import S3Bucket`), after
`tomoda_build.bindings.lazy_providers()`; never `import cdktf_cdktf_provider_aws` itself.
"""
