"""Whole articles in styles the samples do not have (wire copy, British, American and
Latin American politics, Asian names, a web page with its furniture), written for these
tests, with the speakers and entities a careful reader gives them. Rules are tested one
by one elsewhere; these catch rules that undo each other."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.model import EntityType
from builder.pipeline import annotate
from builder.read import read_article

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
P, O, L, E = EntityType.PERSON, EntityType.ORG, EntityType.PLACE, EntityType.EVENT

# file -> (quotes as (opening words, speaker or None), entities that must be found with
# their type, names that must not be entities, furniture lines)
EXPECTED: dict[str, tuple[list[tuple[str, str | None]], dict[str, EntityType], list[str], list[str]]] = {
    "uk.txt": (
        [("get a grip", "Keir Starmer"), ("get a grip", "Keir Starmer"), ("a one-nation experiment", None),  # 'the Prime Minister', a role the text gives no one: unclear
         ("We will bring the numbers down", "Keir Starmer"), ("They talk tough", "Kemi Badenoch"),
         ("The public can see through it", "Kemi Badenoch"), ("a disgrace", "Nigel Farage")],
        {"Keir Starmer": P, "Kemi Badenoch": P, "Office for National Statistics": O, "Nigel Farage": P},
        ["Keir", "Downing"],
        [],
    ),
    "interview.txt": (
        [("Every day Russia attacks", "Volodymyr Zelensky"), ("We need Patriots", "Volodymyr Zelensky"),
         ("Our partners know", "Volodymyr Zelensky"), ("continue the special military operation", "Dmitry Peskov"),
         ("We will not leave Ukraine alone", "Jens Stoltenberg"), ("We're working with our allies", "John Kirby")],
        {"Volodymyr Zelensky": P, "Herman Halushchenko": P, "Jens Stoltenberg": P, "NATO": O, "Kremlin": O},
        [],
        [],
    ),
    "nyt.txt": (
        [("Susie is tough", "Donald J. Trump"), ("It is a well-deserved honor", "Donald J. Trump"),
         ("the most feared", "Chris LaCivita")],
        {"Susie Wiles": P, "Ron DeSantis": P, "Chris LaCivita": P, "White House": O},
        ["Susie", "Wiles"],
        [],
    ),
    "mexico.txt": (
        [("It is time for women", "Claudia Sheinbaum"), ("I will not fail you", "Claudia Sheinbaum"),
         ("a victory for democracy", "Luiz Inácio Lula da Silva")],
        {"Claudia Sheinbaum": P, "Andrés Manuel López Obrador": P, "Banco Base": O, "Gabriela Siller": P},
        ["Lula", "López Obrador"],
        [],
    ),
    "asia.txt": (
        [("I want to ask the people", "Shigeru Ishiba"), ("running away from scrutiny", "Yoshihiko Noda"),
         ("watch closely", "Mao Ning"), ("Markets fear uncertainty", "Naka Matsuzawa")],
        {"Shigeru Ishiba": P, "Liberal Democratic Party": O, "Constitutional Democratic Party of Japan": O,
         "Yoon Suk Yeol": P, "Nomura Securities": O},
        [],
        [],
    ),
    "senate.txt": (
        [("that bipartisanship is alive", "Chuck Schumer"), ("a responsible step", "Mitch McConnell"),
         ("This is not how we should be governing", "Susan Collins"), ("We need full-year bills", "Susan Collins"),
         ("We're spending money", "Mike Lee")],
        {"Chuck Schumer": P, "Mitch McConnell": P, "Susan Collins": P, "Appropriations Committee": O},
        ["Sen"],
        [],
    ),
    "cnn.txt": (
        [("The IDF is currently conducting", "Daniel Hagari"), ("entitled and obligated", "Iran's foreign ministry")],
        {"Daniel Hagari": P, "IDF": O},
        ["Rear", "Rights Reserved"],
        ["Source: CNN", "This story has been updated with additional developments.",
         "© 2024 Cable News Network. All Rights Reserved."],
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_article(name: str) -> None:
    quotes, found, absent, furniture = EXPECTED[name]
    article = read_article(FIXTURES / name)
    annotation = annotate(article)
    got = [(q.text, q.speaker_name) for q in sorted(annotation.quotes, key=lambda q: q.start)]
    assert len(got) == len(quotes), got
    for (text, speaker), (opening, expected) in zip(got, quotes, strict=True):
        assert text.startswith(opening) and speaker == expected, (text, speaker)
    entities = {e.name: e.type for e in annotation.entities}
    for entity, etype in found.items():
        assert entities.get(entity) == etype, (entity, entities)
    assert not set(absent) & set(entities), set(absent) & set(entities)
    assert set(furniture) <= set(article.furniture), article.furniture
