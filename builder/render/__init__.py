"""Render: turn a linked Dossier into pages (pure; the writer writes them)."""
from __future__ import annotations

from builder.export import render_export
from builder.model import Dossier, Page
from builder.render.article import render_article
from builder.render.context import Context
from builder.render.entity import render_entity, render_whos_who
from builder.render.home import render_article_index, render_home, render_quotes
from builder.render.views import render_discrepancies, render_sources, render_timeline


def render(dossier: Dossier) -> tuple[Page, ...]:
    """Every generated page of the dossier, sorted by path."""
    ctx = Context.of(dossier)
    pages = [render_home(ctx), render_article_index(ctx), render_whos_who(ctx), render_quotes(ctx),
             render_sources(ctx), render_timeline(ctx), render_discrepancies(ctx)]
    pages += [render_article(article, ctx) for article in dossier.articles]
    pages += [render_entity(entity, ctx) for entity in dossier.entities if not entity.hidden]
    pages.append(render_export(dossier))
    return tuple(sorted(pages, key=lambda p: p.path))
