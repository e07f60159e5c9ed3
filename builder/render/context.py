"""Look-ups over a linked Dossier that several page renderers share."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from builder.model import Annotation, Article, Dossier, DossierQuote, Entity, Source


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
        for source in dossier.sources:
            ctx.sources_by_article[source.article].append(source)
        for annotation in dossier.annotations:
            seen: set[str] = set()
            for mention in annotation.mentions:
                entity_id = dossier.entity_of.get((annotation.article_id, mention.key))
                if entity_id and entity_id not in seen:
                    seen.add(entity_id)
                    ctx.articles_by_entity[entity_id].append(annotation.article_id)
        return ctx

    def entity_for(self, article_id: str, key: str | None) -> Entity | None:
        if key is None:
            return None
        entity_id = self.dossier.entity_of.get((article_id, key))
        entity = self.entities.get(entity_id) if entity_id else None
        return entity if entity is not None and not entity.hidden else None

    def visible_entities(self) -> list[Entity]:
        return [e for e in self.dossier.entities if not e.hidden]
