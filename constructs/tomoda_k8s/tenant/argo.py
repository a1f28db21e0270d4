"""Sync annotations of the tenant tier's objects, and the app's (Kustomize) Application.

The Application shape, sync policy and retry are the platform's (`platform/argo.py`), so
that every Application in dist/ looks the same.
"""
from __future__ import annotations

from typing import Mapping, Optional

from constructs import Construct
from imports.io.argoproj import (
    Application,
    ApplicationSpecIgnoreDifferences,
    ApplicationSpecSource,
)

from tomoda_model import SyncPolicy

from ..conventions import SYNC_OPTIONS
from ..argo import (
    CRD_PENDING_ANNOTATION,
    ArgoTarget,
    application,
    KEEP_ANNOTATION,
)



def sync_annotations(*, keep: bool = False, crd: bool = False) -> dict[str, str]:
    """`argocd.argoproj.io/sync-options` of one object.

    `keep`: the object owns data. Every tenant, whatever its prune policy, keeps it when it
    leaves git or when the tier's Application is deleted; deleting data is a deliberate
    second step by hand. `crd`: its CRD comes from a platform chart, so a first sync must
    not fail its dry run before that chart is installed.
    """
    options = ([KEEP_ANNOTATION[SYNC_OPTIONS]] if keep else []) + \
              ([CRD_PENDING_ANNOTATION[SYNC_OPTIONS]] if crd else [])
    return {SYNC_OPTIONS: ",".join(options)} if options else {}


def source_application(scope: Construct, id: str, *, argo: ArgoTarget, name: str, namespace: str,
                       source: ApplicationSpecSource, sync: SyncPolicy,
                       annotations: Optional[Mapping[str, str]] = None,
                       hpa_owns_replicas: bool = False) -> Application:
    """An Application of any source type; deleting it deletes what it deployed.

    `hpa_owns_replicas`: the Deployments' `replicas` is only the initial size; the HPA owns
    it afterwards, so Argo CD must neither report it as drift nor self-heal it back.
    """
    ignore = ([ApplicationSpecIgnoreDifferences(group="apps", kind="Deployment",
                                                json_pointers=["/spec/replicas"])]
              if hpa_owns_replicas else None)
    options = ("RespectIgnoreDifferences=true",) if hpa_owns_replicas else ()
    return application(scope, id, argo=argo, name=name, namespace=namespace, source=source,
                       sync=sync, options=options, annotations=annotations,
                       ignore_differences=ignore)
