"""Two lookups of the speaker index as ordered steps, each a row (id, step, example).

Which organisation 'it', 'the company' or 'the statement' stands for: the organisation
steps are tried in order and the first that answers decides (as the speaker resolvers
are). Who holds a role ('the chancellor', 'the Acme spokesman'): the people the article
gives the role are found, the role filters narrow them one at a time, then the holder
steps decide. Each step's row names it, so a wrong answer can be traced to its step, and
each has a test row (tests/test_speaker_lookups.py) that fails when the step is removed.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from builder.annotate.speakers import Occurrence, Speaker, SpeakerIndex

NOUN_LOOKBACK_SENTENCES = 2  # "the company" is the organisation just named, if one was
NAMED_LOOKBACK_SENTENCES = 4  # "the company" is an organisation with "Company" in its name named this near
_OTHER_OFFICE = {"prime", "vice", "deputy", "first"}  # 'prime minister' is no 'minister' of the article

Found = tuple["Speaker", str]  # the organisation, and how it was found: 'named', 'near' or 'fallback'
_CREDIT = re.compile(r"\)\s*[-—–]")  # '(Acme Wire) -' of a dateline: the outlet, no actor of the story


def _credit(index: SpeakerIndex, occ: Occurrence) -> bool:
    """Whether the name is the outlet's credit of a dateline ('ZORBVILLE (Acme Wire) - ...')."""
    return index.text[occ.start - 1 : occ.start] == "(" and _CREDIT.match(index.text, occ.end) is not None


@dataclass(frozen=True)
class OrgStep:
    id: str
    run: Callable[[SpeakerIndex, int, "str | None"], "Found | None"]
    example: str


def _org_named(index: SpeakerIndex, position: int, noun: str | None) -> Found | None:
    """An organisation whose name holds the noun, named in the last few sentences."""
    assert noun is not None
    named = index.last_before(position, lambda s: not s.person and noun in s.name.lower())
    sentences = list(index.sentences_back(position))[:NAMED_LOOKBACK_SENTENCES]
    if named and any(o.speaker == named for lo, hi in sentences for o in index.between(lo, hi, said=True)):
        return named, "named"
    return None


def _org_just_named(index: SpeakerIndex, position: int, noun: str | None) -> Found | None:
    """The organisation named as a subject (or an owner: 'announcing Acme's service, the
    group said') in the noun's sentence or the one before; not an object ('In a letter to
    Acme Corp, the regulator wrote'); two of them leave it unsure."""
    for n, (lo, hi) in enumerate(index.sentences_back(position)):
        if n >= NOUN_LOOKBACK_SENTENCES:
            return None
        found = [o for o in index.between(lo, hi) if not o.speaker.person and not _credit(index, o)]
        subjects = [o for o in found if index.subject_like(o.start, o.end, lo) or index.text[o.end : o.end + 1] in ("’", "'")]
        if n == 0 and not subjects:
            continue
        if found:
            distinct = list(dict.fromkeys(o.speaker for o in subjects or found))
            return distinct[0], "near" if len(distinct) == 1 else "fallback"
    return None


def _org_most_named(index: SpeakerIndex, position: int, noun: str | None) -> Found | None:
    """The organisation named most often before (an unsure guess)."""
    credited = {o.speaker for o in index.between(0, position) if _credit(index, o)}
    named = {o.speaker for o in index.between(0, position) if not _credit(index, o)}
    seen = [s for s in index.organisations_seen_before(position) if s not in credited - named]
    return (max(seen, key=index.prominence), "fallback") if seen else None


def _org_nearest_subject(index: SpeakerIndex, position: int, noun: str | None) -> Found | None:
    """'it said': the organisation the nearest sentence names as its subject ('Acme Corp
    told Reuters it would appeal': Acme, not the outlet after 'told'); unsure when that
    sentence names two, or when it is far back."""
    for n, (lo, hi) in enumerate(index.sentences_back(position)):
        found = [o for o in index.between(lo, hi, said=True) if not o.speaker.person and not _credit(index, o)]
        if not found:
            continue
        subjects = [o for o in found if o.start == o.end or index.subject_like(o.start, o.end, lo)]
        distinct = list(dict.fromkeys(o.speaker for o in subjects))
        if len(distinct) == 1:
            return distinct[0], "near" if n < NOUN_LOOKBACK_SENTENCES else "fallback"
        return (distinct or [found[0].speaker])[0], "fallback"
    return None


# The steps for a noun ('the company', 'the statement'), in order.
NOUN_STEPS: tuple[OrgStep, ...] = (
    OrgStep("org-named", _org_named, "Acme Company sued Globex. “...,” the company said."),
    OrgStep("org-just-named", _org_just_named, "Globex welcomed the ruling. “...,” the company said."),
    OrgStep("org-most-named", _org_most_named, "Acme Corp ... (long after) “...,” the company said."),
)
# The steps for a pronoun ('it said').
PRONOUN_STEPS: tuple[OrgStep, ...] = (
    OrgStep("org-nearest-subject", _org_nearest_subject, "Acme Corp lost the case. “...,” it said."),
)


def organisation(index: SpeakerIndex, position: int, noun: str | None) -> tuple[Speaker | None, str]:
    """The first answer of the organisation steps for a noun (or a pronoun: no noun)."""
    for step in NOUN_STEPS if noun else PRONOUN_STEPS:
        found = step.run(index, position, noun)
        if found is not None:
            return found
    return None, ""


class RoleQuery(NamedTuple):
    """A role as the text gives it: 'the chancellor' (canonical), where; the organisations
    named with it ('the Acme spokesman'), its owner ('Qatar's prime minister'), capitalised
    qualifier words ('the Conservative leader') and lower-case modifiers ('the finance minister')."""

    canonical: str
    position: int
    orgs: Sequence[Occurrence] = ()
    owner: str | None = None
    qualifier: Sequence[str] = ()
    modifier: Sequence[str] = ()


@dataclass(frozen=True)
class RoleFilter:
    id: str
    run: Callable[[SpeakerIndex, RoleQuery, "set[str]"], "set[str]"]
    example: str


def _evidence_holds(index: SpeakerIndex, key: str, words: Sequence[str]) -> bool:
    """Whether some evidence of the person's roles holds all the words."""
    return any(all(w in e.lower() for w in words) for e in index.role_evidence[key])


def _holders(index: SpeakerIndex, query: RoleQuery) -> set[str]:
    """The people given the role; with none, the one person given a longer form of it
    ('the secretary' for the one 'Defense Secretary'), not another office ('prime minister')."""
    holders = {k for k, rs in index.roles.items() if query.canonical in rs}
    if holders:
        return holders
    wider = {k for k, rs in index.roles.items()
             if any(r.endswith(" " + query.canonical) and r.split()[0] not in _OTHER_OFFICE for r in rs)}
    return wider if len(wider) == 1 else set()


def _by_qualifier(index: SpeakerIndex, query: RoleQuery, holders: set[str]) -> set[str]:
    if not query.qualifier:
        return holders
    words = [q.lower() for q in query.qualifier]
    return {k for k in holders if _evidence_holds(index, k, words)}


def _by_organisation(index: SpeakerIndex, query: RoleQuery, holders: set[str]) -> set[str]:
    if not query.orgs:
        return holders
    names = {o.speaker.name.lower() for o in query.orgs}
    return {k for k in holders if any(n in e.lower() for e in index.role_evidence[k] for n in names)}


def _by_owner(index: SpeakerIndex, query: RoleQuery, holders: set[str]) -> set[str]:
    if not query.owner:
        return holders
    stem = query.owner.lower()[:4]  # 'Qatar' also for 'Qatari'
    return {k for k in holders if any(stem in e.lower() for e in index.role_evidence[k])}


def _by_modifier(index: SpeakerIndex, query: RoleQuery, holders: set[str]) -> set[str]:
    if not query.modifier or not holders:
        return holders
    words = [m.lower() for m in query.modifier]
    return {k for k in holders if _evidence_holds(index, k, words)} or holders  # narrows, never empties


# The filters, in order: each keeps the holders whose role (as the article gives it) fits.
ROLE_FILTERS: tuple[RoleFilter, ...] = (
    RoleFilter("role-qualifier", _by_qualifier, "the Conservative leader: a leader whose role names 'Conservative'"),
    RoleFilter("role-organisation", _by_organisation, "the Acme spokesman: a spokesman whose role names Acme"),
    RoleFilter("role-owner", _by_owner, "Ruritania's prime minister: a prime minister whose role names Ruritania(n)"),
    RoleFilter("role-modifier", _by_modifier, "the finance minister: the minister whose role names finance, if any"),
)

Held = tuple["Speaker | None", bool, bool]  # the holder, named only after the role, a rival named near


@dataclass(frozen=True)
class HolderStep:
    id: str
    run: Callable[[SpeakerIndex, RoleQuery, "set[str]"], "Held | None"]
    example: str


def _named_before(index: SpeakerIndex, query: RoleQuery, holders: set[str]) -> Held | None:
    """The holder most recently named before the role, and whether another holder was
    named in the last sentences too (then either may be meant)."""
    named = index.last_before(query.position, lambda s: s.key in holders)
    return (named, False, index.rival(named, holders, query.position)) if named else None


def _only_holder(index: SpeakerIndex, query: RoleQuery, holders: set[str]) -> Held | None:
    """The one holder, named only after the role (a weaker reading)."""
    if len(holders) != 1:
        return None
    holder = index.speakers[next(iter(holders))]
    return holder, index.seen(holder), False


HOLDER_STEPS: tuple[HolderStep, ...] = (
    HolderStep("holder-named-before", _named_before, "Chancellor Jane Roe spoke. “...,” the chancellor said."),
    HolderStep("holder-only-one", _only_holder, "“...,” the chancellor said. Later, Chancellor Jane Roe left."),
)


def role(index: SpeakerIndex, query: RoleQuery) -> Held:
    """The person who holds the role (or None), whether named only after it, whether a rival
    holder was named near: the holders narrowed by each filter, then the first holder step
    that answers."""
    holders = _holders(index, query)
    for step in ROLE_FILTERS:
        if not holders:
            return None, False, False
        holders = step.run(index, query, holders)
    for decide in HOLDER_STEPS if holders else ():
        found = decide.run(index, query, holders)
        if found is not None:
            return found
    return None, False, False
