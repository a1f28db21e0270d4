"""Output trees: what belongs to synth, what belongs to others, and swapping one in atomically.

Three kinds of file live under dist/:
- synth's own (everything a target writes); only these are compared, diffed and replaced;
- Argo CD Image Updater's write-back file, `.argocd-source-<app>.yaml` beside a kustomization,
  in exactly the shape Image Updater writes (`kustomize: {images: [...]}`, see
  argocd-image-updater pkg/argocd/update.go `kustomizeOverride`); synth keeps it;
- Terraform's working files in a stack directory (`.terraform/`, state, lock file, plans), made
  by the README's deploy recipe; synth keeps them (git ignores all but the lock file).
synth owns only the names it writes (`OWNED`: YAML under k8s/, cdk.tf.json per stack); anything
else under dist/ is kept, so synth never deletes a file it did not write.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import filecmp
import fnmatch
import os
import re
import shutil
from pathlib import Path

import yaml

IMAGE_UPDATER_FILE = ".argocd-source-*.yaml"
# Terraform's working files: never synth's, never deleted; git ignores all but the lock file.
TERRAFORM_WORKING = (".terraform", ".terraform.lock.hcl", "*.tfstate", "*.tfstate.*", "*.tfplan",
                     "terraform.tfvars", "*.auto.tfvars", "crash.log")
_IMAGE = re.compile(r"([A-Za-z0-9_.-]+=)?[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)+(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
                    r"(@sha256:[0-9a-f]{64})?")


def is_terraform_working(rel: Path) -> bool:
    return any(fnmatch.fnmatch(part, p) for part in rel.parts for p in TERRAFORM_WORKING)


def image_updater_shape(path: Path) -> str:
    """Why `path` is not an Image Updater write-back file ("" when it is one)."""
    if not fnmatch.fnmatch(path.name, IMAGE_UPDATER_FILE):
        return "not named .argocd-source-<app>.yaml"
    if path.is_symlink() or not path.is_file():
        return "not a regular file"
    if not (path.parent / "kustomization.yaml").is_file():
        return "not beside a kustomization.yaml (Image Updater writes it at the Application's path)"
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return f"not readable YAML ({type(exc).__name__})"
    images = doc.get("kustomize", {}).get("images") if isinstance(doc, dict) and set(doc) == {"kustomize"} \
        and isinstance(doc["kustomize"], dict) and set(doc["kustomize"]) == {"images"} else None
    if not isinstance(images, list) or not images or not all(
            isinstance(i, str) and _IMAGE.fullmatch(i) for i in images):
        return "not in Image Updater's shape (exactly `kustomize: {images: [<image>:<tag>, ...]}`)"
    return ""


def is_foreign(root: Path, rel: Path) -> bool:
    """Files of other writers that every comparison ignores: a well-formed Image Updater file,
    Terraform's working files. A malformed `.argocd-source-*` is *not* ignored: it shows."""
    if is_terraform_working(rel):
        return True
    return fnmatch.fnmatch(rel.name, IMAGE_UPDATER_FILE) and not image_updater_shape(root / rel)


def listing(root: Path) -> dict[str, Path]:
    """synth's files under `root` (relative path -> path), foreign ones left out."""
    if not root.exists():
        return {}
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not is_terraform_working(here.relative_to(root) / d))
        for name in sorted(filenames):
            rel = (here / name).relative_to(root)
            if not is_foreign(root, rel):
                out[str(rel)] = here / name
    return dict(sorted(out.items()))


def differences(a: Path, b: Path) -> list[str]:
    """Human-readable differences between two trees (foreign files ignored)."""
    la, lb = listing(a), listing(b)
    out = [f"only in {a.name or a}: {k}" for k in sorted(la.keys() - lb.keys())]
    out += [f"only in {b.name or b}: {k}" for k in sorted(lb.keys() - la.keys())]
    out += [f"differs: {k}" for k in sorted(la.keys() & lb.keys())
            if not filecmp.cmp(la[k], lb[k], shallow=False)]
    return out


# ---------------------------------------------------------------- what synth owns

# synth writes only these; every other file under dist/ is someone else's and is never deleted.
OWNED = ("k8s/**/*.yaml", "terraform/*/cdk.tf.json")


def owned(rel: Path) -> bool:
    """Is `rel` (relative to dist/) a name synth writes? (a stateless rule: a copy of dist/
    or a fresh clone needs no record of what an earlier run wrote)"""
    if is_terraform_working(rel) or fnmatch.fnmatch(rel.name, IMAGE_UPDATER_FILE):
        return False
    parts = rel.parts
    if parts[:1] == ("k8s",) and rel.suffix == ".yaml":
        return True
    return len(parts) == 3 and parts[0] == "terraform" and parts[2] == "cdk.tf.json"


def others(old: Path, expected_updater_files: set[str]) -> tuple[list[str], list[str]]:
    """Files of `old` that synth does not own and so keeps: (kept, refused with reasons).

    Refused: an `.argocd-source-*` that is malformed or where Image Updater never writes one
    (it would override the images of an Application in ways nobody reviewed)."""
    if not old.is_dir():
        return [], []
    kept, refused = [], []
    for dirpath, dirnames, filenames in os.walk(old):
        here = Path(dirpath)
        dirnames.sort()
        for name in sorted(filenames + [d for d in dirnames if (here / d).is_symlink()]):
            rel = (here / name).relative_to(old)
            if fnmatch.fnmatch(name, IMAGE_UPDATER_FILE):
                why = image_updater_shape(here / name)
                if not why and str(rel) not in expected_updater_files:
                    why = ("not where Image Updater writes (dist/k8s/apps/<app>/<tenant>/ of a tenant "
                           "with app.image_updater, named after its Application)")
                if why:
                    refused.append(f"{old.name}/{rel}: {why}")
                    continue
                kept.append(str(rel))
            elif not owned(rel):
                kept.append(str(rel))
    return kept, refused


def carry_over(old: Path, new: Path, files: list[str]) -> None:
    """Put `files` of `old` into `new` as hard links (no copy of a 500 MB .terraform/), falling
    back to copies across filesystems; symlinks stay symlinks."""
    for rel in files:
        src, dest = old / rel, new / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        if src.is_symlink():
            os.symlink(os.readlink(src), dest)
            continue
        try:
            os.link(src, dest)
        except OSError:
            shutil.copy2(src, dest)


# ---------------------------------------------------------------- atomic replacement

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _renameat2():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return fn


def exchange(a: Path, b: Path) -> bool:
    """Swap the names `a` and `b` in one step (Linux renameat2 RENAME_EXCHANGE). False when the
    system cannot (another OS, an old kernel, a filesystem without it)."""
    fn = _renameat2()
    if fn is None:
        return False
    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def old_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.old-{os.getpid()}")


def swap(staging: Path, target: Path, _between=lambda: None) -> None:
    """Replace `target` by `staging` atomically: there is no moment without a whole `target`.

    One renameat2(RENAME_EXCHANGE) where the system has it; otherwise two renames, and
    `recover()` (run by every synth) puts the old tree back if a crash fell between them.
    `_between` is a fault-injection point for tests (between the two steps of the fallback).
    """
    if not target.exists():
        staging.rename(target)
        return
    if exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # staging now holds the old tree
        return
    old = old_name(target)
    target.rename(old)
    _between()
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _pid_of(path: Path) -> int:
    m = re.search(r"-(\d+)(-|$)", path.name.rsplit(".", 1)[-1])
    return int(m.group(1)) if m else 0


def recover(target: Path) -> list[str]:
    """Undo what a killed synth left beside `target`: put back an old tree when `target` is
    gone (a crash between the two renames of the fallback swap) and remove the staging and
    old directories of processes that no longer run. What it did, one line each."""
    done = []
    leftovers = sorted(target.parent.glob(f".{target.name}.old-*"), key=lambda p: p.stat().st_mtime)
    for old in leftovers:
        if _alive(_pid_of(old)) and _pid_of(old) != os.getpid():
            continue
        if not target.exists():
            old.rename(target)
            done.append(f"restored {target.name}/ from {old.name} (an interrupted swap)")
        else:
            shutil.rmtree(old, ignore_errors=True)
            done.append(f"removed {old.name}")
    for staging in sorted(target.parent.glob(f".{target.name}.staging-*")):
        pid = _pid_of(staging)
        if pid and pid != os.getpid() and not _alive(pid):
            shutil.rmtree(staging, ignore_errors=True)
            done.append(f"removed {staging.name} (left by a killed run)")
    return done


# ---------------------------------------------------------------- writing files

FILE_MODE, DIR_MODE = 0o644, 0o755


def write_text(path: Path, text: str) -> None:
    """UTF-8 whatever the locale, mode 0644 whatever the umask, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.chmod(tmp, FILE_MODE)
    tmp.replace(path)


def normalize_modes(root: Path) -> None:
    """Files 0644, directories 0755, whatever the umask of whoever ran synth."""
    for dirpath, dirnames, filenames in os.walk(root):
        os.chmod(dirpath, DIR_MODE)
        for name in filenames:
            p = Path(dirpath, name)
            if not p.is_symlink():
                os.chmod(p, FILE_MODE)


def write_bytes(path: Path, data: bytes) -> None:
    """Like write_text, for bytes kept exactly (a restored config file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_bytes(data)
    os.chmod(tmp, FILE_MODE)
    tmp.replace(path)
