"""The Google APIs a stack needs, derived from the resources it declares, enabled before them.

A fresh project serves almost nothing: creating a GKE cluster before container.googleapis.com
is enabled fails the apply. So the `gcp` stack enables every API its resources use (one
`google_project_service` per API, never disabled on destroy: other tools may use it) and
every resource depends on the API that serves it. The table below is the rule; `make check`
(wiring) uses it to prove that every Google resource of every stack has its API enabled.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Optional

if TYPE_CHECKING:  # the table is read by `make lint` too, which must not load jsii (~0.6 s)
    import cdktf

# Resource type prefix -> the API that serves it (longest prefix wins).
API_BY_PREFIX = {
    "google_artifact_registry_": "artifactregistry.googleapis.com",
    "google_cloudbuild_": "cloudbuild.googleapis.com",
    "google_compute_": "compute.googleapis.com",
    "google_container_": "container.googleapis.com",
    "google_project_iam_": "cloudresourcemanager.googleapis.com",
    "google_secret_manager_": "secretmanager.googleapis.com",
    "google_service_account": "iam.googleapis.com",
    "google_storage_": "storage.googleapis.com",
}
# Used at run time rather than by a resource: Workload Identity exchanges a Kubernetes token
# for a Google one (STS), then impersonates the GSA (IAM credentials); GKE nodes write logs
# and metrics.
RUNTIME_APIS = ("iamcredentials.googleapis.com", "logging.googleapis.com",
                "monitoring.googleapis.com", "sts.googleapis.com")
# Needed to enable the others, so it cannot be enabled here: on in every new project
# (README "Deploy a stack").
SERVICE_USAGE = "serviceusage.googleapis.com"


def api_of(resource_type: str) -> Optional[str]:
    matches = [p for p in API_BY_PREFIX if resource_type.startswith(p)]
    return API_BY_PREFIX[max(matches, key=len)] if matches else None


def _resources(stack: "cdktf.TerraformStack") -> "list[cdktf.TerraformResource]":
    import cdktf
    return [c for c in stack.node.find_all() if isinstance(c, cdktf.TerraformResource)]


def enable_apis(stack: "cdktf.TerraformStack", project: str,
                extra: Iterable[str] = RUNTIME_APIS) -> "dict[str, cdktf.TerraformResource]":
    """Enable every API the stack's resources use (plus `extra`); call after the last resource."""
    from cdktf_cdktf_provider_google.project_service import ProjectService

    resources = _resources(stack)
    needed = {api_of(r.terraform_resource_type) for r in resources} - {None}
    services = {
        api: ProjectService(stack, f"api-{api.split('.')[0]}", project=project, service=api,
                            disable_on_destroy=False, disable_dependent_services=False)
        for api in sorted(needed | set(extra))
    }
    for r in resources:
        api = api_of(r.terraform_resource_type)
        if api is not None:
            svc = services[api]
            r.depends_on = list(r.depends_on or []) + [
                f"{svc.terraform_resource_type}.{svc.friendly_unique_id}"]
    return services
