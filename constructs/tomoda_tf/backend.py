"""Remote state: one GCS bucket (created by hand before the first deploy), one prefix per stack."""
from __future__ import annotations

import cdktf

from tomoda_model import Estate


def remote_state(stack: cdktf.TerraformStack, estate: Estate) -> cdktf.GcsBackend:
    return cdktf.GcsBackend(stack, bucket=estate.state.bucket,
                            prefix=f"{estate.state.prefix}/{stack.node.id}")
