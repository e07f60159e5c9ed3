"""Names the text writes in pieces that are one name (rules: builder/data/entities/joins.txt).

Here the rule that works on the names of a block once they are found and typed:
`place-in-region`, a place followed by a comma and the region or country that holds it
("Zorblatt, Texas", "Quuxville, Indiana, United States"). The place's mention covers the
whole (the region is how the text tells which Zorblatt it is); the entity stays the place,
named without its region, and the region keeps its own mention inside it, so its page
still lists the article. And `possessed-institution`: "Zorbland's War Committee" is one
organisation, named with its owner (two owners' committees are two organisations), the
owner keeping its mention inside it. The other rules cut spans (spans.py, candidates.py).
"""
from __future__ import annotations

import re

from builder.annotate import lexicon
from builder.annotate.candidates import Found, best_type
from builder.model import EntityType

L = EntityType.PLACE
# between a place and the region that holds it: a comma, and a compass word in lower case
_TO_REGION = re.compile(r"^,[ \u00a0]+(?:(?:north|south|east|west|central|(?:north|south)(?:-?(?:east|west))?)"
                        r"(?:ern)?[ \u00a0]+)?$")
_LIST_ON = re.compile(r"^(?:,\s*|,?\s+(?:and|or)\s+)$")  # what joins the items of a list
# after the region: the end of a clause (not a possessive: "Syria's envoy"), or a function word or
# participle ("Zorblatt, Texas, in 2019", "Zorblatt, Texas following ..."), not a verb or a noun the
# region is subject or modifier of ("..., Paris said", "Jane Doe, Panama coach")
_CLAUSE_END = re.compile(r"^(?:$|[,.;:)!?”\"’—–]|\s+[-–—(])")
_NEXT_WORD = re.compile(r"^\s+([a-z]+)\b")
# a sentence opening with a phrase of place ("In Paris, France has pledged ..."): the region may be its subject
_INTRODUCTORY = re.compile(r"(?:^|[.!?:;]\s+)(?:In|At|From|Near|Outside|Inside|Across|Throughout)\s+[^,.;:!?]*$")


def _country(found: Found) -> bool:
    return found.known and found.name in lexicon.geo_places()["country"]


def _place(found: Found) -> bool:
    return best_type(found.scores) is L


def _region(found: Found) -> bool:
    """A known place, or a subdivision or town of the maintained lists, that can hold another."""
    return _place(found) and (found.known or "place-name" in found.evidence)


def _ends_clause(after: str) -> bool:
    if after.startswith(("'s", "’s")):
        return False
    if _CLAUSE_END.match(after):
        return True
    word = _NEXT_WORD.match(after)
    return word is not None and (word.group(1) in lexicon.stopwords() or word.group(1).endswith("ing"))


def in_region(text: str, founds: list[Found]) -> None:
    """Rule `place-in-region`: extend a place's mention (Found.outer) over ", Region" (and
    ", Country" after it), unless the names are items of a list, the region is the subject
    of the sentence ("In Paris, France has ...") or the place opens a dateline."""
    order = sorted(founds, key=lambda f: f.start)
    for n in range(len(order) - 1):
        place, region = order[n], order[n + 1]
        if not (_place(place) and not _country(place) and _region(region)
                and _TO_REGION.match(text[place.end : region.start])):
            continue
        if n > 0 and _place(order[n - 1]) and _LIST_ON.match(text[order[n - 1].end : place.start]):
            continue  # "Homs, Zorblatt, Syria": a list
        last = n + 1
        while last + 1 < len(order) and _LIST_ON.match(text[order[last].end : order[last + 1].start]) and (
                _place(order[last + 1])):  # (not a person after it: "Zorbville, Syria, Jane Doe said")
            nxt = order[last + 1]
            if not (_country(nxt) and not _country(order[last]) and text[order[last].end : nxt.start].strip() == ","):
                break  # "Kenya, France and Spain": a list; "Indiana, United States": the country holding the region
            last += 1
        else:
            end = order[last].end
            after = text[end : end + 30]
            if not _ends_clause(after):
                continue
            if _INTRODUCTORY.search(text, 0, place.start) and not re.match(r"^(?:$|[,.;:!?])", after):
                continue  # "In Paris, France has pledged": the country is the subject
            if place.start == 0 and re.match(r"^\s*[-–—]", after):
                continue  # "Zorbville, Kenya — ...": a dateline
            place.outer = end


_POSSESSIVE = frozenset({"'s ", "’s "})
O = EntityType.ORG


def possessed(text: str, founds: list[Found]) -> None:
    """Rule `possessed-institution`: an organisation or a place, "'s" and an institution's
    name of two words or more, all common words ("Zorbland's Defence Ministry", "Acme's
    Audit Committee": a name that says whose it is only with its owner): one organisation
    named with its owner, the owner's mention inside it. ("Acme's Zorblatt Museum" is the
    museum's own name: two names.)"""
    order = sorted(founds, key=lambda f: f.start)
    for owner, org in zip(order, order[1:]):
        if text[owner.end : org.start] not in _POSSESSIVE:
            continue  # (most pairs: no owner's "'s" between them)
        owners = (O,) if {"of", "for"} & {w.lower() for w in org.words} else (O, L)  # ("Zorbland's Museum of
        if (best_type(owner.scores) in owners  # Modern Art": its own name)
                and best_type(org.scores) is O and "org-head" in org.evidence and len(org.words) > 1
                and org.role is None and all(w.lower() in lexicon.common_words() for w in org.words)):
            org.base = org.name
            org.name = text[owner.start : org.end]
            org.start = owner.start


def owned_alone(founds: list[Found]) -> None:
    """Rules `possessed-institution` and `country-agency`, in the whole article: "the Defence
    Ministry", when the article names one owner's Defence Ministry only ("Zorbland's Defence
    Ministry", "Zorbland Defence Ministry"), is that one; with two owners' ministries it is
    neither (it stays a name of its own)."""
    owners: dict[str, set[str]] = {}
    for found in founds:
        if found.base:
            owners.setdefault(found.base, set()).add(found.name)
    for found in founds:
        named = owners.get(found.name) if not found.base else None
        if named and len(named) == 1:
            found.name = next(iter(named))


_INNER = re.compile(r"^(.+?) (?:for|of) (?:the )?[A-Z]")


def short_forms(founds: list[Found]) -> None:
    """'the Zorblatt Foundation', in an article that names one "Zorblatt Foundation for the
    Fine Arts", is that one: an institution's name cut before its "for" or "of" (two words or
    more, ending in an institution's word) joins the one longer name it begins."""
    longer: dict[str, set[str]] = {}
    for found in founds:
        name = found.name
        m = _INNER.match(name) if " of " in name or " for " in name else None  # (most names have neither)
        if m and " " in m.group(1) and m.group(1).rsplit(" ", 1)[-1].lower() in lexicon.org_words():
            longer.setdefault(m.group(1), set()).add(found.name)
    for found in founds:
        named = longer.get(found.name)
        if named and len(named) == 1:
            found.name = next(iter(named))


_LOWER_NEXT = re.compile(r" ([a-z]{3,})\b")


def lower_tails(text: str, founds: list[Found]) -> None:
    """Rule lower-case-tail: "the National Zorblatt Nutrition study", in an article that names
    the "National Zorblatt Nutrition Study", is that one: a name of two words or more followed
    by a lower-case word that, capitalised, makes another name of the article."""
    longer = {f.name for f in founds if f.name.count(" ") > 1}
    if not longer:
        return
    for found in founds:
        if " " not in found.name or found.known or not text[found.end + 1 : found.end + 2].islower():
            continue
        m = _LOWER_NEXT.match(text, found.end)
        if m is None:
            continue
        for word in (m.group(1), m.group(1)[:-1] if m.group(1).endswith("s") else ""):  # ("... governments")
            if word and f"{found.name} {word.capitalize()}" in longer:
                found.name = f"{found.name} {word.capitalize()}"
                break
