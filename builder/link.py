"""The late pass: join what each article yielded into one dossier, resolve cross-links."""
from __future__ import annotations

from collections.abc import Sequence

from builder.annotate.resolve import merge_entities
from builder.config import DossierConfig
from builder.model import Annotation, Article, Dossier, DossierQuote


def link(config: DossierConfig, articles: Sequence[Article], annotations: Sequence[Annotation]) -> Dossier:
    """Resolve entities across articles and give every quote its id and speaker entity."""
    entities, entity_of = merge_entities(annotations)
    quotes = []
    for article, annotation in zip(articles, annotations, strict=True):
        for n, quote in enumerate(sorted(annotation.quotes, key=lambda q: q.start), start=1):
            speaker = entity_of.get((article.id, quote.speaker_key)) if quote.speaker_key else None
            quotes.append(DossierQuote(id=f"{article.id}-q{n}", article=article.id, quote=quote, speaker=speaker))
    return Dossier(
        title=config.title,
        description=config.description,
        articles=tuple(articles),
        annotations=tuple(annotations),
        entities=entities,
        entity_of=entity_of,
        quotes=tuple(quotes),
    )
