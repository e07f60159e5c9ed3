"""An institution's word written alone with a capital: "the Ministry", "the Coalition"
(rules `short-form` and `coalition-alone`, words in builder/data/entities/institutions.txt).

Releases name a body in full once ("the Zorbland Ministry of Quux") and then by its word
alone ("the Ministry said"). `mark` finds those words in a block (after "the", or for a
coalition also mid-sentence: "Coalition efforts"), where no name covers them; `join`, over
the whole article, gives each to the one body of that word the article names in full before
it. With two such bodies, or none, a `short` word names nothing; an `alone` word ("the
Coalition") is then a body of its own, and so it is when the article wrote the word alone
before naming a coalition in full (that one is another: "its Coalition trained a force, the
Zorb Arab Coalition").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache

from builder import wordlists
from builder.annotate import candidates, lexicon
from builder.annotate.candidates import Found, best_type
from builder.annotate.spans import Token
from builder.model import EntityType

O, P = EntityType.ORG, EntityType.PERSON
RULE = "institution-alone"  # the evidence rule (evidence.txt) of a word found here
_WEIGHT = 3.0  # an institution's word: an organisation


@cache
def kinds() -> dict[str, str]:
    """Each word (lower case) -> "short" or "alone"."""
    return dict(line.lower().split("\t")[:2] for line in wordlists.lines("entities/institutions.txt"))


@cache
def _pattern() -> re.Pattern[str]:
    words = "|".join(sorted(w.capitalize() for w in kinds()))
    # the word with a capital, maybe after "the"; not inside a longer word or a hyphened one
    return re.compile(rf"(?<![\w’'-])(?:([Tt]he)\s+)?({words})(?![\w-])")


@cache
def _capitalised() -> tuple[str, ...]:
    return tuple(w.capitalize() for w in kinds())


@cache
def _any_capitalised() -> re.Pattern[str]:
    """Any of the words with a capital, anywhere (a block with none is passed by: one search,
    not one for each word)."""
    return re.compile("|".join(map(re.escape, _capitalised())) or r"(?!)")


# a longer name goes on after the word ("the Ministry of Quux", "the Coalition Provisional Authority")
_GOES_ON = re.compile(r"\s+(?:(?:of|for|to|on|in)\s+(?:the\s+)?)?[A-Z0-9]")


def mark(text: str, toks: Sequence[Token], founds: list[Found]) -> None:
    """Add a Found for each institution's word of the block that no name covers."""
    if _any_capitalised().search(text) is None:
        return
    spans = sorted((f.start, max(f.end, f.outer)) for f in founds)
    starts = [s for s, _ in spans]
    tok_starts = [t.start for t in toks]
    for m in _pattern().finditer(text):
        start, end = m.span(2)
        k = bisect_right(starts, end) - 1
        if k >= 0 and spans[k][1] > (m.start(1) if m.group(1) else start):
            continue  # inside a name, or a name ends on "the"
        if _GOES_ON.match(text, end):
            continue
        word = m.group(2)
        the = m.group(1)
        at = bisect_right(tok_starts, m.start()) - 1
        initial = at >= 0 and tok_starts[at] == m.start() and toks[at].initial
        if not the and (initial or kinds()[word.lower()] != "alone"):
            continue  # "Coalition aircraft struck": the capital opens the sentence
        if not the and text[max(0, start - 1) : start] in ("(", "“", '"'):
            continue
        found = Found(start, end, word, {O: _WEIGHT}, evidence={RULE, "org-head"}, initial=initial)
        if not initial:
            found.evidence.add("mid-sentence")
        founds.append(found)


def _head(words: list[str]) -> str:
    """The word that says what a body is: the one before its first "of", "for" or "to" ("Ministry
    of Quux", "Coalition to Counter Zorb"), else its last ("Zorb Coalition"); in lower case."""
    lower = [w.lower() for w in words]
    at = next((k for k, w in enumerate(lower[1:], 1) if w in _OF), len(lower))
    return lower[at - 1]


_OF = frozenset({"of", "for", "to"})


def join(founds: list[Found]) -> list[Found]:
    """The article's founds with each institution's word given to the one body of that word
    named in full before it (every mention of the word in the article, or none), and the
    `short` words that name no such body left out."""
    alone = [f for f in founds if RULE in f.evidence]
    if not alone:
        return founds
    words = {f.name.lower() for f in alone}
    bodies: dict[str, dict[str, int]] = {}  # word -> full name -> where it is first named
    known: dict[str, Found] = {}  # a full name from the gazetteer -> a found of it
    for found in founds:
        if RULE in found.evidence or len(found.words) < 2 or best_type(found.scores) is not O:
            continue
        word = _head(found.words)
        if word in words:  # (not an owner, "the Coalition's Small Group", nor a modifier, "Coalition Provisional Authority")
            named = bodies.setdefault(word, {})
            named[found.name] = min(named.get(found.name, found.start), found.start)
        if found.known:
            known[found.name] = found
    first: dict[str, int] = {}
    for found in alone:
        key = found.name.lower()
        first[key] = min(first.get(key, found.start), found.start)
    dropped: set[int] = set()
    for found in alone:
        key = found.name.lower()
        named = bodies.get(key, {})
        if len(named) == 1 and next(iter(named.values())) < first[key]:
            found.name = next(iter(named))
            if found.name in known:  # "the Commission" of the "European Commission": known too
                found.known, found.scores = True, dict(known[found.name].scores)
        elif kinds()[key] != "alone":
            dropped.add(id(found))
        else:
            found.name = found.name.capitalize()
    return [f for f in founds if id(f) not in dropped] if dropped else founds


# what an organisation that makes its neighbour in a list one too has for it
_ORG_ANCHOR = frozenset({"known", "acronym", "acronym-defined", "org-head", RULE})
# what a lone word has for it when nothing says what it is: its capital, its rarity, a preposition
_SHAPE_ONLY = frozenset({"mid-sentence", "rare-word", "place-prep"})


def listed_with_orgs(text: str, founds: list[Found]) -> None:
    """Rule `listed-with-org`: a name of one word that nothing but its shape speaks for, listed
    with an organisation ("the ZQF and Zorbmerga"), is an organisation too (as a name listed
    with places is a place: candidates._listed_with_places)."""
    if len(founds) < 2 or not any(" " not in f.name and not f.known and f.evidence <= _SHAPE_ONLY for f in founds):
        return  # (no lone word to type: most blocks)
    for a, b in candidates._list_pairs(text, sorted(founds, key=lambda f: f.start)):
        for anchor, other in ((a, b), (b, a)):
            if (best_type(anchor.scores) is O and anchor.evidence & _ORG_ANCHOR and len(other.words) == 1
                    and not other.known and other.evidence <= _SHAPE_ONLY and best_type(other.scores) is O):
                other.add(O, 2, "listed-with-org")


# what a person that makes its neighbour in a list one too has for it
_PERSON_ANCHOR = frozenset({"given-name", "title", "role", "middle-initial"})
_PERSON_SHAPE = frozenset({"mid-sentence", "rare-word", "multiword"})


def listed_with_people(text: str, founds: list[Found]) -> None:
    """Rule `listed-with-person`: a name of two or three words that nothing but its shape
    speaks for (a person's by default: "Dries Zorbens"), listed with a person named by a given
    name, a title or a role ("Zorbo Quuxley, Jane Flobber, and Dries Zorbens"), is a person too."""
    if len(founds) < 2 or not any(_shaped_person(f) for f in founds):
        return  # (no name of a person's shape alone: most blocks)
    for a, b in candidates._list_pairs(text, sorted(founds, key=lambda f: f.start)):
        for anchor, other in ((a, b), (b, a)):
            if best_type(anchor.scores) is P and anchor.evidence & _PERSON_ANCHOR and _shaped_person(other):
                other.add(P, 1, "listed-with-person")


def _shaped_person(found: Found) -> bool:
    """A person by its shape alone: two or three words, nothing else for it."""
    return (2 <= len(found.words) <= 3 and not found.known and found.evidence <= _PERSON_SHAPE
            and best_type(found.scores) is P)


_ITEM = r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*"
# "Department for Zorb, Culture, Media and Sport": a body's word, "for" or "of", its remit listed
_REMIT_AFTER = re.compile(rf"\b([A-Z][a-z]+)\s+(?:for|of)\s+(?:the\s+)?({_ITEM}(?:,\s+{_ITEM})+,?\s+and\s+{_ITEM})")
# "the Foreign, Zorbwealth and Development Office": the remit listed before the body's word
# (its first item may be two words: "the Net Zorb, Energy and Transport Committee")
_REMIT_BEFORE = re.compile(rf"(?<=[a-z] )([A-Z][a-z]+(?: [A-Z][a-z]+)?(?:,\s+[A-Z][a-z]+)*),\s+({_ITEM}\s+and\s+{_ITEM})")
_LIST_SPLIT = re.compile(r",\s+|,?\s+and\s+")
# what both remit patterns need: a comma, capitalised items and "and" before another (a
# search that opens with a literal, cheaper than theirs, which are asked only after it)
_REMIT_LIKE = re.compile(r",\s+[A-Z][\w’'\s,-]*?\sand\s+[A-Z]")


def _remit_words(items: str) -> bool:
    """The items of a remit are common words ("Culture", "Rural Affairs"), no place's or person's name."""
    for item in _LIST_SPLIT.split(items):
        words = item.split()
        if not words or any(w.lower().strip("’'") not in lexicon.common_words() for w in words):
            return False
        if lexicon.gazetteer().get(item, ("", None))[1] is EntityType.PLACE or (
                len(words) > 1 and words[0].lower() in lexicon.given_names()):
            return False
    return True


def remit(text: str, founds: list[Found]) -> list[Found]:
    """Rule `remit-list` (joins.txt): a body's remit listed with commas and "and" is inside its
    name ("the Department for Zorb, Culture, Media and Sport", "the Foreign, Zorbwealth and
    Development Office", the one body, not two or three names)."""
    if ", " not in text or " and " not in text or _REMIT_LIKE.search(text) is None:
        return founds
    spans: list[tuple[int, int]] = []
    for m in _REMIT_AFTER.finditer(text):
        if m.group(1).lower() in lexicon.org_words() and _remit_words(m.group(2)):
            spans.append(m.span())
    for m in _REMIT_BEFORE.finditer(text):
        if (m.group(2).split()[-1].lower() in lexicon.org_words() and _remit_words(m.group(1) + ", " + m.group(2))
                and not any(a < m.end() and m.start() < b for a, b in spans)):  # (inside one found after "for")
            spans.append(m.span())
    if not spans:
        return founds
    out = list(founds)
    for start, end in spans:
        end = max([end] + [f.end for f in out if start <= f.start < end])  # ("... Affairs of Zorbland")
        out = [f for f in out if f.end <= start or f.start >= end]
        initial = re.search(r"(?:^|[.!?:]\s*)$", text[:start]) is not None
        found = Found(start, end, " ".join(text[start:end].split()), {O: 4.0}, evidence={"org-head", "multiword"},
                      initial=initial)
        if not initial:
            found.evidence.add("mid-sentence")
        out.append(found)
    return out
