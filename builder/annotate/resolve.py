"""Dossier-wide entity resolution (placeholder until the entities issue lands)."""
from __future__ import annotations

from collections.abc import Sequence

from builder.model import Annotation, Entity


def merge_entities(
    annotations: Sequence[Annotation],
) -> tuple[tuple[Entity, ...], dict[tuple[str, str], str]]:
    """Join the article-local entities of every article into dossier entities.

    Returns the entities (sorted by id) and a map from (article id, local key) to entity id.
    """
    return (), {}
