"""Cloud Build triggers of one tenant: one per half of the app (backend, frontend).

The tenant's trigger kind decides the event: `push` builds every merge to main (paths
filtered to the half, manual approval), `release` builds semver tags (auto-approved).
"""
from __future__ import annotations

from urllib.parse import urlparse

from constructs import Construct

from tomoda_model import Tenant
from tomoda_model.model import Build, Images, TriggerKind

PUSH_BRANCH = "^main$"
RELEASE_TAG = r"^v[0-9]+\.[0-9]+\.[0-9]+$"


def github_repo(url: str) -> tuple[str, str]:
    """(owner, name) of a GitHub repository URL."""
    parsed = urlparse(url)
    if parsed.netloc != "github.com":
        raise ValueError(f"app_repo must be a github.com repository, got {url!r}")
    owner, name = parsed.path.strip("/").removesuffix(".git").split("/")
    return owner, name


def trigger_name(tenant: Tenant, half: str) -> str:
    return tenant.build.trigger_name(half)  # the model's rule (make tenant prints it too)


def substitutions(tenant: Tenant, half: str, registry: str, images: Images) -> dict[str, str]:
    subs = {
        "_REGISTRY": registry,
        "_IMAGE": getattr(images, half),
    }
    if half == "frontend":  # baked into the static bundle at build time
        subs["_API_URL"] = f"https://{tenant.hosts.api}"
        subs["_GOOGLE_WEB_CLIENT_ID"] = tenant.build.google_web_client_id
    return subs


class BuildTriggers(Construct):
    """The tenant's triggers: build `app_repo` into `registry` (its path), as `images`."""
    HALVES = Build.HALVES

    def __init__(self, scope: Construct, id: str, *, tenant: Tenant, app_repo: str,
                 registry: str, images: Images):
        super().__init__(scope, id)
        from cdktf_cdktf_provider_google.cloudbuild_trigger import (
            CloudbuildTrigger, CloudbuildTriggerApprovalConfig, CloudbuildTriggerGithub,
            CloudbuildTriggerGithubPush)

        owner, repo = github_repo(app_repo)
        push = tenant.build.trigger is TriggerKind.PUSH
        self.triggers = []
        for half in self.HALVES:
            event = (CloudbuildTriggerGithubPush(branch=PUSH_BRANCH) if push
                     else CloudbuildTriggerGithubPush(tag=RELEASE_TAG))
            self.triggers.append(CloudbuildTrigger(
                self, half, name=trigger_name(tenant, half),
                description=f"{half} images for tenant {tenant.name}",
                github=CloudbuildTriggerGithub(owner=owner, name=repo, push=event),
                filename=f"cloudbuild-{half}.yaml",
                # A merge that touches only the other half (or docs) builds nothing.
                included_files=[f"{half}/**", f"cloudbuild-{half}.yaml"] if push else None,
                approval_config=CloudbuildTriggerApprovalConfig(approval_required=push),
                substitutions=substitutions(tenant, half, registry, images)))
