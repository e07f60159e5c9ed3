"""Render: turn a linked Dossier into pages (pure; the writer writes them)."""
from __future__ import annotations

from collections.abc import Iterator

from builder.export import export_text
from builder.model import Dossier, Page
from builder.render import paths
from builder.render.article import render_article
from builder.render.context import Context
from builder.render.entity import render_entity, render_whos_who
from builder.render.home import render_article_index, render_home, render_quotes
from builder.render.views import render_discrepancies, render_sources, render_timeline


def iter_pages(dossier: Dossier) -> Iterator[Page]:
    """Every generated page of the dossier, one at a time (the writer streams them)."""
    ctx = Context.of(dossier)
    yield render_home(ctx)
    yield from render_article_index(ctx)
    yield from (render_whos_who(ctx), render_quotes(ctx), render_sources(ctx), render_discrepancies(ctx))
    yield from render_timeline(ctx)
    for article in dossier.articles:
        yield render_article(article, ctx)
        ctx.forget_blocks(article.id)
    for entity in dossier.entities:
        if not entity.hidden:
            yield render_entity(entity, ctx)
    yield Page(path=paths.EXPORT, text=export_text(dossier))


def render(dossier: Dossier) -> tuple[Page, ...]:
    """Every generated page of the dossier, sorted by path."""
    return tuple(sorted(iter_pages(dossier), key=lambda p: p.path))
