"""The steps of candidates.find and candidates.cut, one table row each (with negative cases),
and the rows of NO_NAME_RULES: a row names its rule's id and fails when the rule is removed
(scripts/mutate_rules.py, table no-name). Made-up names only."""
from __future__ import annotations

import pytest

from builder.annotate import candidates
from builder.annotate.spans import spans, tokens
from builder.model import EntityType

NO_NAME_ROWS = [  # (NO_NAME_RULES id, text, the piece left out, a name the text keeps or None)
    ("generic-word", "Yesterday the Ministry said no.", "Ministry", None),
    ("generic-word", "They saw Section 2 and LIVE coverage.", "Section", None),
    ("rank-class", "Special Warfare Operator 1st Class Jane Doe left.", "Special Warfare Operator", "Jane Doe"),
    ("numbered-document", "They cited Executive Order 13582 today.", "Order", None),
    ("title-pronoun", "They watched Doctor Who today.", "Who", None),
    ("glued-date", "He spoke at his Dec.14th press conference.", "Dec.14th", None),
    ("portfolio-noun", "Jane Doe, Senior Advisor for ZQX Resettlement, said so.", "ZQX Resettlement", "Jane Doe"),
    ("elided-lower", "The book L’orbe et le Zorbon sold well.", "L’orbe", None),
    ("owner-needed", "A year ago, Zorbland’s brave Armed Forces helped.", "Armed Forces", "Zorbland"),
    ("owner-needed", "Later the Security Forces of the region fled.", "Security Forces", None),
]

KEPT_ROWS = [  # (text, the name kept): the same shapes, names all the same
    ("Yesterday the Zorblatt Ministry said no.", "Zorblatt Ministry"),
    ("They met Zorblatt Quux 1st Class today.", "Zorblatt Quux"),
    ("They cited Executive Order Zorblatt today.", "Order Zorblatt"),
    ("They watched Doctor Zorblatt today.", "Zorblatt"),
    ("They flew the Zorb.14th Quux today.", "Zorb.14th Quux"),
    ("Jane Doe, Senior Advisor for ZQX Zorbland, said so.", "ZQX Zorbland"),
    ("Jane Doe, Minister for the Zorb Office, said so.", "Zorb Office"),
    ("Profits at L’Zorbéal rose today.", "L’Zorbéal"),
    ("Later the Zorbian Armed Forces fought.", "Zorbian Armed Forces"),
    ("Later the Zorbland Armed Forces fought.", "Zorbland Armed Forces"),
    ("Later the Quux Defence Forces fought.", "Quux Defence Forces"),
    ("Fighters of Zorbia’s Armed Forces fled.", "Armed Forces"),  # its owner right before it (possessed-institution)
]


def _found(text: str) -> list[str]:
    return [text[f.start : f.end] for f in candidates.find(text)]


@pytest.mark.parametrize(("rule_id", "text", "piece", "kept"), NO_NAME_ROWS, ids=[row[0] for row in NO_NAME_ROWS])
def test_no_name_rule_leaves_the_piece_out(rule_id: str, text: str, piece: str, kept: str | None) -> None:
    assert rule_id in {rule.id for rule in candidates.NO_NAME_RULES}
    found = _found(text)
    assert piece not in found, found
    assert kept is None or kept in found, found


@pytest.mark.parametrize(("text", "name"), KEPT_ROWS)
def test_no_name_rules_keep_a_name(text: str, name: str) -> None:
    assert name in _found(text)


def test_every_no_name_rule_has_a_row() -> None:
    assert {rule.id for rule in candidates.NO_NAME_RULES} == {row[0] for row in NO_NAME_ROWS}


@pytest.mark.parametrize("rule", candidates.NO_NAME_RULES, ids=[rule.id for rule in candidates.NO_NAME_RULES])
def test_no_name_rule_example(rule: candidates.NoName) -> None:
    before, _, rest = rule.example.partition("[")
    piece, _, after = rest.partition("]")
    assert piece not in _found(before + piece + after)


CUT_ROWS = [  # (text, the pieces its spans are cut into: (kind, words)), one row per step of candidates._Cut
    ("It was the October Zorblatt Summit.", [("name", "Zorblatt Summit")]),  # _date
    ("They met Theresa May today.", [("name", "Theresa May")]),  # _date: a month that is a given name
    ("They flew to Kenya today.", [("known", "Kenya")]),  # _known
    ("Ships sailed the Gulf of Oman today.", [("name", "Gulf of Oman")]),  # _known_name: a place, "of"
    ("Fighting went on in Northern Kenya today.", [("name", "Northern Kenya")]),  # _compass
    ("The Korean War ended.", [("name", "Korean War")]),  # _demonym: an event named after a people
    ("The French Foreign Minister left.", [("demonym", "French"), ("title", "Foreign Minister")]),  # _demonym
    ("Yesterday Prime Minister Jane Doe left.", [("title", "Prime Minister"), ("person", "Jane Doe")]),  # _title
    ("The MP for Anytown left.", [("title", "MP"), ("portfolio", "Anytown")]),  # _after_title
    ("Yesterday Black Friday came.", []),  # _no_name: a day's name
    ("They met Jane Doe QC today.", [("name", "Jane Doe")]),  # _name: up to a post-nominal
    ("Zorblatt Inc chief Jane Doe left.", [("name", "Zorblatt Inc"), ("name", "Jane Doe")]),
]


@pytest.mark.parametrize(("text", "pieces"), CUT_ROWS, ids=[row[0] for row in CUT_ROWS])
def test_cut_steps(text: str, pieces: list[tuple[str, str]]) -> None:
    got = [(p.kind, " ".join(t.text for t in p.toks)) for span in spans(text, tokens(text))
           for p in candidates.cut(span)]
    assert got == pieces


FIND_ROWS = [  # (text, the names found, by their text), one row per step of candidates._Block
    ("ZORBVILLE, Texas (Acme) - Jane Doe left.", ["ZORBVILLE", "Texas", "Acme", "Jane Doe"]),  # _dateline
    ("Yesterday the Information Commissioner left.", []),  # _title: an office's title
    ("Yesterday Zorblatt CEO Jane Doe left.", ["Zorblatt", "Jane Doe"]),  # _title: the employer
    ("The Foreign Secretary said so.", ["Foreign Secretary"]),  # _role_alone
    ("They watched An Audience With Jane Doe today.", ["An Audience With Jane Doe"]),  # _work
    ("Yesterday Jane Doe Image: Acme Wire", ["Jane Doe", "Acme Wire"]),  # _Block.run: a caption's credit
]


@pytest.mark.parametrize(("text", "names"), FIND_ROWS, ids=[row[0] for row in FIND_ROWS])
def test_find_steps(text: str, names: list[str]) -> None:
    assert sorted(_found(text)) == sorted(names)


def test_find_keeps_the_role_and_its_employer() -> None:
    text = "Yesterday Zorblatt spokesman Jane Doe said no."
    by_text = {text[f.start : f.end]: f for f in candidates.find(text)}
    assert by_text["Jane Doe"].role == "Zorblatt spokesman"
    assert "employer" in by_text["Zorblatt"].evidence


def test_find_keeps_an_honorific() -> None:
    text = "Yesterday Rail minister Lord Zorblatt said no."
    by_text = {text[f.start : f.end]: f for f in candidates.find(text)}
    assert by_text["Zorblatt"].honorific == "Lord"
    assert by_text["Zorblatt"].role == "Rail minister"


def test_find_keeps_an_acronym_defined_after_a_name() -> None:
    text = "They met the Zorblatt Safety Board (ZSB) today."
    board = next(f for f in candidates.find(text) if f.name == "Zorblatt Safety Board")
    assert board.acronym == "ZSB" and "acronym-defined" in board.evidence


P, O, L, OTHER = EntityType.PERSON, EntityType.ORG, EntityType.PLACE, EntityType.OTHER
BEST_TYPE_ROWS = [  # (scores, the best type): the highest score, ties to the earlier type (person first)
    ({}, OTHER),
    ({L: 3}, L),
    ({P: 1}, P),
    ({L: 0}, P),  # a score of nothing says nothing: a tie with person
    ({O: 2, L: 2}, O),
    ({L: 2, O: 2}, O),  # (not the order of the scores)
    ({P: 1, L: 1.5}, L),
    ({OTHER: 4, L: 4}, L),
    ({L: -1}, P),  # (a weight against the only type it has)
]


@pytest.mark.parametrize(("scores", "etype"), BEST_TYPE_ROWS)
def test_best_type(scores: dict[EntityType, float], etype: EntityType) -> None:
    assert candidates.best_type(scores) is etype


MEMO_ROWS = [  # (a block cut first, a block that writes its spans again): one article's blocks
    ("Minister Jane Zorblatt of the Quux Party said so.",
     "Yesterday, Minister Jane Zorblatt of the Quux Party said no, and Minister Jane Zorblatt left."),
    ("The Zorbland Ministry of Quux and Zorblatt Airways agreed.",
     "Later the Zorbland Ministry of Quux said Zorblatt Airways had agreed, as the Zorbland Ministry of Quux hoped."),
    ("“Zorb Quux,” said Zorblatt.", "Fans of “Zorb Quux” cheered; Zorblatt said more."),
]


@pytest.mark.parametrize(("first", "again"), MEMO_ROWS)
def test_a_span_written_again_in_an_article_is_found_as_in_a_fresh_one(first: str, again: str) -> None:
    """An article cuts a span written alike once and scores a name's own words once
    (candidates._Memo): what it finds is what an article seeing the block first finds."""
    seen = candidates.Seen(frozenset({"Zorblatt", "Quux", "Zorbland"}), frozenset({"Zorblatt", "Zorbland"}))
    candidates.find(first, seen)  # (the article's memo now holds the first block's spans and names)
    held = candidates.find(again, seen)
    fresh = candidates.find(again, candidates.Seen(*seen))  # an equal Seen of another article: nothing held
    assert held == fresh
    assert [again[f.start : f.end] for f in held] == [again[f.start : f.end] for f in fresh]
