"""Quotations of one article, each with its speaker when the text makes it clear.

Three steps: find the spans between quote marks (quote_marks), set aside names, titles,
nicknames and scare quotes, then attribute each quotation from the cues around it
(attribution, speaker_resolvers). A quote with no cue of its own that follows another
one in the same paragraph, or opens the paragraph after a whole quoted statement, or
follows a sentence reporting a named person's words, is credited to the same speaker.
Every attribution keeps the resolver that decided and its confidence; only a confident
speaker is the quote's speaker, an unsure one is kept as a candidate for review.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from builder.annotate import attribution
from builder.annotate.quote_context import MASK, Layout
from builder.annotate.quote_lexicon import cue_pattern, naming_words, not_subject_words
from builder.annotate.quote_marks import Piece, Span, find_spans
from builder.annotate.speaker_resolvers import Verdict, confident, verdict
from builder.annotate.speakers import SpeakerIndex
from builder.model import Article, Block, LocalEntity, Mention, Quote

_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "vs"}
_TERMINAL = ".!?,;:…"
_MIN_UNCUED_WORDS = 6  # a quote with no cue and no speaker is kept only from this length on


_INTRO_CHARS = 300  # the introducing sentence shown with an unclear speaker, cut to this length


@dataclass(frozen=True)
class _Found:
    span: Span
    verdict: Verdict | None
    block: int  # the block the quote ends in
    full: bool = True  # a whole statement, not a fragment in the reporter's sentence


def find_quotes(
    article: Article, entities: Sequence[LocalEntity], mentions: Sequence[Mention]
) -> tuple[tuple[Quote, ...], tuple[str, ...]]:
    """Return the article's quotations and any warnings (e.g. an unbalanced quote mark)."""
    blocks = article.text_blocks
    spans, warnings = find_spans(blocks, article.file)
    spans = [s for s in spans if not _nickname(blocks, s)]
    if not spans:
        return (), tuple(warnings)
    layout = Layout(blocks, spans)
    index = SpeakerIndex(article.source_text, layout, entities, mentions)
    quotes: list[Quote] = []
    previous: _Found | None = None
    for span in spans:
        first, last = span.pieces[0], span.pieces[-1]
        text = "\n\n".join(blocks[p.block].text[p.start : p.end] for p in span.pieces)
        lo, hi = layout.left(first)
        left = layout.text(first.block, lo, hi)
        if not text.strip() or _not_a_quote(text, left, layout, last):
            continue
        found = _attribute(index, layout, blocks, span, previous)
        if found is None and not _statement_like(text, left, span):
            continue
        said = found.verdict if found else None
        start, end = blocks[first.block].start + first.start, blocks[last.block].start + last.end
        kind = _kind(text, left, span)
        quotes.append(_quote(text, start, end, kind, said, found.cue if found else None,
                             _intro(article.source_text, layout, start, end)))
        previous = _Found(span, said, last.block, kind == "full")
    return _echoes_attributed(quotes), tuple(warnings)


def _quote(text: str, start: int, end: int, kind: str, said: Verdict | None, cue: str | None,
           intro: str) -> Quote:
    """The quote, its speaker shown only when confident; an unsure one is kept as a candidate."""
    speaker = said.speaker if said else None
    sure = said is not None and speaker is not None and said.confidence >= confident()
    affiliation = said.affiliation if said else None
    return Quote(
        text=text, start=start, end=end, kind=kind,
        speaker_key=speaker.key if sure and speaker else None,
        speaker_name=speaker.name if sure and speaker else None,
        cue=cue,
        resolver=said.resolver if said else None,
        confidence=said.confidence if said else 0.0,
        candidate=speaker.name if speaker and not sure else None,
        description=said.description if said else None,
        affiliation_key=affiliation.key if affiliation else None,
        affiliation_name=affiliation.name if affiliation else None,
        intro=intro,
    )


def _intro(source: str, layout: Layout, start: int, end: int) -> str:
    """The sentence that holds the quote, its quoted words shown as '…'."""
    sentence = layout.sentences[layout.sentence_at(start)] if layout.sentences else None
    if sentence is None:
        return ""
    lo, hi = sentence.start, max(sentence.end, min(end, sentence.end))
    text = source[lo:start] + "…" + source[end:hi] if lo <= start and end <= hi else source[lo:hi]
    text = " ".join(text.split())
    return text if len(text) <= _INTRO_CHARS else text[: _INTRO_CHARS - 1].rstrip() + "…"


def _not_a_quote(text: str, left: str, layout: Layout, last: Piece) -> bool:
    """A name, title or term in quote marks, or scare quotes on a modifier."""
    named = _is_name(text, left)
    if not named and len(text) > _MODIFIER_CHARS:
        return False
    right = layout.text(last.block, *layout.right(last)) if last.close is not None else ""
    return (named and not _headline_cue(right)) or _is_modifier(text, left, right)


_NICKNAME_BEFORE = re.compile(r"[A-Z][\w.’'-]*\s$")
_NICKNAME_AFTER = re.compile(r"\s[A-Z]")
_NICKNAME_WORDS = 3


def _nickname(blocks: Sequence[Block], span: Span) -> bool:
    """A nickname in quote marks inside a name: 'Col. John "J.D." Doe', 'Dwayne "The Rock" Johnson'."""
    if len(span.pieces) > 1 or span.pieces[0].close is None:
        return False
    piece = span.pieces[0]
    text = blocks[piece.block].text
    words = _words(text[piece.start : piece.end])
    return (0 < len(words) <= _NICKNAME_WORDS and _title_case(words)
            and _NICKNAME_BEFORE.search(text, max(0, piece.open - 30), piece.open) is not None
            and _NICKNAME_AFTER.match(text, piece.close + 1) is not None)


def _echo_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _echoes_attributed(quotes: list[Quote]) -> tuple[Quote, ...]:
    """A quote printed twice (a headline that repeats the body's words) takes the speaker
    the text gives it where it is attributed."""
    said: dict[str, Quote] = {}
    for quote in quotes:
        key = _echo_key(quote.text)
        if quote.speaker_name and len(key.split()) >= 3:
            said.setdefault(key, quote)
    out = []
    for quote in quotes:
        source = said.get(_echo_key(quote.text)) if not quote.speaker_name else None
        out.append(replace(quote, speaker_key=source.speaker_key, speaker_name=source.speaker_name, candidate=None,
                           resolver="echo", confidence=min(source.confidence, verdict("echo", None).confidence))
                   if source else quote)
    return tuple(out)


def _attribute(
    index: SpeakerIndex, layout: Layout, blocks: Sequence[Block], span: Span, previous: _Found | None
) -> attribution.Attribution | None:
    """The quote's cue and speaker: after it, before it, or carried over from the quote before."""
    first, last = span.pieces[0], span.pieces[-1]
    found = None
    if last.close is not None:
        lo, hi = layout.right(last)
        final = blocks[last.block].text[last.end - 1 : last.end]
        found = attribution.after(index, layout.text(last.block, lo, hi), blocks[last.block].start + lo, final)
    if found is None or not found.decided:
        lo, hi = layout.left(first)
        left = attribution.before(index, layout.text(first.block, lo, hi), blocks[first.block].start + lo)
        found = left if left and (left.decided or found is None) else found
    if found is None and _opens_block(blocks, first) and first.block > 0:
        block = first.block - 1
        text = layout.masked[block]
        if text.rstrip().endswith((":", ",")):  # 'Jane Doe stated,' and the quote as the next paragraph
            lo = layout.starts[block][-1]
            found = attribution.before(index, text[lo:], blocks[block].start + lo)
    carried = previous.verdict if previous is not None else None
    if previous is not None and carried is not None and carried.speaker and (found is None or not found.decided):
        same_block = previous.block == first.block
        same_sentence = same_block and layout.left(first)[0] == (previous.span.pieces[-1].close or -2) + 1
        next_block = previous.block == first.block - 1 and _opens_block(blocks, first)
        if same_sentence or (found is None and (same_block or next_block)):
            # '"..." and said "..."', or a quote with no cue after one by a known speaker
            how = ("continuation-sentence" if same_sentence else "continuation-paragraph" if same_block
                   else "continuation-next" if previous.full else "continuation-after-fragment")
            score = min(carried.confidence, verdict(how, None).confidence)
            found = attribution.Attribution(Verdict(carried.speaker, how, score), found.cue if found else None)
    if found is None:
        found = _reported_before(index, layout, blocks, first)
    if found is not None and found.speaker is not None and found.verdict and found.verdict.confidence >= confident():
        position = blocks[last.block].start + (last.close or last.end)
        index.record(position, found.speaker)
    return found


_REPORTED_BY = {"name-in-cue", "subject-pronoun", "pronoun"}


def _reported_before(index: SpeakerIndex, layout: Layout, blocks: Sequence[Block],
                     first: Piece) -> attribution.Attribution | None:
    """'Jane Doe said the plan had failed. "We tried everything."': a quote that opens a
    sentence with no cue, after a sentence reporting what a named person said."""
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
    said = attribution.before(index, text.rstrip(), blocks[first.block].start + starts[k - 1])
    if said is None or said.verdict is None or said.speaker is None or not said.speaker.person:
        return None
    if said.verdict.resolver not in _REPORTED_BY or said.verdict.confidence < confident():
        return None
    how = verdict("reported-before", said.speaker)
    return attribution.Attribution(how, None)


def _opens_block(blocks: Sequence[Block], piece: Piece) -> bool:
    return not blocks[piece.block].text[: piece.open].strip()


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text)


def _is_name(text: str, left: str) -> bool:
    """A name, title or term in quote marks: 'the so-called "..."', 'its "Thunderbolt" missiles'."""
    before = [w.lower() for w in _words(left)[-3:] if w.lower() not in ("the", "a", "an")]
    words = _words(text)
    if before and (before[-1] in naming_words() or " ".join(before[-2:]) in naming_words()):
        # a name is short; 'has called "the most powerful training cluster in the world"' is said
        return len(words) <= _NAME_WORDS or _title_case(words)
    if text.rstrip()[-1:] in _TERMINAL or "\n" in text:
        return False
    return 0 < len(words) <= 6 and _title_case(words)


# '"Time To Go": Jane Doe ...', '"We Will Not Back Down," Says Jane Doe': a headline's quote in Title Case
_HEADLINE_CUE = re.compile(r"\s*(?::\s+[A-Z]|,?\s*(?:says|said)\s+[A-Z])", re.IGNORECASE)


def _headline_cue(right: str) -> bool:
    match = _HEADLINE_CUE.match(right)
    return match is not None and match.group().rstrip()[-1:].isupper()


_DETERMINERS = {"a", "an", "the", "his", "her", "its", "their", "our", "this", "that", "these", "those", "my", "your"}
_MODIFIER_WORDS = 4  # 'a "dirty tricks" campaign': a quoted modifier is this long at most
_MODIFIER_CHARS = 60


def _is_modifier(text: str, left: str, right: str) -> bool:
    """Scare quotes on words that modify a noun: 'a "dirty tricks" campaign', 'its "smart" tool'."""
    words = _words(text)
    if not 0 < len(words) <= _MODIFIER_WORDS or text.rstrip()[-1:] in _TERMINAL:
        return False
    before = _words(left)[-1:]
    after = re.match(r"\s+([a-z][\w-]*)", right)
    if not before or not after:
        return False
    owner = before[0].lower() in _DETERMINERS or before[0].endswith(("’s", "'s"))
    noun = after.group(1)
    return owner and noun not in not_subject_words() and noun not in _LINKING and not cue_pattern().fullmatch(noun)


_LINKING = {"and", "or", "but", "nor", "is", "was", "are", "were", "be", "been", "has", "had", "have", "will",
            "would", "can", "could", "may", "might", "should", "must", "that", "which", "who", "as", "than",
            "so", "then", "yet", "if", "because", "while", "when", "where", "does", "did", "do", "not", "also"}


_NAME_WORDS = 5  # a quoted name or term after "called", "dubbed" is this long at most (unless in Title Case)


def _title_case(words: list[str]) -> bool:
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(significant) and all(w[0].isupper() or w[0].isdigit() for w in significant)


def _statement_like(text: str, left: str, span: Span) -> bool:
    """A quote with no cue is kept when it reads as a statement or a long quoted fragment."""
    if len(span.pieces) > 1:
        return True
    words = _words(text)
    if text[:1].isupper() and text.rstrip()[-1:] in ".!?" and len(words) >= 3:
        return True
    return len(words) >= _MIN_UNCUED_WORDS and not left.rstrip().endswith(("the", "a", "an"))


def _kind(text: str, left: str, span: Span) -> str:
    """'full' for a whole statement set off from the reporter's words, 'partial' for a fragment."""
    if len(span.pieces) > 1:
        return "full"
    opening = text.lstrip("“\"‘'…. ")[:1]
    if not (opening.isupper() or opening.isdigit()):
        return "partial"
    tail = left.rstrip()
    if not tail or tail[-1] in ":,—–-(":
        return "full"
    last = _words(tail)[-1:] if _words(tail) else []
    return "full" if last and cue_pattern().fullmatch(last[0]) else "partial"
