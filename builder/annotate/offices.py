"""Long offices written before a person's name: "Chancellor of the Exchequer Jane Doe",
"Minister for the Middle East Jane Doe", "Parliamentary Under-Secretary of State for
Defence Procurement Jane Doe", "The Chancellor of the Exchequer, Jane Doe, said".

An office of several words with its "of", "for" or "to" is cut by the candidates into
pieces (a role written alone, a subject read as a name, or the office and the name read
as one person). Here, once a block's names are found, such an office gives the person
after it the role, and the name is left clean: a name that swallowed the office is cut
back to the given name and surname, a fragment of the office read as a person or the
office read as an organisation is no name (what it is of, "the Treasury", "the Middle
East", "the Zorblatt Council", stays a name). Only a name that opens with a known given
name is read so (a name of rare words after a portfolio of common words is the
candidates' `_portfolio`), and an office is never read across another person's name
("Secretary of State Jane Roe and Minister Tom Doe": the office is hers).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from builder.annotate import lexicon
from builder.annotate.candidates import Found, best_type
from builder.annotate.spans import Token
from builder.model import EntityType

_CONNECTORS = frozenset({"of", "for", "to", "on", "the", "and", "&"})
_SUBJECT_OF = frozenset({"of", "for", "to", "on"})  # ("Adviser on Interior Affairs Jane Doe")
# what follows a name an office stands before with a comma: a comma, the sentence's end, a reporting verb
_AFTER_NAME = re.compile(r"\s*(?:[,;:.)]|\s(?:said|says|told|added|wrote|announced)\b)")


class _Office(NamedTuple):
    """An office before a name: where the role starts, where the name starts, the name and
    the role."""

    start: int
    name_start: int
    name: str
    role: str


def apply(text: str, toks: Sequence[Token], founds: list[Found]) -> list[Found]:
    """The founds of one block, with the roles of long offices before names given and the
    names left clean (a new list; the founds that name a person are updated)."""
    offices = _offices(text, toks, founds)
    return _applied(offices, founds) if offices else founds


def _offices(text: str, toks: Sequence[Token], founds: list[Found]) -> list[tuple[Found, _Office]]:
    """The findings: each found that names a person after a long office, with that office."""
    starts: list[int] | None = None
    offices: list[tuple[Found, _Office]] = []
    for found in founds:
        at = _name_at(found)
        if at is None:
            continue
        name_start = found.start + sum(len(w) + 1 for w in found.words[:at]) if at else found.start
        if text[name_start : name_start + len(found.words[at])] != found.words[at]:
            continue  # (a name not printed as found: spaces or marks inside it)
        if starts is None:
            starts = [t.start for t in toks]
        k = bisect_left(starts, name_start)
        if k >= len(toks) or toks[k].start != name_start:
            continue
        office = _office_before(text, toks, k, found)
        if office is not None and not any(_person_between(other, found, office) for other in founds):
            offices.append((found, office))
    return offices


def _applied(offices: list[tuple[Found, _Office]], founds: list[Found]) -> list[Found]:
    """Apply the findings: the office's pieces read as names dropped, the names cut back to
    where they start, their roles given."""
    drop: set[int] = set()
    for found, office in offices:
        for other in founds:
            if other is found or other.known or other.role_only:
                continue
            if not (other.end > office.start and other.start < office.name_start):
                continue  # (a name before the office is no piece of it: "Jane Roe and Secretary of ...")
            if other.start == office.start or best_type(other.scores) is EntityType.PERSON or _topic(office, other):
                drop.add(id(other))  # the office read as a name, or a piece of the run read as a person
                # (what the office is of stays a name: "CEO of the Zorblatt Council"; a topic after "on" does not)
        if found.start < office.name_start:
            found.start, found.name = office.name_start, office.name  # "State for Defence Jane Doe" -> "Jane Doe"
            found.initial = False
        if not found.role:
            found.role = office.role
            found.add(EntityType.PERSON, 4, "role")
    return [f for f in founds if id(f) not in drop]


def _topic(office: _Office, other: Found) -> bool:
    """'Interior Affairs' of "Adviser on Interior Affairs": an office's topic after "on", in
    common words, is no body."""
    before = office.role[: other.start - office.start].rstrip()
    return before.endswith(" on") and all(w.lower() in lexicon.common_words() for w in other.words)


def _name_at(found: Found) -> int | None:
    """The word of a found where a person's name starts (a known given name and a surname,
    at most two words after it), None if it is no such name."""
    if found.known or found.role_only:
        return None
    words = found.words
    givens, common = lexicon.given_names(), lexicon.common_words()
    for k in range(max(0, len(words) - 3), len(words) - 1):
        word = words[k].lower()
        if word in givens and word not in common and words[k + 1][:1].isupper():
            return k
    return None


def _office_before(text: str, toks: Sequence[Token], k: int, found: Found) -> _Office | None:
    """A long office that ends right before the name at token k (or before a comma there,
    with a comma or a reporting verb after the name), with its title's head and a subject."""
    end = k
    if k and toks[k - 1].text == ",":
        if not _AFTER_NAME.match(text, found.end):
            return None
        end = k - 1
    run = _run_start(toks, end)
    heads = _heads()
    head = next((h for h in range(end - 2, run - 1, -1) if toks[h].text[:1].isupper() and _is_head(toks[h].lower, heads)
                 and toks[h + 1].lower in _SUBJECT_OF), None)  # (the office nearest the name)
    if head is None or not any(t.text[:1].isupper() for t in toks[head + 2 : end]):
        return None
    first = head
    mods = lexicon.titles()["mod"]
    while first > run and toks[first - 1].text[:1].isupper() and (
            toks[first - 1].lower in mods or _is_head(toks[first - 1].lower, heads)):
        first -= 1
    if toks[end - 1].lower in _CONNECTORS:
        return None  # "Minister of the": no subject before the name
    name = " ".join(found.words[_name_at(found) or 0 :])
    return _Office(toks[first].start, toks[k].start, name, text[toks[first].start : toks[end - 1].end])


def _run_start(toks: Sequence[Token], end: int) -> int:
    """Where the run of capitalised words and connectors before token `end` starts (at a
    sentence's first word, at the latest; a possessive ends it)."""
    run = end
    while run > 0:
        tok = toks[run - 1]
        if not (tok.text[:1].isupper() or tok.lower in _CONNECTORS) or tok.possessive:
            break
        run -= 1
        if tok.initial:
            break
    return run


@cache
def _heads() -> frozenset[str]:
    """A title's heads that are no honorifics ("minister", not "lord"): made once, not for each name."""
    return lexicon.titles()["head"] - lexicon.titles()["hon"]


def _person_between(other: Found, found: Found, office: _Office) -> bool:
    """Another person named between the office and the name ("Secretary of State Jane Roe and
    Minister Tom Doe"): the office is hers, not his."""
    return (other is not found and office.start <= other.start and other.end <= office.name_start
            and best_type(other.scores) is EntityType.PERSON and _name_at(other) is not None)


def _is_head(word: str, heads: frozenset[str]) -> bool:
    """'minister', 'secretary', and a hyphenated title that ends in one ('under-secretary')."""
    return word in heads or ("-" in word and word.rsplit("-", 1)[-1] in heads)
