"""Related articles: ranked by shared entities weighted by rarity, through an inverted index.

An entity named in every article says nothing (weight log(N/df) = 0); an entity named in
many articles says little and is left out of candidate generation, so the cost grows with
the dossier, not with its pairs of articles.

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

Ranked = dict[str, tuple[Related, ...]]


def related_articles(entities_of: Mapping[str, frozenset[str]], limit: int = LIMIT) -> Ranked:
    """For each article id, the `limit` articles that share the most telling entities."""
    return _rank(entities_of, sorted(entities_of), limit)


def update_related(before: Mapping[str, frozenset[str]], ranked: Ranked, entities_of: Mapping[str, frozenset[str]],
                   limit: int = LIMIT) -> Ranked:
    """related_articles(entities_of), from the ranking `ranked` made of `before`: only the
    articles that name an entity some changed article gained or lost are ranked again
    (those entities' articles and weights are all that changed). Everything is ranked
    again when articles came or went (every weight changes) or many changed."""
    if before.keys() != entities_of.keys():
        return related_articles(entities_of, limit)
    changed = [a for a, ids in entities_of.items() if before[a] != ids]
    if len(changed) * _UPDATE_SHARE > len(entities_of):
        return related_articles(entities_of, limit)
    moved = set().union(*(before[a] ^ entities_of[a] for a in changed))
    again = sorted({a for a, ids in entities_of.items() if ids & moved}.union(changed))
    return {**ranked, **_rank(entities_of, again, limit)}


def _rank(entities_of: Mapping[str, frozenset[str]], articles: Iterable[str], limit: int) -> Ranked:
    """The ranking of `articles` among all of `entities_of`."""
    n = len(entities_of)
    index: dict[str, list[str]] = defaultdict(list)
    for article_id in sorted(entities_of):
        for entity_id in sorted(entities_of[article_id]):
            index[entity_id].append(article_id)
    weight = {e: math.log(n / len(ids)) for e, ids in index.items()}
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
        ranked = heapq.nsmallest(limit, scores.items(), key=lambda kv: (-kv[1], kv[0]))
        out[article_id] = tuple(
            Related(
                article=other,
                score=round(score, 6),
                shared=tuple(sorted(shared[other], key=lambda e: (-weight[e], e))),
            )
            for other, score in ranked
        )
    return out
