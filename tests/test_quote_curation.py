"""Curation flows through to speakers, and cards show only confident speakers."""
from __future__ import annotations

from dataclasses import replace

import pytest

from builder.config import DossierConfig
from builder.curate import parse_curated
from builder.link import link
from builder.model import Dossier, DossierQuote
from builder.pipeline import annotate
from builder.read import parse_article


def dossier(text: str, glossary: list[dict[str, object]]) -> Dossier:
    article = parse_article(text, "a.txt")
    article = replace(article, id="a")
    return link(DossierConfig(), [article], [annotate(article)], parse_curated(glossary))


def speakers(text: str, glossary: list[dict[str, object]]) -> list[str | None]:
    built = dossier(text, glossary)
    names = {e.id: e.name for e in built.entities}
    return [names.get(q.speaker) if q.speaker else None for q in built.quotes]


ACME = "Acme fined\n\nRegulators fined Acme Corp on Monday. Acme Corp said: “We will appeal the ruling.”\n"
SMITH = "Fair opens\n\nThe fair opened in Leeds on Monday. “It is a good day for the town,” said Mrs Smith.\n"

CASES = [
    ("found, not curated: the organisation speaks", ACME, [], ["Acme Corp"]),
    ("hidden: no one's voice", ACME, [{"name": "Acme Corp", "hidden": True}], [None]),
    ("retyped as a product: no one's voice", ACME, [{"name": "Acme Corp", "type": "product"}], [None]),
    ("found, not curated: the name as found", SMITH, [], ["Mrs Smith"]),
    ("an alias with honorific re-attributes", SMITH, [{"name": "Jane Doe", "type": "person",
                                                        "aliases": ["Mrs Smith"]}], ["Jane Doe"]),
    ("an alias of a hidden entity is no one's", SMITH, [{"name": "Jane Doe", "type": "person", "hidden": True,
                                                          "aliases": ["Mrs Smith"]}], [None]),
]


@pytest.mark.parametrize("case,text,glossary,expected", CASES, ids=[c[0] for c in CASES])
def test_curation_flows_through_to_speakers(case: str, text: str, glossary: list, expected: list) -> None:
    assert speakers(text, glossary) == expected


def test_export_carries_resolver_confidence_and_affiliation() -> None:
    from builder.export import _quote

    built = dossier("Acme fined\n\nRegulators fined Acme Corp on Monday. “We will appeal,” said a spokesman "
                    "for Acme Corp on Tuesday.\n", [])
    (quote,) = built.quotes
    record = _quote(quote)
    assert record["speaker"] is None and record["speaker_name"] is None
    attribution = record["attribution"]
    assert attribution["resolver"] == "spokesperson-for" and attribution["confidence"] >= 0.7
    assert attribution["description"] == "a spokesman for Acme Corp"
    assert attribution["affiliation"] == next(e.id for e in built.entities if e.name == "Acme Corp")
    assert "said a spokesman" in attribution["intro"]


def _card(quote: DossierQuote, built: Dossier) -> str:
    from builder.render.cards import speaker_line
    from builder.render.context import Context

    return speaker_line(quote, Context.of(built), "quotes/index.md")


def test_cards_show_unclear_speakers_with_their_introducing_sentence() -> None:
    built = dossier("Fair opens\n\nMary Smith and Jane Roe spoke in Leeds. “It went well,” she said.\n", [])
    (quote,) = built.quotes
    line = _card(quote, built)
    assert "speaker unclear" in line and "she said" in line and "Mary Smith**" not in line


def test_cards_show_an_unnamed_speaker_linked_to_the_organisation() -> None:
    built = dossier("Acme fined\n\nRegulators fined Acme Corp on Monday. “We will appeal,” said a spokesman "
                    "for Acme Corp on Tuesday.\n", [])
    (quote,) = built.quotes
    line = _card(quote, built)
    assert "a spokesman for" in line and "](../entities/" in line
