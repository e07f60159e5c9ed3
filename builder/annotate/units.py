"""Rules `unit-dash` and `unit-comma` (joins.txt).

unit-dash: a military unit's or command's name, a dash and its
designation are one name ("Combined Zorb Task Force - Operation Quux Resolve", "Zorb Armed
Forces – Quux Army"): the operation or second name after the dash is how the unit is told
from the others of its kind, not a name of its own there. A person after the dash ("the Zorb
Task Force - Jane Doe - said") and a body of another kind ("Zorb Foundation - Acme Trust")
stay apart.

unit-comma: a smaller unit, a comma and the larger unit it belongs to are one name ("2nd
Battalion, 7th Zorb Regiment", "Quux Battery, 3rd Battalion"); a list of units of one size
("2nd Battalion, 3rd Battalion") and a larger unit before a smaller stay apart.

designated-acronym: "Zorb Force (ZZF) 50", a unit with its acronym and its number, is the unit
"ZZF 50" (as the article names it elsewhere), not "Zorb Force" and "ZZF" apart.

unit-number-before, unit-number-after: a unit's number is part of its name ("815 Zorb Air
Squadron", "Standing Zorb Maritime Group 1"), not when it counts something ("300 Zorb
Brigade troops", "Zorb Task Force 50 miles away").

title-before-unit: a person, a comma and a title opening a unit's name ("Jane Doe, Commander
Zorbabad Corps,"): the title is her role, the unit's name is the rest ("Zorbabad Corps").

service-product: an armed service before an aircraft's or a weapon's designator is whose it
is ("Air Force F-99 Quux Hawks": the product is "F-99 Quux Hawks"; "Air Force One" stays)."""
from __future__ import annotations

import re
from functools import cache

from builder import wordlists
from builder.annotate import lexicon, names
from builder.annotate.candidates import Found, best_type
from builder.model import EntityType

_DASH = re.compile(r"^ ?[-–—] ?$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")


@cache
def _unit_heads() -> frozenset[str]:
    return wordlists.words("entities/unit_heads.txt")


# a model's designator: "F-99", "KC-135R", "MQ-9"
_DESIGNATOR = re.compile(r"^[A-Z]{1,3}-?\d{1,4}[A-Z]?$")


@cache
def _services() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(line.split()) for line in sorted(wordlists.words("entities/service_names.txt"), key=len, reverse=True))


def service_cut(founds: list[Found]) -> None:
    """Rule service-product: cut the service off a product's name that a designator follows."""
    for found in founds:
        if best_type(found.scores) is not EntityType.PRODUCT:
            continue
        lower = [w.lower() for w in found.words]
        for service in _services():
            n = len(service)
            if tuple(lower[:n]) == service and len(lower) > n and _DESIGNATOR.match(found.words[n]):
                cut = found.name.index(found.words[n])
                found.start += cut
                found.name = found.name[cut:]
                break


_DESIGNATED = re.compile(r" \(([A-Z]{2,6})\) (\d{1,3})(?![\w,.]\d)(?:\s+([a-z]+))?")


def designated(text: str, founds: list[Found]) -> list[Found]:
    """Rule designated-acronym: a unit's name, its acronym in brackets and a number (not a
    count: "(ZZF) 50 miles") are one mention of the unit named "ZZF 50"."""
    if " (" not in text:
        return founds
    out = list(founds)
    for found in founds:
        m = _DESIGNATED.match(text, found.end)
        if (m is None or best_type(found.scores) is not EntityType.ORG or len(found.words) < 2
                or (m.group(3) and m.group(3) not in lexicon.stopwords())):
            continue
        end = m.end(2)
        out = [f for f in out if f is found or not (found.end <= f.start < end)]
        found.end = end
        found.name = f"{m.group(1)} {m.group(2)}"
    return out


_NUMBER_BEFORE = re.compile(r"(?<![\w$€£.,/-])(\d{1,3}) $")
_NUMBER_AFTER = re.compile(r" (\d{1,3})(?![\w,.]?\d)(?! [a-z])")
_NUMBERED_ACRONYM = re.compile(r" \(([A-Z]{2,8})-?(\d{1,3})\)")
_DIGIT = re.compile(r"\d")
_COUNTED = re.compile(r" [a-z]+s\b")  # a plural noun after the unit: its number counts them ("3 Zorb Brigade troops")


def _unit_word(found: Found, words: frozenset[str]) -> bool:
    return (best_type(found.scores) is EntityType.ORG and len(found.words) > 1
            and found.words[-1].lower() in words and not found.words[0][:1].isdigit())


def _dated(text: str, at: int) -> bool:
    """A month's name right before the number: a day ("on March 3 Zorb Brigade said"), no unit's number."""
    words = text[max(0, at - 12) : at].split()
    return bool(words) and words[-1].lower().rstrip(".") in wordlists.months()


def numbered(text: str, founds: list[Found]) -> None:
    """Rules unit-number-before and unit-number-after: a unit's number made part of its name."""
    if _DIGIT.search(text) is None:
        return
    for found in founds:
        before = _NUMBER_BEFORE.search(text, max(0, found.start - 5), found.start)  # (at most "123 ")
        if before and _unit_word(found, _rank_words()) and not _COUNTED.match(text, found.end) and not _dated(
                text, before.start(1)):
            found.start = before.start(1)
            found.name = f"{before.group(1)} {found.name}"
            continue
        after = _NUMBER_AFTER.match(text, found.end)
        if after and _unit_word(found, _unit_words()):
            acronym = _NUMBERED_ACRONYM.match(text, after.end(1))
            if acronym and acronym.group(2) == after.group(1) and names.acronym_fits(acronym.group(1), found.name):
                found.acronym = acronym.group(1) + acronym.group(2)  # "Standing Zorb Maritime Group 1 (SZMG1)"
                found.evidence.add("acronym-defined")
            found.end = after.end(1)
            found.name = f"{found.name} {after.group(1)}"


def title_cut(text: str, founds: list[Found]) -> None:
    """Rule title-before-unit: a title cut off the unit's name that follows a person and a comma."""
    people = {f.end for f in founds if best_type(f.scores) is EntityType.PERSON}
    for found in founds:
        words = found.words
        if (len(words) > 2 and words[0].lower() in lexicon.titles()["head"] and text[found.start - 2 : found.start] == ", "
                and found.start - 2 in people and _unit_word(found, _unit_words())):
            cut = found.name.index(words[1])
            found.start += cut
            found.name = found.name[cut:]


def apply(text: str, founds: list[Found]) -> list[Found]:
    """The rules of this module on one block's founds."""
    service_cut(founds)
    title_cut(text, founds)
    numbered(text, founds)
    return dashed(text, designated(text, founds))


def dashed(text: str, founds: list[Found]) -> list[Found]:
    """The founds with each unit and the designation after its dash made one organisation."""
    if "-" not in text and "–" not in text and "—" not in text and ", " not in text:
        return founds
    order = sorted(founds, key=lambda f: f.start)
    out: list[Found] = []
    skip = None
    for unit, nxt in zip(order, order[1:] + [None]):
        if unit is skip:
            continue
        if nxt is not None and _joins(text, unit, nxt):
            whole = Found(unit.start, nxt.end, " ".join(text[unit.start : nxt.end].split()), {EntityType.ORG: 4.0},
                          evidence=unit.evidence | {"org-head", "multiword"}, initial=unit.initial)
            out.append(whole)
            skip = nxt
        else:
            out.append(unit)
    return out


@cache
def _rank_words() -> frozenset[str]:
    return frozenset(_unit_ranks())


@cache
def _unit_words() -> frozenset[str]:
    """A unit's head or rank word ("Brigade", "Regiment", "Division")."""
    return _unit_heads() | _rank_words()


@cache
def _unit_ranks() -> dict[str, int]:
    out = {}
    for line in wordlists.lines("entities/unit_ranks.txt"):
        rank, word = line.split(None, 1)
        out[word.lower()] = int(rank)
    return out


def _rank(found: Found) -> int:
    return _unit_ranks().get(found.words[-1].lower(), 0) if len(found.words) > 1 else 0


def _joins(text: str, unit: Found, nxt: Found) -> bool:
    if text[unit.end : nxt.start] == ", ":
        small, large = _rank(unit), _rank(nxt)
        return 0 < small < large and _ORDINAL.match(nxt.words[0]) is not None
    return _dashed(text, unit, nxt)


def _dashed(text: str, unit: Found, nxt: Found) -> bool:
    # (the dash between them first: the cheapest test, and the one most pairs fail)
    return (nxt.start - unit.end <= _DASH_CHARS and _DASH.match(text[unit.end : nxt.start]) is not None
            and best_type(unit.scores) is EntityType.ORG and len(unit.words) > 1
            and unit.words[-1].lower() in _unit_heads()
            and best_type(nxt.scores) is not EntityType.PERSON and nxt.role is None and not nxt.role_only
            and all(w[:1].isupper() for w in nxt.words))


_DASH_CHARS = 4  # what _DASH matches at most: a space, a dash, a space (and a line break, which "$" lets by)
