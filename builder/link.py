"""The late pass: join what each article yielded into one dossier, resolve cross-links."""
from __future__ import annotations

from collections.abc import Sequence

from builder.annotate.blocks import BlockIndex
from builder.annotate.dates import sentence_of
from builder.annotate.resolve import merge_entities
from builder.config import DossierConfig
from builder.curate import CuratedEntity, apply_curated
from builder.discrepancy import find_discrepancies
from builder.model import Annotation, Article, Dossier, DossierQuote, Entity, Source, TimelineEvent
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


def _timeline(articles: Sequence[Article], annotations: Sequence[Annotation]) -> tuple[TimelineEvent, ...]:
    """Every date that could be placed, with its sentence, oldest first."""
    events = set()
    for article, annotation in zip(articles, annotations, strict=True):
        blocks = BlockIndex(article.text_blocks)
        for ref in annotation.dates:
            block = blocks.at(ref.start)
            if ref.date is None or block is None:
                continue
            lo, hi = sentence_of(block.text, ref.start - block.start)
            events.add(TimelineEvent(ref.date, ref.precision, article.id, ref.text, block.text[lo:hi].strip()))
    return tuple(sorted(events, key=lambda e: (e.date, e.article, e.sentence, e.text)))


def link(
    config: DossierConfig,
    articles: Sequence[Article],
    annotations: Sequence[Annotation],
    curated: Sequence[CuratedEntity] = (),
) -> Dossier:
    """Resolve entities across articles (then the curated glossary), then every cross-link."""
    entities, entity_of = apply_curated(*merge_entities(annotations), curated)
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
        timeline=_timeline(articles, annotations),
        discrepancies=find_discrepancies(articles, annotations, entity_of, by_id, sentence_of),
    )
