"""Finding the block that holds an offset, in logarithmic time."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from builder.model import Block


class BlockIndex:
    """The blocks of an article (in file order), searchable by offset."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self.blocks = tuple(blocks)
        self._starts = [b.start for b in self.blocks]

    def at(self, pos: int) -> Block | None:
        """The block whose text contains offset `pos`, if any."""
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and pos < self.blocks[i].start + len(self.blocks[i].text):
            return self.blocks[i]
        return None
