"""Hardened pod and container security contexts (restricted Pod Security Standard): one
definition for every workload we write - the app's pools, Redis Insight, Photon.

Numeric ids are set explicitly: the kubelet can only enforce `runAsNonRoot` when it knows
the uid, and an image whose USER is a name (or unset) would otherwise be refused or run as
root. 65532 is the conventional "nonroot" uid (distroless); 1000 is the `node` user of the
official Node images the Expo server is built on.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from cdk8s_plus_28 import k8s

BACKEND_UID = 65532
FRONTEND_UID = 1000


@dataclass(frozen=True)
class Scratch:
    """A writable emptyDir over an otherwise read-only root filesystem."""
    name: str
    mount_path: str
    size_limit: str


# Go's os.TempDir() (multipart uploads spill to disk above 32 MiB of memory).
BACKEND_SCRATCH = (Scratch("tmp", "/tmp", "256Mi"),)
# Node writes temp files to /tmp and caches (npx, babel/metro) under $HOME/.cache.
FRONTEND_SCRATCH = (Scratch("tmp", "/tmp", "256Mi"),
                    Scratch("cache", "/home/node/.cache", "512Mi"))


def pod_security(uid: int, *, fs_group_change_policy: Optional[str] = None) -> k8s.PodSecurityContext:
    """`fs_group_change_policy`: OnRootMismatch spares re-owning a large volume on every mount."""
    return k8s.PodSecurityContext(
        run_as_non_root=True, run_as_user=uid, run_as_group=uid, fs_group=uid,
        fs_group_change_policy=fs_group_change_policy,
        seccomp_profile=k8s.SeccompProfile(type="RuntimeDefault"))


def container_security() -> k8s.SecurityContext:
    return k8s.SecurityContext(
        allow_privilege_escalation=False, read_only_root_filesystem=True,
        run_as_non_root=True, privileged=False,
        capabilities=k8s.Capabilities(drop=["ALL"]),
        seccomp_profile=k8s.SeccompProfile(type="RuntimeDefault"))


def volumes(scratch: tuple[Scratch, ...]) -> list[k8s.Volume]:
    return [k8s.Volume(name=s.name, empty_dir=k8s.EmptyDirVolumeSource(
        size_limit=k8s.Quantity.from_string(s.size_limit))) for s in scratch]


def mounts(scratch: tuple[Scratch, ...]) -> list[k8s.VolumeMount]:
    return [k8s.VolumeMount(name=s.name, mount_path=s.mount_path) for s in scratch]
