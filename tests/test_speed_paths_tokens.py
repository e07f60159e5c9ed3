"""Cheaper paths of annotation give what the plain rules give (no timings here: `make bench`).

- spans.tokens: a capital (or digit) and a full stop, an Arabic article before a spaced name
  and an abbreviation's full stop are handled by small steps; the tokens stay the same.
- candidates._Block.at: the index of the token at an offset, by search, as the table said.
- dates: the anchor pattern tells the capitals that may open a date (with the letter after
  them) itself, instead of a check of every capitalised word in Python.
- institutions.mark: one search tells whether a block holds an institution's word at all.
"""
from __future__ import annotations

import datetime as dt
import re

import pytest

from builder import wordlists
from builder.annotate import candidates, dates, institutions
from builder.annotate.spans import tokens

# (text, the tokens as (text, initial, possessive)) : every step of `tokens`, and negatives
TOKEN_ROWS = [
    ("Jerome H. Powell said.", [("Jerome", True, False), ("H.", False, False), ("Powell", False, False),
                                ("said", False, False), (".", False, False)]),
    ("They met A. B. Doe.", [("They", True, False), ("met", False, False), ("A.", False, False),
                             ("B.", False, False), ("Doe", False, False), (".", False, False)]),
    ("It ran on Plan B. The rest", [("It", True, False), ("ran", False, False), ("on", False, False),
                                    ("Plan", False, False), ("B", False, False), (".", False, False),
                                    ("The", True, False), ("rest", False, False)]),
    ("He wrote on X. Then he left", [("He", True, False), ("wrote", False, False), ("on", False, False),
                                     ("X", False, False), (".", False, False), ("Then", True, False),
                                     ("he", False, False), ("left", False, False)]),
    ("it rose 1. Next", [("it", True, False), ("rose", False, False), ("1", False, False), (".", False, False),
                         ("Next", True, False)]),
    ("Item 1. Next", [("Item", True, False), ("1.", False, False), ("Next", False, False)]),  # after a name: one
    ("the al- Zorbani family", [("the", True, False), ("al-Zorbani", False, False), ("family", False, False)]),
    ("Gen. Jane Doe", [("Gen.", True, False), ("Jane", False, False), ("Doe", False, False)]),
    ("Acme's chief", [("Acme", True, True), ("chief", False, False)]),
    ("the U.S. Army", [("the", True, False), ("U.S.", False, False), ("Army", False, False)]),
]


@pytest.mark.parametrize(("text", "expected"), TOKEN_ROWS)
def test_tokens_of_each_step(text, expected):
    got = [(t.text, t.initial, t.possessive) for t in tokens(text)]
    assert got == expected
    for t in tokens(text):  # offsets and lower case agree with the text
        assert t.lower == t.text.lower()
        assert text[t.start : t.end] == t.text or t.text == "al-Zorbani"


TEXTS = [
    "Jane Doe, the Acme Corp chief executive, told the Zorbland Times on Monday that A. B. Doe had left.",
    "The Ministry of Quux said. On Jan. 8, Gen. Jane Doe met al- Zorbani in Zorbville.",
    "",
    "no capital here at all",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_blocks_at_finds_the_token_that_starts_at_an_offset(text):
    toks = tokens(text)
    block = candidates._Block(text, toks)
    table = {t.start: i for i, t in enumerate(toks)}
    for offset in [*range(-1, len(text) + 2), None]:
        assert block.at(offset) == table.get(offset)


def _anchors_plain(text: str) -> list[int]:
    """Where the plain rule starts to look for a date: the old anchor (every capital that opens
    a list word), less the capitals whose two letters open no month, weekday or relative day."""
    lists = dates._lists()
    months, weekdays, relative = wordlists.months(), wordlists.weekdays(), dates._relative_days()
    capitals = dates._initials(months, weekdays, relative, ("last", "this", "next"))
    plain = re.compile(rf"\b(?:[{capitals}\d]|(?i:to(?:day|night|morrow)|yesterday|last|this|next)\b|ago\b)")
    out = []
    for m in plain.finditer(text):
        head = text[m.start() : m.start() + 2]
        if m.group() != "ago" and head.isascii() and not head[:1].isdigit() and head.lower() not in lists.starts:
            continue
        out.append(m.start())
    return out


ANCHOR_TEXTS = [
    "On Monday, Dec. 26, the Minister said The Times of August 2024 was Today's paper, 3 days ago.",
    "JANUARY, MAY and Mayor Doe; The THE Thursday; Ago ago AGO; last Last LAST week",
    "Sunday Sept. Sep T’ Ma’ A J K",  # a capital before a letter that is no ASCII: looked at
    "Alpha Delta Foxtrot Juliet Lima Mike November Oscar Sierra Tango Whiskey Yankee",
]


@pytest.mark.parametrize("text", ANCHOR_TEXTS)
def test_the_date_anchor_looks_where_the_plain_rule_looks(text):
    assert [m.start() for m in dates._lists().anchor.finditer(text)] == _anchors_plain(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Talks resume on Monday, Jan. 8.", ["Monday, Jan. 8"]),
    ("The Theatre opened in August 2024.", ["August 2024"]),
    ("Three days ago the Mayor left.", ["Three days ago"]),
    ("The Thames and the Mayor.", []),  # negative: capitals that open no date
])
def test_dates_found_after_the_anchor(text, expected):
    assert [d.text for d in dates.dates_in_text(text, dt.date(2024, 5, 1))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("the Ministry said", True),
    ("a Coalition spokesman", True),
    ("the ministry said", False),  # negative: no capital
    ("nothing of the kind", False),
])
def test_any_institution_word_is_one_search(text, expected):
    plain = any(word in text for word in institutions._capitalised())
    assert plain is expected
    assert (institutions._any_capitalised().search(text) is not None) is expected


def _gazetteer_at_plain(toks, i):
    """The longest gazetteer name at token i, every length tried (no reach table)."""
    table = candidates.lexicon.gazetteer()
    for j in range(len(toks), i, -1):
        text = " ".join(t.text for t in toks[i:j])
        hit = table.get(text) or (table.get(text.title()) if text.isupper() and len(text) > 3 else None)
        if hit:
            return j, hit[0], hit[1]
    return None


@pytest.mark.parametrize("text", [
    "the Democratic Republic of the Congo and Bosnia and Herzegovina",
    "Jane Doe of CHINA and the People's Republic of China",
    "no known name here, Zorbland",  # negative: words that open no gazetteer name
])
def test_gazetteer_at_finds_the_longest_known_name(text):
    toks = tokens(text)
    got = [candidates.gazetteer_at(toks, i) for i in range(len(toks))]
    assert got == [_gazetteer_at_plain(toks, i) for i in range(len(toks))]
    assert any(got) is (not text.startswith("no known"))
