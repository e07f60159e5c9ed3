"""The reporter's words around each quote: blocks with quoted words masked, and sentences.

Quoted words are replaced by NUL characters of the same length (offsets stay exact),
so that a cue or a full stop inside a quote is never read as the reporter's. The last
character of a quote is kept when it ends a sentence ("... right now.”).
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from builder.annotate import sentences
from builder.annotate.quote_marks import Piece, Span
from builder.model import Block

MASK = "\x00"
_CLOSERS = "\"”’'»)]"


@dataclass(frozen=True)
class Sentence:
    block: int
    start: int  # absolute offsets
    end: int


class Layout:
    """Masked blocks, their sentences and the quote pieces in each block."""

    def __init__(self, blocks: Sequence[Block], spans: Sequence[Span]) -> None:
        self.blocks = blocks
        pieces: list[list[Piece]] = [[] for _ in blocks]
        for span in spans:
            for piece in span.pieces:
                pieces[piece.block].append(piece)
        self.pieces = pieces
        self.masked = [_mask(b.text, p) for b, p in zip(blocks, pieces)]
        self.starts = [sentences.starts(m) for m in self.masked]
        self.sentences: list[Sentence] = []
        for index, block in enumerate(blocks):
            bounds = self.starts[index] + [len(block.text)]
            for lo, hi in zip(bounds, bounds[1:]):
                if hi > lo:
                    self.sentences.append(Sentence(index, block.start + lo, block.start + hi))
        self._sentence_keys = [s.start for s in self.sentences]
        self.quoted = sorted(
            (blocks[p.block].start + p.start, blocks[p.block].start + p.end) for ps in pieces for p in ps
        )

    def sentence_at(self, position: int) -> int:
        """Index in self.sentences of the sentence holding an absolute offset."""
        return max(0, bisect.bisect_right(self._sentence_keys, position) - 1)

    def inside_quote(self, position: int) -> bool:
        i = bisect.bisect_right(self.quoted, (position, float("inf"))) - 1
        return i >= 0 and self.quoted[i][0] <= position < self.quoted[i][1]

    def left(self, piece: Piece) -> tuple[int, int]:
        """Block-relative range of the reporter's words before a piece, in its sentence."""
        starts = self.starts[piece.block]
        lo = starts[max(0, bisect.bisect_right(starts, piece.open) - 1)]
        for other in self.pieces[piece.block]:
            if other.close is not None and lo <= other.close < piece.open:
                lo = other.close + 1
        return lo, piece.open

    def right(self, piece: Piece) -> tuple[int, int]:
        """Block-relative range of the reporter's words after a piece, to its sentence end."""
        if piece.close is None:
            return piece.end, piece.end
        text = self.masked[piece.block]
        lo = piece.close + 1
        hi = next((end for _, end in sentences.bounds(text) if end > lo), len(text))
        hi = lo + len(text[lo:hi].rstrip(_CLOSERS))  # the closing marks are no reporter's words
        for other in self.pieces[piece.block]:
            if lo <= other.open < hi:
                hi = other.open
        return lo, hi

    def text(self, block: int, lo: int, hi: int) -> str:
        return self.masked[block][lo:hi]


def _mask(text: str, pieces: Sequence[Piece]) -> str:
    if not pieces:
        return text
    chars = list(text)
    for piece in pieces:
        last = piece.end - 1
        keep = last if piece.close is not None and last >= piece.start and text[last] in ".!?…" else -1
        for i in range(piece.start, piece.end):
            if i != keep:
                chars[i] = MASK
    return "".join(chars)
