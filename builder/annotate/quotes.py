"""Quotations of one article (placeholder until the quotes issue lands)."""
from __future__ import annotations

from collections.abc import Sequence

from builder.model import Article, LocalEntity, Mention, Quote


def find_quotes(
    article: Article, entities: Sequence[LocalEntity], mentions: Sequence[Mention]
) -> tuple[tuple[Quote, ...], tuple[str, ...]]:
    """Return the article's quotations and any warnings (e.g. an unbalanced quote mark)."""
    return (), ()
