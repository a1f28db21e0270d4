"""Artifact Registry Docker repositories, one per registry of the model."""
from __future__ import annotations

from typing import Iterable, Mapping

from constructs import Construct

from tomoda_model.model import Registry
from tomoda_tf.lifecycle import KEEP


class Registries(Construct):
    """`readers`: IAM members that pull from every repository (the GKE nodes)."""

    def __init__(self, scope: Construct, id: str, *, registries: Mapping[str, Registry],
                 location: str, readers: Iterable[str] = ()):
        super().__init__(scope, id)
        from cdktf_cdktf_provider_google.artifact_registry_repository import (
            ArtifactRegistryRepository, ArtifactRegistryRepositoryDockerConfig)
        from cdktf_cdktf_provider_google.artifact_registry_repository_iam_member import (
            ArtifactRegistryRepositoryIamMember)

        self.repos = {
            key: ArtifactRegistryRepository(
                self, key, repository_id=reg.name, location=location, format="DOCKER",
                description=reg.description,
                docker_config=ArtifactRegistryRepositoryDockerConfig(
                    immutable_tags=reg.immutable_tags),
                lifecycle=KEEP)
            for key, reg in registries.items()
        }
        readers = list(readers)
        for key, repo in self.repos.items():
            for i, member in enumerate(readers):
                ArtifactRegistryRepositoryIamMember(
                    self, f"{key}-reader-{i}", project=repo.project, location=repo.location,
                    repository=repo.name, role="roles/artifactregistry.reader", member=member)
