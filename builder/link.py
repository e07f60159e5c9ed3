"""The late pass: join what each article yielded into one dossier, resolve cross-links."""
from __future__ import annotations

from collections.abc import Sequence

from builder.annotate.resolve import merge_entities
from builder.config import DossierConfig
from builder.model import Annotation, Article, Dossier, DossierQuote, Entity, Source
from builder.relate import related_articles


def _quotes(articles: Sequence[Article], annotations: Sequence[Annotation],
            entity_of: dict[tuple[str, str], str]) -> tuple[DossierQuote, ...]:
    quotes = []
    for article, annotation in zip(articles, annotations, strict=True):
        for n, quote in enumerate(sorted(annotation.quotes, key=lambda q: q.start), start=1):
            speaker = entity_of.get((article.id, quote.speaker_key)) if quote.speaker_key else None
            quotes.append(DossierQuote(id=f"{article.id}-q{n}", article=article.id, quote=quote, speaker=speaker))
    return tuple(quotes)


def _sources(articles: Sequence[Article], annotations: Sequence[Annotation],
             entity_of: dict[tuple[str, str], str], entities: dict[str, Entity]) -> tuple[Source, ...]:
    """Outlets from the metadata, then those the texts cite or credit, named canonically."""
    out = []
    for article, annotation in zip(articles, annotations, strict=True):
        seen: set[str] = set()
        if article.meta.outlet:
            out.append(Source(article.meta.outlet, None, article.id, "outlet", "dossier metadata"))
            seen.add(article.meta.outlet.lower())
        for ref in annotation.sources:
            entity_id = entity_of.get((article.id, ref.key)) if ref.key else None
            name = entities[entity_id].name if entity_id in entities else ref.name
            if name.lower() not in seen:
                seen.add(name.lower())
                out.append(Source(name, entity_id, article.id, ref.how, ref.evidence))
    return tuple(out)


def link(config: DossierConfig, articles: Sequence[Article], annotations: Sequence[Annotation]) -> Dossier:
    """Resolve entities across articles, then every cross-link that needs them."""
    entities, entity_of = merge_entities(annotations)
    by_id = {e.id: e for e in entities}
    visible = {e.id for e in entities if not e.hidden}
    entities_of = {
        a.id: frozenset(eid for e in n.entities if (eid := entity_of.get((a.id, e.key))) in visible)
        for a, n in zip(articles, annotations, strict=True)
    }
    return Dossier(
        title=config.title,
        description=config.description,
        articles=tuple(articles),
        annotations=tuple(annotations),
        entities=entities,
        entity_of=entity_of,
        quotes=_quotes(articles, annotations, entity_of),
        related=related_articles(entities_of),
        sources=_sources(articles, annotations, entity_of, by_id),
    )
