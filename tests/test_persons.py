"""Persons: given names from maintained data, roles written for their holders ("the Minister"),
titles and ranks kept out of names, surnames alone. Every name here is made up (or a given
name alone); most rows have a negative twin, since a wrong person is worse than a missing one.
"""
from __future__ import annotations

import pytest

from builder.annotate import lexicon, people, roles
from builder.annotate.entities import find_entities
from builder.model import EntityType
from tests.test_people import article

P, O, L = EntityType.PERSON, EntityType.ORG, EntityType.PLACE


def entities_of(*paragraphs: str) -> dict[str, tuple[EntityType, list[str]]]:
    """name -> (type, the surfaces of its mentions) of a made-up article."""
    entities, mentions = find_entities(article(*paragraphs))
    out = {}
    for e in entities:
        out[e.name] = (e.type, [m.surface for m in mentions if m.key == e.key])
    return out


# --- given names ---------------------------------------------------------------------------

GIVEN = [
    # (id, word, a given name?, sex)
    ("from maintained data", "ottilie", True, "female"),
    ("a man's name from maintained data", "tariq", True, "male"),
    ("the hand list keeps an english word", "bill", True, "male"),
    ("an english word is no given name", "hope", False, None),
    ("a known place is no given name", "paris", False, None),
    ("a religion is no given name", "islam", False, None),
    ("a name of both sexes has no sex", "morgan", True, None),
    ("the hand list wins over the data", "george", True, "male"),
    ("a name of both sexes in english public life", "hilary", True, None),
]


@pytest.mark.parametrize(("what", "word", "given", "sex"), GIVEN, ids=[g[0] for g in GIVEN])
def test_given_names(what: str, word: str, given: bool, sex: str | None) -> None:
    assert (word in lexicon.given_names()) is given
    assert people.given_gender(word) == sex


TYPED = [
    # (id, paragraphs, name, type)
    ("a lone given name is a person", ["Later, Ottilie said she was tired."], "Ottilie", P),
    ("a lone given name that is an english word too", ["They thanked Frank for it."], "Frank", P),
    ("a given name and a law's word", ["Yesterday Ottilie Law arrived in town."], "Ottilie Law", P),
    ("a given name and 'Act' is a law", ["Yesterday the Ottilie Act passed."], "Ottilie Act", EntityType.OTHER),
    ("a law's word after a common word", ["Yesterday the Freedom Law passed."], "Freedom Law", EntityType.OTHER),
    ("an appositive only a person is", ["Zorblatt Quux, a local woman, said so."], "Zorblatt Quux", P),
    ("an appositive a firm is", ["Later Zorblatt, a local firm, said so."], "Zorblatt", O),
    ("a town's head word is no given name", ["Near Tal Zorblatt, one strike hit a truck."], "Tal Zorblatt", L),
    ("a title in capitals and a common word is no person", ["A review in PC World praised it."], "PC World", O),
    ("a given name before a common word is a person", ["Yesterday Jane Soup arrived in town."], "Jane Soup", P),
    ("an unknown word before a common word is no person", ["Yesterday Zorblatt Soup sold out."], "Zorblatt Soup", O),
    ("a surname of two letters is no common word here", ["Yesterday Zorblatt Ho arrived in town."], "Zorblatt Ho", P),
    ("a lone unknown word stays an organisation", ["Later, Zorblatt said it was tired."], "Zorblatt", O),
    ("a pair with a given name from the data", ["Yesterday Tariq Zorblatt arrived in town."], "Tariq Zorblatt", P),
    ("a storm named after a person is an event", ["Hurricane Ottilie made landfall near Acmeville."],
     "Hurricane Ottilie", EntityType.EVENT),
]


def test_the_bill_is_no_person() -> None:
    found = entities_of("MPs debated the Bill on Monday. Later, Frank spoke.")
    assert found.get("Bill", (None,))[0] is not P, found


@pytest.mark.parametrize(("what", "paragraphs", "name", "etype"), TYPED, ids=[t[0] for t in TYPED])
def test_typed(what: str, paragraphs: list[str], name: str, etype: EntityType) -> None:
    found = entities_of(*paragraphs)
    assert name in found and found[name][0] is etype, found


def test_a_lone_given_name_joins_the_person_named_in_full() -> None:
    found = entities_of("Ottilie Zorblatt, a teacher, spoke on Monday.", "“It is unfair,” Ottilie said.")
    assert found["Ottilie Zorblatt"][1] == ["Ottilie Zorblatt", "Ottilie"]
    assert "Ottilie" not in found


# --- roles written for their holders ---------------------------------------------------------

ROLE_LINKS = [
    # (id, paragraphs, surface of the role, name of its holder or None)
    ("role before the name",
     ["Foreign Secretary Jane Doe arrived in Acmeville.", "The Foreign Secretary said the talks went well."],
     "Foreign Secretary", "Jane Doe"),
    ("role, comma, name",
     ["The Foreign Secretary, Jane Doe, said: “We welcome it.”", "Later the Foreign Secretary left."],
     "Foreign Secretary", "Jane Doe"),
    ("name, comma, role with a portfolio",
     ["Jane Doe, Minister for Health, said the plan was sound.", "The Minister also met doctors."],
     "Minister", "Jane Doe"),
    ("a shorter role of the holder's", ["Health Minister Jane Doe spoke.", "The Minister said no."],
     "Minister", "Jane Doe"),
    ("two holders of the role: no one",
     ["Prime Minister Jane Doe met Prime Minister John Roe.", "The Prime Minister said the talks went well."],
     "Prime Minister", None),
    ("two ministers: no one",
     ["Health Minister Jane Doe met Finance Minister John Roe.", "The Minister said the talks went well."],
     "Minister", None),
    ("a holder of another role: no one",
     ["Foreign Secretary Jane Doe met Defence Secretary John Roe.", "The Prime Minister said no."],
     "Prime Minister", None),
    ("a role beside another holder of it in one sentence: no one",
     ["The Prime Minister met Prime Minister Jane Doe in Acmeville."], "Prime Minister", None),
    ("a role before its subject", ["Secretary of State for Health Jane Doe spoke.", "The Secretary of State said no."],
     "Secretary of State", "Jane Doe"),
    ("a role, its subject and the name",
     ["Minister for the Middle East Jane Doe arrived.", "The Minister said the talks went well."], "Minister",
     "Jane Doe"),
    ("the vice president is not the president",
     ["Vice President Jane Doe met Acme workers.", "The President said the talks went well."], "President", None),
    ("no holder named: no one", ["The Foreign Secretary said the talks went well."], "Foreign Secretary", None),
    ("a foreign holder is not the article's",
     ["French Foreign Minister Jane Doe arrived.", "The Foreign Minister said the talks went well."],
     "Foreign Minister", None),
    ("a foreign role beside its holder",
     ["Jane Doe met the French Foreign Minister, John Roe, in Acmeville.", "The French Foreign Minister left."],
     "French Foreign Minister", "John Roe"),
    ("a role with 'to' after it is a portfolio, no mention",
     ["According to French Ambassador to the United States John Roe, it went well."], "French Ambassador", None),
    ("a former holder is no mention",
     ["Foreign Secretary Jane Doe arrived.", "A former Foreign Secretary said the talks went badly."],
     "Foreign Secretary", None),
    ("a role in lower case is no mention",
     ["Foreign Secretary Jane Doe arrived.", "The foreign secretary said the talks went well."],
     "foreign secretary", None),
]


@pytest.mark.parametrize(("what", "paragraphs", "role", "holder"), ROLE_LINKS, ids=[r[0] for r in ROLE_LINKS])
def test_roles_name_their_one_holder(what: str, paragraphs: list[str], role: str, holder: str | None) -> None:
    found = entities_of(*paragraphs)
    with_role = [name for name, (_, surfaces) in found.items() if role in surfaces]
    assert with_role == ([holder] if holder else []), found


def test_a_role_written_for_a_person_is_a_role_of_theirs() -> None:
    entities, _ = find_entities(article("The Foreign Secretary, Jane Doe, said yes.", "Later the Foreign Secretary left."))
    (jane,) = [e for e in entities if e.name == "Jane Doe"]
    assert jane.roles == ("Foreign Secretary",) and "Foreign Secretary" not in jane.aliases


def test_a_role_is_never_the_name_of_its_holder() -> None:
    found = entities_of("Secretary of State Jane Doe arrived.", "The Secretary of State said the talks went well.")
    assert found["Jane Doe"] == (P, ["Jane Doe", "Secretary of State"])


HOLDER_ROWS = [  # (rule id, text): a row per rule of roles.HOLDER_RULES, and a negative twin
    ("role-comma-name", "The Foreign Secretary, Jane Doe, said so.", True),
    ("role-comma-name", "They met the Foreign Secretary, Jane Doe.", True),
    ("role-comma-name", "The Foreign Secretary, Jane Doe and John Roe met.", False),
    ("name-comma-role", "Jane Doe, Minister for Health, said so.", True),
    ("name-comma-role", "Jane Doe, the Minister and John Roe met.", False),
    ("role-subject-name", "Chancellor of the Exchequer Jane Doe said so.", True),
    ("role-subject-name", "The Chancellor of the Exchequer met Jane Doe.", False),
]


def test_every_holder_rule_has_a_row() -> None:
    assert sorted(r.id for r in roles.HOLDER_RULES) == sorted({row[0] for row in HOLDER_ROWS})


@pytest.mark.parametrize(("rule_id", "text", "fires"), HOLDER_ROWS, ids=[f"{r[0]}-{r[2]}" for r in HOLDER_ROWS])
def test_each_holder_rule(rule_id: str, text: str, fires: bool) -> None:
    from builder.annotate import candidates

    rule = next(r for r in roles.HOLDER_RULES if r.id == rule_id)
    founds = candidates.find(text)
    role = next(f for f in founds if f.role_only)
    person = next(f for f in founds if f.name == "Jane Doe")
    assert rule.trigger(roles.Beside(role, person, text)) is fires


FITS = [
    ("same words", "the Foreign Secretary", "Foreign Secretary", True),
    ("a shorter form", "The Minister", "Foreign Office Minister", True),
    ("another office", "The Prime Minister", "Foreign Secretary", False),
    ("a country's office", "the Foreign Minister", "French Foreign Minister", False),
    ("an institution's minister is the minister", "The Minister", "NATO Minister", True),
    ("a role before what it is of", "the Chancellor", "Chancellor of the Exchequer", True),
    ("a role before what it is for", "the Secretary of State", "Secretary of State for Health", True),
    ("a subject is no role", "the Exchequer", "Chancellor of the Exchequer", False),
    ("a vice president is not the president", "the President", "Vice President", False),
    ("a lord chancellor is not the chancellor", "the Chancellor", "Lord Chancellor", False),
    ("an opposition leader is not the leader", "the Leader", "Opposition Leader", False),
    ("a press secretary is not the secretary", "the Secretary", "Pentagon Press Secretary", False),
    ("a deputy prime minister is not the prime minister", "The Prime Minister", "Deputy Prime Minister", False),
    ("a prime minister is not the minister", "The Minister", "Prime Minister", False),
    ("a longer form than the holder's", "the Deputy Foreign Minister", "Foreign Minister", False),
]


@pytest.mark.parametrize(("what", "mention", "held", "same"), FITS, ids=[f[0] for f in FITS])
def test_role_fits(what: str, mention: str, held: str, same: bool) -> None:
    assert roles.fits(mention, held) is same


# --- titles, ranks and peers' designations -------------------------------------------------

NAMES = [
    # (id, paragraphs, names that must be found, names that must not)
    ("a rank with its class is no organisation",
     ["We mourn Navy Special Warfare Operator 1st Class Jane Q. Doe, who died on Monday."],
     ["Jane Q. Doe"], ["Navy Special Warfare Operator"]),
    ("a rank written in words", ["Airman First Class Jane Doe arrived."], ["Jane Doe"], ["Airman"]),
    ("a rank is no role mention", ["Petty Officer Doe spoke.", "Petty Officer 1st Class Jane Doe arrived."],
     ["Jane Doe"], ["Petty Officer"]),
    ("a peer keeps the place of the title",
     ["Baroness Roe of Anytown said the bill was flawed.", "Baroness Roe added that she would vote against it."],
     ["Baroness Roe of Anytown"], ["Anytown", "Roe of Anytown", "Baroness Roe"]),
    ("an organisation's name before a person's", ["The head of the Acme Council Jane Doe spoke."],
     ["Acme Council", "Jane Doe"], ["Acme Council Jane Doe"]),
    ("an acronym before a person's", ["Yesterday ZQX Bill Zorblatt spoke to reporters."], ["ZQX", "Bill Zorblatt"],
     ["ZQX Bill Zorblatt"]),
    ("an english word after an acronym is no given name", ["The ZQX Will Act was passed."], [], ["Will Act"]),
    ("a caption's label is no part of the name", ["The winner, Jane Doe Image: Acme Zorblatt."], ["Jane Doe"],
     ["Jane Doe Image"]),
    ("a label without a colon stays", ["They met at Zorblatt Image Works today."], ["Zorblatt Image Works"], []),
    ("a title before a place alone is no person's", ["Fans dressed as Captain France cheered."], [], ["France"]),
    ("a title in capitals before a common word", ["A review in PC World praised it."], [], ["World"]),
    ("a title in capitals before a name", ["Later, PC Jane Doe arrived."], ["Jane Doe"], ["PC Jane Doe"]),
    ("a numbered document after a title is no one", ["It came under Executive Order 13582 today."], [], ["Order"]),
    ("a given name in two syllables after a surname", ["Yesterday Lam Cheuk-ting won the seat."],
     ["Lam Cheuk-ting"], ["Cheuk"]),
    ("a modifier after a name stays out", ["The Zorblatt Kremlin-led group met."], [], ["Kremlin-led"]),
    ("a commoner's 'of' is no designation", ["Jane Doe of Acme Holdings said so."], ["Jane Doe", "Acme Holdings"],
     ["Jane Doe of Acme Holdings"]),
]


@pytest.mark.parametrize(("what", "paragraphs", "wanted", "unwanted"), NAMES, ids=[n[0] for n in NAMES])
def test_names(what: str, paragraphs: list[str], wanted: list[str], unwanted: list[str]) -> None:
    found = entities_of(*paragraphs)
    for name in wanted:
        assert name in found, found
    for name in unwanted:
        assert name not in found, found


def test_a_peer_with_a_designation_is_one_person_in_the_article() -> None:
    found = entities_of("Baroness Roe of Anytown said the bill was flawed.", "Baroness Roe said she would vote.")
    assert found["Baroness Roe of Anytown"] == (P, ["Roe of Anytown", "Roe"])


def test_two_peers_of_one_surname_stay_apart_across_articles() -> None:
    from builder.annotate.resolve import merge_entities
    from tests.test_people import ann, ent

    entities, _ = merge_entities([ann("a1", ent("Baroness Roe of Anytown")), ann("a2", ent("Baroness Roe of Otherby")),
                                  ann("a3", ent("Lord Roe of Anytown"))])
    assert len(entities) == 3, entities
    entities, _ = merge_entities([ann("a1", ent("Baroness Roe of Anytown")), ann("a2", ent("Baroness Roe of Anytown"))])
    assert len(entities) == 1, entities


# --- a surname alone as a speaker ------------------------------------------------------------

SPEAKERS = [
    # (id, paragraphs, name, type)
    ("a surname with she after said", ["Yesterday Zorblatt said she would go."], "Zorblatt", P),
    ("a surname with it after said stays an organisation", ["Yesterday Zorblatt said it would go."], "Zorblatt", O),
    ("a surname after a quote and said", ["“We will go,” said Zorblatt."], "Zorblatt", P),
    ("a parenthetical said", ["Recipients, said Zorblatt, must show the works."], "Zorblatt", P),
    ("said with more after the name stays an organisation", ["“We will go,” said Zorblatt in a statement."],
     "Zorblatt", O),
]


@pytest.mark.parametrize(("what", "paragraphs", "name", "etype"), SPEAKERS, ids=[s[0] for s in SPEAKERS])
def test_speakers_by_surname(what: str, paragraphs: list[str], name: str, etype: EntityType) -> None:
    found = entities_of(*paragraphs)
    assert found[name][0] is etype, found


# --- a surname that is a known place ---------------------------------------------------------

def test_a_place_surname_is_the_person_unless_the_text_says_place() -> None:
    found = entities_of("Jane Paris arrived on Monday.", "Later, Paris said she was tired.",
                        "The talks in Paris failed.")
    assert found["Jane Paris"] == (P, ["Jane Paris", "Paris"])
    assert found["Paris"] == (L, ["Paris"])


def test_a_place_joined_as_a_surname_makes_no_place_of_the_person() -> None:
    found = entities_of("Jane Paris arrived on Monday.", "Paris said she was tired. Paris added that she would stay.")
    assert found["Jane Paris"][0] is P


def test_a_place_that_describes_a_role_makes_no_place_of_the_person() -> None:
    found = entities_of("After the match, Zorblatt Quux Flob, Kenya coach, said it was hard.")
    assert found["Zorblatt Quux Flob"][0] is P, found
    found = entities_of("They live in Zorblattville, Texas, now.")
    assert found["Zorblattville"][0] is L, found


# --- across a dossier ------------------------------------------------------------------------

ROLE_ARTICLES = {
    "one.txt": "Talks in Anytown\n\nForeign Secretary Jane Doe arrived in Anytown on Monday. "
               "The Foreign Secretary said the talks went well.\n",
    "two.txt": "New minister\n\nForeign Secretary John Roe met envoys on Tuesday. "
               "The Foreign Secretary said he was hopeful.\n",
    "three.txt": "Statement\n\nThe Foreign Secretary said on Wednesday that the talks would go on.\n",
}


def test_a_role_names_its_holder_in_each_article_and_joins_no_two(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from builder.pipeline import assemble

    folder = tmp_path / "dossier"
    (folder / "articles").mkdir(parents=True)
    for name, text in ROLE_ARTICLES.items():
        (folder / "articles" / name).write_text(text, encoding="utf-8")
    dossier, _ = assemble(folder)
    names = {e.id: e for e in dossier.entities}
    said: dict[tuple[str, str], list[str]] = {}
    for art, annotation in zip(dossier.articles, dossier.annotations, strict=True):
        for mention in annotation.mentions:
            entity = names.get(dossier.entity_of.get((art.id, mention.key), ""))
            if entity is not None:
                said.setdefault((art.file, entity.name), []).append(mention.surface)
    assert said[("one.txt", "Jane Doe")] == ["Jane Doe", "Foreign Secretary"]
    assert said[("two.txt", "John Roe")] == ["John Roe", "Foreign Secretary"]
    assert not any(file == "three.txt" for file, _ in said)  # no holder named there: no one
    people_ = [e for e in dossier.entities if e.type is P]
    assert sorted(e.name for e in people_) == ["Jane Doe", "John Roe"]
    assert all("Foreign Secretary" not in e.aliases for e in people_)


def test_a_surname_particle_joined_by_a_hyphen_is_the_same_name() -> None:
    from builder.annotate.resolve import merge_entities
    from tests.test_people import ann, ent

    entities, _ = merge_entities([ann("a1", ent("Jamal al-Zorblatt")), ann("a2", ent("Jamal Al Zorblatt"))])
    assert len(entities) == 1, entities
    entities, _ = merge_entities([ann("a1", ent("Jamal al-Zorblatt")), ann("a2", ent("Omar al-Zorblatt"))])
    assert len(entities) == 2, entities
    found = entities_of("Jamal al-Zorblatt spoke on Monday.", "Later Al-Zorblatt said no. Zorblatt left.")
    assert found["Jamal al-Zorblatt"][1] == ["Jamal al-Zorblatt", "Al-Zorblatt", "Zorblatt"]


def test_a_short_form_of_a_given_name_joins_across_articles() -> None:
    from builder.annotate.resolve import merge_entities
    from tests.test_people import ann, ent

    assert len(merge_entities([ann("a1", ent("Antony Doe")), ann("a2", ent("Tony Doe"))])[0]) == 1
    assert len(merge_entities([ann("a1", ent("Antony Doe")), ann("a2", ent("Toby Doe"))])[0]) == 2
