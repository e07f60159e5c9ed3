"""The dossier's front pages: home, the article list and the quotes page."""
from __future__ import annotations

import datetime as dt

from builder.model import Article, Page
from builder.render import markdown as md
from builder.render import paths
from builder.render.cards import quote_cards
from builder.render.context import Context


def article_order(article: Article) -> tuple[int, str, str]:
    """Newest first; undated articles last, then by title."""
    date = article.meta.date or dt.date.min
    return (-date.toordinal(), article.title.lower(), article.id)


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


def render_home(ctx: Context) -> Page:
    dossier = ctx.dossier
    page = paths.HOME
    articles = sorted(dossier.articles, key=article_order)
    out = [
        md.front_matter({"title": dossier.title}),
        md.generated_notice("dossier/dossier.yml and the dossier's articles"),
        f"# {md.text(dossier.title)}\n",
    ]
    if dossier.description:
        out.append(f"{md.text(dossier.description)}\n")
    out.append(
        f"{len(dossier.articles)} articles · "
        f"{md.link(f'{len(ctx.visible_entities())} entities', paths.ENTITIES, page)} · "
        f"{md.link(f'{len(dossier.quotes)} quotes', paths.QUOTES, page)}\n"
    )
    out.append("\n## Articles\n\n" + md.bullet_list(_article_item(a, page) for a in articles))
    return Page(path=page, text="\n".join(out))


def render_article_index(ctx: Context) -> Page:
    page = paths.ARTICLES
    articles = sorted(ctx.dossier.articles, key=article_order)
    out = [md.front_matter({"title": "Articles"}), md.generated_notice(None), "# Articles\n"]
    out.append(md.bullet_list(_article_item(a, page) for a in articles) if articles else "No articles yet.\n")
    return Page(path=page, text="\n".join(out))


def render_quotes(ctx: Context) -> Page:
    page = paths.QUOTES
    out = [md.front_matter({"title": "Quotes"}), md.generated_notice(None), "# Quotes\n"]
    if not ctx.dossier.quotes:
        out.append("No quotations found yet.\n")
    by_speaker = sorted(
        ctx.quotes_by_speaker.items(), key=lambda kv: (-len(kv[1]), ctx.entities[kv[0]].name.lower())
    )
    for speaker_id, quotes in by_speaker:
        entity = ctx.entities[speaker_id]
        if entity.hidden:
            continue
        out.append(f"\n## {md.text(entity.name)}\n\n" + quote_cards(quotes, ctx, page, with_source=True))
    unattributed = [q for q in ctx.dossier.quotes if q.speaker is None]
    if unattributed:
        out.append("\n## Speaker not identified\n\n" + quote_cards(unattributed, ctx, page, with_source=True))
    return Page(path=page, text="\n".join(out))
