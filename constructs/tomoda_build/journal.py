"""A transaction over config files and an output tree (`make release`).

`make release` edits the model, then swaps in a re-synthesized dist/. Killed between the two
(SIGKILL, a power cut), it would leave the model at the new tag with dist/ old. So before
writing the model it records a journal beside the config directory: the files' original
bytes and a fingerprint of dist/ as it was. Whoever runs next (`make release`, `make synth`)
calls `recover()`: if dist/ still has the old fingerprint the swap never happened and the
model files are put back; if it has changed the swap happened, the model and dist/ agree,
and the journal is simply dropped. Signals that can be caught run the same recovery at once.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import signal
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from . import tree


class Interrupted(BaseException):
    """A SIGTERM/SIGHUP/SIGINT arrived mid-transaction."""


def journal_path(config: Path) -> Path:
    return config.with_name(f".{config.name}.release-journal")


def fingerprint(root: Path) -> str:
    """One hash of synth's files under `root` (names and contents)."""
    h = hashlib.sha256()
    for rel, path in tree.listing(root).items():
        h.update(rel.encode("utf-8") + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest() if root.exists() else "missing"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


def recover(config: Path, log: Callable[[str], None] = print, *, own: bool = False) -> None:
    """Finish or undo an interrupted transaction over `config` (no-op without a journal, and
    while the process that wrote it still runs, unless it is this one finishing: `own`)."""
    path = journal_path(config)
    if not path.is_file():
        return
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        dist, before, files, pid = Path(data["dist"]), data["dist_fingerprint"], data["files"], data["pid"]
    except (OSError, ValueError, KeyError, TypeError):
        log(f"warning: {path.name} is unreadable; removed it (check config/ with git diff)")
        path.unlink(missing_ok=True)
        return
    if not own and (pid == os.getpid() or _alive(int(pid))):
        return
    if fingerprint(dist) == before:
        for name, content in files.items():
            tree.write_bytes(Path(name), base64.b64decode(content))
        log(f"recovered an interrupted release: {', '.join(Path(n).name for n in files)} restored "
            f"({dist.name}/ had not been replaced)")
    else:
        log(f"an interrupted release had replaced {dist.name}/: its model change stands")
    path.unlink()


def _raise(signum: int, _frame) -> None:
    raise Interrupted(signal.Signals(signum).name)


@contextmanager
def transaction(config: Path, dist: Path, originals: dict[Path, bytes]) -> Iterator[None]:
    """Within the block, the model files may be rewritten and dist/ swapped; on any failure
    or catchable signal the model is restored unless dist/ was replaced; after SIGKILL the
    next run does the same (`recover`)."""
    path = journal_path(config)
    tree.write_text(path, json.dumps({
        "pid": os.getpid(), "dist": str(dist), "dist_fingerprint": fingerprint(dist),
        "files": {str(p): base64.b64encode(b).decode("ascii") for p, b in originals.items()}}))
    handlers = {s: signal.signal(s, _raise) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    except BaseException:
        recover(config, log=lambda _line: None, own=True)
        raise
    finally:
        for s, h in handlers.items():
            signal.signal(s, h)
    path.unlink(missing_ok=True)
