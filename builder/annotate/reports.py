"""Reports in one file: where a second story pasted after the first begins.

A file copied from the web sometimes holds two reports: the first closes with a sign-off
(a contributor line such as "Jane Doe contributed to this report.") and a second follows,
or a second headline and dateline ("LONDON —") open a new story mid-file. The reports of
a file are told apart so that each is dated, compared and counted on its own: the
metadata's publication date belongs to the first report only.

Pure: from an Article to the offsets where later reports begin. Patterns live in
builder/data/reports/.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import cache

from builder import wordlists
from builder.model import Article, Block, BlockKind
from builder.read import date_in_text, date_of_line, is_caption, is_credit, is_reference

MIN_PARAGRAPHS = 2  # a second report has at least this many paragraphs
_HEADLINE_WORDS = 16


@cache
def _ends() -> tuple[re.Pattern[str], ...]:
    return wordlists.patterns("reports/ends.txt")


@cache
def _datelines() -> tuple[re.Pattern[str], ...]:
    return wordlists.patterns("reports/dateline.txt")


def dateline_end(text: str) -> int:
    """The length of a dateline opening `text` ("LONDON — "), 0 when there is none."""
    for pattern in _datelines():
        m = pattern.match(text)
        if m:
            return m.end()
    return 0


def _closes_story(gap: str) -> bool:
    return any(p.match(line.strip()) for line in gap.splitlines() if line.strip() for p in _ends())


def _headline_like(block: Block) -> bool:
    """A cross-heading, or a short line that does not end as a sentence does."""
    text = block.text.strip()
    if not text:
        return False
    return block.kind is BlockKind.HEADING or (len(text.split()) <= _HEADLINE_WORDS and text[-1] not in ".!?:;\"”’)")


def report_starts(article: Article) -> tuple[int, ...]:
    """Offsets (into the source text) where each report after the first begins; () when
    the file holds one story."""
    blocks = article.blocks
    paragraphs = [i for i, b in enumerate(blocks) if b.kind is BlockKind.PARAGRAPH]
    if len(paragraphs) < 2 * MIN_PARAGRAPHS:
        return ()
    first_paragraph = paragraphs[0]
    starts: list[int] = []
    last = first_paragraph
    for i in range(first_paragraph + 1, len(blocks)):
        block, previous = blocks[i], blocks[i - 1]
        after = sum(1 for j in paragraphs if j >= i)
        if after < MIN_PARAGRAPHS or i - last < MIN_PARAGRAPHS:
            continue
        gap = article.source_text[previous.start + len(previous.text) : block.start]
        if _closes_story(gap) and block.kind is not BlockKind.BULLET:
            starts.append(block.start)
            last = i
        elif block.kind is BlockKind.PARAGRAPH and dateline_end(block.text):
            opener = previous if _headline_like(previous) and i - 1 > last else block
            starts.append(opener.start)
            last = i
    return tuple(starts)


def caption_starts(article: Article) -> frozenset[int]:
    """Start offsets of the paragraphs that caption a photo (see is_caption_at). A caption's
    date tells when the photo was taken, not an event."""
    return frozenset(block.start for i, block in enumerate(article.blocks) if is_caption_at(article, i))


def is_caption_at(article: Article, i: int) -> bool:
    """Whether the story's block i captions a photo: the photo's credit line ("Jane Doe/AP")
    follows it, with more story after it (a credit after the last paragraph may be the
    whole article's); it ends in its own credit ("... Image: Jane Doe."); a saved page marks
    it as a caption (Article.captions); or it is a caption's fragment opening the story
    ("pilgrims at the Grand Hall in 2008.": its first words cut off)."""
    blocks = article.blocks
    block = blocks[i]
    if block.start in article.captions or is_caption(block.text) or (i == 0 and _cut_fragment(block.text)):
        return True
    if i + 1 >= len(blocks):
        return False
    gap = article.source_text[block.start + len(block.text) : blocks[i + 1].start]
    first = next((line.strip() for line in gap.splitlines() if line.strip()), "")
    return bool(first) and is_credit(first) and not _closes_story(first)


_FRAGMENT_WORDS = 15


def _cut_fragment(text: str) -> bool:
    """A short paragraph that opens in lower case, as no sentence does: the tail of a line
    whose first words were lost ("pilgrims at the Grand Hall in 2008."), not a brand written
    in lower case ("iPhone sales rose", "eBay said")."""
    first = text.split(" ", 1)[0]
    return (first[:1].islower() and first.isalpha() and first.islower()
            and len(text.split()) <= _FRAGMENT_WORDS)


def aside_starts(article: Article) -> frozenset[int]:
    """Start offsets of the paragraphs whose dates tell no event of the story: photo captions
    (`caption_starts`) and lines that refer to other pages (a list of sources, a wiki's
    categories: builder/data/read/references.txt)."""
    return caption_starts(article) | {b.start for b in article.blocks if is_reference(b.text)}


def report_dates(article: Article, starts: tuple[int, ...] | None = None) -> tuple[dt.date | None, ...]:
    """The date each later report prints of itself (None where it prints none): a date line
    between its start and its first paragraph ("Tuesday, June 19, 2018"), else a dateline
    opening that paragraph ("YORK, June 19, 2018 —"). `starts`: report_starts(article)."""
    starts = report_starts(article) if starts is None else starts
    out: list[dt.date | None] = []
    for start in starts:
        first = next((b for b in article.blocks if b.start >= start and b.kind is BlockKind.PARAGRAPH), None)
        if first is None:
            out.append(None)
            continue
        gap = article.source_text[start : first.start].splitlines()
        out.append(next((d for line in gap if (d := date_of_line(line)) is not None), None)
                   or date_in_text([first.text]))
    return tuple(out)


def report_of(starts: tuple[int, ...], offset: int) -> int:
    """The number (0 for the first) of the report that holds `offset`."""
    n = 0
    for start in starts:
        if offset >= start:
            n += 1
    return n
