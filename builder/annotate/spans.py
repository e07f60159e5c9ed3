"""Capitalised spans of one block of text: the raw material of names.

A span is a run of capitalised words (with connectors such as "of" between them) that
the punctuation does not break: "US Secretary of State Jane Doe". Possessives are
cut off ("Ukraine’s" -> "Ukraine"), hyphenated modifiers give their name alone
("UK-supplied" -> "UK"), and every word knows whether it opens a sentence.
"""
from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from builder import wordlists
from builder.annotate import lexicon
from builder.model import EntityType

_WORDS = re.compile(r"[^\W\d_][\w'’-]*")

@cache
def _token_pattern() -> re.Pattern[str]:
    """Words, acronyms, numbers and marks; a capital and a full stop is a middle initial
    only before a capitalised word, or before another such initial ("A. B. Doe"); one
    before a sentence opener (lexicon.stopwords) is none, which `tokens` tells (_opener_next:
    as a look-ahead of 200 words the pattern cost more to compile than the rest of it). One
    group around it all: `split` gives the tokens and what lies between them, with no match
    object made for each."""
    return re.compile(
        r"([A-Z]\.(?:(?:[A-Z]\.)+"  # U.S., U.K.
        r"|(?=\s+(?:[A-Z]\.\s+)?[A-Z][a-z]))"
        # ^ a middle initial: the "H." of "Jerome H. Powell" (not "Plan B. The ...": _opener_next)
        # (one branch for both, so that a word is tried once for a capital and a full stop)
        r"|[^\W\d_]\w*+(?:[-'’‘.&]\w+)*+"  # words with inner hyphens, apostrophes, dots
        r"|\d[\d,.:]*(?:(?<=\d)(?:st|nd|rd|th)\b)?"  # numbers, and ordinals ("507th")
        r"|[^\w\s\u200e\u200f])"  # one punctuation mark (direction marks are none)
    )


_SENTENCE_END = frozenset(".!?:;—–")
_AFTER_INITIAL = re.compile(r"\s+(?:[A-Z]\.\s+)?(\w+)")  # the word a middle initial comes before


@cache
def _sentence_openers() -> frozenset[str]:
    """'The', 'In', 'A': the stopwords, capitalised, that open a sentence, not follow an initial."""
    return frozenset(w.capitalize() for w in lexicon.stopwords() if w.isalpha())


def _opener_next(text: str, end: int) -> bool:
    """Whether the capitalised word after a capital and a full stop that ends at `end`
    (and maybe another such initial) is a sentence opener: "Plan B. The ...", "on X. In ...":
    then the full stop ends a sentence, and the capital is a word of its own."""
    openers = _sentence_openers()
    m = _AFTER_INITIAL.match(text, end)
    return not openers or (m is not None and m.group(1) in openers)
_SPACED_INITIALS = re.compile(r" [A-Z]\. [A-Z][a-z]")  # after a first initial: "A. B. Doe"
_SPACED_PARTICLE = re.compile(r"- ([A-Z][a-z]\w*(?:['’‘]\w+)?)")  # after an Arabic article: "al- Jaafari"


@cache
def _articles() -> frozenset[str]:
    """'al', 'Al', 'el', ...: the Arabic articles (hyphen_words.txt), as printed."""
    return frozenset(form for w in lexicon.hyphen_words()["article"] for form in (w, w.capitalize()))
_DIRECTION_MARKS = "\u200e\u200f"  # left-to-right and right-to-left marks, invisible
_OPENERS = frozenset("“\"‘'([«")
_NUMERALS = frozenset({"V", "X"})  # one-letter Roman numerals inside a name ("I" is too often the pronoun)
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


_new_token = tuple.__new__  # Token(...) without the Python-level __new__ of a NamedTuple (once a word)


def token(text: str, start: int, initial: bool = False, possessive: bool = False) -> Token:
    return _new_token(Token, (text, start, start + len(text), initial, possessive, text.lower()))


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
    return tail[:1].isupper() and len(tail) > 1 and head in lexicon.hyphen_words()["article"]


ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")


_Split = tuple[list[tuple[str, int]], bool]
_NO_NAME: _Split = ([], False)  # a step's answer: decided, the word takes no part in a name


def _split_hyphen(word: str, start: int) -> _Split | None:
    """How a hyphenated word takes part in names: ([(name, offset), ...], whole word?).

    'Guinea-Bissau' is a name as a whole; 'UK-supplied' gives 'UK' alone; 'Israel-Hamas'
    gives two names; 'anti-Kremlin' gives 'Kremlin'; 'al-Assad' is a name; 'long-range' and
    'U-turn' none. The steps in _HYPHEN_STEPS are asked in order; the first that answers decides.
    """
    parts = word.split("-")
    for step in _HYPHEN_STEPS:
        found = step(word, start, parts)
        if found is not None:
            return None if found is _NO_NAME else found
    return None


def _modifier_acronym(word: str, start: int, parts: list[str]) -> _Split | None:
    """'Counter-ZQX', 'Anti-ZQX' (training): the acronym alone."""
    head, tail = parts[0], parts[-1]
    if (len(parts) == 2 and head[1:].islower() and head.lower() in lexicon.hyphen_words()["modifier"]
            and len(tail) > 1 and tail.isupper() and tail.isalpha()):
        return [(tail, start + len(head) + 1)], False
    return None


def _all_capitalised(word: str, start: int, parts: list[str]) -> _Split | None:
    """Every part capitalised: the whole word, or each part when each is a known name and the whole is not."""
    if not all(p[:1].isupper() or p[:1].isdigit() for p in parts):
        return None
    table = lexicon.gazetteer()
    if word not in table and all(p in table for p in parts):
        offsets = [start + sum(len(q) + 1 for q in parts[:k]) for k in range(len(parts))]
        return list(zip(parts, offsets, strict=True)), False
    return [(word, start)], True


def _capital_head(word: str, start: int, parts: list[str]) -> _Split | None:
    """A capitalised first part before lower-case ones."""
    head, tail = parts[0], parts[-1]
    if not head[:1].isupper():
        return None
    if word.lower() in lexicon.titles()["head"]:
        return [(word, start)], True
    if len(head) == 1:
        return _NO_NAME  # 'U-turn', 'X-ray', 'T-shirt': a letter, not a name
    if _name_syllable(head, tail) and len(parts) == 2:
        return [(word, start)], True  # 'Cheuk-yan', 'Jae-in': a given name in two parts
    if len(parts) > 2 and tail[:1].isupper() and all(p in lexicon.hyphen_words()["linker"] for p in parts[1:-1]):
        return [(word, start)], True  # 'Stoke-on-Trent', 'Lashkar-e-Zorb': parts joined by linkers
    return [(head, start)], False


def _lower_head(word: str, start: int, parts: list[str]) -> _Split | None:
    """'al-Assad' (a particle: the whole word), 'anti-Kremlin' (a modifier: the name after it)."""
    head, tail = parts[0], parts[-1]
    if not tail[:1].isupper():
        return None
    if head.lower() in lexicon.hyphen_words()["particle"]:
        return [(word, start)], True
    if head.lower() in lexicon.hyphen_words()["modifier"]:
        return [(word[len(head) + 1 :], start + len(head) + 1)], False
    return None


_PARTY_LETTER = re.compile(r"^[DRI]-[A-Z][a-z]+$")


def _known_place(name: str) -> bool:
    return name in lexicon.gazetteer() or lexicon.is_town_or_region(name)


def _party_letter(word: str, start: int, parts: list[str]) -> _Split | None:
    """'R-Texas', 'R-Dayton': a party's letter before a member's place, the place alone (not
    "D-Day", a common word; "D-Mass." stays one word, an abbreviation no name keeps; "D-San
    Antonio": Spans._party_place)."""
    if _PARTY_LETTER.match(word) and parts[1].lower() not in lexicon.common_words():
        return [(parts[1], start + 2)], False
    return None


_HYPHEN_STEPS = (_modifier_acronym, _party_letter, _all_capitalised, _capital_head, _lower_head)


def _event_word_next(toks: list[Token], i: int, text: str) -> bool:
    """The word after token i, with one space between, is an event's closing word ("Summit")."""
    return (i + 1 < len(toks) and text[toks[i].end : toks[i + 1].start] == " " and toks[i + 1].text[:1].isupper()
            and toks[i + 1].lower in lexicon.events()["end"])


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
    if not tail.isalpha() or not tail.islower() or head.isupper() or head.lower() in lexicon.hyphen_words()["modifier"]:
        return False
    if len(tail) <= 3 and len(head) <= 4:
        return tail not in lexicon.hyphen_words()["suffix"]
    return tail not in lexicon.common_words() and tail not in lexicon.stopwords()


_GIVEN_THEN_NAME = re.compile(r" ([A-Z][a-z]+) [A-Z][a-z]")


def _first_initial(word: str, text: str, end: int) -> bool:
    """'J.' of "J. Edgar Doe": a first initial before a given name of the lists (no common
    word) and a surname (not "I.", the pronoun)."""
    m = _GIVEN_THEN_NAME.match(text, end)
    if m is None or word[0] == "I":
        return False
    given = m.group(1).lower()
    return given in lexicon.given_names() and given not in lexicon.common_words()


_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")


def _after_dotted(before: str, word: str) -> bool:
    """'The' after "U.S.": a capitalised function word after a dotted acronym opens a sentence."""
    return word[0].isupper() and word.lower() in lexicon.stopwords() and _DOTTED.match(before) is not None


def tokens(text: str) -> list[Token]:
    """Every word, acronym and punctuation mark, with sentence starts marked. A word of
    the common kind is made here; a capital (or digit) and a full stop (_letter_and_stop),
    an Arabic article before a spaced name and an abbreviation's full stop (_joined) by the
    steps below."""
    out: list[Token] = []
    append = out.append
    new = _new_token
    at_start = True
    articles = _articles()
    skip_to = -1  # past what a word took in (a spaced particle's name, an abbreviation's full stop)
    pieces = _token_pattern().split(text)  # what lies before the first token, a token, what follows it, ...
    at = len(pieces[0])
    for word, gap in zip(pieces[1::2], pieces[2::2]):
        start = at
        end = start + len(word)
        at = end + len(gap)
        if start < skip_to:
            continue
        if end - start == 2 and word[1] == ".":
            split = _letter_and_stop(out, text, word, start, at_start)
            if split is not None:
                at_start = split
                continue
        first = word[0]
        if first.isalpha():
            if word in articles or text[end : end + 1] == ".":
                word, end, skip_to = _joined(text, word, start, end, skip_to)
            if word[-1] == "s" and len(word) > 3 and word[-2] in "'’‘":  # a possessive
                word = word[:-2]
                append(new(Token, (word, start, end - 2, at_start, True, word.lower())))
            else:
                append(new(Token, (word, start, end, at_start, False, word.lower())))
            at_start = False
            continue
        append(new(Token, (word, start, end, at_start and first.isdigit(), False, word)))
        if word in _SENTENCE_END or (word == "-" and text[start - 1 : start] == " "):
            at_start = True
        elif word not in _OPENERS:
            at_start = False
    return out


def _letter_and_stop(out: list[Token], text: str, word: str, start: int, at_start: bool) -> bool | None:
    """A capital (or a digit) and a full stop, at `start`: appends its tokens to `out` and
    gives whether a sentence starts after them, or None when it stays one token (a middle
    initial: "Jerome H. Powell", "met A. B. Doe", "J. Edgar Doe").

    Before a sentence opener ("Plan B. The ...") it is no middle initial: the capital is a
    word, its full stop a mark, unless the two are an abbreviation. Elsewhere an initial only
    follows a name or opens initials; "wrote on X. Then" ends a sentence."""
    first, end = word[0], start + 2
    if "A" <= first <= "Z" and _opener_next(text, end):
        if (first + ".").lower() in lexicon.abbreviations():
            out.append(_new_token(Token, (word, start, end, at_start, False, word.lower())))
            return False
    elif (out and out[-1].text[:1].isupper() and out[-1].end == start - 1) or _SPACED_INITIALS.match(text, end) \
            or _first_initial(word, text, end):
        return None
    out.append(_new_token(Token, (first, start, start + 1, at_start, False, first.lower())))
    out.append(_new_token(Token, (".", start + 1, end, False, False, ".")))
    return True


def _joined(text: str, word: str, start: int, end: int, skip_to: int) -> tuple[str, int, int]:
    """A word with what follows it and is part of it: an Arabic article's spaced name ("al-
    Jaafari": "al-Jaafari"), an abbreviation's full stop ("Gen."). Returns the word, its end
    and where the next token may start."""
    if word in _articles() and (spaced := _SPACED_PARTICLE.match(text, end)):
        word, skip_to = word + "-" + spaced.group(1), spaced.end()
        end = start + len(word) + 1  # (the space after the hyphen)
    if text[end : end + 1] == "." and (word + ".").lower() in lexicon.abbreviations():
        return word + ".", end + 1, end + 1
    return word, end, skip_to


def spans(text: str, toks: list[Token] | None = None) -> list[Span]:
    """The capitalised spans of a block, in order (`toks`: its tokens, if already made)."""
    return _Spans(text, tokens(text) if toks is None else toks).run()


class _Spans:
    """The spans of one block, built token by token: each token goes to the first step
    that takes it: for a mark, a plural possessive's apostrophe, a nickname's quote, "&",
    else a mark or number; for a word, a hyphenated word's parts, else the word, which
    extends the span or closes it."""

    def __init__(self, text: str, toks: list[Token]) -> None:
        self.text, self.toks = text, toks
        self.out: list[Span] = []
        self.current: list[Token] = []
        self.bridge = -1  # the end of a plural possessive's apostrophe inside a name ("Teachers' Review Body")
        self.skip_to = -1  # past a nickname in quotes inside a name
        self.connectors = lexicon.connectors()

    def run(self) -> list[Span]:
        current = self.current
        for i, tok in enumerate(self.toks):
            if i < self.skip_to:
                continue
            if current and not self._adjacent(tok):
                self.close()
            if not current:  # a lower-case word or a mark with no span open: every step below would pass it by
                word = tok.text  # (and the bridge below is read only once a span is open)
                first = word[0]
                if first.islower() and "-" not in word and (len(word) < 3 or not word[1].isupper()) \
                        or not first.isalnum():
                    continue
            self.bridge = -1
            take = _kept(self.current, self.toks, i, self.text)
            if take:  # an ordinal, a number or "and (the)" kept inside a name
                self.current.extend(self.toks[i : i + take])
                if self.current[-1].text[-1] in ",.":  # ("Resolution 4321, which": the comma ends it)
                    last = self.current[-1]
                    self.current[-1] = token(last.text[:-1], last.start)
                self.skip_to = i + take
                continue
            if tok.text[0].isalpha():
                self._hyphenated(i, tok) or self._word(i, tok)
            else:
                (self._plural_possessive(i, tok) or self._nickname(i, tok) or self._ampersand(i, tok)
                 or (tok.text == "," and self._listed_subject(i, tok)) or self._mark(i, tok))
        self.close()
        return self.out

    def close(self) -> None:
        current = self.current
        while current and (current[-1].lower in self.connectors or current[-1].lower == "the"):
            current.pop()
        if current:
            self.out.append(tuple(current))
        current.clear()

    def _adjacent(self, tok: Token) -> bool:
        """Nothing but spaces between the span so far and the token."""
        last = self.current[-1]
        end = self.bridge if self.bridge >= 0 else last.end + (2 if last.possessive else 0)
        gap = self.text[end : tok.start]
        return gap == " " or gap.strip().strip(_DIRECTION_MARKS) == ""  # (a direction mark is no gap)

    def _plural_possessive(self, i: int, tok: Token) -> bool:
        """'Teachers' Review Body': the apostrophe stays inside an institution's name."""
        current = self.current
        if not (tok.text in ("'", "’") and current and current[-1].text.endswith("s") and not current[-1].possessive
                and tok.start == current[-1].end and _org_word_ends(self.toks, i + 1, self.text)):
            return False
        current[-1] = token(current[-1].text + tok.text, current[-1].start, current[-1].initial)
        self.bridge = tok.end
        return True

    def _nickname(self, i: int, tok: Token) -> bool:
        """'Richard "Tex" Coe': the nickname is left out, the name goes on."""
        current = self.current
        if not (tok.text in _QUOTES and current and current[-1].text[:1].isupper()
                and self.text[current[-1].end : tok.start] == " "):
            return False
        nickname = _nickname_end(self.toks, i, self.text)
        if nickname:
            self.skip_to, self.bridge = nickname, self.toks[nickname - 1].end
        return bool(nickname)

    def _listed_subject(self, i: int, tok: Token) -> bool:
        """Rule institution-subjects (joins.txt): the comma inside "Department for Zorbling,
        Food and Rural Affairs", an institution's word, "for" or "of", then subjects of
        capitalised common words listed with commas and a last "and": one name."""
        current = self.current
        if tok.text != "," or not current or tok.start != current[-1].end or not _subjects_follow(
                current, self.toks, i, self.text):
            return False
        last = current[-1]
        current[-1] = token(last.text + ",", last.start, last.initial)
        return True

    def _ampersand(self, i: int, tok: Token) -> bool:
        """'Procter & Gamble'."""
        if tok.text == "&" and self.current and _next_is_cap(self.toks, i, self.text):
            self.current.append(tok)
            return True
        return False

    def _mark(self, i: int, tok: Token) -> bool:
        """A mark or a number closes the span (an ordinal that opens one is _kept)."""
        self.close()
        return True

    def _hyphenated(self, i: int, tok: Token) -> bool:
        """A hyphenated word that is not one name gives its parts alone ('UK-supplied' ->
        'UK') or none ('long-range'); one that is goes on to _word."""
        if "-" not in tok.text or tok.lower in lexicon.abbreviations():
            return False
        if self._party_place(i, tok):
            return True
        if _PARTY_LETTER.match(tok.text) and self.text[tok.end : tok.end + 1] == ".":
            self.close()  # "R-Kan.": a party's letter and a state's abbreviation, no name
            return True
        split = _split_hyphen(tok.text, tok.start)
        if split is not None and not split[1] and self.current and _given_in_two(tok.text):
            return False  # "Lam Cheuk-ting", "Wong Kwok-hung": one given name after a surname
        if split is not None and split[1]:
            return False
        if split is not None and len(split[0]) > 1 and _event_word_next(self.toks, i, self.text):
            return False  # rule places-event (joins.txt): "the Zorbland-Quuxia Summit" is one event's name
        self.close()
        for part, start in split[0] if split else ():
            self.current.append(token(part, start, tok.initial and start == tok.start))
            self.close()
        return True

    def _party_place(self, i: int, tok: Token) -> bool:
        """'D-San Antonio', 'R-New Mexico': a party's letter, then a place of two words or more
        that goes on after the hyphenated word (a common word first only in a known place's
        name: not "the D-Day Landings Museum"): the place opens a span without the letter."""
        if not (_PARTY_LETTER.match(tok.text) and i + 1 < len(self.toks) and _is_cap(self.toks[i + 1].text)
                and self.text[tok.end : self.toks[i + 1].start] == " " and (
                    tok.lower[2:] not in lexicon.common_words() or _known_place(f"{tok.text[2:]} {self.toks[i + 1].text}"))):
            return False
        self.close()
        self.current.append(token(tok.text[2:], tok.start + 2))
        return True

    def _word(self, i: int, tok: Token) -> bool:
        """A capitalised word or a regnal numeral ("Mohammed V University", "Charles X")
        extends the span (a possessive ends it); a connector before a capital ("of", "von",
        "and" inside an institution's name, "the" after a capitalised "Of") joins it; any
        other word closes it."""
        current = self.current
        if current and current[-1].text[-1] == "." and _after_dotted(current[-1].text, tok.text):
            self.close()  # "... to the U.S. The President said": a new sentence after the acronym's dot
        if _is_cap(tok.text) or (current and tok.text in _NUMERALS and current[-1].text[:1].isupper()):
            current.append(tok)
            if tok.possessive and self._possessive_inside(i, tok):
                current[-1] = token(self.text[tok.start : tok.end + 2], tok.start, tok.initial)  # "People's"
            elif tok.possessive:
                self.close()
        elif current and (tok.lower in self.connectors or tok.lower == "and"
                          and _and_in_org(current, self.toks, i, self.text)) and _next_is_cap(self.toks, i, self.text):
            current.append(tok)
        elif current and tok.lower == "the" and "the" in self.connectors.get(current[-1].lower, ()) \
                and _next_is_cap(self.toks, i, self.text):
            current.append(tok)  # "Friends Of the Earth"
        else:
            self.close()
        return True


    def _possessive_inside(self, i: int, tok: Token) -> bool:
        """'People's' before a capitalised word ("the Zorbland People's Party"): inside the name."""
        return (tok.lower in wordlists.words("entities/name_possessives.txt") and i + 1 < len(self.toks)
                and self.text[tok.end + 2 : self.toks[i + 1].start] == " " and _is_cap(self.toks[i + 1].text))


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
    return j > i and text[toks[i - 1].end : toks[i].start] == " " and (toks[j - 1].lower in lexicon.org_words() or (
        toks[j - 1].lower in lexicon.law_words() and toks[i - 2].lower in lexicon.common_words()
        and toks[i - 2].lower not in lexicon.demonyms()))  # "the Renters' Security Bill" (not "the Democrats' Zorb Act")


def _subjects_follow(current: list[Token], toks: list[Token], i: int, text: str) -> bool:
    """After an institution's "of" or "for" and its first subject, at the comma i: more subjects
    of one or two capitalised common words, with commas, then "and" and a last one of up to
    three, and the run ends there ("..., Food and Rural Affairs said")."""
    at = next((k for k in range(len(current) - 1, 0, -1) if current[k].lower in ("of", "for")), 0)
    if not at or current[at - 1].lower not in lexicon.org_words() or len(current) - at > 3:
        return False
    k, seen_and = i, False
    while k < len(toks):
        mark = toks[k]
        if mark.text == ",":
            pass
        elif mark.lower == "and" and not seen_and:
            seen_and = True
        else:
            break
        j = k + 1
        while j < len(toks) and j - k <= 3 and _subject_word(toks[j]) and text[toks[j - 1].end : toks[j].start] in (
                " ", ""):
            j += 1
        if j == k + 1 or j - k > (3 if seen_and else 2):
            return False
        k = j
        if seen_and:
            return k >= len(toks) or not _is_cap(toks[k].text)
    return False


def _subject_word(tok: Token) -> bool:
    """A capitalised common word, no given name or known name: a subject ("Food", "Rural")."""
    return (tok.text[:1].isupper() and tok.lower in lexicon.common_words() and tok.lower not in lexicon.given_names()
            and tok.text not in lexicon.gazetteer())


def _and_in_org(current: list[Token], toks: list[Token], i: int, text: str) -> bool:
    """Whether the 'and' at i is inside an organisation's name: after "Institute of
    Allergy", or between plain words and a run that ends in an institution's word ("Food
    and Drug Administration", "Securities and Exchange Commission"; not "Jane Doe and Acme
    Corp", nor a nationality and another's institution: "the French and Royal Navy")."""
    if _org_of(current):  # not "Institute of Technology and [Texas] State University", nor a long run after it
        return not _place_opens(toks, i + 1) and _run_length(toks, i + 1, text) <= 3
    words = current[1:] if len(current) > 1 and _is_country(current[0].text) else current  # "U.S. Space and Rocket Center"
    if _run_length(toks, i + 1, text) < 2:
        return False  # "our Joint and Coalition partners": two words, no name
    return (_org_word_ends(toks, i + 1, text) or _org_word_before_title(toks, i + 1, text)) and all(
        t.lower in lexicon.common_words() and t.lower not in lexicon.given_names() and t.lower not in lexicon.demonyms()
        for t in words)


def _run_length(toks: list[Token], i: int, text: str) -> int:
    """How many capitalised words follow one another from i."""
    k = i
    while k < len(toks) and _is_cap(toks[k].text) and (k == i or text[toks[k - 1].end : toks[k].start] == " "):
        k += 1
    return k - i


def _org_word_before_title(toks: list[Token], i: int, text: str) -> bool:
    """'Accountability Committee' of "... and Accountability Committee Chairman Jane Doe": the
    capitalised words from i end in an institution's word right before a title's word."""
    j = i
    heads = lexicon.titles()["head"]
    while j < len(toks) and _is_cap(toks[j].text) and (j == i or text[toks[j - 1].end : toks[j].start] == " "):
        if toks[j].lower in heads:
            return j > i and toks[j - 1].lower in lexicon.org_words()
        j += 1
    return False


def _is_country(word: str) -> bool:
    """'U.S.', 'Zorbland' (a country of the gazetteer): an institution's name may open with it."""
    hit = lexicon.gazetteer().get(word)
    return hit is not None and hit[1] is EntityType.PLACE and hit[0] in lexicon.geo_places()["country"]


def _place_opens(toks: list[Token], i: int) -> bool:
    """A known place opens the words at i, and an institution's word closes them: a second
    institution's name ("... and Zorbland State University")."""
    table = lexicon.gazetteer()
    for j in (i + 1, i + 2):  # ("Zorbland", "New Zorbland")
        hit = table.get(" ".join(t.text for t in toks[i:j])) if j <= len(toks) else None
        if hit is not None and hit[1] is EntityType.PLACE:
            return True
    return False


_KEPT_WORDS = frozenset({"and", "of", "for", "to", "at", "on"})  # the words _kept's rules keep inside a name


def _kept(current: list[Token], toks: list[Token], i: int, text: str) -> int:
    """How many tokens from i a name keeps that are no capitalised words (0: none):
    an ordinal before a unit ("507th Air Refueling Wing", kept only before an institution's
    word: candidates.py), an acronym's number ("ZTF 50": rule designator-number), "and" or
    "and the" in "Zorblatt State of Kenya and the Quux" (rule of-place-and-place)."""
    word = toks[i].text
    if not current:
        return int(word[-1] in "hdt" and ORDINAL.match(word) is not None and _next_is_cap(toks, i, text))
    if word[0].isdigit():
        return int(_designator(current, toks, i, text) or _law_number(current, toks, i, text)
                   or _place_then_ordinal(current, toks, i, text))
    if toks[i].lower not in _KEPT_WORDS:
        return 0  # (what every rule below looks for first: most words, no rule asked)
    if toks[i].lower == "and" and _and_place(current, toks, i, text):
        return 2 if toks[i + 1].lower == "the" else 1
    if toks[i].lower == "and" and _and_institution(current, toks, i, text):
        return 1
    if toks[i].lower == "on":
        treaty = _treaty_on(current, toks, i, text)
        if treaty:
            return treaty
    return 2 * _institution_of_the(current, toks, i, text) or int(
        _institution_to(current, toks, i, text) or _campus_at(current, toks, i, text)
        or (toks[i].lower == "on" and _institution_on(current, toks, i, text)))


def _and_institution(current: list[Token], toks: list[Token], i: int, text: str) -> bool:
    """Rule and-institution (joins.txt): a capitalised common word, "and", then up to four
    capitalised common words that end in an institution's word: one name ("the Zorb Relief
    and Works Agency", "the Taxpayers and Research Association"; not "Jane Doe and Acme
    Agency", "Zorbland and Quuxland Agency", nor two bodies: "Senate and House Committee")."""
    last = current[-1]
    titles = lexicon.titles()
    if not (_is_cap(last.text) and last.lower in lexicon.common_words()) or any(
            t.lower in lexicon.given_names() or t.lower in titles["hon"] or t.lower in titles["head"] for t in current) or (
            last.lower in lexicon.org_words() or last.lower in lexicon.demonyms()
            or lexicon.gazetteer().get(last.text) is not None):
        return False  # (nor two peoples' bodies: "the French and Royal Navy ships")
    for k in range(i + 1, min(i + 5, len(toks))):
        word = toks[k]
        if text[toks[k - 1].end : word.start] != " " or not _is_cap(word.text) or (
                word.lower not in lexicon.common_words() or word.lower in lexicon.given_names()):
            return False
        if word.lower in lexicon.org_words():
            return k > i + 1 or len(current) > 1  # (not "Relief and Agency" alone)
    return False


_TREATY_LINKS = frozenset({"the", "of", "and", "on", "against", "for"})


def _treaty_on(current: list[Token], toks: list[Token], i: int, text: str) -> int:
    """Rule treaty-on (joins.txt): a treaty's or convention's word (treaty_heads.txt), "on"
    and its subject of capitalised words joined by "the", "of" or "and": the tokens from "on"
    the name keeps, to its last capitalised word ("the Zorb Convention on the Law of the Sea",
    "the Treaty on the Non-Proliferation of Zorb Weapons"); 0 if none."""
    if current[-1].lower not in lexicon.treaty_heads() or not current[-1].text[:1].isupper():
        return 0
    k, last = i + 1, 0
    while k < len(toks) and text[toks[k - 1].end : toks[k].start] in (" ", ""):
        word = toks[k]
        if _is_cap(word.text) and word.lower not in lexicon.dates():
            last = k
        elif not (word.lower in _TREATY_LINKS and word.text[:1].islower() or word.text == "-"):
            break
        k += 1
    return last - i + 1 if last else 0


@cache
def _on_heads() -> frozenset[str]:
    return wordlists.words("entities/on_heads.txt")


def _institution_on(current: list[Token], toks: list[Token], i: int, text: str) -> bool:
    """Rule institution-on (joins.txt): a council's, commission's or office's word, "on" and
    its subject, capitalised common words that end the run ("Zorblatt Council on Foreign
    Relations", "Office on Drugs and Crime"; not "the Council on Monday", "... on Kenya")."""
    if toks[i].lower != "on" or current[-1].lower not in _on_heads() or not current[-1].text[:1].isupper():
        return False
    k = i + 1
    while k < len(toks) and text[toks[k - 1].end : toks[k].start] == " " and _is_cap(toks[k].text):
        word = toks[k].lower
        if (word not in lexicon.common_words() or word in lexicon.given_names() or word in lexicon.dates()
                or word in lexicon.stopwords() or lexicon.gazetteer().get(toks[k].text) is not None):
            return False
        k += 1
    return k > i + 1


_SCHOOLS = frozenset({"university", "college", "institute", "school"})


def _campus_at(current: list[Token], toks: list[Token], i: int, text: str) -> bool:
    """Rule campus-at (joins.txt): "University of Zorbland at Quuxville": a school's name of
    a place, "at" and its campus's place (a known one)."""
    if toks[i].lower != "at" or len(current) < 3 or current[0].lower not in _SCHOOLS or current[1].lower != "of":
        return False
    k = i + 1
    while k < len(toks) and _is_cap(toks[k].text) and text[toks[k - 1].end : toks[k].start] == " ":
        k += 1
    campus = " ".join(t.text for t in toks[i + 1 : k])
    return k > i + 1 and (campus in lexicon.geo_places()["local"]
                          or lexicon.gazetteer().get(campus, ("", None))[1] is EntityType.PLACE)


def _institution_to(current: list[Token], toks: list[Token], i: int, text: str) -> bool:
    """Rule institution-to (joins.txt): an institution's word, "to" and a capitalised common
    word, its aim: "Zorblatt Coalition to Counter Quux", "Committee to Protect Zorblatts"."""
    if toks[i].lower != "to" or current[-1].lower not in lexicon.org_words() or i + 2 >= len(toks):
        return False
    nxt = toks[i + 1]  # (and a capitalised object after it: not "the Ministry to Request it")
    if not (text[toks[i].end : nxt.start] == " " and _is_cap(nxt.text) and nxt.lower in lexicon.common_words()
            and nxt.lower not in lexicon.given_names() and nxt.lower not in lexicon.org_words()
            and _next_is_cap(toks, i + 1, text)):
        return False
    return True  # (a person's name after the run is cut from it: candidates._institution_then_person)


def _institution_of_the(current: list[Token], toks: list[Token], i: int, text: str) -> bool:
    """Rule institution-of-the (joins.txt): an institution's word, then "of the" or "for the"
    and a capitalised word ("Ministry of the Zorblatt", "Foundation for the Fine Arts");
    after "for the" only a common word ("Acme Foundation for the Nobel prize" is two names)."""
    if toks[i].lower not in ("of", "for") or current[-1].lower not in lexicon.org_words() or i + 2 >= len(toks):
        return False
    the, nxt = toks[i + 1], toks[i + 2]
    if the.lower != "the" or text[toks[i].end : nxt.start] != " the " or not _is_cap(nxt.text):
        return False
    if _place_opens(current, 0) and _place_opens(toks, i + 2):
        return False  # "Zorbland State University of the US": a place's institution, then where it is
    return toks[i].lower == "of" or nxt.lower in lexicon.common_words()


_DESIGNATOR = re.compile(r"^[A-Z]{2,5}$")
_NUMBER = re.compile(r"^\d{1,3}$")


def _designator(current: list[Token], toks: list[Token], i: int, text: str) -> bool:
    """Rule designator-number (joins.txt): a lone acronym of capitals, a space and a number of
    one to three digits that no lower-case word follows ("ZTF 50 sailed", not "NATO 32
    members", "ZTF 50 km")."""
    if not current or len(current) > 1 and current[-2].lower not in ("of", "for"):
        return False  # (the acronym alone, or after "of": "Ships of ZTF 50")
    last = current[-1]
    if not _DESIGNATOR.match(last.text) or last.possessive:
        return False
    if not _NUMBER.match(toks[i].text) or text[last.end : toks[i].start] != " ":
        return False
    if lexicon.gazetteer().get(last.text, ("", None))[1] is EntityType.PLACE:
        return False  # "UK 50", "US 1": a country and a figure
    return _number_ends(toks, i)


def _number_ends(toks: list[Token], i: int) -> bool:
    """Whether the number at i ends a name: no word follows it, or a function word or a verb
    ("ZTF 50 sailed", "... said"), not a noun it counts ("ZTF 50 Zorb", "50 members")."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or not nxt.text[:1].isalpha() or toks[i].text[-1] in ",.":
        return True  # (a comma or full stop written with the number ends it: "Zorb Bill 189, allows")
    return nxt.lower in lexicon.stopwords() - {"per"} or nxt.lower.endswith("ed") or (
        nxt.lower in lexicon.reporting_verbs())


_LAW_NUMBER = re.compile(r"^\d{2,5}[,.]?$")


@cache
def numbered_laws() -> frozenset[str]:
    return wordlists.words("entities/numbered_laws.txt")


def _place_then_ordinal(current: list[Token], toks: list[Token], i: int, text: str) -> bool:
    """'the US 101st Zorb Division': a country's name alone, then a unit's ordinal before a
    capitalised word: one span (the country is cut off by candidates.py)."""
    return (len(current) == 1 and _is_place(current[0].text) and text[current[0].end : toks[i].start] == " "
            and toks[i].text[-1] in "hdt" and ORDINAL.match(toks[i].text) is not None and _next_is_cap(toks, i, text))


def _is_place(word: str) -> bool:
    """A known place's name ('US', 'France'): the gazetteer's."""
    hit = lexicon.gazetteer().get(word)
    return hit is not None and hit[1] is EntityType.PLACE


def _law_number(current: list[Token], toks: list[Token], i: int, text: str) -> bool:
    """Rule law-number (joins.txt): a capitalised word of a law that goes by its number
    ("Resolution", "Directive": numbered_laws.txt), a space and the number: one name
    ("Council Resolution 4321 to protect", not "the Resolution 40 people backed")."""
    last = current[-1]
    return (last.lower in numbered_laws() and last.text[:1].isupper() and not last.possessive
            and _LAW_NUMBER.match(toks[i].text) is not None and text[last.end : toks[i].start] == " "
            and _number_ends(toks, i))


_STATE_HEADS = frozenset({"state", "kingdom", "republic", "emirate", "caliphate"})


def _and_place(current: list[Token], toks: list[Token], i: int, text: str) -> bool:
    """Rule of-place-and-place (joins.txt): "Zorblatt State of Kenya and the Quux",
    "Kingdom of Ruritania and Quux": a state's word, "of", a known place, then "and" (or
    "and the") and one to three capitalised words that end the run and name no institution
    and no known place (those are listed: "Republic of Korea and the United States")."""
    of = next((k for k in range(len(current) - 1, 0, -1) if current[k].lower == "of"), 0)
    if not of or current[of - 1].lower not in _STATE_HEADS or not current[of - 1].text[0].isupper():
        return False
    place = " ".join(t.text for t in current[of + 1 :])
    if lexicon.gazetteer().get(place, ("", None))[1] is not EntityType.PLACE:
        return False
    j = i + 1 + (i + 1 < len(toks) and toks[i + 1].lower == "the")
    k = j
    while k < len(toks) and _is_cap(toks[k].text) and text[toks[k - 1].end : toks[k].start] == " ":
        k += 1
    tail = toks[j:k]
    name = " ".join(t.text for t in tail)
    return (0 < len(tail) <= 3 and tail[-1].lower not in lexicon.org_words() and name not in lexicon.gazetteer()
            and name not in lexicon.geo_places()["local"] and not any(t.lower in lexicon.titles()["head"] for t in tail))


def _org_of(current: list[Token]) -> bool:
    """'Institute of Allergy': an organisation's name that may go on with 'and'."""
    return any(("org" in lexicon.connectors().get(t.lower, ()) or t.lower == "on")  # ("on": rule institution-on)
               and current[k - 1].lower in lexicon.org_words() for k, t in enumerate(current) if k)


def _next_is_cap(toks: list[Token], i: int, text: str) -> bool:
    """The next word is capitalised (after more name particles, if this is one)."""
    particles = lexicon.name_particles()  # "von der Leyen", "de la Cruz"
    while i + 1 < len(toks):
        nxt = toks[i + 1]
        if text[toks[i].end : nxt.start].strip() != "":
            return False
        if _is_cap(nxt.text) and nxt.text[0].isalpha():
            return True
        if toks[i].lower not in particles or nxt.lower not in particles:
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
    end = text.rstrip()
    if end.endswith((".", ".”", ".\"")) and not _DOTTED.match(end.rsplit(None, 1)[-1].rstrip("”\"")):
        return False  # a sentence, however many names it holds (a headline may end in "N.Y.C.")
    words = _WORDS.findall(text)
    most = len(words) // 8  # (more content words in lower case than that: no headline, whatever follows)
    stopwords = lexicon.stopwords()
    content = lower = 0
    for w in words:
        if len(w) > 3 and w.lower() not in stopwords:
            content += 1
            if not w[0].isupper():
                lower += 1
                if lower > most:
                    return False
    return content >= 2 and lower <= content // 8
