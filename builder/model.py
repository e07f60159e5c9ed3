"""The data model passed between pipeline stages: typed, frozen, no behaviour.

Offsets (`start`, `end`) always count characters in `Article.source_text`, the
article file's text after decoding, with a BOM removed and line ends made `\\n`.

The records an article has by the hundred (blocks, mentions, local entities, dates) are
named tuples: they load from the annotation cache several times faster than dataclasses.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from collections.abc import Mapping
from enum import StrEnum
from functools import cached_property
from operator import attrgetter
from typing import NamedTuple


def _pickled_by_fields(cls: type) -> type:
    """Pickle a frozen slots dataclass as a call of the class with its fields, several times
    faster to load than the dataclass default (which walks `fields()` for every object)."""
    values = attrgetter(*(f.name for f in fields(cls)))

    def __reduce__(self: object) -> tuple[type, tuple[object, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign,assignment]
    return cls


def _pickled_as_tuple(cls: type) -> type:
    """Pickle a named tuple as a call of tuple.__new__ with its values: it loads without a
    call of the class's own __new__ (a Python function), a fifth faster for the cache's
    hundreds of thousands of records."""

    def __reduce__(self: tuple[object, ...]) -> tuple[object, tuple[type, tuple[object, ...]]]:
        return tuple.__new__, (cls, tuple(self))

    cls.__reduce__ = __reduce__  # type: ignore[method-assign,assignment]
    return cls


class EntityType(StrEnum):
    PERSON = "person"
    ORG = "org"
    PLACE = "place"
    PRODUCT = "product"
    EVENT = "event"
    OTHER = "other"


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    BULLET = "bullet"  # one item of a bullet list
    HEADING = "heading"  # a cross-heading inside the story


@_pickled_as_tuple
class Block(NamedTuple):
    """One paragraph, bullet item or cross-heading of the story."""

    kind: BlockKind
    text: str
    start: int  # offset of text[0] in Article.source_text
    line: int  # 1-based line number in the file


@dataclass(frozen=True)
class ArticleMeta:
    """Metadata kept apart from the text: dossier.yml, front matter, a saved page's own
    (builder.read.layer_meta says which wins)."""

    outlet: str | None = None
    url: str | None = None
    date: dt.date | None = None
    title: str | None = None
    slug: str | None = None
    author: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Article:
    """What the reader makes of one file: the story separated from its furniture."""

    id: str  # stable slug, unique in the dossier
    file: str  # file name, relative to the articles folder
    source_text: str
    title: str
    title_derived: bool  # True when no headline was printed and the title was made up
    key_points: tuple[Block, ...]
    summary: Block | None  # a standfirst
    blocks: tuple[Block, ...]  # the story, in order
    credits: tuple[str, ...]  # photo credits and contributor lines
    furniture: tuple[str, ...]  # site furniture removed from the story
    meta: ArticleMeta = ArticleMeta()
    warnings: tuple[str, ...] = ()
    headline: Block | None = None  # the headline as printed (None when derived)
    captions: tuple[int, ...] = ()  # start offsets of the blocks a saved page marks as a photo's caption

    @cached_property
    def text_blocks(self) -> tuple[Block, ...]:
        """Every block an extractor should read, in file order."""
        head = (self.headline,) if self.headline else ()
        summary = (self.summary,) if self.summary else ()
        return tuple(sorted(head + self.key_points + summary + self.blocks, key=lambda b: b.start))


@_pickled_as_tuple
class Mention(NamedTuple):
    """One occurrence of an entity in an article."""

    key: str  # the article-local entity key it refers to (LocalEntity.key)
    surface: str  # the text as printed
    start: int
    end: int
    role: bool = False  # a role written for the person ("the Foreign Secretary"), not a name: never linked


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Role:
    text: str  # "Kremlin spokesman"
    article: str  # article id the role was read from


@_pickled_as_tuple
class LocalEntity(NamedTuple):
    """An entity as resolved inside one article (mentioned in it at least once)."""

    key: str  # unique inside the article (e.g. the canonical name)
    name: str  # the fullest name the article gives
    type: EntityType
    aliases: tuple[str, ...] = ()  # other surface forms in this article
    roles: tuple[str, ...] = ()  # role descriptions the text gives
    confidence: float = 1.0  # how sure the article makes it that this is a name (annotate/evidence.py)
    evidence: tuple[str, ...] = ()  # the ids of the evidence rules that fired, sorted
    nationalities: tuple[str, ...] = ()  # demonyms written before it: "Iraqi" of "Iraqi Prime Minister Jane Doe"


@_pickled_as_tuple
class Nationality(NamedTuple):
    """A nationality, people or faith word in an article ("Iraqi", "Kurds"): never an entity
    of its own, an attribute of the entity it describes (if any)."""

    word: str  # as printed
    start: int
    end: int
    key: str | None = None  # the LocalEntity.key of the entity it describes: "Kurdish [YPG]"
    alone: bool = True  # no capitalised word after it: "the Iraqi people" (not "Iraqi Foreign Minister")


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation in an article."""

    text: str  # the words inside the quote marks (paragraphs joined by a blank line)
    start: int  # offset of the first quoted character
    end: int  # offset just past the last quoted character
    kind: str  # "full" or "partial"
    speaker_key: str | None  # LocalEntity.key of the speaker, None when unsure
    speaker_name: str | None  # the name as resolved (may be set without a key), None when unsure
    cue: str | None = None  # "said", "told", "according to", "—", ":"
    resolver: str | None = None  # the speaker resolver that decided (annotate/speaker_resolvers.py)
    confidence: float = 0.0  # of the attribution; below the threshold the speaker reads "unclear"
    candidate: str | None = None  # an unsure speaker's name, listed for review, never shown as the speaker
    description: str | None = None  # how the text names an unnamed speaker: "a spokesman for Acme"
    affiliation_key: str | None = None  # LocalEntity.key of the organisation an unnamed speaker speaks for
    affiliation_name: str | None = None
    intro: str | None = None  # the sentence that introduces the quote


@_pickled_as_tuple
class DateRef(NamedTuple):
    text: str
    start: int
    end: int
    date: dt.date | None  # resolved date, None when it cannot be placed
    precision: str = "day"  # "day", "month" or "year"
    role: str = "event"  # "event"; "since" and "span" (background: "since 1906", "between 1987
    # and 1990"); "bound" ("before June"); "deadline" (a bound ahead: "by June 2030"); "dateline";
    # "now" ("today" meaning nowadays: "neon is enjoying a revival today"); no event of the story
    # (builder/data/dates/not_events.txt): "statistic", "setting", "reference", "age", "birth", "name",
    # "work" (a work's date), "habit" (a month that comes every year); "quoted" (a day relative
    # to a speaker's, inside a quotation: "today's game")


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class SourceRef:
    """An outlet or agency named in one article (before the link pass)."""

    name: str
    key: str | None  # LocalEntity.key when the source is an entity of the article
    how: str  # "cited" or "credit"
    evidence: str
    rule: str = ""  # the id of the rule that found it (builder/data/sources/cues.txt, or a credit's)


@dataclass(frozen=True)
class Annotation:
    """Everything the pure extractors found in one article."""

    article_id: str
    entities: tuple[LocalEntity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateRef, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    warnings: tuple[str, ...] = ()
    nationalities: tuple[Nationality, ...] = ()  # demonyms: attributes, no entities


@dataclass(frozen=True)
class Entity:
    """An entity of the whole dossier, after cross-article resolution and curation."""

    id: str  # slug, unique in the dossier
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    description: str | None = None
    links: tuple[str, ...] = ()
    curated: bool = False
    hidden: bool = False  # no page, no link: hidden in entities.yml, or not yet confirmed
    confidence: float = 1.0  # how sure the dossier makes it that this is a name (confirm.py)
    evidence: tuple[str, ...] = ()  # the ids of the evidence rules behind it, sorted
    confirmed: bool = True  # False: below the threshold, listed for review instead of given a page
    nationalities: tuple[str, ...] = ()  # demonyms written before it ("Iraqi", "Kurdish"), sorted


@dataclass(frozen=True)
class Page:
    """A generated file: a path relative to docs/ and its full text."""

    path: str
    text: str
    source: str | None = None  # the input file it was made from
    key: str | None = None  # a digest of everything the page shows (see render.keys), when known
    data: bytes | None = None  # the file's bytes, when the page is made as bytes (the export): `text` is then ""


@dataclass(frozen=True)
class KeptPage:
    """A page whose digest is the one the previous build recorded: the writer keeps the
    file it wrote then instead of a rendered text."""

    path: str
    key: str


@dataclass(frozen=True)
class BuildReport:
    articles: int
    pages_written: int
    pages_unchanged: int
    pages_removed: int
    warnings: tuple[str, ...] = field(default_factory=tuple)
    annotated: int = 0  # articles read and annotated in this build
    cached: int = 0  # articles taken from the annotation cache


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class DossierQuote:
    """A quote placed in the dossier: its id, article and speaker entity."""

    id: str
    article: str  # article id
    quote: Quote
    speaker: str | None  # entity id
    affiliation: str | None = None  # entity id of the organisation an unnamed speaker speaks for


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Related:
    """Another article sharing entities with this one, and how strongly."""

    article: str  # article id
    score: float
    shared: tuple[str, ...]  # entity ids, most telling first


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Source:
    """An outlet or agency an article names or is credited to."""

    name: str
    entity: str | None  # entity id when the source is also an entity
    article: str  # article id
    how: str  # "outlet" (dossier.yml / front matter), "cited", "credit"
    evidence: str  # the sentence or line that names it
    rule: str = ""  # the id of the rule that found it ("" for the outlet of the metadata)


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class TimelineEvent:
    date: dt.date
    precision: str
    article: str
    text: str  # the date as written
    sentence: str
    deadline: bool = False  # a date ahead set as a limit ("by June 2030"), not a thing that happened
    keys: tuple[str, ...] = ()  # article-local keys of the entities the sentence names
    also: tuple[str, ...] = ()  # other articles that tell the same event (set by the link pass)
    entities: tuple[str, ...] = ()  # entity ids the sentence names (set by the link pass)
    ahead: bool = False  # after its article's date: expected or planned, not yet a thing that happened


@dataclass(frozen=True)
class Discrepancy:
    """Two sources that disagree on a checkable fact about the same event."""

    topic: str  # what the event is ("Jane Doe arrived in Geneva")
    kind: str  # "date" or "number"
    claims: tuple[tuple[str, str, str], ...]  # (article id, value as written, sentence)
    values: tuple[str, ...] = ()  # each claim's value as resolved ("11 September 2024"), aligned with claims
    reports: tuple[int, ...] = ()  # each claim's report in its file (0: the first), aligned with claims


@dataclass(frozen=True)
class Dossier:
    """Everything known after the link pass: what the renderer turns into pages."""

    title: str
    description: str
    articles: tuple[Article, ...]
    annotations: tuple[Annotation, ...]  # aligned with articles
    entities: tuple[Entity, ...]
    entity_of: Mapping[tuple[str, str], str]  # (article id, local key) -> entity id
    quotes: tuple[DossierQuote, ...]
    related: Mapping[str, tuple[Related, ...]] = field(default_factory=dict)
    sources: tuple[Source, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    versions: Mapping[str, str] = field(default_factory=dict)  # article id -> digest of its file, metadata
    # and the annotating code (the cache key): what the article's annotation depends on
    shown: Mapping[str, str] = field(default_factory=dict)  # article id -> digest of what entity pages
    # show of it (link.shown_digest): an edit elsewhere in the article leaves its entities' pages as they are
    copy_of: Mapping[str, str] = field(default_factory=dict)  # article id -> the article it repeats (shown once)
    reports: Mapping[str, tuple[int, ...]] = field(default_factory=dict)  # article id -> offsets where
    # its later reports begin (a file holding two stories); absent when it holds one
    summaries: Mapping[str, str] = field(default_factory=dict)  # article id -> its summary for the
    # article lists (summary.py), kept in the link memo
