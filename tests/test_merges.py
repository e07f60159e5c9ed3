"""No page of two people, and no person on two pages: a surname alone that two people of an
article may bear, a surname alone across articles, a given name alone (issue 15, item 4).

Every name here is made up. Rows come with negative cases: what must stay as it is.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from builder.annotate.entities import find_entities
from builder.confirm import THRESHOLD
from builder.model import EntityType
from builder.pipeline import assemble
from tests.test_people import article

P = EntityType.PERSON


def _named(*paragraphs: str) -> list[tuple[str, str, float]]:
    """(surface, article entity name, its confidence) of every person mention, in order."""
    entities, mentions = find_entities(article(*paragraphs))
    by_key = {e.key: e for e in entities}
    return [(m.surface, by_key[m.key].name, by_key[m.key].confidence) for m in mentions if by_key[m.key].type is P]


# --- in one article: a surname alone of two people of the surname ---------------------------

DOUBT_ROWS = [
    # (id, paragraphs, n: which mention of the surface "Doe" alone (0 = first), the person it
    # must name (None: no one, the mention is in doubt: no page), people it must never name)
    ("relative-named-in-passing-takes-no-later-surname",
     ["Jane Doe, a student from Anytown, built a clock.", "Doe took the clock to school.",
      "Doe was arrested on Monday.", "Her father, John Doe, said he was proud of her.",
      "Friends sent messages of support to Doe."], 2, None, ["John Doe"]),
    ("son-named-later-takes-no-surname-of-his-father",
     ["John Doe, an elder of the tribe, has seen many strandings.", "Doe says the sea is changing.",
      "Doe and his son, Jim Doe, were called in to help.", "Jim was called after the first whale.",
      "Doe and his family believe the whales are hurting."], 2, None, ["Jim Doe"]),
    # negative cases: the surname goes to the one named in full in the same paragraph
    ("same-paragraph-most-recent-in-full",
     ["Rosa Doe, 34, and her brother Daniel Doe, 37, admitted fraud.",
      "Daniel Doe's lawyer said he would appeal. Doe had argued that his sister ran the scheme."], 0,
     "Daniel Doe", ["Rosa Doe"]),
    ("same-paragraph-after-his-brother",
     ["The minister, Gareth Doe, faced questions.", "Owen Doe, a councillor, resigned. Doe, 52, had voted for it."],
     0, "Owen Doe", ["Gareth Doe"]),
    # ... or to the one named most recently when no other is named more often
    ("most-recent-and-most-named-agree",
     ["Jane Doe, the minister, spoke on Monday.", "Her husband, John Doe, agreed.", "John Doe said more.",
      "Doe left on Tuesday."], 0, "John Doe", ["Jane Doe"]),
    ("honorific-of-two-men-in-doubt",
     ["The minister, Gareth Doe, faced questions.", "Gareth Doe said he had done nothing wrong.",
      "His brother, Owen Doe, resigned from the council.", "Mr Doe said the inquiry would clear him."], 0,
     None, ["Owen Doe"]),
    ("one-person-of-the-surname", ["Jane Doe, a student, built a clock.", "Her teacher, Ann Roe, called police.",
                                   "Friends sent support to Doe."], 0, "Jane Doe", []),
    ("pronoun-settles-it",
     ["Jane Doe, a student, built a clock.", "Doe took it to school.", "Her father, John Doe, was proud.",
      "Doe said she would build another."], 1, "Jane Doe", ["John Doe"]),
]


@pytest.mark.parametrize(("what", "paragraphs", "n", "name", "never"), DOUBT_ROWS, ids=[r[0] for r in DOUBT_ROWS])
def test_a_surname_two_people_may_bear(what: str, paragraphs: list[str], n: int, name: str | None,
                                       never: list[str]) -> None:
    alone = [(entity, confidence) for surface, entity, confidence in _named(*paragraphs) if surface == "Doe"]
    entity, confidence = alone[n]
    assert entity not in never, alone
    if name is None:
        assert confidence < THRESHOLD, alone  # in doubt: no page, listed for review
    else:
        assert entity == name, alone


# --- across articles: a surname alone ---------------------------------------------------------


def _dossier(tmp_path: Path, *articles: str):
    folder = tmp_path / "dossier"
    (folder / "articles").mkdir(parents=True)
    for n, text in enumerate(articles):
        (folder / "articles" / f"a{n}.txt").write_text(text, encoding="utf-8")
    return assemble(folder)[0]


def _entity_of(dossier, article_n: int, surface: str, after: str = ""):
    article = next(a for a in dossier.articles if a.file == f"a{article_n}.txt")
    annotation = next(a for a in dossier.annotations if a.article_id == article.id)
    at = article.source_text.find(after) if after else 0
    mention = next(m for m in annotation.mentions if m.surface == surface and m.start >= at)
    entity_id = dossier.entity_of.get((annotation.article_id, mention.key))
    return next((e for e in dossier.entities if e.id == entity_id), None)


def test_a_surname_of_an_article_that_names_another_of_it_joins_no_one_elsewhere(tmp_path: Path) -> None:
    """Article B names John Doe in full and a Mrs Doe by her honorific alone: Mrs Doe may be the
    Jane Doe of article A, or not; no join (and no page of its own), never Jane Doe's page."""
    dossier = _dossier(
        tmp_path,
        "Minister opens school\n\nJane Doe, the schools minister, opened a school in Anytown on Monday.\n",
        "Council leader quits\n\nJohn Doe, the council leader, resigned on Tuesday.\n\n"
        "Mrs Doe said the family would stay in Anytown.\n")
    mrs = _entity_of(dossier, 1, "Doe", "Mrs Doe")
    assert mrs is None or mrs.name != "Jane Doe", mrs
    assert mrs is None or not mrs.confirmed, mrs


def test_a_surname_alone_in_a_follow_up_still_joins_the_one_person(tmp_path: Path) -> None:
    """Negative case: article B names no one of the surname in full: "Mrs Doe" is the one woman
    of the surname the dossier names (Jane Doe)."""
    dossier = _dossier(
        tmp_path,
        "Minister opens school\n\nJane Doe, the schools minister, opened a school in Anytown on Monday.\n",
        "School row goes on\n\nMrs Doe said on Tuesday that the school would stay open.\n")
    mrs = _entity_of(dossier, 1, "Doe", "Mrs Doe")
    assert mrs is not None and mrs.name == "Jane Doe", mrs


def test_a_surname_in_doubt_in_its_article_joins_no_one_elsewhere(tmp_path: Path) -> None:
    """A surname alone that two people of its article may bear is no one's, whatever the other
    articles name."""
    dossier = _dossier(
        tmp_path,
        "Student builds clock\n\nJane Doe, a student from Anytown, built a clock.\n\nDoe took the clock to school.\n\n"
        "Doe was arrested on Monday.\n\nHer father, John Doe, said he was proud of her.\n\n"
        "Friends sent messages of support to Doe.\n",
        "Clock maker honoured\n\nJane Doe, who built a clock, was honoured on Friday.\n")
    doubt = _entity_of(dossier, 0, "Doe", "support to")
    assert doubt is None or doubt.name not in ("John Doe",), doubt
    assert doubt is None or doubt.name == "Jane Doe" or not doubt.confirmed, doubt


def test_a_given_name_alone_of_no_person_cue_joins_no_full_name_elsewhere(tmp_path: Path) -> None:
    """"a visit to Kent" in one article is no Sen. Laura Kent of another: a one-word name whose
    only evidence of a person is that it is a given name is no surname a join may trust (no
    page of hers takes it)."""
    dossier = _dossier(
        tmp_path,
        "Budget row\n\nThe Chancellor said on a visit to Kent that she would not resign.\n",
        "Stopgap bill passes\n\nSen. Laura Kent, R-Ohio, voted for the bill.\n")
    kent = _entity_of(dossier, 0, "Kent")
    assert kent is None or kent.name != "Laura Kent", kent
    negative = _dossier(
        tmp_path / "b",
        "Budget row\n\nSen. Kent said on Monday that she would vote no.\n",
        "Stopgap bill passes\n\nSen. Laura Kent, R-Ohio, voted for the bill.\n")
    kent = _entity_of(negative, 0, "Kent")
    assert kent is not None and kent.name == "Laura Kent", kent


# --- a given name alone ------------------------------------------------------------------------

GIVEN_ROWS = [
    # (id, paragraphs, the surface of the given name alone, the person it must name or never name)
    ("character-after-stars-as-is-no-actor",
     ["The ghost of her husband (Casey Zorblatt, covered in a sheet) haunts the house.",
      "In another film, Jane Roe stars as Casey, a young woman living in Anytown."], "Casey", None, "Casey Zorblatt"),
    ("character-after-plays-is-no-actor",
     ["Casey Zorblatt directs.", "Jane Roe plays Casey, a nurse."], "Casey", None, "Casey Zorblatt"),
    # negative case: a given name alone of the one person of that given name
    ("given-name-of-the-subject", ["Daniel Zorblatt, 19, left the group.", "Officers told Daniel he was under arrest."],
     "Daniel", "Daniel Zorblatt", None),
]


@pytest.mark.parametrize(("what", "paragraphs", "surface", "name", "never"), GIVEN_ROWS, ids=[r[0] for r in GIVEN_ROWS])
def test_a_given_name_alone(what: str, paragraphs: list[str], surface: str, name: str | None,
                            never: str | None) -> None:
    found = [(entity, confidence) for s, entity, confidence in _named(*paragraphs) if s == surface]
    assert found, _named(*paragraphs)
    for entity, _ in found:
        assert entity != never, found
        assert name is None or entity == name, found


# --- middle initials: a father and a son of one first name and surname ----------------------------

MIDDLE_ROWS = [
    # (id, names of article entities (one article each), groups of indexes that must be one,
    # pairs that must be apart)
    ("two-middle-initials-two-people", ["John H. W. Zorblatt", "John W. Zorblatt"], [], [(0, 1)]),
    ("one-middle-initial-and-none-one-person", ["Joseph L. Zorblatt", "Joseph Zorblatt"], [(0, 1)], []),
    ("same-middle-initial-one-person", ["John W. Zorblatt", "John W. Zorblatt"], [(0, 1)], []),
    ("a-name-of-no-middle-between-two-is-no-one",
     ["John H. W. Zorblatt", "John W. Zorblatt", "John Zorblatt"], [], [(0, 1), (0, 2), (1, 2)]),
    ("middle-names-written-out-say-nothing", ["Te Kauri Robert Zorblatt", "Te Kauri Zorblatt"], [(0, 1)], []),
]


@pytest.mark.parametrize(("what", "names", "one", "apart"), MIDDLE_ROWS, ids=[r[0] for r in MIDDLE_ROWS])
def test_middle_initials_across_articles(what: str, names: list[str], one: list[tuple[int, int]],
                                         apart: list[tuple[int, int]]) -> None:
    entities, of = _merged(names, P, one, apart)
    if what.startswith("a-name-of-no-middle"):
        (bare,) = [e for e in entities if e.id == of[2]]
        assert not bare.confirmed, bare  # listed for review, no page


def test_two_middle_initials_in_one_article_are_two_people() -> None:
    found = _named("President John H. W. Zorblatt visited Anytown in 1993.",
                   "His son, John W. Zorblatt, visited in 2003.")
    assert ("John W. Zorblatt", "John W. Zorblatt", 1.0) in found, found
    assert ("John H. W. Zorblatt", "John H. W. Zorblatt", 1.0) in found, found


# --- curated aliases win -----------------------------------------------------------------------


def test_a_curated_honorific_form_wins_over_a_husband_of_the_surname(tmp_path: Path) -> None:
    """entities.yml names "Mrs Doe" an alias of Sandra Doe: every "Mrs Doe" is hers, in the
    article that names her husband John Doe in full and in one that names no Doe in full;
    "Mr Doe" and "Doe said he" stay his, and a "Baroness Roe" alias is no commoner Roe's."""
    folder = tmp_path / "dossier"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "a0.txt").write_text(
        "Doe campaign\n\nJohn Doe launched the campaign. Mrs Doe was at his side. Mr Doe said the party would win.\n\n"
        "Baroness Roe criticised the bill. Charles Roe said he agreed.\n", encoding="utf-8")
    (folder / "articles" / "a1.txt").write_text("Campaign trail\n\nMrs Doe visited a school in Anytown.\n",
                                                encoding="utf-8")
    (folder / "entities.yml").write_text(
        "- name: Sandra Doe\n  type: person\n  aliases: [Mrs Doe]\n"
        "- name: Helena Roe\n  type: person\n  aliases: [Baroness Roe]\n", encoding="utf-8")
    dossier = assemble(folder)[0]

    def of(n: int, surface: str, after: str) -> str | None:
        article = next(a for a in dossier.articles if a.file == f"a{n}.txt")
        annotation = next(a for a in dossier.annotations if a.article_id == article.id)
        at = article.source_text.find(after)
        mention = next(m for m in annotation.mentions if m.surface == surface and m.start >= at)
        entity_id = dossier.entity_of.get((annotation.article_id, mention.key))
        return next((e.name for e in dossier.entities if e.id == entity_id), None)

    assert of(0, "Doe", "Mrs Doe") == "Sandra Doe"
    assert of(1, "Doe", "Mrs Doe") == "Sandra Doe"
    assert of(0, "Doe", "Mr Doe") == "John Doe"
    assert of(0, "Roe", "Baroness Roe") == "Helena Roe"
    assert of(0, "Charles Roe", "Charles Roe") == "Charles Roe"


# --- organisations: one body on two pages ----------------------------------------------------------

ORG_ROWS = [
    # (id, names of organisations (one article each), groups of indexes that must be one, pairs apart)
    ("of-the-or-of", ["Department of the Zorbury", "Department of Zorbury"], [(0, 1)], []),
    ("possessive-country-and-demonym", ["Iraq’s Zorb Forces", "Iraqi Zorb Forces"], [(0, 1)], []),
    ("two-countries-two-bodies", ["Iraq’s Zorb Forces", "Syrian Zorb Forces"], [], [(0, 1)]),
    ("acronym-of-other-letters", ["Zorbal Command", "QUUXCOM"], [], [(0, 1)]),
]


@pytest.mark.parametrize(("what", "names", "one", "apart"), ORG_ROWS, ids=[r[0] for r in ORG_ROWS])
def test_organisations_across_articles(what: str, names: list[str], one: list[tuple[int, int]],
                                       apart: list[tuple[int, int]]) -> None:
    _merged(names, EntityType.ORG, one, apart)


ORG_IN_ARTICLE_ROWS = [
    # (id, paragraphs, names that must be one article entity (the first the name), names that must stay apart)
    ("museum-of-a-small-town", ["The shuttle goes to the Zorblatt Aviation Museum of Quuxville.",
                                "Visitors to the Zorblatt Aviation Museum will see it."],
     ["Zorblatt Aviation Museum of Quuxville", "Zorblatt Aviation Museum"], []),
    ("two-councils-of-two-towns", ["The Zorblatt Quux Council of Quuxville met.",
                                   "The Zorblatt Quux Council of Barville met.", "The Zorblatt Quux Council said no."],
     [], ["Zorblatt Quux Council of Quuxville", "Zorblatt Quux Council of Barville"]),
]


@pytest.mark.parametrize(("what", "paragraphs", "one", "apart"), ORG_IN_ARTICLE_ROWS,
                         ids=[r[0] for r in ORG_IN_ARTICLE_ROWS])
def test_organisations_in_an_article(what: str, paragraphs: list[str], one: list[str], apart: list[str]) -> None:
    entities, mentions = find_entities(article(*paragraphs))
    key_of = {m.surface: m.key for m in mentions}
    if one:
        assert len({key_of.get(n) for n in one}) == 1, (key_of, entities)
    if apart:
        assert len({key_of.get(n) for n in apart}) == len(apart), (key_of, entities)


def _merged(names: list[str], etype: EntityType, one: list[tuple[int, int]],
            apart: list[tuple[int, int]]) -> tuple[Any, list[str]]:
    """merge_entities over one article per name (each a local entity of `etype`): the entities,
    and each name's entity id, checked against the groups that must be one and the pairs apart."""
    from builder.annotate.resolve import merge_entities
    from builder.model import Annotation, LocalEntity, Mention
    anns = [Annotation(f"a{n}", (LocalEntity(name, name, etype),), (Mention(name, name, 0, len(name)),))
            for n, name in enumerate(names)]
    entities, id_map = merge_entities(anns)
    of = [id_map[(f"a{n}", name)] for n, name in enumerate(names)]
    for a, b in one:
        assert of[a] == of[b], (a, b, of)
    for a, b in apart:
        assert of[a] != of[b], (a, b, of)
    return entities, of
