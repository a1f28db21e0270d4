"""Helpers of the `make check` tests (imported as `check.check_helpers`)."""
from __future__ import annotations

import os

import pytest

from tomoda_check.checkov import CHECKOV


def require_checkov() -> None:
    """checkov lives in .venv-checkov (`make .venv-checkov/.installed`); in CI it must be there."""
    if not CHECKOV.exists() and not os.environ.get("CI"):
        pytest.skip(f"checkov not installed at {CHECKOV} (`make .venv-checkov/.installed`); required in CI")
