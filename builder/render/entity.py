"""Entity pages and the "Who's who" index."""
from __future__ import annotations

from collections import Counter
from itertools import chain

from builder.annotate.dates import sentence_of
from builder import review
from builder.model import Entity, EntityType, Page
from builder.render import markdown as md
from builder.render import paths
from builder.render.cards import entity_link, quote_cards
from builder.render.context import Context
from builder.render.home import NOT_SEARCHED, newest_quotes

# Pages list at most this many items, so no page grows with the whole dossier
# (dossier.json lists everything).
MENTIONED_SHOWN = 12
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


def render_entity(entity: Entity, ctx: Context) -> Page:
    page = paths.entity(entity.id)
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
        lines = []
        newest = ctx.newest(article_ids)
        for article_id in newest[:MENTIONED_SHOWN]:
            article = ctx.articles[article_id]
            sentence = _first_sentence(ctx, article_id, entity.id)
            lines.append(md.link(md.text(article.title), paths.article(article_id), page)
                         + (f": “{md.text(sentence)}”" if sentence else ""))
        out.append(md.section("Mentioned in", searchable=False) + md.bullet_list(lines)
                   + md.more(len(article_ids) - MENTIONED_SHOWN, "older articles"))
        co = Counter(chain.from_iterable(ctx.entity_ids(article_id) for article_id in article_ids))
        del co[entity.id]
        if co:
            ranked = sorted(co.items(), key=lambda kv: (-kv[1], ctx.entities[kv[0]].name))[:APPEARS_WITH_SHOWN]
            out.append(md.section("Appears with", searchable=False) + md.bullet_list(
                f"{entity_link(ctx.entities[other], page, role=ctx.role_in(ctx.entities[other]))} "
                f"({n} article{'s' if n > 1 else ''})"
                for other, n in ranked if not ctx.entities[other].hidden
            ))
    said = ctx.quotes_by_speaker.get(entity.id, [])
    if said:
        out.append(md.section("Quotes", searchable=False)
                   + quote_cards(newest_quotes(ctx, said)[:QUOTES_SHOWN], ctx, page, with_source=True)
                   + md.more(len(said) - QUOTES_SHOWN, "older quotes"))
    out.append(md.generated_footer(None))
    return Page(path=page, text="\n".join(out))


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
    out.append(_unconfirmed_section(ctx))
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
