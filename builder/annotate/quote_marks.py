"""Find the spans between quote marks, paragraph by paragraph.

Double marks (curly or straight) are always quote marks. Single marks are quote marks
only where they open a word and close it again further on; a single mark inside a word
(don’t, Ukraine‘s) or after a plural (allies’ intent) is an apostrophe. A quote left open
at a paragraph's end continues into the next paragraph when that one opens with a quote
mark (the news convention; a photo's caption between is passed over), or when the next one, with no opening mark, holds the closing
one (the opener dropped); otherwise it is closed at the paragraph's end with a warning. A
straight mark typed after the space ('said," For example ...".') still opens a quote.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from builder.annotate.quote_lexicon import cue_pattern
from builder.errors import where
from builder.model import Block
from builder.read import is_caption

_DOUBLE = re.compile(r"''|[\"“”„‟«»＂]")  # '' : two apostrophes, as some wire and newspaper copy writes a quote mark
_SINGLE = re.compile(r"['‘’‚‛]")
_OPENERS = "“„‟«"
_CLOSERS = "”»"
_BEFORE_OPEN = " \t\n([{—–-/:;,"  # what may stand before an opening mark
_AFTER_CLOSE = " \t\n)]}—–-/.,;:!?…"  # what may follow a closing mark
_ELISION = re.compile(r"['‘’](?:\d0s|tis\b|twas\b|til\b|em\b|n['’]|cause\b)", re.IGNORECASE)
_ANY_MARK = "\"“”„‟«»＂'‘’‚‛"


@dataclass(frozen=True)
class Piece:
    """The quoted words of one paragraph; offsets are relative to the block's text."""

    block: int  # index into the blocks given to find_spans
    open: int  # offset of the opening mark
    start: int  # first quoted character
    end: int  # just past the last quoted character
    close: int | None  # offset of the closing mark; None when the quote runs on or was cut


@dataclass(frozen=True)
class Span:
    """One quotation as marked in the text: one piece per paragraph it runs over."""

    pieces: tuple[Piece, ...]


def find_spans(blocks: Sequence[Block], file: str) -> tuple[list[Span], list[str]]:
    """Every quoted span of the blocks, in text order, and warnings about unbalanced marks."""
    warnings: list[str] = []
    spans: list[Span] = []
    running: list[Piece] = []
    for index, block in enumerate(blocks):
        segments = _block_segments(block.text, index, file, block.line, warnings, continuing=bool(running))
        if running and not segments and is_caption(block.text):
            continue  # a photo's caption between two paragraphs of one statement: it goes on after it
        if running and not _continues(segments, block):
            spans.append(_cut(running, blocks, file, warnings))
            running = []
        for seg_no, piece in enumerate(segments):
            if running and seg_no == 0:
                running.append(piece)  # the paragraph continues the open quote
            else:
                running = [piece]
            if piece.close is not None:
                spans.append(Span(tuple(running)))
                running = []
    if running:
        spans.append(_cut(running, blocks, file, warnings))
    return spans, warnings


def _opens_block(text: str, offset: int) -> bool:
    return not text[:offset].strip()


def _continues(segments: list[Piece], block: Block) -> bool:
    return bool(segments) and _opens_block(block.text, segments[0].open)


def _cut(running: list[Piece], blocks: Sequence[Block], file: str, warnings: list[str]) -> Span:
    """Close an unbalanced quote at the end of its last paragraph, with a warning."""
    last = running[-1]
    warnings.append(
        f"{where(file, blocks[last.block].line)}: unbalanced quote mark, recovered at the paragraph's end"
    )
    return Span(tuple(running))


def _block_segments(text: str, index: int, file: str, line: int, warnings: list[str],
                    continuing: bool = False) -> list[Piece]:
    """The quoted segments of one paragraph: doubles and singles, outermost kept.
    `continuing`: a quote is still open from the paragraph before."""
    doubles = _double_segments(text, index, file, line, warnings, continuing)
    singles = _single_segments(text, index)
    kept = [s for s in singles if not any(_inside(s, d) or _crosses(s, d) for d in doubles)]
    doubles = [d for d in doubles if not any(_inside(d, s) for s in kept)]
    return sorted(doubles + kept, key=lambda p: p.open)


def _inside(inner: Piece, outer: Piece) -> bool:
    return outer.open < inner.open and inner.end <= outer.end


def _crosses(a: Piece, b: Piece) -> bool:
    return a.open < b.open < a.end < b.end or b.open < a.open < b.end < a.end


def _opening_context(text: str, i: int, width: int = 1) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before in _BEFORE_OPEN or before in _ANY_MARK) and not after.isspace()


def _closing_context(text: str, i: int, width: int = 1) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + width] if i + width < len(text) else " "
    return not before.isspace() and (after in _AFTER_CLOSE or after in _ANY_MARK)


def _piece(text: str, index: int, open_at: int, close_at: int | None, end_at: int, width: int = 1) -> Piece:
    """The quoted words from the mark at open_at (`width` characters wide) to end_at."""
    start = open_at + width
    while start < end_at and text[start].isspace():
        start += 1
    end = end_at
    while end > start and text[end - 1].isspace():
        end -= 1
    return Piece(index, open_at, start, end, close_at)


# After a straight closing-looking mark with no quote open: a capital (or '[', a digit, a
# quote mark) after one space reads as an opener typed on the wrong side of the space:
# 'said," For example, ..."'.
_OPENER_TYPED_AFTER = re.compile(r"[ \t]+[\[A-Z0-9“‘]")


def _double_segments(text: str, index: int, file: str, line: int, warnings: list[str],
                     continuing: bool = False) -> list[Piece]:
    """The quoted pieces of a paragraph's double marks, read in order with one quote open at a time."""
    reader = _Doubles(text, index, (file, line), warnings, continuing)
    marks = list(_DOUBLE.finditer(text))
    for n, match in enumerate(marks):
        i, size = match.start(), len(match.group())
        opening, closing = _opening_context(text, i, size), _closing_context(text, i, size)
        if size == 2 and not (opening or closing):
            continue  # two apostrophes inside a word
        if reader.open_at is None:
            reader.outside(match, opening, closing, marks, n)
        else:
            reader.inside(match, opening, closing, marks, n)
    if reader.open_at is not None:
        reader.out.append(_piece(text, index, reader.open_at, None, len(text), reader.width))
    return reader.out


class _Doubles:
    """The state of a paragraph's double marks read so far: the pieces, the quote open."""

    def __init__(self, text: str, index: int, place: tuple[str, int], warnings: list[str], continuing: bool) -> None:
        self.text, self.index, self.place, self.warnings, self.continuing = text, index, place, warnings, continuing
        self.out: list[Piece] = []
        self.open_at: int | None = None
        self.width = 1  # of the open mark

    def outside(self, match: re.Match[str], opening: bool, closing: bool, marks: list[re.Match[str]], n: int) -> None:
        """A mark with no quote open: it opens one, ends a quote left open above, or is a stray closer."""
        text, i, mark = self.text, match.start(), match.group()
        size = len(mark)
        if self.continuing and not self.out and closing and not opening:
            self.out.append(_run_on(text, self.index, i))  # the quote left open above ends here
        elif mark in _CLOSERS and closing and not opening:
            self.warnings.append(f"{where(*self.place)}: closing quote mark without an opening one, ignored")
        elif opening or mark in _OPENERS or _typed_opener(text, i, size, marks[n + 1 :]):
            if not (mark == '"' and i and text[i - 1].isdigit()):  # 5'10" is a measure
                self.open_at, self.width = i, size

    def inside(self, match: re.Match[str], opening: bool, closing: bool, marks: list[re.Match[str]], n: int) -> None:
        """A mark with a quote open: it closes it, is a closer typed as an opener, or opens another."""
        text, i, mark = self.text, match.start(), match.group()
        size = len(mark)
        assert self.open_at is not None
        if mark in _CLOSERS or closing or (mark not in _OPENERS and not opening):
            self.out.append(_piece(text, self.index, self.open_at, i + size - 1, i, self.width))  # the mark's last character
            self.open_at = None
        elif _closer_typed_as_opener(text, i, size, marks[n + 1 :]):
            self.out.append(_piece(text, self.index, self.open_at, i, i, self.width))  # 'reach, “Jane Doe said.': a closer
            self.open_at = None
        else:  # a second opening mark: the first quote was never closed
            self.warnings.append(f"{where(*self.place)}: unbalanced quote mark, recovered at the next quote")
            self.out.append(_piece(text, self.index, self.open_at, i, i, self.width))
            self.open_at, self.width = i, size


_CLOSER_WORDS = 6  # a cue clause after a closer typed as an opener is this long at most


def _closer_typed_as_opener(text: str, i: int, size: int, later: Sequence[re.Match[str]]) -> bool:
    """An opening mark after a quote's last words and a comma or stop, before a short cue
    clause ending the sentence: 'global reach, “Jane Doe said. “...' (a closer typed wrong)."""
    if not text[:i].rstrip().endswith((",", ".", "!", "?")) or not text[i - 1 : i].isspace():
        return False
    following = later[0] if later else None
    if following is not None and not _opening_context(text, following.start(), len(following.group())):
        return False  # the next mark closes a quote: this one opened it
    clause = text[i + size : following.start() if following else len(text)]
    words = clause.split()
    return (0 < len(words) <= _CLOSER_WORDS and clause.rstrip()[-1:] in ".:"
            and cue_pattern().search(clause) is not None)


def _run_on(text: str, index: int, close_at: int) -> Piece:
    """A paragraph that goes on with a quote opened in the one before, with no mark of its
    own, up to the closing mark: the news convention with the paragraph's opener dropped."""
    start = len(text) - len(text.lstrip())
    return Piece(index, 0, start, max(start, len(text[:close_at].rstrip())), close_at)


def _typed_opener(text: str, i: int, size: int, later: Sequence[re.Match[str]]) -> bool:
    """A straight mark after ',' or ':' and before a space and a capital, with a closing
    mark later in the paragraph: an opener ('said," For example, ...".'), not a closer."""
    if not (text[i] in "\"＂" and i > 0 and text[i - 1] in ",:" and _OPENER_TYPED_AFTER.match(text, i + size)):
        return False
    following = later[0] if later else None  # the next mark must close it, not open another
    return (following is not None and _closing_context(text, following.start(), len(following.group()))
            and not _opening_context(text, following.start(), len(following.group())))


def _single_segments(text: str, index: int) -> list[Piece]:
    """Single marks that open a word and close one later in the paragraph."""
    marks = [m.start() for m in _SINGLE.finditer(text) if "''" not in text[max(0, m.start() - 1) : m.start() + 2]]
    if not marks:
        return []
    out: list[Piece] = []
    pos = 0
    while pos < len(marks):
        i = marks[pos]
        pos += 1
        if text[i] == "’" or not _single_opens(text, i):
            continue
        close = None
        for j_pos in range(pos, len(marks)):
            j = marks[j_pos]
            if _single_opens(text, j) and text[j] != "’":
                break  # another quote opens before this one closes
            if _closing_context(text, j):
                if _weak_closer(text, j):
                    close = close if close is not None else j_pos
                    continue
                close = j_pos
                break
        if close is None:
            if not text[:i].strip() or text[:i].rstrip().endswith(":"):
                out.append(_piece(text, index, i, None, len(text)))  # runs on or is unbalanced
                break
            continue
        j = marks[close]  # a strong closer, else the first possessive-looking one
        out.append(_piece(text, index, i, j, j))
        pos = close + 1
    return out


def _single_opens(text: str, i: int) -> bool:
    if not _opening_context(text, i) or _ELISION.match(text, i):
        return False
    after = text[i + 1] if i + 1 < len(text) else " "
    return after.isalnum() or after in "“\"…"


def _weak_closer(text: str, i: int) -> bool:
    """A mark after a plural followed by a lower-case word reads as a possessive: allies’ intent."""
    if text[i - 1] not in "sS":
        return False
    rest = text[i + 1 : i + 3]
    return len(rest) == 2 and rest[0] == " " and rest[1].islower()
