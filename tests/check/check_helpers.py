"""Helpers of the `make check` tests (imported as `check.check_helpers`)."""
from __future__ import annotations

import pytest

from tomoda_build.settings import Settings


def require_checkov() -> None:
    """checkov lives in .venv-checkov (`make .venv-checkov/.installed`); in CI it must be there."""
    settings = Settings.from_env()
    if not settings.checkov.exists() and not settings.ci:
        pytest.skip(f"checkov not installed at {settings.checkov} (`make .venv-checkov/.installed`); "
                    "required in CI")
