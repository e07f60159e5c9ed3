"""Entity pages and the "Who's who" index."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import chain, groupby
from typing import TypeVar

from builder.annotate.dates import sentence_of
from builder.model import DossierQuote, Entity, EntityType, Page, TimelineEvent
from builder.render import markdown as md
from builder.render import paths
from builder.render.cards import entity_link, quote_cards
from builder.render.context import Context
from builder.render.home import NOT_SEARCHED, newest_quotes
from builder.render.views import timeline_line

T = TypeVar("T")

# Pages list at most this many items, so no page grows with the whole dossier
# (dossier.json lists everything).
MENTIONED_SHOWN = 12
ARTICLES_PER_PART = 100  # the rest of a long list goes on pages of this many
PARAGRAPH_LINKS = 8  # links to the paragraphs that name the entity, per article
EVENTS_SHOWN = 10
EVENTS_PER_PART = 100
QUOTES_PER_PART = 40
ROLES_SHOWN = 8
APPEARS_WITH_SHOWN = 10
ROLE_SOURCES_SHOWN = 2
QUOTES_SHOWN = 10
WHOS_WHO_SHOWN = 300
SEARCH_BOOST = 4  # searching a name finds its entity page before the articles that mention it
TYPE_TITLES = {
    EntityType.PERSON: "People",
    EntityType.ORG: "Organisations",
    EntityType.PLACE: "Places",
    EntityType.PRODUCT: "Weapons, products and systems",
    EntityType.EVENT: "Events",
    EntityType.OTHER: "Other",
}


def _first_sentence(ctx: Context, article_id: str, entity_id: str) -> str | None:
    """The sentence of the entity's first mention in an article."""
    mention = ctx.first_mention(article_id, entity_id)
    article = ctx.articles[article_id]
    block = ctx.blocks(article).at(mention.start) if mention else None
    if mention is None or block is None:
        return None
    lo, hi = sentence_of(block.text, mention.start - block.start)
    return block.text[lo:hi].strip()


def _article_line(ctx: Context, article_id: str, entity_id: str, page: str, sentence: bool) -> str:
    """One article that names the entity: its link, outlet and date, how often it names the
    entity with links to those paragraphs, and (on the entity's own page) the first sentence."""
    article = ctx.articles[article_id]
    line = md.link(md.text(article.title), paths.article(article_id), page)
    meta = ", ".join(x for x in (md.text(article.meta.outlet or ""), md.human_date(article.meta.date)) if x)
    if meta:
        line += f" ({meta})"
    where = ctx.paragraphs(article_id, entity_id)
    if where:
        times = "once" if len(where) == 1 else f"{len(where)} times"
        anchors = [md.link(f"¶{n}", paths.article(article_id) + f"#p{n}", page)
                   for n in dict.fromkeys(where)][:PARAGRAPH_LINKS]
        line += f" · mentioned {times}: " + ", ".join(anchors)
    copies = ctx.copies.get(article_id)
    if copies:
        line += f" · also published {len(copies)} more time{'s' if len(copies) > 1 else ''}"
    if sentence:
        text = _first_sentence(ctx, article_id, entity_id)
        if text:
            line += f"<br>“{md.text(text)}”"
    return line


def _event_line(event: TimelineEvent, ctx: Context, page: str) -> str:
    return timeline_line(event, ctx, page)


def _parts(n_items: int, shown: int, per_page: int) -> int:
    """How many pages beyond the entity's own a list of n_items needs."""
    rest = n_items - shown
    return 0 if rest <= 0 else -(-rest // per_page)


def _split(entity: Entity, kind: str, what: str, items: list[T], shown: int, per_page: int, ctx: Context,
           lines: Callable[[list[T], str], str]) -> tuple[str, list[Page]]:
    """The first `shown` items for the entity's page, the rest on pages of `per_page`
    (entities/<id>/<kind>-2.md, -3 ...), each linking back; returns the entity page's part
    (the items and links to the other pages) and the other pages."""
    page = paths.entity(entity.id)
    head = lines(items[:shown], page)
    count = _parts(len(items), shown, per_page)
    if not count:
        return head, []
    pages, links = [], []
    for n in range(2, count + 2):
        lo = shown + (n - 2) * per_page
        part = paths.entity_part(entity.id, kind, n)
        chunk = items[lo : lo + per_page]
        title = f"{entity.name}: {what}, page {n} of {count + 1}"
        out = md.page_head(title, search=NOT_SEARCHED)
        out.append(f"{md.link(md.text(entity.name), page, part)} · {what} {lo + 1:,} to {lo + len(chunk):,} "
                   f"of {len(items):,}\n")
        out.append(lines(chunk, part))
        steps = [md.link(f"page {m}", paths.entity_part(entity.id, kind, m) if m > 1 else page, part)
                 for m in (n - 1, n + 1) if 1 <= m <= count + 1]
        out.append("\n" + " · ".join(steps) + "\n")
        pages.append(Page(path=part, text="\n".join(out)))
        links.append(md.link(f"{n}", part, page))
    more = f"\n*All {len(items):,} {what}, on pages:* 1 (this one), " + ", ".join(links) + "\n"
    return head + more, pages


def entity_parts(entity: Entity, ctx: Context) -> list[str]:
    """The paths of the pages an entity's long lists continue on (without rendering them)."""
    sizes = {
        "articles": (len(ctx.articles_by_entity.get(entity.id, ())), MENTIONED_SHOWN, ARTICLES_PER_PART),
        "timeline": (len(ctx.events_by_entity.get(entity.id, ())), EVENTS_SHOWN, EVENTS_PER_PART),
        "quotes": (len(ctx.quotes_by_speaker.get(entity.id, ())), QUOTES_SHOWN, QUOTES_PER_PART),
    }
    return [paths.entity_part(entity.id, kind, n) for kind, size in sizes.items() for n in range(2, _parts(*size) + 2)]


def _quotes_by_article(quotes: list[DossierQuote], ctx: Context, page: str) -> str:
    """Quote cards under the title of the article they come from."""
    out = []
    for article_id, group in groupby(quotes, key=lambda q: q.article):
        out.append(f"\n### {md.link(md.text(ctx.articles[article_id].title), paths.article(article_id), page)}\n\n")
        out.append(quote_cards(list(group), ctx, page))
    return "".join(out)


def render_entity(entity: Entity, ctx: Context) -> list[Page]:
    """The entity's page, and the pages its long lists continue on."""
    page = paths.entity(entity.id)
    out = [
        md.front_matter({"title": entity.name, "tags": [entity.type.value], "search": {"boost": SEARCH_BOOST}}),
        md.generated_notice("the dossier's articles" + (" and dossier/entities.yml" if entity.curated else "")),
        # no "# title": the theme prints the front-matter title as the heading, and the page
        # then makes one search record, not two
        f"**{entity.type.value}**" + (f" · also {md.text(', '.join(entity.aliases))}" if entity.aliases else "") + "\n",
    ]
    extra: list[Page] = []
    if entity.description:
        out.append(f"\n{md.text(entity.description)}\n")
    if entity.links:
        out.append("\n" + md.bullet_list(
            f'<a href="{md.attr(url)}" rel="nofollow noopener">{md.text(url)}</a>'
            if url.startswith(("https://", "http://")) else md.text(url)
            for url in entity.links
        ))
    if entity.roles:
        by_text: dict[str, list[str]] = {}
        for role in entity.roles:  # each role once, with the newest articles that give it
            if role.article in ctx.articles:
                by_text.setdefault(role.text, []).append(role.article)
        lines = []
        for text, article_ids in list(by_text.items())[:ROLES_SHOWN]:
            newest = ctx.newest(article_ids)
            links = ", ".join(md.link(md.text(ctx.articles[a].title), paths.article(a), page)
                              for a in newest[:ROLE_SOURCES_SHOWN])
            more = len(newest) - ROLE_SOURCES_SHOWN
            lines.append(f"{md.text(text)} ({links}" + (f" and {more} more" if more > 0 else "") + ")")
        out.append(md.section("Roles", searchable=False) + md.bullet_list(lines)
                   + md.more(len(by_text) - ROLES_SHOWN, "roles"))
    article_ids = ctx.articles_by_entity.get(entity.id, [])
    if article_ids:
        newest = ctx.newest(article_ids)
        n = len(newest)
        body, parts = _split(entity, "articles", "articles", newest, MENTIONED_SHOWN, ARTICLES_PER_PART, ctx,
                             lambda ids, at: md.bullet_list(
                                 _article_line(ctx, a, entity.id, at, sentence=at == page) for a in ids))
        out.append(md.section(f"Mentioned in {n:,} article{'s' if n > 1 else ''}", searchable=False) + body)
        extra += parts
        co = Counter(chain.from_iterable(ctx.entity_ids(article_id) for article_id in article_ids))
        del co[entity.id]
        if co:
            ranked = sorted(co.items(), key=lambda kv: (-kv[1], ctx.entities[kv[0]].name))[:APPEARS_WITH_SHOWN]
            out.append(md.section("Appears with", searchable=False) + md.bullet_list(
                f"{entity_link(ctx.entities[other], page, role=ctx.role_in(ctx.entities[other]))} "
                f"({n} article{'s' if n > 1 else ''})"
                for other, n in ranked if not ctx.entities[other].hidden
            ))
    events = ctx.events_by_entity.get(entity.id, [])
    if events:
        latest = events[::-1]  # newest first
        body, parts = _split(entity, "timeline", "events", latest, EVENTS_SHOWN, EVENTS_PER_PART, ctx,
                             lambda chunk, at: md.bullet_list(_event_line(e, ctx, at) for e in chunk))
        out.append(md.section("Timeline", searchable=False) + "Events whose sentence names "
                   f"{md.text(entity.name)}, newest first.\n\n" + body)
        extra += parts
    said = ctx.quotes_by_speaker.get(entity.id, [])
    if said:
        ordered = newest_quotes(ctx, said)
        body, parts = _split(entity, "quotes", "quotes", ordered, QUOTES_SHOWN, QUOTES_PER_PART, ctx,
                             lambda chunk, at: quote_cards(chunk, ctx, at, with_source=True) if at == page
                             else _quotes_by_article(chunk, ctx, at))
        out.append(md.section(f"Quotes ({len(said):,})", searchable=False) + body)
        extra += parts
    out.append(md.generated_footer(None))
    return [Page(path=page, text="\n".join(out)), *extra]


def render_whos_who(ctx: Context) -> Page:
    page = paths.ENTITIES
    out = md.page_head("Who's who", search=NOT_SEARCHED)
    entities = ctx.visible_entities()
    if not entities:
        out.append("No entities found yet.\n")
    for kind, title in TYPE_TITLES.items():
        group = sorted((e for e in entities if e.type is kind), key=lambda e: e.name.lower())
        if not group:
            continue
        if len(group) > WHOS_WHO_SHOWN:
            kept = set(sorted(group, key=lambda e: (-len(ctx.articles_by_entity.get(e.id, [])), e.id))[:WHOS_WHO_SHOWN])
            hidden, group = len(group) - WHOS_WHO_SHOWN, [e for e in group if e in kept]
        else:
            hidden = 0
        out.append(f"\n## {title}\n")
        out.append(md.more(hidden, "named in fewer articles (search finds them)", before=True) + md.bullet_list(
            entity_link(e, page, tooltip=False) + (f": {md.text(e.roles[0].text)}" if e.roles else "")
            + f" ({len(ctx.articles_by_entity.get(e.id, []))} articles)"
            for e in group
        ))
    return Page(path=page, text="\n".join(out))
