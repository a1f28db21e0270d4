"""AWS constructs of the `aws-<tenant>` stacks (kept apart from Cloudflare so they validate alone)."""
