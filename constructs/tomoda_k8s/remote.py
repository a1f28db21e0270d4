"""A tier on another cluster than Argo CD's: its Applications stay with Argo CD, its objects
go to the cluster, wave by wave.

An Application has one destination. A tier Application on Argo CD's cluster can hold the
tier's Applications (chart releases, the app) but not the tier's own objects, which belong
to the remote cluster; one Application for all of them would lose the order between them
and the charts (a ClusterIssuer after cert-manager's CRDs). So the tier directory keeps its
Applications, and each sync wave `w` of its other objects moves to
`k8s/clusters/<cluster>/<tier>/wave-<w>/`, synced by an Application `<tier>-wave-<w>` in
wave `w` of the tier that deploys to the cluster. The tier waits for each (the Application
health check), so the first sync runs in the order waves.py derived, on the right cluster.
"""
from __future__ import annotations

from pathlib import PurePosixPath

import cdk8s
from constructs import Construct

from tomoda_model import SyncPolicy

from . import layout
from .argo import ArgoTarget, directory_application
from .base import OutputChart, output_charts
from .conventions import SYNC_WAVE

ARGO_KINDS = {("argoproj.io/v1alpha1", "Application")}


def _wave(doc: dict) -> int:
    return int(((doc.get("metadata") or {}).get("annotations") or {}).get(SYNC_WAVE, "0"))


def _stays(doc: dict) -> bool:
    """Applications stay with Argo CD; everything else goes to the cluster."""
    return (doc.get("apiVersion"), doc.get("kind")) in ARGO_KINDS


class RemoteTier(Construct):
    """Routes the objects of `tier` (already waved) to `argo.cluster`, one Application per
    wave (`sync`, `cascade_delete` as the tier's), in `namespace` by default."""

    def __init__(self, scope: Construct, id: str, *, app: cdk8s.App, tier: str, argo: ArgoTarget,
                 namespace: str, sync: SyncPolicy, cascade_delete: bool):
        super().__init__(scope, id)
        if argo.cluster is None:
            raise ValueError(f"tier {tier}: a remote tier needs a cluster to deploy to")
        cluster = argo.cluster
        prefix = layout.tier_dir(tier) + "/"
        waves: set[int] = set()
        for path, chart in output_charts(app):
            if not path.startswith(prefix):
                continue
            name = PurePosixPath(path).name

            def route(doc: dict, _path=path, _name=name) -> str:
                if _stays(doc):
                    return _path
                return f"{layout.wave_dir(cluster, tier, _wave(doc))}/{_name}"

            chart.route = route
            waves |= {_wave(d) for d in chart.to_json() if not _stays(d)}
        chart = OutputChart(self, "waves", output_path=f"{prefix}waves.yaml")
        self.applications = {
            wave: directory_application(
                chart, f"wave-{wave}", argo=argo.on(cluster), name=f"{tier}-wave-{wave}",
                path=layout.wave_dir(cluster, tier, wave), namespace=namespace, sync=sync,
                cascade_delete=cascade_delete, annotations={SYNC_WAVE: str(wave)})
            for wave in sorted(waves)}
