"""A workload identity as the Kubernetes side sees it (the Terraform side derives from the
same model value: tomoda_tf.gcp.identity)."""
from __future__ import annotations

from dataclasses import dataclass

from .conventions import WI_ANNOTATION


@dataclass(frozen=True)
class Identity:
    """A workload identity as Kubernetes sees it: a service account and the GCP service
    account it impersonates (the Terraform side derives from the same model value)."""
    ksa: str
    namespace: str
    gsa_email: str

    @property
    def annotations(self) -> dict[str, str]:
        return {WI_ANNOTATION: self.gsa_email}

    def helm_values(self) -> dict:
        """The `serviceAccount` values block of charts that create their service account."""
        return {"create": True, "name": self.ksa, "annotations": self.annotations}
