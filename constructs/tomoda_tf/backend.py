"""Remote state: one GCS bucket (created by hand before the first deploy), one prefix per stack."""
from __future__ import annotations

import cdktf

from tomoda_model.model import StateBackend


def remote_state(stack: cdktf.TerraformStack, state: StateBackend) -> cdktf.GcsBackend:
    return cdktf.GcsBackend(stack, bucket=state.bucket, prefix=f"{state.prefix}/{stack.node.id}")
