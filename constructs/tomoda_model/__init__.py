"""The typed environment model: `load_estate(config_dir)` is the one entry point."""
from .load import DEFAULT_CONFIG_DIR, load_estate  # noqa: F401
from .loader import ModelError  # noqa: F401
from .model import *  # noqa: F401,F403  (the dataclasses are the package's API)
