"""Namespaces the platform tier writes objects into (secrets, ingresses, rules) before the
Helm release of that namespace exists, and the shared data namespace of every tenant."""
from __future__ import annotations

from typing import Iterable

from cdk8s_plus_28 import k8s
from constructs import Construct

from ..argo import KEEP_ANNOTATION
from .common import platform_file


class Namespaces(Construct):
    def __init__(self, scope: Construct, id: str, *, names: Iterable[str], keep: Iterable[str] = ()):
        super().__init__(scope, id)
        chart = platform_file(self, "file", service="namespaces")
        keep = set(keep)
        # Namespaces holding data are never pruned nor deleted with the platform tier:
        # deleting a namespace deletes every volume claim in it.
        self.namespaces = {
            name: k8s.KubeNamespace(chart, name, metadata=k8s.ObjectMeta(
                name=name, annotations=KEEP_ANNOTATION if name in keep else None))
            for name in sorted(set(names) | keep)
        }
