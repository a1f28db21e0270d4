"""Photon geocoder: one shared instance serving both tenants from a read-only planet index.

The index tarball is read over plain HTTPS from a public bucket that is deliberately not
Terraform-managed (a `terraform destroy` must never delete the ~$500 index). With FILE_URL
set, the image downloads that file once and disables its own periodic updates.

Its manifests live in their own directory, synced by their own Application (`photon`, in the
platform tier's last wave): the first start downloads and unpacks the index for hours, and
nothing else waits for it - the Application carries the health gate annotation, so the
platform tier (and the tenants after it) count it healthy once it is synced.

The image (rtuszik/photon-docker 2.1.1) starts `/bin/sh entrypoint.sh`, which re-owns /photon
and ends with `exec gosu photon "$@"`; gosu's setgroups needs CAP_SETGID even when the user
does not change, so as uid 9011 with every capability dropped it exits ("failed switching to
'photon'"). The pod already runs as the image's photon user, so the container runs the
image's CMD itself (`uv run --no-sync -m src.process_manager`, which is what the entrypoint
would exec): the same startup, no user switch, no capability.
"""
from __future__ import annotations

from typing import Optional, Sequence

from cdk8s_plus_28 import k8s
from constructs import Construct

from tomoda_model.model import Photon as PhotonModel, SyncPolicy

from .. import layout, security
from ..base import OutputChart, PublishedEndpoint, ServiceEndpoint
from ..conventions import HEALTH_GATE, HEALTH_GATE_SYNC_ONLY
from ..netpol import Addresses, AnyNamespace, Rule, admit
from ..resources import Resources
from ..argo import KEEP_ANNOTATION, ArgoTarget, directory_application
from .common import platform_file
from .props import PhotonReach

NAME = "photon"
INDEXER = "photon-indexer"
DATA_DIR = "/photon/data"
PHOTON_UID = 9011  # the image's photon user (Dockerfile: ARG PUID=9011, home /photon)
PHOTON_HOME = "/photon"  # the image's WORKDIR: the uv project and its .venv
# The image's CMD, run without its entrypoint (which would switch user with gosu).
SERVER_COMMAND = ["uv", "run", "--no-sync", "-m", "src.process_manager"]
# The first start downloads and unpacks the index (hours): the rollout counts as progressing
# for as long as the startup probe allows, not Kubernetes' default 10 minutes.
STARTUP_PERIOD_SECONDS = 60
STARTUP_FAILURES = 720  # 12 h
NOMINATIM_HOST = "nominatim"
# GKE: a LoadBalancer Service with this annotation is an internal passthrough load balancer
# (an address of the VPC, reachable from the other clusters' pods, not from the internet).
INTERNAL_LB = {"networking.gke.io/load-balancer-type": "Internal"}  # in-cluster Nominatim, not provisioned yet (indexer suspended)


def index_url(p: PhotonModel) -> str:
    return f"https://storage.googleapis.com/{p.index_bucket}/{p.index_object}"


def _pod_security() -> k8s.PodSecurityContext:
    # OnRootMismatch: a 200 GB index is not re-owned on every mount.
    return security.pod_security(PHOTON_UID, fs_group_change_policy="OnRootMismatch")


# Read-only root: the index and OpenSearch's files go to the data volume, uv's cache
# (UV_CACHE_DIR), its lock and Java's temporary files to the /tmp emptyDir.
SCRATCH = "/tmp"
SCRATCH_SIZE = "2Gi"
# uv's default cache is $HOME/.cache/uv under the (read-only) image root.
UV_CACHE_DIR = f"{SCRATCH}/uv-cache"
# The process manager waits up to 30 s for Java to stop, then 2 s more.
GRACE_SECONDS = 60


def _scratch_volume() -> k8s.Volume:
    return k8s.Volume(name="tmp", empty_dir=k8s.EmptyDirVolumeSource(
        size_limit=k8s.Quantity.from_string(SCRATCH_SIZE)))


def _resources(p: PhotonModel) -> k8s.ResourceRequirements:
    return Resources("250m", p.memory_limit, cpu_limit=p.cpu_limit,
                     memory_limit=p.memory_limit).requirements()


class Photon(Construct):
    endpoint: ServiceEndpoint

    """The model's Photon (`p`), its Application in the platform tier (`argo`, `sync`),
    reachable from the `tenant_namespaces` only; `.endpoint` is its Service."""

    def __init__(self, scope: Construct, id: str, *, p: PhotonModel, argo: ArgoTarget,
                 sync: SyncPolicy, tenant_namespaces: Sequence[str],
                 reach: Optional[PhotonReach] = None):
        super().__init__(scope, id)
        directory = f"{layout.APPS}/{NAME}"
        self.application = directory_application(
            platform_file(self, "app", service="photon"), "application", argo=argo,
            name=NAME, path=directory, namespace=p.namespace,
            sync=sync, annotations={HEALTH_GATE: HEALTH_GATE_SYNC_ONLY})
        chart = OutputChart(self, "file", output_path=f"{directory}/{NAME}.yaml")
        labels = {"app": NAME}
        image = f"{p.image}:{p.tag}"
        meta = lambda name, **kw: k8s.ObjectMeta(name=name, namespace=p.namespace, labels=labels, **kw)  # noqa: E731

        self.pvc = k8s.KubePersistentVolumeClaim(
            chart, "data",
            # The index takes hours to download: never pruned, never deleted with the tier.
            metadata=meta(f"{NAME}-data",
                          annotations=KEEP_ANNOTATION),
            spec=k8s.PersistentVolumeClaimSpec(
                access_modes=["ReadWriteOnce"],
                resources=k8s.ResourceRequirements(
                    requests={"storage": k8s.Quantity.from_string(p.storage)})))

        status = k8s.HttpGetAction(path="/status", port=k8s.IntOrString.from_number(p.port))
        self.deployment = k8s.KubeDeployment(
            chart, "deployment",
            metadata=meta(NAME),
            spec=k8s.DeploymentSpec(
                replicas=1,
                progress_deadline_seconds=STARTUP_PERIOD_SECONDS * STARTUP_FAILURES,
                strategy=k8s.DeploymentStrategy(type="Recreate"),  # one RWO volume
                selector=k8s.LabelSelector(match_labels=labels),
                template=k8s.PodTemplateSpec(
                    metadata=k8s.ObjectMeta(labels=labels),
                    spec=k8s.PodSpec(
                        security_context=_pod_security(),
                        automount_service_account_token=False,
                        containers=[k8s.Container(
                            name=NAME, image=image, image_pull_policy="IfNotPresent",
                            command=SERVER_COMMAND, working_dir=PHOTON_HOME,
                            ports=[k8s.ContainerPort(name="http", container_port=p.port)],
                            # FILE_URL also disables the image's own updates (src/utils/config.py).
                            env=[k8s.EnvVar(name="FILE_URL", value=index_url(p)),
                                 k8s.EnvVar(name="UV_CACHE_DIR", value=UV_CACHE_DIR)],
                            volume_mounts=[k8s.VolumeMount(name="data", mount_path=DATA_DIR),
                                           k8s.VolumeMount(name="tmp", mount_path=SCRATCH)],
                            resources=_resources(p),
                            security_context=security.container_security(),
                            # First start downloads and unpacks the index: allow up to 12 h.
                            startup_probe=k8s.Probe(http_get=status,
                                                    period_seconds=STARTUP_PERIOD_SECONDS,
                                                    failure_threshold=STARTUP_FAILURES),
                            readiness_probe=k8s.Probe(http_get=status, period_seconds=10),
                            liveness_probe=k8s.Probe(http_get=status, period_seconds=30,
                                                     failure_threshold=5),
                        )],
                        termination_grace_period_seconds=GRACE_SECONDS,
                        volumes=[k8s.Volume(name="data", persistent_volume_claim=k8s.PersistentVolumeClaimVolumeSource(
                            claim_name=self.pvc.name)), _scratch_volume()],
                    )),
            ))

        self.service = k8s.KubeService(
            chart, "service",
            metadata=meta(NAME),
            spec=k8s.ServiceSpec(
                type="ClusterIP", selector=labels,
                ports=[k8s.ServicePort(name="http", port=p.port,
                                       target_port=k8s.IntOrString.from_string("http"))]))
        self.endpoint = ServiceEndpoint.of(self.service, p.port)
        self.published: Optional[PublishedEndpoint] = None
        peers: tuple = (AnyNamespace(tuple(sorted(tenant_namespaces))),)
        if reach is not None and reach.clients:
            # Tenants on other clusters: an internal load balancer at the model's address.
            # `Local` keeps the client's address (a Pod of the VPC), which the policy admits.
            self.published_service = k8s.KubeService(
                chart, "published",
                metadata=meta(f"{NAME}-published", annotations=INTERNAL_LB),
                spec=k8s.ServiceSpec(
                    type="LoadBalancer", selector=labels, load_balancer_ip=reach.address,
                    external_traffic_policy="Local",
                    ports=[k8s.ServicePort(name="http", port=p.port,
                                           target_port=k8s.IntOrString.from_string("http"))]))
            self.published = PublishedEndpoint(reach.address, p.port)
            peers += (Addresses(reach.clients),)

        # Only the tenants' backends geocode; the indexer takes no traffic at all.
        self.network_policy = admit(chart, "policy", name=f"{NAME}-policy",
                                    namespace=p.namespace, labels=labels, pods=labels,
                                    rules=[Rule(peers, (p.port,))])
        self.indexer_policy = admit(chart, "indexer-policy", name=f"{INDEXER}-policy",
                                    namespace=p.namespace, labels={"app": INDEXER},
                                    pods={"app": INDEXER}, rules=[])

        # Rebuilding the planet index needs a Nominatim database that is not provisioned;
        # rebuilds run on a large VM (scripts/photon-index-local.sh). Kept, suspended, so
        # the job exists for the day Nominatim lands.
        self.indexer = k8s.KubeCronJob(
            chart, "indexer",
            metadata=k8s.ObjectMeta(name=INDEXER, namespace=p.namespace, labels={"app": INDEXER}),
            spec=k8s.CronJobSpec(
                schedule="0 2 1 * *", suspend=True, concurrency_policy="Forbid",
                job_template=k8s.JobTemplateSpec(spec=k8s.JobSpec(
                    backoff_limit=0,
                    template=k8s.PodTemplateSpec(
                        metadata=k8s.ObjectMeta(labels={"app": INDEXER}),
                        spec=k8s.PodSpec(
                            restart_policy="Never",
                            security_context=_pod_security(),
                            automount_service_account_token=False,
                            containers=[k8s.Container(
                                name=INDEXER, image=image, image_pull_policy="IfNotPresent",
                                command=["java", "-jar", "/photon/photon.jar", "import",
                                         "-host", f"{NOMINATIM_HOST}.{p.namespace}.svc.cluster.local",
                                         "-data-dir", DATA_DIR],
                                volume_mounts=[k8s.VolumeMount(name="scratch", mount_path=DATA_DIR),
                                               k8s.VolumeMount(name="tmp", mount_path=SCRATCH)],
                                resources=_resources(p),
                                security_context=security.container_security())],
                            volumes=[k8s.Volume(name="scratch", empty_dir=k8s.EmptyDirVolumeSource(
                                size_limit=k8s.Quantity.from_string(p.storage))), _scratch_volume()],
                        ))))))
