"""`make charts`: every pinned Helm chart, pulled with real Helm into a content-addressed cache.

`charts.lock` (committed) records each chart's repository, version and the sha256 of its
packaged archive. A pull whose digest differs from the lock fails; a chart whose digest is not
recorded yet (no machine has pulled it) gets it recorded on its first pull - after that any
change fails. The archives live in `.cache/charts/sha256/<digest>.tgz`, and `index.json` maps
repository|chart|version to a digest, so `make check` renders exactly the locked bytes.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from .paths import ROOT

LOCK = ROOT / "charts.lock"


class ChartError(RuntimeError):
    pass


@dataclass(frozen=True)
class Pin:
    name: str
    repo: str
    version: str
    digest: str = ""

    @property
    def key(self) -> str:
        return f"{self.repo}|{self.name}|{self.version}"

    @property
    def oci(self) -> bool:
        return "://" not in self.repo or self.repo.startswith("oci://")


def read_lock(path: Path = LOCK) -> dict[str, Pin]:
    if not path.is_file():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {p.key: p for p in (Pin(**c) for c in data.get("chart", []))}


def write_lock(pins: Iterable[Pin], path: Path = LOCK) -> None:
    lines = ["# Pinned Helm charts (`make charts` pulls them; `make check` renders them).",
             "# digest: sha256 of the packaged chart; empty until a machine that reaches the",
             "# repository has pulled it (recorded then, and any later change fails).", ""]
    for p in sorted(pins, key=lambda p: (p.name, p.repo, p.version)):
        lines += ["[[chart]]", f'name = "{p.name}"', f'repo = "{p.repo}"',
                  f'version = "{p.version}"', f'digest = "{p.digest}"', ""]
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text("\n".join(lines), encoding="utf-8")
    tmp.replace(path)


class ChartCache:
    """Pulled chart archives under `root` (Settings.chart_cache), by content digest."""

    def __init__(self, root: Path):
        self.root = root
        self.index_file = self.root / "index.json"

    def _index(self) -> dict[str, str]:
        return json.loads(self.index_file.read_text(encoding="utf-8")) if self.index_file.is_file() else {}

    def archive(self, pin: Pin) -> Optional[Path]:
        """The cached archive of `pin`, verified against its digest (None: not cached)."""
        digest = self._index().get(pin.key)
        if digest is None:
            return None
        path = self.root / "sha256" / f"{digest}.tgz"
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            return None  # a damaged entry is never served
        if pin.digest and pin.digest != digest:
            raise ChartError(f"chart {pin.name} {pin.version}: the cached archive has sha256 "
                             f"{digest}, charts.lock records {pin.digest}")
        return path

    def store(self, pin: Pin, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        target = self.root / "sha256" / f"{digest}.tgz"
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_name(f".{digest}.{os.getpid()}")
        part.write_bytes(data)
        part.replace(target)
        index = self._index()
        index[pin.key] = digest
        tmp = self.index_file.with_name(f".index.{os.getpid()}")
        tmp.write_text(json.dumps(index, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(self.index_file)
        return digest


def pull(pin: Pin, helm: Path) -> bytes:
    """The packaged chart, as `helm pull` fetches it from its repository."""
    with tempfile.TemporaryDirectory() as tmp:
        if pin.oci:
            ref = pin.repo if pin.repo.startswith("oci://") else f"oci://{pin.repo}"
            argv = [str(helm), "pull", f"{ref.rstrip('/')}/{pin.name}", "--version", pin.version]
        else:
            argv = [str(helm), "pull", pin.name, "--repo", pin.repo, "--version", pin.version]
        proc = subprocess.run(argv + ["--destination", tmp], capture_output=True, encoding="utf-8", errors="replace",
                              timeout=300, env={**os.environ, "HELM_CACHE_HOME": tmp,
                                                "HELM_CONFIG_HOME": tmp, "HELM_DATA_HOME": tmp})
        if proc.returncode != 0:
            raise ChartError(f"helm pull {pin.name} {pin.version} from {pin.repo} failed: "
                             f"{(proc.stderr or proc.stdout).strip()[-300:]}")
        (archive,) = Path(tmp).glob("*.tgz")
        return archive.read_bytes()


def sync(pins: Iterable[Pin], helm: Path, cache: ChartCache) -> tuple[list[Pin], list[str]]:
    """Pull every pin not cached yet. Returns the pins (digests recorded) and the failures."""
    out, failures = [], []
    for pin in pins:
        try:
            if cache.archive(pin) is not None:
                out.append(pin)
                continue
            data = pull(pin, helm)
            digest = hashlib.sha256(data).hexdigest()
            if pin.digest and digest != pin.digest:
                raise ChartError(f"chart {pin.name} {pin.version} from {pin.repo} has sha256 "
                                 f"{digest}, but charts.lock records {pin.digest}: refusing it")
            cache.store(pin, data)
            out.append(Pin(pin.name, pin.repo, pin.version, digest))
        except ChartError as exc:
            failures.append(str(exc))
            out.append(pin)
    return out, failures
