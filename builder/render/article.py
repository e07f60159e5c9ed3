"""The page of one article: story with entity links and highlighted partial quotes,
then its quote cards, glossary and credits (visible, so they print)."""
from __future__ import annotations

from builder.annotate.reports import report_dates
from builder.model import Article, Block, BlockKind, Entity, Mention, Page
from builder.render import markdown as md
from builder.render import paths
from builder.render.cards import entity_link, quote_cards
from builder.render.context import Context


def _linked(article: Article, block: Block, ctx: Context, page: str) -> str:
    """A block's text with the first mention of each entity linked and partial quotes marked."""
    end = block.start + len(block.text)
    in_block, quotes = ctx.in_block(article, block)
    mentions: list[tuple[Mention, Entity]] = []
    seen: set[str] = set()
    covered = -1  # the end of the last mention linked (a region's mention inside a place's is not linked)
    for mention in in_block:
        entity = ctx.entity_for(article.id, mention.key)
        if entity is not None and entity.id not in seen and mention.start >= covered and not mention.role:
            seen.add(entity.id)
            mentions.append((mention, entity))
            covered = mention.end
    partials = [q.quote for q in quotes if q.quote.kind == "partial"]

    def span(lo: int, hi: int) -> str:
        out, pos = [], lo
        for mention, entity in mentions:
            if mention.start >= pos and mention.end <= hi:
                out.append(md.inline(article.source_text[pos : mention.start]))
                out.append(entity_link(entity, page, article.source_text[mention.start : mention.end],
                                       ctx.role_in(entity, article.id)))
                pos = mention.end
        out.append(md.inline(article.source_text[pos:hi]))
        return "".join(out)

    pieces, pos = [], block.start
    for quote in sorted(partials, key=lambda q: q.start):
        if quote.start < pos:
            continue
        pieces.append(span(pos, quote.start))
        pieces.append(f'<mark class="dossier-partial">{span(quote.start, quote.end)}</mark>')
        pos = quote.end
    pieces.append(span(pos, end))
    return "".join(pieces).strip()


def _copies(article: Article, ctx: Context, page: str) -> str:
    """Where the same story appears elsewhere in the dossier: counted once, shown once."""
    shown = ctx.dossier.copy_of.get(article.id)
    if shown is not None:
        original = ctx.articles[shown]
        return "\n" + md.admonition("info", "A copy", "The same story as " + _titled(original, page)
                                     + ". The dossier counts it once, with that article: its quotes, "
                                     "dates and names are listed there.")
    copies = ctx.copies.get(article.id)
    if not copies:
        return ""
    lines = [_titled(ctx.articles[c], page) for c in copies[:COPIES_SHOWN]]
    return "\n" + md.admonition("info", "Also published", "The same story, counted once:\n\n"
                                 + md.bullet_list(lines) + md.more(len(copies) - COPIES_SHOWN, "copies"))


COPIES_SHOWN = 20


def _titled(article: Article, page: str) -> str:
    """An article's link with its outlet and date: 'Title (Outlet, 3 March 2024)'."""
    meta = ", ".join(x for x in (md.text(article.meta.outlet or ""), md.human_date(article.meta.date)) if x)
    return md.link(md.text(article.title), paths.article(article.id), page) + (f" ({meta})" if meta else "")


def _credited(article: Article, ctx: Context) -> list[str]:
    """The agencies or outlets the text itself credits ("Jane Doe/AP", "LONDON (Acme Wire) —")."""
    names = [s.name for s in ctx.sources_by_article.get(article.id, [])
             if s.how == "credit" or s.rule == "wire-dateline"]
    return list(dict.fromkeys(names))[:3]


def _meta_line(article: Article, ctx: Context) -> str:
    bits = []
    if article.meta.outlet:
        bits.append(f"**{md.text(article.meta.outlet)}**")
    if article.meta.author:
        bits.append(f"by {md.text(article.meta.author)}")
    if article.meta.date:
        bits.append(md.human_date(article.meta.date))
    if article.meta.url:
        bits.append(md.web_link(article.meta.url))
    if not article.meta.outlet and not article.meta.url:  # print's contents and footer take this line: the
        credited = _credited(article, ctx)  # agency the text credits, and the file, name it when nothing else does
        bits.append("outlet not given" + (f" · credited: {md.text(', '.join(credited))}" if credited else "")
                    + f" · file {md.code(article.file)}")
    return " · ".join(bits) + "\n{ .dossier-meta data-search-exclude }\n"


def _glossary(article: Article, ctx: Context, page: str) -> str:
    annotation = ctx.annotations.get(article.id)
    if annotation is None:
        return ""
    rows: dict[str, Entity] = {}
    for mention in sorted(annotation.mentions, key=lambda m: m.start):
        entity = ctx.entity_for(article.id, mention.key)
        if entity is not None:
            rows.setdefault(entity.id, entity)
    if not rows:
        return ""
    lines = [md.section("Glossary", searchable=False), '<div class="dossier-glossary" markdown>', "",
             "| Name | Type | Role in this article |", "| --- | --- | --- |"]
    for entity in rows.values():
        role = ctx.role_in(entity, article.id, only_there=True)
        lines.append(f"| {entity_link(entity, page, tooltip=False)} | {entity.type.value} | {md.text(role or '')} |")
    return "\n".join(lines) + "\n\n</div>\n"


def _related(article: Article, ctx: Context, page: str) -> str:
    related = ctx.dossier.related.get(article.id, ())
    if not related:
        return ""
    lines = []
    for item in related:
        other = ctx.articles[item.article]
        names = [ctx.entities[e] for e in item.shared[:4] if e in ctx.entities]
        shares = ", ".join(entity_link(e, page, role=ctx.role_in(e)) for e in names)
        lines.append(md.link(md.text(other.title), paths.article(other.id), page) + (f": shares {shares}" if shares else ""))
    return md.section("Related articles", searchable=False) + md.bullet_list(lines)


def _sources(article: Article, ctx: Context, page: str) -> str:
    """Where the article comes from: its outlet, what it cites, who is credited."""
    lines = []
    for source in ctx.sources_by_article.get(article.id, []):
        name = md.text(source.name)
        if source.entity and source.entity in ctx.entities and not ctx.entities[source.entity].hidden:
            entity = ctx.entities[source.entity]
            name = entity_link(entity, page, role=ctx.role_in(entity, article.id))
        how = {"outlet": "published by", "cited": "cited", "credit": "credited"}.get(source.how, source.how)
        lines.append(f"{name} ({how})")
    credits = [f"{md.text(c)} (credit)" for c in article.credits]
    if not lines and not credits:
        return ""
    return md.section("Sources and credits", searchable=False) + md.bullet_list(lines + credits)


def render_article(article: Article, ctx: Context) -> Page:
    page = paths.article(article.id)
    source = paths.source_file(article.file)
    out = [
        md.front_matter({"title": article.title,
                         "description": article.summary.text if article.summary else article.meta.description}),
        md.generated_notice(source),
        # no "# title": the theme prints the front-matter title as the heading (one search record)
        _meta_line(article, ctx),
    ]
    if article.key_points:
        points = md.bullet_list(_linked(article, b, ctx, page) for b in article.key_points)
        out.append(md.admonition("abstract", "Key points", points))
    if article.summary is not None:
        out.append(md.admonition("abstract", "Summary", _linked(article, article.summary, ctx, page)))
    out.append(_copies(article, ctx, page))
    previous = None
    later = ctx.dossier.reports.get(article.id, ())
    dates = report_dates(article, later) if later else ()
    for n, block in enumerate(article.blocks, start=1):
        if block.start in later:
            date = dates[later.index(block.start)]
            dated = f"dated {md.human_date(date)}" if date is not None else "it has no date of its own"
            out.append("\n" + md.admonition("note", f"Report {later.index(block.start) + 2} in this file",
                                             "The file holds another report from here on, read apart from the "
                                             f"one above; {dated}."))
            previous = None
        rendered = _linked(article, block, ctx, page)
        if block.kind is BlockKind.HEADING:
            out.append(f"## {rendered} {{ #p{n} }}\n")
        elif block.kind is BlockKind.BULLET:
            out.append(("" if previous is BlockKind.BULLET else "\n") + f"- {rendered}\n")
        else:
            out.append(f"\n{rendered}\n{{ .dossier-p #p{n} }}\n")  # a class first: a line readers of the page skip
        previous = block.kind
    full = [q for q in ctx.quotes_by_article.get(article.id, []) if q.quote.kind == "full"]
    if full:
        out.append(md.section("Quotes", searchable=False) + quote_cards(full, ctx, page))
    glossary = _glossary(article, ctx, page)
    if glossary:
        out.append("\n" + glossary)
    end = _related(article, ctx, page) + _sources(article, ctx, page)
    if end:  # short closing lists: printed whole, with what comes before them (print.css)
        out.append(f'\n<div class="dossier-end" markdown>\n{end}\n</div>\n')
    out.append(md.generated_footer(source))
    return Page(path=page, text=_tidy("\n".join(out)), source=source)


def _tidy(text: str) -> str:
    """No runs of blank lines, one newline at the end: stable, diff-friendly pages."""
    lines: list[str] = []
    for line in text.split("\n"):
        if line.strip() == "" and lines and lines[-1] == "":
            continue
        lines.append(line.rstrip())
    return "\n".join(lines).strip("\n") + "\n"
