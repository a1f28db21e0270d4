"""The environment model loads, validates itself and names the offending field."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from support import CONFIG
from tomoda_model import ModelError, load_estate
from tomoda_model.layers import cloud_view


def _broken(tmp_path: Path, rel: str, old: str, new: str) -> Path:
    """A copy of config/ with one textual edit in file `rel`."""
    cfg = tmp_path / "config"
    shutil.copytree(CONFIG, cfg)
    path = cfg / rel
    text = path.read_text()
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1))
    return cfg


def test_the_committed_config_loads(estate):
    assert estate.gcp.project == "development-485000"
    assert list(estate.tenants) == ["dev", "prod"]


def test_matrix_rulings_are_in_the_model(estate):
    dev, prod = estate.tenants["dev"], estate.tenants["prod"]
    assert (dev.postgres.storage, dev.postgres.memory_limit, dev.postgres.cpu_limit) == ("10Gi", "512Mi", "500m")
    assert (prod.postgres.cluster, prod.postgres.storage) == ("postgres-prod", "20Gi")
    assert prod.postgres.parameters["log_min_duration_statement"] == "1000"
    assert dev.postgres.backup is None and prod.postgres.backup is not None
    assert (dev.redis.release, dev.redis.persistence, dev.redis.metrics) == ("redis", "5Gi", True)
    assert (prod.redis.release, prod.redis.persistence, prod.redis.metrics) == ("prod-redis", "10Gi", False)
    assert (dev.app.api_hpa.min, dev.app.api_hpa.max, prod.app.api_hpa.min, prod.app.api_hpa.max) == (1, 3, 2, 6)
    assert dev.app.image_updater and not prod.app.image_updater


@pytest.mark.parametrize("rel, old, new, field", [
    ("tenants/dev.toml", "api_hpa = { min = 1, max = 3", "api_hpa = { min = 4, max = 3",
     "tenants.dev.app.api_hpa.min"),
    ("estate.toml", 'pods_cidr = "10.1.0.0/16"', 'pods_cidr = "10.0.0.0/16"', "network.pods_cidr"),
    ("estate.toml", 'services_cidr = "10.2.0.0/20"', 'services_cidr = "10.2.0.0/33"', "network.services_cidr"),
    ("tenants/prod.toml", 'api = "api.tomoda.life"', 'api = "api.example.com"', "tenants.prod.hosts.api"),
    ("tenants/prod.toml", 'image_tag = "v1.0.0"', 'image_tag = "latest"', "tenants.prod.app.image_tag"),
    ("tenants/dev.toml", "[redis]\n", "[redis]\ncolour = \"blue\"\n", "tenants.dev.redis.colour"),
    ("tenants/dev.toml", 'persistence = "5Gi"', "persistence = 5", "tenants.dev.redis.persistence"),
    ("tenants/dev.toml", 'cluster = "postgres-dev"', 'cluster = "postgres-prod"', "tenants.prod.postgres.cluster"),
    ("tenants/dev.toml", 'trigger = "push"', 'trigger = "nightly"', "tenants.dev.build.trigger"),
    ("estate.toml", 'project = "development-485000"\n', "", "gcp.project"),
])
def test_bad_values_are_rejected_naming_the_field(tmp_path, rel, old, new, field):
    cfg = _broken(tmp_path, rel, old, new)
    with pytest.raises(ModelError) as err:
        load_estate(cfg)
    assert err.value.field == field
    assert str(err.value).startswith(field)


def test_malformed_toml_names_the_file(tmp_path):
    cfg = _broken(tmp_path, "tenants/dev.toml", "[redis]", "[redis")
    with pytest.raises(ModelError, match=re.escape("dev.toml")):
        load_estate(cfg)


def test_terraform_view_redacts_kubernetes_only_fields(estate):
    view = cloud_view(estate)
    assert view.tenants["prod"].cdn.bucket == "tomoda-assets-prod"
    with pytest.raises(AttributeError, match="tenants.dev.app is a Kubernetes-only field"):
        str(view.tenants["dev"].app.gin_mode)


def test_one_model_value_gives_both_sides_of_workload_identity(estate):
    wi = estate.tenants["prod"].postgres.backup.identity
    assert estate.gsa_email(wi) == "cnpg-backup-sa@development-485000.iam.gserviceaccount.com"
    assert estate.wi_member(wi) == "serviceAccount:development-485000.svc.id.goog[data/postgres-prod]"


def test_an_identity_outside_its_charts_namespace_is_rejected(tmp_path):
    cfg = _broken(tmp_path, "estate.toml", 'namespace = "external-secrets"\nksa',
                  'namespace = "eso"\nksa')
    with pytest.raises(ModelError) as err:
        load_estate(cfg)
    assert err.value.field == "platform.identities.external_secrets.namespace"
