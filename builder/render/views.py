"""Dossier-wide views: sources, timeline and discrepancies."""
from __future__ import annotations

from collections import defaultdict

from builder.model import Page, Source
from builder.render import markdown as md
from builder.render import paths
from builder.render.cards import entity_link
from builder.render.context import Context
from builder.render.home import NOT_SEARCHED

_HOW = {"outlet": "published", "cited": "cited in", "credit": "credited in"}


def _source_name(source: Source, ctx: Context, page: str) -> str:
    entity = ctx.entities.get(source.entity) if source.entity else None
    return entity_link(entity, page) if entity is not None and not entity.hidden else md.text(source.name)


def render_sources(ctx: Context) -> Page:
    page = paths.SOURCES
    out = md.page_head("Sources", intro="Outlets and agencies behind the dossier's articles: the outlet that "
                       "published each one (from the dossier's metadata), and those the texts cite or credit.",
                       search=NOT_SEARCHED)
    groups: dict[str, list[Source]] = defaultdict(list)
    for source in ctx.dossier.sources:
        groups[source.name].append(source)
    if not groups:
        out.append("No sources named yet.\n")
    for name in sorted(groups, key=lambda n: (-len({s.article for s in groups[n]}), n.lower())):
        items = groups[name]
        out.append(f"\n## {md.text(name)}\n")
        if items[0].entity:
            out.append(_source_name(items[0], ctx, page) + "\n")
        lines = []
        for source in sorted(items, key=lambda s: (s.article, s.how)):
            article = ctx.articles[source.article]
            evidence = f": “{md.text(source.evidence)}”" if source.how != "outlet" else ""
            lines.append(f"{_HOW.get(source.how, source.how).capitalize()} "
                         f"{md.link(md.text(article.title), paths.article(article.id), page)}{evidence}")
        out.append(md.bullet_list(lines))
    return Page(path=page, text="\n".join(out))


def render_timeline(ctx: Context) -> Page:
    page = paths.TIMELINE
    out = md.page_head("Timeline", intro="Dated events in the articles, oldest first. Relative dates (\"on "
                       "Wednesday\", \"last week\") are placed only when the article's own date is known.",
                       search=NOT_SEARCHED)
    events = ctx.dossier.timeline
    if not events:
        out.append("No dated events could be placed.\n")
    current = None
    for event in events:
        heading = f"{event.date:%B %Y}"
        if heading != current:
            out.append(f"\n## {heading}\n")
            current = heading
        when = md.date_at(event.date, event.precision)
        article = ctx.articles[event.article]
        out.append(f"- **{when}** ({md.text(event.text)}): {md.text(event.sentence)} "
                   f"— {md.link(md.text(article.title), paths.article(article.id), page)}\n")
    return Page(path=page, text="\n".join(out))


def render_discrepancies(ctx: Context) -> Page:
    page = paths.DISCREPANCIES
    out = md.page_head("Discrepancies", intro="Places where the sources disagree on a checkable fact about the "
                       "same event: the same actor, the same event and the same place, given different dates.",
                       search=NOT_SEARCHED)
    if not ctx.dossier.discrepancies:
        out.append("No disagreements found.\n")
    for item in ctx.dossier.discrepancies:
        lines = []
        for article_id, value, sentence in item.claims:
            article = ctx.articles[article_id]
            outlet = f" ({md.text(article.meta.outlet)})" if article.meta.outlet else ""
            lines.append(f"**{md.text(value)}**: “{md.text(sentence)}” — "
                         f"{md.link(md.text(article.title), paths.article(article.id), page)}{outlet}")
        body = md.bullet_list(lines)
        out.append(md.admonition("warning", f"{item.topic}: the sources give different {item.kind}s", body))
    return Page(path=page, text="\n".join(out))
