"""Organisations as government releases and defence news write them: an institution's word
alone ("the Coalition", "the Ministry") for the one body of that word the article names in
full, a coalition named alone, a task force named for its operation. One row per rule
(an id of builder/data/entities/institutions.txt, evidence.txt or joins.txt), with its
negative cases; made-up names only."""
from __future__ import annotations

import pytest

from builder.annotate.entities import find_entities
from builder.model import EntityType
from tests.test_entities import article

P, O, L, E = EntityType.PERSON, EntityType.ORG, EntityType.PLACE, EntityType.EVENT


def named(*paragraphs: str) -> list[tuple[str, str, EntityType]]:
    """Every mention of an article: (printed, its entity's name, its entity's type)."""
    entities, mentions = find_entities(article(*paragraphs))
    by_key = {e.key: e for e in entities}
    return [(m.surface, by_key[m.key].name, by_key[m.key].type) for m in mentions]


def entity_of(text: str, surface: str) -> tuple[str, EntityType] | None:
    """The entity (name, type) of the first mention printed `surface`, or None."""
    return next(((name, etype) for s, name, etype in named(*text.split("\n")) if s == surface), None)


ROWS = [  # (rule id, text (lines: paragraphs), printed mention, its entity (name, type), or None: no mention)
    # short-form: "the" + an institution's word alone, after the one body of that word named in full
    ("short-form", "The Zorbland Ministry of Quux said on Monday it would act. Later the Ministry said no.",
     "Ministry", ("Zorbland Ministry of Quux", O)),
    ("short-form", "Jane Doe joined the Acme Relief Coalition in May.\nThe Coalition said it would help.",
     "Coalition", ("Acme Relief Coalition", O)),
    ("short-form", "The Department of Zorb Affairs (DZA) said on Monday it would act. The Department added more.",
     "Department", ("Department of Zorb Affairs", O)),
    # two bodies of that word named in full: the short form is neither (and no page of its own)
    ("short-form", "The Zorbland Ministry of Quux and the Ministry of Flob met. Later the Ministry said no.",
     "Ministry", None),
    # the word must head the full name (its last word, or the word before its "of", "for", "to")
    ("short-form", "Jane Doe led the Coalition Provisional Quux Authority in May.\nLater the Coalition struck.",
     "Coalition", ("Coalition", O)),
    ("short-form", "Jane Doe met the Small Group of the Zorb Coalition in May.\nLater the Coalition struck.",
     "Coalition", ("Coalition", O)),
    ("short-form", "Jane Doe met the Zorb Coalition to Counter Quux in May.\nLater the Coalition struck.",
     "Coalition", ("Zorb Coalition to Counter Quux", O)),
    # none named in full: "the Department" alone names nothing the reader can tell
    ("short-form", "The Department said on Monday that Jane Doe would travel to Zorbville.", "Department", None),
    # the short form written before the body is named: it stands for another body
    ("short-form", "The Ministry said no. Jane Doe of the Zorbland Ministry of Quux disagreed.", "Ministry", None),
    # coalition-alone: a coalition written alone with a capital is a body of its own (a military or a
    # governing coalition), when no coalition is named in full before it
    ("coalition-alone", "Jets of the Coalition struck Zorbville on Monday.", "Coalition", ("Coalition", O)),
    ("coalition-alone", "The Coalition is supporting the Quux Front near Zorbville.", "Coalition", ("Coalition", O)),
    ("coalition-alone", "Jane Doe praised Coalition efforts near Zorbville.", "Coalition", ("Coalition", O)),
    # its own coalition named first, then "the Coalition": that one is another body, the coalition
    ("coalition-alone", "Its Coalition trained a force, the Quux Arab Coalition (QAC), near Zorbville. "
     "Since then the Coalition struck.", "Coalition", ("Coalition", O)),
    # possessed-institution (joins.txt) sees the word as an owner: one body named with its owner
    ("possessed-institution", "Later the Coalition’s Small Group met. Then the Coalition struck.",
     "Coalition’s Small Group", ("Coalition’s Small Group", O)),
    ("possessed-institution", "Later the Coalition’s Small Group met. Then the Coalition struck.",
     "Coalition", ("Coalition", O)),
    ("coalition-alone", "Coalition aircraft struck Zorbville on Monday.", "Coalition", None),  # opens a sentence
    ("coalition-alone", "Jane Doe said the coalition would act.", "coalition", None),  # lower case
    ("coalition-alone", "The Coalition Provisional Quux met on Monday.", "Coalition", None),  # part of a longer name
]
ROWS += [
    # acronym-defined (names.acronym_fits): a mixed-case acronym takes its small letters from the small words
    ("acronym-defined", "Jane Doe of the Ministry of Zorb Defence (MoZD) said no. The MoZD later agreed.", "MoZD",
     ("Ministry of Zorb Defence", O)),
    ("acronym-defined", "The Commission of Quux (CoQ) met. The CoQ said no.", "CoQ", ("Commission of Quux", O)),
    ("acronym-defined", "Jane Doe of the Ministry of Zorb Defence (MoX) said no.", "MoX", ("MoX", O)),  # no letter x
    ("acronym-defined", "The Acme Quux Institute (AQI) said no.", "AQI", ("Acme Quux Institute", O)),
]
ROWS += [
    # unit-designation (WORD_RULES, data: unit_designations.txt): "Task Force" and a name is a unit
    ("unit-designation", "Troops of Task Force Zorb landed on Monday.", "Task Force Zorb", ("Task Force Zorb", O)),
    ("unit-designation", "Jane Doe said Joint Task Force Quux Shield would land.", "Joint Task Force Quux Shield",
     ("Joint Task Force Quux Shield", O)),
    ("unit-designation", "Ships of Carrier Strike Group Zorb sailed on.", "Carrier Strike Group Zorb",
     ("Carrier Strike Group Zorb", O)),
    ("unit-designation", "Jane Doe met Frank Taskforce on Monday.", "Frank Taskforce", ("Frank Taskforce", P)),
    # product-cue (CONTEXT_RULES): a weapon's noun after an institution's name is that body's weapon
    ("product-cue", "Jets of the Zorb Front and Quux Coalition jets struck.", "Quux Coalition", ("Quux Coalition", O)),
    ("product-cue", "Zorb Liberation Front fighters fled the town.", "Zorb Liberation Front",
     ("Zorb Liberation Front", O)),
    ("product-cue", "They fired Zorblatt Shadow missiles at the ship.", "Zorblatt Shadow",
     ("Zorblatt Shadow", EntityType.PRODUCT)),
]
ROWS += [
    # listed-with-org (institutions.listed_with_orgs, evidence.txt): one rare word listed with an organisation
    ("listed-with-org", "Masks went to the ZQF and Zorbmerga during training.", "Zorbmerga", ("Zorbmerga", O)),
    ("listed-with-org", "Masks went to the Zorbland Security Forces and Zorbmerga.", "Zorbmerga", ("Zorbmerga", O)),
    ("listed-with-org", "Masks went to Kenya and Zorbmerga during training.", "Zorbmerga", ("Zorbmerga", L)),
    ("listed-with-org", "Masks went to the ZQF and Jane Zorbmerga during training.", "Jane Zorbmerga",
     ("Jane Zorbmerga", P)),
]
ROWS += [
    # org-head-foreign (data: org_heads.txt): armed groups named in Arabic, Urdu or Pashto
    ("org-head-foreign", "Fighters of Jaish al-Zorb attacked the town on Monday.", "Jaish al-Zorb", ("Jaish al-Zorb", O)),
    ("org-head-foreign", "The attack was claimed by Kataib Quux on Monday.", "Kataib Quux", ("Kataib Quux", O)),
    ("org-head-foreign", "Militants of Harakat Zorb al-Quux fled.", "Harakat Zorb al-Quux", ("Harakat Zorb al-Quux", O)),
    ("org-head-foreign", "Jane Doe met Ahmed al-Zorb on Monday.", "Ahmed al-Zorb", ("Ahmed al-Zorb", P)),
]
ROWS += [
    # place-verb (CONTEXT_RULES, data: place_verbs.txt): the object of a verb of war on a town is a place
    ("place-verb", "Iraqi forces retook Zorbiyah from the militants.", "Zorbiyah", ("Zorbiyah", L)),
    ("place-verb", "Rebels besieged Zorbiyah for a year.", "Zorbiyah", ("Zorbiyah", L)),
    ("place-verb", "Thousands of residents fled Zorbiyah on Monday.", "Zorbiyah", ("Zorbiyah", L)),
    ("place-verb", "Iraqi forces retook Zorbiyah Quux Institute from the militants.", "Zorbiyah Quux Institute",
     ("Zorbiyah Quux Institute", O)),  # an institution's word says more
    ("place-verb", "Iraqi forces retook Jane Zorbiyah from the militants.", "Jane Zorbiyah", ("Jane Zorbiyah", P)),
    # place-of-noun (data: place_of.txt): a town's liberation, siege, recapture
    ("place-of-noun", "The liberation of Zorbiyah came after a long siege.", "Zorbiyah", ("Zorbiyah", L)),
    ("place-of-noun", "The siege of Zorbiyah ended on Monday.", "Zorbiyah", ("Zorbiyah", L)),
    ("place-of-noun", "The liberation of Zorbiyah Quux Front fighters came.", "Zorbiyah Quux Front",
     ("Zorbiyah Quux Front", O)),
]
ROWS += [
    # hyphen linker (spans._split_hyphen, data: hyphen_words.txt `linker`): capitalised parts joined by
    # short lower-case linkers are one name (a town, a group)
    ("hyphen-linker", "She moved to Zorbton-on-Quux in 2010.", "Zorbton-on-Quux", ("Zorbton-on-Quux", L)),
    ("hyphen-linker", "Militants of Lashkar-e-Zorb fled.", "Lashkar-e-Zorb", ("Lashkar-e-Zorb", O)),
    ("hyphen-linker", "He lives in Zorb-es-Quux now.", "Zorb-es-Quux", ("Zorb-es-Quux", L)),
    ("hyphen-linker", "The Zorb-on-the-fly tool failed.", "Zorb-on-the-fly", None),  # lower-case tail: no name
    ("hyphen-linker", "Jane Doe bought a Zorb-in-a-Box kit.", "Zorb-in-a-Box", None),  # "a" is no linker
]
ROWS += [
    # name-possessive (spans._word, data: name_possessives.txt): "People's" inside a name
    ("name-possessive", "Fighters of the Zorb People's Protection Units took the town.", "Zorb People's Protection Units",
     ("Zorb People's Protection Units", O)),
    ("name-possessive", "The Zorbland People’s Party won the vote.", "Zorbland People’s Party",
     ("Zorbland People’s Party", O)),
    ("name-possessive", "The Quux Women's Protection Units fought on.", "Quux Women's Protection Units",
     ("Quux Women's Protection Units", O)),
    ("name-possessive", "Zorbland's Jane Doe said no.", "Zorbland", ("Zorbland", O)),  # an owner's name ends
    ("name-possessive", "The people's Zorb Party won.", "Zorb Party", ("Zorb Party", O)),  # lower case
]
ROWS += [
    # also-known-as (annotate/aliases.py): a name's other name, given right after it, names the same entity
    ("also-known-as", "Troops landed at Zorbiyah Airfield West, also called “Z-West” in northern Kenya.", "Z-West",
     ("Zorbiyah Airfield West", L)),
    ("also-known-as", "Fighters of the Zorb Liberation Front, known as Quuxhaq, fled.", "Quuxhaq",
     ("Zorb Liberation Front", O)),
    ("also-known-as", "Jane Doe, known as the Quux of Zorbland, spoke.", "Quux of Zorbland", None),  # a description
]
ROWS += [
    # remit-list (joins.txt): an institution's remit listed with commas and "and" is inside its name
    ("remit-list", "A spokesman for the Department for Glass, Culture, Media and Sport said so.",
     "Department for Glass, Culture, Media and Sport", ("Department for Glass, Culture, Media and Sport", O)),
    ("remit-list", "Officials of the Foreign, Harbour and Development Office said so.",
     "Foreign, Harbour and Development Office", ("Foreign, Harbour and Development Office", O)),
    ("remit-list", "The Ministry of Labour, Health and Social Affairs of Zorbland said so.",
     "Ministry of Labour, Health and Social Affairs of Zorbland", ("Ministry of Labour, Health and Social Affairs of Zorbland", O)),
    # a list of places or people after a body is a list
    ("remit-list", "The Ministry of Defence, France and Germany signed.", "France", ("France", L)),
    ("remit-list", "Yesterday, Culture and Media Committee members met.", "Culture and Media Committee",
     ("Culture and Media Committee", O)),
    ("remit-list", "Jane Doe of the Department for Zorb, John Roe and Mary Major met.", "Department for Zorb",
     ("Department for Zorb", O)),
]
ROWS += [
    # titles.txt "chargé": a chargé d'affaires is a title, no part of the embassy's name
    ("title", "At the museum, the Zorbland Embassy Chargé d’Affaires, Jonathan Quux, spoke.", "Zorbland Embassy",
     ("Zorbland Embassy", O)),
    ("title", "At the museum, the Zorbland Embassy Chargé d’Affaires, Jonathan Quux, spoke.",
     "Zorbland Embassy Chargé", None),
]


@pytest.mark.parametrize("rule,text,surface,expected", ROWS, ids=[f"{r[0]}-{n}" for n, r in enumerate(ROWS)])
def test_institution_rows(rule: str, text: str, surface: str, expected: tuple[str, EntityType] | None) -> None:
    assert entity_of(text, surface) == expected, (rule, named(*text.split("\n")))


def test_a_short_form_of_a_known_body_is_that_entity() -> None:
    entities, mentions = find_entities(article("Jane Doe of the European Commission spoke. Later the Commission said no."))
    assert [e.name for e in entities if e.type is O] == ["European Commission"]
    assert {m.surface for m in mentions} >= {"European Commission", "Commission"}


def test_the_coalition_is_one_entity_in_an_article() -> None:
    got = named("The Coalition struck on Monday. Jane Doe said the Coalition would go on.",
                "Coalition efforts near Zorbville went on.")
    coalitions = {name for surface, name, etype in got if surface == "Coalition"}
    assert coalitions == {"Coalition"}


def test_listed_with_org_gives_evidence() -> None:
    entities, _ = find_entities(article("Masks went to the ZQF and Zorbmerga during training."))
    assert "listed-with-org" in next(e for e in entities if e.name == "Zorbmerga").evidence
    entities, _ = find_entities(article("Masks went to the workers and Zorbmerga during training."))
    assert "listed-with-org" not in next(e for e in entities if e.name == "Zorbmerga").evidence


def test_a_possessive_inside_a_name_is_one_spelling_of_it() -> None:
    entities, _ = find_entities(article("Jane Doe of the New Zorb People's Party won. The New Zorb People Party's John Roe lost."))
    assert [e.name for e in entities if e.type is O] == ["New Zorb People's Party"]


def test_a_name_that_goes_on_after_known_as_is_no_other_name() -> None:
    got = named("Jane Doe, known as Quuxhaq Roe to friends, spoke.")
    assert ("Quuxhaq Roe", "Jane Doe") not in {(surface, name) for surface, name, _ in got}
