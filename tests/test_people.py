"""People resolved with care: honorifics, given names, peers, surnames alone, curated aliases.

Every name here is made up. A wrong merge of two people is the worst error the builder can
make, so most rows are negative cases: mentions that must stay apart.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.annotate import people
from builder.annotate.entities import find_entities
from builder.annotate.resolve import merge_entities
from builder.curate import CuratedEntity, apply_curated
from builder.model import Annotation, Article, Block, BlockKind, EntityType, LocalEntity, Mention
from builder.pipeline import assemble
from builder.review import unconfirmed

P, O = EntityType.PERSON, EntityType.ORG


def article(*paragraphs: str, article_id: str = "a") -> Article:
    source = "\n".join(paragraphs)
    blocks, offset = [], 0
    for n, line in enumerate(paragraphs, start=1):
        blocks.append(Block(BlockKind.PARAGRAPH, line, offset, n))
        offset += len(line) + 1
    return Article(article_id, f"{article_id}.txt", source, "t", True, (), None, tuple(blocks), (), ())


def who(*paragraphs: str) -> list[tuple[str, str]]:
    """(surface, name of the article entity it joined) for every mention, in order."""
    entities, mentions = find_entities(article(*paragraphs))
    names = {e.key: e.name for e in entities}
    return [(m.surface, names[m.key]) for m in mentions]


# --- the word lists -----------------------------------------------------------------------

HONORIFICS = [
    # (id, honorific, gender, peer)
    ("mrs-female", "Mrs", "female", False),
    ("mrs-dot", "Mrs.", "female", False),
    ("mr-male", "Mr", "male", False),
    ("ms-female", "Ms", "female", False),
    ("baroness-peer", "Baroness", "female", True),
    ("lord-peer", "Lord", "male", True),
    ("lady-peer", "Lady", "female", True),
    ("sir-male-no-peer", "Sir", "male", False),
    ("dame-female-no-peer", "Dame", "female", False),
    ("dr-says-nothing", "Dr", None, False),
    ("not-an-honorific", "Minister", None, False),
]


@pytest.mark.parametrize(("what", "word", "gender", "peer"), HONORIFICS, ids=[h[0] for h in HONORIFICS])
def test_honorifics_are_data(what: str, word: str, gender: str | None, peer: bool) -> None:
    assert people.honorific_gender(word) == gender
    assert people.is_peer(word) is peer


COMPATIBLE = [
    # (id, name a, honorifics of a, name b, honorifics of b, may they be one person)
    ("same full name", "Jane Doe", (), "Jane Doe", (), True),
    ("surname and full name", "Doe", (), "Jane Doe", (), True),
    ("mrs and a woman's name", "Doe", ("Mrs",), "Jane Doe", (), True),
    ("mrs and a man's name", "Doe", ("Mrs",), "John Doe", (), False),
    ("baroness and a man's name", "Doe", ("Baroness",), "Charles Doe", (), False),
    ("mr and a woman's name", "Doe", ("Mr",), "Jane Doe", (), False),
    ("mr and mrs", "Doe", ("Mr",), "Doe", ("Mrs",), False),
    ("two given names", "Jane Doe", (), "John Doe", (), False),
    ("a short form of a given name", "Jim Doe", (), "James Doe", (), True),
    ("a given name of either sex", "Robin Doe", (), "Doe", ("Mrs",), True),
    ("dr says nothing", "Doe", ("Dr",), "Jane Doe", (), True),
]


@pytest.mark.parametrize(("what", "a", "ha", "b", "hb", "same"), COMPATIBLE, ids=[c[0] for c in COMPATIBLE])
def test_who_may_be_one_person(what: str, a: str, ha: tuple[str, ...], b: str, hb: tuple[str, ...],
                               same: bool) -> None:
    assert people.compatible(people.Person.of(a, ha), people.Person.of(b, hb)) is same
    assert people.compatible(people.Person.of(b, hb), people.Person.of(a, ha)) is same


# --- inside one article ---------------------------------------------------------------------

IN_ARTICLE = [
    # (id, paragraphs, pairs (surface, entity name) that must be found, pairs that must not)
    ("mrs is not the husband",
     ["Michael Doe, the party leader, spoke on Monday.", "Mrs Doe, his wife, joined him at the rally."],
     [("Michael Doe", "Michael Doe")], [("Doe", "Michael Doe")]),
    ("baroness is not a man of her surname",
     ["Charles Roe said the party would oppose it.", "Baroness Roe criticised the plan on Tuesday."],
     [("Roe", "Baroness Roe")], [("Roe", "Charles Roe")]),
    ("a peer keeps the title as the name",
     ["Lord Poe, the former attorney general, said the advice was sound.", "Poe added that he stood by it."],
     [("Poe", "Lord Poe")], [("Poe", "Poe")]),
    ("a peer is not a commoner of the surname",
     ["Zac Poe spoke first.", "Lord Poe, the former attorney general, said the advice was sound."],
     [("Zac Poe", "Zac Poe"), ("Poe", "Lord Poe")], [("Poe", "Zac Poe")]),
    ("mr and mrs go to the man and the woman",
     ["Jane Doe and John Doe were both at the rally.", "Mr Doe said it went well. Mrs Doe disagreed."],
     [("Doe", "John Doe"), ("Doe", "Jane Doe")], []),
    ("a surname goes to the bearer named in full most recently",
     ["Jane Doe spoke first.", "Later, John Doe arrived.", "Doe said the talks had failed."],
     [("Doe", "John Doe")], [("Doe", "Jane Doe")]),
    ("a surname goes to the woman named most recently",
     ["John Doe spoke first.", "Later, Jane Doe arrived.", "Doe said the talks had failed."],
     [("Doe", "Jane Doe")], [("Doe", "John Doe")]),
    ("the pronoun of what a surname says tells a man from a woman",
     ["Jane Doe, the party leader, spoke on Monday. Her husband John Doe declined to comment.",
      "Doe later said she would table an amendment. Doe said he was proud of her."],
     [("Doe", "Jane Doe"), ("Doe", "John Doe")], []),
    ("the pronoun prefers the person known to be a woman",
     ["Mrs Doe, the party leader, spoke on Monday. Her husband Hamish Doe declined to comment.",
      "Doe later said she would table an amendment."],
     [("Doe", "Mrs Doe")], [("Doe", "Hamish Doe")]),
    ("a pronoun says nothing against the only bearer",
     ["John Doe spoke on Monday.", "Doe said she had asked him to stay."],
     [("Doe", "John Doe")], []),
    ("an honorific before a full name of no known sex joins no one",
     ["Mrs Doe spoke first.", "Later, Hamish Doe arrived."],
     [("Doe", "Mrs Doe")], [("Doe", "Hamish Doe")]),
    ("an honorific before the woman's full name joins her",
     ["Mrs Doe spoke first.", "Later, Jane Doe arrived."],
     [("Doe", "Jane Doe")], []),
    ("a programme's title takes no one's name",
     ["Jane Doe will star in An Audience With Jane Doe on Saturday.", "Doe said she was nervous."],
     [("Jane Doe", "Jane Doe"), ("Doe", "Jane Doe")], [("Jane Doe", "Audience With Jane Doe")]),
    ("a surname before anyone is named goes to the first named",
     ["Doe to speak at conference", "Jane Doe, the chancellor, will speak on Tuesday.",
      "Her husband, John Doe, declined to comment."],
     [("Doe", "Jane Doe")], [("Doe", "John Doe"), ("Doe", "Doe")]),
    ("a given name joins the person named in full",
     ["Frank Poe, the MP for Anytown, said the plan was unfair.", "“It is a disgrace,” Frank said."],
     [("Frank", "Frank Poe")], [("Frank", "Frank")]),
    ("a given name two people share joins no one and gets no page",
     ["Frank Poe and Frank Roe met on Monday.", "“It is a disgrace,” Frank said."],
     [], [("Frank", "Frank"), ("Frank", "Frank Poe"), ("Frank", "Frank Roe")]),
    ("mrs with a woman's full name",
     ["Jane Doe, a teacher, spoke on Monday.", "Mrs Doe said the school would stay open."],
     [("Doe", "Jane Doe")], []),
]


@pytest.mark.parametrize(("what", "paragraphs", "wanted", "unwanted"), IN_ARTICLE, ids=[r[0] for r in IN_ARTICLE])
def test_in_one_article(what: str, paragraphs: list[str], wanted: list[tuple[str, str]],
                        unwanted: list[tuple[str, str]]) -> None:
    found = who(*paragraphs)
    for pair in wanted:
        assert pair in found, found
    for pair in unwanted:
        assert pair not in found, found


def test_a_surname_in_a_headline_two_people_bear_joins_neither() -> None:
    art = article("Doe Wins The Vote", "Jane Doe, the party leader, won on Monday.",
                  "Her husband, Senator John Doe, said he was proud.")
    art = Article(art.id, art.file, art.source_text, "Doe Wins The Vote", False, (), None, art.blocks[1:], (), (),
                  headline=Block(BlockKind.HEADING, "Doe Wins The Vote", 0, 1))
    entities, mentions = find_entities(art)
    assert [m.surface for m in mentions if m.start < len("Doe Wins The Vote")] == []
    art = article("Doe Wins The Vote", "Jane Doe, the party leader, won on Monday. Doe said she was glad.",
                  "Her husband, Senator John Doe, said he was proud. Doe said it was deserved.")
    art = Article(art.id, art.file, art.source_text, "Doe Wins The Vote", False, (), None, art.blocks[1:], (), (),
                  headline=Block(BlockKind.HEADING, "Doe Wins The Vote", 0, 1))
    entities, mentions = find_entities(art)
    assert [m.surface for m in mentions if m.start < len("Doe Wins The Vote")] == []


def test_an_honorific_form_is_an_alias() -> None:
    entities, _ = find_entities(article("Jane Doe, a teacher, spoke on Monday.", "Mrs Doe said it would open."))
    (jane,) = [e for e in entities if e.name == "Jane Doe"]
    assert "Mrs Doe" in jane.aliases


# --- across articles --------------------------------------------------------------------------


def ann(article_id: str, *entities: LocalEntity) -> Annotation:
    mentions = tuple(Mention(e.key, e.name.split()[-1], n * 100, n * 100 + 5) for n, e in enumerate(entities))
    return Annotation(article_id, entities, mentions)


def ent(name: str, etype: EntityType = P, aliases: tuple[str, ...] = (), roles: tuple[str, ...] = ()) -> LocalEntity:
    return LocalEntity(name, name, etype, aliases, roles)


APART = [
    ("mrs and a man of her surname", [ent("Michael Doe"), ent("Mrs Doe", aliases=("Doe", "Mrs Doe"))]),
    ("baroness and a man of her surname", [ent("Charles Roe"), ent("Baroness Roe", aliases=("Roe",))]),
    ("mr and mrs alone", [ent("Doe", aliases=("Mr Doe",)), ent("Doe", aliases=("Mrs Doe",))]),
    ("two given names", [ent("Jane Doe"), ent("John Doe")]),
    ("a peer and a commoner", [ent("Zac Poe"), ent("Lord Poe", aliases=("Poe",))]),
    ("a man's name with mrs", [ent("John Doe", aliases=("Mrs Doe",)), ent("Jane Doe")]),
    ("a knight's given name and no knight", [ent("Jonathan Doe"), ent("Jonathan", aliases=("Sir Jonathan",))]),
]


@pytest.mark.parametrize(("what", "locals_"), APART, ids=[a[0] for a in APART])
def test_apart_across_articles(what: str, locals_: list[LocalEntity]) -> None:
    entities, _ = merge_entities([ann(f"a{n}", e) for n, e in enumerate(locals_)])
    assert len(entities) == len(locals_), entities


JOINED = [
    ("same full name", [ent("Jane Doe"), ent("Jane Doe", aliases=("Doe",))]),
    ("mrs and the only woman of her surname", [ent("Jane Doe"), ent("Mrs Doe", aliases=("Doe", "Mrs Doe"))]),
    ("a peer written with a full name", [ent("Peter Poe", aliases=("Lord Peter Poe",)), ent("Lord Poe")]),
    ("a surname and its only bearer", [ent("Jane Doe"), ent("Doe")]),
    ("a knight by his given name", [ent("Jonathan Doe", aliases=("Sir Jonathan Doe",)),
                                   ent("Jonathan", aliases=("Sir Jonathan",))]),
    ("lib dems and liberal democrats", [ent("Liberal Democrats", O), ent("Lib Dems", O)]),
    ("a lib dem and liberal democrats", [ent("Liberal Democrats", O), ent("Lib Dem")]),
    ("the singular of a party's name", [ent("Liberal Democrats", O), ent("Liberal Democrat", O)]),
]


@pytest.mark.parametrize(("what", "locals_"), JOINED, ids=[j[0] for j in JOINED])
def test_joined_across_articles(what: str, locals_: list[LocalEntity]) -> None:
    entities, _ = merge_entities([ann(f"a{n}", e) for n, e in enumerate(locals_)])
    assert len(entities) == 1, entities


def test_a_role_is_known_by_its_head_noun() -> None:
    _, id_map = merge_entities([
        ann("a1", ent("Jane Doe", roles=("US President",))), ann("a2", ent("John Doe", roles=("football coach",))),
        ann("a3", ent("Doe", roles=("President",))), ann("a4", ent("Doe", aliases=("Mr Doe",), roles=("the spokesman",))),
    ])
    assert id_map[("a3", "Doe")] == id_map[("a1", "Jane Doe")]
    assert id_map[("a4", "Doe")] == id_map[("a2", "John Doe")]  # the only man: 'Mr Doe' needs no role


def test_a_surname_alone_takes_no_honorific_from_another_article() -> None:
    _, id_map = merge_entities([
        ann("a1", ent("Jane Doe")), ann("a2", ent("John Doe")), ann("a3", ent("Doe")),
        ann("a4", ent("Doe", aliases=("Mr Doe",))),
    ])
    assert id_map[("a3", "Doe")] not in (id_map[("a1", "Jane Doe")], id_map[("a2", "John Doe")])


def test_a_title_bears_no_surname() -> None:
    entities, id_map = merge_entities([ann("a1", ent("Jane Doe")), ann("a2", ent("An Audience With Jane Doe")),
                                       ann("a3", ent("Doe"))])
    assert id_map[("a3", "Doe")] == id_map[("a1", "Jane Doe")]


def test_a_surname_two_people_bear_joins_neither() -> None:
    entities, id_map = merge_entities([
        ann("a1", ent("Jane Doe")), ann("a2", ent("Jane Doe")), ann("a3", ent("John Doe")), ann("a4", ent("Doe")),
    ])
    assert id_map[("a4", "Doe")] not in {id_map[("a1", "Jane Doe")], id_map[("a3", "John Doe")]}
    (doe,) = [e for e in entities if e.id == id_map[("a4", "Doe")]]
    assert doe.hidden and not doe.confirmed  # in doubt: no page, listed for review


def test_a_surname_with_a_role_joins_the_bearer_of_that_role() -> None:
    _, id_map = merge_entities([
        ann("a1", ent("Jane Doe", roles=("President",))), ann("a2", ent("John Doe", roles=("coach",))),
        ann("a3", ent("Doe", roles=("President",))),
    ])
    assert id_map[("a3", "Doe")] == id_map[("a1", "Jane Doe")]


def test_a_given_name_alone_is_no_page_when_someone_of_that_name_is_named_in_full() -> None:
    entities, id_map = merge_entities([ann("a1", ent("Frank Poe")), ann("a2", ent("Frank"))])
    by_id = {e.id: e for e in entities}
    assert id_map[("a2", "Frank")] != id_map[("a1", "Frank Poe")]
    assert by_id[id_map[("a2", "Frank")]].hidden and not by_id[id_map[("a1", "Frank Poe")]].hidden
    assert not by_id[id_map[("a2", "Frank")]].confirmed  # listed for review, where it may become an alias
    entities, _ = merge_entities([ann("a1", ent("Frank Poe")), ann("a2", ent("Frank", O))])
    assert [e.name for e in entities if e.hidden] == ["Frank"]  # a given name read as a firm's by its shape
    entities, _ = merge_entities([ann("a1", ent("Jane Poe")), ann("a2", ent("Frank"))])
    assert not any(e.hidden for e in entities)  # no Frank named in full: a page of its own
    entities, _ = merge_entities([ann("a1", ent("Xu Jinhai")), ann("a2", ent("Xu"))])
    assert not any(e.hidden for e in entities)  # a family name written first is no given name


def test_curated_names_win_over_the_rules() -> None:
    annotations = [ann("a1", ent("Robin Doe")), ann("a2", ent("Mrs Doe", aliases=("Doe",)))]
    entities, _ = merge_entities(annotations)
    assert len(entities) == 1  # Robin may be a woman, and no one else bears the surname
    entities, id_map = merge_entities(annotations, [("Sandra Doe", "Mrs Doe")])
    assert id_map[("a1", "Robin Doe")] != id_map[("a2", "Mrs Doe")]
    # two entries are never one, whatever the rules say
    spellings = [ann("a1", ent("Jane Kovalchuk")), ann("a2", ent("Jane Kovalchyk"))]
    assert len(merge_entities(spellings)[0]) == 1
    assert len(merge_entities(spellings, [("Jane Kovalchuk",), ("Jane Kovalchyk",)])[0]) == 2
    # and an entry's names are one, whatever the rules say
    entities, _ = merge_entities([ann("a1", ent("Jane Doe")), ann("a2", ent("Baroness Roe"))],
                                 [("Jane Doe", "Baroness Roe")])
    assert len(entities) == 1


def test_a_curated_honorific_form_is_no_alias_of_someone_named_otherwise() -> None:
    annotations = [ann("a1", ent("Jane Doe", aliases=("Doe", "Mrs Doe"))), ann("a2", ent("Mrs Doe", aliases=("Doe",)))]
    entities, id_map = merge_entities(annotations, [("Sandra Doe", "Mrs Doe")])
    assert id_map[("a1", "Jane Doe")] != id_map[("a2", "Mrs Doe")]
    entry = CuratedEntity("Sandra Doe", type=P, aliases=("Mrs Doe",))
    curated, final = apply_curated(entities, id_map, [entry])
    names = {e.id: e.name for e in curated}
    assert names[final[("a1", "Jane Doe")]] == "Jane Doe" and names[final[("a2", "Mrs Doe")]] == "Sandra Doe"


def test_what_follows_of_is_a_short_form_beside_the_long_one() -> None:
    entities, _ = merge_entities([ann("a1", ent("House of Commons", O), ent("Commons", O)), ann("a2", ent("Commons", O))])
    assert len(entities) == 1, entities
    entities, _ = merge_entities([ann("a1", ent("Board of Inquiry", O)), ann("a2", ent("Inquiry", O))])
    assert len(entities) == 2, entities  # in another article "Inquiry" may be any inquiry
    entities, _ = merge_entities([ann("a1", ent("House of Commons", O), ent("Commons", O)),
                                  ann("a2", ent("House of Commons", O)), ann("a3", ent("Commons", O))])
    assert len(entities) == 1, entities  # the dossier uses "Commons" for the House of Commons
    entities, _ = merge_entities([ann("a1", ent("Acme Widgets", O, aliases=("Acme",))), ann("a2", ent("Acme", O))])
    assert len(entities) == 1, entities  # an article calls Acme Widgets "Acme"
    entities, _ = merge_entities([ann("a1", ent("Acme Widgets", O, aliases=("Acme",))),
                                  ann("a2", ent("Acme Foods", O, aliases=("Acme",))), ann("a3", ent("Acme", O))])
    assert len(entities) == 3, entities  # two firms are called "Acme": the third joins neither
    entities, id_map = merge_entities([ann("a1", ent("Board of Inquiry", O), ent("Inquiry", O)),
                                       ann("a2", ent("Court of Inquiry", O), ent("Inquiry", O))])
    assert id_map[("a1", "Board of Inquiry")] != id_map[("a2", "Court of Inquiry")]  # one short form, two boards


def test_a_short_form_needs_a_single_long_form() -> None:
    entities, _ = merge_entities([ann("a1", ent("House of Commons", O), ent("Bank of Commons", O), ent("Commons", O))])
    assert len(entities) == 3
    entities, _ = merge_entities([ann("a1", ent("Liberal Democrats", O)), ann("a2", ent("Liberty Demands", O)),
                                  ann("a3", ent("Lib Dems", O))])
    assert len(entities) == 3


# --- a whole dossier ----------------------------------------------------------------------------

ARTICLES = {
    "one.txt": "Rally in Anytown\n\nMichael Howe, the party leader, spoke in Anytown on Monday. "
               "Howe said the party would win.\n\nBaroness Kenny, a party peer, praised him.\n",
    "two.txt": "Howe's wife speaks\n\nMrs Howe, who runs a charity, said on Tuesday that the campaign "
               "had been hard on the family. Mrs Howe said she was proud of him.\n",
    "three.txt": "Kenny steps down\n\nCharles Kenny, the former party leader, said on Wednesday that "
                 "he would step down. Kenny said it was time.\n",
    "four.txt": "Advice published\n\nLord Peter Poe, the former attorney general, published his advice on "
                "Thursday. Lord Poe said it had always been sound.\n",
    "five.txt": "Peers debate\n\nLord Poe told peers on Friday that the advice stood. Zac Poe, an MP, disagreed.\n",
}

CURATED = """\
- name: Sandra Howe
  type: person
  aliases: [Mrs Howe]
  description: A charity director, married to Michael Howe.
"""


def _dossier(tmp_path: Path, curated: str | None) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    folder = tmp_path / "dossier"
    (folder / "articles").mkdir(parents=True)
    for name, text in ARTICLES.items():
        (folder / "articles" / name).write_text(text, encoding="utf-8")
    if curated is not None:
        (folder / "entities.yml").write_text(curated, encoding="utf-8")
    dossier, _ = assemble(folder)
    names = {e.id: e.name for e in dossier.entities}
    surfaces: dict[tuple[str, str], str] = {}
    for art, annotation in zip(dossier.articles, dossier.annotations, strict=True):
        for mention in annotation.mentions:
            entity = dossier.entity_of.get((art.id, mention.key))
            surfaces[(art.file, mention.surface)] = names.get(entity, "")
    return names, surfaces


def test_a_dossier_keeps_people_sharing_a_surname_apart(tmp_path: Path) -> None:
    names, surfaces = _dossier(tmp_path, None)
    assert surfaces[("one.txt", "Howe")] == "Michael Howe"
    assert surfaces[("two.txt", "Howe")] != "Michael Howe"
    assert surfaces[("one.txt", "Kenny")] == "Baroness Kenny"
    assert surfaces[("three.txt", "Kenny")] == "Charles Kenny"
    assert "Baroness Kenny" in names.values() and "Charles Kenny" in names.values()
    assert surfaces[("four.txt", "Peter Poe")] == surfaces[("four.txt", "Poe")] == "Peter Poe"
    assert surfaces[("five.txt", "Poe")] == "Peter Poe"  # the peer written with his full name elsewhere
    assert surfaces[("five.txt", "Zac Poe")] == "Zac Poe"


def test_a_curated_honorific_form_wins(tmp_path: Path) -> None:
    names, surfaces = _dossier(tmp_path, CURATED)
    assert surfaces[("two.txt", "Howe")] == "Sandra Howe"
    assert surfaces[("one.txt", "Howe")] == "Michael Howe"
    assert sorted(n for n in names.values() if "Howe" in n) == ["Michael Howe", "Sandra Howe"]


def test_a_given_name_alone_is_listed_for_review_not_given_a_page(tmp_path: Path) -> None:
    folder = tmp_path / "dossier"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "six.txt").write_text(
        "Vote on Monday\n\nFrank Roe, a councillor, voted against the bill on Monday.\n", encoding="utf-8")
    (folder / "articles" / "seven.txt").write_text(
        "Pub talk\n\nThe landlord, a friend of Frank, said on Tuesday that the pub would stay open.\n",
        encoding="utf-8")
    dossier, _ = assemble(folder)
    by_name = {e.name: e for e in dossier.entities}
    assert by_name["Frank"].hidden and not by_name["Frank Roe"].hidden
    assert [e.name for e, _ in unconfirmed(dossier)] == ["Frank"]
