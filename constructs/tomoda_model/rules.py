"""The value rules of the model: each a named, constrained type that model.py puts beside a
field, so a field's rule is read where the field is declared (and lands in the JSON Schema).

Every rule matches the whole string (`re.fullmatch`: "tomoda\\n" is not a DNS label), and every
string is short, printable and free of anything that looks like a credential. The external
rules are the real ones: Kubernetes' DNS-1123 label/subdomain and DNS-1035 label, Helm's 53
characters for a release, CNPG's 50 for a cluster, GCS and S3 bucket naming, IAM role names,
CNPG's six-field cron, Kubernetes quantities, OCI image references, semver without leading
zeros, and the regions the providers know.
"""
from __future__ import annotations

import ipaddress
import re
from typing import Annotated, Callable

from pydantic import AfterValidator, Field, Strict

MAX_TEXT = 512  # no value of the estate is longer; a 5 MB string is a mistake


# ---------------------------------------------------------------- credentials (refused anywhere)

CREDENTIAL_PATTERNS = {
    "an AWS access key id": re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    "a private key": re.compile(r"-----BEGIN ([A-Z]+ )?PRIVATE KEY-----"),
    "a GitHub token": re.compile(r"\b(ghp|gho|ghu|ghs|ghr|github_pat)_[A-Za-z0-9_]{20,}\b"),
    "a Slack token": re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}\b"),
    "a Google API key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    "a Stripe secret key": re.compile(r"\b(sk|rk)_(live|test)_[0-9A-Za-z]{16,}\b"),
    "a Google OAuth client secret": re.compile(r"\bGOCSPX-[0-9A-Za-z_-]{10,}"),
    "a Slack webhook URL": re.compile(r"https://hooks\.slack\.com/services/"),
}


CREDENTIAL_ADVICE = "secret values live in Secret Manager, never in config/"


def credential_in(value: str) -> str:
    """What credential `value` looks like ("" when none)."""
    for what, pattern in CREDENTIAL_PATTERNS.items():
        if pattern.search(value):
            return what
    return ""


def _text(value: str) -> str:
    if len(value) > MAX_TEXT:
        raise ValueError(f"is {len(value)} characters long (at most {MAX_TEXT})")
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise ValueError("contains a control character (a newline or tab?)")
    what = credential_in(value)
    if what:
        raise ValueError(f"looks like {what}: {CREDENTIAL_ADVICE}")
    return value


def rule(pattern: str, what: str, *, max_len: int = MAX_TEXT,
         check: Callable[[str], str] | None = None, example: str = ""):
    """A string type matching `pattern` in full, at most `max_len` long, plus `check`
    (returns a problem, "" for none)."""
    compiled = re.compile(pattern)
    if example and not compiled.fullmatch(example):
        raise ValueError(f"the example {example!r} of {what!r} does not match its own rule")

    def validate(value: str) -> str:
        _text(value)
        if len(value) > max_len:
            raise ValueError(f"is not {what}: {len(value)} characters, at most {max_len}")
        if not compiled.fullmatch(value):
            raise ValueError(f"is not {what}" + (f" (e.g. {example})" if example else ""))
        problem = check(value) if check else ""
        if problem:
            raise ValueError(problem)
        return value

    return Annotated[str, AfterValidator(validate),
                     Field(json_schema_extra={"pattern": f"^(?:{pattern})$", "maxLength": max_len,
                                              "description": what})]


Text = Annotated[str, AfterValidator(_text), Field(json_schema_extra={"maxLength": MAX_TEXT})]

# ---------------------------------------------------------------- Kubernetes names

_LABEL = r"[a-z0-9]([-a-z0-9]*[a-z0-9])?"
DnsLabel = rule(_LABEL, "a DNS-1123 label (lowercase letters, digits, '-', 1-63)", max_len=63,
                example="postgres-dev")
Dns1035Label = rule(r"[a-z]([-a-z0-9]*[a-z0-9])?", "a DNS-1035 label (starts with a letter)",
                    max_len=63)
DnsSubdomain = rule(rf"{_LABEL}(\.{_LABEL})*", "a DNS-1123 subdomain", max_len=253)
# CNPG: a DNS-1035 label of at most 50 (cloudnative-pg v1.30.0 internal/webhook/v1/cluster_webhook.go)
CnpgClusterName = rule(r"[a-z]([-a-z0-9]*[a-z0-9])?", "a CNPG cluster name (DNS-1035 label, at most 50)",
                       max_len=50)
# Helm: a release name is a DNS-1123 label of at most 53 (the rest of 63 is left to suffixes)
ReleaseName = rule(_LABEL, "a Helm release name (DNS-1123 label, at most 53)", max_len=53)
ApplicationName = DnsSubdomain
EnvVarName = rule(r"[A-Z_][A-Z0-9_]*", "an environment variable name (A-Z, 0-9, _)", max_len=128,
                  example="DB_PASSWORD")
Identifier = rule(r"[a-z][a-z0-9_]*", "an identifier (lowercase, digits, _)", max_len=63)
PgIdentifier = rule(r"[a-z_][a-z0-9_]*", "a PostgreSQL identifier (lowercase, digits, _)", max_len=63,
                    example="tomoda_dev")

# ---------------------------------------------------------------- hosts, URLs, mail

Host = rule(rf"{_LABEL}(\.{_LABEL})+", "a lowercase DNS host name", max_len=253,
            example="api.tomoda.life")
HttpsUrl = rule(r"https://[a-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~%/+-]*)?", "an https:// URL", max_len=256)
GithubRepo = rule(r"https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", "a github.com repository URL",
                  max_len=256)
ChartRepo = rule(r"(https://[a-z0-9.-]+(/[A-Za-z0-9._~%/-]*)?|[a-z0-9.-]+(/[a-z0-9._-]+)+)",
                 "a chart repository (https:// URL, or an OCI registry path without oci://)", max_len=256)
Email = rule(r"[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+", "an email address (lowercase)", max_len=254,
             example="ops@tomoda.life")
SlackChannel = rule(r"#[a-z0-9_-]{1,80}", "a Slack channel (#name)", max_len=81)
GitRef = rule(r"[A-Za-z0-9][A-Za-z0-9._/-]*", "a git branch name", max_len=128,
              check=lambda v: "is not a git branch name ('..', '//' or a trailing '/' or '.lock')"
              if ".." in v or "//" in v or v.endswith(("/", ".lock", ".")) else "")
RepoPath = rule(r"[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*", "a relative path inside the repository",
                max_len=256, check=lambda v: "must not climb out with '..'" if ".." in v.split("/") else "")

# ---------------------------------------------------------------- versions, images, schedules

_NUM = r"(0|[1-9][0-9]*)"
_PRE = r"(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?"
ChartVersion = rule(rf"v?{_NUM}\.{_NUM}\.{_NUM}{_PRE}",
                    "an exact chart version (semver, no leading zeros; a leading v allowed)",
                    max_len=64, example="7.7.13")
RELEASE_TAG = re.compile(rf"v{_NUM}\.{_NUM}\.{_NUM}")
ReleaseTag = rule(RELEASE_TAG.pattern, "a release tag vMAJOR.MINOR.PATCH (no leading zeros)",
                  max_len=64, example="v1.4.0")
ArgoRole = rule(r"role:[a-z][a-z0-9_-]{0,62}", "an Argo CD role (role:<name>)", max_len=68)
GcsObject = rule(r"[A-Za-z0-9._/-]{1,512}", "a GCS object name", max_len=512)
ImageTag = rule(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}", "an image tag", max_len=128)
_COMPONENT = r"[a-z0-9]+([._-]+[a-z0-9]+)*"
ImageName = rule(rf"{_COMPONENT}(/{_COMPONENT})*", "an image name (lowercase path)", max_len=255)
ImageRepository = rule(rf"([a-z0-9.-]+(:[0-9]+)?/)?{_COMPONENT}(/{_COMPONENT})*",
                       "an OCI image repository (registry/path, no tag)", max_len=255)
ImageRef = rule(rf"([a-z0-9.-]+(:[0-9]+)?/)?{_COMPONENT}(/{_COMPONENT})*:[A-Za-z0-9_][A-Za-z0-9_.-]{{0,127}}",
                "an OCI image reference with a tag (registry/path:tag)", max_len=255,
                example="ghcr.io/cloudnative-pg/postgis:17-3.5")
KubeMinor = rule(r"1\.[0-9]{2}", "a Kubernetes minor version like 1.33", max_len=5)


def _cron_field(value: str, low: int, high: int) -> bool:
    for part in value.split(","):
        base, _, step = part.partition("/")
        if step and not (step.isdigit() and int(step) > 0):
            return False
        if base in ("*", "?"):
            continue
        lo, _, hi = base.partition("-")
        for n in (lo, hi) if hi else (lo,):
            if not n.isdigit() or not low <= int(n) <= high:
                return False
        if hi and int(lo) > int(hi):
            return False
    return True


def _cron6(value: str) -> str:
    fields = value.split(" ")
    if len(fields) != 6:
        return (f"is not a CNPG schedule: {len(fields)} fields, expected 6 (seconds minutes hours "
                f"day-of-month month day-of-week, e.g. '0 0 3 * * *')")
    bounds = ((0, 59), (0, 59), (0, 23), (1, 31), (1, 12), (0, 7))
    for name, part, (lo, hi) in zip(("seconds", "minutes", "hours", "day-of-month", "month",
                                     "day-of-week"), fields, bounds):
        if not _cron_field(part, lo, hi):
            return f"is not a CNPG schedule: field {name} {part!r} is not within {lo}-{hi}"
    return ""


Cron6 = rule(r"[0-9*?/,-]+( [0-9*?/,-]+){5}", "a CNPG (robfig) cron schedule with six fields",
             max_len=128, check=_cron6, example="0 0 3 * * *")

# ---------------------------------------------------------------- quantities

_QUANTITY = r"(0|[1-9][0-9]*)(\.[0-9]+)?(m|Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?"
_FACTOR = {"m": 1e-3, "": 1, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15,
           "Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40, "Pi": 2**50}


def quantity_value(q: str) -> float:
    m = re.fullmatch(r"([0-9.]+)([A-Za-z]*)", q)
    return float(m.group(1)) * _FACTOR[m.group(2)] if m else 0.0


Quantity = rule(_QUANTITY, "a positive Kubernetes quantity (e.g. 512Mi, 500m, 10Gi)", max_len=32,
                check=lambda v: "must be greater than zero" if quantity_value(v) <= 0 else "")
Percent = rule(r"([1-9][0-9]?|100)%", "a percentage like 50%", max_len=4)
PostgresSize = rule(r"[0-9]+(kB|MB|GB|TB|ms|s|min|h)?|[a-z_]+", "a PostgreSQL setting value", max_len=64)

# ---------------------------------------------------------------- cloud names

GcpProject = rule(r"[a-z][a-z0-9-]{4,28}[a-z0-9]", "a GCP project id (6-30, lowercase)", max_len=30,
                  example="development-485000")
GcpAccountId = rule(r"[a-z][a-z0-9-]{4,28}[a-z0-9]", "a GCP service account id (6-30, lowercase)",
                    max_len=30)
GcpName = rule(r"[a-z]([-a-z0-9]{0,61}[a-z0-9])?", "a GCP resource name (RFC 1035, 1-63)", max_len=63)
GkeName = rule(r"[a-z]([-a-z0-9]{0,38}[a-z0-9])?", "a GKE cluster or node pool name (1-40)", max_len=40,
               example="gke-tomoda")
MachineType = rule(r"[a-z][a-z0-9]*-[a-z0-9-]+", "a GCE machine type", max_len=63,
                   example="e2-standard-4")
GsmSecret = rule(r"[A-Za-z0-9_-]{1,255}", "a Secret Manager secret id (letters, digits, _ and -)",
                 max_len=255)
GsmSlug = rule(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?", "a secret name slug (lowercase, digits, -)",
               max_len=200, example="db-password")
AwsSecretName = rule(r"[A-Za-z0-9/_+=.@-]{1,512}", "an AWS Secrets Manager name", max_len=512)
IamRole = rule(r"roles/[a-zA-Z0-9_.]{3,64}|projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/roles/[a-zA-Z0-9_.]{3,64}"
               r"|organizations/[0-9]{1,20}/roles/[a-zA-Z0-9_.]{3,64}",
               "an IAM role (roles/<name>, projects/<p>/roles/<name> or organizations/<o>/roles/<name>)",
               max_len=160)
RegistryId = rule(r"[a-z]([a-z0-9-]*[a-z0-9])?", "an Artifact Registry repository id", max_len=63,
                  example="tomoda-dev-repo")
CloudBuildPrefix = rule(r"([a-z0-9][a-z0-9-]*-)?", "a trigger name prefix ending in '-' (or empty)",
                        max_len=32)
OAuthClientId = rule(r"[0-9]+-[a-z0-9]+\.apps\.googleusercontent\.com",
                     "a Google OAuth client id (<number>-<id>.apps.googleusercontent.com)", max_len=128)


def _ip_address_like(v: str) -> bool:
    try:
        ipaddress.ip_address(v)
        return True
    except ValueError:
        return False


def _gcs(v: str) -> str:
    if v.startswith("goog") or "google" in v or "g00gle" in v:
        return "is not a GCS bucket name: it may not start with 'goog' or contain 'google'"
    if _ip_address_like(v):
        return "is not a GCS bucket name: it may not be an IP address"
    if ".." in v or ".-" in v or "-." in v:
        return "is not a GCS bucket name: no '..', '.-' or '-.'"
    if "." not in v and len(v) > 63:
        return "is not a GCS bucket name: at most 63 characters without dots"
    return ""


GcsBucket = rule(r"[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]", "a GCS bucket name (3-63 lowercase, digits, - _ .)",
                 max_len=222, check=_gcs)


def _s3(v: str) -> str:
    if _ip_address_like(v):
        return "is not an S3 bucket name: it may not be an IP address"
    if ".." in v or ".-" in v or "-." in v:
        return "is not an S3 bucket name: no '..', '.-' or '-.'"
    if v.startswith(("xn--", "sthree-", "amzn-s3-demo-")) or v.endswith(("-s3alias", "--ol-s3", ".mrap", "--x-s3")):
        return "is not an S3 bucket name: reserved prefix or suffix"
    return ""


S3Bucket = rule(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", "an S3 bucket name (3-63 lowercase, digits, - .)",
                max_len=63, check=_s3)

# The regions the providers know. AWS: every commercial region named in the
# terraform-provider-aws 5.100.0 binary of the local mirror (its endpoint data). GCP: Compute
# Engine's regions (cloud.google.com/compute/docs/regions-zones, 2026-11); a zone is
# `<region>-<letter>`.
AWS_REGIONS = frozenset((
    "af-south-1 ap-east-1 ap-northeast-1 ap-northeast-2 ap-northeast-3 ap-south-1 ap-south-2 "
    "ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 ap-southeast-5 ap-southeast-7 "
    "ca-central-1 ca-west-1 eu-central-1 eu-central-2 eu-north-1 eu-south-1 eu-south-2 eu-west-1 "
    "eu-west-2 eu-west-3 il-central-1 me-central-1 me-south-1 mx-central-1 sa-east-1 us-east-1 "
    "us-east-2 us-west-1 us-west-2").split())
GCP_REGIONS = frozenset((
    "africa-south1 asia-east1 asia-east2 asia-northeast1 asia-northeast2 asia-northeast3 "
    "asia-south1 asia-south2 asia-southeast1 asia-southeast2 australia-southeast1 "
    "australia-southeast2 europe-central2 europe-north1 europe-north2 europe-southwest1 "
    "europe-west1 europe-west2 europe-west3 europe-west4 europe-west6 europe-west8 europe-west9 "
    "europe-west10 europe-west12 me-central1 me-central2 me-west1 northamerica-northeast1 "
    "northamerica-northeast2 northamerica-south1 southamerica-east1 southamerica-west1 "
    "us-central1 us-east1 us-east4 us-east5 us-south1 us-west1 us-west2 us-west3 us-west4").split())


def _one_of(known: frozenset[str], what: str) -> Callable[[str], str]:
    def check(v: str) -> str:
        if v in known:
            return ""
        import difflib
        close = difflib.get_close_matches(v, sorted(known), n=1)
        return f"is not {what}" + (f" (did you mean {close[0]!r}?)" if close else "")
    return check


AwsRegion = rule(r"[a-z]{2}-[a-z]+-[0-9]+", "an AWS region", max_len=32,
                 check=_one_of(AWS_REGIONS, "an AWS region the aws provider knows"))
GcpRegion = rule(r"[a-z]+-[a-z]+[0-9]+", "a GCP region", max_len=32,
                 check=_one_of(GCP_REGIONS, "a GCP region"))
GcpZone = rule(r"[a-z]+-[a-z]+[0-9]+-[a-z]", "a GCP zone (<region>-<letter>)", max_len=34,
               check=lambda v: _one_of(GCP_REGIONS, "a zone of a GCP region")(v.rsplit("-", 1)[0]))

GcpLocation = rule(r"[a-z]+-[a-z]+[0-9]+(-[a-z])?", "a GCP zone (zonal cluster) or region (regional)",
                   max_len=34, check=lambda v: _one_of(GCP_REGIONS, "a GCP zone or region")(
                       v.rsplit("-", 1)[0] if re.fullmatch(r".*[0-9]-[a-z]", v) else v))


def ipv4_address(value: str) -> str:
    _text(value)
    try:
        addr = ipaddress.ip_address(value)
    except ValueError as exc:
        raise ValueError(f"is not an IPv4 address ({exc})") from None
    if addr.version != 4 or not addr.is_private:
        raise ValueError("is not a private IPv4 address (RFC 1918)")
    return value


Ipv4Address = Annotated[str, AfterValidator(ipv4_address),
                        Field(json_schema_extra={"description": "a private IPv4 address"})]


def ipv4_cidr(value: str) -> str:
    _text(value)
    try:
        net = ipaddress.ip_network(value)
    except ValueError as exc:
        raise ValueError(f"is not a CIDR ({exc})") from None
    if net.version != 4:
        raise ValueError("is not an IPv4 CIDR (GKE's VPC-native ranges here are IPv4)")
    if not net.is_private:
        raise ValueError("is not a private range (RFC 1918)")
    return value


Ipv4Cidr = Annotated[str, AfterValidator(ipv4_cidr),
                     Field(json_schema_extra={"description": "a private IPv4 CIDR"})]
Port = Annotated[int, Strict(), Field(ge=1, le=65535)]
