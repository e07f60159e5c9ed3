"""Names as government and defence releases write them (exercises, time standards, summits
named after two countries, lists of nations' forces): one row per rule with its negative
cases. Each row names the rule it checks (a WORD_RULES id, a joins.txt id, or a data file)."""
from __future__ import annotations

import pytest

from builder.annotate.entities import find_entities
from builder.model import EntityType
from tests.test_entities import article

P, O, L, E, X = EntityType.PERSON, EntityType.ORG, EntityType.PLACE, EntityType.EVENT, EntityType.OTHER


def typed(text: str) -> dict[str, EntityType]:
    """Every mention's surface -> its entity's type, in a one-paragraph article."""
    entities, mentions = find_entities(article(text))
    by_key = {e.key: e for e in entities}
    return {m.surface: by_key[m.key].type for m in mentions}


ROWS = [  # (rule, text, surface, expected type, or None: no mention of that surface)
    # event-head with "start exercise" (event_words.txt): a military exercise is an event
    ("event-head", "Troops will join Zorbland in Exercise Quux Lion on Monday.", "Exercise Quux Lion", E),
    ("event-head", "Exercise Quux Lion will consist of drills.", "Exercise Quux Lion", E),
    ("event-head", "The Exercise Quux Institute said on Monday it would close.", "Exercise Quux Institute", O),
    ("event-head", "The Operation Quux Foundation said on Monday it would close.", "Operation Quux Foundation", O),
    ("event-head", "Troops were sent in Operation Zorblatt Shield last year.", "Operation Zorblatt Shield", E),
    # time-standard (date_words.txt "zone"): a time standard is no organisation
    ("time-standard", "Times in the releases are in Zorbwich Mean Time.", "Zorbwich Mean Time", X),
    ("time-standard", "The vote closed at 9pm Eastern Standard Time.", "Standard Time", X),
    ("time-standard", "The Zorbwich Mean Company said on Monday it would close.", "Zorbwich Mean Company", O),
    ("time-standard", "Yesterday Jane Time said no.", "Jane Time", P),
    # and-in-org (spans.py): a nationality word, "and" and another's institution are two names
    ("and-in-org", "The Zorbland, French and Royal Navy ships sailed on Monday.", "Royal Navy", O),
    ("and-in-org", "The Zorbland, French and Royal Navy ships sailed on Monday.", "French and Royal Navy", None),
    ("and-in-org", "The Food and Drug Administration said on Monday it would appeal.", "Food and Drug Administration", O),
    ("and-in-org", "The Roads and Bridges Commission said on Monday it would appeal.", "Roads and Bridges Commission", O),
    # places-event (joins.txt): two places joined by a hyphen before an event's word are one event
    ("places-event", "Leaders met at the Kenya-France Summit on Monday.", "Kenya-France Summit", E),
    ("places-event", "Leaders met at the Kenya-France Summit on Monday.", "France", None),
    ("places-event", "Leaders discussed Kenya-France trade on Monday.", "France", L),
    ("places-event", "Leaders discussed Kenya-France Trade Council plans.", "Kenya-France Trade Council", None),
    # compass-name (CONTEXT_RULES, evidence.txt): a cardinal point alone after "the" names a region or bloc
    ("compass-name", "Talks between Zorbland and the West failed. They drove west of Quuxville.", "West", L),
    ("compass-name", "Shells fell near the border. The South retaliated on Monday.", "South", L),
    ("compass-name", "Jane Doe sailed to the West Bank on Monday.", "West", None),  # part of a longer name
    ("compass-name", "Jane Doe met the West Zorbland Council on Monday.", "West", None),
    # org_words.txt "org": an institution's word, written short ("Zorb Org", not a person)
    ("org-head", "Jane Doe joined the Zorb Org at fourteen.", "Zorb Org", O),
    # org_words.txt "municipality": a town's council is an institution named "of" its town
    ("org-head", "The request came from the Municipality of Zorbville in 2010.", "Municipality of Zorbville", O),
    ("org-head", "The request came from the Municipality of Zorbville in 2010.", "Zorbville", None),
    # places.txt "Korea": the peninsula's and its teams' short name is a place
    ("known", "Fans of Korea cheered on Monday.", "Korea", L),
    # place-in-place (CONTEXT_RULES): after "in" or "near", before "in" and a known place
    ("place-in-place", "A bomb hit a market at al-Zorb today. Shells fell on al-Zorb in Kenya too. "
     "The attack in al-Zorb in Kenya was condemned.", "al-Zorb", L),
    ("place-in-place", "Shells fell near Zorbivka in northern Kenya on Monday.", "Zorbivka", L),
    ("place-in-place", "She works at Zorbco in London. Zorbco hired at Zorbco.", "Zorbco", O),  # "at": a firm's site
    ("place-in-place", "Jane Doe said Zorbco in Kenya is closing.", "Zorbco", O),  # no preposition before it
    # unit (candidates._unit): a numbered unit keeps its number before its officer's title
    ("unit", "“We are ready,” said Col. Jane Doe, 507th Zorblatt Group Commander.", "507th Zorblatt Group", O),
    ("unit", "“We are ready,” said Col. Jane Doe, 507th Zorblatt Group Commander.", "Zorblatt Group", None),
    ("unit", "Airmen of the 507th Air Refueling Wing left on Monday.", "507th Air Refueling Wing", O),
    ("unit", "The 3rd Zorblatt Quux Commander spoke on Monday.", "3rd Zorblatt Quux", None),  # no institution's word
]


@pytest.mark.parametrize("rule, text, surface, expected", ROWS, ids=[f"{r[0]}-{n}" for n, r in enumerate(ROWS)])
def test_release_name_rows(rule: str, text: str, surface: str, expected: EntityType | None) -> None:
    found = typed(text)
    assert found.get(surface) == expected, (rule, found)


def test_a_capitalised_arabic_article_finds_the_gazetteer_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """gazetteer_at (candidates.py): "Al-Zorblatt" opening a sentence is the "al-Zorblatt" the
    gazetteer writes with a small article; a capitalised word with no article is not looked up so."""
    from builder.annotate import candidates, lexicon
    from builder.annotate.spans import tokens

    table = dict(lexicon.gazetteer())
    table["al-Zorblatt"] = ("al-Zorblatt", O)
    monkeypatch.setattr(lexicon, "gazetteer", lambda: table)
    assert candidates.gazetteer_at(tuple(tokens("Al-Zorblatt said so.")), 0) == (1, "al-Zorblatt", O)
    assert candidates.gazetteer_at(tuple(tokens("al-Zorblatt said so.")), 0) == (1, "al-Zorblatt", O)
    assert candidates.gazetteer_at(tuple(tokens("Ab-Zorblatt said so.")), 0) is None  # no article
    assert candidates.gazetteer_at(tuple(tokens("Al Zorblatt said so.")), 0) is None  # no hyphen


@pytest.mark.parametrize("text", ["Jane Doe drove West on Monday.", "West of the river, Jane Doe waited.",
                                  "Jane Doe sailed to the West Bank on Monday."])
def test_a_cardinal_point_without_the_or_inside_a_name_is_no_compass_name(text: str) -> None:
    from builder.annotate import candidates

    assert all("compass-name" not in f.evidence for f in candidates.find(text))


def entity_of(text: str) -> dict[str, str]:
    """Every mention's surface -> its entity's name, in a one-paragraph article."""
    entities, mentions = find_entities(article(text))
    by_key = {e.key: e for e in entities}
    return {m.surface: by_key[m.key].name for m in mentions}


@pytest.mark.parametrize("text, surface, name", [
    # _as_cardinal (entities.py): the one country named after that cardinal point
    ("North Korea and South Korea traded fire. The South retaliated, and the North said so.", "North", "North Korea"),
    ("North Korea and South Korea traded fire. The South retaliated, and the North said so.", "South", "South Korea"),
    ("Talks with the West failed, said Jane North.", "West", "West"),  # no country: a bloc, not Jane North
    ("South Sudan and South Africa signed. The South gained.", "South", "South"),  # two countries: neither
])
def test_a_cardinal_name_joins_the_one_country_so_named(text: str, surface: str, name: str) -> None:
    assert entity_of(text).get(surface) == name
