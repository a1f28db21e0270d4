"""`make release VERSION=vX.Y.Z`: promote a version to every release-triggered tenant.

The version is written into the model (the `image_tag` line of the tenant's [app] table,
edited as text so comments and layout survive), then dist/ is re-synthesized. Nothing
touches git: committing is the operator's step, and Argo CD syncs prod from the commit.
Any refusal or failure leaves the model files and dist/ as they were.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from tomoda_build import faults, journal, tree
from tomoda_build.guard import DestroyRefused
from tomoda_build.synth import SynthError, load, synthesize
from tomoda_model import Estate, Tenant, TriggerKind
from tomoda_model.rules import RELEASE_TAG as SEMVER_TAG

from . import diff, envdoc

_TABLE = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_TAG_LINE = re.compile(r"""^(\s*image_tag\s*=\s*)("[^"\\\n]*"|'[^'\n]*')(.*)$""")


class ReleaseError(Exception):
    """A refusal with a message meant for the operator."""


@dataclass(frozen=True)
class Bump:
    tenant: str
    path: Path
    old: str
    new: str


def parse(version: str) -> tuple[int, int, int]:
    if not version:
        raise ReleaseError("VERSION is empty: use make release VERSION=vX.Y.Z (e.g. v1.4.0)")
    if not SEMVER_TAG.fullmatch(version):
        raise ReleaseError(f"VERSION={version!r} is not a release version: expected vMAJOR.MINOR.PATCH "
                           "without leading zeros (e.g. v1.4.0)")
    major, minor, patch = version[1:].split(".")
    return int(major), int(minor), int(patch)


def release_tenants(estate: Estate) -> list[Tenant]:
    """Tenants whose images come from release tags (today: prod)."""
    return [t for t in estate.tenants.values() if t.build.trigger is TriggerKind.RELEASE]


def current_version(estate: Estate) -> Optional[str]:
    """The newest image tag among release tenants (they normally agree)."""
    tags = [t.app.image_tag for t in release_tenants(estate) if SEMVER_TAG.fullmatch(t.app.image_tag)]
    return max(tags, key=parse) if tags else None


def check(version: str, current: Optional[str], force: bool) -> None:
    wanted = parse(version)  # a malformed version is never forced through
    if current is None or force:
        return
    if wanted == parse(current):
        raise ReleaseError(f"{version} is already the prod version; nothing to release "
                           "(FORCE=1 / --force re-synthesizes anyway)")
    if wanted < parse(current):
        raise ReleaseError(f"{version} is older than the current prod version {current}: refusing a "
                           "downgrade (FORCE=1 / --force to roll back on purpose)")


def set_image_tag(text: str, version: str, where: str = "tenant file") -> str:
    """`text` with the `image_tag` of its [app] table set to `version`, all else unchanged."""
    lines = text.splitlines(keepends=True)
    table, hits = "", []
    for i, line in enumerate(lines):
        header = _TABLE.match(line)
        if header:
            table = header.group(1)
        elif table == "app" and _TAG_LINE.match(line.rstrip("\r\n")):
            hits.append(i)
    if len(hits) != 1:
        raise ReleaseError(f"{where}: expected one `image_tag = \"...\"` line in its [app] table, "
                           f"found {len(hits)}; edit the tag by hand")
    i = hits[0]
    body = lines[i].rstrip("\r\n")
    m = _TAG_LINE.match(body)
    lines[i] = f'{m.group(1)}"{version}"{m.group(3)}' + lines[i][len(body):]
    new = "".join(lines)
    # Prove the textual edit changed exactly that one value.
    before, after = tomllib.loads(text), tomllib.loads(new)
    before.setdefault("app", {})["image_tag"] = version
    if before != after:
        raise ReleaseError(f"{where}: editing image_tag would change more than the tag; edit by hand")
    return new


def pending(config: Path) -> list[str]:
    """Files under `config` that differ from git's HEAD (empty outside a repository): edits
    that a release would otherwise carry into prod unreviewed."""
    try:
        out = subprocess.run(["git", "-C", str(config), "status", "--porcelain=v1", "-z",
                              "--untracked-files=all", "--", "."], capture_output=True, timeout=30,
                             check=True).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted(entry[3:] for entry in out.split("\0") if len(entry) > 3 and entry[2] == " ")


def refuse_pending(config: Path, include_pending: bool) -> None:
    changed = pending(config)
    if changed and not include_pending:
        listing = "\n".join(f"  {c}" for c in changed)
        raise ReleaseError(f"config/ has uncommitted changes a release would carry into prod:\n{listing}\n"
                           "commit or stash them first, or release them along on purpose: "
                           "INCLUDE_PENDING=1")


def plan(config: Path, version: str, force: bool) -> tuple[list[Bump], dict[Path, str]]:
    """Validate and compute the new file texts, writing nothing."""
    parse(version)
    try:
        estate = load(config)
    except SynthError as exc:
        raise ReleaseError(str(exc)) from None
    tenants = release_tenants(estate)
    if not tenants:
        raise ReleaseError(f"no tenant in {config} has build.trigger = \"release\"; nothing to release")
    check(version, current_version(estate), force)
    bumps, texts = [], {}
    for t in tenants:
        path = config / "tenants" / f"{t.name}.toml"
        texts[path] = set_image_tag(path.read_text(encoding="utf-8"), version, str(path))
        bumps.append(Bump(t.name, path, t.app.image_tag, version))
    return bumps, texts


def release(config: Path, dist: Path, version: str, *, force: bool = False, include_pending: bool = False,
            cache: Optional[Path] = None, log=print,
            page: Optional[Path] = None) -> tuple[list[Bump], diff.TreeDiff]:
    """Write `version` into the model, re-synthesize `dist` (and the environments `page`,
    by default docs/environments.md for the real dist/), return what changed."""
    config, dist = Path(config).resolve(), Path(dist).resolve()
    journal.recover(config, log=log)  # a release killed earlier is finished or undone first
    bumps, texts = plan(config, version, force)
    refuse_pending(config, include_pending)
    originals = {path: path.read_bytes() for path in texts}
    with tempfile.TemporaryDirectory(prefix="tomoda-release-") as tmp:
        before = Path(tmp) / "before"
        if dist.exists():
            shutil.copytree(dist, before, symlinks=True)
        try:
            with journal.transaction(config, dist, originals):
                for path, text in texts.items():
                    tree.write_text(path, text)
                faults.point("release-after-model")
                synthesize(config, dist, cache=cache, allow_destroy=(), log=log,
                           after_swap=envdoc.hook_for(dist, page))
        except (SynthError, DestroyRefused) as exc:
            raise ReleaseError(f"re-synthesis failed; model restored, dist/ untouched:\n{exc}") from None
        return bumps, diff.compare(before, dist, load(config).gitops.dist_path)
