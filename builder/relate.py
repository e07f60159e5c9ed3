"""Related articles: ranked by shared entities weighted by rarity, through an inverted index.

An entity named in most articles says nothing (the country every story of the dossier
names: more than half of them, and at least _UBIQUITOUS); the others weigh log(N/df), and
an entity named in many articles is left out of candidate generation, so the cost grows
with the dossier, not with its pairs of articles. Two articles are related by what they
share when it says enough (_enough): one person, organisation or other name, or two places
(one city or country in common is a coincidence of news, not a relation).

After an edit, only the articles that name an entity whose articles changed are ranked
again (update_related): an article's ranking reads nothing else.
"""
from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping

from builder.model import Related

LIMIT = 5
_MAX_POSTING = 200  # entities in more articles than this do not propose candidates
_UPDATE_SHARE = 4  # an update that changes more than a quarter of the articles ranks them all again
_UBIQUITOUS = 3  # an entity in more than half of the articles, and in at least this many, relates none
_PLACES_NEEDED = 2  # shared places that relate two articles when they share nothing else

Ranked = dict[str, tuple[Related, ...]]


def related_articles(entities_of: Mapping[str, frozenset[str]], limit: int = LIMIT,
                     places: frozenset[str] = frozenset()) -> Ranked:
    """For each article id, the `limit` articles that share the most telling entities
    (`places`: the ids of the entities that are places)."""
    return _rank(entities_of, sorted(entities_of), limit, places)


def update_related(before: Mapping[str, frozenset[str]], ranked: Ranked, entities_of: Mapping[str, frozenset[str]],
                   limit: int = LIMIT, places: frozenset[str] = frozenset()) -> Ranked:
    """related_articles(entities_of), from the ranking `ranked` made of `before`: only the
    articles that name an entity some changed article gained or lost are ranked again
    (those entities' articles and weights are all that changed). Everything is ranked
    again when articles came or went (every weight changes) or many changed."""
    if before.keys() != entities_of.keys():
        return related_articles(entities_of, limit, places)
    changed = [a for a, ids in entities_of.items() if before[a] != ids]
    if len(changed) * _UPDATE_SHARE > len(entities_of):
        return related_articles(entities_of, limit, places)
    moved = set().union(*(before[a] ^ entities_of[a] for a in changed))
    again = sorted({a for a, ids in entities_of.items() if ids & moved}.union(changed))
    return {**ranked, **_rank(entities_of, again, limit, places)}


def _weight(n: int, df: int) -> float:
    """What sharing an entity named in `df` of `n` articles says: log(n/df), nothing when most
    articles name it."""
    return 0.0 if df * 2 > n and df >= _UBIQUITOUS else math.log(n / df)


def _enough(shared: list[str], places: frozenset[str]) -> bool:
    """Whether what two articles share relates them: a name that is no place, or two places."""
    return sum(1 for e in shared if e in places) >= _PLACES_NEEDED or any(e not in places for e in shared)


def _rank(entities_of: Mapping[str, frozenset[str]], articles: Iterable[str], limit: int,
          places: frozenset[str] = frozenset()) -> Ranked:
    """The ranking of `articles` among all of `entities_of`."""
    n = len(entities_of)
    index: dict[str, list[str]] = defaultdict(list)
    for article_id in sorted(entities_of):
        for entity_id in sorted(entities_of[article_id]):
            index[entity_id].append(article_id)
    weight = {e: _weight(n, len(ids)) for e, ids in index.items()}
    cap = max(_MAX_POSTING, int(math.sqrt(n)))
    out: Ranked = {}
    for article_id in articles:
        scores: dict[str, float] = defaultdict(float)
        shared: dict[str, list[str]] = defaultdict(list)
        for entity_id in sorted(entities_of[article_id]):  # a fixed order: float sums must not vary
            postings = index[entity_id]
            if weight[entity_id] <= 0 or len(postings) > cap:
                continue
            for other in postings:
                if other != article_id:
                    scores[other] += weight[entity_id]
                    shared[other].append(entity_id)
        telling = ((other, score) for other, score in scores.items() if _enough(shared[other], places))
        ranked = heapq.nsmallest(limit, telling, key=lambda kv: (-kv[1], kv[0]))
        out[article_id] = tuple(
            Related(
                article=other,
                score=round(score, 6),
                shared=tuple(sorted(shared[other], key=lambda e: (-weight[e], e))),
            )
            for other, score in ranked
        )
    return out
