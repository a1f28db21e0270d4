"""The Postgres backup bucket (one for all tenants, one prefix each) and who may write it."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from constructs import Construct

from tomoda_model.model import Backups
from tomoda_tf.lifecycle import KEEP

if TYPE_CHECKING:
    from cdktf_cdktf_provider_google.service_account import ServiceAccount


class BackupBucket(Construct):
    """The lifecycle rule deletes objects `backups.lifecycle_days` old: later than Barman's
    own retention (which removes what falls out of the recovery window), so it never deletes
    the base backup the oldest point of the window needs."""

    def __init__(self, scope: Construct, id: str, *, backups: Backups, location: str,
                 writers: Iterable[tuple[str, "ServiceAccount"]]):
        super().__init__(scope, id)
        from cdktf_cdktf_provider_google.storage_bucket import (
            StorageBucket, StorageBucketLifecycleRule, StorageBucketLifecycleRuleAction,
            StorageBucketLifecycleRuleCondition)
        from cdktf_cdktf_provider_google.storage_bucket_iam_member import StorageBucketIamMember

        self.bucket = StorageBucket(
            self, "bucket", name=backups.bucket, location=location,
            uniform_bucket_level_access=True, public_access_prevention="enforced",
            lifecycle_rule=[StorageBucketLifecycleRule(
                action=StorageBucketLifecycleRuleAction(type="Delete"),
                condition=StorageBucketLifecycleRuleCondition(age=backups.lifecycle_days))],
            lifecycle=KEEP)
        # Bucket-level, not project-level: the backup account can touch nothing else.
        for gsa_id, gsa in sorted(writers, key=lambda kv: kv[0]):
            StorageBucketIamMember(self, f"writer-{gsa_id}", bucket=self.bucket.name,
                                   role="roles/storage.objectAdmin", member=gsa.member)
