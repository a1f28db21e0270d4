"""Every malformed input is refused before anything is written, naming file, line and field.

Table-driven, one table per rule family. Each case edits a copy of config/ (a textual
replacement in estate.toml, or a new tenant file tenants/qa.toml holding only the case's keys),
then runs `make synth`'s entry point in-process against a copy of dist/ and asserts:
- exit code 2, no traceback;
- a problem `config/<file>:<line>:<column>: <field>: <message>` for the expected field, at the
  line the offending text is on;
- the dist/ copy, the repository's docs/ and config/ byte-identical.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pytest

from support import CONFIG, ROOT

QA_BUILD = '[build]\ngoogle_web_client_id = "1-qa.apps.googleusercontent.com"\n'
PROBLEM = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?:(?P<field>[^:\s]+): )?(?P<msg>.+)$")


@dataclass(frozen=True)
class Case:
    id: str
    file: str                 # relative to config/
    field: str                # the dotted field path the error must name ("" for file-level)
    new: str                  # text of tenants/qa.toml, or the replacement in estate.toml
    old: str = ""             # estate.toml: the text replaced (empty: qa.toml is written)
    at: Optional[str] = None  # a text on the expected line (default: `new`'s first line / the key)
    build: str = ""           # qa.toml: more keys of its [build] table


def qa(id: str, field: str, text: str, at: Optional[str] = None, build: str = "") -> Case:
    return Case(id, "tenants/qa.toml", field, text, at=at, build=build)


def est(id: str, field: str, old: str, new: str, at: Optional[str] = None) -> Case:
    return Case(id, "estate.toml", field, new, old=old, at=at)


F = "tenants.qa."
NAMES = [
    qa("ns-kube-system", F + "namespace", 'namespace = "kube-system"'),
    qa("ns-kube-prefix", F + "namespace", 'namespace = "kube-anything"'),
    qa("ns-default", F + "namespace", 'namespace = "default"'),
    qa("ns-argocd", F + "namespace", 'namespace = "argocd"'),
    qa("ns-data", F + "namespace", 'namespace = "data"'),
    qa("ns-platform", F + "namespace", 'namespace = "platform"'),
    qa("ns-chart", F + "namespace", 'namespace = "cert-manager"'),
    qa("ns-monitoring", F + "namespace", 'namespace = "monitoring"'),
    qa("ns-eso", F + "namespace", 'namespace = "external-secrets"'),
    qa("ns-taken", F + "namespace", 'namespace = "tomoda"'),
    qa("ns-newline", F + "namespace", 'namespace = "qa\\n"'),
    qa("ns-upper", F + "namespace", 'namespace = "QA"'),
    qa("ns-underscore", F + "namespace", 'namespace = "q_a"'),
    qa("ns-leading-dash", F + "namespace", 'namespace = "-qa"'),
    qa("ns-trailing-dash", F + "namespace", 'namespace = "qa-"'),
    qa("ns-too-long", F + "namespace", f'namespace = "{"q" * 64}"'),
    qa("ns-empty", F + "namespace", 'namespace = ""'),
    qa("ns-dot", F + "namespace", 'namespace = "q.a"'),
    qa("ns-space", F + "namespace", 'namespace = "qa "'),
    qa("ns-int", F + "namespace", "namespace = 7"),
    qa("app-platform", F + "argo_app", 'argo_app = "platform"'),
    qa("app-bootstrap", F + "argo_app", 'argo_app = "bootstrap"'),
    qa("app-photon", F + "argo_app", 'argo_app = "photon"'),
    qa("app-dev", F + "argo_app", 'argo_app = "tomoda"'),
    qa("app-prod", F + "argo_app", 'argo_app = "prod-tomoda"'),
    qa("app-chart", F + "argo_app", 'argo_app = "cert-manager"'),
    qa("app-redis-release", F + "argo_app", 'argo_app = "prod-redis"'),
    qa("app-upper", F + "argo_app", 'argo_app = "QA_app"'),
]
HOSTS = [
    qa("host-upper", F + "hosts.api", '[hosts]\napi = "API-qa.tomoda.life"', at="api ="),
    qa("host-underscore", F + "hosts.api", '[hosts]\napi = "api_qa.tomoda.life"', at="api ="),
    qa("host-non-ascii", F + "hosts.app", '[hosts]\napp = "äpp-qa.tomoda.life"', at="app ="),
    qa("host-trailing-dot", F + "hosts.app", '[hosts]\napp = "app-qa.tomoda.life."', at="app ="),
    qa("host-other-domain", F + "hosts.app", '[hosts]\napp = "app.example.com"', at="app ="),
    qa("host-bare-label", F + "hosts.assets", '[hosts]\nassets = "assets"', at="assets ="),
    qa("host-dup-dev", F + "hosts.api", '[hosts]\napi = "api-dev.tomoda.life"', at="api ="),
    qa("host-dup-prod", F + "hosts.app", '[hosts]\napp = "app.tomoda.life"', at="app ="),
    qa("host-dup-argocd", F + "hosts.pgadmin", '[hosts]\npgadmin = "argo-app.tomoda.life"', at="pgadmin ="),
    qa("host-dup-internal", F + "hosts.redis_insight", '[hosts]\nredis_insight = "grafana.tomoda.life"',
       at="redis_insight ="),
    qa("host-dup-within", F + "hosts.app", '[hosts]\napi = "x-qa.tomoda.life"\napp = "x-qa.tomoda.life"',
       at="app ="),
    qa("host-extra-bad", F + "hosts.extra_app[0]", '[hosts]\nextra_app = ["www_qa.tomoda.life"]', at="extra_app"),
    qa("host-extra-dup", F + "hosts.extra_app[0]", '[hosts]\nextra_app = ["www.tomoda.life"]', at="extra_app"),
    qa("host-extra-not-list", F + "hosts.extra_app", '[hosts]\nextra_app = "www-qa.tomoda.life"', at="extra_app"),
    qa("host-extra-int", F + "hosts.extra_app[0]", '[hosts]\nextra_app = [1]', at="extra_app"),
    qa("host-space", F + "hosts.api", '[hosts]\napi = "api qa.tomoda.life"', at="api ="),
    qa("hosts-not-table", F + "hosts", 'hosts = "api.tomoda.life"'),
    qa("host-unknown-key", F + "hosts.www", '[hosts]\nwww = "www-qa.tomoda.life"', at="www ="),
]
APP = [
    qa("gin-mode-enum", F + "app.gin_mode", '[app]\ngin_mode = "verbose"', at="gin_mode"),
    qa("gin-mode-typo", F + "app.gin_mod", '[app]\ngin_mod = "debug"', at="gin_mod"),
    qa("image-tag-space", F + "app.image_tag", '[app]\nimage_tag = "v1.0.0 "', at="image_tag"),
    qa("image-tag-colon", F + "app.image_tag", '[app]\nimage_tag = ":latest"', at="image_tag"),
    qa("image-tag-long", F + "app.image_tag", f'[app]\nimage_tag = "{"a" * 129}"', at="image_tag"),
    qa("image-tag-newline", F + "app.image_tag", '[app]\nimage_tag = "dev-1\\n"', at="image_tag"),
    qa("hpa-min-zero", F + "app.api_hpa.min", "[app]\napi_hpa = { min = 0 }", at="api_hpa"),
    qa("hpa-min-gt-max", F + "app.api_hpa.min", "[app]\napi_hpa = { min = 4, max = 3 }", at="api_hpa"),
    qa("hpa-cpu-101", F + "app.async_hpa.cpu_percent", "[app]\nasync_hpa = { cpu_percent = 101 }", at="async_hpa"),
    qa("hpa-mem-negative", F + "app.api_hpa.memory_percent", "[app]\napi_hpa = { memory_percent = -1 }",
       at="api_hpa"),
    qa("hpa-window-big", F + "app.api_hpa.scale_down_window_seconds",
       "[app]\napi_hpa = { scale_down_window_seconds = 4000 }", at="api_hpa"),
    qa("hpa-min-string", F + "app.api_hpa.min", '[app]\napi_hpa = { min = "1" }', at="api_hpa"),
    qa("hpa-min-float", F + "app.api_hpa.min", "[app]\napi_hpa = { min = 1.5 }", at="api_hpa"),
    qa("hpa-min-bool", F + "app.api_hpa.min", "[app]\napi_hpa = { min = true }", at="api_hpa"),
    qa("hpa-unknown", F + "app.api_hpa.minimum", "[app]\napi_hpa = { minimum = 1 }", at="api_hpa"),
    qa("updater-string", F + "app.image_updater", '[app]\nimage_updater = "yes"', at="image_updater"),
    qa("allow-tags-glob", F + "app.image_updater_allow_tags", '[app]\nimage_updater_allow_tags = "dev-*"',
       at="image_updater_allow_tags"),
    qa("allow-tags-bad-re", F + "app.image_updater_allow_tags", '[app]\nimage_updater_allow_tags = "regexp:(["',
       at="image_updater_allow_tags"),
    qa("pull-policy-case", F + "app.image_pull_policy", '[app]\nimage_pull_policy = "always"', at="image_pull_policy"),
    qa("pdb-no-percent", F + "app.pdb_min_available", '[app]\npdb_min_available = "50"', at="pdb_min_available"),
    qa("pdb-150", F + "app.pdb_min_available", '[app]\npdb_min_available = "150%"', at="pdb_min_available"),
    qa("pdb-zero", F + "app.pdb_min_available", '[app]\npdb_min_available = "0%"', at="pdb_min_available"),
    qa("release-latest", F + "app.image_tag", '[app]\nimage_tag = "latest"\nimage_updater = false',
       at="image_tag", build='trigger = "release"\nregistry = "prod"\n'),
    qa("release-leading-zero", F + "app.image_tag", '[app]\nimage_tag = "v1.02.0"\nimage_updater = false',
       at="image_tag", build='trigger = "release"\nregistry = "prod"\n'),
    qa("release-with-updater", F + "app.image_updater", '[app]\nimage_tag = "v1.2.0"\nimage_updater = true',
       at="image_updater", build='trigger = "release"\nregistry = "prod"\n'),
]
POSTGRES = [
    qa("pg-cluster-upper", F + "postgres.cluster", '[postgres]\ncluster = "Postgres-qa"', at="cluster"),
    qa("pg-cluster-51", F + "postgres.cluster", f'[postgres]\ncluster = "p{"g" * 50}"', at="cluster"),
    qa("pg-cluster-63", F + "postgres.cluster", f'[postgres]\ncluster = "p{"g" * 62}"', at="cluster"),
    qa("pg-cluster-digit", F + "postgres.cluster", '[postgres]\ncluster = "1postgres"', at="cluster"),
    qa("pg-cluster-dup", F + "postgres.cluster", '[postgres]\ncluster = "postgres-dev"', at="cluster"),
    qa("pg-cluster-service-clash", F + "postgres.alias_service",
       '[postgres]\nalias_service = "postgres-dev-rw"', at="alias_service"),
    qa("pg-database-dash", F + "postgres.database", '[postgres]\ndatabase = "tomoda-qa"', at="database"),
    qa("pg-database-empty", F + "postgres.database", '[postgres]\ndatabase = ""', at="database"),
    qa("pg-database-dup", F + "postgres.database", '[postgres]\ndatabase = "tomoda_dev"', at="database"),
    qa("pg-owner-empty", F + "postgres.owner", '[postgres]\nowner = ""', at="owner"),
    qa("pg-owner-superuser", F + "postgres.owner", '[postgres]\nowner = "postgres"', at="owner"),
    qa("pg-owner-upper", F + "postgres.owner", '[postgres]\nowner = "Owner"', at="owner"),
    qa("pg-alias-dup", F + "postgres.alias_service", '[postgres]\nalias_service = "postgres-postgresql"',
       at="alias_service"),
    qa("pg-alias-underscore", F + "postgres.alias_service", '[postgres]\nalias_service = "pg_alias"',
       at="alias_service"),
    qa("pg-sslmode-typo", F + "postgres.sslmode", '[postgres]\nsslmode = "disabled"', at="sslmode"),
    qa("pg-sslmode-upper", F + "postgres.sslmode", '[postgres]\nsslmode = "REQUIRE"', at="sslmode"),
    qa("pg-storage-zero", F + "postgres.storage", '[postgres]\nstorage = "0"', at="storage"),
    qa("pg-storage-negative", F + "postgres.storage", '[postgres]\nstorage = "-1Gi"', at="storage"),
    qa("pg-storage-gb", F + "postgres.storage", '[postgres]\nstorage = "10GB"', at="storage"),
    qa("pg-storage-words", F + "postgres.storage", '[postgres]\nstorage = "ten"', at="storage"),
    qa("pg-storage-int", F + "postgres.storage", "[postgres]\nstorage = 10", at="storage"),
    qa("pg-cpu-zero", F + "postgres.cpu_limit", '[postgres]\ncpu_limit = "0m"', at="cpu_limit"),
    qa("pg-memory-two-dots", F + "postgres.memory_limit", '[postgres]\nmemory_limit = "1.5.0Mi"', at="memory_limit"),
    qa("pg-param-space", F + "postgres.parameters.shared_buffers",
       '[postgres]\nparameters = { shared_buffers = "128 MB" }', at="parameters"),
    qa("pg-param-key", F + "postgres.parameters.Bad-Key", '[postgres]\nparameters = { Bad-Key = "1" }',
       at="parameters"),
    qa("pg-param-int", F + "postgres.parameters.work_mem", "[postgres]\nparameters = { work_mem = 4 }",
       at="parameters"),
    qa("pg-image-no-tag", F + "postgres.image", '[postgres]\nimage = "ghcr.io/cloudnative-pg/postgis"', at="image"),
    qa("pg-image-upper", F + "postgres.image", '[postgres]\nimage = "Ghcr.io/x/postgis:17"', at="image"),
    qa("pg-image-space", F + "postgres.image", '[postgres]\nimage = "ghcr.io/x/postgis:17 3"', at="image"),
    qa("pg-unknown", F + "postgres.clustre", '[postgres]\nclustre = "postgres-qa"', at="clustre"),
]
BACKUP_ID = 'identity = { gsa = "cnpg-backup-qa", namespace = "data", ksa = "postgres-qa" }'
BACKUP = [
    qa("cron-5-fields", F + "postgres.backup.schedule", f'[postgres.backup]\nschedule = "0 3 * * *"\n{BACKUP_ID}',
       at="schedule"),
    qa("cron-7-fields", F + "postgres.backup.schedule", f'[postgres.backup]\nschedule = "0 0 3 * * * *"\n{BACKUP_ID}',
       at="schedule"),
    qa("cron-hour-25", F + "postgres.backup.schedule", f'[postgres.backup]\nschedule = "0 0 25 * * *"\n{BACKUP_ID}',
       at="schedule"),
    qa("cron-month-13", F + "postgres.backup.schedule", f'[postgres.backup]\nschedule = "0 0 3 * 13 *"\n{BACKUP_ID}',
       at="schedule"),
    qa("cron-macro", F + "postgres.backup.schedule", f'[postgres.backup]\nschedule = "@daily"\n{BACKUP_ID}',
       at="schedule"),
    qa("cron-step-zero", F + "postgres.backup.schedule", f'[postgres.backup]\nschedule = "*/0 0 3 * * *"\n{BACKUP_ID}',
       at="schedule"),
    qa("backup-ksa", F + "postgres.backup.identity.ksa",
       '[postgres.backup]\nschedule = "0 0 3 * * *"\nidentity = { gsa = "cnpg-backup-qa", namespace = "data", '
       'ksa = "other" }', at="identity"),
    qa("backup-namespace", F + "postgres.backup.identity.namespace",
       '[postgres.backup]\nschedule = "0 0 3 * * *"\nidentity = { gsa = "cnpg-backup-qa", namespace = "qa", '
       'ksa = "postgres-qa" }', at="identity"),
    qa("backup-gsa-short", F + "postgres.backup.identity.gsa",
       '[postgres.backup]\nschedule = "0 0 3 * * *"\nidentity = { gsa = "ab", namespace = "data", '
       'ksa = "postgres-qa" }', at="identity"),
    qa("backup-role", F + "postgres.backup.identity.roles[0]",
       '[postgres.backup]\nschedule = "0 0 3 * * *"\nidentity = { gsa = "cnpg-backup-qa", namespace = "data", '
       'ksa = "postgres-qa", roles = ["owner"] }', at="identity"),
    qa("backup-gsa-dup", F + "postgres.backup.identity.gsa",
       '[postgres.backup]\nschedule = "0 0 3 * * *"\nidentity = { gsa = "cnpg-backup-sa", namespace = "data", '
       'ksa = "postgres-qa" }', at="identity"),
    qa("backup-gsa-platform", F + "postgres.backup.identity.gsa",
       '[postgres.backup]\nschedule = "0 0 3 * * *"\nidentity = { gsa = "external-secrets-sa", namespace = "data", '
       'ksa = "postgres-qa" }', at="identity"),
    qa("backup-no-schedule", F + "postgres.backup.schedule", f"[postgres.backup]\n{BACKUP_ID}",
       at="[postgres.backup]"),
]
REDIS = [
    qa("redis-54", F + "redis.release", f'[redis]\nrelease = "r{"e" * 53}"', at="release"),
    qa("redis-upper", F + "redis.release", '[redis]\nrelease = "Redis"', at="release"),
    qa("redis-dup-dev", F + "redis.release", '[redis]\nrelease = "redis"', at="release"),
    qa("redis-dup-prod", F + "redis.release", '[redis]\nrelease = "prod-redis"', at="release"),
    qa("redis-persistence-zero", F + "redis.persistence", '[redis]\npersistence = "0Gi"', at="persistence"),
    qa("redis-cpu-empty", F + "redis.cpu_limit", '[redis]\ncpu_limit = ""', at="cpu_limit"),
    qa("redis-memory-words", F + "redis.memory_limit", '[redis]\nmemory_limit = "lots"', at="memory_limit"),
    qa("redis-metrics-string", F + "redis.metrics", '[redis]\nmetrics = "true"', at="metrics"),
]
CDN = [
    qa("s3-upper", F + "cdn.bucket", '[cdn]\nbucket = "Tomoda_Assets"', at="bucket"),
    qa("s3-short", F + "cdn.bucket", '[cdn]\nbucket = "ab"', at="bucket"),
    qa("s3-ip", F + "cdn.bucket", '[cdn]\nbucket = "192.168.1.1"', at="bucket"),
    qa("s3-xn", F + "cdn.bucket", '[cdn]\nbucket = "xn--tomoda"', at="bucket"),
    qa("s3-double-dot", F + "cdn.bucket", '[cdn]\nbucket = "tomoda..assets"', at="bucket"),
    qa("s3-long", F + "cdn.bucket", f'[cdn]\nbucket = "{"a" * 64}"', at="bucket"),
    qa("s3-dup", F + "cdn.bucket", '[cdn]\nbucket = "tomoda-assets-dev"', at="bucket"),
    qa("s3-is-backup-bucket", F + "cdn.bucket", '[cdn]\nbucket = "tomoda-db-backups-development-485000"', at="bucket"),
    qa("uploader-dup", F + "cdn.uploader_secret", '[cdn]\nuploader_secret = "tomoda-s3-uploader-dev"',
       at="uploader_secret"),
    qa("uploader-space", F + "cdn.uploader_secret", '[cdn]\nuploader_secret = "s3 uploader"', at="uploader_secret"),
    qa("uploader-empty", F + "cdn.uploader_secret", '[cdn]\nuploader_secret = ""', at="uploader_secret"),
]
BUILD = [
    qa("registry-unknown", F + "build.registry", "", at="registry", build='registry = "staging"\n'),
    qa("trigger-enum", F + "build.trigger", "", at="trigger =", build='trigger = "nightly"\n'),
    qa("client-id-bad", F + "build.google_web_client_id", "", at="google_web_client_id",
       build='google_web_client_id = "not-an-id"\n'),
    qa("client-id-missing", F + "build.google_web_client_id", "[build]\nregistry = \"dev\"", at="[build]"),
    qa("prefix-no-dash", F + "build.trigger_prefix", "", at="trigger_prefix", build='trigger_prefix = "qa"\n'),
    qa("prefix-upper", F + "build.trigger_prefix", "", at="trigger_prefix", build='trigger_prefix = "QA-"\n'),
    qa("prefix-dup-dev", F + "build.trigger_prefix", "", at="trigger_prefix", build='trigger_prefix = ""\n'),
    qa("sync-string", F + "sync.automated", '[sync]\nautomated = "yes"', at="automated"),
    qa("sync-int", F + "sync.prune", "[sync]\nprune = 1", at="prune"),
    qa("sync-typo", F + "sync.selfheal", "[sync]\nselfheal = true", at="selfheal"),
    qa("top-typo", F + "namespce", 'namespce = "qa"'),
    qa("name-key", F + "name", 'name = "qa"'),
    qa("app-not-table", F + "app", "app = []"),
    qa("params-not-table", F + "postgres.parameters", '[postgres]\nparameters = "x"', at="parameters"),
]
CREDENTIALS = [
    qa("aws-key-in-secret-name", F + "cdn.uploader_secret", '[cdn]\nuploader_secret = "AKIAABCDEFGHIJKLMNOP"',
       at="uploader_secret"),
    qa("gocspx-in-client-id", F + "build.google_web_client_id", "", at="google_web_client_id",
       build='google_web_client_id = "GOCSPX-abcdefghijklmnopqrst"\n'),
    qa("pem-in-parameter", F + "postgres.parameters.ssl_key",
       '[postgres]\nparameters = { ssl_key = "-----BEGIN PRIVATE KEY-----" }', at="parameters"),
    qa("github-token", F + "app.image_updater_allow_tags",
       '[app]\nimage_updater_allow_tags = "regexp:ghp_abcdefghijklmnopqrstuvwxyz0123"', at="image_updater_allow_tags"),
    qa("slack-webhook", F + "hosts.extra_app[0]",
       '[hosts]\nextra_app = ["https://hooks.slack.com/services/T000/B000/XXXX"]', at="extra_app"),
    qa("slack-token", F + "redis.release", '[redis]\nrelease = "xoxb-1234567890-abcdef"', at="release"),
    est("aws-key-in-description", "registries.dev.description",
        'description = "Tomoda dev images', 'description = "AKIAABCDEFGHIJKLMNOP Tomoda dev images'),
    est("google-api-key", "gitops.credentials_secret", 'credentials_secret = "gitops-repo-read-token"',
        'credentials_secret = "AIzaSyA1234567890abcdefghijklmnopqrstuv"'),
]
LENGTHS = [
    qa("text-600", F + "namespace", f'namespace = "{"a" * 600}"'),
    est("description-600", "registries.dev.description", 'description = "Tomoda dev images',
        f'description = "{"x" * 600}'),
]
GLOBAL = [
    est("domain-upper", "domain", 'domain = "tomoda.life"', 'domain = "Tomoda.life"'),
    est("domain-underscore", "domain", 'domain = "tomoda.life"', 'domain = "tomoda_life"'),
    est("app-repo-http", "app_repo", 'app_repo = "https://github.com/tomoda-labs/tomoda"',
        'app_repo = "http://github.com/tomoda-labs/tomoda"'),
    est("gcp-project-upper", "gcp.project", 'project = "development-485000"', 'project = "Development-485000"'),
    est("gcp-project-missing", "gcp.project", 'project = "development-485000"\n', "", at="[gcp]"),
    est("gcp-region-unknown", "gcp.region", 'region = "asia-east1"', 'region = "asia-east9"'),
    est("gcp-zone-other-region", "gcp.zone", 'zone = "asia-east1-a"', 'zone = "europe-west1-b"'),
    est("gcp-zone-no-letter", "gcp.zone", 'zone = "asia-east1-a"', 'zone = "asia-east1"'),
    est("aws-region-mars", "aws.region", 'region = "ap-northeast-1"', 'region = "mars-north-1"'),
    est("aws-cert-region", "aws.certificate_region", 'certificate_region = "us-east-1"',
        'certificate_region = "eu-west-1"'),
    est("aws-price-class", "aws.price_class", 'price_class = "PriceClass_200"', 'price_class = "PriceClass_300"'),
    est("cidr-ipv6", "clusters[0].services_cidr", 'services_cidr = "10.2.0.0/20"', 'services_cidr = "fd00::/108"'),
    est("cidr-public", "clusters[0].pods_cidr", 'pods_cidr = "10.1.0.0/16"', 'pods_cidr = "8.8.0.0/16"'),
    est("cidr-overlap", "clusters[0].pods_cidr", 'pods_cidr = "10.1.0.0/16"', 'pods_cidr = "10.0.0.0/16"'),
    est("cidr-bad-prefix", "clusters[0].services_cidr", 'services_cidr = "10.2.0.0/20"', 'services_cidr = "10.2.0.0/33"'),
    est("cidr-host-bits", "clusters[0].subnet_cidr", 'subnet_cidr = "10.0.0.0/24"', 'subnet_cidr = "10.0.0.1/24"'),
    est("range-same-name", "clusters[0].services_range", 'services_range = "services"', 'services_range = "pods"'),
    est("vpc-upper", "network.vpc", 'vpc = "gke-tomoda-vpc"', 'vpc = "GKE-vpc"'),
    est("k8s-patch", "clusters[0].kubernetes_version", 'kubernetes_version = "1.33"', 'kubernetes_version = "1.33.1"'),
    est("k8s-v", "clusters[0].kubernetes_version", 'kubernetes_version = "1.33"', 'kubernetes_version = "v1.33"'),
    est("channel-case", "clusters[0].release_channel", 'release_channel = "REGULAR"', 'release_channel = "regular"'),
    est("cluster-name-long", "clusters[0].name", 'name = "gke-tomoda"', f'name = "g{"k" * 40}"'),
    est("nodes-negative", "clusters[0].node_pools[0].min_nodes", "min_nodes = 1", "min_nodes = -1"),
    est("nodes-min-gt-max", "clusters[0].node_pools[0].min_nodes", "min_nodes = 1", "min_nodes = 5"),
    est("nodes-max-zero", "clusters[0].node_pools[0].max_nodes", "max_nodes = 4", "max_nodes = 0"),
    est("disk-small", "clusters[0].node_pools[0].disk_size_gb", "disk_size_gb = 50", "disk_size_gb = 5"),
    est("spot-string", "clusters[0].node_pools[0].spot", "spot = true", 'spot = "true"'),
    est("machine-type", "clusters[0].node_pools[0].machine_type", 'machine_type = "e2-standard-4"',
        'machine_type = "E2 standard"'),
    est("node-pools-empty", "clusters[0].node_pools", "[[clusters.node_pools]]", "[clusters.extra]", at="[[clusters]]"),
    est("gitops-ssh-url", "gitops.repo_url", 'repo_url = "https://github.com/tomoda-labs/devops.git"',
        'repo_url = "git@github.com:tomoda-labs/devops.git"'),
    est("gitops-branch-dots", "gitops.branch", 'branch = "main"', 'branch = "main..x"'),
    est("gitops-branch-slash", "gitops.branch", 'branch = "main"', 'branch = "feature/"'),
    est("gitops-path-climb", "gitops.dist_path", 'dist_path = "dist"', 'dist_path = "../dist"'),
    est("gitops-path-abs", "gitops.dist_path", 'dist_path = "dist"', 'dist_path = "/dist"'),
    est("gitops-secret-space", "gitops.credentials_secret", 'credentials_secret = "gitops-repo-read-token"',
        'credentials_secret = "read token"'),
    est("state-bucket-goog", "state.bucket", 'bucket = "development-485000-tfstate"', 'bucket = "goog-tfstate"'),
    est("state-prefix-climb", "state.prefix", 'prefix = "tomoda"', 'prefix = "../tomoda"'),
    est("registry-upper", "registries.dev.name", 'name = "tomoda-dev-repo"', 'name = "Tomoda-Dev"'),
    est("registry-immutable-string", "registries.prod.immutable_tags", "immutable_tags = true",
        'immutable_tags = "yes"'),
    est("image-upper", "images.backend", 'backend = "tomoda-backend"', 'backend = "Tomoda-Backend"'),
    est("backups-bucket-google", "backups.bucket", 'bucket = "tomoda-db-backups-development-485000"',
        'bucket = "tomoda-google-backups"'),
    est("backups-bucket-underscore-dots", "backups.bucket", 'bucket = "tomoda-db-backups-development-485000"',
        'bucket = "tomoda.-backups"'),
    est("retention-negative", "backups.retention_days", "retention_days = 30", "retention_days = -1"),
    est("retention-zero", "backups.retention_days", "retention_days = 30", "retention_days = 0"),
    est("retention-huge", "backups.retention_days", "retention_days = 30", "retention_days = 40000"),
    est("retention-string", "backups.retention_days", "retention_days = 30", 'retention_days = "30"'),
    est("argocd-ns-upper", "argocd.namespace", 'namespace = "argocd"\nrelease', 'namespace = "ArgoCD"\nrelease'),
    est("argocd-release-long", "argocd.release", 'release = "argocd"', f'release = "a{"r" * 53}"'),
    est("argocd-chart-short", "argocd.chart_version", 'chart_version = "7.7.13"', 'chart_version = "7.7"'),
    est("argocd-chart-zero", "argocd.chart_version", 'chart_version = "7.7.13"', 'chart_version = "07.7.13"'),
    est("argocd-chart-newline", "argocd.chart_version", 'chart_version = "7.7.13"', 'chart_version = "7.7.13\\n"'),
    est("argocd-chart-range", "argocd.chart_version", 'chart_version = "7.7.13"', 'chart_version = "^7.7.13"'),
    est("argocd-host-upper", "argocd.host", 'host = "argo-app.tomoda.life"', 'host = "Argo-App.tomoda.life"'),
    est("argocd-host-dup", "platform.internal_hosts.grafana", 'host = "argo-app.tomoda.life"',
        'host = "grafana.tomoda.life"', at="grafana = "),  # the later of the two is named
    est("argocd-role", "argocd.default_role", 'default_role = "role:readonly"', 'default_role = "readonly"'),
    est("argocd-admin-domain", "argocd.admins[0]", 'admins = ["ops@tomoda.life"]', 'admins = ["ops@example.com"]'),
    est("argocd-admin-not-email", "argocd.admins[0]", 'admins = ["ops@tomoda.life"]', 'admins = ["ops"]'),
    est("argocd-repo-http", "argocd.chart_repo", 'chart_repo = "https://argoproj.github.io/argo-helm"',
        'chart_repo = "http://argoproj.github.io/argo-helm"'),
    est("secrets-env-lower", "secrets.backend.jwt_secret", 'JWT_SECRET = "jwt-secret"', 'jwt_secret = "jwt-secret"'),
    est("secrets-slug-upper", "secrets.backend.JWT_SECRET", 'JWT_SECRET = "jwt-secret"', 'JWT_SECRET = "JWT"'),
    est("secrets-db-missing", "secrets.backend.DB_PASSWORD", 'DB_PASSWORD = "db-password"\n', "",
        at="[secrets.backend]"),
    est("secrets-slug-dup", "secrets.backend.REDIS_PASSWORD", 'REDIS_PASSWORD = "redis-password"',
        'REDIS_PASSWORD = "db-password"'),
    est("per-tenant-missing", "secrets.per_tenant.pgadmin_admin_password",
        'pgadmin_admin_password = "pgadmin-admin-password"\n', "", at="[secrets.per_tenant]"),
    est("platform-secret-space", "secrets.platform.cloudflare_api_token",
        'cloudflare_api_token = "cloudflare-api-token"', 'cloudflare_api_token = "cloudflare api token"'),
    est("acme-email", "platform.acme_email", 'acme_email = "ops@tomoda.life"', 'acme_email = "ops@"'),
    est("owner-id-upper", "clusters[0].external_dns_owner_id", 'external_dns_owner_id = "k8s-dev"',
        'external_dns_owner_id = "K8S"'),
    est("platform-sync-typo", "platform.sync.selfheal", "self_heal = true\n\n# Every alert",
        "selfheal = true\n\n# Every alert", at="selfheal"),
    est("receiver-enum", "platform.alerting.receiver", 'receiver = "slack"', 'receiver = "email"'),
    est("channel-no-hash", "platform.alerting.channel", 'channel = "#tomoda-alerts"', 'channel = "tomoda-alerts"'),
    est("channel-webhook", "platform.alerting.channel", 'receiver = "slack"', 'receiver = "webhook"',
        at='channel = "#'),
    est("internal-host-dup", "platform.internal_hosts.prometheus", 'prometheus = "prometheus.tomoda.life"',
        'prometheus = "grafana.tomoda.life"'),
    est("internal-host-missing", "platform.internal_hosts.grafana", 'grafana = "grafana.tomoda.life"\n', "",
        at="[platform.internal_hosts]"),
    est("identity-gsa-short", "platform.identities.external_secrets.gsa", 'gsa = "external-secrets-sa"',
        'gsa = "eso"'),
    est("identity-role", "platform.identities.image_updater.roles[0]",
        'roles = ["roles/artifactregistry.reader"]', 'roles = ["artifactregistry.reader"]'),
    est("identity-namespace", "platform.identities.external_secrets.namespace",
        'namespace = "external-secrets"\nksa', 'namespace = "eso"\nksa'),
    est("photon-port-big", "platform.photon.port", "port = 2322", "port = 70000"),
    est("photon-port-zero", "platform.photon.port", "port = 2322", "port = 0"),
    est("photon-port-string", "platform.photon.port", "port = 2322", 'port = "2322"'),
    est("photon-image-tag", "platform.photon.image", 'image = "rtuszik/photon-docker"',
        'image = "rtuszik/photon-docker:2.1.1"'),
    est("photon-storage-zero", "platform.photon.storage", 'storage = "200Gi"', 'storage = "0Gi"'),
    est("photon-object-space", "platform.photon.index_object", 'index_object = "photon-db-latest.tar.bz2"',
        'index_object = "photon db.tar"'),
    est("chart-version-range", "platform.charts.traefik.version", 'version = "39.0.9"', 'version = "39.x"'),
    est("chart-version-leading-zero", "platform.charts.traefik.version", 'version = "39.0.9"', 'version = "39.00.9"'),
    est("chart-name-upper", "platform.charts.traefik.chart", 'chart = "traefik"', 'chart = "Traefik"'),
    est("chart-ns-upper", "platform.charts.traefik.namespace", 'namespace = "traefik-system"',
        'namespace = "Traefik"'),
    est("chart-repo-oci-scheme", "platform.charts.redis.repo_url", 'repo_url = "registry-1.docker.io/bitnamicharts"',
        'repo_url = "oci://registry-1.docker.io/bitnamicharts"'),
    est("chart-missing", "platform.charts.cert-manager", "[platform.charts.cert-manager]",
        "[platform.charts.cert-manager-old]", at="[platform]"),
    est("chart-unknown-key", "platform.charts.traefik.versoin", 'version = "39.0.9"', 'versoin = "39.0.9"'),
    est("plugin-namespace", "platform.charts.plugin-barman-cloud.namespace",
        'version = "0.7.0"                # plugin v0.13.0; needs cert-manager; must share CNPG\'s namespace\n'
        'namespace = "cnpg-system"', 'version = "0.7.0"\nnamespace = "barman"', at='namespace = "barman"'),
    est("updater-namespace", "platform.charts.argocd-image-updater.namespace",
        'version = "0.14.0"               # last chart line that reads Application annotations (1.x is CRD-only)\n'
        'namespace = "argocd"', 'version = "0.14.0"\nnamespace = "image-updater"', at='namespace = "image-updater"'),
    est("redis-namespace", "platform.charts.redis.namespace",
        'version = "23.1.1"               # last Bitnami redis chart with public source: docs/decisions.md\n'
        'namespace = "data"', 'version = "23.1.1"\nnamespace = "redis"', at='namespace = "redis"'),
    est("tenants-in-estate", "tenants", 'app_repo = "https://github.com/tomoda-labs/tomoda"',
        'app_repo = "https://github.com/tomoda-labs/tomoda"\ntenants = {}', at="tenants = {}"),
    est("top-unknown", "domian", 'domain = "tomoda.life"', 'domain = "tomoda.life"\ndomian = "x"', at="domian"),
    est("float-for-int", "backups.retention_days", "retention_days = 30", "retention_days = 30.0"),
]
# A second cluster (support.STAGING_CLUSTER_TOML), with one value wrong.
def second_cluster(id: str, field: str, old: str, new: str) -> Case:
    from support import STAGING_CLUSTER_TOML
    assert old in STAGING_CLUSTER_TOML
    marked = f"{new}  # the second cluster"  # a line no other cluster has
    return est(id, field, "\n[gitops]", STAGING_CLUSTER_TOML.replace(old, marked) + "\n[gitops]",
               at=marked)


CLUSTERS = [
    second_cluster("cluster-name-taken", "clusters[1].name", 'name = "gke-tomoda-staging"',
                   'name = "gke-tomoda"'),
    second_cluster("cluster-subnet-taken", "clusters[1].subnet",
                   'subnet = "gke-tomoda-staging-subnet"', 'subnet = "gke-tomoda-subnet"'),
    second_cluster("cluster-pods-overlap-other", "clusters[1].pods_cidr",
                   'pods_cidr = "10.4.0.0/16"', 'pods_cidr = "10.1.128.0/17"'),
    second_cluster("cluster-subnet-in-other-services", "clusters[1].subnet_cidr",
                   'subnet_cidr = "10.3.0.0/24"', 'subnet_cidr = "10.2.1.0/24"'),
    second_cluster("cluster-other-region", "clusters[1].location",
                   'location = "asia-east1-b"', 'location = "europe-west1-b"'),
    second_cluster("cluster-tag-taken", "clusters[1].tag", 'tag = "staging"', 'tag = "gke-tomoda"'),
    second_cluster("cluster-name-too-long-for-nodes", "clusters[1].name",
                   'name = "gke-tomoda-staging"', 'name = "gke-tomoda-staging-asia-east1"'),
]

CASES = CLUSTERS + NAMES + HOSTS + APP + POSTGRES + BACKUP + REDIS + CDN + BUILD + CREDENTIALS + LENGTHS + GLOBAL


def _apply(case: Case, cfg: Path) -> tuple[Path, str]:
    """Write the case into the config copy `cfg`; (the edited file, its text)."""
    path = cfg / case.file
    if case.old:
        text = path.read_text(encoding="utf-8")
        assert text.count(case.old) == 1, f"{case.old!r} is not once in {case.file}: update the case"
        text = text.replace(case.old, case.new)
    elif "[build]" in case.new:  # the case writes its own [build] table
        text = case.new + "\n"
    else:
        client = "" if "google_web_client_id" in case.build else QA_BUILD.split("\n", 1)[1]
        text = case.new + "\n[build]\n" + case.build + client
    path.write_text(text, encoding="utf-8")
    return path, text


def _expected_line(case: Case, text: str) -> int:
    marker = case.at or (case.new.splitlines()[0] if case.old else case.new.splitlines()[-1] if case.new else "")
    for n, line in enumerate(text.splitlines(), 1):
        if marker and marker in line:
            return n
    raise AssertionError(f"{marker!r} is on no line of the edited file")


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def synth_main():
    spec = importlib.util.spec_from_file_location("synth_app", ROOT / "apps" / "synth.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.main


@pytest.fixture(scope="module")
def dist_copy():
    """A fresh copy of dist/ per case (one accepted case must not spoil the next) and the
    committed tree's digest."""
    digest = _digest(ROOT / "dist")

    def copy(tmp_path: Path) -> tuple[Path, str]:
        out = tmp_path / "out" / "dist"
        shutil.copytree(ROOT / "dist", out)
        return out, digest
    return copy


@pytest.fixture(scope="module")
def repo_digests():
    before = {d: _digest(ROOT / d) for d in ("docs", "config")}
    yield before
    assert {d: _digest(ROOT / d) for d in ("docs", "config")} == before, "docs/ or config/ changed"


def test_the_table_holds_at_least_150_malformed_inputs():
    assert len(CASES) >= 150 and len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input_is_refused_naming_file_line_and_field(case, tmp_path, capsys, synth_main,
                                                               dist_copy, repo_digests):
    # GIVEN a copy of config/ with one malformed value
    cfg = tmp_path / "config"
    shutil.copytree(CONFIG, cfg)
    _, text = _apply(case, cfg)
    out, digest = dist_copy(tmp_path)
    # WHEN make synth runs on it
    code = synth_main(["--config", str(cfg), "--out", str(out)])
    err = capsys.readouterr().err
    # THEN it exits 2, names the file, the line and the field, and writes nothing
    assert code == 2, err
    assert "Traceback" not in err
    problems = [PROBLEM.match(line.strip()) for line in err.splitlines() if re.match(r"\s*\S+:\d+:\d+: ", line)]
    assert problems and all(problems), err
    hits = [p for p in problems if p["field"] == case.field or (not case.field and not p["field"])]
    assert hits, f"no problem names {case.field!r}:\n{err}"
    assert any(Path(p["file"]) == Path(cfg.name, case.file) or p["file"].endswith(case.file) for p in hits), err
    line = _expected_line(case, text)
    assert any(int(p["line"]) == line for p in hits), f"expected line {line}:\n{err}"
    assert _digest(out) == digest, "dist/ changed"


# ---------------------------------------------------------------- files that are not config files


def _fifo(path: Path) -> None:
    os.mkfifo(path)


FILE_CASES = [
    ("dangling-symlink", "tenants/qa.toml", lambda p: p.symlink_to(p.parent / "nowhere.toml"), "dangling symlink"),
    ("symlink-loop", "tenants/qa.toml", lambda p: (p.symlink_to(p.parent / "loop.toml"),
                                                   (p.parent / "loop.toml").symlink_to(p)), "cannot be read"),
    ("directory", "tenants/qa.toml", lambda p: p.mkdir(), "is a directory"),
    ("fifo", "tenants/qa.toml", _fifo, "not a regular file"),
    ("not-utf8", "tenants/qa.toml", lambda p: p.write_bytes(b'namespace = "q\xe9"\n'), "not UTF-8"),
    ("empty", "tenants/qa.toml", lambda p: p.write_bytes(b""), "is empty"),
    ("blank", "tenants/qa.toml", lambda p: p.write_bytes(b"\n \n"), "is empty"),
    ("nul-byte", "tenants/qa.toml", lambda p: p.write_bytes(b'namespace = "q\x00a"\n'), "malformed TOML"),
    ("bom", "tenants/qa.toml", lambda p: p.write_bytes(b'\xef\xbb\xbfnamespace = "qa"\n'), "malformed TOML"),
    ("malformed", "tenants/qa.toml", lambda p: p.write_text("[redis\n", encoding="utf-8"), "malformed TOML"),
    ("duplicate-key", "tenants/qa.toml", lambda p: p.write_text('namespace = "a"\nnamespace = "b"\n',
                                                                encoding="utf-8"), "malformed TOML"),
    ("five-megabytes", "tenants/qa.toml", lambda p: p.write_text(f'namespace = "{"a" * (5 << 20)}"\n',
                                                                 encoding="utf-8"), "too large"),
    ("estate-directory", "estate.toml", lambda p: (p.unlink(), p.mkdir()), "is a directory"),
    ("estate-missing", "estate.toml", lambda p: p.unlink(), "file not found"),
    ("estate-dangling", "estate.toml", lambda p: (p.unlink(), p.symlink_to("/nonexistent/estate.toml")),
     "dangling symlink"),
    ("tenants-missing", "tenants", lambda p: shutil.rmtree(p), "missing directory"),
    ("tenants-is-a-file", "tenants", lambda p: (shutil.rmtree(p), p.write_text("x", encoding="utf-8")),
     "missing directory"),
]


@pytest.mark.parametrize("name, rel, make, message", FILE_CASES, ids=[c[0] for c in FILE_CASES])
def test_a_file_that_is_not_a_config_file_is_refused_without_a_traceback(name, rel, make, message, tmp_path,
                                                                         capsys, synth_main, dist_copy):
    cfg = tmp_path / "config"
    shutil.copytree(CONFIG, cfg)
    make(cfg / rel)
    out, digest = dist_copy(tmp_path)
    code = synth_main(["--config", str(cfg), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err, err
    assert re.search(rf"{re.escape(rel)}:\d+:\d+: .*{message}", err), err
    assert _digest(out) == digest


def _problems(capsys) -> list[str]:
    return [line.strip() for line in capsys.readouterr().err.splitlines() if re.match(r"\s*\S+:\d+:\d+: ", line)]


def test_every_field_problem_of_a_run_is_reported_at_once_sorted_without_duplicates(tmp_path, capsys, synth_main,
                                                                                    dist_copy):
    # GIVEN field errors in two files (cross-field rules run once every field is valid)
    cfg = tmp_path / "config"
    shutil.copytree(CONFIG, cfg)
    (cfg / "tenants" / "qa.toml").write_text(
        'namespace = "Kube"\n[redis]\nrelease = "Redis"\n[cdn]\nbucket = "ab"\n' + QA_BUILD, encoding="utf-8")
    (cfg / "tenants" / "zz.toml").write_text('[app]\ngin_mode = "verbose"\n' + QA_BUILD, encoding="utf-8")
    assert synth_main(["--config", str(cfg), "--out", str(dist_copy(tmp_path)[0])]) == 2
    lines = _problems(capsys)
    assert {PROBLEM.match(line)["field"] for line in lines} == {
        "tenants.qa.namespace", "tenants.qa.redis.release", "tenants.qa.cdn.bucket", "tenants.zz.app.gin_mode"}
    assert lines == sorted(lines) and len(lines) == len(set(lines))


def test_every_cross_field_problem_of_a_run_is_reported_at_once(tmp_path, capsys, synth_main, dist_copy):
    cfg = tmp_path / "config"
    shutil.copytree(CONFIG, cfg)
    (cfg / "tenants" / "qa.toml").write_text(
        'namespace = "kube-system"\n[hosts]\napi = "api-dev.tomoda.life"\n[cdn]\nbucket = "tomoda-assets-dev"\n'
        + QA_BUILD, encoding="utf-8")
    assert synth_main(["--config", str(cfg), "--out", str(dist_copy(tmp_path)[0])]) == 2
    lines = _problems(capsys)
    assert {PROBLEM.match(line)["field"] for line in lines} == {
        "tenants.qa.namespace", "tenants.qa.hosts.api", "tenants.qa.cdn.bucket"}
    assert lines == sorted(lines)


def test_an_unknown_key_gets_a_did_you_mean(tmp_path):
    from tomoda_model import ModelError, load_estate

    cfg = tmp_path / "config"
    shutil.copytree(CONFIG, cfg)
    (cfg / "tenants" / "qa.toml").write_text('[postgres]\nsslmod = "require"\n' + QA_BUILD, encoding="utf-8")
    with pytest.raises(ModelError, match="did you mean 'sslmode'"):
        load_estate(cfg)


def test_an_enum_value_gets_a_did_you_mean(tmp_path):
    from tomoda_model import ModelError, load_estate

    cfg = tmp_path / "config"
    shutil.copytree(CONFIG, cfg)
    (cfg / "tenants" / "qa.toml").write_text('[postgres]\nsslmode = "requir"\n' + QA_BUILD, encoding="utf-8")
    with pytest.raises(ModelError, match="did you mean 'require'"):
        load_estate(cfg)
