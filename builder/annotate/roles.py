"""Roles written for the people of one article: "The Foreign Secretary said", "the Minister".

A capitalised role with no name (candidates.py finds them: `Found.role_only`) is a mention
of the one person the article names with that role: "Foreign Secretary Jane Doe", "The
Foreign Secretary, Jane Doe, said", "Jane Doe, Minister for Health, said". Precision first:
when no person holds the role, or two may ("Prime Minister Jane Doe met Prime Minister John
Roe"), the role names no one; a holder whose role names a country the role does not ("Ruritanian
Foreign Minister Jane Doe") is not "the Foreign Minister" of the article, who is as often the
home country's. Across articles nothing is joined by role (the holder of an office changes).

The ways a role meets its holder are rows of HOLDER_RULES, run by one loop.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any, NamedTuple

from builder import wordlists
from builder.annotate import lexicon, names
from builder.annotate.candidates import Found
from builder.model import EntityType

# what may follow a name that a role stands beside: a comma, a colon, the sentence's end, a reporting verb
_AFTER_NAME = re.compile(r"\s*(?:[,;:.)]|\s(?:said|says|told|added|wrote|announced)\b)")


class Beside(NamedTuple):
    """A role written with no name, a person's mention, and the article's text."""

    role: Found
    found: Found
    text: str


def _role_then_name(b: Beside) -> bool:
    """'The Foreign Secretary, Jane Doe, said': the role, a comma, the name, a comma or a verb."""
    between = b.text[b.role.end : b.found.start]
    return re.fullmatch(r",\s*", between) is not None and _AFTER_NAME.match(b.text, b.found.end) is not None


def _name_then_role(b: Beside) -> bool:
    """'Jane Doe, the Minister for Health, said', 'Jane Doe, Foreign Secretary:'."""
    between = b.text[b.found.end : b.role.start]
    if re.fullmatch(r",\s*(?:the\s+)?", between) is None:
        return False
    return b.role.role_only == "portfolio" or _AFTER_NAME.match(b.text, b.role.end) is not None


_SUBJECT = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|and|the))*?\s+")


def _role_subject_name(b: Beside) -> bool:
    """'Minister for the Middle East Jane Doe', 'Chancellor of the Exchequer Jane Doe': a role,
    what it is of or for, and the name right after."""
    return b.role.role_only == "portfolio" and _SUBJECT.fullmatch(b.text, b.role.end, b.found.start) is not None


class HolderRule(NamedTuple):
    """A way a role written with no name is shown to be a person's: when `trigger` holds for
    the role and a mention of the person, the person holds the role."""

    id: str
    trigger: Callable[[Beside], bool]
    example: str  # the role in [brackets], the holder in {braces}


HOLDER_RULES: tuple[HolderRule, ...] = (
    HolderRule("role-comma-name", _role_then_name, "[The Foreign Secretary], {Jane Doe}, said so."),
    HolderRule("name-comma-role", _name_then_role, "{Jane Doe}, [Minister] for Health, said so."),
    HolderRule("role-subject-name", _role_subject_name, "[Chancellor] of the Exchequer {Jane Doe} said so."),
)


def _words(role: str) -> list[str]:
    """'The Foreign Secretary's' -> ['foreign', 'secretary']."""
    words = names.fold(re.sub(r"['’]s$", "", role.strip())).split()
    while words and words[0] == "the":
        words = words[1:]
    return words


def _national(words: Iterable[str]) -> bool:
    """A word that says whose country the role is of: 'Ruritanian', 'UK', 'U.S.'."""
    known = lexicon.gazetteer()
    return any(w in lexicon.demonyms() or any(known.get(form, ("", None))[1] is EntityType.PLACE
                                              for form in (w.upper(), w.title())) for w in words)


def fits(mention: str, held: str) -> bool:
    """Whether a role written alone (`mention`: "the Minister") may be the role a person is
    named with (`held`: "Foreign Office Minister"): the same words, or the held role with
    words before it that are no country's and make it no other office ("Foreign Office
    Minister" is "the Minister"; "Ruritanian Foreign Minister" is not "the Foreign Minister",
    "Vice President" not "the President")."""
    said, whole = _words(mention), _words(held)
    # the role, and the role before what it is of or for ("Chancellor" of "Chancellor of the Exchequer")
    for full in [whole] + [whole[:k] for k, w in enumerate(whole) if w in ("of", "for") and k]:
        if said and len(said) <= len(full) and full[len(full) - len(said) :] == said:
            extra = full[: len(full) - len(said)]
            return not any(w in _office_modifiers() or w in ("of", "for", "the") for w in extra) and not _national(extra)
    return False


@cache
def _office_modifiers() -> frozenset[str]:
    """'vice', 'deputy', 'press': words that make a role another office (people/office_modifiers.txt)."""
    return wordlists.words("people/office_modifiers.txt")


def link(role_only: Sequence[Found], persons: Sequence[Any], text: str) -> None:
    """Give each role written alone (a "mention" of `role_only`) to the one person of
    `persons` (groups with `founds` and `by_role`) it may name, appended to its `by_role`."""
    held: list[tuple[str, Any]] = [(f.role, g) for g in persons for f in g.founds if f.role]
    placed: set[int] = set()
    for role in role_only:
        for group in persons:
            if any(rule.trigger(Beside(role, found, text)) for found in group.founds for rule in HOLDER_RULES):
                held.append((role.role or role.name, group))
                held.append((re.sub(r"\s+(?:for|of)$", "", role.name), group))  # "Minister" of "Minister for Health"
                if role.role_only == "mention":
                    group.by_role.append(role)
                    placed.add(id(role))
                break
    for role in role_only:
        if role.role_only != "mention" or id(role) in placed:
            continue
        holders = {id(g): g for name, g in held if fits(role.role or role.name, name)}
        if len(holders) == 1:
            holder = next(iter(holders.values()))
            if not any(_same_sentence(role, found, text) for found in holder.founds):
                holder.by_role.append(role)


_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def _same_sentence(role: Found, found: Found, text: str) -> bool:
    """Whether a role and a name are in one sentence ("The Prime Minister met Prime Minister
    Jane Doe": two people, one of them not named)."""
    lo, hi = min(role.end, found.end), max(role.start, found.start)
    return _SENTENCE_END.search(text, lo, hi) is None
