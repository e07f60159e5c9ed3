"""`docs/dossier.json`: a machine-readable export of everything the builder found.

The text is made one record at a time, so a large dossier never exists twice in memory
as Python objects and as JSON."""
from __future__ import annotations

import json
from functools import partial
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from builder import __version__
from builder.cache import digest
from builder.model import Annotation, Article, Dossier, DossierQuote, Entity, Mention

SCHEMA_VERSION = 1


_LAST: list[tuple[Dossier, frozenset[str]]] = []  # the last dossier exported and its unconfirmed entities


def _unconfirmed(dossier: Dossier) -> frozenset[str]:
    """The ids of the entities not yet confirmed (made once per dossier, not per article)."""
    if not _LAST or _LAST[0][0] is not dossier:
        _LAST[:] = [(dossier, frozenset(e.id for e in dossier.entities if not e.confirmed))]
    return _LAST[0][1]


def _article(dossier: Dossier, article: Article, annotation: Annotation) -> dict[str, Any]:
    unconfirmed = _unconfirmed(dossier)
    entity_ids = sorted({dossier.entity_of[(article.id, e.key)] for e in annotation.entities
                         if (article.id, e.key) in dossier.entity_of} - unconfirmed)
    mentions = sorted(annotation.mentions, key=lambda m: (m.start, m.end))
    entity_of = [dossier.entity_of.get((article.id, m.key)) for m in mentions]
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
        "mentions": _mentions(annotation, mentions, entity_of, unconfirmed),
        # names not yet confirmed (no page, no link; `dossier entities --review`): no entity mentions
        "unconfirmed_mentions": [{"entity": e, "text": m.surface, "start": m.start, "end": m.end}
                                 for m, e in zip(mentions, entity_of, strict=True) if e in unconfirmed],
        "related": [{"article": r.article, "shared": list(r.shared)} for r in dossier.related.get(article.id, ())],
        "warnings": list(article.warnings + annotation.warnings),
    }


def _mentions(annotation: Annotation, mentions: list[Mention],
              entity_of: list[str | None], unconfirmed: frozenset[str]) -> list[dict[str, Any]]:
    """The mentions of confirmed entities, and the nationality words ("Iraqi", "Kurds"),
    that stand alone ("the Iraqi people", "the Kurds"), which name no entity (no page):
    `entity` null, `kind` "nationality". One written before a name or title ("Kurdish
    [ZQX]", "Iraqi Prime Minister") is part of that description: it is listed with the
    entity it describes (`nationalities`), not here."""
    out: list[tuple[int, int, dict[str, Any]]] = [
        (m.start, m.end, {"entity": e, "text": m.surface, "start": m.start, "end": m.end,
                          **({"role": True} if m.role else {})})
        for m, e in zip(mentions, entity_of, strict=True) if e not in unconfirmed]
    for word in annotation.nationalities:
        if word.alone:
            out.append((word.start, word.end, {"entity": None, "kind": "nationality", "text": word.word,
                                               "start": word.start, "end": word.end}))
    out.sort(key=lambda item: (item[0], -item[1]))  # (a mention inside another after it)
    return [record for _, _, record in out]


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
        "hidden": entity.hidden and entity.confirmed,  # hidden in entities.yml
        "confirmed": entity.confirmed,
        "confidence": entity.confidence,
        "evidence": list(entity.evidence),
        "nationalities": list(entity.nationalities),  # demonyms written before it: attributes, no pages
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
        "attribution": {  # how the speaker was found; speaker is null unless confident
            "resolver": quote.quote.resolver,
            "confidence": quote.quote.confidence,
            "candidate": quote.quote.candidate,  # an unsure speaker, for review
            "description": quote.quote.description,  # an unnamed speaker: 'a spokesman for Acme'
            "affiliation": quote.affiliation,  # entity id of the organisation an unnamed speaker speaks for
            "affiliation_name": quote.quote.affiliation_name,
            "intro": quote.quote.intro,
        },
    }


Place = tuple[str, str]  # (section, id): an article's record, an entity's, an article's quotes
ExportIndex = dict[Place, tuple[str, int, int]]  # place -> (key, start, end) in the export's text


def index_key(index: ExportIndex) -> str:
    """A digest of an export index, recorded as the export page's key: the next build can
    tell that the file it finds is the one the index describes."""
    return digest(tuple(sorted(index.items())))


@dataclass
class ExportMemo:
    """The last export's bytes, and where each of its keyed parts lies in it with the page
    key it was made under: an article's record and its quotes under the article page's key
    (which covers the article's version, how its entities are linked, its related
    articles), an entity's record under the entity page's key (which covers the whole
    record). A part whose key is unchanged is copied from the last export's bytes, not encoded
    again, and parts that lay side by side are copied in one piece.

    `dossier serve` keeps the memo in memory; a one-shot build makes it again from the
    export the last build wrote and that build's index."""

    data: bytes = b""  # the export as written (UTF-8): parts are cut from it by byte offsets
    index: ExportIndex = field(default_factory=dict)
    key: str | None = None  # the export's key: index_key(index)


def _plain_sections(dossier: Dossier) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    yield "timeline", ({"date": e.date.isoformat(), "precision": e.precision, "article": e.article,
                        "text": e.text, "sentence": e.sentence, "deadline": e.deadline, "ahead": e.ahead, "also": list(e.also),
                        "entities": list(e.entities)} for e in dossier.timeline)
    yield "copies", ({"article": copy, "copy_of": shown} for copy, shown in sorted(dossier.copy_of.items()))
    yield "sources", ({"name": s.name, "entity": s.entity, "article": s.article, "how": s.how,
                       "evidence": s.evidence, "rule": s.rule} for s in dossier.sources)
    yield "discrepancies", ({"topic": d.topic, "kind": d.kind,
                             "claims": [{"article": a, "value": v, "sentence": t, "date": r, "report": n}
                                        for (a, v, t), r, n in zip(d.claims, d.values or (None,) * len(d.claims),
                                                                   d.reports or (0,) * len(d.claims))]}
                            for d in dossier.discrepancies)


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _dump(value: Any) -> str:
    return _ENCODER.encode(value)


def _article_json(dossier: Dossier, article: Article, annotation: Annotation) -> str:
    return _dump(_article(dossier, article, annotation))


def _entity_json(entity: Entity) -> str:
    return _dump(_entity(entity))


def _quotes_json(quotes: list[DossierQuote]) -> str:
    return ",".join(_dump(_quote(q)) for q in quotes)


class _Text:
    """The export as it is put together, in UTF-8 bytes (a part copied from the last export
    is neither decoded nor encoded again), with where each keyed part lies. Parts copied
    from the last export that lay side by side there make one run, copied at once."""

    def __init__(self, memo: ExportMemo | None) -> None:
        self.parts: list[bytes] = []
        self.length = 0
        self.first = True  # no item in the open section yet
        self.memo = memo
        self.index: ExportIndex = {}
        self.run: tuple[int, int] | None = None  # a span of the last export counted but not yet copied

    def _flush(self) -> None:
        if self.run is not None and self.memo is not None:
            self.parts.append(self.memo.data[self.run[0] : self.run[1]])
        self.run = None

    def add(self, text: str) -> None:
        self._put(text.encode())

    def _put(self, data: bytes) -> None:
        self._flush()
        self.parts.append(data)
        self.length += len(data)

    def open(self, section: str) -> None:
        self.add(f",{_dump(section)}:[")
        self.first = True

    def item(self, json_text: str, place: Place | None = None, made_from: str | None = None) -> None:
        if not json_text:
            return
        if not self.first:
            self.add(",")
        self.first = False
        data = json_text.encode()
        if place is not None and made_from is not None:
            self.index[place] = (made_from, self.length, self.length + len(data))
        self._put(data)

    def _kept(self, place: Place, made_from: str, lo: int, hi: int) -> None:
        assert self.memo is not None
        if (self.run is not None and not self.first and self.run[1] + 1 == lo
                and self.memo.data[self.run[1] : lo] == b","):
            self.run = (self.run[0], hi)  # the part followed the run in the last export: extend it
            start = self.length + 1
            self.length += 1 + hi - lo
        else:
            if not self.first:
                self.add(",")
            self._flush()
            start = self.length
            self.run = (lo, hi)
            self.length += hi - lo
        self.first = False
        self.index[place] = (made_from, start, start + hi - lo)

    def part(self, place: Place, made_from: str | None, make: Callable[[], str]) -> None:
        """A keyed part: copied from the last export if it was made under the same key."""
        if self.memo is not None and made_from is not None:
            last = self.memo.index.get(place)
            if last is not None and last[0] == made_from:
                self._kept(place, made_from, last[1], last[2])
                return
        self.item(make(), place, made_from)

    def data(self) -> bytes:
        self._flush()
        return b"".join(self.parts)


def export_data(dossier: Dossier, memo: ExportMemo | None = None,
                keys: Mapping[tuple[str, str], str | None] | None = None) -> bytes:
    """The whole export, in UTF-8. With a `memo` and the pages' `keys` (("article" or
    "entity", id) -> key), parts made under an unchanged key are copied from the last
    export, and the memo is left holding this export's bytes, index and key."""
    keys = keys or {}
    out = _Text(memo)
    head = {"schema": SCHEMA_VERSION, "generator": f"dossier builder {__version__}", "title": dossier.title}
    out.add(_dump(head)[:-1])
    out.open("articles")
    for article, annotation in zip(dossier.articles, dossier.annotations, strict=True):
        out.part(("article", article.id), keys.get(("article", article.id)),
                 partial(_article_json, dossier, article, annotation))
    out.add("]")
    out.open("entities")
    for entity in dossier.entities:
        out.part(("entity", entity.id), keys.get(("entity", entity.id)), partial(_entity_json, entity))
    out.add("]")
    out.open("quotes")
    quotes_of: dict[str, list[DossierQuote]] = {}
    for quote in dossier.quotes:
        quotes_of.setdefault(quote.article, []).append(quote)
    for article in dossier.articles:  # the quotes are in article order
        said = quotes_of.get(article.id)
        if said:
            out.part(("quotes", article.id), keys.get(("article", article.id)), partial(_quotes_json, said))
    out.add("]")
    for section, records in _plain_sections(dossier):  # each in one piece: a list encoded at once
        out.add(f",{_dump(section)}:{_dump(list(records))}")
    out.add("}\n")
    data = out.data()
    if memo is not None:
        memo.data, memo.index, memo.key = data, out.index, index_key(out.index)
    return data
