"""Quote cards and entity labels, shared by article, entity and quote pages."""
from __future__ import annotations

from builder.model import DossierQuote, Entity
from builder.render import markdown as md
from builder.render import paths
from builder.render.context import Context


def entity_link(entity: Entity, page: str, label: str | None = None, role: str | None = None,
                tooltip: bool = True) -> str:
    """A link to the entity's page; its tooltip gives type and `role` (Context.role_in),
    unless the line that holds the link prints them already (tooltip=False)."""
    if not tooltip:
        return md.link(md.text(label or entity.name), paths.entity(entity.id), page)
    title = f"{entity.name} ({entity.type.value})" + (f": {role}" if role else "")
    return md.link(md.text(label or entity.name), paths.entity(entity.id), page, title)


def speaker_line(quote: DossierQuote, ctx: Context, page: str) -> str:
    entity = ctx.entities.get(quote.speaker) if quote.speaker else None
    if entity is not None and not entity.hidden:
        who = f"**{entity_link(entity, page, tooltip=False)}**"
        role = ctx.role_in(entity, quote.article)
        if role:
            who += f", {md.text(role)}"
    elif quote.quote.speaker_name:
        who = f"**{md.text(quote.quote.speaker_name)}**"
    else:
        who = "*speaker not identified*"
    cue = f" · {md.text(quote.quote.cue)}" if quote.quote.cue else ""
    return f"— {who}{cue}"


def quote_card(quote: DossierQuote, ctx: Context, page: str, with_source: bool = False) -> str:
    """One grid card: the quote, then who said it (linked) and how."""
    lines = [f"-   > “{md.text(quote.quote.text)}”", "", f"    {speaker_line(quote, ctx, page)}"]
    if with_source:
        article = ctx.articles[quote.article]
        lines += ["", f"    {md.link(md.text(article.title), paths.article(article.id), page)}",
                  "    { data-search-exclude }"]
    return "\n".join(lines) + "\n"


def quote_cards(quotes: list[DossierQuote], ctx: Context, page: str, with_source: bool = False) -> str:
    if not quotes:
        return ""
    cards = "\n".join(quote_card(q, ctx, page, with_source) for q in quotes)
    return f'<div class="grid cards dossier-quotes" markdown>\n\n{cards}\n</div>\n'
