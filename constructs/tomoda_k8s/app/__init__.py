"""The Tomoda app (issue 3): one tenant's Tomoda objects, one YAML file per concern, in
`layout.app_dir(tenant)`, plus the kustomization.yaml Argo CD and Image Updater read.

A pure function of the model: every difference between tenants is a field of the tenant.
"""
from __future__ import annotations

from cdk8s_plus_28 import k8s
from constructs import Construct

from .. import layout
from ..base import DataEndpoints, OutputChart
from ..netpol import Peer
from ..platform import PlatformServices
from ..tenant.props import TenantProps
from .. import security
from . import spec
from .config import BackendConfig
from .images import tagged
from .kustomize import Kustomization
from .networking import AppIngress, PoolPolicy
from .scaling import PoolAutoscaler, PoolDisruptionBudget
from .secrets import BackendSecrets
from .workloads import Workload


class TomodaApp(Construct):
    """The app of `props.tenant`, talking to its `data` plane and, from the `platform`,
    to Photon and the trace collector, with its tenant's stores and the issuer."""

    def __init__(self, scope: Construct, id: str, *, props: TenantProps, data: DataEndpoints,
                 platform: PlatformServices):
        super().__init__(scope, id)
        tenant = props.tenant
        photon, stores = platform.photon, platform.stores(tenant)
        self._tenant = tenant
        self._dir = layout.app_dir(tenant)
        self._files: list[str] = []
        app = tenant.app
        images = props.images

        self.config = BackendConfig(self._chart("config"), "backend", tenant=tenant, data=data,
                                    otlp=platform.otlp)
        self.secrets = BackendSecrets(self._chart("external-secrets"), "backend", tenant=tenant,
                                      backend_secrets=props.backend_secrets,
                                      gsm_store=stores.gsm, aws_store=stores.aws)

        # Both pools run the same image with the same configuration, in different modes.
        env_from = [*self.secrets.env_from(), self.config.env_from()]
        pull = app.image_pull_policy.value if app.image_pull_policy is not None else None

        def backend(file: str, pool: spec.Pool, service: str | None) -> Workload:
            return Workload(
                self._chart(file), pool.name, tenant=tenant, pool=pool,
                image=tagged(images["backend"], tenant), image_pull_policy=pull,
                uid=security.BACKEND_UID, scratch=security.BACKEND_SCRATCH,
                env=[k8s.EnvVar(name="SERVER_MODE", value=pool.server_mode),
                     k8s.EnvVar(name="GIN_MODE", value=app.gin_mode.value),
                     k8s.EnvVar(name="PHOTON_URL", value=photon.url())],
                env_from=env_from, service_name=service)

        self.api = backend("backend-api", spec.API, spec.BACKEND_SERVICE)
        self.async_ = backend("backend-async", spec.ASYNC, None)  # nothing dials the workers
        self.frontend = Workload(
            self._chart("frontend"), "frontend", tenant=tenant, pool=spec.FRONTEND,
            image=tagged(images["frontend"], tenant),
            uid=security.FRONTEND_UID, scratch=security.FRONTEND_SCRATCH,
            # baked into the bundle at build time too; kept here so the pod says what it is
            env=[k8s.EnvVar(name="EXPO_PUBLIC_API_URL", value=f"https://{tenant.hosts.api}")],
            service_name=spec.FRONTEND_SERVICE)

        self.ingress = AppIngress(self._chart("ingress"), "ingress", tenant=tenant,
                                  api=self.api.endpoint, frontend=self.frontend.endpoint,
                                  issuer=platform.issuer)

        policies = self._chart("network-policies")
        traefik = platform.ingress_namespace
        for workload, source in ((self.api, traefik), (self.frontend, traefik),
                                 (self.async_, None)):
            PoolPolicy(policies, workload.pool.name, pool=workload.pool, from_namespace=source)

        hpas = self._chart("hpa")
        for workload, hpa in ((self.api, app.api_hpa), (self.async_, app.async_hpa)):
            PoolAutoscaler(hpas, workload.pool.name, workload=workload, hpa=hpa)

        if app.pdb_min_available is not None:
            pdbs = self._chart("pdb")
            for workload in (self.api, self.async_):
                PoolDisruptionBudget(pdbs, workload.pool.name, workload=workload,
                                     min_available=app.pdb_min_available)

        Kustomization(self, "kustomization", tenant=tenant, images=list(images.values()),
                      directory=self._dir, resources=list(self._files))

    def data_clients(self) -> list[Peer]:
        """The pods that talk to the tenant's Postgres and Redis: both backend pools."""
        return [Peer(self._tenant.namespace, dict(w.selector)) for w in (self.api, self.async_)]

    def _chart(self, name: str) -> OutputChart:
        """A chart of its own file `<name>.yaml` in the app directory, listed in the
        kustomization in creation order."""
        file = f"{name}.yaml"
        self._files.append(file)
        return OutputChart(self, name, output_path=f"{self._dir}/{file}",
                           namespace=self._tenant.namespace,
                           labels=spec.tenant_labels(self._tenant))
