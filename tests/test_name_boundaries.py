"""Where one name ends and the next begins: two names glued (an organisation then a person,
a name and the verb after it), fragments of one long name cut at "and", "on" or a lower-case
word, and one person or firm split over two pages in an article. One table row per cause,
each with negative twins (what must stay as it is). Made-up names only.
"""
from __future__ import annotations

import pytest

from builder.annotate import candidates
from builder.annotate.entities import find_entities
from builder.annotate.resolve import merge_entities
from builder.annotate.spans import is_title_case
from builder.model import EntityType
from tests.test_people import article

P, O = EntityType.PERSON, EntityType.ORG


def _found(text: str) -> list[str]:
    return [f.name for f in candidates.find(text)]


# (cause, text, names it must give, names it must not give)
CANDIDATE_ROWS = [
    # an organisation's name, then a person's (apposition: "director of the ... [Org] [Person] said")
    ("org-then-person after a plural", "The director of the Zorblatt Quux Relations Jane Roe said it.",
     ["Jane Roe"], ["Zorblatt Quux Relations Jane Roe"]),
    ("org-then-person after a club's name", "Yesterday the Zorblatt Rovers Jane Quuxley said no.",
     ["Jane Quuxley"], ["Zorblatt Rovers Jane Quuxley"]),
    ("a person's tail of more than two words", "They met the Zorblatt Rovers Tom Quux Smith Band today.", [],
     ["Tom Quux Smith Band"]),
    ("not before an institution's word", "They met at the Zorblatt Quux Relations Jane Centre today.",
     [], ["Jane"]),
    # "and" inside one institution's name after a country
    ("and after a country and common words", "Parts went to the U.S. Space and Rocket Center in Zorbville.",
     ["U.S. Space and Rocket Center"], ["U.S. Space", "Rocket Center"]),
    ("and after a country alone lists two names", "Both Kenya and Rocket Center staff came.", [],
     ["Kenya and Rocket Center"]),
    ("and inside a committee's name before a title", "Yesterday the House Budget and Accountability Committee "
     "Chairman Jane Doe said no.", ["House Budget and Accountability Committee", "Jane Doe"], ["House Budget"]),
    # subjects listed with commas after an institution's "for" or "of"
    ("subjects listed in a department's name", "A spokesman for the Department for Zorbling, Food and Rural "
     "Affairs said it.", ["Department for Zorbling, Food and Rural Affairs"], ["Food and Rural Affairs"]),
    ("three subjects listed", "The Department of Digital, Culture, Media and Sport said it.",
     ["Department of Digital, Culture, Media and Sport"], ["Sport"]),
    ("bodies listed after a department", "The Ministry of Defence, Acme and Zorb Ltd said it.",
     ["Ministry of Defence"], ["Ministry of Defence, Acme and Zorb Ltd"]),
    ("a person listed after a department", "He met the Department of Health, Jane Doe and others.",
     ["Department of Health", "Jane Doe"], []),
    # "and" before a known place that opens a second institution's name: two names
    ("and before a place's institution", "A team from the Zorblatt Institute of Technology and Texas State "
     "University met.", ["Zorblatt Institute of Technology"],
     ["Zorblatt Institute of Technology and Texas State University"]),
    ("a place's institution, then of the country", "A team from Texas State University of the US met.",
     ["Texas State University"], ["Texas State University of the US"]),
    ("an institution of the country", "A loan from the Zorblatt Bank of the United States came.",
     ["Zorblatt Bank of the United States"], []),
    ("and inside one institute's name", "The Zorblatt Institute of Allergy and Infectious Diseases met.",
     ["Zorblatt Institute of Allergy and Infectious Diseases"], []),
    # "on" after a council's or a commission's word, before its subject of common words
    ("on after a council", "The Zorblatt Council on Foreign Relations said so.",
     ["Zorblatt Council on Foreign Relations"], ["Foreign Relations"]),
    ("on before a day", "The Zorblatt Council on Monday said so.", ["Zorblatt Council"],
     ["Zorblatt Council on Monday"]),
    ("on before a place", "The Zorblatt Council on Kenya met.", ["Zorblatt Council", "Kenya"], []),
    ("on after no institution", "Jane Doe on Foreign Relations spoke.", ["Jane Doe"],
     ["Jane Doe on Foreign Relations"]),
    # a name glued to the verb after it (a link's text with no space after it in a saved page)
    ("glued reporting verb", "As Jane Zorbreports, the firm ignored it.", ["Jane Zorb"], ["Jane Zorbreports"]),
    ("glued verb: wrote", "As Jane Quuxwrote, the firm ignored it.", ["Jane Quux"], ["Jane Quuxwrote"]),
    ("a surname that ends like a verb stays", "They met Jane Hays today.", ["Jane Hays"], []),
    ("a short head stays", "They met Jane Banotes today.", ["Jane Banotes"], []),
    # a first initial before a given name and a surname: "J. Edgar Doe"
    ("first initial", "It was written by science fiction writer J. Edgar Zorblatt for years.",
     ["J. Edgar Zorblatt"], ["Edgar Zorblatt"]),
    ("first initial opening a sentence", "They left. E. Jane Zorblatt said so.", ["E. Jane Zorblatt"], []),
    ("the pronoun I is no initial", "So did I. Jane Zorblatt said so.", ["Jane Zorblatt"], ["I. Jane Zorblatt"]),
    # "of" inside an institution's subject
    ("of inside an institution's subject", "He chairs the Zorblatt Centre for Control of Iodine Deficiency "
     "Disorders now.", ["Zorblatt Centre for Control of Iodine Deficiency Disorders"], ["Zorblatt Centre for Control"]),
    ("of before a known place", "He met the Zorblatt Centre for Control of Kenya today.",
     ["Zorblatt Centre for Control", "Kenya"], []),
    ("of before a person", "He met the Zorblatt Centre for Control of Jane Doe today.", ["Jane Doe"], []),
    # "of" inside an event's name of common words (and its town)
    ("of inside an exposition's name", "It shone at the Texas Century of Progress Exposition in 1933.",
     ["Century of Progress Exposition", "Texas"], ["Texas Century", "Progress Exposition"]),
    ("of between a person and an event", "Jane Zorblatt of Quux Expo spoke.", ["Jane Zorblatt"],
     ["Jane Zorblatt of Quux Expo"]),
    # a sentence that opens right after a dotted acronym
    ("sentence after an acronym's dot", "Critics flew to the U.S. The President later took action.", [],
     ["U.S. The President"]),
    ("an acronym before a name goes on", "They met U.S. Jane Zorblatt today.", ["Jane Zorblatt"], []),
    # two institutions sharing their word: the last named in the singular
    ("shared institution word", "Talks between the State and Homeland Zorblatt Departments went on.",
     ["Homeland Zorblatt Department"], ["Homeland Zorblatt Departments"]),
    ("a plural name stays plural", "Talks between the Zorblatt Armed Forces went on.", ["Zorblatt Armed Forces"], []),
    # a title that is a given name too, before one word: the given name
    ("given-name title before a surname", "It was founded by Dean Zorblatt to help.", ["Dean Zorblatt"],
     ["Zorblatt"]),
    ("given-name title before a name that is a given name too", "It was founded by Dean Tariq to help.",
     ["Dean Tariq"], ["Tariq"]),
    ("the title before a full name", "It was founded by Dean Jane Zorblatt to help.", ["Jane Zorblatt"],
     ["Dean Jane Zorblatt"]),
    ("the title after an institution", "The Quux School Dean Zorblatt said so.", [], ["Dean Zorblatt"]),
]


@pytest.mark.parametrize(("cause", "text", "wanted", "unwanted"), CANDIDATE_ROWS,
                         ids=[row[0] for row in CANDIDATE_ROWS])
def test_name_boundaries(cause: str, text: str, wanted: list[str], unwanted: list[str]) -> None:
    found = _found(text)
    for name in wanted:
        assert name in found, found
    for name in unwanted:
        assert name not in found, found


def _entities(*paragraphs: str) -> dict[str, tuple[EntityType, list[str]]]:
    entities, mentions = find_entities(article(*paragraphs))
    return {e.name: (e.type, [m.surface for m in mentions if m.key == e.key]) for e in entities}


# (cause, paragraphs, entity names wanted, entity names unwanted)
ARTICLE_ROWS = [
    # a name cut before a lower-case word that the article writes capitalised elsewhere
    ("lower-case tail", ["Jane Doe, director of the National Zorblatt Nutrition study, spoke.",
                         "The National Zorblatt Nutrition Study found it."],
     ["National Zorblatt Nutrition Study"], ["National Zorblatt Nutrition"]),
    ("lower-case tail with no longer name", ["Jane Doe, director of the National Zorblatt Nutrition study, spoke."],
     ["National Zorblatt Nutrition"], []),
    # an institution's name glued to a person's whom the article names by surname alone
    ("institution then a person named by surname", ["Student at Zorblatt University Quuxland Amneh Zorbari heard of it.",
                                                   "Zorbari said she was upset."],
     ["Zorblatt University Quuxland", "Amneh Zorbari"], ["Zorblatt University Quuxland Amneh Zorbari", "Zorbari"]),
    ("no person of that surname", ["Student at Zorblatt University Quuxland Amneh Zorbari heard of it.",
                                   "The Zorbari report was upset."],
     [], ["Amneh Zorbari"]),
    # one person, a given name misspelt once
    ("given name misspelt", ["Kristin Zorbwell, the curator, said it.", "Kristen Zorbwell added more."],
     ["Kristin Zorbwell"], ["Kristen Zorbwell"]),
    ("given names of two sexes", ["Francis Zorbwell said it.", "Frances Zorbwell added more."],
     ["Francis Zorbwell", "Frances Zorbwell"], []),
    ("a man and a woman of one surname", ["Daniel Zorbwell said it.", "Danielle Zorbwell added more."],
     ["Daniel Zorbwell", "Danielle Zorbwell"], []),
    # given names alone: the first words of the one longer name
    ("given names of a longer name", ["Te Zorbanui Robert Quuxata was there.", "Later Te Zorbanui said so."],
     ["Te Zorbanui Robert Quuxata"], ["Te Zorbanui"]),
    ("given names of a longer name, in brackets", ["Kauri (Te Zorbanui Robert) Quuxata carves.",
                                                   "His son, Te Zorbanui Robert Quuxata, came.",
                                                   "Te Zorbanui was called in."],
     ["Te Zorbanui Robert Quuxata"], ["Te Zorbanui", "Te Zorbanui Robert"]),
    ("a junior is another person", ["Donald Zorbwell Jr. said it.", "His father Donald Zorbwell said no."],
     ["Donald Zorbwell Jr.", "Donald Zorbwell"], []),
    # an honorific and a misspelt long surname: the one person of that sex and that surname
    ("honorific and misspelt surname", ["Lydia Buchtzorbmann spoke first.", "\u201cNo,\u201d Ms Bauchtzorbmann said."],
     ["Lydia Buchtzorbmann"], ["Ms Bauchtzorbmann", "Bauchtzorbmann"]),
    ("misspelt surname of another sex", ["John Buchtzorbmann spoke first.", "\u201cNo,\u201d Ms Bauchtzorbmann said."],
     ["John Buchtzorbmann", "Ms Bauchtzorbmann"], []),
    ("a short surname is no misspelling", ["Lydia Zorbin spoke first.", "\u201cNo,\u201d Ms Zarbin said."],
     ["Lydia Zorbin", "Ms Zarbin"], []),
    # "Mr and Mrs Doe": two people, each with the honorific
    ("Mr and Mrs", ["Yesterday Mr and Mrs Zorblatt went home."], ["Mr Zorblatt", "Mrs Zorblatt"], []),
    ("Mr. and Mrs.", ["Yesterday Mr. and Mrs. Zorblatt went home."], ["Mr. Zorblatt", "Mrs. Zorblatt"], []),
    ("Mr and Mrs after a full name", ["John Zorblatt spoke.", "Later Mr and Mrs Zorblatt went home."],
     ["John Zorblatt", "Mrs Zorblatt"], ["Mr Zorblatt"]),
    # a firm named with and without its last word
    ("firm with its market word", ["Shares of Zorb Foods Market rose.", "Zorb Foods said it would grow.",
                                    "Zorb Foods hired staff."],
     ["Zorb Foods"], ["Zorb Foods Market"]),
    ("a foundation is another body", ["Zorb Foods said it would grow.", "The Zorb Foods Foundation gave money."],
     ["Zorb Foods", "Zorb Foods Foundation"], []),
]


@pytest.mark.parametrize(("cause", "paragraphs", "wanted", "unwanted"), ARTICLE_ROWS,
                         ids=[row[0] for row in ARTICLE_ROWS])
def test_one_page_per_name(cause: str, paragraphs: list[str], wanted: list[str], unwanted: list[str]) -> None:
    got = _entities(*paragraphs)
    for name in wanted:
        assert name in got, got
    for name in unwanted:
        assert name not in got, got


TITLE_CASE_ROWS = [  # (text, a Title Case headline?)
    ("Burst Pipes: How Winter Wreaks Havoc Beneath Zorbville N.Y.C.", True),  # ends in a dotted acronym
    ("Burst Pipes: How Winter Wreaks Havoc Beneath Zorbville Today.", False),  # a sentence's full stop
    ("Pipes burst as winter wreaks havoc beneath the U.S.", False),  # a sentence in lower case
]


@pytest.mark.parametrize(("text", "titled"), TITLE_CASE_ROWS)
def test_a_headline_may_end_in_a_dotted_acronym(text: str, titled: bool) -> None:
    assert is_title_case(text) is titled


def test_an_institution_cut_from_a_person_stays_an_institution() -> None:
    got = _entities("Student at Zorblatt University Quuxland Amneh Zorbari heard of it.", "Zorbari said she was upset.")
    assert got["Zorblatt University Quuxland"][0] is O and got["Amneh Zorbari"][0] is P


def test_mr_and_mrs_are_two_people() -> None:
    got = _entities("Yesterday Mr and Mrs Zorblatt went home.")
    assert got["Mr Zorblatt"][0] is P and got["Mrs Zorblatt"][0] is P
    assert got["Mr Zorblatt"][1] == ["Mr"] and got["Mrs Zorblatt"][1] == ["Zorblatt"]


# (cause, article entities of two articles, how many dossier entities they make)
DOSSIER_ROWS = [
    ("a firm with and without its market word", [("Zorb Foods Market", O), ("Zorb Foods", O)], 1),
    ("a firm and its foundation", [("Zorb Foods Foundation", O), ("Zorb Foods", O)], 2),
    ("a market's word after a person's name", [("Jane Zorb Market", P), ("Jane Zorb", P)], 2),
]


@pytest.mark.parametrize(("cause", "locals_", "count"), DOSSIER_ROWS, ids=[row[0] for row in DOSSIER_ROWS])
def test_dossier_joins(cause: str, locals_: list[tuple[str, EntityType]], count: int) -> None:
    from tests.test_resolve import ann, ent

    entities, _ = merge_entities([ann(f"a{n}", ent(name, etype)) for n, (name, etype) in enumerate(locals_)])
    assert len(entities) == count, entities
