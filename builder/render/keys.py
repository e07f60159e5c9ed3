"""Page keys: a digest of everything an article or entity page shows, computed from the
linked dossier without rendering. A page whose key is the one the previous build recorded
is not rendered again, so a rebuild after one article changed renders only the pages that
article touches.

A key covers, besides the builder's own code and the dossier's settings:
- an article page: the article's version (its file, metadata and annotation), how its
  entities were linked and how each is labelled, its related articles' titles;
- an entity page: the entity's whole record, and for every article that names it, quotes
  it or gives it a role: what entity pages show of that article (Dossier.shown: title,
  date, the paragraphs of first mentions, quotes) and how its entities are linked and
  labelled. An edit to a paragraph that holds no first mention and no quote leaves them.
An entity's label is what other pages print of it: id, name, type, whether hidden, and
the first role (the tooltip's fallback).
"""
from __future__ import annotations

from dataclasses import fields
from operator import attrgetter
from typing import TYPE_CHECKING

from builder import cache
from builder.model import Article, Entity, Role
from builder.render.context import Context

if TYPE_CHECKING:
    from builder.render.entity import Part


_ENTITY_FIELDS = tuple(f.name for f in fields(Entity))
_ROLE_VALUES = attrgetter(*(f.name for f in fields(Role)))
_KEY = attrgetter("key")


def _record(entity: Entity) -> str:
    """Every field of an entity as text: its repr, with roles as plain tuples (quicker than
    the records' own repr, for entities with thousands of roles)."""
    return repr(tuple(
        tuple(map(_ROLE_VALUES, entity.roles)) if name == "roles" else getattr(entity, name)
        for name in _ENTITY_FIELDS
    ))


class PageKeys:
    """Keys for the pages of one linked dossier; None where an article's version is unknown.

    Keys are digests of text joined from the parts (each label's repr made once), which is
    several times faster than the repr of nested tuples with a thousand articles."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        dossier = ctx.dossier
        self.salt = cache.digest((cache.fingerprint(("",)), dossier.title, dossier.description))
        self.labels = {
            e.id: repr((e.id, e.name, e.type.value, e.hidden, e.roles[0].text if e.roles else None))
            for e in dossier.entities
        }
        self._links_of: dict[str, str | None] = {}
        self._records: dict[str, str] = {}  # entity id -> digest of its record (made by entity())

    def _links(self, article_id: str) -> str | None:
        """How each of an article's entities is linked and labelled."""
        if article_id not in self._links_of:
            annotation = self.ctx.annotations.get(article_id)
            if annotation is None:
                self._links_of[article_id] = None
            else:
                entity_of, label = self.ctx.dossier.entity_of.get, self.labels.get
                parts = [repr(article_id)]
                for key in map(_KEY, annotation.entities):
                    parts.append(repr(key))
                    parts.append(label(entity_of((article_id, key), ""), "None"))
                self._links_of[article_id] = cache.digest_text("\x00".join(parts))
        return self._links_of[article_id]

    def article(self, article: Article) -> str | None:
        version, links = self.ctx.dossier.versions.get(article.id), self._links(article.id)
        if version is None or links is None:
            return None
        parts = [self.salt, "article", version, links]
        for other in (self.ctx.dossier.copy_of.get(article.id), *self.ctx.copies.get(article.id, ())):
            if other is not None:  # the copies it lists, or the article it repeats
                shown = self.ctx.articles[other]
                parts += ("copy", other, shown.title, str(shown.meta.outlet), str(shown.meta.date))
        for item in self.ctx.dossier.related.get(article.id, ()):
            parts += (repr(item.article), repr(self.ctx.articles[item.article].title),
                      *(self.labels.get(e, "None") for e in item.shared), "\x01")
        return cache.digest_text("\x00".join(parts))

    def entity(self, entity: Entity) -> str | None:
        ctx = self.ctx
        sources = dict.fromkeys(ctx.articles_by_entity.get(entity.id, ()))
        sources.update(dict.fromkeys(role.article for role in entity.roles))
        sources.update(dict.fromkeys(q.article for q in ctx.quotes_by_speaker.get(entity.id, ())))
        record = _record(entity)
        self._records[entity.id] = cache.digest_text(record)
        parts = [self.salt, "entity", record]
        for article_id in sources:
            if article_id in ctx.articles:
                shown, links = ctx.dossier.shown.get(article_id), self._links(article_id)
                if shown is None or links is None:
                    return None
                parts += (article_id, shown, links)
        parts.append("\x01")
        parts += (q.id for q in ctx.quotes_by_speaker.get(entity.id, ()))
        parts.append("\x01")
        for event in ctx.events_by_entity.get(entity.id, ()):  # its timeline (events told by other articles too)
            parts.append(repr((event.date, event.precision, event.deadline, event.article, event.text,
                               event.sentence, event.also,
                               tuple(ctx.articles[a].title for a in event.also if a in ctx.articles))))
        return cache.digest_text("\x00".join(parts))

    def entity_part(self, entity: Entity, part: Part) -> str | None:
        """The key of a page an entity's long list continues on: what its items show (the
        articles' shown digests, the quotes' ids, the events), where it sits in the list,
        and the entity's record. An edit to one article changes the key of the one page
        that lists it, not of every page of a busy entity."""
        ctx = self.ctx
        record = self._records.get(entity.id) or cache.digest_text(_record(entity))
        parts = [self.salt, "part", record, part.path, repr((part.n, part.of, part.lo, part.total))]
        for item in part.items:
            if part.kind == "articles":
                shown = ctx.dossier.shown.get(item)
                if shown is None:
                    return None
                parts += (item, shown, str(len(ctx.copies.get(item, ()))))
            elif part.kind == "quotes":
                shown = ctx.dossier.shown.get(item.article)
                if shown is None:
                    return None
                parts += (item.id, item.article, shown)
            else:
                parts.append(repr((item.date, item.precision, item.deadline, item.article, item.text, item.sentence,
                                   item.also, tuple(ctx.articles[a].title for a in (item.article, *item.also)))))
        return cache.digest_text("\x00".join(parts))
