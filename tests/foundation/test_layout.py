"""The `constructs/` source folder must never shadow the `constructs` library."""
from __future__ import annotations

import subprocess
import sys

from support import ENV, ROOT

PROBE = "import constructs, cdk8s, cdktf; print(constructs.__file__); print(constructs.Construct)"


def _resolve(*python_args: str) -> str:
    proc = subprocess.run([sys.executable, *python_args], cwd=ROOT, env=ENV,
                          capture_output=True, text=True, check=True)
    return proc.stdout.splitlines()[0]


def test_constructs_folder_is_not_a_package():
    # GIVEN the source root constructs/ WHEN it has no __init__.py THEN Python can never
    # import it as the `constructs` package, whatever is on sys.path.
    assert not (ROOT / "constructs" / "__init__.py").exists()


def test_constructs_library_wins_with_the_makefile_source_roots():
    # WHEN a script runs the way the Makefile runs it (PYTHONPATH=constructs, cwd=repo root)
    location = _resolve("-c", PROBE)
    # THEN `constructs` is the library from site-packages
    assert "site-packages" in location, location


def test_constructs_library_wins_even_with_the_repo_root_on_sys_path():
    # `python -m` puts the working directory (the repo root) first on sys.path
    location = _resolve("-c", "import sys; sys.path.insert(0, %r); " % str(ROOT) + PROBE)
    assert "site-packages" in location, location


def test_generated_bindings_import_without_the_repo_root_on_sys_path():
    code = ("import sys; from tomoda_build.bindings import register_imports; register_imports(); "
            "from imports.io.argoproj import Application; "
            "assert %r not in sys.path; print(Application.GVK.kind)" % str(ROOT))
    assert _resolve("-c", code) == "Application"


def test_provider_packages_load_lazily_without_their_package_init():
    # GIVEN the lazy shell WHEN one resource class is imported THEN the package __init__
    # (2,000+ eager submodule imports) never ran: few submodules are loaded.
    code = ("import sys; from tomoda_build.bindings import lazy_providers; lazy_providers(); "
            "from cdktf_cdktf_provider_aws.s3_bucket import S3Bucket; "
            "print(sum(m.startswith('cdktf_cdktf_provider_aws.') for m in sys.modules))")
    assert int(_resolve("-c", code)) < 5


def test_entry_points_run_without_any_environment_setup():
    # GIVEN no PYTHONPATH WHEN an entry point runs THEN it finds the construct libraries by
    # itself (the source root, not the repo root) and `constructs` is still the library.
    env = {k: v for k, v in ENV.items() if k != "PYTHONPATH"}
    proc = subprocess.run([sys.executable, "apps/synth.py", "--help"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    code = ("import runpy, sys; sys.argv = ['apps/check.py', '--help']\n"
            "try:\n    runpy.run_path('apps/check.py', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "import constructs; print(constructs.__file__)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True)
    assert "site-packages" in proc.stdout.splitlines()[-1], proc.stdout + proc.stderr
