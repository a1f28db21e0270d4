"""Fast, shadow-free access to generated and provider bindings.

Two tricks, both for speed and safety:

1. `imports/` (cdk8s import output) is registered as the package `imports` straight from
   its directory. Putting the repo root on sys.path instead would make the `constructs/`
   source folder a candidate for `import constructs` - the library cdk8s and cdktf need.

2. The prebuilt cdktf provider packages eagerly import every submodule from their
   package `__init__` (2,212 for aws: ~20 s, ~0.5 GB). `lazy_provider()` registers the
   package as an empty shell whose submodules import on demand, so a stack pays only for
   the resource types it uses. Submodules depend only on the package's `_jsii` module
   (which loads the jsii assembly), never on the package `__init__`.
"""
from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
import types
from pathlib import Path

from .paths import IMPORTS


def _shell(name: str, directory: Path) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__path__ = [str(directory)]
    spec = importlib.machinery.ModuleSpec(name, None, is_package=True)
    spec.submodule_search_locations = [str(directory)]
    module.__spec__ = spec
    module.__file__ = None
    sys.modules[name] = module
    return module


def register_imports(directory: Path = IMPORTS) -> None:
    """Make `import imports.io.argoproj` work without the repo root on sys.path."""
    if "imports" not in sys.modules:
        _shell("imports", directory)


def lazy_provider(package: str) -> None:
    """Register `package` (e.g. cdktf_cdktf_provider_aws) without running its __init__."""
    if package in sys.modules:
        return
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(package)
    _shell(package, Path(spec.origin).parent)


PROVIDERS = (
    "cdktf_cdktf_provider_google",
    "cdktf_cdktf_provider_aws",
    "cdktf_cdktf_provider_cloudflare",
    "cdktf_cdktf_provider_helm",
)


def lazy_providers() -> None:
    for p in PROVIDERS:
        lazy_provider(p)
