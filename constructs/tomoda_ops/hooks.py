"""The git pre-commit hook: refuse a commit whose dist/ or generated docs are stale.

`make hooks` writes it into the repository's hooks directory; `.pre-commit-config.yaml`
runs the same COMMAND for people who use the pre-commit tool.
"""
from __future__ import annotations

import stat
import subprocess
from pathlib import Path

COMMAND = "make -s fresh"
MARKER = "# tomoda pre-commit hook"
# What a synthesis reads or writes: the check below is only about the commit when these
# paths have no unstaged changes (the pre-commit tool stashes them itself; this hook asks).
SYNTH_PATHS = "config constructs apps imports dist docs requirements.lock"


class HookError(Exception):
    pass


def script() -> str:
    return f"""#!/bin/sh
{MARKER} (installed by `make hooks`; .pre-commit-config.yaml runs the same check).
# Refuses a commit when dist/ or docs/environments.md is not what the source produces.
# Skip once with `git commit --no-verify`.
cd "$(git rev-parse --show-toplevel)" || exit 1
if ! git diff --quiet -- {SYNTH_PATHS}; then
    echo "pre-commit: unstaged changes under {SYNTH_PATHS}:" >&2
    git diff --stat -- {SYNTH_PATHS} >&2
    echo "the freshness check would not see what you commit: stage them (git add) or stash them." >&2
    exit 1
fi
exec {COMMAND}
"""


def hooks_dir(repo: Path) -> Path:
    """Where git looks for hooks (honours worktrees and core.hooksPath)."""
    try:
        out = subprocess.run(["git", "rev-parse", "--git-path", "hooks"], cwd=repo,
                             capture_output=True, encoding="utf-8", errors="replace", check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        raise HookError(f"{repo} is not a git repository (or git is not installed)") from None
    path = Path(out)
    return path if path.is_absolute() else repo / path


def install(directory: Path, force: bool = False) -> Path:
    """Write the hook into `directory`; refuse to replace somebody else's hook unless `force`."""
    hook = Path(directory) / "pre-commit"
    if hook.exists() and MARKER not in hook.read_text(errors="replace") and not force:
        raise HookError(f"{hook} exists and is not ours; move it away or use --force")
    hook.parent.mkdir(parents=True, exist_ok=True)
    hook.write_text(script(), encoding="utf-8")
    hook.chmod(hook.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return hook
