"""`docs/dossier.json`: a machine-readable export of everything the builder found.

The text is made one record at a time, so a large dossier never exists twice in memory
as Python objects and as JSON."""
from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
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


ExportIndex = dict[str, tuple[str, int, int]]  # article id -> (digest, start, end) in the export's text


def index_key(index: ExportIndex) -> str:
    """A digest of an export index, recorded as the export page's key: the next build can
    tell that the file it finds is the one the index describes."""
    return digest(tuple(sorted(index.items())))


@dataclass
class ExportMemo:
    """Each article's JSON record from the last build, with the key it was made under (the
    article page's key, which covers all the record shows: the article's version, the
    entities its keys were linked to, its related articles): an article whose key is
    unchanged is not encoded again.

    `dossier serve` keeps the memo in memory; a one-shot build makes it again from the
    export the last build wrote and that build's index of where each record lies in it."""

    records: dict[str, tuple[str, str]] = field(default_factory=dict)  # article id -> (key, JSON)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # article id -> its record's place
    key: str | None = None  # the last export's key (index_key of its index)

    @classmethod
    def of(cls, text: str, index: ExportIndex) -> ExportMemo:
        """The memo of an export's text, given the index the build that wrote it kept."""
        return cls(records={article: (made_from, text[start:end]) for article, (made_from, start, end) in index.items()})

    def index(self) -> ExportIndex:
        """Where each record of the last export lies, with its key (for ExportMemo.of)."""
        return {article: (self.records[article][0], *span) for article, span in self.spans.items()}

    def article(self, dossier: Dossier, article: Article, annotation: Annotation, made_from: str | None) -> str:
        if made_from is None:
            self.records.pop(article.id, None)
            return _dump(_article(dossier, article, annotation))
        kept = self.records.get(article.id)
        if kept is None or kept[0] != made_from:
            kept = (made_from, _dump(_article(dossier, article, annotation)))
            self.records[article.id] = kept
        return kept[1]


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


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _dump(value: Any) -> str:
    return _ENCODER.encode(value)


def export_text(dossier: Dossier, memo: ExportMemo | None = None, keys: Mapping[str, str | None] | None = None) -> str:
    """The whole export. With a `memo` and the article pages' `keys`, the records of
    articles whose key is unchanged are reused, and the memo is left holding this export's
    records, where each lies in the text, and the export's key."""
    head = {"schema": SCHEMA_VERSION, "generator": f"dossier builder {__version__}", "title": dossier.title}
    parts = [_dump(head)[:-1], ",\"articles\":["]
    pairs = zip(dossier.articles, dossier.annotations, strict=True)
    if memo is None:
        parts.append(",".join(_dump(_article(dossier, a, n)) for a, n in pairs))
    else:
        keys = keys or {}
        position = sum(map(len, parts))
        spans = {}
        for n, (article, annotation) in enumerate(pairs):
            record = memo.article(dossier, article, annotation, keys.get(article.id))
            parts.append("," + record if n else record)
            position += 1 if n else 0
            spans[article.id] = (position, position + len(record))
            position += len(record)
        memo.records = {article: memo.records[article] for article in spans if article in memo.records}
        memo.spans = {article: span for article, span in spans.items() if article in memo.records}
        memo.key = index_key(memo.index())
    parts.append("]")
    for key, records in _records(dossier):
        parts.append(f",{_dump(key)}:[" + ",".join(_dump(r) for r in records) + "]")
    parts.append("}\n")
    return "".join(parts)
