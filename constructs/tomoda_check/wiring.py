"""Wiring inside the Kubernetes layer: every reference resolves, and failures name both ends.

Services select pods; Ingress backends exist with that port; HPA/PDB targets and
NetworkPolicy selectors match workloads; envFrom/env/volumes name ConfigMaps or Secrets
that something creates; ExternalSecrets name existing stores; Ingress issuers exist;
Argo CD Application paths exist; no object is defined twice (the last two, with the
kustomizations, in wiring_gitops.py).
"""
from __future__ import annotations

from typing import Iterator, Optional

from .context import Context, HelmRelease, Obj, walk
from .findings import Findings
from .wiring_gitops import (
    applications,
    duplicates,
    kustomizations,
    terraform_duplicates,
    terraform_apis,
    terraform_references,
)
from .isolation import data_isolation

MIDDLEWARE_ANNOTATION = "traefik.ingress.kubernetes.io/router.middlewares"
ISSUER_ANNOTATIONS = {"cert-manager.io/cluster-issuer": "ClusterIssuer",
                      "cert-manager.io/issuer": "Issuer"}


def _labels(selector: dict) -> str:
    return ",".join(f"{k}={v}" for k, v in sorted(selector.items())) or "<everything>"


def _matches(selector: dict, labels: dict) -> bool:
    return all(labels.get(k) == v for k, v in selector.items())


def _label_selector_matches(selector: dict, labels: dict) -> bool:
    """metav1.LabelSelector semantics (matchLabels + matchExpressions)."""
    if not _matches(selector.get("matchLabels") or {}, labels):
        return False
    for expr in selector.get("matchExpressions") or []:
        key, op, values = expr["key"], expr["operator"], expr.get("values") or []
        if op == "In" and labels.get(key) not in values:
            return False
        if op == "NotIn" and labels.get(key) in values:
            return False
        if op == "Exists" and key not in labels:
            return False
        if op == "DoesNotExist" and key in labels:
            return False
    return True


def _pod_labels(obj: Obj) -> dict:
    return ((obj.pod_template() or {}).get("metadata") or {}).get("labels") or {}


def helm_creator(ctx: Context, kind: str, namespace: str, name: str) -> Optional[HelmRelease]:
    """The Helm release that creates `kind namespace/name`, per its chart's declared facts
    (tomoda_k8s.chart_facts `creates`, which rendering the real chart verifies)."""
    from tomoda_k8s.chart_facts import CATALOG, UnknownChart

    for rel in ctx.helm_releases:
        if rel.namespace != namespace:
            continue
        try:
            facts = CATALOG.facts(rel.chart, rel.version)
        except UnknownChart:
            continue
        if (kind, name) in facts.created(rel.release, rel.values):
            return rel
    return None


def helm_created(ctx: Context, kind: str, namespace: str, name: str) -> Optional[str]:
    """Which Helm release creates `kind namespace/name`, in words (None: none does)."""
    rel = helm_creator(ctx, kind, namespace, name)
    return None if rel is None else f"Helm release {rel.release} (chart {rel.chart}, {rel.owner})"


class SecretIndex:
    """Every Secret / ConfigMap something in dist/ creates, by (namespace, name)."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.configmaps = {(o.namespace, o.name) for o in ctx.of_kind("ConfigMap")}
        self.secrets: dict[tuple[str, str], str] = {}
        for o in ctx.of_kind("Secret"):
            self.secrets[(o.namespace, o.name)] = str(o)
        for o in ctx.of_kind("ExternalSecret"):
            target = (o.spec.get("target") or {}).get("name") or o.name
            self.secrets[(o.namespace, target)] = f"the target of {o}"
        for o in ctx.of_kind("Certificate"):
            self.secrets[(o.namespace, o.spec.get("secretName", ""))] = f"the target of {o}"
        for o in ctx.of_kind("Ingress"):
            annotations = o.meta.get("annotations") or {}
            if any(a in annotations for a in ISSUER_ANNOTATIONS):
                for tls in o.spec.get("tls") or []:
                    if tls.get("secretName"):
                        self.secrets[(o.namespace, tls["secretName"])] = \
                            f"cert-manager for {o}"

    def secret(self, namespace: str, name: str) -> Optional[str]:
        return (self.secrets.get((namespace, name))
                or helm_created(self.ctx, "Secret", namespace, name))

    def configmap(self, namespace: str, name: str) -> bool:
        return ((namespace, name) in self.configmaps
                or helm_created(self.ctx, "ConfigMap", namespace, name) is not None)


def check(ctx: Context) -> Findings:
    f = Findings("wiring")
    for step in (duplicates, terraform_duplicates, _services, _ingresses, _scaling,
                 _network_policies, _config_refs, _external_secrets, _secret_refs_of_stores,
                 _cnpg_secrets, applications, kustomizations, terraform_references,
                 terraform_apis, data_isolation):
        step(ctx, f)
    return f


def _services(ctx: Context, f: Findings) -> None:
    for svc in ctx.of_kind("Service"):
        selector = svc.spec.get("selector") or {}
        if not selector:
            continue  # ExternalName / manually managed endpoints
        f.count()
        pods = [w for w in ctx.workloads(svc.namespace) if _matches(selector, _pod_labels(w))]
        if pods:
            _service_ports(svc, pods, f)
        elif _helm_selects(ctx, svc.namespace, selector) is None:
            f.fail(f"{svc} selects {_labels(selector)}: no pod template in namespace "
                   f"{svc.namespace} matches")


def _service_ports(svc: Obj, pods: list[Obj], f: Findings) -> None:
    """Each port of `svc` targets a port (by name or number) its selected pods declare."""
    declared = [p for w in pods for c in w.containers() for p in c.get("ports") or []]
    named = {p.get("name") for p in declared}
    numbers = {p.get("containerPort") for p in declared}
    owners = ", ".join(w.ref for w in pods)
    for port in svc.spec.get("ports") or []:
        target = port.get("targetPort", port.get("port"))
        if isinstance(target, str) and target not in named:
            f.fail(f"{svc} port {port.get('port')} targets port name {target!r}: no "
                   f"container of {owners} declares it")
        elif isinstance(target, int) and numbers and target not in numbers:
            f.fail(f"{svc} port {port.get('port')} targets {target}: containers of "
                   f"{owners} listen on {sorted(n for n in numbers if n)}")


def _helm_selects(ctx: Context, namespace: str, selector: dict) -> Optional[str]:
    """A Service may select pods of a Helm release (by its instance label)."""
    instance = selector.get("app.kubernetes.io/instance")
    for rel in ctx.helm_releases:
        if rel.namespace == namespace and instance == rel.release:
            return rel.release
    return None


def _ingresses(ctx: Context, f: Findings) -> None:
    for ing in ctx.of_kind("Ingress"):
        for where, backend in _backends(ing):
            f.count()
            if backend.get("service"):
                _ingress_backend(ctx, f, ing, where, backend["service"])
        annotations = ing.meta.get("annotations") or {}
        _ingress_middlewares(ctx, f, ing, annotations)
        _ingress_issuers(ctx, f, ing, annotations)


def _backends(ing: Obj) -> list[tuple[str, dict]]:
    """(where, backend) of an Ingress: its default backend, then each rule's paths."""
    backends = [("default", ing.spec["defaultBackend"])] if ing.spec.get("defaultBackend") else []
    for rule in ing.spec.get("rules") or []:
        for p in ((rule.get("http") or {}).get("paths") or []):
            backends.append((f"{rule.get('host', '*')}{p.get('path', '')}", p.get("backend") or {}))
    return backends


def _ingress_backend(ctx: Context, f: Findings, ing: Obj, where: str, service: dict) -> None:
    """The routed Service exists (or a chart creates it) and exposes the routed port."""
    port = service.get("port") or {}
    want = port.get("number", port.get("name"))
    found = ctx.find("Service", service["name"], ing.namespace)
    if not found:
        if not helm_created(ctx, "Service", ing.namespace, service["name"]):
            f.fail(f"{ing} routes {where} to Service {ing.namespace}/{service['name']}: "
                   f"no such Service")
        return  # a chart's Service: its ports are the chart's business
    ports = found[0].spec.get("ports") or []
    if not any(p.get("port") == want or p.get("name") == want for p in ports):
        have = ", ".join(f"{p.get('name', '')}:{p.get('port')}" for p in ports)
        f.fail(f"{ing} routes {where} to {found[0]} port {want}: the Service exposes "
               f"only {have}")


def _ingress_middlewares(ctx: Context, f: Findings, ing: Obj, annotations: dict) -> None:
    # Traefik's CRD provider names a Middleware `<namespace>-<name>@kubernetescrd`.
    known = {f"{m.namespace}-{m.name}@kubernetescrd" for m in ctx.of_kind("Middleware")}
    for ref in filter(None, (m.strip() for m in annotations.get(MIDDLEWARE_ANNOTATION, "").split(","))):
        f.count()
        if ref.endswith("@kubernetescrd") and ref not in known:
            f.fail(f"{ing} routes through Traefik middleware {ref}: no Middleware in dist/ "
                   f"has that <namespace>-<name>")


def _ingress_issuers(ctx: Context, f: Findings, ing: Obj, annotations: dict) -> None:
    cluster_issuers = {o.name for o in ctx.of_kind("ClusterIssuer")}
    for key, kind in ISSUER_ANNOTATIONS.items():
        if key not in annotations:
            continue
        f.count()
        name = annotations[key]
        exists = (name in cluster_issuers if kind == "ClusterIssuer"
                  else bool(ctx.find("Issuer", name, ing.namespace)))
        if not exists:
            f.fail(f"{ing} asks {key}: {name}: no {kind} {name} in dist/")


def _scaling(ctx: Context, f: Findings) -> None:
    for hpa in ctx.of_kind("HorizontalPodAutoscaler"):
        f.count()
        ref = hpa.spec.get("scaleTargetRef") or {}
        if not ctx.find(ref.get("kind", ""), ref.get("name", ""), hpa.namespace):
            f.fail(f"{hpa} scales {ref.get('kind')} {hpa.namespace}/{ref.get('name')}: no such "
                   f"workload")
    for pdb in ctx.of_kind("PodDisruptionBudget"):
        f.count()
        selector = pdb.spec.get("selector") or {}
        if not any(_label_selector_matches(selector, _pod_labels(w))
                   for w in ctx.workloads(pdb.namespace)):
            f.fail(f"{pdb} selects {_labels(selector.get('matchLabels') or {})}: no pod template "
                   f"in namespace {pdb.namespace} matches")


def _network_policies(ctx: Context, f: Findings) -> None:
    for np in ctx.of_kind("NetworkPolicy"):
        f.count()
        selector = np.spec.get("podSelector") or {}
        if not (selector.get("matchLabels") or selector.get("matchExpressions")):
            continue  # {} selects every pod of the namespace
        if not any(_label_selector_matches(selector, p.label_map)
                   for p in ctx.pods if p.namespace == np.namespace):
            f.fail(f"{np} applies to {_labels(selector.get('matchLabels') or {})}: no pod "
                   f"template, chart or operator in namespace {np.namespace} runs such pods")


# (field of an envFrom entry / of an env valueFrom / of a projected source, kind it names)
ENV_FROM = (("configMapRef", "ConfigMap"), ("secretRef", "Secret"))
ENV_KEY_REF = (("configMapKeyRef", "ConfigMap"), ("secretKeyRef", "Secret"))
PROJECTED = (("configMap", "ConfigMap"), ("secret", "Secret"))
Ref = tuple[str, str, Optional[str], bool]  # (what refers, kind, name, optional)


def _ref(what: str, kind: str, source: dict, name_field: str = "name") -> Ref:
    return what, kind, source.get(name_field), source.get("optional", False)


def _container_refs(c: dict) -> Iterator[Ref]:
    for e in c.get("envFrom") or []:
        yield from (_ref(f"container {c.get('name')} envFrom", kind, e[key])
                    for key, kind in ENV_FROM if key in e)
    for e in c.get("env") or []:
        src = e.get("valueFrom") or {}
        yield from (_ref(f"container {c.get('name')} env {e.get('name')}", kind, src[key])
                    for key, kind in ENV_KEY_REF if key in src)


def _volume_refs(v: dict) -> Iterator[Ref]:
    what = f"volume {v.get('name')}"
    if "configMap" in v:
        yield _ref(what, "ConfigMap", v["configMap"])
    if "secret" in v:
        yield _ref(what, "Secret", v["secret"], "secretName")
    for s in ((v.get("projected") or {}).get("sources") or []):
        yield from (_ref(what, kind, s[key]) for key, kind in PROJECTED if key in s)


def _workload_refs(w: Obj) -> Iterator[Ref]:
    """Every ConfigMap and Secret a workload's pods name: containers first, then volumes."""
    for c in w.containers():
        yield from _container_refs(c)
    for v in ((w.pod_template() or {}).get("spec") or {}).get("volumes") or []:
        yield from _volume_refs(v)


def _config_refs(ctx: Context, f: Findings) -> None:
    index = SecretIndex(ctx)
    for w in ctx.workloads():
        for what, kind, name, optional in _workload_refs(w):
            f.count()
            exists = (index.configmap(w.namespace, name) if kind == "ConfigMap"
                      else index.secret(w.namespace, name))
            if not exists and not optional:
                f.fail(f"{w} {what} names {kind} {w.namespace}/{name}: nothing in dist/ "
                       f"creates it")
    _tls_secrets(ctx, f, index)


def _tls_secrets(ctx: Context, f: Findings, index: "SecretIndex") -> None:
    for ing in ctx.of_kind("Ingress"):
        for tls in ing.spec.get("tls") or []:
            name = tls.get("secretName")
            if name:
                f.count()
                if not index.secret(ing.namespace, name):
                    f.fail(f"{ing} serves TLS from Secret {ing.namespace}/{name}: nothing creates "
                           f"it (no cert-manager issuer annotation, Certificate or ExternalSecret)")


def _external_secrets(ctx: Context, f: Findings) -> None:
    cluster_stores = {o.name for o in ctx.of_kind("ClusterSecretStore")}
    for es in ctx.of_kind("ExternalSecret"):
        refs = [es.spec.get("secretStoreRef") or {}]
        refs += [((d.get("sourceRef") or {}).get("storeRef") or {})
                 for d in (es.spec.get("dataFrom") or []) + (es.spec.get("data") or [])]
        for ref in refs:
            if not ref.get("name"):
                continue
            f.count()
            kind = ref.get("kind", "SecretStore")
            if kind == "ClusterSecretStore":
                ok = ref["name"] in cluster_stores
            else:
                ok = bool(ctx.find("SecretStore", ref["name"], es.namespace))
            if not ok:
                where = "" if kind == "ClusterSecretStore" else f"{es.namespace}/"
                f.fail(f"{es} reads from {kind} {where}{ref['name']}: no such store in dist/")


def _secret_refs_of_stores(ctx: Context, f: Findings) -> None:
    """Credentials a (Cluster)SecretStore reads from a Secret must exist too."""
    index = SecretIndex(ctx)
    for store in ctx.of_kind("ClusterSecretStore", "SecretStore"):
        for path, node in walk(store.spec):
            if (isinstance(node, dict) and path and str(path[-1]).endswith("SecretRef")
                    and "name" in node and "key" in node):
                f.count()
                ns = node.get("namespace") or store.namespace
                if not index.secret(ns, node["name"]):
                    f.fail(f"{store} authenticates with Secret {ns}/{node['name']} "
                           f"({'.'.join(map(str, path))}): nothing in dist/ creates it")


def _cnpg_secrets(ctx: Context, f: Findings) -> None:
    index = SecretIndex(ctx)
    for cluster in ctx.of_kind("Cluster"):
        if not cluster.group.startswith("postgresql.cnpg.io"):
            continue
        bootstrap = cluster.spec.get("bootstrap") or {}
        refs = [((bootstrap.get("initdb") or {}).get("secret") or {}).get("name"),
                (cluster.spec.get("superuserSecret") or {}).get("name")]
        for name in filter(None, refs):
            f.count()
            if not index.secret(cluster.namespace, name):
                f.fail(f"{cluster} bootstraps from Secret {cluster.namespace}/{name}: nothing in "
                       f"dist/ creates it")
