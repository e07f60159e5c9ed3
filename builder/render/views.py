"""Dossier-wide views: sources, timeline and discrepancies."""
from __future__ import annotations

from collections import defaultdict

from builder.model import Page, Source, TimelineEvent
from builder.render import markdown as md
from builder.render import paths
from builder.render.cards import entity_link
from builder.render.context import Context
from builder.render.home import NOT_SEARCHED

SOURCE_ARTICLES_SHOWN = 20
DISCREPANCIES_SHOWN = 100
CLAIMS_SHOWN = 6
TIMELINE_ON_ONE_PAGE = 300  # more events than this get a page per month
_HOW = {"outlet": "published", "cited": "cited in", "credit": "credited in"}


def _source_name(source: Source, ctx: Context, page: str) -> str:
    entity = ctx.entities.get(source.entity) if source.entity else None
    if entity is None or entity.hidden:
        return md.text(source.name)
    return entity_link(entity, page, role=ctx.role_in(entity))


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
        items.sort(key=lambda s: (ctx.rank(s.article), s.how))
        for source in items[:SOURCE_ARTICLES_SHOWN]:
            article = ctx.articles[source.article]
            evidence = f": “{md.text(source.evidence)}”" if source.how != "outlet" else ""
            if source.how == "outlet" and article.meta.url:
                evidence = f" ({md.web_link(article.meta.url, 'original')})"
            lines.append(f"{_HOW.get(source.how, source.how).capitalize()} "
                         f"{md.link(md.text(article.title), paths.article(article.id), page)}{evidence}")
        out.append(md.bullet_list(lines) + md.more(len(items) - SOURCE_ARTICLES_SHOWN, "older articles"))
    return Page(path=page, text="\n".join(out))


def _events(events: list[TimelineEvent], ctx: Context, page: str) -> list[str]:
    """Events under a heading per month."""
    out, current = [], None
    for event in events:
        heading = f"{event.date:%B %Y}"
        if heading != current:
            out.append(f"\n## {heading}\n")
            current = heading
        article = ctx.articles[event.article]
        out.append(f"- **{md.date_at(event.date, event.precision)}** ({md.text(event.text)}): "
                   f"{md.text(event.sentence)} — {md.link(md.text(article.title), paths.article(article.id), page)}\n")
    return out


def render_timeline(ctx: Context) -> list[Page]:
    """The timeline on one page; a long one gets a page per month, listed on the first."""
    page = paths.TIMELINE
    intro = ("Dated events in the articles, oldest first. Relative dates (\"on Wednesday\", \"last week\") "
             "are placed only when the article's own date is known.")
    out = md.page_head("Timeline", intro=intro, search=NOT_SEARCHED)
    events = list(ctx.dossier.timeline)
    if not events:
        out.append("No dated events could be placed.\n")
    if len(events) <= TIMELINE_ON_ONE_PAGE:
        return [Page(path=page, text="\n".join(out + _events(events, ctx, page)))]
    months: dict[tuple[int, int], list[TimelineEvent]] = defaultdict(list)
    for event in events:
        months[(event.date.year, event.date.month)].append(event)
    pages, lines = [], []
    for (year, month), group in sorted(months.items()):
        month_page = paths.timeline_month(year, month)
        title = f"Timeline: {group[0].date:%B %Y}"
        text = md.page_head(title, search=NOT_SEARCHED) + _events(group, ctx, month_page)
        pages.append(Page(path=month_page, text="\n".join(text)))
        lines.append(md.link(f"{group[0].date:%B %Y}", month_page, page) + f" ({len(group)} events)")
    out.append("\n## By month\n\n" + md.bullet_list(reversed(lines)))
    return [Page(path=page, text="\n".join(out)), *pages]


def render_discrepancies(ctx: Context) -> Page:
    page = paths.DISCREPANCIES
    out = md.page_head("Discrepancies", intro="Places where the sources disagree on a checkable fact about the "
                       "same event: the same actor, the same event and the same place, given different dates.",
                       search=NOT_SEARCHED)
    if not ctx.dossier.discrepancies:
        out.append("No disagreements found.\n")
    items = ctx.dossier.discrepancies
    for item in items[:DISCREPANCIES_SHOWN]:
        lines = []
        for article_id, value, sentence in item.claims[:CLAIMS_SHOWN]:
            article = ctx.articles[article_id]
            outlet = f" ({md.text(article.meta.outlet)})" if article.meta.outlet else ""
            lines.append(f"**{md.text(value)}**: “{md.text(sentence)}” — "
                         f"{md.link(md.text(article.title), paths.article(article.id), page)}{outlet}")
        body = md.bullet_list(lines)
        out.append(md.admonition("warning", f"{item.topic}: the sources give different {item.kind}s", body))
    out.append(md.more(len(items) - DISCREPANCIES_SHOWN, "disagreements"))
    return Page(path=page, text="\n".join(out))
