"""Names of more kinds (issue 15, item 5): weapons and platforms as products, ships and their
pennant numbers, events, religions; nationalities kept as attributes, never as pages.

Each row names the rule (candidates.WORD_RULES / CONTEXT_ROWS id, or data file) it checks;
negative rows show what the rule must leave alone."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.annotate import candidates
from builder.annotate.entities import find_entities, find_names
from builder.pipeline import build
from builder.model import EntityType
from tests.test_entities import article

P, O, L, R, E, X = (EntityType.PERSON, EntityType.ORG, EntityType.PLACE, EntityType.PRODUCT, EntityType.EVENT,
                    EntityType.OTHER)


def typed(text: str) -> dict[str, EntityType]:
    """Every mention's surface -> its entity's type, in a one-paragraph article."""
    entities, mentions = find_entities(article(text))
    by_key = {e.key: e for e in entities}
    return {m.surface: by_key[m.key].type for m in mentions}


def entity_of(text: str) -> dict[str, str]:
    """Every mention's surface -> its entity's name."""
    entities, mentions = find_entities(article(text))
    by_key = {e.key: e for e in entities}
    return {m.surface: by_key[m.key].name for m in mentions}


TYPE_ROWS = [  # (rule id, text, surface, expected type, or None: no mention of that surface)
    ("weapon-acronym", "Coalition aircraft destroyed an IED near the road.", "IED", R),
    ("weapon-acronym", "Fighters used VBIEDs against the convoy.", "VBIEDs", R),
    ("weapon-acronym", "Rebels fired MANPADS at the helicopters.", "MANPADS", R),
    ("weapon-acronym", "The ZQX said on Monday it would appeal.", "ZQX", O),  # an acronym not listed: no weapon
    ("religion", "They falsely use the name of Islam to justify it.", "Islam", X),
    ("religion", "Yesterday Jane Islam said no.", "Jane Islam", P),  # a surname, in a name
    ("unit", "Airmen of the 507th ZQW deployed on Monday.", "507th ZQW", O),
    ("unit", "The Zorblatt-9 flew on Monday.", "Zorblatt-9", R),  # a model, not a unit
    ("weather-event", "Homes were destroyed by Hurricane Zorblatt on Monday.", "Hurricane Zorblatt", E),
    ("weather-event", "Jets fired Storm Shadow missiles at the bunker.", "Storm Shadow", R),  # a common word after it
    ("weather-event", "The jet carried a Storm Shadow on Monday.", "Storm Shadow", O),  # no event, even with no cue
    ("weather-event", "Homes were destroyed by Hurricane Sandy on Monday.", "Hurricane Sandy", E),  # (any word)
    ("weather-event", "Homes were destroyed by Storm Frank on Monday.", "Storm Frank", E),  # a given name
    ("weather-event", "Two Typhoon FGR4 jets took off on Monday.", "Typhoon FGR4", R),  # a model after it
    ("number-opener", "Two Zorblatt jets took off on Monday.", "Zorblatt", R),  # "Two" is no part of the name
    ("number-opener", "Two Zorblatt jets took off on Monday.", "Two Zorblatt", None),
    ("event-head", "During the Second World War the port was bombed.", "Second World War", E),
    ("event-head", "Troops were sent in Operation Zorblatt Shield last year.", "Operation Zorblatt Shield", E),
    ("event-head", "Leaders met at the NATO Summit on Monday.", "NATO Summit", E),  # not the organisation
    ("event-head", "The Zorblatt Inquiry reported on Monday.", "Zorblatt Inquiry", E),
    ("event-head", "The Zorblatt Institute reported on Monday.", "Zorblatt Institute", O),
    ("battle-of", "The Battle of Zorblatt ended in July.", "Battle of Zorblatt", E),
    ("battle-of", "The mayor of Zorblatt spoke in July.", "Zorblatt", L),
    ("demonym-event", "The Korean War ended in 1953.", "Korean War", E),
    ("demonym-event", "Protests of the Arab Spring spread.", "Arab Spring", E),
    ("demonym-event", "Korean officials met on Monday.", "Korean", None),  # a nationality alone: no entity
    ("law-head", "Yesterday Jane Law said no.", "Jane Law", P),
    ("law-head", "They passed the Zorblatt Act on Monday.", "Zorblatt Act", X),
    ("model-number", "They flew the 737 ZQX home.", "ZQX", R),
    ("model-number", "They lost 15 ZQX points on Monday.", "ZQX", O),  # a count, no model number
    ("model-number", "The site dates from 575 B.C. and is old.", "B.C.", O),  # no model (nor a sure name: see confidence)
    ("vessel", "The frigate FS Jane Doe left port on Monday.", "FS Jane Doe", R),  # a ship, not a person
    ("vessel", "Commander Jane Doe left port on Monday.", "Jane Doe", P),
    ("designator", "The ZQ-99 entered service on Monday.", "ZQ-99", R),  # (a mission: works.py)
    ("designator", "Sales of the ZQ4 rose on Monday.", "ZQ4", R),  # (digits beat an acronym)
    ("designator", "The ZQX said on Monday it would appeal.", "ZQX", O),  # no number: an acronym
    ("product-word", "The Space Shuttle Zorblatt landed on Monday.", "Space Shuttle Zorblatt", R),
    ("product-word", "The Zorblatt Shuttle Company said on Monday it would close.", "Zorblatt Shuttle Company", O),
    ("weapon-verb", "The jet fired a Zorblatt Quux at the ship.", "Zorblatt Quux", R),
    ("weapon-verb", "The charity launched a Zorblatt Quux campaign on Monday.", "Zorblatt Quux", P),  # a noun after it
    ("weapon-verb", "The board fired Zorblatt Quux on Monday.", "Zorblatt Quux", P),  # no count: dismissed
]


@pytest.mark.parametrize("rule, text, surface, expected", TYPE_ROWS, ids=[f"{r[0]}-{n}" for n, r in enumerate(TYPE_ROWS)])
def test_type_rows(rule: str, text: str, surface: str, expected: EntityType | None) -> None:
    found = typed(text)
    assert found.get(surface) == expected, (rule, found)


def test_rule_ids_of_the_rows_exist() -> None:
    ids = {r.id for r in candidates.WORD_RULES} | {r.id for r in candidates.CONTEXT_RULES} | {"number-opener", "battle-of", "demonym-event"}
    assert {row[0] for row in TYPE_ROWS} <= ids


def test_weapon_acronyms_are_products_with_enough_confidence() -> None:
    entities, _ = find_entities(article("They destroyed two IEDs and a UAV on Monday."))
    products = {e.name: e for e in entities if e.type is R}
    assert set(products) == {"IED", "UAV"}
    assert all(e.confidence >= 0.5 and "weapon-acronym" in e.evidence for e in products.values())


PENNANT_ROWS = [  # (text, surface, the entity it belongs to, or None: no mention)
    ("USS Zorblatt (DDG 99) and HMS Quux (D 32) sailed on Monday.", "DDG 99", "USS Zorblatt"),
    ("USS Zorblatt (DDG 99) and HMS Quux (D 32) sailed on Monday.", "D 32", "HMS Quux"),
    ("USS Zorblatt (DDG 99) and HMS Quux (D 32) sailed on Monday.", "DDG", None),  # no organisation "DDG"
    ("The Zorblatt Quux Agency (ZQA) said on Monday it would appeal.", "ZQA", "Zorblatt Quux Agency"),  # no ship: an acronym
]


@pytest.mark.parametrize("text, surface, owner", PENNANT_ROWS)
def test_pennant_numbers_are_mentions_of_their_ship(text: str, surface: str, owner: str | None) -> None:
    assert entity_of(text).get(surface) == owner


def test_a_ship_named_without_its_prefix_joins_the_ship() -> None:
    found = entity_of("The frigate FS Zorblatt joined the fleet. Zorblatt is fast.")
    assert found["Zorblatt"] == "FS Zorblatt"
    found = entity_of("The Space Shuttle Zorblatt landed on Monday. Zorblatt flew 33 missions.")
    assert found["Zorblatt"] == "Space Shuttle Zorblatt"


@pytest.mark.parametrize("text, name, sure", [
    ("The jet carried a Storm Shadow on Monday.", "Storm Shadow", False),  # counted, common words: for review
    ("The jet carried a Zorblatt Quux on Monday.", "Zorblatt Quux", True),  # not common words
    ("The jet carried the Storm Shadow on Monday.", "Storm Shadow", True),  # not counted
    ("They joined a Joint Task Force on Monday.", "Joint Task Force", True),  # an institution's word
])
def test_a_counted_name_of_common_words_is_not_sure(text: str, name: str, sure: bool) -> None:
    entities, _ = find_entities(article(text))
    entity = next(e for e in entities if e.name == name)
    assert (entity.confidence >= 0.5) is sure, entity


def test_a_counted_weapon_acronym_is_confirmed_all_the_same() -> None:
    entities, _ = find_entities(article("They destroyed an IED on Monday and two IEDs on Tuesday."))
    ied = next(e for e in entities if e.name == "IED")
    assert ied.confidence >= 0.5 and "indefinite" not in ied.evidence and "plural-acronym" not in ied.evidence


def test_a_known_organisation_before_a_model_stays_apart() -> None:
    found = typed("Two NATO E-3 Sentry aircraft flew over the sea.")
    assert found.get("NATO") is O and found.get("E-3 Sentry") is R


def test_a_plural_weapon_acronym_names_the_singular_kind() -> None:
    found = entity_of("They destroyed two IEDs on Monday. Another IED was found.")
    assert found == {"IEDs": "IED", "IED": "IED"}
    assert entity_of("Troops found ZQXs on Monday.").get("ZQXs") in (None, "ZQXs")  # not listed: left alone


NATIONALITY_ROWS = [  # (text, word, the entity it describes, alone), or None: no nationality word there
    ("The Kenyan Prime Minister Jane Doe met reporters.", "Kenyan", "Jane Doe", False),
    ("Fighters of the Kurdish ZQX advanced on Monday.", "Kurdish", "ZQX", False),
    ("The Kenyan Prime Minister\u200e Jane Doe spoke.", "Kenyan", "Jane Doe", False),  # a direction mark between
    ("They praised the Iraqi people on Monday.", "Iraqi", None, True),
    ("The Kurds were not consulted.", "Kurds", None, True),
    ("The Syrian Democratic Forces advanced on Monday.", "Syrian", "", None),  # part of a name: no word
    ("Western leaders met on Monday.", "Western", "", None),  # a region, no nationality
    ("The Democratic Party met on Monday.", "Democratic", "", None),
]


@pytest.mark.parametrize("text, word, owner, alone", NATIONALITY_ROWS)
def test_nationality_words_are_attributes_not_entities(text: str, word: str, owner: str | None,
                                                       alone: bool | None) -> None:
    entities, mentions, words = find_names(article(text))
    assert word not in {e.name for e in entities} and word not in {m.surface for m in mentions}
    found = [w for w in words if w.word == word]
    if alone is None:
        assert not found
        return
    assert len(found) == 1 and found[0].alone is alone
    described = {e.key: e for e in entities}.get(found[0].key) if found[0].key else None
    assert (described.name if described else None) == owner
    if described:
        assert word in described.nationalities


def test_the_export_lists_nationalities_with_the_entity_and_lone_words_without_a_page(tmp_path: Path) -> None:
    folder = tmp_path / "dossier"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "a.txt").write_text(
        "Talks\n\nThe Kenyan Prime Minister Jane Doe met the Zorblatt Council on Monday. "
        "She thanked the Kenyan people.\n", encoding="utf-8")
    build(folder, tmp_path / "docs")
    export = json.loads((tmp_path / "docs" / "dossier.json").read_text(encoding="utf-8"))
    doe = next(e for e in export["entities"] if e["name"] == "Jane Doe")
    assert doe["nationalities"] == ["Kenyan"]
    assert not any(e["name"] == "Kenyan" for e in export["entities"])
    words = [m for m in export["articles"][0]["mentions"] if m["entity"] is None]
    assert [(m["text"], m["kind"]) for m in words] == [("Kenyan", "nationality")]  # the lone one only
