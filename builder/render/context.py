"""Look-ups over a linked Dossier that several page renderers share."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter

from builder.annotate.blocks import BlockIndex
from builder.model import Annotation, Article, Block, Dossier, DossierQuote, Entity, Mention, Source, TimelineEvent


def article_order(article: Article) -> tuple[int, str, str]:
    """Newest first; undated articles last, then by title."""
    date = article.meta.date or dt.date.min
    return (-date.toordinal(), article.title.lower(), article.id)


_START = attrgetter("start")


def _copy_quotes(dossier: Dossier, annotation: Annotation | None) -> list[DossierQuote]:
    """The quotes of a copy, for its own page (the dossier counts them once, with the
    article it repeats)."""
    if annotation is None:
        return []
    article_id = annotation.article_id
    return [DossierQuote(id=f"{article_id}-q{n}", article=article_id, quote=quote,
                         speaker=dossier.entity_of.get((article_id, quote.speaker_key)) if quote.speaker_key else None)
            for n, quote in enumerate(sorted(annotation.quotes, key=_START), start=1)]


@dataclass
class Context:
    dossier: Dossier
    entities: dict[str, Entity] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    annotations: dict[str, Annotation] = field(default_factory=dict)
    quotes_by_article: dict[str, list[DossierQuote]] = field(default_factory=lambda: defaultdict(list))
    quotes_by_speaker: dict[str, list[DossierQuote]] = field(default_factory=lambda: defaultdict(list))
    articles_by_entity: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    sources_by_article: dict[str, list[Source]] = field(default_factory=lambda: defaultdict(list))
    _per_block: dict[str, tuple[dict[int, list[Mention]], dict[int, list[DossierQuote]]]] = field(
        default_factory=dict)
    _blocks: dict[str, BlockIndex] = field(default_factory=dict)
    _entity_ids: dict[str, frozenset[str]] = field(default_factory=dict)
    _first: dict[str, dict[str, Mention]] = field(default_factory=dict)  # article -> entity -> first mention
    _roles: dict[str, dict[str, str]] = field(default_factory=dict)  # entity -> article -> its first role there
    _rank: dict[str, int] = field(default_factory=dict)  # article id -> place in article_order
    copies: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # shown article -> its copies
    events_by_entity: dict[str, list[TimelineEvent]] = field(default_factory=lambda: defaultdict(list))
    _paragraphs: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict)  # article -> entity -> blocks
    _shown: list[str] | None = None

    @classmethod
    def of(cls, dossier: Dossier) -> Context:
        ctx = cls(dossier)
        ctx.entities = {e.id: e for e in dossier.entities}
        ctx.articles = {a.id: a for a in dossier.articles}
        ctx.annotations = {n.article_id: n for n in dossier.annotations}
        for quote in dossier.quotes:
            ctx.quotes_by_article[quote.article].append(quote)
            if quote.speaker:
                ctx.quotes_by_speaker[quote.speaker].append(quote)
        for copy, shown in sorted(dossier.copy_of.items()):
            ctx.copies[shown].append(copy)
            ctx.quotes_by_article[copy] = _copy_quotes(dossier, ctx.annotations.get(copy))
        for source in dossier.sources:
            ctx.sources_by_article[source.article].append(source)
        for event in dossier.timeline:
            for entity_id in event.entities:
                ctx.events_by_entity[entity_id].append(event)
        entity_of, articles_by_entity = dossier.entity_of.get, ctx.articles_by_entity
        for annotation in dossier.annotations:  # local entities: each is mentioned at least once
            article_id = annotation.article_id
            if article_id in dossier.copy_of:  # a copy is counted once, as the article it repeats
                continue
            for found in dict.fromkeys([entity_of((article_id, e.key)) for e in annotation.entities]):
                if found:
                    articles_by_entity[found].append(article_id)
        return ctx

    def first_mention(self, article_id: str, entity_id: str) -> Mention | None:
        """The first mention of an entity in an article."""
        if article_id not in self._first:
            annotation, entity_of = self.annotations.get(article_id), self.dossier.entity_of
            first: dict[str, Mention] = {}
            for mention in sorted(annotation.mentions if annotation else (), key=_START):
                found = entity_of.get((article_id, mention.key))
                if found and found not in first:
                    first[found] = mention
            self._first[article_id] = first
        return self._first[article_id].get(entity_id)

    def paragraphs(self, article_id: str, entity_id: str) -> tuple[int, ...]:
        """The numbers (1-based, in Article.blocks) of the story's paragraphs that mention an
        entity, one per mention: the page anchors #p1, #p2 ... of the article page."""
        if article_id not in self._paragraphs:
            article, annotation = self.articles[article_id], self.annotations.get(article_id)
            starts = [b.start for b in article.blocks]
            table: dict[str, list[int]] = defaultdict(list)
            for mention in sorted(annotation.mentions if annotation else (), key=_START):
                entity = self.dossier.entity_of.get((article_id, mention.key))
                i = bisect_right(starts, mention.start) - 1
                if entity and i >= 0 and mention.start < starts[i] + len(article.blocks[i].text):
                    table[entity].append(i + 1)
            self._paragraphs[article_id] = {e: tuple(ns) for e, ns in table.items()}  # tuples: a third of the memory
        return self._paragraphs[article_id].get(entity_id, ())

    def role_in(self, entity: Entity, article_id: str | None = None, only_there: bool = False) -> str | None:
        """The entity's role as the given article states it, else (unless `only_there`) its
        first role anywhere. A look-up, not a scan: an entity named in every article of a
        large dossier has thousands of roles."""
        table = self._roles.get(entity.id)
        if table is None:
            table = {}
            for role in entity.roles:
                table.setdefault(role.article, role.text)
            self._roles[entity.id] = table
        if article_id is not None and article_id in table:
            return table[article_id]
        if only_there:
            return None
        return entity.roles[0].text if entity.roles else None

    def newest(self, article_ids: Iterable[str]) -> list[str]:
        """Article ids in article_order: newest first."""
        if not self._rank:
            self._rank = {a.id: n for n, a in enumerate(sorted(self.dossier.articles, key=article_order))}
        return sorted(article_ids, key=self._rank.__getitem__)

    def rank(self, article_id: str) -> int:
        """An article's place in article_order."""
        if not self._rank:
            self.newest(())
        return self._rank[article_id]

    def blocks(self, article: Article) -> BlockIndex:
        if article.id not in self._blocks:
            self._blocks[article.id] = BlockIndex(article.text_blocks)
        return self._blocks[article.id]

    def entity_ids(self, article_id: str) -> frozenset[str]:
        """The ids of the entities an article mentions (read from its local entities, each
        of which is mentioned at least once: a third of the work of reading every mention)."""
        if article_id not in self._entity_ids:
            annotation, entity_of = self.annotations[article_id], self.dossier.entity_of
            self._entity_ids[article_id] = frozenset(
                eid for local in annotation.entities if (eid := entity_of.get((article_id, local.key))))
        return self._entity_ids[article_id]

    def forget_blocks(self, article_id: str) -> None:
        """Drop the per-block look-ups of an article whose page is rendered (memory stays flat)."""
        self._per_block.pop(article_id, None)

    def in_block(self, article: Article, block: Block) -> tuple[list[Mention], list[DossierQuote]]:
        """The mentions and quotes that lie inside one block (sorted by position)."""
        if article.id not in self._per_block:
            index = self.blocks(article)
            mentions: dict[int, list[Mention]] = defaultdict(list)
            quotes: dict[int, list[DossierQuote]] = defaultdict(list)
            annotation = self.annotations.get(article.id)
            for mention in sorted(annotation.mentions if annotation else (), key=lambda m: m.start):
                home = index.at(mention.start)
                if home is not None and mention.end <= home.start + len(home.text):
                    mentions[home.start].append(mention)
            for quote in sorted(self.quotes_by_article.get(article.id, []), key=lambda q: q.quote.start):
                home = index.at(quote.quote.start)
                if home is not None and quote.quote.end <= home.start + len(home.text):
                    quotes[home.start].append(quote)
            self._per_block[article.id] = (mentions, quotes)
        mentions, quotes = self._per_block[article.id]
        return mentions.get(block.start, []), quotes.get(block.start, [])

    def entity_for(self, article_id: str, key: str | None) -> Entity | None:
        if key is None:
            return None
        entity_id = self.dossier.entity_of.get((article_id, key))
        entity = self.entities.get(entity_id) if entity_id else None
        return entity if entity is not None and not entity.hidden else None

    def shown_articles(self) -> list[str]:
        """The ids of the articles the dossier counts: all but the copies of another."""
        if self._shown is None:
            self._shown = [a.id for a in self.dossier.articles if a.id not in self.dossier.copy_of]
        return self._shown

    def visible_entities(self) -> list[Entity]:
        return [e for e in self.dossier.entities if not e.hidden]
