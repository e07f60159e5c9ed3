"""Discrepancies: different reports that give different dates for the same event (the
same actor, the same event verb, the same place).

A claim is one clause of one report: a date that is an event's (not background, a bound
or a dateline), the event verb nearest it in the same clause, and the actor named just
before that verb in the same clause (a pronoun or another clause in between, and there
is no actor: precision first). Claims are compared only across reports: two articles, or
two reports pasted into one file (annotate/reports.py), never two clauses of one report.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from builder import wordlists
from builder.annotate.blocks import BlockIndex
from builder.annotate.reports import dateline_end, report_dates, report_of, report_starts
from builder.model import Annotation, Article, DateRef, Discrepancy, Entity, EntityType

_WEEKDAYS = wordlists.weekday_names()
_WEEKDAY = re.compile(r"(?i:\b(" + "|".join(_WEEKDAYS) + r")\b)")
# What opens another clause: a mark, or a conjunction that starts a clause of its own
_CLAUSE = re.compile(r"[;:—–()]|,\s+(?:and|but|while|whereas|before|after|when|as|which|who|where)\b"
                     r"|\b(?:and|but|before|after|while|whereas|when|which|who|where|because|although|since)\s+"
                     r"(?:he|she|they|it|we|i|you|the|a|an|his|her|their)\b", re.IGNORECASE)


@cache
def _verbs() -> dict[str, str]:
    """Verb form -> lemma."""
    table: dict[str, str] = {}
    for line in wordlists.lines("facts/event_verbs.txt"):
        lemma, forms = line.split(":", 1)
        for form in forms.split(","):
            table[form.strip()] = lemma.strip()
    return table


@cache
def _verb_pattern() -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(sorted(map(re.escape, _verbs()), key=len, reverse=True)) + r")\b")


@dataclass(frozen=True, slots=True)
class Claim:
    """A dated event clause of one report, before entities are resolved."""

    date: str | None  # ISO date when placed (to the day), else None
    weekday: str | None  # the weekday it falls on, or the one written ("thursday")
    lemma: str
    text: str  # the date as written
    sentence: str
    actor: str  # article-local key of the actor's mention
    after: tuple[str, ...]  # local keys of the mentions after the verb, in the clause (the place)
    report: int = 0  # the report of the file (0: the first)
    published: str | None = None  # ISO date of the report, when known (a later report's: the date line it prints)


def _when(ref: DateRef) -> tuple[str | None, str | None] | None:
    """(ISO date, weekday) of a date precise to the day, or of a weekday not placed; None
    when it is too vague to conflict."""
    if ref.date is not None:
        return (ref.date.isoformat(), _WEEKDAYS[ref.date.weekday()]) if ref.precision == "day" else None
    m = _WEEKDAY.search(ref.text)
    return (None, m.group(1).lower()) if m else None


def _clause(sentence: str, lo: int, hi: int) -> tuple[int, int]:
    """The bounds of the clause of `sentence` that holds [lo, hi)."""
    start, end = 0, len(sentence)
    for m in _CLAUSE.finditer(sentence):
        if m.end() <= lo:
            start = m.end() if m.group()[0] in ";:—–()," else m.start()
        elif m.start() >= hi:
            end = m.start()
            break
    return start, end


def _between(pos: int, a: int, b: int) -> bool:
    return min(a, b) < pos < max(a, b)


def article_claims(
    article: Article, annotation: Annotation, sentence_bounds: Callable[[str, int], tuple[int, int]],
    captions: frozenset[int] = frozenset(),
) -> tuple[Claim, ...]:
    """The claims of one article (pure: they depend on it alone, so they can be kept).
    `captions` are the start offsets of blocks that caption a photo (no claims there)."""
    blocks = BlockIndex(article.text_blocks)
    mentions = sorted(annotation.mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    later = report_starts(article)
    out = []
    for ref in annotation.dates:
        when = _when(ref) if ref.role == "event" else None
        block = blocks.at(ref.start)
        if when is None or block is None or block.start in captions:
            continue
        lo, hi = sentence_bounds(block.text, ref.start - block.start)
        lo = max(lo, dateline_end(block.text) if lo == 0 else 0)
        sentence = block.text[lo:hi]
        at = ref.start - block.start - lo
        c_lo, c_hi = _clause(sentence, at, at + len(ref.text))
        verbs = [m for m in _verb_pattern().finditer(sentence, c_lo, c_hi)]
        if not verbs:
            continue
        verb = min(verbs, key=lambda m: abs(m.start() - at))
        if any(_between(other.start - block.start - lo, verb.start(), at) for other in annotation.dates
               if other is not ref and block.start + lo <= other.start < block.start + hi):
            continue  # "arrived on 7 March and flew home on 12 March": the verb's date is the nearer one
        inside = mentions[bisect_left(starts, block.start + lo + c_lo) : bisect_left(starts, block.start + lo + c_hi)]
        split = block.start + lo + verb.start()
        before = [m for m in inside if m.end <= split]
        if not before:
            continue
        actor = before[-1]
        gap = block.text[actor.end - block.start : split - block.start]
        if len(gap.split()) > 3:  # "Jane Doe, who ... , arrived": too far to be sure
            continue
        report = report_of(later, ref.start)
        own = article.meta.date if report == 0 else report_dates(article, later)[report - 1]
        published = own.isoformat() if own else None
        out.append(Claim(when[0], when[1], _verbs()[verb.group(1)], ref.text, sentence.strip(), actor.key,
                         tuple(m.key for m in inside if m.start >= split), report, published))
    return tuple(out)


def human(iso: str | None, weekday: str | None) -> str:
    """A claim's date for the page: 'Wednesday 11 September 2024', or the weekday alone."""
    if iso:
        date = dt.date.fromisoformat(iso)
        return f"{date:%A} {date.day} {date:%B %Y}"
    return (weekday or "").capitalize()


def _conflict(a: Claim, b: Claim) -> bool:
    if a.date and b.date:
        if (a.published and b.date > a.published) or (b.published and a.date > b.published):
            return False  # a report cannot tell of what happened after it: another visit, not a disagreement
        return a.date != b.date
    return a.weekday != b.weekday


def find_discrepancies(
    claims_of: Mapping[str, Sequence[Claim]],
    entity_of: Mapping[tuple[str, str], str],
    entities: Mapping[str, Entity],
) -> tuple[Discrepancy, ...]:
    """Events (actor, verb, place) that two different reports date differently; `claims_of`
    maps article ids to their claims, in the dossier's order."""
    events: dict[tuple[str, str, str], list[tuple[str, Claim]]] = defaultdict(list)
    for article_id, found in claims_of.items():
        for claim in found:
            actor = _entity(claim.actor, article_id, entity_of, entities, (EntityType.PERSON, EntityType.ORG))
            place = _first(claim.after, article_id, entity_of, entities, (EntityType.PLACE,))
            if actor is None or place is None:
                continue
            events[(actor.id, claim.lemma, place.id)].append((article_id, claim))
    out = []
    for (actor_id, lemma, place_id), claims in sorted(events.items()):
        pair = _disagreeing(claims)
        if pair is None:
            continue
        topic = f"{entities[actor_id].name} · {lemma} · {entities[place_id].name}"
        out.append(Discrepancy(
            topic=topic, kind="date",
            claims=tuple((a, c.text, c.sentence) for a, c in pair),
            values=tuple(human(c.date, c.weekday) for _, c in pair),
            reports=tuple(c.report for _, c in pair),
        ))
    return tuple(out)


_VALUES_KEPT = 12  # distinct dates of one event looked at (each with two reports that give it)


def _disagreeing(claims: list[tuple[str, Claim]]) -> tuple[tuple[str, Claim], tuple[str, Claim]] | None:
    """The first two claims of different reports that conflict (None when all reports
    agree). Each claim is compared with up to two claims, of different reports, of each
    date given before it: linear in the claims."""
    kept: dict[tuple[str | None, str | None], list[tuple[str, Claim]]] = {}
    for b_id, b in claims:
        for reps in kept.values():
            for a_id, a in reps:
                if (a_id, a.report) != (b_id, b.report) and _conflict(a, b):
                    return (a_id, a), (b_id, b)
        same = kept.get((b.date, b.weekday))
        if same is None:
            if len(kept) < _VALUES_KEPT:
                kept[(b.date, b.weekday)] = [(b_id, b)]
        elif len(same) < 2 and (same[0][0], same[0][1].report) != (b_id, b.report):
            same.append((b_id, b))
    return None


def _entity(key: str, article_id: str, entity_of: Mapping[tuple[str, str], str],
            entities: Mapping[str, Entity], types: tuple[EntityType, ...]) -> Entity | None:
    entity = entities.get(entity_of.get((article_id, key), ""))
    return entity if entity is not None and entity.type in types else None


def _first(
    keys: Sequence[str], article_id: str, entity_of: Mapping[tuple[str, str], str],
    entities: Mapping[str, Entity], types: tuple[EntityType, ...],
) -> Entity | None:
    for key in keys:
        entity = _entity(key, article_id, entity_of, entities, types)
        if entity is not None:
            return entity
    return None
