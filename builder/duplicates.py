"""Copies: the same article saved twice, or the same wire story published by several
outlets (maybe with a different headline or top paragraph), found in linear time.

Each article's story is cut into shingles (runs of SHINGLE words) and kept as a bottom-k
MinHash sketch (the K smallest shingle hashes: a deterministic CRC, not Python's salted
hash). Candidates come from an inverted index over the smallest sketch values (copies
share most of them), each looked up in at most PROBE earlier articles, so the cost grows
with the dossier, not with its pairs of articles. Two
articles are copies when the shingles they share are at least OVERLAP of the longer one's:
a story and the same story with a new top are; a file holding that story and a second
one is not (half of it is something else). Nor are two releases written to one template
(a daily report of strikes, a weekly table of figures): copies of one story share their
figures, so two stories with MIN_NUMBERS figures each that share fewer than
NUMBERS_SHARED of them are two reports, however alike their words.
"""
from __future__ import annotations

import heapq
from array import array
import re
import zlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from builder.model import Article

SHINGLE = 5  # words
K = 64  # sketch size
OVERLAP = 0.7  # shared shingles / shingles of the longer article
PROBE = 8  # earlier articles looked at per sketch value
MIN_SHINGLES = 20  # shorter stories are too short to call copies
INDEXED = 8  # an article's smallest sketch values that it is indexed and looked up by
MIN_SHARED = 3  # of those, how many a candidate shares (copies share most of theirs)
CHECKED = 4  # candidates compared, those sharing the most values first
MIN_NUMBERS = 3  # figures a story needs before its figures are compared
NUMBERS_SHARED = 0.5  # of the figures of the story with fewer, how many copies share
NUMBERS_KEPT = 32  # the smallest figure hashes kept per sketch
_WORD = re.compile(r"\w+")


class Sketch(NamedTuple):
    size: int  # number of distinct shingles
    mins: array[int]  # the K smallest shingle hashes, ascending (32-bit: a tenth of a tuple's memory)
    numbers: array[int] = array("I")  # the smallest hashes of its distinct figures ("26", "2015")
    figures: int = 0  # how many distinct figures the story holds


def sketch(article: Article) -> Sketch:
    """The bottom-k sketch of an article's story (its headline left out: a copy may be
    retitled)."""
    words = _WORD.findall(" ".join(b.text for b in article.text_blocks if b is not article.headline).lower())
    hashes = {zlib.crc32(" ".join(words[i : i + SHINGLE]).encode()) for i in range(max(len(words) - SHINGLE + 1, 0))}
    figures = {zlib.crc32(w.encode()) for w in words if not w.isalpha() and any(c.isdigit() for c in w)}
    return Sketch(len(hashes), array("I", heapq.nsmallest(K, hashes)),
                  array("I", heapq.nsmallest(NUMBERS_KEPT, figures)), len(figures))


def same_figures(a: Sketch, b: Sketch) -> bool:
    """Whether two stories' figures agree as copies' do: at least NUMBERS_SHARED of the
    figures of the one with fewer are the other's (estimated on their smallest hashes);
    True when either has fewer than MIN_NUMBERS figures (nothing to tell by)."""
    if a.figures < MIN_NUMBERS or b.figures < MIN_NUMBERS:
        return True
    sa, sb = set(a.numbers), set(b.numbers)
    union = sorted(sa | sb)[:NUMBERS_KEPT]  # the sketch of the union
    jaccard = len(sa.intersection(sb).intersection(union)) / len(union)
    shared = jaccard * (a.figures + b.figures) / (1 + jaccard)
    return shared >= NUMBERS_SHARED * min(a.figures, b.figures)


def _copies(a: Sketch, b: Sketch) -> bool:
    return overlap(a, b) >= OVERLAP and same_figures(a, b)


def overlap(a: Sketch, b: Sketch) -> float:
    """Estimated shared shingles over the longer one's (0..1)."""
    if not a.size or not b.size:
        return 0.0
    sa, sb = set(a.mins), set(b.mins)
    union = sorted(sa | sb)[:K]  # the sketch of the union: its K smallest values
    jaccard = len(sa.intersection(sb).intersection(union)) / len(union)
    shared = jaccard * (a.size + b.size) / (1 + jaccard)
    return shared / max(a.size, b.size)


def find_copies(sketches: Mapping[str, Sketch], order: Sequence[str]) -> dict[str, str]:
    """Article id -> the id of the article it copies (the first of its group in `order`,
    which is shown; the others are listed with it)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    index: dict[int, list[str]] = defaultdict(list)
    rank = {a: n for n, a in enumerate(order)}
    for article_id in order:
        mine = sketches[article_id]
        if mine.size < MIN_SHINGLES:
            continue
        counts: dict[str, int] = defaultdict(int)
        for h in mine.mins[:INDEXED]:
            postings = index[h]
            for other in postings[:PROBE]:
                counts[other] += 1
            postings.append(article_id)
        best = sorted((o for o in counts if counts[o] >= MIN_SHARED), key=lambda o: (-counts[o], rank[o]))
        for other in best[:CHECKED]:
            if root(other) == root(article_id):
                continue
            if _copies(mine, sketches[other]):
                a, b = root(other), root(article_id)
                first, second = (a, b) if rank[a] < rank[b] else (b, a)
                parent[second] = first
    return {a: root(a) for a in order if root(a) != a}


def update_copies(before: tuple[Mapping[str, Sketch], Mapping[str, str]] | None, sketches: Mapping[str, Sketch],
                  order: Sequence[str]) -> dict[str, str]:
    """find_copies, reusing the last build's result (`before`: its sketches and copies)
    when the articles that changed since were no copies and have none now: the common
    edit costs a look-up of the changed articles, not a pass over the dossier."""
    if before is None:
        return find_copies(sketches, order)
    old, result = before
    changed = {a for a in sketches if old.get(a) != sketches[a]} | {a for a in old if a not in sketches}
    if not changed:
        return dict(result)
    grouped = set(result) | set(result.values())
    if changed & grouped:
        return find_copies(sketches, order)
    index: dict[int, list[str]] = defaultdict(list)
    for article_id in order:
        for h in sketches[article_id].mins[:INDEXED]:
            index[h].append(article_id)
    for article_id in changed:
        mine = sketches.get(article_id)
        if mine is None or mine.size < MIN_SHINGLES:
            continue
        counts: dict[str, int] = defaultdict(int)
        for h in mine.mins[:INDEXED]:
            for other in index[h][: PROBE * 4]:
                if other != article_id:
                    counts[other] += 1
        if any(counts[o] >= MIN_SHARED and _copies(mine, sketches[o]) for o in counts):
            return find_copies(sketches, order)
    return dict(result)
