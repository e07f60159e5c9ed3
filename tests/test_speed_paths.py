"""The shortcuts taken for speed give what the long way gives (no timings here: `make bench`).

Each shortcut is checked against the plain computation it spares, on made-up text."""
from __future__ import annotations

import dataclasses
import re

import pytest

from builder.annotate import candidates, dates, lexicon
from builder.annotate.spans import spans, tokens

TEXTS = [
    "Jane Doe, the head of Acme Corp, said on Monday that the United Nations would meet in New York.",
    "THE UNITED NATIONS and the U.S. Army met. Officials in Zorbland said talks at the World Health "
    "Organization would go on until 12 March 2024, or next week.",
    "an iPhone and al-Qaida; the UK-supplied jets, long-range missiles and a Kremlin-backed group.",
    "Yesterday Acme fired two     Zorblatt missiles; towns in the north including   Quuxville fell. "
    "Prime Minister Jane Doe told the BBC’s Zorblatt programme so, three days ago.",
    "Sunday Times reporter Jane Doe wrote on X. Then she flew to Paris, France, on Tuesday night.",
]


def _gazetteer_at_plain(toks, i):
    """candidates.gazetteer_at without the look-up's first-word reach."""
    table = lexicon.gazetteer()
    article = candidates._capital_article(toks[i].text) if i < len(toks) and "-" in toks[i].text[1:4] else ""
    for j in range(min(len(toks), i + lexicon.gazetteer_span()), i, -1):
        text = " ".join(t.text for t in toks[i:j])
        hit = table.get(text) or (table.get(text.title()) if text.isupper() and len(text) > 3 else None) or (
            table.get(article + text[len(article) :]) if article else None)
        if hit:
            return j, hit[0], hit[1]
    return None


def test_gazetteer_reach_finds_what_the_full_look_up_finds():
    forms = sorted(lexicon.gazetteer())[::7]
    articled = [f.replace("al-", "Al-", 1) for f in lexicon.gazetteer() if f.startswith("al-")]
    samples = (TEXTS + [f"They met in {form} today." for form in forms + articled]
               + [f"IN {form.upper()} TODAY" for form in forms])
    checked = 0
    for text in samples:
        toks = tokens(text)
        for i in range(-1, len(toks) + 1):
            assert candidates.gazetteer_at(toks, i) == _gazetteer_at_plain(toks, i), (text, i)
            checked += 1
    assert checked > 2000


@pytest.mark.parametrize(("text", "names"), list(zip(TEXTS, [
    ["Jane Doe", "Acme Corp", "Monday", "United Nations", "New York"],
    ["THE UNITED NATIONS", "U.S. Army", "Officials", "Zorbland", "World Health Organization", "March"],
    ["iPhone", "al-Qaida", "UK", "Kremlin"],  # (a brand, a particle's name, a hyphenated word's name)
    ["Yesterday Acme", "Zorblatt", "Quuxville", "Prime Minister Jane Doe", "BBC", "Zorblatt"],
    ["Sunday Times", "Jane Doe", "Then", "Paris", "France", "Tuesday"],
], strict=True)))
def test_spans_pass_lower_case_words_by(text, names):
    """A lower-case word with no span open is passed by at once (spans._Spans.run), and
    what opens a span still does: a brand with a small first letter, 'al-' and a name."""
    assert [" ".join(t.text for t in span) for span in spans(text)] == names


def test_date_anchor_misses_no_date():
    """The anchor's capitals are those that open a month, a weekday or a relative day, and the
    pattern is tried only after the first two letters of one: the dates found are those
    found with any capital as an anchor and the pattern tried at each."""
    lists = dates._lists()
    broad = dataclasses.replace(lists, starts=None, anchor=re.compile(
        r"\b(?:[A-Z\d]|(?i:to(?:day|night|morrow)|yesterday|last|this|next)\b|ago\b)"))
    assert lists.starts and "ja" in lists.starts and "th" in lists.starts
    texts = TEXTS + ["On Monday, 3 May, Last week, This month, Today, TOMORROW, Yesterday, next Friday.",
                     "Talks in Sept. and Oct 2023; the June 5 vote; Tonight at 9; 2021-04-05; Mid-April."]
    for text in texts:
        narrow_found = dates.dates_in_text(text)
        dates._lists.cache_clear()
        try:
            original = dates._lists
            dates._lists = lambda: broad  # type: ignore[assignment]
            broad_found = dates.dates_in_text(text)
        finally:
            dates._lists = original
        assert narrow_found == broad_found, text
        assert narrow_found or "Sept" not in text


@pytest.mark.parametrize(("text", "words", "digits", "may"), [
    ("towns including ", ("including", "like"), False, True),
    ("towns including" + " " * 60, ("including",), False, True),  # a long run of spaces: not decided
    ("x" * 50 + " including   ", ("including",), False, True),
    ("x" * 50 + " included ", ("including",), False, False),
    ("they fired 12 ", ("a", "two"), True, True),
    ("they fired twelve ", ("a", "two"), True, False),
    ("", ("a",), False, False),
])
def test_may_end_in(text, words, digits, may):
    assert candidates._may_end_in(text, len(text), words, digits) is may


@pytest.mark.parametrize("text", [
    "Acme fired two Zorblatt missiles.", "Acme fired two" + " " * 45 + "Zorblatt missiles.",
    "Acme fired a Zorblatt at the ship.", "Acme fired 12 Zorblatt at the ship.", "Acme sold two Zorblatt.",
])
def test_weapon_verb_with_and_without_the_shortcut(text):
    start = text.index("Zorblatt")
    plain = candidates._WEAPON_VERB.search(text, 0, start) is not None
    assert (candidates._may_end_in(text, start, candidates._COUNTS, digits=True) and plain) == plain


PHRASES = ["chief executive", "chief", "spokesman", "Spokeswoman", "ceo", "minister", "prime minister",
           "k-pop star", "s.o.s", "st. john", "1st officer"]
CASE_TEXTS = ["The CHIEF  Executive and the chief, a spokesman (SPOKESWOMAN) said; vice-chief; chiefs.",
              "Prime\nMinister and prime minister-designate; the CEO's K-POP STAR and the \u212a-pop star; "
              "\u017fpokesman; S.O.S; St. John; 1st Officer; chief_of staff."]


def test_caseless_body_matches_as_the_plain_alternation():
    from builder.annotate import quote_lexicon

    ordered = sorted(PHRASES, key=len, reverse=True)
    plain = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    grouped = quote_lexicon.caseless_body(ordered)
    assert grouped != plain
    for text in CASE_TEXTS:
        spans_of = [[m.span() for m in re.finditer(rf"(?<![\w-])(?:{body})(?![\w-])", text, re.IGNORECASE)]
                    for body in (plain, grouped)]
        assert spans_of[0] == spans_of[1] and spans_of[0], text


@pytest.mark.parametrize("text", CASE_TEXTS + [
    "Jane Doe met Doe and Jane; Jane Doe-Roe; Jane Doe’s aide; Jane_Doe; 3Jane Doe; Jane Doe", "", "Doe"])
def test_whole_words_as_the_pattern_finds_them(text):
    from builder.annotate.speakers import whole_words

    phrases = ["Jane Doe", "Doe", "Jane", "chief", "Prime\nMinister", "K-POP STAR", "S.O.S"]
    body = "|".join(re.escape(s) for s in sorted(phrases, key=len, reverse=True))
    expected = [(m.start(), m.end(), m.group()) for m in re.finditer(rf"(?<![\w-])(?:{body})(?![\w-])", text)]
    assert whole_words(text, phrases) == expected


def test_lower_phrases_as_the_pattern_over_every_text():
    from builder.confirm import _lower_phrases

    names = ["General Election", "Spending Review", "Acme", "Review"]
    texts = ["A general election was called.", "The General Election, and the spending review's end.",
             "no phrase here", "re-review; reviews; a review.", "acme-wide; acme’s; the acme of it", ""]
    body = "|".join(re.escape(n.lower()) for n in sorted(set(names), key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w’'-])(?:{body})(?![\w’'-])")
    expected = frozenset(m.group() for text in texts for m in pattern.finditer(text))
    assert _lower_phrases(names, texts) == expected == {"general election", "review", "acme"}


@pytest.mark.parametrize("line", [
    "Jane Doe/AP", "AP/Jane Doe", "Photo: Jane Doe", "(Image by Acme)", "Jane Doe contributed to this report.",
    "Reporting by Jane Doe; editing by John Roe", "By Jane Doe and John Roe", "Getty Images for Acme",
    "Jane Doe is a reporter for the Acme Times.", "Jane Doe said the report was late.", "", "By the way, no.",
])
def test_credit_lines_as_each_pattern_finds_them(line):
    from builder import wordlists
    from builder.read import is_credit

    each = any(p.match(line.strip()) for p in wordlists.patterns("read/credits.txt"))
    assert is_credit(line) is each
    assert wordlists._AnyOf(wordlists.patterns("read/credits.txt")).match(line) is not None or not each


def test_word_lists_read_as_their_lines_in_lower_case():
    from builder import wordlists

    names = [str(p.relative_to(wordlists.DATA)) for p in wordlists.DATA.rglob("*.txt")]
    assert len(names) > 50
    for name in names:
        assert wordlists.words(name) == frozenset(map(str.lower, wordlists.lines(name))), name


def _fire_plain(found, rules, subject):
    """candidates._fire reading the rows' fields one by one."""
    done = set()
    for rule in rules:
        if rule.group in done or not rule.trigger(subject):
            continue
        if rule.group:
            done.add(rule.group)
        if rule.type is None:
            if rule.evidence:
                found.evidence.add(rule.evidence)
        else:
            found.add(rule.type, rule.weight, rule.evidence)


def test_rule_rows_fire_as_the_rules_read_one_by_one(monkeypatch):
    def names(text):
        return [(f.name, f.start, sorted(f.scores.items()), sorted(f.evidence)) for f in candidates.find(text)]

    fast = [names(text) for text in TEXTS]
    monkeypatch.setattr(candidates, "_fire", _fire_plain)
    assert [names(text) for text in TEXTS] == fast
    assert candidates._rows(candidates.WORD_RULES)[0] == tuple(
        getattr(candidates.WORD_RULES[0], f) for f in ("group", "trigger", "type", "weight", "evidence"))


@pytest.mark.parametrize("name", ["Acme News", "Sunday Clarion", "Jane Doe", "Acme.News", "The Times’", "NEWS", "Newsround"])
def test_media_word_memo_as_the_words_say(name):
    from builder import wordlists
    from builder.annotate import sources

    plain = bool(sources._words(name) & wordlists.words("sources/media_words.txt"))
    assert sources._has_media_word(name) is plain
    assert sources._has_media_word(name) is plain  # (the second time from the memo)


def test_nationality_words_with_and_without_the_first_word_check(monkeypatch):
    """nationalities() passes by a word that opens no nationality word before asking
    _nationality_at: with every word let through, the same words are found."""
    text = "The Iraqi Prime Minister Jane Doe met Kurdish and North Korean officials and the Kurds."
    toks = tokens(text)
    fast = candidates.nationalities(text, toks, [])
    monkeypatch.setattr(candidates, "_nationality_firsts", lambda: frozenset(t.lower for t in toks))
    assert candidates.nationalities(text, toks, []) == fast
    assert len(fast) >= 3
