"""Places and organisations written in pieces that are one name (data/entities/joins.txt):
one test row per rule, both ways, and the cases around them."""
from __future__ import annotations

import re

import pytest

from builder import wordlists
from builder.annotate.entities import find_entities
from builder.model import EntityType
from tests.test_entities import article

P, O, L = EntityType.PERSON, EntityType.ORG, EntityType.PLACE


def mentions(text: str) -> dict[str, EntityType]:
    """Every mention of a one-paragraph article, printed -> its entity's type."""
    entities, found = find_entities(article(text))
    types = {e.key: e.type for e in entities}
    return {m.surface: types[m.key] for m in found}


ROWS = [line.split("\t") for line in wordlists.lines("entities/joins.txt")]


@pytest.mark.parametrize("row", ROWS, ids=[row[0] for row in ROWS])
def test_each_join_rule_both_ways(row: list[str]) -> None:
    rule_id, etype, _trigger, example, counter = row
    name = re.search(r"\[(.+?)\]", example).group(1)
    got = mentions(example.replace("[", "").replace("]", ""))
    assert name in got, f"{rule_id}: {name!r} not one mention in {got}"
    assert got[name] == EntityType(etype)
    other = re.search(r"\[(.+?)\]", counter).group(1)
    assert other not in mentions(counter.replace("[", "").replace("]", "")), rule_id


PLACE_IN_REGION = [  # (text, a mention that must be there, its type)
    ("The convoy left Zorblatt, Syria, before dawn.", "Zorblatt, Syria", L),
    ("The convoy left Zorblatt, Syria, before dawn.", "Syria", L),  # the country keeps its mention
    ("She grew up in Quuxville, Indiana, United States, as a child.", "Quuxville, Indiana, United States", L),
    ("Raids near Zorblatt Dam, Syria, went on.", "Zorblatt Dam, Syria", L),
    ("Raids near Tell al-Zorb, northern Syria, went on.", "Tell al-Zorb, northern Syria", L),
    ("A strike hit a base near Zorbville, Syria, Jane Quux said.", "Zorbville, Syria", L),  # a speaker after it
    ("A strike hit a base near Zorbville, Syria, Quux said.", "Zorbville, Syria", L),
]
NOT_IN_REGION = [  # (text, what must not be one mention)
    ("Aid went to Kenya, France and Spain.", "Kenya, France"),  # countries listed
    ("Aid went to Texas, Ohio and Utah.", "Texas, Ohio"),  # regions listed
    ("Strikes hit Homs, Zorblatt, Syria and Iraq.", "Zorblatt, Syria"),  # inside a list
    ("In Paris, France has pledged more aid.", "Paris, France"),  # a phrase of place, then the subject
    ("Jane Doe, Texas, said no.", "Jane Doe, Texas"),  # a person
    ("They met Homs, Syria's envoy.", "Homs, Syria"),  # a possessive: "Syria's envoy"
]


@pytest.mark.parametrize(("text", "name", "etype"), PLACE_IN_REGION)
def test_place_in_region(text: str, name: str, etype: EntityType) -> None:
    got = mentions(text)
    assert got.get(name) == etype, got


@pytest.mark.parametrize(("text", "name"), NOT_IN_REGION)
def test_not_place_in_region(text: str, name: str) -> None:
    assert name not in mentions(text)


def test_place_in_region_names_the_place() -> None:
    """The entity is the town, named without its region; the region is an entity of its own."""
    entities, found = find_entities(article("The convoy left Zorblatt, Texas, before dawn."))
    names = {e.name for e in entities}
    assert "Zorblatt" in names and "Texas" in names and "Zorblatt, Texas" not in names


NOT_IN_REGION_AFTER = [  # what follows the region says it is no place's region
    ("Strikes went on near Kirkuk, Davis said.", "Kirkuk, Davis"),  # a speaker
    ("After the match in Kirkuk, Panama coach Jane Quux said no.", "Kirkuk, Panama"),  # a modifier
]


@pytest.mark.parametrize(("text", "name"), NOT_IN_REGION_AFTER)
def test_not_place_in_region_by_what_follows(text: str, name: str) -> None:
    assert name not in mentions(text)


COUNTRY_AGENCY = [  # (text, one organisation's mention)
    ("The UK Ministry of Zorblatt said so.", "UK Ministry of Zorblatt"),
    ("The U.S. Department of Zorblatt said so.", "U.S. Department of Zorblatt"),
    ("A Texas Zorblatt Safety Commission report came out.", "Texas Zorblatt Safety Commission"),
    ("The US Army said so.", "US Army"),  # (two words: as before)
    ("The U.S. Department of Justice said so.", "U.S. Department of Justice"),  # a known institution's mention
    # a title after the institution ends it: "the U.S. Embassy" stays whole, the title and person follow
    ("Later the U.S. Embassy Chargé d’Affaires, Jane Quux, spoke.", "U.S. Embassy"),
    ("The UK Embassy spokesman Jane Quux said so.", "UK Embassy"),
    ("The U.S. Zorblatt Agency Director Jane Quux said so.", "U.S. Zorblatt Agency"),
    ("U.S. Navy Secretary Jane Quux said so.", "U.S. Navy"),  # (as without the title)
]
NOT_COUNTRY_AGENCY = [  # (text, no one mention)
    ("U.S. Army General Jane Quux said so.", "U.S. Army General Jane Quux"),
    ("UK Foreign Secretary Jane Quux said so.", "UK Foreign Secretary Jane Quux"),
    ("The France Germany Zorblatt Council met.", "France Germany Zorblatt Council"),
    ("Later the U.S. Embassy Chargé d’Affaires, Jane Quux, spoke.", "Embassy"),  # no institution's word alone
    ("The U.S. Embassy Counselor Jane Quux said so.", "Embassy Counselor Jane Quux"),
]


@pytest.mark.parametrize(("text", "name"), COUNTRY_AGENCY)
def test_country_agency(text: str, name: str) -> None:
    assert mentions(text).get(name) == O, mentions(text)


@pytest.mark.parametrize(("text", "name"), NOT_COUNTRY_AGENCY)
def test_not_country_agency(text: str, name: str) -> None:
    assert name not in mentions(text)


def test_country_before_a_known_institution_names_it() -> None:
    entities, _ = find_entities(article("The U.S. Department of Justice said so."))
    alone, _ = find_entities(article("The Department of Justice said so."))
    assert [e.name for e in entities] == [e.name for e in alone]  # the known name, whatever the prefix


def test_country_agency_is_the_institution_named_alone() -> None:
    """'US Zorblatt Agency' and 'Zorblatt Agency' in one article are one entity, named with the country."""
    entities, found = find_entities(article("The US Zorblatt Safety Agency said so. The Zorblatt Safety Agency agreed."))
    assert [e.name for e in entities] == ["US Zorblatt Safety Agency"]
    assert [m.surface for m in found] == ["US Zorblatt Safety Agency", "Zorblatt Safety Agency"]


def test_two_countries_institutions_are_two_entities() -> None:
    entities, _ = find_entities(article("The US Air Force and the UK Air Force flew.", "The Air Force said so."))
    assert {"US Air Force", "UK Air Force"} <= {e.name for e in entities}


def test_a_towns_institution_keeps_the_town() -> None:
    entities, _ = find_entities(article("The Kettering Borough Zorblatt Council met."))
    assert [e.name for e in entities] == ["Kettering Borough Zorblatt Council"]


OF_PLACE_AND_PLACE = [  # (text, one organisation's mention)
    ("Fighters of the Zorblatt State of Kenya and the Quux fled.", "Zorblatt State of Kenya and the Quux"),
    ("Fighters of the Zorblatt State of Kenya and Quux fled.", "Zorblatt State of Kenya and Quux"),
]
NOT_OF_PLACE_AND_PLACE = [  # (text, no one mention): two places, or a place and an institution
    ("The Republic of Korea and the United States signed it.", "Republic of Korea and the United States"),
    ("The State of Texas and Oklahoma signed it.", "State of Texas and Oklahoma"),
    ("The Democratic Republic of Congo and Rwanda signed it.", "Democratic Republic of Congo and Rwanda"),
    ("The Government of Kenya and the Quux Zorblatt Council met.", "Government of Kenya and the Quux Zorblatt Council"),
    ("The Kingdom of Ruritania and the Bank of England met.", "Kingdom of Ruritania and the Bank of England"),
]


@pytest.mark.parametrize(("text", "name"), OF_PLACE_AND_PLACE)
def test_of_place_and_place(text: str, name: str) -> None:
    assert mentions(text).get(name) == O, mentions(text)


@pytest.mark.parametrize(("text", "name"), NOT_OF_PLACE_AND_PLACE)
def test_not_of_place_and_place(text: str, name: str) -> None:
    assert name not in mentions(text)


PLACE_EVIDENCE = [  # (rule id, text, a name that must come out a place)
    ("place-prep-to", "He was reassigned to Zorbville to train fighters.", "Zorbville"),
    ("place-prep-out-of", "They pushed the militants out of Zorbville.", "Zorbville"),
    ("place-such-as", "It freed towns in the north including Zorbville and Quuxton.", "Zorbville"),
    ("place-such-as", "It freed towns in the north including Zorbville and Quuxton.", "Quuxton"),  # listed with it
    ("place-such-as", "Cities such as Zorbville grew.", "Zorbville"),
    ("listed-after-prep", "The attacks in Zorbville, Quuxton and Flobham went on.", "Quuxton"),
    ("listed-after-prep", "The attacks in Zorbville, Quuxton and Flobham went on.", "Flobham"),
    ("compass-place", "Fighting went on in Northern Kenya today.", "Northern Kenya"),
    ("compass-place", "Trade in South East Kenya grew.", "South East Kenya"),
]
NOT_PLACE_EVIDENCE = [  # (rule id, text, a name that must not come out a place)
    ("place-prep-to", "He talked to Zorblatt about it.", "Zorblatt"),  # no verb of going
    ("place-such-as", "Firms such as Zorblatt grew.", "Zorblatt"),  # no place's noun
    ("listed-after-prep", "In Zorbville, Quuxton and Flob met.", "Quuxton"),  # the place opens the sentence
]


@pytest.mark.parametrize(("rule", "text", "name"), PLACE_EVIDENCE)
def test_place_evidence(rule: str, text: str, name: str) -> None:
    assert mentions(text).get(name) == L, (rule, mentions(text))


@pytest.mark.parametrize(("rule", "text", "name"), NOT_PLACE_EVIDENCE)
def test_not_place_evidence(rule: str, text: str, name: str) -> None:
    assert mentions(text).get(name) != L, (rule, mentions(text))


def test_compass_before_an_institution_stays_with_it() -> None:
    assert mentions("The Northern Kenya Zorblatt Council met.") == {"Northern Kenya Zorblatt Council": O}


DESIGNATOR = [("Ships of ZTF 50 sailed on.", "ZTF 50"), ("The destroyer ZDG 70 (the Quux) left.", "ZDG 70")]
NOT_DESIGNATOR = [("ZATO 32 members met.", "ZATO 32"), ("The UK 50 rule.", "UK 50"), ("ZATO 2024 met.", "ZATO 2024"),
                  ("ZATO 32 per cent rose.", "ZATO 32")]


@pytest.mark.parametrize(("text", "name"), DESIGNATOR)
def test_designator(text: str, name: str) -> None:
    assert name in mentions(text), mentions(text)


@pytest.mark.parametrize(("text", "name"), NOT_DESIGNATOR)
def test_not_designator(text: str, name: str) -> None:
    assert name not in mentions(text)


def test_place_after_a_region_that_ends_the_sentence() -> None:
    assert mentions("She is a native of Zorbville, South Dakota. It was fine.").get("Zorbville, South Dakota") == L


def test_a_native_of_a_place() -> None:
    assert mentions("She is a native of Zorbville and lives there.").get("Zorbville") == L


def test_a_law_of_something_is_one_name() -> None:
    got = mentions("The force complies with the Law of Zorblatt Conflict at all times.")
    assert "Zorblatt Conflict" not in got and got.get("Law of Zorblatt Conflict") not in (O, L, P)


FACILITIES = [  # (text, name, type): buildings and sites are places; a given name and a place's word, a person
    ("Talks at the Zorb Memorial Hall Station ended.", "Zorb Memorial Hall Station", L),
    ("Crowds filled the Zorb Central Mosque.", "Zorb Central Mosque", L),
    ("They flew from Zorb Air Force Base today.", "Zorb Air Force Base", L),
    ("Jane Park said no.", "Jane Park", P),
    ("The rally in Albert Park went on.", "Albert Park", L),  # (the preposition tips it)
    ("Jane Quux and John Hall said no.", "John Hall", P),
]


@pytest.mark.parametrize(("text", "name", "etype"), FACILITIES)
def test_facilities(text: str, name: str, etype: EntityType) -> None:
    assert mentions(text).get(name) == etype, mentions(text)


REGION_NAMES = [  # (text, a place)
    ("Rain fell on the Kenya Northwest.", "Kenya Northwest"),
    ("The State of Ohio sued.", "State of Ohio"),
    ("The Province of Zorblatt voted.", "Province of Zorblatt"),
]


@pytest.mark.parametrize(("text", "name"), REGION_NAMES)
def test_region_names(text: str, name: str) -> None:
    assert mentions(text).get(name) == L, mentions(text)


def test_a_state_of_something_unknown_is_no_place() -> None:
    assert mentions("The State of Zorblatt Emergency ended.").get("State of Zorblatt Emergency") != L


INSTITUTION_OF_THE = [  # (text, one organisation's mention)
    ("The Zorblatt Council for the Welfare of Quuxians said so.", "Zorblatt Council for the Welfare of Quuxians"),
    ("The Department of the Zorblatt said so.", "Department of the Zorblatt"),
]


@pytest.mark.parametrize(("text", "name"), INSTITUTION_OF_THE)
def test_institution_of_the(text: str, name: str) -> None:
    assert mentions(text).get(name) == O, mentions(text)


def test_institution_to_stops_before_a_person() -> None:
    got = mentions("They met the Zorblatt Coalition to Counter ZQX Jane Doe.")
    assert got.get("Jane Doe") == P, got


@pytest.mark.parametrize("text", [
    "They met the Zorblatt Coalition to Counter ZQX Jane Doe.",
    "Special Presidential Envoy for the Zorblatt Coalition to Counter ZQX Jane Doe will travel to Kettering.",
])
def test_institution_to_keeps_its_aim_before_a_person(text: str) -> None:
    """The body's whole name, then the person: not "Zorblatt Coalition" cut from its aim."""
    got = mentions(text)
    assert got.get("Zorblatt Coalition to Counter ZQX") == O and got.get("Jane Doe") == P, got


def test_a_place_word_and_a_compass_word() -> None:
    assert mentions("Troops at Zorbayah Airfield West left.").get("Zorbayah Airfield West") == L


COMPASS_AFTER = [  # (text, name, type): a town and a compass word is a constituency or district; a given name, a person
    ("Kettering East voted for Jane Doe.", "Kettering East", L),
    ("Jordan North said so.", "Jordan North", P),
]


@pytest.mark.parametrize(("text", "name", "etype"), COMPASS_AFTER)
def test_compass_after(text: str, name: str, etype: EntityType) -> None:
    assert mentions(text).get(name) == etype, mentions(text)


POSSESSED = [  # (text, the one organisation's mention, or None: two names)
    ("Zorbland’s Defence Ministry said so.", "Zorbland’s Defence Ministry"),
    ("Quuxia’s Defence Ministry said so.", "Quuxia’s Defence Ministry"),
    ("They toured Acme’s Zorblatt Space Museum today.", None),  # the museum's own name
    ("They toured Kenya’s Museum of Modern Art today.", None),  # a place's institution with its own name
    ("The Department of Zorblatt’s Office of Foreign Trade Control said so.",
     "Department of Zorblatt’s Office of Foreign Trade Control"),  # an organisation owns it
    ("Apple’s Jane Doe said so.", None),  # a person
]


@pytest.mark.parametrize(("text", "whole"), POSSESSED)
def test_possessed_institution(text: str, whole: str | None) -> None:
    got = mentions(text)
    if whole:
        assert got.get(whole) == O, got
        assert whole.split("’")[0] in got  # the owner keeps its mention
    else:
        assert not any("’s" in m for m in got), got


def test_two_owners_institutions_are_two_entities() -> None:
    entities, _ = find_entities(article("Zorbland’s Defence Ministry and Quuxia’s Defence Ministry met."))
    assert {"Zorbland’s Defence Ministry", "Quuxia’s Defence Ministry"} <= {e.name for e in entities}


def test_an_arabic_article_inside_a_place_name() -> None:
    assert "Dayr az Zorb, Syria" in mentions("Strikes near Dayr az Zorb, Syria, went on.")


SEATS = [  # (text, name, type): what a candidate or member is "for" is a constituency
    ("The Labour candidate for Zorbton Wells spoke.", "Zorbton Wells", L),
    ("She is the member for Zorbton Wells.", "Zorbton Wells", L),
    ("Jane Doe, candidate for Zorbton, spoke.", "Zorbton", L),
]


@pytest.mark.parametrize(("text", "name", "etype"), SEATS)
def test_seats(text: str, name: str, etype: EntityType) -> None:
    assert mentions(text).get(name) == etype, mentions(text)


def test_for_without_a_seats_noun_says_no_place() -> None:
    assert mentions("She gave it to a charity for Zorbton Wells.").get("Zorbton Wells") != L


def test_an_owned_institution_named_alone_later_is_the_same() -> None:
    entities, found = find_entities(article("Zorbland’s Defence Ministry said so.", "Later the Defence Ministry said no."))
    assert [e.name for e in entities if "Ministry" in e.name] == ["Zorbland’s Defence Ministry"]


def test_two_owners_leave_the_bare_name_alone() -> None:
    entities, _ = find_entities(article("Zorbland’s Defence Ministry and Quuxia’s Defence Ministry met.",
                                        "Later the Defence Ministry said no."))
    assert {e.name for e in entities if "Ministry" in e.name} == {
        "Zorbland’s Defence Ministry", "Quuxia’s Defence Ministry", "Defence Ministry"}


def test_an_institution_named_short_later_is_the_same() -> None:
    entities, _ = find_entities(article("A grant from the Zorblatt Foundation for the Fine Arts came.",
                                        "The Zorblatt Foundation said so."))
    assert [e.name for e in entities] == ["Zorblatt Foundation for the Fine Arts"]


def test_a_short_name_of_two_institutions_stays_apart() -> None:
    entities, _ = find_entities(article("The Zorblatt Council of Kenya and the Zorblatt Council of Ghana met.",
                                        "The Zorblatt Council said so."))
    assert "Zorblatt Council" in {e.name for e in entities}
