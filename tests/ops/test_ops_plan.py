"""`make plan`: terraform init + plan of the stacks whose output changed, or a message naming
what is missing. The terraform on PATH is replaced by a recorder where the real one would
need cloud credentials; the lock files' validity against the real provider is proven by the
tools family (tests/check/test_check_mutations.py: lock-version, lock-checksum)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from support import ROOT, run_app
from tomoda_ops import plan

CREDENTIAL_VARS = [v for need in (plan.GOOGLE, plan.AWS, plan.CLOUDFLARE)
                   for v in (*need.env, *need.together)] + ["CLOUDSDK_CONFIG", "AWS_SHARED_CREDENTIALS_FILE"]


def _env(home: Path, path_dir: Path | None = None, **creds: str) -> dict:
    env = {v: "" for v in CREDENTIAL_VARS}
    env.update(HOME=str(home), STACKS="", BASE="", **creds)
    if path_dir is not None:
        env["PATH"] = f"{path_dir}:/usr/bin:/bin"
    return env


@pytest.fixture
def trees(tmp_path):
    """(base, dist): two copies of the committed dist/terraform, for --against."""
    base, dist = tmp_path / "base", tmp_path / "dist"
    for t in (base, dist):
        shutil.copytree(ROOT / "dist" / "terraform", t / "terraform")
    return base, dist


@pytest.fixture
def recorder(tmp_path) -> tuple[Path, Path]:
    """A `terraform` that logs its arguments and reports "changes" (exit 2) for plan."""
    bin_dir, log = tmp_path / "bin", tmp_path / "terraform.log"
    bin_dir.mkdir()
    (bin_dir / "terraform").write_text(
        f'#!/bin/sh\necho "$@" >> {log}\ncase "$*" in *" plan "*) exit 2;; esac\nexit 0\n')
    (bin_dir / "terraform").chmod(0o755)
    return bin_dir, log


def _touch(dist: Path, stack: str) -> None:
    path = dist / "terraform" / stack / "cdk.tf.json"
    doc = json.loads(path.read_text())
    next(iter(doc["resource"]["aws_s3_bucket"].values()))["tags"] = {"changed": "yes"}
    path.write_text(json.dumps(doc, indent=2))


def _plan(dist: Path, base: Path, env: dict):
    return run_app("apps/plan.py", "--dist", str(dist), "--against", str(base), "--skip-fresh",
                   check=False, env=env)


def test_nothing_changed_means_nothing_to_plan(trees, tmp_path):
    # GIVEN a dist/ identical to its base WHEN make plan THEN it says so and exits 0
    proc = _plan(trees[1], trees[0], _env(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert "nothing to plan" in proc.stdout


def test_missing_credentials_are_named_per_stack_and_nothing_runs(trees, tmp_path, recorder):
    base, dist = trees
    _touch(dist, "aws-dev")
    # GIVEN a changed aws-dev stack and no credentials at all
    proc = _plan(dist, base, _env(tmp_path, recorder[0]))
    # THEN exit 2, each missing credential named with the stack that needs it, terraform never run
    assert proc.returncode == 2
    assert "cannot plan aws-dev:" in proc.stderr
    for what in ("Google credentials", "GOOGLE_APPLICATION_CREDENTIALS", "AWS credentials",
                 "AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY", "Cloudflare API token", "CLOUDFLARE_API_TOKEN"):
        assert what in proc.stderr
    assert proc.stderr.count("(needed by aws-dev)") == 3
    assert not recorder[1].exists()


def test_with_credentials_only_the_changed_stack_is_initialized_and_planned(trees, tmp_path, recorder):
    base, dist = trees
    _touch(dist, "aws-prod")
    # GIVEN a changed aws-prod stack and credentials in the environment and a gcloud ADC file
    adc = tmp_path / ".config/gcloud/application_default_credentials.json"
    adc.parent.mkdir(parents=True)
    adc.write_text("{}")
    env = _env(tmp_path, recorder[0], AWS_PROFILE="tomoda", CLOUDFLARE_API_TOKEN="from-the-environment")
    # WHEN make plan
    proc = _plan(dist, base, env)
    # THEN terraform init, then plan saved in .terraform/, ran in that stack only
    assert proc.returncode == 0, proc.stderr
    stack_dir = dist / "terraform" / "aws-prod"
    assert recorder[1].read_text().splitlines() == [
        f"-chdir={stack_dir} init -input=false",
        f"-chdir={stack_dir} plan -input=false -detailed-exitcode -out={plan.PLAN_FILE}"]
    assert f"aws-prod     changes: review, then `terraform -chdir=dist/terraform/aws-prod apply {plan.PLAN_FILE}`" \
        in proc.stdout


def test_a_failing_plan_fails_the_target(trees, tmp_path, recorder):
    base, dist = trees
    _touch(dist, "aws-dev")
    (recorder[0] / "terraform").write_text(f'#!/bin/sh\necho "$@" >> {recorder[1]}\nexit 1\n')
    env = _env(tmp_path, recorder[0], GOOGLE_OAUTH_ACCESS_TOKEN="t", AWS_ACCESS_KEY_ID="a",
               AWS_SECRET_ACCESS_KEY="b", CLOUDFLARE_API_TOKEN="c")
    proc = _plan(dist, base, env)
    assert proc.returncode == 1
    assert "aws-dev      init failed" in proc.stdout
    assert len(recorder[1].read_text().splitlines()) == 1  # no plan after a failed init


def test_an_unknown_stack_is_refused_naming_the_variable(trees, tmp_path):
    proc = _plan(trees[1], trees[0], {**_env(tmp_path), "STACKS": "gcp,aws-staging"})
    assert proc.returncode == 2
    assert "STACKS='gcp,aws-staging': no stack 'aws-staging'" in proc.stderr


def test_a_base_that_is_not_a_commit_is_refused(tmp_path):
    proc = run_app("apps/plan.py", "--skip-fresh", check=False, env={**_env(tmp_path), "BASE": "no-such-ref;rm"})
    assert proc.returncode == 2
    assert "BASE='no-such-ref;rm' is not a commit" in proc.stderr


def test_stale_terraform_output_is_refused_before_anything_runs(tmp_path):
    # GIVEN a copy of dist/ whose gcp stack was edited by hand
    dist = tmp_path / "dist"
    shutil.copytree(ROOT / "dist", dist)
    path = dist / "terraform/gcp/cdk.tf.json"
    path.write_text(path.read_text().replace("asia-east1", "asia-east2", 1))
    proc = run_app("apps/plan.py", "--dist", str(dist), "--against", str(ROOT / "dist"), check=False,
                   env=_env(tmp_path))
    assert proc.returncode == 1
    assert "run `make synth` first" in proc.stderr and "dist/terraform/gcp/cdk.tf.json: differs" in proc.stderr


def test_a_stack_is_planned_after_the_stacks_whose_state_it_reads():
    docs = plan.stacks(ROOT / "dist")
    assert plan.upstream(docs["gcp-argocd"]) == {"gcp"}
    assert plan.ordered(["gcp-argocd", "aws-dev", "gcp"], docs) == ["aws-dev", "gcp", "gcp-argocd"]


@pytest.mark.parametrize("env,files,present", [
    ({}, [], False),
    ({"AWS_ACCESS_KEY_ID": "a"}, [], False),                       # a key without its secret
    ({"AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b"}, [], True),
    ({}, [".aws/credentials"], True),
    ({"AWS_PROFILE": ""}, [], False),                              # empty is unset
])
def test_aws_credentials_are_found_where_the_provider_looks(tmp_path, env, files, present):
    for f in files:
        (tmp_path / f).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / f).write_text("[default]\n")
    assert plan.AWS.present(env, tmp_path) is present


def test_each_stack_needs_what_its_backend_and_providers_need():
    docs = plan.stacks(ROOT / "dist")
    assert plan.needs(docs["gcp"]) == [plan.GOOGLE]
    assert plan.needs(docs["gcp-argocd"]) == [plan.GOOGLE]
    assert plan.needs(docs["aws-dev"]) == [plan.GOOGLE, plan.AWS, plan.CLOUDFLARE]
