"""The Mermaid pictures in docs/environments.md: generated from the model and dist/, so they
show what is deployed (the freshness gate keeps them current; tests/ops/test_ops_mermaid.py
parses them with Mermaid's own parser)."""
from __future__ import annotations

import re

import pytest

from tomoda_ops import diagrams, envdoc


@pytest.fixture(scope="module")
def page(estate, fresh_dist) -> str:
    return envdoc.render(estate, fresh_dist)


def _block(page: str, heading: str) -> str:
    return page.split(f"### {heading}\n", 1)[1].split("```mermaid\n", 1)[1].split("```", 1)[0]


def _labels(block: str) -> dict[str, str]:
    return {m.group(1): m.group(2) for m in re.finditer(r'^\s*(n\d+)[\[(]+"([^"]*)"', block, re.M)}


def _edges(block: str) -> set[tuple[str, str]]:
    labels = _labels(block)
    return {(labels.get(a, a), labels.get(b, b))
            for a, b in re.findall(r"^\s*(\w+) -\.?->(?:\|\"[^\"]*\"\|)? (\w+)$", block, re.M)}


def test_the_gitops_picture_is_the_tree_argo_cd_syncs(page):
    # GIVEN the page WHEN reading the GitOps picture THEN bootstrap syncs each tier, each tier
    # its Applications, and each Application points at the namespace it deploys to
    edges = _edges(_block(page, "GitOps: what syncs what"))
    for tier in ("dev", "platform", "prod"):
        assert ("Application bootstrap", f"Application {tier}") in edges
    assert ("Application prod", "Application prod-tomoda") in edges
    assert ("Application platform", "Application cert-manager (chart cert-manager v1.19.4)") in edges
    assert ("Application prod-tomoda", "namespace prod") in edges
    assert ("Application tomoda", "namespace tomoda") in edges


def test_a_tenants_request_path_runs_from_dns_to_its_data(estate, page):
    t = estate.tenants["prod"]
    edges = _edges(_block(page, "Request path: prod"))
    lb = "GCP load balancer (Service traefik-system/traefik, LoadBalancer)"
    assert ("browser", t.hosts.api) in edges and (t.hosts.api, lb) in edges
    assert ("Traefik (ingress class traefik)", "Service backend-service:8080") in edges
    assert ("Service backend-service:8080", "Deployment tomoda-api") in edges
    assert ("Deployment tomoda-api", f"Postgres: CNPG Cluster data/{t.postgres.cluster}") in edges
    assert ("Deployment tomoda-api", f"Redis: release data/{t.redis.release}") in edges
    assert ("Deployment tomoda-api", "Photon geocoder (platform, shared)") in edges
    assert ("CloudFront distribution", f"S3 bucket {t.cdn.bucket}") in edges


def test_the_cloud_picture_shows_references_and_remote_state(page):
    block = _block(page, "Cloud resources per stack")
    edges = _edges(block)
    assert ("aws_cloudfront_distribution ×1", "aws_s3_bucket ×1") in edges
    assert ("google_container_node_pool ×1", "google_container_cluster ×1") in edges
    assert re.search(r'subgraph (s\d+)\["terraform/gcp-argocd"\]', block)
    gcp = re.search(r'subgraph (s\d+)\["terraform/gcp"\]', block).group(1)
    argocd = re.search(r'subgraph (s\d+)\["terraform/gcp-argocd"\]', block).group(1)
    assert f'{argocd} -.->|"reads its outputs (remote state)"| {gcp}' in block


def test_a_label_cannot_break_out_of_its_quotes():
    g = diagrams.Graph()
    g.node("x", 'a "quoted" <b>name</b> & more')
    g.node("y", "end")  # a Mermaid keyword, as a label only
    g.edge("x", "y", 'says "hi"')
    text = "\n".join(g.render())
    assert 'n0["a #quot;quoted#quot; #lt;b#gt;name#lt;/b#gt; #amp; more"]' in text
    assert 'n0 -->|"says #quot;hi#quot;"| n1' in text
