"""The dossier's front pages: home, the article list and the quotes page."""
from __future__ import annotations


from builder.model import Article, DossierQuote, Page
from builder.render import markdown as md
from builder.render import paths
from builder.render.cards import entity_link, quote_cards
from builder.render.graph import cooccurrence_svg, key_actors
from builder.render.context import Context


def newest_quotes(ctx: Context, quotes: list[DossierQuote]) -> list[DossierQuote]:
    """Quotes from the newest articles first, in reading order within an article."""
    return sorted(quotes, key=lambda q: (ctx.rank(q.article), q.quote.start))


def _summary(article: Article) -> str:
    if article.summary is not None:
        return article.summary.text
    if article.key_points:
        return article.key_points[0].text
    for block in article.blocks:
        if block.kind.value == "paragraph":
            return block.text if len(block.text) <= 240 else block.text[:239].rsplit(" ", 1)[0] + "…"
    return ""


def _article_item(article: Article, page: str) -> str:
    bits = [f"**{md.link(md.text(article.title), paths.article(article.id), page)}**"]
    meta = " · ".join(x for x in (md.text(article.meta.outlet or ""), md.human_date(article.meta.date)) if x)
    if meta:
        bits.append(f"<br>{meta}")
    summary = _summary(article)
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


def _overview(ctx: Context, page: str) -> list[str]:
    out = []
    actors = key_actors(ctx, HOME_ACTORS)
    if actors:
        out.append(md.section("Key actors", searchable=False) + md.bullet_list(
            entity_link(e, page, tooltip=False) + (f", {md.text(e.roles[0].text)}" if e.roles else "")
            + f" ({len(ctx.articles_by_entity[e.id])} of {len(ctx.dossier.articles)} articles)"
            for e in actors
        ))
    speakers = [e.id for e in actors if ctx.quotes_by_speaker.get(e.id)]
    speakers += [s for s in ctx.quotes_by_speaker if s not in speakers]
    picks = [q for s in speakers for q in ctx.quotes_by_speaker[s] if q.quote.kind == "full"][:HOME_QUOTES]
    if picks:
        out.append(md.section("Key quotes", searchable=False) + quote_cards(picks, ctx, page, with_source=True))
    events = ctx.dossier.timeline[-HOME_EVENTS:]
    if events:
        out.append(md.section("Latest events", searchable=False) + md.bullet_list(
            f"**{md.date_at(e.date, e.precision)}**: {md.text(e.sentence)} "
            f"({md.link(md.text(ctx.articles[e.article].title), paths.article(e.article), page)})"
            for e in reversed(events)
        ) + f"\n{md.link('The whole timeline', paths.TIMELINE, page)}\n")
    if ctx.dossier.discrepancies:
        n = len(ctx.dossier.discrepancies)
        out.append(md.admonition("warning", "The sources disagree",
                                 f"{n} disagreement{'s' if n > 1 else ''} between sources: see "
                                 + md.link("Discrepancies", paths.DISCREPANCIES, page) + "."))
    svg = cooccurrence_svg(ctx, href_prefix="")
    if svg:
        out.append(md.section("Who appears with whom", searchable=False)
                   + f'<figure class="dossier-graph-figure">{svg}</figure>\n')
    return out


def render_home(ctx: Context) -> Page:
    dossier = ctx.dossier
    page = paths.HOME
    articles = [ctx.articles[a] for a in ctx.newest(ctx.articles)]
    out = [  # no front-matter title: the browser's tab shows the site's name, the dossier's title, once
        md.generated_notice("dossier/dossier.yml and the dossier's articles"),
        f"# {md.text(dossier.title)}\n",
    ]
    if dossier.description:
        out.append(f"{md.text(dossier.description)}\n")
    out.append(
        f"{md.link(f'{len(dossier.articles)} articles', paths.ARTICLES, page)} · "
        f"{md.link(f'{len(ctx.visible_entities())} entities', paths.ENTITIES, page)} · "
        f"{md.link(f'{len(dossier.quotes)} quotes', paths.QUOTES, page)} · "
        f"{md.link(f'{len(dossier.timeline)} dated events', paths.TIMELINE, page)} · "
        f"{md.link(f'{len({s.name for s in dossier.sources})} sources', paths.SOURCES, page)}\n"
    )
    out += _overview(ctx, page)
    shown = articles[:HOME_ARTICLES]
    more = f"\n{md.link(f'All {len(articles)} articles', paths.ARTICLES, page)}\n" if len(articles) > len(shown) else ""
    out.append(md.section("Articles", searchable=False) + md.bullet_list(_article_item(a, page) for a in shown) + more)
    return Page(path=page, text="\n".join(out))


def render_article_index(ctx: Context) -> list[Page]:
    """The articles, newest first, in pages of ARTICLES_PER_PAGE that link to each other."""
    articles = [ctx.articles[a] for a in ctx.newest(ctx.articles)]
    chunks = [articles[i : i + ARTICLES_PER_PAGE] for i in range(0, len(articles), ARTICLES_PER_PAGE)] or [[]]
    pages = []
    for n, chunk in enumerate(chunks, start=1):
        page = paths.article_list(n)
        title = "Articles" if n == 1 else f"Articles, page {n}"
        out = md.page_head(title, search=NOT_SEARCHED)
        out.append(md.bullet_list(_article_item(a, page) for a in chunk) if chunk else "No articles yet.\n")
        steps = []
        if n > 1:
            steps.append(md.link("← newer articles", paths.article_list(n - 1), page))
        if n < len(chunks):
            steps.append(md.link(f"older articles (page {n + 1} of {len(chunks)}) →", paths.article_list(n + 1), page))
        if steps:
            out.append("\n" + " · ".join(steps) + "\n")
        pages.append(Page(path=page, text="\n".join(out)))
    return pages


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
                   + quote_cards(newest_quotes(ctx, quotes)[:QUOTES_PER_SPEAKER], ctx, page, with_source=True)
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
