"""The CloudNativePG operator: every tenant's Postgres Cluster needs it."""
from __future__ import annotations

from constructs import Construct

from tomoda_model import Estate

from .argo import helm_application
from .common import platform_file, resources


class CnpgOperator(Construct):
    def __init__(self, scope: Construct, id: str, *, estate: Estate):
        super().__init__(scope, id)
        chart = platform_file(self, "file", service="cloudnative-pg")
        self.application = helm_application(
            chart, "app", estate=estate, chart=estate.platform.charts["cloudnative-pg"],
            sync=estate.platform.sync, server_side_apply=True,
            values={
                "monitoring": {"podMonitorEnabled": True},
                "resources": resources("50m", "128Mi", cpu_limit="500m", memory_limit="256Mi"),
            })
