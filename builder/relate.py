"""Related articles: ranked by shared entities weighted by rarity, through an inverted index.

An entity named in every article says nothing (weight log(N/df) = 0); an entity named in
many articles says little and is left out of candidate generation, so the cost grows with
the dossier, not with its pairs of articles.
"""
from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Mapping

from builder.model import Related

LIMIT = 5
_MAX_POSTING = 200  # entities in more articles than this do not propose candidates


def related_articles(entities_of: Mapping[str, frozenset[str]], limit: int = LIMIT) -> dict[str, tuple[Related, ...]]:
    """For each article id, the `limit` articles that share the most telling entities."""
    n = len(entities_of)
    index: dict[str, list[str]] = defaultdict(list)
    for article_id in sorted(entities_of):
        for entity_id in sorted(entities_of[article_id]):
            index[entity_id].append(article_id)
    weight = {e: math.log(n / len(ids)) for e, ids in index.items()}
    cap = max(_MAX_POSTING, int(math.sqrt(n)))
    out: dict[str, tuple[Related, ...]] = {}
    for article_id in sorted(entities_of):
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
