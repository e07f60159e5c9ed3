"""People resolved with care, the defects of the page audit one row each: a surname alone
after a wife named by her honorific, a relative named by the given name alone, a long office
before a name, spaced initials, institutions read as people, Arabic name particles.

Every name here is made up. Rows come with negative cases: what must stay as it is.
"""
from __future__ import annotations

import pytest

from builder.annotate.entities import find_entities
from builder.confirm import THRESHOLD
from builder.annotate.resolve import merge_entities
from builder.model import Annotation, EntityType, LocalEntity, Mention
from tests.test_people import article, who

P, O = EntityType.PERSON, EntityType.ORG

# --- a surname alone: the person named most recently in full ----------------------------------

SURNAME_ROWS = [
    # (id, paragraphs, pairs (surface, entity name) that must be found, pairs that must not)
    ("surname-after-wife-goes-to-the-man-in-full",
     ["Sen. John Roe said the bill was dead.", "Mrs Roe, the senator's wife, said he had received threats.",
      "Roe, who is up for re-election, faces a challenge."],
     [("Roe", "John Roe")], []),  # (the mention "Mrs Roe" prints "Roe" too)
    ("surname-with-her-pronoun-goes-to-the-wife",
     ["Sen. John Roe said the bill was dead.", "Mrs Roe, the senator's wife, spoke on Monday.",
      "Roe said she had received threats."],
     [("Roe", "Mrs Roe")], [("Roe", "John Roe")]),
    ("surname-with-no-one-in-full-goes-to-the-honorific",
     ["Mrs Roe, a teacher, spoke on Monday.", "Roe, who is 60, said the school would stay open."],
     [("Roe", "Mrs Roe")], []),
    ("named-after-with-her-pronoun-is-no-man", ["Yesterday Zorblatt said she would go.",
                                                 "Her father, John Zorblatt, agreed."], [], [("Zorblatt", "John Zorblatt")]),
    ("named-after-with-his-pronoun", ["Yesterday Zorblatt said he would go.", "His lawyer, John Zorblatt, agreed."],
     [("Zorblatt", "John Zorblatt")], []),
    ("mrs-never-goes-to-the-man",
     ["Sen. John Roe said the bill was dead.", "Roe said more.", "Mrs Roe disagreed on Tuesday."],
     [("Roe", "John Roe"), ("Roe", "Mrs Roe")], []),
]


@pytest.mark.parametrize(("what", "paragraphs", "wanted", "unwanted"), SURNAME_ROWS,
                         ids=[r[0] for r in SURNAME_ROWS])
def test_a_surname_alone(what: str, paragraphs: list[str], wanted: list[tuple[str, str]],
                         unwanted: list[tuple[str, str]]) -> None:
    found = who(*paragraphs)
    for pair in wanted:
        assert pair in found, found
    for pair in unwanted:
        assert pair not in found, found


# --- a given name alone ---------------------------------------------------------------------------


def _ann(article_id: str, *entities: LocalEntity) -> Annotation:
    mentions = tuple(Mention(e.key, e.name, n * 100, n * 100 + len(e.name)) for n, e in enumerate(entities))
    return Annotation(article_id, entities, mentions)


GIVEN_ROWS = [
    # (id, the article entity of a given name alone, whether it gets a page)
    ("wife-by-given-name-no-page", LocalEntity("Sandra", "Sandra", P, (), ("Mr Doe's wife",)), False),
    ("son-by-given-name-no-page", LocalEntity("Tom", "Tom", P, (), ("her eldest son",)), False),
    ("pope-keeps-a-page", LocalEntity("Francis", "Francis", P, (), ("Pope",)), True),
    ("knight-keeps-a-page", LocalEntity("Keir", "Keir", P, ("Sir Keir",), ("husband",)), True),
    ("kin-surname-keeps-a-page", LocalEntity("Zorblatt", "Zorblatt", P, (), ("his wife",)), True),
]


@pytest.mark.parametrize(("what", "local", "page"), GIVEN_ROWS, ids=[r[0] for r in GIVEN_ROWS])
def test_a_given_name_alone(what: str, local: LocalEntity, page: bool) -> None:
    entities, _ = merge_entities([_ann("a1", LocalEntity("Jane Roe", "Jane Roe", P)), _ann("a2", local)])
    (entity,) = [e for e in entities if e.name == local.name]
    assert entity.hidden is not page and entity.confirmed is page, entity


def test_a_given_name_after_a_kinship_noun_in_an_article() -> None:
    entities, _ = find_entities(article("Peter Doe spoke on Monday.", "Mr Doe's wife, Sandra, was at his side."))
    (sandra,) = [e for e in entities if e.name == "Sandra"]
    assert sandra.roles == ("Mr Doe's wife",)


# --- a long office before a name: the role, and the name clean --------------------------------

OFFICE_ROWS = [
    # (id, text, the person's name, the role it has (None: none), names that must not be entities)
    ("office-of-the", "Yesterday Chancellor of the Exchequer Jane Doe said no.", "Jane Doe",
     "Chancellor of the Exchequer", ["Exchequer Jane Doe"]),
    ("office-for-the-known-place", "Yesterday Minister for the Middle East Jane Doe said no.", "Jane Doe",
     "Minister for the Middle East", []),
    ("office-comma-name", "The Chancellor of the Exchequer, Jane Doe, said no.", "Jane Doe",
     "Chancellor of the Exchequer", []),
    ("office-and-subject", "Yesterday Secretary of State for Work and Pensions Jane Doe said no.", "Jane Doe",
     "Secretary of State for Work and Pensions", ["Pensions Jane Doe"]),
    ("office-swallowed-into-the-name",
     "Yesterday Parliamentary Under-Secretary of State for Defence Procurement Jane Doe said no.", "Jane Doe",
     "Under-Secretary of State for Defence Procurement",
     ["Parliamentary Under-Secretary", "State for Defence Procurement Jane Doe"]),
    ("office-read-as-an-organisation", "Yesterday Minister for Local Government Ravi Menon said no.", "Ravi Menon",
     "Minister for Local Government", ["Minister for Local Government"]),
    ("office-to-the-known-org", "Yesterday the Chief Secretary to the Treasury Jane Doe said no.", "Jane Doe",
     "Chief Secretary to the Treasury", []),
    ("office-of-an-organisation", "Yesterday the CEO of the Zorblatt Council Jane Doe said no.", "Jane Doe",
     "CEO of the Zorblatt Council", []),
    ("office-and-a-rare-name", "Yesterday Minister for Local Government Zorbo Quux said no.", "Zorbo Quux",
     "Minister for Local Government", ["Local Government Zorbo Quux"]),
    # negative rows: no office before the name, or the name is not right after it, or someone else's
    ("office-of-the-person-before", "Yesterday Secretary of State Jane Roe and Minister Tom Doe met.", "Jane Roe",
     "Secretary of State", []),
    ("office-not-across-a-person", "Yesterday Secretary of State Jane Roe and Minister Tom Doe met.", "Tom Doe",
     "Minister", []),
    ("office-after-another-person", "British Foreign Secretary Tom Doe and Secretary of State Jane Roe arrived.",
     "Tom Doe", "British Foreign Secretary", []),
    ("no-office-met", "The Chancellor of the Exchequer met Jane Doe on Monday.", "Jane Doe", None, []),
    ("no-office-lower-case", "The head of the Acme Council Jane Doe said no.", "Jane Doe", None, []),
    ("no-office-no-title", "Members of Friends of the Earth Jane Doe and John Roe said no.", "Jane Doe", None, []),
]


def test_a_subject_of_rare_words_is_no_person() -> None:
    entities, _ = find_entities(article("Yesterday Minister for Zorbland Quux said no."))
    assert not [e.name for e in entities if e.type is P]  # (what the office is for: no one's name)


@pytest.mark.parametrize(("what", "text", "name", "role", "not_names"), OFFICE_ROWS, ids=[r[0] for r in OFFICE_ROWS])
def test_a_long_office_before_a_name(what: str, text: str, name: str, role: str | None,
                                     not_names: list[str]) -> None:
    entities, _ = find_entities(article(text))
    by_name = {e.name: e for e in entities}
    assert name in by_name and by_name[name].type is P, [e.name for e in entities]
    assert by_name[name].roles == ((role,) if role else ()), by_name[name]
    assert not set(not_names) & set(by_name), [e.name for e in entities]
    if "Zorblatt Council" in text:  # what the office is of stays a name
        assert by_name["Zorblatt Council"].type is O


# --- spaced initials: one person, and the surname alone joins it ----------------------------------

INITIAL_ROWS = [
    # (id, paragraphs, pairs (surface, entity name) that must be found, names that must not be entities)
    ("spaced-initials-one-person", ["Yesterday A. B. Zorblatt said no.", "On Monday Zorblatt added more."],
     [("A. B. Zorblatt", "A. B. Zorblatt"), ("Zorblatt", "A. B. Zorblatt")], []),
    ("spaced-initials-after-a-lower-case-word", ["He met A. B. Zorblatt on Monday.", "Zorblatt said no."],
     [("A. B. Zorblatt", "A. B. Zorblatt"), ("Zorblatt", "A. B. Zorblatt")], []),
    ("spaced-initials-after-a-title", ["Senator J. D. Zorblatt said no."], [("J. D. Zorblatt", "J. D. Zorblatt")], []),
    ("spaced-initials-after-a-given-name", ["He met Jane A. B. Zorblatt on Monday."],
     [("Jane A. B. Zorblatt", "Jane A. B. Zorblatt")], ["Jane"]),
    ("joined-initials-one-person", ["Yesterday A.B. Zorblatt said no.", "On Monday Zorblatt added more."],
     [("A.B. Zorblatt", "A.B. Zorblatt"), ("Zorblatt", "A.B. Zorblatt")], []),
    # negative rows: a letter that ends a sentence is no initial
    ("a-letter-ends-a-sentence", ["He wrote on X. Then Zorblatt Quux said no."], [("Zorblatt Quux", "Zorblatt Quux")],
     ["X. Then Zorblatt Quux", "Then Zorblatt Quux"]),
    ("a-plan-letter-ends-a-sentence", ["They chose Plan B. The Zorblatt Council said no."],
     [("Zorblatt Council", "Zorblatt Council")], ["B. The Zorblatt Council"]),
]


@pytest.mark.parametrize(("what", "paragraphs", "wanted", "not_names"), INITIAL_ROWS, ids=[r[0] for r in INITIAL_ROWS])
def test_initials(what: str, paragraphs: list[str], wanted: list[tuple[str, str]], not_names: list[str]) -> None:
    found = who(*paragraphs)
    for pair in wanted:
        assert pair in found, found
    assert not {name for _, name in found} & set(not_names), found


def test_spaced_initials_join_the_surname_across_articles() -> None:
    entities, id_map = merge_entities([_ann("a1", LocalEntity("A. B. Zorblatt", "A. B. Zorblatt", P)),
                                       _ann("a2", LocalEntity("Zorblatt", "Zorblatt", P))])
    assert id_map[("a1", "A. B. Zorblatt")] == id_map[("a2", "Zorblatt")]
    entities, id_map = merge_entities([_ann("a1", LocalEntity("A. B. Zorblatt", "A. B. Zorblatt", P)),
                                       _ann("a2", LocalEntity("Jane Zorblatt", "Jane Zorblatt", P)),
                                       _ann("a3", LocalEntity("Zorblatt", "Zorblatt", P))])
    assert id_map[("a3", "Zorblatt")] not in (id_map[("a1", "A. B. Zorblatt")], id_map[("a2", "Jane Zorblatt")])


# --- organisations read as people -----------------------------------------------------------------

ORG_ROWS = [
    # (id, text, name, type)
    ("definite-two-words-a-body", "He joined the Zorblatt Org in 1990.", "Zorblatt Org", O),
    ("definite-sentence-opening", "The Zorblatt Collective requires members to sign.", "Zorblatt Collective", O),
    ("org-word-after-a-common-word", "She left the Sea Org in 2009.", "Sea Org", O),
    ("foreign-association", "Yesterday Asociación Zorblatt said no.", "Asociación Zorblatt", O),
    ("nationality-institution-for", "A report by the European Monitoring Centre for Zorbs and Zorb Addiction "
     "found a rise.", "European Monitoring Centre for Zorbs and Zorb Addiction", O),
    ("nationality-institution-of", "A report by the European Centre of Zorb Studies found a rise.",
     "European Centre of Zorb Studies", O),
    # negative rows: people stay people
    ("no-article-a-person", "Yesterday Zorblatt Quux said no.", "Zorblatt Quux", P),
    ("the-and-a-given-name", "He praised the Jane Doe we knew.", "Jane Doe", P),
    ("the-and-a-title", "He thanked the Rev Zorblatt Quux for it.", "Zorblatt Quux", P),
    ("the-and-a-plural", "He sold the Zorblatt Polaroids in 2009.", "Zorblatt Polaroids", P),
]


@pytest.mark.parametrize(("what", "text", "name", "etype"), ORG_ROWS, ids=[r[0] for r in ORG_ROWS])
def test_organisations_read_as_people(what: str, text: str, name: str, etype: EntityType) -> None:
    entities, _ = find_entities(article(text))
    by_name = {e.name: e for e in entities}
    assert name in by_name and by_name[name].type is etype, [(e.name, e.type) for e in entities]


# --- Arabic names: a kunya, a particle written apart, a direction mark ------------------------------

ARABIC_ROWS = [
    # (id, paragraphs, pairs (surface, entity name) that must be found, names that must not be entities)
    ("kunya-short-form-joins", ["Yesterday Abu Zorblatt al-Quuxi said no.", "On Monday Abu Zorblatt added more."],
     [("Abu Zorblatt", "Abu Zorblatt al-Quuxi")], ["Abu Zorblatt"]),
    ("kunya-of-two-people-joins-neither",
     ["Yesterday Abu Zorblatt al-Quuxi and Abu Zorblatt al-Fooi met.", "On Monday Abu Zorblatt added more."],
     [("Abu Zorblatt", "Abu Zorblatt")], []),
    ("no-kunya-no-prefix-join", ["Yesterday Jane Doe Roe said no.", "On Monday Jane Doe added more."],
     [("Jane Doe", "Jane Doe")], []),
    ("particle-written-apart", ["Yesterday Ibrahim al- Zorblatti said no.", "On Monday Zorblatti added more."],
     [("Ibrahim al- Zorblatti", "Ibrahim al-Zorblatti"), ("Zorblatti", "Ibrahim al-Zorblatti")], ["Ibrahim"]),
    ("particle-written-apart-and-joined", ["Yesterday Ibrahim al- Zorblatti said no.", "Later, al-Zorblatti added more."],
     [("al-Zorblatti", "Ibrahim al-Zorblatti")], ["Ibrahim", "Zorblatti"]),
    ("a-word-and-a-hyphen-is-no-particle", ["It was an all- Zorblatt Quux affair."], [], ["all-Zorblatt Quux"]),
    ("direction-mark-after-a-title", ["Yesterday Prime Minister\u200e Haider al-Zorblatti said no.",
                                      "On Monday Zorblatti added more."],
     [("Haider al-Zorblatti", "Haider al-Zorblatti"), ("Zorblatti", "Haider al-Zorblatti")], []),
]


@pytest.mark.parametrize(("what", "paragraphs", "wanted", "not_names"), ARABIC_ROWS, ids=[r[0] for r in ARABIC_ROWS])
def test_arabic_names(what: str, paragraphs: list[str], wanted: list[tuple[str, str]], not_names: list[str]) -> None:
    found = who(*paragraphs)
    for pair in wanted:
        assert pair in found, found
    assert not {name for _, name in found} & set(not_names), found


def test_a_kunya_joins_the_one_full_name_across_articles() -> None:
    def run(*names: str) -> tuple[dict[tuple[str, str], str], list[str]]:
        entities, id_map = merge_entities([_ann(f"a{n}", LocalEntity(name, name, P)) for n, name in enumerate(names)])
        return id_map, [e.name for e in entities]

    id_map, _ = run("Abu Zorblatt al-Quuxi", "Abu Zorblatt")
    assert id_map[("a0", "Abu Zorblatt al-Quuxi")] == id_map[("a1", "Abu Zorblatt")]
    id_map, _ = run("Abu Zorblatt al-Quuxi", "Abu Zorblatt al-Fooi", "Abu Zorblatt")
    assert id_map[("a2", "Abu Zorblatt")] not in (id_map[("a0", "Abu Zorblatt al-Quuxi")],
                                                  id_map[("a1", "Abu Zorblatt al-Fooi")])
    id_map, _ = run("Jane Doe Roe", "Jane Doe")  # no kunya: a shorter name is no prefix of one person
    assert id_map[("a0", "Jane Doe Roe")] != id_map[("a1", "Jane Doe")]


# --- a surname with a title: the bearer of that title, never the holder of another -------------------

TITLED_ROWS = [
    # (id, paragraphs, (surface, entity name) of the last mention)
    ("title-goes-to-its-holder",
     ["Sen. Mark Zorblatt spoke first.", "Rep. Dana Zorblatt, his sister, spoke next.", "Sen. Zorblatt said no."],
     ("Zorblatt", "Mark Zorblatt")),
    ("title-spelled-out-is-the-same",
     ["Senator Mark Zorblatt spoke first.", "Rep. Dana Zorblatt, his sister, spoke next.", "Sen. Zorblatt said no."],
     ("Zorblatt", "Mark Zorblatt")),
    # negative rows: no title, or no holder of it, and the most recent bearer as before
    ("no-title-most-recent", ["Sen. Mark Zorblatt spoke first.", "Rep. Dana Zorblatt, his sister, spoke next.",
                              "Zorblatt said no."], ("Zorblatt", "Dana Zorblatt")),
    ("no-holder-most-recent", ["Mark Zorblatt spoke first.", "Dana Zorblatt, his sister, spoke next.",
                               "Sen. Zorblatt said no."], ("Zorblatt", "Dana Zorblatt")),
]


@pytest.mark.parametrize(("what", "paragraphs", "last"), TITLED_ROWS, ids=[r[0] for r in TITLED_ROWS])
def test_a_titled_surname(what: str, paragraphs: list[str], last: tuple[str, str]) -> None:
    found = who(*paragraphs)
    assert found[-1] == last, found


def test_two_titles_are_two_people() -> None:
    entities, mentions = find_entities(article("Sen. Zorblatt said the vote would wait.",
                                               "Rep. Zorblatt said the House would not.", "Sen. Zorblatt said no."))
    keys = [m.key for m in mentions if m.surface == "Zorblatt"]
    assert len(keys) == 3 and keys[0] == keys[2] != keys[1], [(m.surface, m.key) for m in mentions]
    entities, mentions = find_entities(article("Sen. Zorblatt said the vote would wait.", "Senator Zorblatt said no."))
    assert len({m.key for m in mentions if m.surface == "Zorblatt"}) == 1  # one office, however written


def _ent(name: str, roles: tuple[str, ...] = (), aliases: tuple[str, ...] = ()) -> LocalEntity:
    return LocalEntity(name, name, P, aliases, roles)


TITLED_ACROSS = [
    # (id, article entities (one article each), groups of indexes that must be one, pairs that must be apart)
    ("titled-surnames-two-offices-apart", [_ent("Zorblatt", ("Sen.",)), _ent("Zorblatt", ("Rep.",))], [], [(0, 1)]),
    ("titled-surname-to-its-holder",
     [_ent("Mark Zorblatt", ("Senator",)), _ent("Dana Zorblatt", ("Rep.",)), _ent("Zorblatt", ("Sen.",)),
      _ent("Zorblatt", ("Rep.",))], [(0, 2), (1, 3)], [(0, 1)]),
    ("one-office-however-written", [_ent("Zorblatt", ("Sen.",)), _ent("Zorblatt", ("Senator",))], [(0, 1)], []),
    ("a-bare-surname-joins-the-one-titled", [_ent("Zorblatt", ("Sen.",)), _ent("Zorblatt")], [(0, 1)], []),
    ("a-bare-surname-of-two-titled-joins-neither",
     [_ent("Zorblatt", ("Sen.",)), _ent("Zorblatt", ("Rep.",)), _ent("Zorblatt")], [], [(0, 2), (1, 2), (0, 1)]),
    ("bare-surnames-join-each-other", [_ent("Zorblatt"), _ent("Zorblatt")], [(0, 1)], []),
    ("full-names-with-two-titles-one-person", [_ent("Dana Zorblatt", ("Rep.",)), _ent("Dana Zorblatt", ("Sen.",))],
     [(0, 1)], []),  # (an office changes: a full name says who it is)
]


@pytest.mark.parametrize(("what", "locals_", "one", "apart"), TITLED_ACROSS, ids=[r[0] for r in TITLED_ACROSS])
def test_titled_surnames_across_articles(what: str, locals_: list[LocalEntity], one: list[tuple[int, int]],
                                         apart: list[tuple[int, int]]) -> None:
    _, id_map = merge_entities([_ann(f"a{n}", e) for n, e in enumerate(locals_)])
    of = [id_map[(f"a{n}", e.key)] for n, e in enumerate(locals_)]
    for a, b in one:
        assert of[a] == of[b], (a, b, of)
    for a, b in apart:
        assert of[a] != of[b], (a, b, of)


PEER_ROWS = [
    # (id, article entities (one article each), groups of indexes that must be one, pairs that must be apart)
    ("peer-alone-joins-the-one-designated", [_ent("Lord Zorblatt of Anytown"), _ent("Lord Zorblatt")], [(0, 1)], []),
    ("peer-alone-of-two-designated-joins-neither",
     [_ent("Lord Zorblatt of Anytown"), _ent("Lord Zorblatt of Westshire"), _ent("Lord Zorblatt")], [],
     [(0, 1), (0, 2), (1, 2)]),
    ("baroness-is-no-lord", [_ent("Lord Zorblatt of Anytown"), _ent("Baroness Zorblatt")], [], [(0, 1)]),
]


@pytest.mark.parametrize(("what", "locals_", "one", "apart"), PEER_ROWS, ids=[r[0] for r in PEER_ROWS])
def test_peers_across_articles(what: str, locals_: list[LocalEntity], one: list[tuple[int, int]],
                               apart: list[tuple[int, int]]) -> None:
    test_titled_surnames_across_articles(what, locals_, one, apart)


# --- "Jane and John Doe": two people of one surname ---------------------------------------------

SHARED_ROWS = [
    # (id, paragraphs, pairs (surface, entity name) that must be found, names that must not be entities)
    ("given-and-full-name", ["Jane and John Zorblatt arrived on Monday.", "Zorblatt said he was tired."],
     [("Jane", "Jane Zorblatt"), ("John Zorblatt", "John Zorblatt"), ("Zorblatt", "John Zorblatt")], ["Jane"]),
    ("given-and-full-name-her-pronoun", ["Jane and John Zorblatt arrived on Monday.", "Zorblatt said she was tired."],
     [("Zorblatt", "Jane Zorblatt")], ["Jane"]),
    ("given-and-full-name-later", ["Jane and John Zorblatt arrived on Monday.", "Later, Jane Zorblatt left."],
     [("Jane", "Jane Zorblatt"), ("Jane Zorblatt", "Jane Zorblatt")], ["Jane"]),
    ("common-given-names-mid-sentence", ["Police named Tom and Mark Zorblatt as suspects."],
     [("Tom", "Tom Zorblatt"), ("Mark Zorblatt", "Mark Zorblatt")], ["Tom"]),
    # negative rows: a place, a non-given name, or someone else's name before "and"
    ("place-and-full-name", ["Jordan and John Zorblatt were mentioned.", "Zorblatt said he was tired."],
     [("John Zorblatt", "John Zorblatt")], ["Jordan Zorblatt"]),
    ("org-and-full-name", ["Acme and John Zorblatt were sued on Monday."], [("John Zorblatt", "John Zorblatt")],
     ["Acme Zorblatt"]),
    ("full-and-full-name", ["Jane Quux and John Zorblatt arrived on Monday."], [("Jane Quux", "Jane Quux")],
     ["Jane Quux Zorblatt"]),
]


@pytest.mark.parametrize(("what", "paragraphs", "wanted", "not_names"), SHARED_ROWS, ids=[r[0] for r in SHARED_ROWS])
def test_a_shared_surname(what: str, paragraphs: list[str], wanted: list[tuple[str, str]], not_names: list[str]) -> None:
    found = who(*paragraphs)
    for pair in wanted:
        assert pair in found, found
    assert not {name for _, name in found} & set(not_names), found


FAMILY_ROWS = [
    # (id, paragraphs, names that must not be entities, names that must be)
    ("family-plural-no-page", ["John Zorblatt spoke first.", "The Zorblatts have lived there since 1990."],
     ["Zorblatts"], ["John Zorblatt"]),
    ("family-plural-mid-sentence", ["John Zorblatt spoke first.", "Neighbours said the Zorblatts were kind."],
     ["Zorblatts"], ["John Zorblatt"]),
    # negative rows: no one of the surname, or a plural that is no surname's
    ("plural-of-no-surname", ["John Zorblatt spoke first.", "The Quuxes have lived there since 1990."], [], ["Quuxes"]),
]


@pytest.mark.parametrize(("what", "paragraphs", "absent", "present"), FAMILY_ROWS, ids=[r[0] for r in FAMILY_ROWS])
def test_a_family_by_its_plural(what: str, paragraphs: list[str], absent: list[str], present: list[str]) -> None:
    entities, _ = find_entities(article(*paragraphs))
    names = {e.name for e in entities if e.confidence >= THRESHOLD}  # (a family: people, too unsure for a page)
    assert not names & set(absent) and set(present) <= names, names
    assert all(e.type is P for e in entities if e.name in absent)
