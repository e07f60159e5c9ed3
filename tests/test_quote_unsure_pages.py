"""A quote whose speaker the builder is unsure of reads as unsure on every page: its card
says "speaker unclear" (never a name, nor an unnamed speaker's description, as fact), it is
listed for review with the guess, and it is counted as no one's quote (not on the guessed
person's page, not among the key quotes). Made-up texts."""
from __future__ import annotations

from dataclasses import replace

from builder.config import DossierConfig
from builder.curate import parse_curated
from builder.link import link
from builder.model import Dossier
from builder.pipeline import annotate
from builder.read import parse_article
from builder.render.cards import speaker_line
from builder.render.context import Context
from builder.render.entity import render_entity
from builder.render.home import render_quotes

# Two women before 'she said': the pronoun may be either; then a spokesman's words carried
# over a sentence that names someone else (unsure whose).
TEXT = ("Fair opens\n\nMary Smith and Jane Roe opened the fair in Leeds on Monday with a speech about the "
        "town. “It went well and we will be back next year,” she said.\n\n"
        "Regulators fined Acme Corp on Monday. “We will appeal,” said a spokesman for Acme. Jane Doe, the "
        "regulator, disagreed. “It is over and the company knows it.”\n")


def _built() -> Dossier:
    article = replace(parse_article(TEXT, "a.txt"), id="a")
    return link(DossierConfig(), [article], [annotate(article)], parse_curated([]))


def _quote(built: Dossier, opening: str):
    return next(q for q in built.quotes if q.quote.text.startswith(opening))


def test_an_unsure_person_is_no_ones_speaker_on_the_cards() -> None:
    built = _built()
    quote = _quote(built, "It went well")
    assert quote.speaker is None and quote.quote.speaker_name is None and quote.quote.candidate
    line = speaker_line(quote, Context.of(built), "quotes/index.md")
    assert "speaker unclear" in line and "Mary Smith" not in line and "Jane Roe" not in line


def test_an_unsure_unnamed_speaker_is_not_shown_as_described() -> None:
    built = _built()
    quote = _quote(built, "It is over")
    assert quote.quote.description is None and quote.affiliation is None
    line = speaker_line(quote, Context.of(built), "quotes/index.md")
    assert "speaker unclear" in line and "spokesman" not in line


def test_unsure_quotes_are_listed_for_review_and_on_no_ones_page() -> None:
    built = _built()
    ctx = Context.of(built)
    assert not any(q.quote.text.startswith(("It went well", "It is over")) for qs in ctx.quotes_by_speaker.values()
                   for q in qs)
    page = render_quotes(ctx).text
    review = page.split("## Speaker unclear: for review", 1)[1]
    assert "It went well" in review and "It is over" in review and "perhaps" in review
    for entity in built.entities:
        text = "\n".join(p.text for p in render_entity(entity, ctx))
        assert "It went well" not in text and "It is over" not in text, entity.name
