"""The dossier's front pages: home, the article list and the quotes page."""
from __future__ import annotations

import re

from builder.model import Article, DossierQuote, EntityType, Page, TimelineEvent
from builder.render import markdown as md
from builder.render import paths
from builder.render.cards import entity_link, quote_cards
from builder.render.graph import cooccurrence_svg, graph_legend, key_actors
from builder.render.context import Context
from builder.summary import article_summary


def newest_quotes(ctx: Context, quotes: list[DossierQuote]) -> list[DossierQuote]:
    """Quotes from the newest articles first, in reading order within an article."""
    return sorted(quotes, key=lambda q: (ctx.rank(q.article), q.quote.start))


COPIES_LISTED = 5


def _article_item(article: Article, page: str, ctx: Context) -> str:
    bits = [f"**{md.link(md.text(article.title), paths.article(article.id), page)}**"]
    meta = " · ".join(x for x in (md.text(article.meta.outlet or ""), md.human_date(article.meta.date)) if x)
    if meta:
        bits.append(f"<br>{meta}")
    copies = ctx.copies.get(article.id)
    if copies:
        also = []
        for copy in copies[:COPIES_LISTED]:
            other = ctx.articles[copy]
            by = f" by {md.text(other.meta.outlet)}" if other.meta.outlet else ""
            title = f" as “{md.link(md.text(other.title), paths.article(copy), page)}”" if other.title != article.title \
                else f" ({md.link('copy', paths.article(copy), page)})"
            also.append(f"{by}{title}".strip())
        more = len(copies) - COPIES_LISTED
        bits.append("<br>*Also published* " + "; ".join(also) + (f" and {more} more times" if more > 0 else ""))
    summary = ctx.dossier.summaries.get(article.id)
    if summary is None:  # (a dossier linked without them)
        summary = article_summary(article)
    if summary:
        bits.append(f"<br>{md.text(summary)}")
    return "".join(bits)


NOT_SEARCHED = {"exclude": True}  # list pages repeat what the pages they list say
HOME_ARTICLES = 20
SPEAKERS_SHOWN = 100
QUOTES_PER_SPEAKER = 5
UNATTRIBUTED_SHOWN = 50
ARTICLES_PER_PAGE = 200
HOME_ACTORS = 10
HOME_QUOTES = 4
HOME_EVENTS = 6


_FRAGMENT_START = re.compile(r"^[\W_]*[a-z]|^\s*(?:\.\.\.|…)|\[(?:\.\.\.|…)\]")  # (or stitched: "[...]")
KEY_QUOTE_WORDS = (12, 80)  # a key quote's length in words: long enough to say something, short enough to read
_CONFIDENT = {"high", "certain"}
CONFIDENT_FROM = 0.85  # the least confidence of a key quote's attribution (above the 0.7 a speaker is shown from)


def _confident(quote: DossierQuote) -> bool:
    """Whether the speaker is named with high confidence, when the attribution says how sure it is."""
    level = getattr(quote.quote, "confidence", None)
    if level is None:
        return True
    if isinstance(level, str):
        return level.lower() in _CONFIDENT
    return float(level) >= CONFIDENT_FROM


def _key_quote(quote: DossierQuote, ctx: Context) -> bool:
    """A full quotation, of a readable length, a whole sentence (not a fragment, nor pieces
    stitched with "[...]"), by a named person or organisation the builder is sure of."""
    entity = ctx.entities.get(quote.speaker) if quote.speaker else None
    text = quote.quote.text.strip()
    words = len(text.split())
    return (quote.quote.kind == "full" and entity is not None and not entity.hidden
            and entity.type in (EntityType.PERSON, EntityType.ORG) and _confident(quote)
            and KEY_QUOTE_WORDS[0] <= words <= KEY_QUOTE_WORDS[1] and not _FRAGMENT_START.search(text))


def key_quotes(ctx: Context, speakers: list[str], limit: int) -> list[DossierQuote]:
    """Key quotes from as many speakers and articles as there are: the best quote of each
    speaker in turn (the speakers named in the most articles first, then the most quoted),
    one per article while others remain, and another speaker before a second quote of one."""
    ranked = sorted(speakers, key=lambda s: (-len(ctx.articles_by_entity.get(s, ())),
                                             -len(ctx.quotes_by_speaker.get(s, ())), ctx.entities[s].name))
    pools = {s: sorted((q for q in ctx.quotes_by_speaker.get(s, ()) if _key_quote(q, ctx)),
                       key=lambda q: (-min(len(q.quote.text.split()), 40), ctx.rank(q.article), q.quote.start))
             for s in ranked}
    picks: list[DossierQuote] = []
    for round_ in range(limit):
        for one_per_article in (True, False):
            for speaker in ranked:
                pool = pools[speaker]
                if len(picks) >= limit or round_ >= len(pool):
                    continue
                if sum(1 for q in picks if q.speaker == speaker) > round_:
                    continue
                used = {q.article for q in picks}
                choice = next((q for q in pool if q not in picks and (not one_per_article or q.article not in used)),
                              None)
                if choice is not None:
                    picks.append(choice)
    return picks[:limit]


HOME_EVENTS_PER_ARTICLE = 2  # so that the newest story does not fill the list


def _latest_events(ctx: Context) -> list[TimelineEvent]:
    """The newest events that happened (nothing expected, no deadline), oldest first: at
    most HOME_EVENTS_PER_ARTICLE from one article while other articles have events to
    give, then the newest of the rest to fill the list."""
    happened = [(n, e) for n, e in enumerate(ctx.dossier.timeline) if not e.deadline and not e.ahead]
    picked: list[tuple[int, TimelineEvent]] = []
    per_article: dict[str, int] = {}
    for n, event in reversed(happened):
        if per_article.get(event.article, 0) < HOME_EVENTS_PER_ARTICLE:
            per_article[event.article] = per_article.get(event.article, 0) + 1
            picked.append((n, event))
            if len(picked) == HOME_EVENTS:
                break
    if len(picked) < HOME_EVENTS:
        chosen = {n for n, _ in picked}
        picked += [(n, e) for n, e in reversed(happened) if n not in chosen][: HOME_EVENTS - len(picked)]
    return [e for _, e in sorted(picked, key=lambda pair: pair[0])]


def _overview(ctx: Context, page: str) -> list[str]:
    out = []
    if ctx.dossier.discrepancies:  # first: what a reader must not miss
        n = len(ctx.dossier.discrepancies)
        out.append(md.admonition("warning", "The sources disagree",
                                 f"{n} disagreement{'s' if n > 1 else ''} between reports: see "
                                 + md.link("Discrepancies", paths.DISCREPANCIES, page) + "."))
    actors = key_actors(ctx, HOME_ACTORS)
    if actors:
        out.append(md.section("Key actors", searchable=False) + md.bullet_list(
            entity_link(e, page, tooltip=False) + (f", {md.text(e.roles[0].text)}" if e.roles else "")
            + f" ({len(ctx.articles_by_entity[e.id])} of {md.articles(len(ctx.shown_articles()))})"
            for e in actors
        ))
    picks = key_quotes(ctx, list(ctx.quotes_by_speaker), HOME_QUOTES)
    if picks:
        out.append(md.section("Key quotes", searchable=False) + quote_cards(picks, ctx, page, with_source=True))
    events = _latest_events(ctx)
    if events:
        out.append(md.section("Latest events", searchable=False) + md.bullet_list(
            f"**{md.date_at(e.date, e.precision)}**: {md.text(e.sentence)} "
            f"({md.link(md.text(ctx.articles[e.article].title), paths.article(e.article), page)})"
            for e in reversed(events)
        ) + f"\n{md.link('The whole timeline', paths.TIMELINE, page)}\n")
    graph = cooccurrence_svg(ctx, href_prefix="")
    if graph:
        svg, nodes = graph
        out.append(md.section("Who appears with whom", searchable=False)
                   + f'<figure class="dossier-graph-figure">{svg}<figcaption>{graph_legend()}</figcaption></figure>\n\n'
                   + '<div class="dossier-graph-links" markdown>\n\n'
                   + md.bullet_list(entity_link(e, page, tooltip=False)
                                    + f" ({md.articles(len(ctx.articles_by_entity[e.id]))})" for e in nodes)
                   + "\n</div>\n")
    return out


def render_home(ctx: Context) -> Page:
    dossier = ctx.dossier
    page = paths.HOME
    articles = [ctx.articles[a] for a in ctx.newest(ctx.shown_articles())]
    out = [  # no front-matter title: the browser's tab shows the site's name, the dossier's title, once
        md.generated_notice("dossier/dossier.yml and the dossier's articles"),
        f"# {md.text(dossier.title)}\n",
    ]
    if dossier.description:
        out.append(f"{md.text(dossier.description)}\n")
    copies = len(dossier.copy_of)
    out.append(
        f"{md.link(f'{len(articles)} articles', paths.ARTICLES, page)}"
        + (f" (and {copies} cop{'ies' if copies > 1 else 'y'})" if copies else "") + " · "
        f"{md.link(f'{len(ctx.visible_entities())} entities', paths.ENTITIES, page)} · "
        f"{md.link(f'{len(dossier.quotes)} quotes', paths.QUOTES, page)} · "
        f"{md.link(f'{len(dossier.timeline)} dated events', paths.TIMELINE, page)} · "
        f"{md.link(f'{len({s.name for s in dossier.sources})} sources', paths.SOURCES, page)}\n"
    )
    out += _overview(ctx, page)
    shown = articles[:HOME_ARTICLES]
    more = f"\n{md.link(f'All {len(articles)} articles', paths.ARTICLES, page)}\n" if len(articles) > len(shown) else ""
    out.append(md.section("Articles", searchable=False)
               + md.bullet_list(_article_item(a, page, ctx) for a in shown) + more)
    return Page(path=page, text="\n".join(out))


UNDATED_SHOWN = 100


def _undated(ctx: Context, page: str) -> str:
    """The articles without a date, named so that one can be given (dossier.yml, front matter)."""
    undated = [ctx.articles[a] for a in ctx.newest(ctx.shown_articles()) if ctx.articles[a].meta.date is None]
    if not undated:
        return ""
    n = len(undated)
    lines = [md.link(md.text(a.title), paths.article(a.id), page) + f" ({md.code(a.file)})"
             for a in undated[:UNDATED_SHOWN]]
    body = (f"{n} of {len(ctx.shown_articles())} articles give no date: they are listed last, and their relative "
            "dates (\"on Wednesday\") stay off the timeline. Give each a `date` in dossier/dossier.yml or its "
            "front matter.\n\n" + md.bullet_list(lines) + md.more(n - UNDATED_SHOWN, "undated articles"))
    return md.admonition("note", f"{n} undated article{'s' if n > 1 else ''}", body)


def render_article_index(ctx: Context) -> list[Page]:
    """The articles, newest first, in pages of ARTICLES_PER_PAGE that link to each other."""
    articles = [ctx.articles[a] for a in ctx.newest(ctx.shown_articles())]
    chunks = [articles[i : i + ARTICLES_PER_PAGE] for i in range(0, len(articles), ARTICLES_PER_PAGE)] or [[]]
    pages = []
    for n, chunk in enumerate(chunks, start=1):
        page = paths.article_list(n)
        title = "Articles" if n == 1 else f"Articles, page {n}"
        out = md.page_head(title, search=NOT_SEARCHED)
        if n == 1:
            out.append(_undated(ctx, page))
        out.append(md.bullet_list(_article_item(a, page, ctx) for a in chunk) if chunk else "No articles yet.\n")
        steps = []
        if n > 1:
            steps.append(md.link("← newer articles", paths.article_list(n - 1), page))
        if n < len(chunks):
            steps.append(md.link(f"older articles (page {n + 1} of {len(chunks)}) →", paths.article_list(n + 1), page))
        if steps:
            out.append("\n" + " · ".join(steps) + "\n")
        pages.append(Page(path=page, text="\n".join(out)))
    return pages


def _whole_first(ctx: Context, quotes: list[DossierQuote]) -> list[DossierQuote]:
    """A speaker's quotes for the Quotes page: whole quotations first, then the words quoted
    inside a sentence ("called the plan 'a disgrace'"), each newest first."""
    return sorted(quotes, key=lambda q: (q.quote.kind != "full", ctx.rank(q.article), q.quote.start))


def render_quotes(ctx: Context) -> Page:
    page = paths.QUOTES
    out = md.page_head("Quotes", search={"boost": 2})
    if not ctx.dossier.quotes:
        out.append("No quotations found yet.\n")
    by_speaker = sorted(
        ctx.quotes_by_speaker.items(), key=lambda kv: (-len(kv[1]), ctx.entities[kv[0]].name.lower())
    )
    for speaker_id, quotes in by_speaker[:SPEAKERS_SHOWN]:
        entity = ctx.entities[speaker_id]
        if entity.hidden:
            continue
        all_quotes = md.link(f"all {len(quotes)} on {md.text(entity.name)}'s page", paths.entity(entity.id), page)
        out.append(f"\n## {md.text(entity.name)}\n\n"
                   + quote_cards(_whole_first(ctx, quotes)[:QUOTES_PER_SPEAKER], ctx, page, with_source=True)
                   + (f"\n{all_quotes}\n" if len(quotes) > QUOTES_PER_SPEAKER else ""))
    out.append(md.more(len(by_speaker) - SPEAKERS_SHOWN, "speakers, quoted less often"))
    unpaged = [q for q in ctx.dossier.quotes if q.speaker is None and (q.quote.speaker_name or q.quote.description)]
    if unpaged:
        out.append("\n## Speakers with no page\n\n"
                   + quote_cards(newest_quotes(ctx, unpaged)[:UNATTRIBUTED_SHOWN], ctx, page, with_source=True)
                   + md.more(len(unpaged) - UNATTRIBUTED_SHOWN, "quotes"))
    unattributed = [q for q in ctx.dossier.quotes
                    if q.speaker is None and not q.quote.speaker_name and not q.quote.description]
    if unattributed:
        out.append("\n## Speaker unclear: for review\n\n"
                   "The text does not say clearly who said these, or names no one; each shows the sentence "
                   "that introduces it and what the builder would have guessed.\n\n"
                   + quote_cards(newest_quotes(ctx, unattributed)[:UNATTRIBUTED_SHOWN], ctx, page, with_source=True,
                                 review=True)
                   + md.more(len(unattributed) - UNATTRIBUTED_SHOWN, "quotes"))
    return Page(path=page, text="\n".join(out))
