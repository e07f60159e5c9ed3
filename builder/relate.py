"""Related articles: ranked by shared entities weighted by rarity, through an inverted index.

An entity weighs log(N/df): one named in every article says nothing, and a place named in
most articles (the country every story of the dossier names: in more than half of them,
and in at least _UBIQUITOUS) says nothing either. An entity named in many articles is
left out of candidate generation, so the cost grows with the dossier, not with its pairs
of articles. What two articles share relates them when it says enough (_enough): a name
that is no place and that most articles do not name, or two names (one city in common,
or one of the people every article names, is a coincidence of news, not a relation).

After an edit, only the articles that name an entity whose articles changed are ranked
again (update_related): an article's ranking reads nothing else.
"""
from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from builder.model import Related

LIMIT = 5
_MAX_POSTING = 200  # entities in more articles than this do not propose candidates
_UPDATE_SHARE = 4  # an update that changes more than a quarter of the articles ranks them all again
_UBIQUITOUS = 3  # an entity in more than half of the articles, and in at least this many, relates none
_NAMES_NEEDED = 2  # shared names that relate two articles when none is a rare name of no place

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


def _ubiquitous(n: int, df: int) -> bool:
    """Named in most of the `n` articles."""
    return df * 2 > n and df >= _UBIQUITOUS


def _weight(n: int, df: int, place: bool) -> float:
    """What sharing an entity named in `df` of `n` articles says: log(n/df), nothing for a
    place most articles name."""
    return 0.0 if place and _ubiquitous(n, df) else math.log(n / df)


def _enough(shared: list[str], telling: Callable[[str], bool]) -> bool:
    """Whether what two articles share relates them: two names, or one `telling` name (no
    place, and not named in most articles)."""
    return len(shared) >= _NAMES_NEEDED or any(map(telling, shared))


def _rank(entities_of: Mapping[str, frozenset[str]], articles: Iterable[str], limit: int,
          places: frozenset[str] = frozenset()) -> Ranked:
    """The ranking of `articles` among all of `entities_of`."""
    n = len(entities_of)
    index: dict[str, list[str]] = defaultdict(list)
    for article_id in sorted(entities_of):
        for entity_id in sorted(entities_of[article_id]):
            index[entity_id].append(article_id)
    weight = {e: _weight(n, len(ids), e in places) for e, ids in index.items()}

    def telling(entity_id: str) -> bool:
        return entity_id not in places and not _ubiquitous(n, len(index[entity_id]))

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
        kept = ((other, score) for other, score in scores.items() if _enough(shared[other], telling))
        ranked = heapq.nsmallest(limit, kept, key=lambda kv: (-kv[1], kv[0]))
        out[article_id] = tuple(
            Related(
                article=other,
                score=round(score, 6),
                shared=tuple(sorted(shared[other], key=lambda e: (-weight[e], e))),
            )
            for other, score in ranked
        )
    return out
