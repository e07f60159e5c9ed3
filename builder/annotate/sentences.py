"""Sentences of one block of text: the one sentence splitter of the builder.

A sentence ends at a run of ".", "!", "?" or "…" (closing quotes and brackets included)
followed by a space or the end of the text, or at a line break. It does not end where the
next word starts in lower case, with "," or ";" ("“Why?” he asked") or with a dash
(“We will.” – Jane Doe), nor at the full stop
of an abbreviation ("Mr.", "U.S.", "Sept."; builder/data/abbreviations.txt) or of an
initial ("J. Smith"). Bounds are block-relative (start, end), whitespace trimmed, and kept
per text: dates, sources, quotes and the timeline all ask for the same blocks.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from builder import wordlists

Bounds = tuple[tuple[int, int], ...]

_END = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s|$)|\n+")
_WORD_BEFORE = re.compile(r"[\w.]+\Z")
_NEXT_CHAR = re.compile(r"\s*(\S)")


def _ends(text: str, m: re.Match[str]) -> bool:
    """Whether the punctuation matched at m ends a sentence."""
    after = _NEXT_CHAR.match(text, m.end())
    if after and (after[1].islower() or after[1] in ",;–—-"):
        return False
    if not m.group().startswith(".") or m.group().startswith(".."):
        return True
    word = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
    if not word:
        return True
    token = word.group()
    if len(token) == 1 and token.isupper():
        return False  # an initial
    where = wordlists.abbreviations().get(token.lower())
    if where == "number":
        return not (after and after[1].isdigit())
    return where is None


@lru_cache(maxsize=4096)
def bounds(text: str) -> Bounds:
    """Every sentence of a block's text as (start, end), whitespace trimmed."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group()[0] == "\n":
            end = m.start()
        elif _ends(text, m):
            end = m.end()
        else:
            continue
        if text[start:end].strip():
            out.append(_trim(text, start, end))
        start = m.end()
    if text[start:].strip():
        out.append(_trim(text, start, len(text)))
    return tuple(out)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    return start + lead, end - (len(piece) - len(piece.rstrip()))


def sentence_of(text: str, pos: int) -> tuple[int, int]:
    """The bounds (start, end) of the sentence of a block's text around `pos` (between two
    sentences: the next one)."""
    found = bounds(text)
    if not found:
        return 0, len(text)
    i = bisect_right(found, (pos, len(text) + 1)) - 1
    if i < 0:
        return found[0]
    start, end = found[i]
    if pos >= end and i + 1 < len(found):
        return found[i + 1]
    return start, end


def starts(text: str) -> list[int]:
    """Where each sentence starts, the first at 0: the sentences cover the text end to end."""
    return [0] + [start for start, _ in bounds(text)[1:]]
