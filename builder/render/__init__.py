"""Render: turn a linked Dossier into pages (pure; the writer writes them)."""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace

from builder.export import ExportMemo, export_data
from builder.model import Dossier, KeptPage, Page
from builder.render import paths
from builder.render.article import render_article
from builder.render.context import Context
from builder.render.entity import entity_parts, render_entity, render_whos_who
from builder.render.home import render_article_index, render_home, render_quotes
from builder.render.keys import PageKeys
from builder.render.views import render_discrepancies, render_sources, render_timeline


def iter_pages(
    dossier: Dossier, previous: Mapping[str, str] | None = None, memo: ExportMemo | None = None
) -> Iterator[Page | KeptPage]:
    """Every generated page of the dossier, one at a time (the writer streams them).

    `previous` maps page paths to the keys the last build recorded for the files it left;
    an article or entity page whose key is unchanged comes as a KeptPage, not rendered;
    `memo` keeps the export's article records between builds (and its index then keys the
    export page)."""
    previous = previous or {}
    ctx = Context.of(dossier)
    keys = PageKeys(ctx)
    yield render_home(ctx)
    yield from render_article_index(ctx)
    yield from (render_whos_who(ctx), render_quotes(ctx), render_sources(ctx), render_discrepancies(ctx))
    yield from render_timeline(ctx)
    page_keys: dict[tuple[str, str], str | None] = {}  # the export reuses its parts by them
    for article in dossier.articles:
        path, key = paths.article(article.id), keys.article(article)
        page_keys[("article", article.id)] = key
        if key is not None and previous.get(path) == key:
            yield KeptPage(path, key)
            continue
        yield replace(render_article(article, ctx), key=key)
        ctx.forget_blocks(article.id)
    for entity in dossier.entities:
        if entity.hidden:
            continue
        path, key = paths.entity(entity.id), keys.entity(entity)
        page_keys[("entity", entity.id)] = key
        part_keys = {part.path: keys.entity_part(entity, part) for part in entity_parts(entity, ctx)}
        main = key is None or previous.get(path) != key
        stale = {p for p, k in part_keys.items() if k is None or previous.get(p) != k}
        if key is not None and not main:
            yield KeptPage(path, key)
        yield from (KeptPage(p, k) for p, k in part_keys.items() if p not in stale and k is not None)
        if main or stale:
            for page in render_entity(entity, ctx, main=main, only=stale):
                yield replace(page, key=key if page.path == path else part_keys.get(page.path))
    data = export_data(dossier, memo, page_keys)  # bytes: the writer neither encodes nor compares text
    yield Page(path=paths.EXPORT, text="", key=memo.key if memo is not None else None, data=data)


def render(dossier: Dossier) -> tuple[Page, ...]:
    """Every generated page of the dossier, sorted by path, each with its text."""
    pages = (replace(p, text=p.data.decode(), data=None) if p.data is not None else p
             for p in iter_pages(dossier) if isinstance(p, Page))
    return tuple(sorted(pages, key=lambda p: p.path))
