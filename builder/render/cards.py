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
    """Who said it: a confident speaker (linked), an unnamed one as the text names them
    ('a spokesman for Acme', the organisation linked), else "speaker unclear" with the
    sentence that introduces the quote."""
    entity = ctx.entities.get(quote.speaker) if quote.speaker else None
    said = quote.quote
    if entity is not None and not entity.hidden:
        who = f"**{entity_link(entity, page, tooltip=False)}**"
        role = ctx.role_in(entity, quote.article)
        if role:
            who += f", {md.text(role)}"
    elif said.speaker_name:
        who = f"**{md.text(said.speaker_name)}**"
    elif said.description:
        who = f"*{_unnamed(quote, ctx, page)}*"
    else:
        intro = f" ({md.text(said.intro)})" if said.intro else ""
        return f"— *speaker unclear*{intro}"
    cue = f" · {md.text(said.cue)}" if said.cue and any(c.isalpha() for c in said.cue) else ""  # not "· –"
    return f"— {who}{cue}"


def _unnamed(quote: DossierQuote, ctx: Context, page: str) -> str:
    """'a spokesman for Acme', with the organisation linked when it has a page."""
    description = quote.quote.description or ""
    org = ctx.entities.get(quote.affiliation) if quote.affiliation else None
    name = quote.quote.affiliation_name or ""
    at = description.find(name) if name and org is not None and not org.hidden else -1
    if org is None or at < 0:
        return md.text(description)
    head, tail = description[:at], description[at + len(name) :]
    return " ".join(p for p in (md.text(head), entity_link(org, page, label=name), md.text(tail)) if p)


def review_line(quote: DossierQuote) -> str:
    """For review: the candidate an unsure resolver offered, and how sure it was."""
    said = quote.quote
    maybe = f"perhaps {md.text(said.candidate)}; " if said.candidate else ""
    how = f"{said.resolver}, {said.confidence:.2f}" if said.resolver else "no cue"
    return f"*{maybe}{md.text(how)}*"


def quote_card(quote: DossierQuote, ctx: Context, page: str, with_source: bool = False,
               review: bool = False) -> str:
    """One grid card: the quote, then who said it (linked) and how; for `review`, what
    the resolvers offered."""
    lines = [f"-   > “{md.text(quote.quote.text)}”", "", f"    {speaker_line(quote, ctx, page)}"]
    if review:
        lines += ["", f"    {review_line(quote)}"]
    if with_source:
        article = ctx.articles[quote.article]
        lines += ["", f"    {md.link(md.text(article.title), paths.article(article.id), page)}",
                  "    { data-search-exclude }"]
    return "\n".join(lines) + "\n"


def quote_cards(quotes: list[DossierQuote], ctx: Context, page: str, with_source: bool = False,
                review: bool = False) -> str:
    if not quotes:
        return ""
    cards = "\n".join(quote_card(q, ctx, page, with_source, review) for q in quotes)
    return f'<div class="grid cards dossier-quotes" markdown>\n\n{cards}\n</div>\n'
