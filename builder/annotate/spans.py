"""Capitalised spans of one block of text: the raw material of names.

A span is a run of capitalised words (with connectors such as "of" between them) that
the punctuation does not break: "US Secretary of State Jane Doe". Possessives are
cut off ("Ukraine’s" -> "Ukraine"), hyphenated modifiers give their name alone
("UK-supplied" -> "UK"), and every word knows whether it opens a sentence.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from builder.annotate import lexicon

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., U.K.
    r"|[A-Z]\.(?=\s+(?!(?:The|A|An|It|He|She|They|We|I|This|That|In|On|At|But|And|So)\b)[A-Z][a-z])"
    # ^ a middle initial: the "H." of "Jerome H. Powell" (not "Plan B. The ...")
    r"|[^\W\d_]\w*(?:[-'’‘.&]\w+)*"  # words with inner hyphens, apostrophes, dots
    r"|\d[\d,.:]*(?:(?<=\d)(?:st|nd|rd|th)\b)?"  # numbers, and ordinals ("507th")
    r"|[^\w\s]"  # one punctuation mark
)
_SENTENCE_END = frozenset(".!?:;—–")
_OPENERS = frozenset("“\"‘'([«")
_CONNECTORS = frozenset({"of", "for", "de", "la", "le", "van", "von", "der", "den", "da", "di", "du",
                         "del", "della", "dos", "das", "bin", "ibn", "al", "el", "&"})
_THE_AFTER = frozenset({"of", "for"})
_CONNECTORS_THE = _CONNECTORS | {"the"}
_NUMERALS = frozenset({"V", "X"})  # one-letter Roman numerals inside a name ("I" is too often the pronoun)
_PARTICLE_PREFIXES = frozenset({"al", "el", "bin", "ibn", "abu", "ben", "de", "van", "von", "mc", "mac", "o"})
_HYPHEN_PREFIXES = frozenset({"anti", "pro", "non", "ex", "post", "pre", "mid", "trans", "pan", "neo"})
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*[A-Z][\w.]+(?: [A-Z][\w.]+)?)?\s*(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}\s"
)


class Token(NamedTuple):
    text: str  # as printed, a possessive cut off
    start: int  # offsets in the block's text
    end: int
    initial: bool = False  # the first word of a sentence
    possessive: bool = False
    lower: str = ""  # text in lower case


def token(text: str, start: int, initial: bool = False, possessive: bool = False) -> Token:
    return Token(text, start, start + len(text), initial, possessive, text.lower())


Span = tuple[Token, ...]


def _is_cap(word: str) -> bool:
    """A capitalised word, a brand written with a small first letter ("xAI", "iPhone", "eBay"),
    or a name after a particle and a hyphen ("al-Qaida", "el-Sisi")."""
    return (word[0].isupper() and len(word) > 1 or (len(word) == 1 and word in "&")
            or len(word) > 2 and word[0].islower() and word[1].isupper()
            or "-" in word and is_particle_name(word))


def is_particle_name(word: str) -> bool:
    """'al-Qaida', 'el-Sisi': a name after an Arabic article and a hyphen."""
    head, _, tail = word.partition("-")
    return tail[:1].isupper() and len(tail) > 1 and head in ("al", "el", "ad", "as", "ash", "at", "ar", "an", "az")


ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")


def _split_hyphen(word: str, start: int) -> tuple[list[tuple[str, int]], bool] | None:
    """How a hyphenated word takes part in names: ([(name, offset), ...], whole word?).

    'Guinea-Bissau' is a name as a whole; 'UK-supplied' gives 'UK' alone; 'Israel-Hamas'
    gives two names; 'anti-Kremlin' gives 'Kremlin'; 'al-Assad' is a name; 'long-range' and
    'U-turn' none.
    """
    parts = word.split("-")
    head, tail = parts[0], parts[-1]
    if all(p[:1].isupper() or p[:1].isdigit() for p in parts):
        table = lexicon.gazetteer()
        if word not in table and all(p in table for p in parts):
            offsets = [start + sum(len(q) + 1 for q in parts[:k]) for k in range(len(parts))]
            return list(zip(parts, offsets, strict=True)), False
        return [(word, start)], True
    if head[:1].isupper():
        if word.lower() in lexicon.titles()["head"]:
            return [(word, start)], True
        if len(head) == 1:
            return None  # 'U-turn', 'X-ray', 'T-shirt': a letter, not a name
        if _name_syllable(head, tail) and len(parts) == 2:
            return [(word, start)], True  # 'Cheuk-yan', 'Jae-in': a given name in two parts
        return [(head, start)], False
    if head.lower() in _PARTICLE_PREFIXES and tail[:1].isupper():
        return [(word, start)], True
    if head.lower() in _HYPHEN_PREFIXES and tail[:1].isupper():
        return [(word[len(head) + 1 :], start + len(head) + 1)], False
    return None


def _given_in_two(word: str) -> bool:
    """'Cheuk-ting' right after a surname ("Lam Cheuk-ting"): a given name of two syllables,
    each short, the second in lower case and no modifier ("Kremlin-led", "Covid-era")."""
    parts = word.split("-")
    if len(parts) != 2:
        return False
    head, tail = parts
    return (head[:1].isupper() and head[1:].islower() and len(head) <= 6 and tail.isalpha() and tail.islower()
            and len(tail) <= 4 and tail not in lexicon.modifier_tails())


def _name_syllable(head: str, tail: str) -> bool:
    """Whether 'Head-tail' is one name ('Cheuk-yan', 'Jae-in'), not a name and a modifier
    ('Kremlin-backed', 'UK-led', 'Covid-era')."""
    if not tail.isalpha() or not tail.islower() or head.isupper() or head.lower() in _HYPHEN_PREFIXES:
        return False
    if len(tail) <= 3 and len(head) <= 4:
        return tail not in ("led", "run", "era", "day", "old", "war", "act", "ish")
    return tail not in lexicon.common_words() and tail not in lexicon.stopwords()


def tokens(text: str) -> list[Token]:
    """Every word, acronym and punctuation mark, with sentence starts marked."""
    out: list[Token] = []
    append = out.append
    at_start = True
    abbreviations = lexicon.abbreviations()
    skip_dot = -1
    for m in _TOKEN.finditer(text):
        word, start = m.group(), m.start()
        if start == skip_dot:
            continue
        if len(word) == 2 and word[1] == "." and not (out and out[-1].text[:1].isupper() and out[-1].end == start - 1):
            # an initial only follows a name ("Jerome H. Powell"); "wrote on X. Then" ends a sentence
            append(token(word[0], start, at_start))
            append(Token(".", start + 1, start + 2, False, False, "."))
            at_start = True
            continue
        if word[0].isalpha():
            end = start + len(word)
            if text[end : end + 1] == "." and (word + ".").lower() in abbreviations:
                word, skip_dot = word + ".", end
            possessive = len(word) > 3 and word[-1] == "s" and word[-2] in "'’‘"
            if possessive:
                word = word[:-2]
            append(Token(word, start, start + len(word), at_start, possessive, word.lower()))
            at_start = False
            continue
        append(Token(word, start, start + len(word), at_start and word[0].isdigit(), False, word))
        if word in _SENTENCE_END or (word == "-" and text[start - 1 : start] == " "):
            at_start = True
        elif word not in _OPENERS:
            at_start = False
    return out


def spans(text: str, toks: list[Token] | None = None) -> list[Span]:
    """The capitalised spans of a block, in order (`toks`: its tokens, if already made)."""
    out: list[Span] = []
    toks = tokens(text) if toks is None else toks
    current: list[Token] = []

    def close() -> None:
        while current and current[-1].lower in _CONNECTORS_THE:
            current.pop()
        if current:
            out.append(tuple(current))
        current.clear()

    bridge = -1  # the end of a plural possessive's apostrophe inside a name ("Teachers' Review Body")
    skip_to = -1  # past a nickname in quotes inside a name
    for i, tok in enumerate(toks):
        if i < skip_to:
            continue
        word = tok.text
        adjacent = False
        if current:
            last = bridge if bridge >= 0 else current[-1].end + (2 if current[-1].possessive else 0)
            adjacent = text[last : tok.start].strip() == ""
        bridge = -1
        if current and not adjacent:
            close()
        if (word in ("'", "’") and current and current[-1].text.endswith("s") and not current[-1].possessive
                and tok.start == current[-1].end and _org_word_ends(toks, i + 1, text)):
            current[-1] = token(current[-1].text + word, current[-1].start, current[-1].initial)
            bridge = tok.end
            continue
        nickname = _nickname_end(toks, i, text) if word in _QUOTES and current and current[-1].text[:1].isupper() else 0
        if nickname and not (current and bridge < 0 and text[current[-1].end : tok.start] != " "):
            skip_to, bridge = nickname, toks[nickname - 1].end  # 'Richard "Tex" Coe': the nickname is left out
            continue
        if word == "&" and current and _next_is_cap(toks, i, text):
            current.append(tok)  # "Procter & Gamble"
            continue
        if not word[0].isalpha():
            if not current and word[-1] in "hdt" and ORDINAL.match(word) and _next_is_cap(toks, i, text):
                current.append(tok)  # "507th Air Refueling Wing" (kept only before an institution's word: candidates.py)
                continue
            close()
            continue
        if "-" in word and not tok.lower in lexicon.abbreviations():
            split = _split_hyphen(word, tok.start)
            if split is not None and not split[1] and current and _given_in_two(word):
                split = [(word, tok.start)], True  # "Lam Cheuk-ting", "Wong Kwok-hung": after a surname
            if split is None:
                close()
                continue
            parts, whole = split
            if not whole:
                close()
                for part, start in parts:
                    current.append(token(part, start, tok.initial and start == tok.start))
                    close()
                continue
        if _is_cap(tok.text) or (current and tok.text in _NUMERALS and current[-1].text[:1].isupper()):
            current.append(tok)  # ... or a regnal numeral: "Mohammed V University", "Charles X"
        elif current and (tok.lower in _CONNECTORS_THE or tok.lower == "and" and _and_in_org(current, toks, i, text)) \
                and _next_is_cap(toks, i, text):
            if tok.lower == "the" and current[-1].lower not in _THE_AFTER:
                close()
                continue
            current.append(tok)
            continue
        else:
            close()
            continue
        if tok.possessive:
            close()
    close()
    return out


_QUOTES = {"“": "”", '"': '"', "‘": "’"}


def _nickname_end(toks: list[Token], i: int, text: str) -> int:
    """Where a nickname in quotes between a given name and a surname ends ('“J.D.”' in
    'John “J.D.” Doe'), 0 if there is none at i."""
    close = _QUOTES.get(toks[i].text)
    if close is None:
        return 0
    for j in (i + 2, i + 3):
        if (j + 1 < len(toks) and toks[j].text == close and all(_is_cap(t.text) or t.text[:1].isupper()
                                                                for t in toks[i + 1 : j])
                and text[toks[i].end : toks[j].start].count(" ") <= 1 and text[toks[j].end : toks[j + 1].start] == " "
                and _is_cap(toks[j + 1].text) and toks[j + 1].text[:1].isalpha()):
            return j + 1
    return 0


def _org_word_ends(toks: list[Token], i: int, text: str) -> bool:
    """Whether the capitalised words from i on end in an institution's word ("Review Body",
    "Affairs"): only then does a plural possessive stay inside a name ("ABC News' Jane Doe" ends)."""
    j = i
    while j < len(toks) and _is_cap(toks[j].text) and (j == i or text[toks[j - 1].end : toks[j].start] == " "):
        j += 1
    return j > i and text[toks[i - 1].end : toks[i].start] == " " and toks[j - 1].lower in lexicon.org_words()


def _and_in_org(current: list[Token], toks: list[Token], i: int, text: str) -> bool:
    """Whether the 'and' at i is inside an organisation's name: after "Institute of
    Allergy", or between plain words and a run that ends in an institution's word ("Food
    and Drug Administration", "Securities and Exchange Commission"; not "Jane Doe and Acme
    Corp")."""
    return _org_of(current) or (_org_word_ends(toks, i + 1, text) and all(
        t.lower in lexicon.common_words() and t.lower not in lexicon.given_names() for t in current))


def _org_of(current: list[Token]) -> bool:
    """'Institute of Allergy': an organisation's name that may go on with 'and'."""
    return any(t.lower in ("of", "for") and current[k - 1].lower in lexicon.org_words()
               for k, t in enumerate(current) if k)


_PARTICLES = _CONNECTORS - {"of", "for", "&"}  # "von der Leyen", "de la Cruz"


def _next_is_cap(toks: list[Token], i: int, text: str) -> bool:
    """The next word is capitalised (after more name particles, if this is one)."""
    while i + 1 < len(toks):
        nxt = toks[i + 1]
        if text[toks[i].end : nxt.start].strip() != "":
            return False
        if _is_cap(nxt.text) and nxt.text[0].isalpha():
            return True
        if toks[i].lower not in _PARTICLES or nxt.lower not in _PARTICLES:
            return False
        i += 1
    return False


def dateline(text: str) -> tuple[str, int, int] | None:
    """An all-capitals place opening a story ("LONDON — ..."): (place as printed, start, end)."""
    m = DATELINE.match(text)
    if not m or not any(c.isalpha() for c in m["place"]):
        return None
    return m["place"], m.start("place"), m.end("place")


def is_title_case(text: str) -> bool:
    """A Title Case Headline or an ALL CAPS line: its capitals say nothing about names."""
    if text.rstrip().endswith((".", ".”", ".\"")):
        return False  # a sentence, however many names it holds
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    content = [w for w in words if w.lower() not in lexicon.stopwords() and len(w) > 3]
    if len(content) < 2:
        return False
    lower = sum(1 for w in content if not w[0].isupper())
    return lower <= len(content) // 8
