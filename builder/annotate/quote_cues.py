"""Where a quote's speaker comes from: an ordered list of places to look.

Its own cue after it ('"...," Jane Doe said'), its own cue before it ('Jane Doe said:
"..."'), the paragraph before when it ends in a colon or 'stated,', the quote before it
(a quote with no cue goes on in the same voice), and the sentence before it ('Jane Doe
said the plan failed. "We tried."'). The first place that names someone decides; a cue
that names no one ('said one teacher') still stops the search for a voice to carry over.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from builder.annotate import attribution
from builder.annotate import quote_lexicon as lex
from builder.annotate.attribution import Attribution
from builder.annotate.quote_context import MASK, Layout
from builder.annotate.quote_marks import Piece, Span
from builder.annotate.speaker_resolvers import Verdict, confident, verdict
from builder.annotate.speakers import SpeakerIndex
from builder.model import Block

_NAMED_BETWEEN = 0.5  # a carried speaker's confidence when someone else is named in between
_REPORTED_BY = {"name-in-cue", "subject-pronoun", "pronoun"}  # resolvers that make a sentence report a person


@dataclass(frozen=True)
class Said:
    """A quote already read: its span, what decided its speaker, where it ends."""

    span: Span
    verdict: Verdict | None
    block: int  # the block the quote ends in
    full: bool = True  # a whole statement, not a fragment in the reporter's sentence


@dataclass(frozen=True)
class QuoteAt:
    """One quote and what is known around it."""

    index: SpeakerIndex
    layout: Layout
    blocks: Sequence[Block]
    span: Span
    previous: Said | None

    @property
    def first(self) -> Piece:
        return self.span.pieces[0]

    @property
    def last(self) -> Piece:
        return self.span.pieces[-1]

    def opens_block(self) -> bool:
        return not self.blocks[self.first.block].text[: self.first.open].strip()


def cue_after(at: QuoteAt) -> Attribution | None:
    last = at.last
    if last.close is None:
        return None
    lo, hi = at.layout.right(last)
    final = at.blocks[last.block].text[last.end - 1 : last.end]
    return attribution.after(at.index, at.layout.text(last.block, lo, hi), at.blocks[last.block].start + lo, final)


def cue_before(at: QuoteAt) -> Attribution | None:
    """A cue in the sentence before the quote, after any quote before it in that sentence;
    with no cue there before a colon, the whole sentence's subject ('Jane Doe defended the
    record, promising a "formal update" from John Roe: "..."')."""
    lo, hi = at.layout.left(at.first)
    block, start = at.first.block, at.blocks[at.first.block].start
    found = attribution.before(at.index, at.layout.text(block, lo, hi), start + lo)
    sentence = at.layout.starts[block][max(0, bisect.bisect_right(at.layout.starts[block], at.first.open) - 1)]
    if found is None and sentence < lo and at.layout.masked[block][lo:hi].rstrip().endswith(":"):
        whole = attribution.before(at.index, at.layout.masked[block][sentence:hi], start + sentence)
        if whole is not None and whole.cue == ":":
            return whole
    return found


def paragraph_before(at: QuoteAt) -> Attribution | None:
    """'Jane Doe stated,' (or a colon) ending the paragraph the quote opens after."""
    if not at.opens_block() or at.first.block == 0:
        return None
    block = at.first.block - 1
    text = at.layout.masked[block]
    if not text.rstrip().endswith((":", ",")):
        return None
    lo = at.layout.starts[block][-1]
    return attribution.before(at.index, text[lo:], at.blocks[block].start + lo)


def carried_over(at: QuoteAt, found: Attribution | None) -> Attribution | None:
    """The voice of the quote before: in the same sentence ('"..." and said "..."'), or for
    a quote with no cue in the same paragraph or opening the next one; unsure when
    someone else is named in between."""
    previous, first = at.previous, at.first
    carried = previous.verdict if previous is not None else None
    if previous is None or carried is None or not (carried.speaker or carried.description):
        return None
    same_block = previous.block == first.block
    same_sentence = same_block and at.layout.left(first)[0] == (previous.span.pieces[-1].close or -2) + 1
    next_block = previous.block == first.block - 1 and at.opens_block()
    if not (same_sentence or (found is None and (same_block or next_block))):
        return None
    how = ("continuation-sentence" if same_sentence else "continuation-paragraph" if same_block
           else "continuation-next" if previous.full else "continuation-after-fragment")
    score = min(carried.confidence, verdict(how, None).confidence)
    if not same_sentence and _someone_else_between(at, previous, carried):
        score = min(score, _NAMED_BETWEEN)  # '"...," said Doe. Roe disagreed. "..."': whose?
    return Attribution(Verdict(carried.speaker, how, score, carried.description, carried.affiliation),
                       found.cue if found else None)


def _someone_else_between(at: QuoteAt, previous: Said, carried: Verdict) -> bool:
    """Whether a person other than the carried speaker is named after the sentence of the
    quote before ('"...," said Jane Doe, a fellow at the John Roe Center. "..."' names Roe
    in her own cue: still hers)."""
    before = previous.span.pieces[-1]
    lo = at.blocks[previous.block].start + (before.close or before.end)
    hi = at.blocks[at.first.block].start + at.first.open
    sentence = at.layout.sentences[at.layout.sentence_at(lo)] if at.layout.sentences else None
    if sentence is not None and sentence.end <= hi:
        lo = max(lo, sentence.end)
    return any(o.speaker.person and o.speaker != carried.speaker for o in at.index.between(lo, hi))


def reported_before(at: QuoteAt) -> Attribution | None:
    """'Jane Doe said the plan had failed. "We tried everything."': a quote that opens a
    sentence with no cue, after a sentence reporting what a named person said."""
    first, layout = at.first, at.layout
    lo, _hi = layout.left(first)
    if layout.text(first.block, lo, first.open).strip():
        return None
    starts = layout.starts[first.block]
    k = bisect.bisect_right(starts, first.open) - 1
    if k < 1 or starts[k] != lo:
        return None
    text = layout.masked[first.block][starts[k - 1] : starts[k]]
    if MASK in text:
        return None
    if text.rstrip().endswith("?"):
        return _answer_to(at, text.rstrip(), at.blocks[first.block].start + starts[k - 1])
    said = attribution.before(at.index, text.rstrip(), at.blocks[first.block].start + starts[k - 1])
    if said is None or said.verdict is None or said.speaker is None or not said.speaker.person:
        return None
    if said.verdict.resolver not in _REPORTED_BY or said.verdict.confidence < confident():
        return None
    return Attribution(verdict("reported-before", said.speaker), None)


def _answer_to(at: QuoteAt, question: str, base: int) -> Attribution | None:
    """'Jane Doe skipped class. Why did she want to go? "It is a legend."': a reporter's
    question about what one person did or thinks (a wh-question with that person as its
    subject), answered by the quote after it; unsure when the pronoun may be either of two
    people. Not a question that judges someone ('Is he right? "Absolutely not."'): anyone
    may answer that."""
    asked = _WH_QUESTION.search(question)
    if asked is None:
        return None
    _kind, gender = lex.pronouns()[asked.group("who").lower()]
    candidates = at.index.pronoun_candidates(base + asked.start("who"), gender)
    if not candidates:
        return None
    return Attribution(verdict("question-answered", candidates[0], unsure=len(candidates) > 1), None)


_WH_QUESTION = re.compile(
    r"(?:^|[.!?]\s+)(?:why|what|how|when|where)\s+(?:\w+\s+){0,2}?"
    r"(?:did|does|do|is|was|would|will|has|had|could|should|can)\s+(?P<who>he|she)\b[^.!?]*\?$", re.IGNORECASE)


def attribute(at: QuoteAt) -> Attribution | None:
    """The quote's cue and speaker, from the first place that gives them; a confident
    speaker is remembered, for a later pronoun to refer back to."""
    found = cue_after(at)
    if found is None or not found.decided:
        left = cue_before(at)
        found = left if left and (left.decided or found is None) else found
    if found is None:
        found = paragraph_before(at)
    if found is None or not found.decided:
        found = carried_over(at, found) or found
    if found is None:
        found = reported_before(at)
    if found is not None and found.speaker is not None and found.verdict and found.verdict.confidence >= confident():
        last = at.last
        at.index.record(at.blocks[last.block].start + (last.close or last.end), found.speaker)
    return found
