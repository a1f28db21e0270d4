"""Photon geocoder: one shared instance serving both tenants from a read-only planet index.

The index tarball is read over plain HTTPS from a public bucket that is deliberately not
Terraform-managed (a `terraform destroy` must never delete the ~$500 index). With FILE_URL
set, the image downloads that file once and disables its own periodic updates.
"""
from __future__ import annotations

from cdk8s_plus_28 import k8s
from constructs import Construct

from tomoda_model import Estate

from ..base import ServiceEndpoint
from .argo import KEEP_ANNOTATION
from .common import platform_file

NAME = "photon"
INDEXER = "photon-indexer"
DATA_DIR = "/photon/data"
PHOTON_UID = 9011  # the image's photon user; its entrypoint skips gosu when not root
NOMINATIM_HOST = "nominatim"  # in-cluster Nominatim, not provisioned yet (indexer suspended)


def index_url(estate: Estate) -> str:
    p = estate.platform.photon
    return f"https://storage.googleapis.com/{p.index_bucket}/{p.index_object}"


def _security() -> k8s.SecurityContext:
    # Root filesystem stays writable: `uv run` writes its cache under the image's /photon.
    return k8s.SecurityContext(
        allow_privilege_escalation=False, run_as_non_root=True,
        capabilities=k8s.Capabilities(drop=["ALL"]))


def _pod_security() -> k8s.PodSecurityContext:
    return k8s.PodSecurityContext(
        run_as_user=PHOTON_UID, run_as_group=PHOTON_UID, fs_group=PHOTON_UID,
        run_as_non_root=True, seccomp_profile=k8s.SeccompProfile(type="RuntimeDefault"))


def _resources(estate: Estate) -> k8s.ResourceRequirements:
    p = estate.platform.photon
    return k8s.ResourceRequirements(
        requests={"cpu": k8s.Quantity.from_string("250m"),
                  "memory": k8s.Quantity.from_string(p.memory_limit)},
        limits={"cpu": k8s.Quantity.from_string(p.cpu_limit),
                "memory": k8s.Quantity.from_string(p.memory_limit)})


class Photon(Construct):
    endpoint: ServiceEndpoint

    def __init__(self, scope: Construct, id: str, *, estate: Estate):
        super().__init__(scope, id)
        p = estate.platform.photon
        chart = platform_file(self, "file", service="photon")
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
                strategy=k8s.DeploymentStrategy(type="Recreate"),  # one RWO volume
                selector=k8s.LabelSelector(match_labels=labels),
                template=k8s.PodTemplateSpec(
                    metadata=k8s.ObjectMeta(labels=labels),
                    spec=k8s.PodSpec(
                        security_context=_pod_security(),
                        automount_service_account_token=False,
                        containers=[k8s.Container(
                            name=NAME, image=image, image_pull_policy="IfNotPresent",
                            ports=[k8s.ContainerPort(name="http", container_port=p.port)],
                            env=[k8s.EnvVar(name="FILE_URL", value=index_url(estate)),
                                 k8s.EnvVar(name="UPDATE_STRATEGY", value="DISABLED")],
                            volume_mounts=[k8s.VolumeMount(name="data", mount_path=DATA_DIR)],
                            resources=_resources(estate),
                            security_context=_security(),
                            # First start downloads and unpacks the index: allow up to 12 h.
                            startup_probe=k8s.Probe(http_get=status, period_seconds=60,
                                                    failure_threshold=720),
                            readiness_probe=k8s.Probe(http_get=status, period_seconds=10),
                            liveness_probe=k8s.Probe(http_get=status, period_seconds=30,
                                                     failure_threshold=5),
                        )],
                        volumes=[k8s.Volume(name="data", persistent_volume_claim=k8s.PersistentVolumeClaimVolumeSource(
                            claim_name=self.pvc.name))],
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

        # Only the tenants' backends geocode; the indexer takes no traffic at all.
        tenants = sorted(t.namespace for t in estate.tenants.values())
        self.network_policy = k8s.KubeNetworkPolicy(
            chart, "policy",
            metadata=meta(f"{NAME}-policy"),
            spec=k8s.NetworkPolicySpec(
                pod_selector=k8s.LabelSelector(match_labels=labels),
                policy_types=["Ingress"],
                ingress=[k8s.NetworkPolicyIngressRule(
                    from_=[k8s.NetworkPolicyPeer(namespace_selector=k8s.LabelSelector(
                        match_expressions=[k8s.LabelSelectorRequirement(
                            key="kubernetes.io/metadata.name", operator="In", values=tenants)]))],
                    ports=[k8s.NetworkPolicyPort(port=k8s.IntOrString.from_number(p.port),
                                                 protocol="TCP")])]))
        self.indexer_policy = k8s.KubeNetworkPolicy(
            chart, "indexer-policy",
            metadata=k8s.ObjectMeta(name=f"{INDEXER}-policy", namespace=p.namespace,
                                    labels={"app": INDEXER}),
            spec=k8s.NetworkPolicySpec(
                pod_selector=k8s.LabelSelector(match_labels={"app": INDEXER}),
                policy_types=["Ingress"], ingress=[]))

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
                                volume_mounts=[k8s.VolumeMount(name="scratch", mount_path=DATA_DIR)],
                                resources=_resources(estate),
                                security_context=_security())],
                            volumes=[k8s.Volume(name="scratch", empty_dir=k8s.EmptyDirVolumeSource(
                                size_limit=k8s.Quantity.from_string(p.storage)))],
                        ))))))
