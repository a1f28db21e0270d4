"""The CloudNativePG operator and its Barman Cloud plugin: every tenant's Postgres needs them.

The plugin (chart plugin-barman-cloud) takes backups and archives WAL for the Clusters that
name it (tenant/backup.py). It must run in the operator's namespace - CNPG only discovers
plugin Services there - and it needs cert-manager: its gRPC TLS comes from a self-signed
Issuer and two Certificates it renders (chart_facts: it requires cert-manager.io, so its sync
wave follows cert-manager's).
"""
from __future__ import annotations

from constructs import Construct

from tomoda_model.model import HelmChart

from ..resources import Resources
from .kit import HelmService, ServiceProps


class CnpgOperator(HelmService):
    """The operator, and `plugin` (the Barman Cloud chart) installed beside it in one file."""

    def __init__(self, scope: Construct, id: str, *, props: ServiceProps, plugin: HelmChart):
        super().__init__(scope, id, props=props)
        self.install(
            server_side_apply=True,
            values={
                "monitoring": {"podMonitorEnabled": True},
                "resources": Resources("50m", "128Mi", cpu_limit="500m", memory_limit="256Mi").values(),
            })
        self.barman_cloud = self.install(
            id="barman-cloud", chart=plugin,
            values={
                "resources": Resources("10m", "64Mi", cpu_limit="200m", memory_limit="256Mi").values(),
            })
