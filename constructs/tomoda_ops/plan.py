"""`make plan`: `terraform init` + `terraform plan` for each stack whose output changed.

What a stack needs is read from its own cdk.tf.json (its backend and providers), so a new
tenant's stack needs no change here. Credentials are looked for where the providers look
for them (environment variables, the gcloud and AWS files); when any is missing nothing runs
and the message names, per stack, what is missing and how to provide it. Plans are saved in
the stack's `.terraform/` (git-ignored, kept by synth), so exactly what was reviewed can be
applied.
"""
from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, Optional, Sequence

TF_ROOT = "terraform"
PLAN_FILE = ".terraform/tomoda.tfplan"


@dataclass(frozen=True)
class Need:
    """A credential a stack cannot be planned without."""
    what: str
    env: tuple[str, ...]                 # any one of these variables set (and non-empty)
    files: tuple[str, ...] = ()          # or any one of these files present (~ = home)
    together: tuple[str, ...] = ()       # or all of these variables set
    how: str = ""

    def present(self, env: Mapping[str, str], home: Path) -> bool:
        if any(env.get(v) for v in self.env):
            return True
        if self.together and all(env.get(v) for v in self.together):
            return True
        return any(_expand(f, env, home).is_file() for f in self.files)

    def describe(self) -> str:
        options = list(self.env)
        if self.together:
            options.append(" + ".join(self.together))
        options += list(self.files)
        return f"{self.what}: set {' or '.join(options)}" + (f" ({self.how})" if self.how else "")


def _expand(path: str, env: Mapping[str, str], home: Path) -> Path:
    if path.startswith("$CLOUDSDK_CONFIG/"):
        base = env.get("CLOUDSDK_CONFIG")
        return Path(base) / path.split("/", 1)[1] if base else Path("/nonexistent")
    if path.startswith("$AWS_SHARED_CREDENTIALS_FILE"):
        return Path(env.get("AWS_SHARED_CREDENTIALS_FILE") or "/nonexistent")
    return home / path[2:] if path.startswith("~/") else Path(path)


# Where hashicorp/google 6.x and the gcs backend look (credentials, access token, ADC file).
GOOGLE = Need("Google credentials",
              ("GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_CREDENTIALS", "GOOGLE_OAUTH_ACCESS_TOKEN",
               "GOOGLE_BACKEND_CREDENTIALS"),
              ("~/.config/gcloud/application_default_credentials.json",
               "$CLOUDSDK_CONFIG/application_default_credentials.json"),
              how="or run `gcloud auth application-default login`")
# Where hashicorp/aws 5.x looks (static keys, a profile, web identity, the shared files).
AWS = Need("AWS credentials", ("AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                               "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"),
           ("~/.aws/credentials", "$AWS_SHARED_CREDENTIALS_FILE"),
           together=("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"),
           how="or run `aws configure` / `aws sso login`")
# cloudflare/cloudflare 5.x: an API token (or the legacy key + email).
CLOUDFLARE = Need("a Cloudflare API token", ("CLOUDFLARE_API_TOKEN", "CLOUDFLARE_API_USER_SERVICE_KEY"),
                  together=("CLOUDFLARE_API_KEY", "CLOUDFLARE_EMAIL"),
                  how="a token with Zone:DNS:Edit on the zone")
PROVIDER_NEEDS = {"google": GOOGLE, "aws": AWS, "cloudflare": CLOUDFLARE, "helm": GOOGLE}
BACKEND_NEEDS = {"gcs": GOOGLE}


def needs(doc: dict) -> list[Need]:
    """The credentials a stack's backend and providers need, each once, in a fixed order."""
    tf = doc.get("terraform") or {}
    found = [BACKEND_NEEDS[b] for b in (tf.get("backend") or {}) if b in BACKEND_NEEDS]
    found += [PROVIDER_NEEDS[p] for p in sorted(tf.get("required_providers") or {}) if p in PROVIDER_NEEDS]
    return list(dict.fromkeys(found))


def missing(docs: Mapping[str, dict], env: Mapping[str, str], home: Path) -> dict[str, list[Need]]:
    """stack -> the credentials it needs that this environment does not provide."""
    out = {}
    for stack, doc in docs.items():
        lacking = [n for n in needs(doc) if not n.present(env, home)]
        if lacking:
            out[stack] = lacking
    return out


def by_need(lacking: Mapping[str, list[Need]]) -> dict[Need, list[str]]:
    """The same, the other way round: each missing credential with the stacks that need it."""
    out: dict[Need, list[str]] = {}
    for stack, found in lacking.items():
        for need in found:
            out.setdefault(need, []).append(stack)
    return out


def stacks(dist: Path) -> dict[str, dict]:
    root = dist / TF_ROOT
    return {p.parent.name: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(root.glob("*/cdk.tf.json"))}


def changed(docs: Mapping[str, dict], dist: Path, committed: Callable[[str], Optional[bytes]]) -> list[str]:
    """Stacks whose cdk.tf.json differs from `committed(rel)` (None: not there, so new)."""
    return [s for s in docs
            if committed(f"{TF_ROOT}/{s}/cdk.tf.json") != (dist / TF_ROOT / s / "cdk.tf.json").read_bytes()]


def upstream(doc: dict) -> set[str]:
    """The stacks this one reads through terraform_remote_state (their state prefixes)."""
    found = set()
    for body in ((doc.get("data") or {}).get("terraform_remote_state") or {}).values():
        prefix = ((body.get("config") or {}).get("prefix") or "")
        found.add(prefix.rsplit("/", 1)[-1])
    return found


def ordered(selected: Sequence[str], docs: Mapping[str, dict]) -> list[str]:
    """Selected stacks, each after the stacks whose state it reads (apply order)."""
    out: list[str] = []

    def visit(stack: str, path: tuple[str, ...]) -> None:
        if stack in out or stack in path:
            return
        for up in sorted(upstream(docs.get(stack, {}))):
            if up in selected:
                visit(up, path + (stack,))
        out.append(stack)

    for s in sorted(selected):
        visit(s, ())
    return out


@dataclass(frozen=True)
class Outcome:
    stack: str
    result: str      # "no changes" | "changes" | "init failed" | "plan failed"

    def line(self) -> str:
        tail = (f": review, then `terraform -chdir=dist/{TF_ROOT}/{self.stack} apply {PLAN_FILE}`"
                if self.result == "changes" else "")
        return f"  {self.stack:<12} {self.result}{tail}"


def run(order: Sequence[str], dist: Path, env: Mapping[str, str], terraform: str = "terraform",
        runner: Callable[..., subprocess.CompletedProcess] = subprocess.run) -> list[Outcome]:
    """init + plan each stack in place (the lock file terraform init writes is the stack's)."""
    outcomes = []
    for stack in order:
        where = f"-chdir={dist / TF_ROOT / stack}"
        print(f"==> terraform init + plan: {TF_ROOT}/{stack}", flush=True)
        init = runner([terraform, where, "init", "-input=false"], env=dict(env))
        if init.returncode != 0:
            outcomes.append(Outcome(stack, "init failed"))
            continue
        plan = runner([terraform, where, "plan", "-input=false", "-detailed-exitcode",
                       f"-out={PLAN_FILE}"], env=dict(env))
        outcomes.append(Outcome(stack, {0: "no changes", 2: "changes"}.get(plan.returncode, "plan failed")))
    return outcomes


def ambient_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("CHECKPOINT_DISABLE", "1")
    return env
