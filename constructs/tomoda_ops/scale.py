"""A synthetic estate of N tenants on M clusters (`make bench`'s scale figure, issue 15).

Built from config/ by configuration alone, the way an operator would grow the estate: more
`[[clusters]]` (README "Add a cluster"), more tenant files (README "Add a tenant"), spread
round-robin over the clusters, Photon published for the tenants away from it.
"""
from __future__ import annotations

import shutil
from pathlib import Path

PHOTON_ADDRESS = "10.0.0.200"  # in the first cluster's subnet (10.0.0.0/24)


def cluster_toml(name: str, tag: str, octet: int) -> str:
    """A `[[clusters]]` table: subnet 10.<octet>.0.0/24, Pods 10.<octet+1>.0.0/16, Services
    10.<octet+2>.0.0/20 (disjoint from the seed's 10.0-10.2 for any octet >= 3)."""
    return f"""
[[clusters]]
name = "{name}"
tag = "{tag}"
location = "asia-east1-b"
kubernetes_version = "1.33"
release_channel = "REGULAR"
subnet = "{name}-subnet"
subnet_cidr = "10.{octet}.0.0/24"
pods_range = "{tag}-pods"
pods_cidr = "10.{octet + 1}.0.0/16"
services_range = "{tag}-services"
services_cidr = "10.{octet + 2}.0.0/20"

[[clusters.node_pools]]
name = "spot-pool"
machine_type = "e2-standard-4"
min_nodes = 1
max_nodes = 3
disk_size_gb = 50
spot = true
"""


def write_scale_config(source: Path, dest: Path, *, tenants: int, clusters: int) -> Path:
    """config/ at `dest` with `clusters` clusters and `tenants` tenants (the seed's included)."""
    shutil.copytree(source, dest)
    estate = dest / "estate.toml"
    text = estate.read_text(encoding="utf-8")
    extra = "".join(cluster_toml(f"gke-tomoda-s{i}", f"s{i}", 10 + 4 * i) for i in range(1, clusters))
    text = text.replace("\n[gitops]", extra + "\n[gitops]", 1)
    if clusters > 1:
        text = text.replace("[platform.photon]\n",
                            f'[platform.photon]\npublished_address = "{PHOTON_ADDRESS}"\n', 1)
    estate.write_text(text, encoding="utf-8")
    names = ["gke-tomoda"] + [f"gke-tomoda-s{i}" for i in range(1, clusters)]
    seed = len(list((dest / "tenants").glob("*.toml")))
    for n in range(tenants - seed):
        (dest / "tenants" / f"load{n:02d}.toml").write_text(
            f'cluster = "{names[(n + 1) % clusters]}"\n\n[build]\n'
            f'google_web_client_id = "287267207777-load{n:02d}.apps.googleusercontent.com"\n',
            encoding="utf-8")
    return dest
