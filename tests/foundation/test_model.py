"""The environment model loads, validates itself and names the offending field."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from support import CONFIG, ROOT
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


def test_a_problem_names_file_line_column_and_field(tmp_path):
    # GIVEN prod's image tag that is not a release tag (line 18 of the copy)
    cfg = _broken(tmp_path, "tenants/prod.toml", 'image_tag = "v1.0.0"', 'image_tag = "latest"')
    line = (cfg / "tenants/prod.toml").read_text().splitlines().index(
        next(x for x in (cfg / "tenants/prod.toml").read_text().splitlines() if x.startswith("image_tag"))) + 1
    with pytest.raises(ModelError) as err:
        load_estate(cfg, shown_as=Path("config"))
    assert err.value.field == "tenants.prod.app.image_tag"
    assert str(err.value).startswith(f"config/tenants/prod.toml:{line}:1: tenants.prod.app.image_tag: ")


def test_a_tenant_file_holds_only_its_deltas(estate):
    # prod names nothing that derives from its name: the rule gives them
    prod = estate.tenants["prod"]
    assert (prod.namespace, prod.argo_app, prod.redis.release) == ("prod", "prod-tomoda", "prod-redis")
    assert (prod.postgres.cluster, prod.postgres.alias_service) == ("postgres-prod", "prod-postgres-postgresql")
    assert (prod.cdn.bucket, prod.cdn.uploader_secret) == ("tomoda-assets-prod", "tomoda-s3-uploader-prod")
    text = (CONFIG / "tenants" / "prod.toml").read_text()
    assert not any(line.startswith(("namespace", "argo_app", "uploader_secret", "cluster", "release ="))
                   for line in text.splitlines())


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


def test_the_committed_json_schema_is_fresh_and_a_stale_one_is_named(tmp_path):
    from tomoda_model import schema

    assert schema.staleness(ROOT / schema.DIRECTORY) == []
    copy = tmp_path / "schema"
    shutil.copytree(ROOT / schema.DIRECTORY, copy)
    text = (copy / "tenant.schema.json").read_text()
    (copy / "tenant.schema.json").write_text(text.replace('"google_web_client_id"', '"client_id"', 1))
    (copy / "estate.schema.json").unlink()
    assert [line.split(":")[0] for line in schema.staleness(copy)] == [
        "docs/schema/estate.schema.json", "docs/schema/tenant.schema.json"]


def test_the_committed_config_validates_against_its_json_schema():
    import json
    import tomllib

    import jsonschema
    from tomoda_model import schema

    for rel, name in [("estate.toml", "estate.schema.json"), ("tenants/dev.toml", "tenant.schema.json"),
                      ("tenants/prod.toml", "tenant.schema.json")]:
        doc = json.loads((ROOT / schema.DIRECTORY / name).read_text())
        jsonschema.Draft202012Validator(doc).validate(tomllib.loads((CONFIG / rel).read_text()))
    bad = tomllib.loads((CONFIG / "tenants/dev.toml").read_text()) | {"namespce": "x"}
    doc = json.loads((ROOT / schema.DIRECTORY / "tenant.schema.json").read_text())
    assert list(jsonschema.Draft202012Validator(doc).iter_errors(bad))
