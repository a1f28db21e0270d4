"""Deployments and Services of the app: the two backend pools and the frontend."""
from __future__ import annotations

from typing import Optional, Sequence

from cdk8s_plus_28 import k8s
from constructs import Construct

from tomoda_model import Tenant

from ..base import ServiceEndpoint
from .. import security
from ..resources import Resources
from .spec import Pool, Probe, pod_labels, selector


def _probe(probe: Probe, port: int) -> k8s.Probe:
    return k8s.Probe(
        http_get=k8s.HttpGetAction(path=probe.path, port=k8s.IntOrString.from_number(port)),
        initial_delay_seconds=probe.initial_delay_seconds, period_seconds=probe.period_seconds)


class Workload(Construct):
    """One pool as a Deployment, optionally fronted by a ClusterIP Service.

    `deployment` and (when `service_name` is given) `service`/`endpoint` are the objects
    other constructs refer to; their names are never retyped.
    """

    def __init__(self, scope: Construct, id: str, *, tenant: Tenant, pool: Pool, image: str,
                 uid: int, scratch: tuple[security.Scratch, ...],
                 env: Sequence[k8s.EnvVar] = (), env_from: Sequence[k8s.EnvFromSource] = (),
                 image_pull_policy: Optional[str] = None, service_name: Optional[str] = None):
        super().__init__(scope, id)
        self.pool = pool
        self.selector = selector(pool)
        r = pool.resources
        container = k8s.Container(
            name=pool.name, image=image, image_pull_policy=image_pull_policy,
            ports=[k8s.ContainerPort(name="http", container_port=pool.port, protocol="TCP")],
            env=list(env) or None, env_from=list(env_from) or None,
            liveness_probe=_probe(pool.liveness, pool.port),
            readiness_probe=_probe(pool.readiness, pool.port),
            resources=Resources(r.cpu_request, r.memory_request, cpu_limit=r.cpu_limit,
                                memory_limit=r.memory_limit).requirements(),
            security_context=security.container_security(),
            volume_mounts=security.mounts(scratch))
        self.deployment = k8s.KubeDeployment(
            self, "deployment",
            metadata=k8s.ObjectMeta(name=pool.name, labels=selector(pool)),
            spec=k8s.DeploymentSpec(
                replicas=pool.replicas,
                selector=k8s.LabelSelector(match_labels=self.selector),
                template=k8s.PodTemplateSpec(
                    metadata=k8s.ObjectMeta(labels=pod_labels(pool, tenant)),
                    spec=k8s.PodSpec(
                        # the app never calls the Kubernetes API
                        automount_service_account_token=False,
                        security_context=security.pod_security(uid),
                        containers=[container],
                        volumes=security.volumes(scratch)))))
        self.service: Optional[k8s.KubeService] = None
        self._endpoint: Optional[ServiceEndpoint] = None
        if service_name is not None:
            self.service = k8s.KubeService(
                self, "service",
                metadata=k8s.ObjectMeta(name=service_name, labels=selector(pool)),
                spec=k8s.ServiceSpec(
                    type="ClusterIP",
                    selector=self.selector,
                    ports=[k8s.ServicePort(name="http", port=pool.port, protocol="TCP",
                                           target_port=k8s.IntOrString.from_number(pool.port))]))
            self._endpoint = ServiceEndpoint.of(self.service, pool.port)

    @property
    def endpoint(self) -> ServiceEndpoint:
        """How the Ingress reaches this pool: derived from the Service object."""
        if self._endpoint is None:
            raise ValueError(f"{self.pool.name} has no Service")
        return self._endpoint
