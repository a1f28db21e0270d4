"""Argo CD Applications, typed: one helper for Helm releases, one for git directories.

Shared by the platform tier, the bootstrap and the tenant tiers, so that every Application
in dist/ has the same shape (project, destination, retry, sync options).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional, Sequence

import cdk8s
from constructs import Construct

from imports.io.argoproj import (
    Application,
    ApplicationSpec,
    ApplicationSpecDestination,
    ApplicationSpecIgnoreDifferences,
    ApplicationSpecSource,
    ApplicationSpecSourceDirectory,
    ApplicationSpecSourceHelm,
    ApplicationSpecSyncPolicy,
    ApplicationSpecSyncPolicyAutomated,
    ApplicationSpecSyncPolicyRetry,
    ApplicationSpecSyncPolicyRetryBackoff,
)
from tomoda_model.model import HelmChart, SyncPolicy

from .conventions import CASCADE_FINALIZER, CRD_PENDING_OPTIONS, KEEP_OPTIONS, SYNC_OPTIONS

IN_CLUSTER = "https://kubernetes.default.svc"
RETRY_FOREVER = -1  # Argo CD: a negative limit retries without end (controller/appcontroller.go)
RETRY_CAP = "3m"
PROJECT = "default"

# Stateful objects: Argo CD never prunes them, nor deletes them with their Application.
KEEP_ANNOTATION = {SYNC_OPTIONS: KEEP_OPTIONS}

# Custom resources whose CRD a sibling Application installs: the first sync of the parent
# must not fail its dry run before that CRD exists; the retry below picks them up later.
CRD_PENDING_ANNOTATION = {SYNC_OPTIONS: CRD_PENDING_OPTIONS}


@dataclass(frozen=True)
class ArgoTarget:
    """Where every Application lives and what it syncs: Argo CD's namespace and the GitOps
    repository (its URL, branch and the folder dist/ sits in), and the cluster it deploys to:
    `cluster` names a cluster Secret of Argo CD (None: Argo CD's own cluster); `prefix`
    starts the name of every Application (so that the platform Applications of two
    clusters never share a name; Helm release names do not change)."""
    namespace: str
    repo_url: str
    branch: str
    dist_path: str
    cluster: Optional[str] = None
    prefix: str = ""

    def destination(self, namespace: str) -> ApplicationSpecDestination:
        if self.cluster is None:
            return ApplicationSpecDestination(server=IN_CLUSTER, namespace=namespace)
        return ApplicationSpecDestination(name=self.cluster, namespace=namespace)

    def on(self, cluster: Optional[str], prefix: str = "") -> "ArgoTarget":
        """The same Argo CD and repository, deploying to `cluster`."""
        return ArgoTarget(self.namespace, self.repo_url, self.branch, self.dist_path,
                          cluster, prefix)

    def repo_path(self, dist_relative: str) -> str:
        """Path inside the GitOps repo (what an Application's `path` names)."""
        return f"{self.dist_path}/{dist_relative}"


def sync_policy(policy: SyncPolicy, *options: str) -> ApplicationSpecSyncPolicy:
    """The model's policy, retrying without end.

    Waves order a first sync (waves.py), but some waits are outside Argo CD's view: a secret
    value not yet added to Secret Manager, a node pool still scaling up. Argo CD 2.13 never
    retries a revision whose retries are spent, so a finite budget can strand a cold start;
    `limit: -1` retries until it converges, every RETRY_CAP at most.
    """
    automated = (ApplicationSpecSyncPolicyAutomated(prune=policy.prune, self_heal=policy.self_heal)
                 if policy.automated else None)
    return ApplicationSpecSyncPolicy(
        automated=automated,
        sync_options=list(options) or None,
        retry=ApplicationSpecSyncPolicyRetry(
            limit=RETRY_FOREVER,
            backoff=ApplicationSpecSyncPolicyRetryBackoff(duration="10s", factor=2,
                                                          max_duration=RETRY_CAP)),
    )


def application(scope: Construct, id: str, *, argo: ArgoTarget, name: str, namespace: str,
                source: ApplicationSpecSource, sync: SyncPolicy, options: Sequence[str] = (),
                annotations: Optional[Mapping[str, str]] = None, cascade_delete: bool = True,
                ignore_differences: Optional[Sequence[ApplicationSpecIgnoreDifferences]] = None,
                ) -> Application:
    """The one shape of every Application in dist/: in Argo CD's namespace, project and
    cluster, the model's sync policy plus `options`.

    `cascade_delete` adds the resources finalizer: deleting the Application then deletes
    what it synced (objects annotated Delete=false excepted).
    """
    return Application(
        scope, id,
        metadata=cdk8s.ApiObjectMetadata(
            name=argo.prefix + name, namespace=argo.namespace,
            annotations=dict(annotations) if annotations else None,
            finalizers=[CASCADE_FINALIZER] if cascade_delete else None),
        spec=ApplicationSpec(
            project=PROJECT,
            destination=argo.destination(namespace),
            source=source,
            ignore_differences=list(ignore_differences) if ignore_differences else None,
            sync_policy=sync_policy(sync, *options)))


def helm_application(scope: Construct, id: str, *, argo: ArgoTarget, chart: HelmChart,
                     values: Mapping[str, Any], sync: SyncPolicy, release: Optional[str] = None,
                     server_side_apply: bool = False, cascade_delete: bool = True,
                     annotations: Optional[Mapping[str, str]] = None) -> Application:
    """An Application installing `chart` at its exact pinned version with inline values.

    Values are inline (`helm.valuesObject`) rather than a values file: the tier Application
    recurses its whole directory and would apply a values file as a manifest.
    `cascade_delete` (default): deleting the Application uninstalls the release; a data store's
    release sets it False, so deleting its Application by mistake orphans the running store.
    """
    name = release or chart.chart
    options = ["CreateNamespace=true"] + (["ServerSideApply=true"] if server_side_apply else [])
    return application(
        scope, id, argo=argo, name=name, namespace=chart.namespace, sync=sync,
        options=options, annotations=annotations, cascade_delete=cascade_delete,
        source=ApplicationSpecSource(
            repo_url=chart.repo_url, chart=chart.chart, target_revision=chart.version,
            helm=ApplicationSpecSourceHelm(release_name=name, values_object=dict(values))))


def directory_application(scope: Construct, id: str, *, argo: ArgoTarget, name: str, path: str,
                          namespace: str, sync: SyncPolicy, options: Sequence[str] = (),
                          cascade_delete: bool = False, recurse: bool = True,
                          annotations: Optional[Mapping[str, str]] = None) -> Application:
    """An Application syncing every manifest under `path` (relative to dist/) of the GitOps repo
    (only the files directly in it when not `recurse`).

    `cascade_delete` adds the resources finalizer: deleting the Application then deletes
    what it synced (objects annotated Delete=false excepted).
    """
    return application(
        scope, id, argo=argo, name=name, namespace=namespace, sync=sync, options=options,
        cascade_delete=cascade_delete, annotations=annotations,
        source=ApplicationSpecSource(
            repo_url=argo.repo_url, target_revision=argo.branch, path=argo.repo_path(path),
            directory=ApplicationSpecSourceDirectory(recurse=recurse)))
