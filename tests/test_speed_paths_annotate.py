"""The shortcuts of annotation's hot loops give what the plain loops give (no timings
here: `make bench`). Each is checked against the plain computation it replaced, on
made-up text with cases where the shortcut could go wrong."""
from __future__ import annotations

from builder.annotate import candidates, entities
from builder.annotate.candidates import Seen
from builder.annotate.spans import tokens

TEXTS = [
    "Jane Doe, the head of Acme Corp, said on Monday that the United Nations would meet in New York.",
    "THE UNITED NATIONS and the U.S. Army met. Officials in Zorbland said the Iraqi Prime Minister Jane Doe "
    "and Kurdish ZQX leaders would go on until 12 March 2024.",
    "The Teachers' Review Body met; the French and Royal Navy sailed. South Korean and North African "
    "officials, the Kurds and the Iraqi people, Syrian Democratic Forces. 'Quux' Zorb",
    "an iPhone and al-Qaida; the UK-supplied jets. Then Acme. Iraqi Iraqi Kurdish. X",
    "",
    "Zorblatt",
    "British-born Jane Doe met the American ambassador and French President Jean Zorb in 3 Zorb Street.",
]


def _seen_plain(blocks):
    """entities._seen token by token."""
    words, starts, ends = set(), set(), set()
    for toks in blocks:
        prev_cap = False
        count = len(toks)
        for i, tok in enumerate(toks):
            text = tok.text
            first = text[:1]
            if not first.isupper():
                prev_cap = False
                continue
            if not tok.initial:
                after = toks[i + 1] if i + 1 < count else None
                if after is None or not (after.text in ("'", "’") and after.start == tok.end):
                    words.add(text)
                    if not prev_cap:
                        starts.add(text)
                    if after is None or not after.text[:1].isupper():
                        ends.add(text)
            prev_cap = first.isalpha()
    return Seen(frozenset(words), frozenset(starts), frozenset(ends))


def test_seen_looks_at_capitalised_tokens_only_and_finds_what_every_token_gives():
    blocks = [tokens(text) for text in TEXTS]
    assert entities._seen(iter(blocks)) == _seen_plain(blocks)
    for toks in blocks:
        assert entities._seen([toks]) == _seen_plain([toks])
    seen = entities._seen([tokens("They met Jane Doe and 3 Acme Corp men, the Teachers' Review Body too.")])
    assert "Jane" in seen.starts and "Doe" not in seen.starts and "Doe" in seen.ends
    assert "Acme" in seen.starts  # (a number before it is no capitalised word)
    assert "Teachers" not in seen.words


def _nationalities_plain(text, toks, founds):
    """candidates.nationalities word by word."""
    order = sorted(founds, key=lambda f: f.start)
    starts = [f.start for f in order]
    out = []
    i = 0
    while i < len(toks):
        j = candidates._nationality_at(toks, i)
        if not j:
            i += 1
            continue
        start, end = toks[i].start, toks[j - 1].end
        k = candidates.bisect_right(starts, start)
        if not (k > 0 and order[k - 1].end > start):
            after = order[k] if k < len(order) else None
            if after is not None and not candidates._DESCRIBES.match(text[end : after.start]):
                after = None
            out.append((start, end, after, not candidates._CAPITAL_NEXT.match(text, end)))
        i = j
    return out


def test_nationalities_look_at_possible_openers_only_and_find_what_every_word_gives():
    found_any = 0
    for text in TEXTS:
        toks = tokens(text)
        founds = candidates.find(text, toks=toks)
        got = candidates.nationalities(text, toks, founds)
        assert got == _nationalities_plain(text, toks, founds), text
        found_any += len(got)
    assert found_any >= 6


def test_a_blocks_index_maps_each_tokens_start_to_its_place():
    for text in TEXTS:
        toks = tokens(text)
        assert candidates._Block(text, toks).index == {t.start: i for i, t in enumerate(toks)}


def _fired_plain(before, after, entity):
    """sources._fired testing every rule in the order written."""
    from builder.annotate import sources

    for rule in sources.rules().values():
        if ((rule.before is None or rule.before.search(before)) and (rule.after is None or rule.after.match(after))
                and sources._qualifies(rule.needs, entity)):
            return rule.id
    return None


def test_source_rules_ask_cheap_tests_first_and_fire_as_in_order():
    from builder.annotate import sources
    from builder.model import EntityType, LocalEntity

    befores = ["\nAccording to ", "the minister told the ", "in an interview with ", "a report published by ",
               "writing in the ", "ZORBTON (", "\n", "Jane Doe said on Monday that ", "data from ", "a spokesman for "]
    afters = [" said.", "’s website said", ", which first reported the story.", ") - Officials said",
              " reported on Monday that", "’s chief political correspondent Jane Doe", ", March 3, 2024", ""]
    names = [("Acme Corp", EntityType.ORG), ("The Zorbton Clarion", EntityType.ORG), ("Acme News", EntityType.OTHER),
             ("Zorb Times", EntityType.ORG), ("Jane Doe", EntityType.OTHER), ("Zorb.com", EntityType.OTHER),
             ("Quux Radio", EntityType.PERSON)]
    fired = set()
    for before in befores:
        for after in afters:
            for name, etype in names:
                for entity in (LocalEntity(name, name, etype), sources._Outlet(name)):
                    got = sources._fired(before, after, entity)
                    assert got == _fired_plain(before, after, entity), (before, after, entity)
                    fired.add(got)
    assert len(fired - {None}) >= 6  # (several rules fire, and some cases fire none)


def _tokens_plain(text):
    """spans.tokens with the sentence openers in the pattern's look-ahead (as it was)."""
    import re

    from builder.annotate import lexicon, spans

    openers = "|".join(sorted((re.escape(w.capitalize()) for w in lexicon.stopwords() if w.isalpha()),
                              key=len, reverse=True))
    pattern = re.compile(
        r"(?:[A-Z]\.){2,}"
        rf"|[A-Z]\.(?=\s+(?:[A-Z]\.\s+)?(?!(?:{openers})\b)[A-Z][a-z])"
        r"|[^\W\d_]\w*(?:[-'’‘.&]\w+)*"
        r"|\d[\d,.:]*(?:(?<=\d)(?:st|nd|rd|th)\b)?"
        r"|[^\w\s\u200e\u200f]"
    )
    out, at_start, skip_dot, skip_to = [], True, -1, -1
    abbreviations, articles = lexicon.abbreviations(), spans._articles()
    for m in pattern.finditer(text):
        start, end = m.span()
        if start == skip_dot or start < skip_to:
            continue
        word = m.group()
        first = word[0]
        if end - start == 2 and word[1] == "." and not (out and out[-1].text[:1].isupper() and out[-1].end == start - 1) \
                and not spans._SPACED_INITIALS.match(text, start + 2):
            out += [spans.token(first, start, at_start), spans.token(".", start + 1)]
            at_start = True
            continue
        if first.isalpha():
            gap = 0
            if word in articles and (spaced := spans._SPACED_PARTICLE.match(text, end)):
                word, gap, skip_to = word + "-" + spaced.group(1), 1, spaced.end()
            end = start + len(word) + gap
            if text[end : end + 1] == "." and (word + ".").lower() in abbreviations:
                word, skip_dot = word + ".", end
            possessive = len(word) > 3 and word[-1] == "s" and word[-2] in "'’‘"
            if possessive:
                word = word[:-2]
            out.append(spans.Token(word, start, start + len(word) + gap, at_start, possessive, word.lower()))
            at_start = False
            continue
        out.append(spans.Token(word, start, end, at_start and first.isdigit(), False, word))
        if word in spans._SENTENCE_END or (word == "-" and text[start - 1 : start] == " "):
            at_start = True
        elif word not in spans._OPENERS:
            at_start = False
    return out


def test_tokens_tell_an_initial_before_a_sentence_opener_as_the_pattern_did():
    """The sentence openers left the token pattern (costly to compile); tokens() tells them after it."""
    from builder.annotate.spans import tokens

    texts = TEXTS + [
        "Plan B. The team met Jerome H. Powell and A. B. Doe. They wrote on X. Then on Y. In March, Z. Quux came.",
        "Jane Q. Public met U.S. officials. The U.K. The E. U. Plan A. A man. Plan A. I said. J. R. R. Tolkien.",
        "Look at Annex C. For now, read Section D.  The end. Vitamin K. An apple. Vitamin K. Anne Doe. K. 2",
        "He said: V. The plan. Mr. A. The X. Y. The Z. Y. Zorb. Q. Quux, P. S. Doe and N. Of course.",
        "Item 5. The end 5. Then. al- Jaafari and X.Y. Doe. Ms. Doe’s B. Doe's. R. über. O. Über. C. The",
    ]
    checked = 0
    for text in texts:
        assert tokens(text) == _tokens_plain(text), text
        checked += len(text)
    assert [t.text for t in tokens("Plan B. The end.")] == ["Plan", "B", ".", "The", "end", "."]
    assert [t.text for t in tokens("Jerome H. Powell")] == ["Jerome", "H.", "Powell"]
