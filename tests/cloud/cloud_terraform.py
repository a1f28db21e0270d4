"""Running plain terraform offline against the hashicorp/aws provider of the local mirror."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tomoda_build.settings import Settings

MIRROR = Settings.from_env().tf_mirror  # the check family's mirror
AWS_ADDRESS = "registry.terraform.io/hashicorp/aws"
CLI_CONFIG = f"""provider_installation {{
  filesystem_mirror {{
    path    = "{MIRROR}"
    include = ["{AWS_ADDRESS}"]
  }}
  direct {{
    exclude = ["{AWS_ADDRESS}"]
  }}
}}
"""


def require_terraform_with_aws() -> None:
    """Skip where no aws provider can be had - except in CI, where it is required."""
    missing = ("no terraform binary on PATH" if shutil.which("terraform") is None else
               f"no hashicorp/aws provider in the filesystem mirror {MIRROR}"
               if not (MIRROR / AWS_ADDRESS).is_dir() else None)
    if missing and os.environ.get("CI"):
        pytest.fail(f"{missing}: terraform validate is required in CI")
    if missing:
        pytest.skip(missing)


def terraform(workdir: Path, *args: str) -> subprocess.CompletedProcess:
    """Run terraform in `workdir` with a CLI config that installs aws from the mirror only."""
    cli = workdir.parent / f"{workdir.name}.tfrc"
    cli.write_text(CLI_CONFIG)
    env = {k: v for k, v in os.environ.items() if k != "TF_PLUGIN_CACHE_DIR"}
    env.update(TF_CLI_CONFIG_FILE=str(cli), CHECKPOINT_DISABLE="1", TF_IN_AUTOMATION="1",
               TF_DATA_DIR=str(workdir / ".terraform"))
    return subprocess.run(["terraform", f"-chdir={workdir}", *args, "-no-color"], env=env,
                          capture_output=True, text=True, timeout=300)


def init_and_validate(workdir: Path) -> dict:
    """`terraform init -backend=false` then `terraform validate -json`; the validate report."""
    init = terraform(workdir, "init", "-backend=false", "-input=false")
    assert init.returncode == 0, init.stdout + init.stderr
    validate = terraform(workdir, "validate", "-json")
    report = json.loads(validate.stdout)
    assert validate.returncode == 0 and report["valid"], json.dumps(report["diagnostics"], indent=1)
    return report
