"""Lifecycle settings shared by every stateful resource."""
from __future__ import annotations

import cdktf

# Losing any of these loses data or breaks every workload; destroying one must take an
# explicit edit, never a stray `terraform destroy` or a rename.
KEEP = cdktf.TerraformResourceLifecycle(prevent_destroy=True)
