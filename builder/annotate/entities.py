"""Named entities of one article (placeholder until the entities issue lands)."""
from __future__ import annotations

from builder.model import Article, LocalEntity, Mention


def find_entities(article: Article) -> tuple[tuple[LocalEntity, ...], tuple[Mention, ...]]:
    """Return the article's entities (resolved inside the article) and every mention."""
    return (), ()
