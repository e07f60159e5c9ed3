"""`docs/dossier.json`: a machine-readable export of everything the builder found.

The text is made one record at a time, so a large dossier never exists twice in memory
as Python objects and as JSON."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from builder import __version__
from builder.cache import digest
from builder.model import Annotation, Article, Dossier, DossierQuote, Entity

SCHEMA_VERSION = 1


def _article(dossier: Dossier, article: Article, annotation: Annotation) -> dict[str, Any]:
    entity_ids = sorted({dossier.entity_of[(article.id, e.key)] for e in annotation.entities
                         if (article.id, e.key) in dossier.entity_of})
    return {
        "id": article.id,
        "file": article.file,
        "title": article.title,
        "title_derived": article.title_derived,
        "outlet": article.meta.outlet,
        "url": article.meta.url,
        "date": article.meta.date.isoformat() if article.meta.date else None,
        "summary": article.summary.text if article.summary else None,
        "key_points": [b.text for b in article.key_points],
        "credits": list(article.credits),
        "furniture": list(article.furniture),
        "entities": entity_ids,
        "mentions": [
            {"entity": dossier.entity_of.get((article.id, m.key)), "text": m.surface, "start": m.start, "end": m.end}
            for m in sorted(annotation.mentions, key=lambda m: (m.start, m.end))
        ],
        "related": [{"article": r.article, "shared": list(r.shared)} for r in dossier.related.get(article.id, ())],
        "warnings": list(article.warnings + annotation.warnings),
    }


def _entity(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type.value,
        "aliases": list(entity.aliases),
        "roles": [{"text": r.text, "article": r.article} for r in entity.roles],
        "description": entity.description,
        "links": list(entity.links),
        "curated": entity.curated,
        "hidden": entity.hidden,
    }


def _quote(quote: DossierQuote) -> dict[str, Any]:
    return {
        "id": quote.id,
        "article": quote.article,
        "text": quote.quote.text,
        "speaker": quote.speaker,
        "speaker_name": quote.quote.speaker_name,
        "cue": quote.quote.cue,
        "kind": quote.quote.kind,
        "start": quote.quote.start,
        "end": quote.quote.end,
    }


@dataclass
class ExportMemo:
    """Each article's JSON record from the last build, with a digest of what it was made
    from (the article's version, the entities its keys were linked to, its related
    articles): an article whose digest is unchanged is not encoded again."""

    records: dict[str, tuple[str, str]] = field(default_factory=dict)  # article id -> (digest, JSON)

    def article(self, dossier: Dossier, article: Article, annotation: Annotation) -> str:
        version = dossier.versions.get(article.id)
        if version is None:
            return _dump(_article(dossier, article, annotation))
        linked = tuple(dossier.entity_of.get((article.id, e.key)) for e in annotation.entities)
        related = tuple((r.article, r.shared) for r in dossier.related.get(article.id, ()))
        made_from = digest((version, linked, related))
        kept = self.records.get(article.id)
        if kept is None or kept[0] != made_from:
            kept = (made_from, _dump(_article(dossier, article, annotation)))
            self.records[article.id] = kept
        return kept[1]

    def forget_others(self, dossier: Dossier) -> None:
        ids = {a.id for a in dossier.articles}
        for gone in set(self.records) - ids:
            del self.records[gone]


def _records(dossier: Dossier) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    yield "entities", (_entity(e) for e in dossier.entities)
    yield "quotes", (_quote(q) for q in dossier.quotes)
    yield "timeline", ({"date": e.date.isoformat(), "precision": e.precision, "article": e.article,
                        "text": e.text, "sentence": e.sentence} for e in dossier.timeline)
    yield "sources", ({"name": s.name, "entity": s.entity, "article": s.article, "how": s.how,
                       "evidence": s.evidence} for s in dossier.sources)
    yield "discrepancies", ({"topic": d.topic, "kind": d.kind,
                             "claims": [{"article": a, "value": v, "sentence": t} for a, v, t in d.claims]}
                            for d in dossier.discrepancies)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def export_text(dossier: Dossier, memo: ExportMemo | None = None) -> str:
    """The whole export; with a `memo`, unchanged articles' records are reused."""
    head = {"schema": SCHEMA_VERSION, "generator": f"dossier builder {__version__}", "title": dossier.title}
    parts = [_dump(head)[:-1]]
    pairs = zip(dossier.articles, dossier.annotations, strict=True)
    if memo is None:
        articles = [_dump(_article(dossier, a, n)) for a, n in pairs]
    else:
        articles = [memo.article(dossier, a, n) for a, n in pairs]
        memo.forget_others(dossier)
    parts.append(",\"articles\":[" + ",".join(articles) + "]")
    for key, records in _records(dossier):
        parts.append(f",{_dump(key)}:[" + ",".join(_dump(r) for r in records) + "]")
    parts.append("}\n")
    return "".join(parts)

