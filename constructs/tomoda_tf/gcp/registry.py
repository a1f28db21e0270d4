"""Artifact Registry Docker repositories, one per registry of the model."""
from __future__ import annotations

from typing import Mapping

from constructs import Construct

from tomoda_model.model import Registry
from tomoda_tf.lifecycle import KEEP


class Registries(Construct):
    def __init__(self, scope: Construct, id: str, *, registries: Mapping[str, Registry],
                 location: str):
        super().__init__(scope, id)
        from cdktf_cdktf_provider_google.artifact_registry_repository import (
            ArtifactRegistryRepository, ArtifactRegistryRepositoryDockerConfig)

        self.repos = {
            key: ArtifactRegistryRepository(
                self, key, repository_id=reg.name, location=location, format="DOCKER",
                description=reg.description,
                docker_config=ArtifactRegistryRepositoryDockerConfig(
                    immutable_tags=reg.immutable_tags),
                lifecycle=KEEP)
            for key, reg in registries.items()
        }
