"""What a synthesis would change, grouped the way it is deployed.

Kubernetes objects are grouped by the Argo CD Application that syncs them (derived from
the Applications' `spec.source(s).path` found in the trees themselves, so a new tier or
tenant needs no change here), Terraform resources by stack. Object identities match the
guard's (`Kind/namespace/name`), so a removal listed here can be pasted into ALLOW_DESTROY.
"""
from __future__ import annotations

import difflib
import filecmp
import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Optional

from tomoda_build import tree
from tomoda_build.index import K8S_ROOT, TF_ROOT, DistIndex, K8sObject, Source, read_yaml

from . import impact


@dataclass
class Unit:
    """One deployable unit: an Argo CD Application, a Terraform stack, or loose files."""
    title: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    impacts: dict[str, impact.Impact] = field(default_factory=dict)  # identity -> what applying does

    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def lines(self, detail: bool = True) -> list[str]:
        out = []
        for sign, idents in (("+", self.added), ("-", self.removed), ("~", self.changed)):
            for x in idents:
                i = self.impacts.get(x)
                out.append(f"  {sign} {x}" + (f"  [{i.label()}]" if i else ""))
                if detail and i is not None and sign == "~":
                    out += [f"      {d}" for d in i.detail]
        return out

    def markers(self) -> set[str]:
        return {m for i in self.impacts.values() for m in i.markers}


@dataclass
class TreeDiff:
    units: list[Unit]          # only the units with a change, in display order
    unchanged_units: int
    files: list[str]           # dist-relative files that differ (added, removed, changed)

    @property
    def changed(self) -> bool:
        return bool(self.files)

    def summary(self) -> list[str]:
        if not self.changed:
            return [f"no changes ({self.unchanged_units} unit(s) compared)"]
        lines = []
        at_risk = sorted(x for u in self.units for x, i in u.impacts.items() if impact.DATA in i.markers)
        if at_risk:
            lines.append(f"{impact.DATA}: " + ", ".join(at_risk))
        for u in self.units:
            lines.append(u.title)
            lines += u.lines()
        a, r, c = (sum(len(getattr(u, k)) for u in self.units) for k in ("added", "removed", "changed"))
        lines.append(f"{a} added, {r} removed, {c} changed in {len(self.units)} unit(s); "
                     f"{self.unchanged_units} unit(s) unchanged; {len(self.files)} file(s) differ")
        return lines


    def as_json(self, going: list[str]) -> dict:
        """The machine-readable form (`make diff FORMAT=json`)."""
        return {
            "changed": self.changed, "files": self.files, "unchanged_units": self.unchanged_units,
            "refused_without_allow_destroy": going,
            "units": [{"title": u.title, "changes": [
                {"object": x, "change": sign, "action": u.impacts[x].action, "reason": u.impacts[x].reason,
                 "markers": list(u.impacts[x].markers), "detail": list(u.impacts[x].detail)}
                for sign, idents in (("added", u.added), ("removed", u.removed), ("changed", u.changed))
                for x in idents]} for u in self.units]}

    def markdown(self, going: list[str]) -> str:
        """A pull-request comment (`make diff FORMAT=markdown`): impact first, one collapsible
        section per Application / stack."""
        if not self.changed:
            return f"**No changes** ({self.unchanged_units} units compared)\n"
        out = ["### What this change does", ""]
        at_risk = sorted(x for u in self.units for x, i in u.impacts.items() if impact.DATA in i.markers)
        if at_risk:
            out += [f"- :warning: **{impact.DATA}**: " + ", ".join(f"`{x}`" for x in at_risk)]
        for marker in (impact.PODS, impact.DNS, impact.IAM):
            units = [u.title.split("  (")[0] for u in self.units if marker in u.markers()]
            if units:
                out.append(f"- **{marker}**: " + ", ".join(units))
        if going:
            out.append(f"- `make synth` refuses this without `ALLOW_DESTROY={','.join(going)}`")
        out.append("")
        for u in self.units:
            markers = sorted(u.markers())
            summary = u.title.split("  (")[0] + (f" — {', '.join(markers)}" if markers else "")
            out += [f"<details><summary>{summary}</summary>", "", "```", *[line[2:] for line in u.lines()],
                    "```", "", "</details>", ""]
        return "\n".join(out)


# ---------------------------------------------------------------- reading trees


def sources(root: Path, repo_prefix: str) -> list[Source]:
    """Every dist-relative directory an Application in `root` syncs from the GitOps repo."""
    return DistIndex(root, repo_prefix, strict=False).sources()


def _owner(rel: str, srcs: list[Source]) -> Optional[Source]:
    """The most specific Application source that syncs `rel` (Argo CD: longest path wins)."""
    owners = [s for s in srcs if s.owns(rel)]
    return max(owners, key=lambda s: (len(s.directory), s.app)) if owners else None


def _unit_key(rel: str, srcs: list[Source], fallback: list[Source]) -> tuple[int, str]:
    parts = rel.split("/")
    if parts[0] == TF_ROOT and len(parts) >= 3:
        return (2, f"Terraform stack {parts[1]}  ({'/'.join(parts[:2])})")
    if parts[0] == K8S_ROOT:
        src = _owner(rel, srcs) or _owner(rel, fallback)
        if src is not None:
            where = f" on cluster {src.cluster}" if src.cluster else ""
            return (1, f"Application {src.app}  ({src.directory}){where}")
        return (0, f"not synced by any Application  ({PurePosixPath(rel).parent})")
    return (3, "other files")


def _objects(rel: str, path: Optional[Path]) -> dict[str, object]:
    """identity -> comparable content, for one file (empty when the file is absent)."""
    if path is None:
        return {}
    parts = rel.split("/")
    if parts[0] == TF_ROOT and rel.endswith(".json"):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            return {f"file {rel}": path.read_bytes()}
        out: dict[str, object] = {}
        for rtype, items in (doc.get("resource") or {}).items():
            out.update({f"{rtype}.{name}": body for name, body in items.items()})
        for dtype, items in (doc.get("data") or {}).items():
            out.update({f"data.{dtype}.{name}": body for name, body in items.items()})
        out.update({f"output.{name}": body for name, body in (doc.get("output") or {}).items()})
        for key in sorted(set(doc) - {"resource", "data", "output", "//"}):
            out[f"({key} block)"] = doc[key]
        return out
    if rel.endswith((".yaml", ".yml")):
        docs = read_yaml(path)
        if docs is not None:
            out = {}
            for i, doc in enumerate(docs):
                ident = K8sObject(rel, doc).identity if isinstance(doc, dict) else f"document {i} ({rel})"
                out[ident if ident not in out else f"{ident} (duplicate {i})"] = doc
            return out
    return {f"file {rel}": path.read_bytes()}


# ---------------------------------------------------------------- comparing


def changed_files(old: Path, new: Path) -> list[str]:
    lo, ln = tree.listing(old), tree.listing(new)
    return sorted(rel for rel in lo.keys() | ln.keys()
                  if rel not in lo or rel not in ln or not filecmp.cmp(lo[rel], ln[rel], shallow=False))


def compare(old: Path, new: Path, repo_prefix: str) -> TreeDiff:
    """Compare two output trees; foreign files (tree.is_foreign) are ignored."""
    lo, ln = tree.listing(old), tree.listing(new)
    # The new tree's Applications decide; the old ones still place files that are going away.
    new_srcs, old_srcs = sources(new, repo_prefix), sources(old, repo_prefix)
    by_unit: dict[tuple[int, str], list[str]] = {}
    for rel in sorted(lo.keys() | ln.keys()):
        by_unit.setdefault(_unit_key(rel, new_srcs, old_srcs), []).append(rel)
    files = changed_files(old, new)
    differing = set(files)
    units, unchanged = [], 0
    for key in sorted(by_unit):
        rels = by_unit[key]
        before, after = {}, {}
        for rel in rels:
            before.update(_objects(rel, lo.get(rel)))
            after.update(_objects(rel, ln.get(rel)))
        unit = Unit(key[1],
                    added=sorted(after.keys() - before.keys()),
                    removed=sorted(before.keys() - after.keys()),
                    changed=sorted(k for k in before.keys() & after.keys() if before[k] != after[k]))
        terraform = key[0] == 2
        unit.impacts = {x: impact.of(x, before.get(x), after.get(x), terraform=terraform)
                        for x in unit.added + unit.removed + unit.changed}
        if unit.empty():
            # Same objects, different bytes (moved between files, reformatted): still a change.
            unit.changed = [f"file {rel} (same objects, different bytes)" for rel in rels if rel in differing]
        if unit.empty():
            unchanged += 1
        else:
            units.append(unit)
    return TreeDiff(units, unchanged, files)


def unified(old: Path, new: Path, files: list[str], label_old: str = "a/dist",
            label_new: str = "b/dist") -> str:
    """The unified diff of `files` (dist-relative) between two trees."""
    chunks = []
    for rel in files:
        a, b = old / rel, new / rel
        try:
            la = a.read_text(encoding="utf-8").splitlines(keepends=True) if a.is_file() else []
            lb = b.read_text(encoding="utf-8").splitlines(keepends=True) if b.is_file() else []
        except UnicodeDecodeError:
            chunks.append(f"Binary files {label_old}/{rel} and {label_new}/{rel} differ\n")
            continue
        chunks += difflib.unified_diff(la, lb,
                                       fromfile=f"{label_old}/{rel}" if a.is_file() else "/dev/null",
                                       tofile=f"{label_new}/{rel}" if b.is_file() else "/dev/null")
    return "".join(c if c.endswith("\n") else c + "\n\\ No newline at end of file\n" for c in chunks)
