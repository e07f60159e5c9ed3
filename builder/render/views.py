"""Dossier-wide views: sources, timeline and discrepancies."""
from __future__ import annotations

from collections import defaultdict
from functools import cache
from urllib.parse import urlsplit

from builder import wordlists
from builder.model import Article, Page, Source, TimelineEvent
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


@cache
def _outlet_suffixes() -> tuple[str, ...]:
    """builder/data/views/outlet_suffixes.txt, longest first (kept with its leading space)."""
    text = wordlists.DATA.joinpath("views", "outlet_suffixes.txt").read_text(encoding="utf-8")
    found = {line.rstrip("\n").casefold() for line in text.splitlines() if line.strip() and not line.startswith("#")}
    return tuple(sorted(found, key=len, reverse=True))


def _source_key(name: str) -> str:
    """One outlet however the texts write it: "The Leeds Gazette", "the Leeds Gazette",
    "Leeds Gazette"; "Leeds News", "told Leeds"; "Leeds.com" (outlet_suffixes.txt)."""
    key = " ".join(name.split()).casefold()
    key = key[4:] if key.startswith("the ") else key
    for suffix in _outlet_suffixes():
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)].strip()
    return key


def render_sources(ctx: Context) -> Page:
    page = paths.SOURCES
    out = md.page_head("Sources", intro="Outlets and organisations behind the dossier's information: the outlet "
                       "that published each article (from the dossier's metadata), those the texts cite as having "
                       "reported, published, serialised or been told something, and those credited. An audience "
                       "someone spoke to is no source.",
                       search=NOT_SEARCHED)
    groups: dict[str, list[Source]] = defaultdict(list)
    for source in ctx.dossier.sources:
        groups[_source_key(source.name)].append(source)
    if not groups:
        out.append("No sources named yet.\n")
    for key in sorted(groups, key=lambda k: (-len({s.article for s in groups[k]}), k)):
        items = _once(groups[key], ctx)
        name = next((s.name for s in items if s.how == "outlet"), items[0].name)  # as the outlet writes it
        out.append(f"\n## {md.text(name)}\n")
        if items[0].entity:
            out.append(_source_name(items[0], ctx, page) + "\n")
        lines = []
        items.sort(key=lambda s: (ctx.rank(s.article), s.how != "outlet", s.how))  # "Published" first
        for source in items[:SOURCE_ARTICLES_SHOWN]:
            article = ctx.articles[source.article]
            evidence = f": “{md.text(source.evidence)}”" if source.how != "outlet" else ""
            if source.how == "outlet" and article.meta.url:
                evidence = f" ({md.web_link(article.meta.url, 'original')})"
            lines.append(f"{_HOW.get(source.how, source.how).capitalize()} "
                         f"{md.link(md.text(article.title), paths.article(article.id), page)}{evidence}")
        hidden = len(items) - SOURCE_ARTICLES_SHOWN
        out.append(md.bullet_list(lines) + (f"\n*… and {hidden:,} more: the {md.link('Articles', paths.ARTICLES, page)} "
                                            "page lists every article.*\n" if hidden > 0 else ""))
    return Page(path=page, text="\n".join(out))


def _once(items: list[Source], ctx: Context) -> list[Source]:
    """A source's items without those of a copy of an article it already has (the same story
    saved twice, or wired twice to one outlet, is one story: duplicates.py)."""
    have = {s.article for s in items}
    copy_of = ctx.dossier.copy_of
    return [s for s in items if copy_of.get(s.article) not in have]


ALSO_SHOWN = 3  # other articles named with an event told by several


def _heading(event: TimelineEvent) -> str:
    """The heading an event is filed under: its month, or its year when only that is known."""
    return f"{event.date:%Y}" if event.precision == "year" else f"{event.date:%B %Y}"


def timeline_line(event: TimelineEvent, ctx: Context, page: str) -> str:
    """One event: its date as precisely as known, the sentence, and every article that tells it."""
    article = ctx.articles[event.article]
    when = md.date_at(event.date, event.precision)
    mark = " · *deadline*" if event.deadline else " · *expected*" if event.ahead else ""
    others = [md.link(md.text(ctx.articles[a].title), paths.article(a), page) for a in event.also[:ALSO_SHOWN]]
    more = len(event.also) - ALSO_SHOWN
    also = ("; also told by " + ", ".join(others) + (f" and {more} more" if more > 0 else "")) if others else ""
    written = "" if " ".join(event.text.split()) == when else f" ({md.text(event.text)})"  # not "2014 (2014)"
    return (f"**{when}**{mark}{written}: {md.text(event.sentence)} — "
            f"{md.link(md.text(article.title), paths.article(article.id), page)}{also}")


def _events(events: list[TimelineEvent], ctx: Context, page: str) -> list[str]:
    """Events under a heading per month (per year for those known to the year only)."""
    out, current = [], None
    for event in events:
        heading = _heading(event)
        if heading != current:
            out.append(f"\n## {heading}\n")
            current = heading
        out.append(f"- {timeline_line(event, ctx, page)}\n")
    return out


def _ordered(events: tuple[TimelineEvent, ...]) -> list[TimelineEvent]:
    """Oldest first; an event known to the year only comes before that year's dated ones,
    under a heading of its own."""
    return sorted(events, key=lambda e: (e.date.year, e.precision != "year", e.date, e.article, e.sentence))


def render_timeline(ctx: Context) -> list[Page]:
    """The timeline on one page; a long one gets a page per month, listed on the first."""
    page = paths.TIMELINE
    intro = ("Dated events in the articles, oldest first; an event several articles tell is listed once, with "
             "all of them. Relative dates (\"on Wednesday\", \"last week\") are placed only when the article's own "
             "date is known; background dates (\"since 1906\", \"between 1987 and 1990\"), datelines, photo "
             "captions and dates that are no event (a statistic's year, a story's setting, \"as of March 2014\", "
             "a birth) are left out; dates set ahead as limits are marked as deadlines, and events dated after "
             "their article as expected.")
    out = md.page_head("Timeline", intro=intro, search=NOT_SEARCHED)
    events = _ordered(ctx.dossier.timeline)
    if not events:
        out.append("No dated events could be placed.\n")
    if len(events) <= TIMELINE_ON_ONE_PAGE:
        return [Page(path=page, text="\n".join(out + _events(events, ctx, page)))]
    months: dict[tuple[int, int], list[TimelineEvent]] = defaultdict(list)
    for event in events:
        months[(event.date.year, 0 if event.precision == "year" else event.date.month)].append(event)
    pages, lines = [], []
    for (year, month), group in sorted(months.items()):
        month_page = paths.timeline_month(year, month)
        label = _heading(group[0])
        text = md.page_head(f"Timeline: {label}", search=NOT_SEARCHED) + _events(group, ctx, month_page)
        pages.append(Page(path=month_page, text="\n".join(text)))
        lines.append(md.link(label, month_page, page) + f" ({len(group)} events)")
    out.append("\n## By month\n\n" + md.bullet_list(reversed(lines)))
    return [Page(path=page, text="\n".join(out)), *pages]


_ORDINAL = ("first", "second", "third", "fourth", "fifth")


def _report(ctx: Context, article_id: str, report: int, page: str) -> str:
    """A claim's source: the article's link and outlet, and which report of the file."""
    article = ctx.articles[article_id]
    outlet = f" ({_outlet(article)})"
    which = ""
    if ctx.dossier.reports.get(article_id):
        which = f", the {_ORDINAL[report] if report < len(_ORDINAL) else str(report + 1) + 'th'} report in its file"
    return f"{md.link(md.text(article.title), paths.article(article.id), page)}{outlet}{which}"


def _outlet(article: Article) -> str:
    """Who published an article, as far as known: its outlet, else its web address's host,
    else its file (a claim's source is never left unnamed)."""
    if article.meta.outlet:
        return md.text(article.meta.outlet)
    host = urlsplit(article.meta.url).hostname if article.meta.url else None
    if host:
        return md.text(host.removeprefix("www."))
    return f"outlet not given: file {md.code(article.file)}"


def render_discrepancies(ctx: Context) -> Page:
    page = paths.DISCREPANCIES
    out = md.page_head("Discrepancies", intro="Places where two reports disagree on a checkable fact about the "
                       "same event: the same actor, the same event and the same place, given different dates. "
                       "Only different reports are compared (two articles, or two reports pasted into one file), "
                       "never two sentences of one report.", search=NOT_SEARCHED)
    if not ctx.dossier.discrepancies:
        out.append("No disagreements found.\n")
    items = ctx.dossier.discrepancies
    for item in items[:DISCREPANCIES_SHOWN]:
        lines = []
        values = item.values or tuple(value for _, value, _ in item.claims)
        reports = item.reports or (0,) * len(item.claims)
        for (article_id, written, sentence), value, report in zip(item.claims[:CLAIMS_SHOWN], values, reports):
            known = "" if any(ch.isdigit() for ch in value) else " (not placed: the report gives no date of its own)"
            lines.append(f"**{md.text(value)}**{known}, written “{md.text(written)}”: “{md.text(sentence)}” — "
                         f"{_report(ctx, article_id, report, page)}")
        files = {a for a, _, _ in item.claims}
        where = (" Both reports are in one file, pasted one after the other: they are two reports, not one."
                 if len(files) == 1 else "")
        body = md.bullet_list(lines) + (f"\n{where.strip()}\n" if where else "")
        out.append(md.admonition("warning", f"{item.topic}: the reports give different {item.kind}s", body))
    out.append(md.more(len(items) - DISCREPANCIES_SHOWN, "disagreements"))
    return Page(path=page, text="\n".join(out))
