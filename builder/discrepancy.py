"""Discrepancies: sentences from different sources (or parts of a source) that give
different dates for the same event — the same actor, the same event verb, the same place."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from builder import wordlists
from builder.annotate.blocks import BlockIndex
from builder.model import Annotation, Article, DateRef, Discrepancy, Entity, EntityType


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


def _verb_in(text: str) -> tuple[str, int] | None:
    match = _verb_pattern().search(text)
    return (_verbs()[match.group(1)], match.start()) if match else None


def _value(ref: DateRef) -> str | None:
    """What a date claims, comparable across sources; None when too vague to conflict."""
    if ref.date is not None:
        return ref.date.isoformat() if ref.precision == "day" else None
    word = ref.text.lower().strip()
    return word if re.fullmatch(r"(?:on\s+)?[a-z]+day", word) else None


@dataclass(frozen=True, slots=True)
class Claim:
    """A dated event sentence of one article, before entities are resolved: the date, the
    event verb, and the article-local keys of the mentions before the verb (the actor,
    first found first) and after it (the place)."""

    value: str
    lemma: str
    text: str  # the date as written
    sentence: str
    before: tuple[str, ...]
    after: tuple[str, ...]


def article_claims(
    article: Article, annotation: Annotation, sentence_bounds: Callable[[str, int], tuple[int, int]]
) -> tuple[Claim, ...]:
    """The claims of one article (pure: they depend on it alone, so they can be kept)."""
    blocks = BlockIndex(article.text_blocks)
    mentions = sorted(annotation.mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    out = []
    for ref in annotation.dates:
        value = _value(ref)
        block = blocks.at(ref.start)
        if value is None or block is None:
            continue
        lo, hi = sentence_bounds(block.text, ref.start - block.start)
        sentence = block.text[lo:hi]
        verb = _verb_in(sentence)
        if verb is None:
            continue
        lemma, at = verb
        inside = mentions[bisect_left(starts, block.start + lo) : bisect_left(starts, block.start + hi)]
        split = block.start + lo + at
        out.append(Claim(value, lemma, ref.text, sentence.strip(),
                         tuple(m.key for m in inside if m.start < split),
                         tuple(m.key for m in inside if m.start >= split)))
    return tuple(out)


def find_discrepancies(
    claims_of: Mapping[str, Sequence[Claim]],
    entity_of: Mapping[tuple[str, str], str],
    entities: Mapping[str, Entity],
) -> tuple[Discrepancy, ...]:
    """Events (actor, verb, place) that different claims date differently; `claims_of` maps
    article ids to their claims, in the dossier's order."""
    claims: dict[tuple[str, str, str], dict[str, list[tuple[str, str, str]]]] = defaultdict(lambda: defaultdict(list))
    for article_id, found in claims_of.items():
        for claim in found:
            actor = _first(claim.before, article_id, entity_of, entities, (EntityType.PERSON, EntityType.ORG))
            place = _first(claim.after, article_id, entity_of, entities, (EntityType.PLACE,))
            if actor is None or place is None:
                continue
            claims[(actor.id, claim.lemma, place.id)][claim.value].append((article_id, claim.text, claim.sentence))
    out = []
    for (actor_id, lemma, place_id), values in sorted(claims.items()):
        if len(values) < 2:
            continue
        chosen = tuple(sorted(claim for group in values.values() for claim in group[:1]))
        topic = f"{entities[actor_id].name} · {lemma} · {entities[place_id].name}"
        out.append(Discrepancy(topic=topic, kind="date", claims=chosen))
    return tuple(out)


def _first(
    keys: Sequence[str], article_id: str, entity_of: Mapping[tuple[str, str], str],
    entities: Mapping[str, Entity], types: tuple[EntityType, ...],
) -> Entity | None:
    for key in keys:
        entity = entities.get(entity_of.get((article_id, key), ""))
        if entity is not None and entity.type in types:
            return entity
    return None
