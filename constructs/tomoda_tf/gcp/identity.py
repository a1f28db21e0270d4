"""Workload Identity: GCP service accounts that Kubernetes service accounts impersonate.

Every binding, whether for a platform operator or a tenant's Postgres backups, goes through
this one construct, and the member string comes from `Estate.wi_member`, the same value the
Kubernetes layer uses for its annotations. `cluster` is the GKE cluster whose Workload Identity
pool the members live in.
"""
from __future__ import annotations

from typing import Callable, Iterable

from constructs import Construct

from tomoda_model.model import WorkloadIdentity


class WorkloadIdentities(Construct):
    """One GSA per identity in `project`, its project roles, and its Workload Identity
    binding to the KSA `member(wi)` names (the model's one rule, `Estate.wi_member`)."""

    def __init__(self, scope: Construct, id: str, *, project: str,
                 member: Callable[[WorkloadIdentity], str],
                 identities: Iterable[WorkloadIdentity], cluster):
        super().__init__(scope, id)
        from cdktf_cdktf_provider_google.project_iam_member import ProjectIamMember
        from cdktf_cdktf_provider_google.service_account import ServiceAccount
        from cdktf_cdktf_provider_google.service_account_iam_member import ServiceAccountIamMember

        self.accounts: dict[str, ServiceAccount] = {}
        granted: set[tuple[str, str]] = set()
        for wi in sorted(set(identities), key=lambda w: (w.gsa, w.namespace, w.ksa)):
            gsa = self.accounts.get(wi.gsa)
            if gsa is None:
                gsa = self.accounts[wi.gsa] = ServiceAccount(
                    self, wi.gsa, account_id=wi.gsa, display_name=wi.gsa,
                    description="Impersonated through Workload Identity (tomoda)")
            for role in wi.roles:
                if (wi.gsa, role) not in granted:
                    granted.add((wi.gsa, role))
                    ProjectIamMember(self, f"{wi.gsa}-{role.split('/')[-1]}",
                                     project=project, role=role,
                                     member=gsa.member)
            ServiceAccountIamMember(self, f"{wi.gsa}-wi-{wi.namespace}-{wi.ksa}",
                                    service_account_id=gsa.name,
                                    role="roles/iam.workloadIdentityUser",
                                    member=member(wi),
                                    # The identity pool exists only once the cluster with
                                    # Workload Identity does; the member string cannot say so.
                                    depends_on=[cluster])

    def account(self, wi: WorkloadIdentity):
        return self.accounts[wi.gsa]
