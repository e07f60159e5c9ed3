"""Entity pages and the "Who's who" index."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import chain, groupby
from typing import Any, NamedTuple

from builder.annotate.sentences import sentence_of
from builder import review
from builder.model import DossierQuote, Entity, EntityType, Page
from builder.render import markdown as md
from builder.render import paths
from builder.render.cards import entity_link, quote_cards
from builder.render.context import Context
from builder.render.home import NOT_SEARCHED
from builder.render.views import timeline_line

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


class Part(NamedTuple):
    """A page one of an entity's long lists continues on."""

    path: str
    kind: str  # "articles", "timeline", "quotes"
    n: int  # its number (the entity's own page is 1)
    of: int  # how many pages the list has, the entity's own included
    lo: int  # the index of its first item in the whole list
    total: int  # items in the whole list
    items: tuple[Any, ...]


_WHAT = {"articles": "articles", "timeline": "events", "quotes": "quotes"}


def _lists(entity: Entity, ctx: Context) -> dict[str, tuple[list[Any], int, int]]:
    """Each long list of the entity, in page order, with how many its own page shows and
    how many go on each further page."""
    return {
        "articles": (ctx.newest(ctx.articles_by_entity.get(entity.id, [])), MENTIONED_SHOWN, ARTICLES_PER_PART),
        "timeline": (ctx.events_by_entity.get(entity.id, [])[::-1], EVENTS_SHOWN, EVENTS_PER_PART),
        "quotes": (_whole_first_by_article(ctx, ctx.quotes_by_speaker.get(entity.id, [])), QUOTES_SHOWN,
                   QUOTES_PER_PART),
    }


def _whole_first_by_article(ctx: Context, quotes: list[DossierQuote]) -> list[DossierQuote]:
    """A speaker's quotes by article, newest article first (so that they group under their
    articles), and within an article its whole quotations before the words quoted inside a
    sentence ("called it 'distressing'"), each in reading order."""
    return sorted(quotes, key=lambda q: (ctx.rank(q.article), q.quote.kind != "full", q.quote.start))


def entity_parts(entity: Entity, ctx: Context, lists: dict[str, tuple[list[Any], int, int]] | None = None
                 ) -> list[Part]:
    """The pages an entity's long lists continue on (entities/<id>/<kind>-2.md, -3 ...),
    without rendering them."""
    out = []
    for kind, (items, shown, per_page) in (lists or _lists(entity, ctx)).items():
        count = _part_count(len(items), shown, per_page)
        for n in range(2, count + 2):
            lo = shown + (n - 2) * per_page
            hi = lo + per_page if n <= count else len(items)  # the last page takes a short rest
            out.append(Part(paths.entity_part(entity.id, kind, n), kind, n, count + 1, lo, len(items),
                            tuple(items[lo:hi])))
    return out


def _part_count(total: int, shown: int, per_page: int) -> int:
    """How many pages of their own the items after the entity page's first `shown` need:
    none for a rest of up to half a page's `shown` (the entity page shows them), and a rest
    of up to a quarter of `per_page` after the last full page goes on that page, so that no
    page holds only an item or two."""
    rest = total - shown
    fold = shown // 2
    if rest <= fold:
        return 0
    count = -(-rest // per_page)
    if count > 1 and rest - (count - 1) * per_page <= max(fold, per_page // 4):
        count -= 1
    return count


def _part_page(entity: Entity, part: Part, lines: Callable[[list[Any], str], str]) -> Page:
    page, what = paths.entity(entity.id), _WHAT[part.kind]
    out = md.page_head(f"{entity.name}: {what}, page {part.n} of {part.of}", search=NOT_SEARCHED)
    out.append(f"{md.link(md.text(entity.name), page, part.path)} · {what} {part.lo + 1:,} to "
               f"{part.lo + len(part.items):,} of {part.total:,}\n")
    out.append(lines(list(part.items), part.path))
    steps = [md.link(f"page {m}", paths.entity_part(entity.id, part.kind, m) if m > 1 else page, part.path)
             for m in (part.n - 1, part.n + 1) if 1 <= m <= part.of]
    out.append("\n" + " · ".join(steps) + "\n")
    return Page(path=part.path, text="\n".join(out))


def _head(items: list[Any], parts: list[Part], page: str, lines: Callable[[list[Any], str], str]) -> str:
    """The entity page's part of a list: its first items (all of them when no page of their
    own follows), and links to the pages of the rest."""
    head = lines(items[: parts[0].lo] if parts else items, page)
    if not parts:
        return head
    links = ", ".join(md.link(f"{p.n}", p.path, page) for p in parts)
    return head + f"\n*All {len(items):,} {_WHAT[parts[0].kind]}, on pages:* 1 (this one), {links}\n"


def _quotes_by_article(quotes: list[DossierQuote], ctx: Context, page: str) -> str:
    """Quote cards under the title of the article they come from."""
    out = []
    for article_id, group in groupby(quotes, key=lambda q: q.article):
        out.append(f"\n### {md.link(md.text(ctx.articles[article_id].title), paths.article(article_id), page)}\n\n")
        out.append(quote_cards(list(group), ctx, page))
    return "".join(out)


def _renderers(entity: Entity, ctx: Context, page: str) -> dict[str, Callable[[list[Any], str], str]]:
    """How each long list's items are written, on the entity's page (`page`) or a page of
    its own: articles (with the first sentence naming the entity only on the entity's page),
    events, and quotes (grouped under their articles on a page of their own)."""
    return {
        "articles": lambda ids, at: md.bullet_list(_article_line(ctx, a, entity.id, at, sentence=at == page)
                                                   for a in ids),
        "timeline": lambda chunk, at: md.bullet_list(timeline_line(e, ctx, at) for e in chunk),
        "quotes": lambda chunk, at: quote_cards(chunk, ctx, at, with_source=True) if at == page
        else _quotes_by_article(chunk, ctx, at),
    }


def render_entity(entity: Entity, ctx: Context, main: bool = True, only: set[str] | None = None) -> list[Page]:
    """The entity's page (unless not `main`), and the pages its long lists continue on
    (those in `only`, when given: the others are kept as they were)."""
    page = paths.entity(entity.id)
    lists = _lists(entity, ctx)
    parts = entity_parts(entity, ctx, lists)
    renderers = _renderers(entity, ctx, page)
    extra = [_part_page(entity, part, renderers[part.kind]) for part in parts if only is None or part.path in only]
    if not main:
        return extra

    def body(kind: str) -> str:
        return _head(lists[kind][0], [p for p in parts if p.kind == kind], page, renderers[kind])

    out = _intro(entity)
    out += [text for text in (_roles_section(entity, ctx, page), _mentioned_section(entity, ctx, body),
                              _appears_with_section(entity, ctx, page), _timeline_section(entity, ctx, body),
                              _quotes_section(entity, ctx, body)) if text]
    out.append(md.generated_footer(None))
    return [Page(path=page, text="\n".join(out)), *extra]


def _intro(entity: Entity) -> list[str]:
    """The page's front matter, notice, type and aliases, description and web links."""
    out = [
        md.front_matter({"title": entity.name, "tags": [entity.type.value], "search": {"boost": SEARCH_BOOST}}),
        md.generated_notice("the dossier's articles" + (" and dossier/entities.yml" if entity.curated else "")),
        # no "# title": the theme prints the front-matter title as the heading, and the page
        # then makes one search record, not two
        f"**{entity.type.value}**" + (f" · also {md.text(', '.join(entity.aliases))}" if entity.aliases else "") + "\n",
    ]
    if entity.description:
        out.append(f"\n{md.text(entity.description)}\n")
    if entity.links:
        out.append("\n" + md.bullet_list(md.web_link(url) for url in entity.links))
    return out


def _roles_section(entity: Entity, ctx: Context, page: str) -> str:
    """Each role once, with the newest articles that give it."""
    if not entity.roles:
        return ""
    by_text: dict[str, list[str]] = {}
    for role in entity.roles:
        if role.article in ctx.articles:
            by_text.setdefault(role.text, []).append(role.article)
    lines = []
    for text, article_ids in list(by_text.items())[:ROLES_SHOWN]:
        newest = ctx.newest(article_ids)
        links = ", ".join(md.link(md.text(ctx.articles[a].title), paths.article(a), page)
                          for a in newest[:ROLE_SOURCES_SHOWN])
        more = len(newest) - ROLE_SOURCES_SHOWN
        lines.append(f"{md.text(text)} ({links}" + (f" and {more} more" if more > 0 else "") + ")")
    return (md.section("Roles", searchable=False) + md.bullet_list(lines)
            + md.more(len(by_text) - ROLES_SHOWN, "roles"))


def _mentioned_section(entity: Entity, ctx: Context, body: Callable[[str], str]) -> str:
    """Every article that names the entity (its first ones here, the rest on pages of their own)."""
    n = len(ctx.articles_by_entity.get(entity.id, []))
    if not n:
        return ""
    return md.section(f"Mentioned in {n:,} article{'s' if n > 1 else ''}", searchable=False) + body("articles")


def _appears_with_section(entity: Entity, ctx: Context, page: str) -> str:
    """The entities named in most of the same articles."""
    article_ids = ctx.articles_by_entity.get(entity.id, [])
    co = Counter(chain.from_iterable(ctx.entity_ids(article_id) for article_id in article_ids))
    del co[entity.id]
    if not co:
        return ""
    shown = [kv for kv in co.items() if not ctx.entities[kv[0]].hidden]  # a hidden one leaves no gap
    ranked = sorted(shown, key=lambda kv: (-kv[1], ctx.entities[kv[0]].name))[:APPEARS_WITH_SHOWN]
    if not ranked:
        return ""
    return md.section("Appears with", searchable=False) + md.bullet_list(
        f"{entity_link(ctx.entities[other], page, role=ctx.role_in(ctx.entities[other]))} "
        f"({n} article{'s' if n > 1 else ''})"
        for other, n in ranked
    )


def _timeline_section(entity: Entity, ctx: Context, body: Callable[[str], str]) -> str:
    if not ctx.events_by_entity.get(entity.id):
        return ""
    return (md.section("Timeline", searchable=False) + "Events whose sentence names "
            f"{md.text(entity.name)}, newest first.\n\n" + body("timeline"))


def _quotes_section(entity: Entity, ctx: Context, body: Callable[[str], str]) -> str:
    said = ctx.quotes_by_speaker.get(entity.id, [])
    if not said:
        return ""
    return md.section(f"Quotes ({len(said):,})", searchable=False) + body("quotes")


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
            + f" ({md.articles(len(ctx.articles_by_entity.get(e.id, [])))})"
            for e in group
        ))
    unsure = _unconfirmed_section(ctx)
    if unsure:
        out.append(unsure)
    return Page(path=page, text="\n".join(out))


def _unconfirmed_section(ctx: Context) -> str:
    """The names not yet confirmed: plain text, no links (they have no page)."""
    todo = review.unconfirmed(ctx.dossier)
    if not todo:
        return ""
    items = [f"{md.text(e.name)} ({e.type.value}, {n} article{'s' if n != 1 else ''})" for e, n in todo[:review.SHOWN]]
    return (f"\n## Names not yet confirmed\n\n"
            "Found, but with too little evidence that they are names, so they have no page. "
            "`dossier entities --review` prints them as entries for `entities.yml`, "
            "to confirm, retype, merge or hide.\n\n"
            + md.more(len(todo) - review.SHOWN, "names not yet confirmed", before=True) + md.bullet_list(items))
