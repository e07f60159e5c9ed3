"""Statements printed without quote marks after a line that ends in a colon.

Government releases (gov.uk, the US State Department) and press releases print a
minister's or a spokesperson's statement as plain paragraphs after the line that names
them: 'Foreign Office Minister Jane Doe said:', 'The statement read:'. The paragraph
after such a line is read as a quotation, and so are the paragraphs after it, until one
that is clearly the reporter's (or the page's) again: a heading, a list item, a quoted
paragraph, one with a reporting cue of its own ('Acme said ...', not the statement's own
'I have said'), a dateline, a photo's caption, 'Notes to editors', 'ENDS'. Which lines
introduce a statement and which paragraphs stop one are the rows of quotes/statements.txt.

Only a line whose colon ends its paragraph introduces a statement, and only a line that
ends in a cue ('said:', 'added:', 'released the following statement:'): 'Jane Doe
explained the plan's three aims:' and a list is no statement. Whether the line names its
speaker is the attribution's to say (quote_cues.paragraph_before); a statement whose
line names no one, or a paragraph that names the speaker as someone else would ('The
Minister will travel on to ...'), is left to the reporter (quotes.py cuts it).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from builder import regex_cache, wordlists
from builder.annotate import quote_lexicon as lex
from builder.annotate import lexicon, sentences
from builder.annotate.quote_marks import Piece, Span
from builder.annotate.spans import DATELINE
from builder.model import Block, BlockKind
from builder.read import is_caption

KINDS = ("intro", "stop", "cue", "label")
_LIST_MARKER = re.compile(r"\s*(?:[-–—•*·▪]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s")
_ENDS_SENTENCE = ".!?…\"”’')]"
_FIRST_PERSON = {"i", "we", "i've", "we've", "i’ve", "we’ve", "i'd", "we'd", "i’d", "we’d", "i'm", "i’m"}
_THIRD_PERSON_OPENING = re.compile(r"(?:^|[.!?]\s+)(?:He|She)\s+[a-z]")


@dataclass(frozen=True)
class StatementRule:
    id: str
    kind: str
    pattern: re.Pattern[str]
    example: str


@dataclass(frozen=True)
class Statement:
    """A statement: the paragraph that introduces it and one span for each of its paragraphs."""

    intro: int  # index of the introducing block in the blocks given to `find`
    rule: str  # the id of the intro rule that matched
    spans: tuple[Span, ...]


@cache
@regex_cache.constants
def rules() -> tuple[StatementRule, ...]:
    """The rows of builder/data/quotes/statements.txt, in order."""
    out = []
    for line in wordlists.lines("quotes/statements.txt"):
        rule_id, kind, pattern, example = line.split("\t")
        if kind not in KINDS:
            raise ValueError(f"quotes/statements.txt: rule {rule_id}: unknown kind {kind!r}")
        out.append(StatementRule(rule_id, kind, re.compile(pattern), example))
    return tuple(out)


@dataclass(frozen=True)
class Label:
    """A transcript's label opening a paragraph: 'SECRETARY DOE: We talked ...'."""

    block: int  # index of the paragraph in the blocks given to `labels`
    words: tuple[str, ...]  # the label's words, as printed ('SECRETARY', 'DOE')
    end: int  # block-relative: where the words after the label start


_MIN_LABELS = 2  # a transcript labels two paragraphs at least ('QUESTION:' counts)
_LABEL_CHARS = 64  # a label's colon comes this early in its paragraph


def labels(blocks: Sequence[Block]) -> list[Label]:
    """The transcript labels of the paragraphs (the label rows), when the blocks hold two at
    least (a short 'QUESTION: Why?' read as a heading counts): one label in capitals alone
    ('BREAKING NEWS: ...') is no transcript."""
    rows = [r for r in rules() if r.kind == "label"]
    found, count = [], 0
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.BULLET or ":" not in block.text[:_LABEL_CHARS]:
            continue
        match = next((m for m in (r.pattern.match(block.text) for r in rows) if m is not None), None)
        if match is not None:
            count += 1
            if block.kind is BlockKind.PARAGRAPH:
                found.append(Label(index, tuple(match.group("label").split()), match.end()))
    return found if count >= _MIN_LABELS else []


def intro_rule(text: str) -> str | None:
    """The id of the rule by which a paragraph introduces a statement: its last sentence
    ends in a cue and a colon ('Minister Jane Doe said:'); None when it does not."""
    stripped = text.rstrip()
    if not stripped.endswith(":"):
        return None
    last = sentences.starts(stripped)[-1:] or [0]
    sentence = stripped[last[0] :]
    return next((r.id for r in rules() if r.kind == "intro" and r.pattern.search(sentence)), None)


def stop_rule(text: str) -> str | None:
    """The id of the stop rule a paragraph matches at its start ('Notes to editors')."""
    stripped = text.strip()
    return next((r.id for r in rules() if r.kind == "stop" and r.pattern.match(stripped)), None)


def find(blocks: Sequence[Block], spans: Sequence[Span]) -> list[Statement]:
    """The statements of the blocks: after each paragraph that introduces one, the plain
    paragraphs that follow it up to the first that is the reporter's again."""
    opened = {s.pieces[0].block for s in spans if not blocks[s.pieces[0].block].text[: s.pieces[0].open].strip()}
    quoted = {p.block for s in spans for p in s.pieces[1:]}  # a quote running on from the paragraph before
    out: list[Statement] = []
    for index, block in enumerate(blocks[:-1]):
        if block.kind is not BlockKind.PARAGRAPH:
            continue
        rule = intro_rule(block.text)
        if rule is None:
            continue
        pieces = []
        for at in range(index + 1, len(blocks)):
            if at in opened or at in quoted or not statement_paragraph(blocks[at]):
                break
            pieces.append(_whole(blocks[at], at))
        if pieces:
            out.append(Statement(index, rule, tuple(Span((p,)) for p in pieces)))
    return out


def statement_paragraph(block: Block) -> bool:
    """Whether a paragraph may be a statement's (or go on with one): a plain paragraph of
    whole sentences opening with a capital, not a heading, list item, caption, dateline,
    page furniture (a stop row) or a paragraph that reports someone's words itself."""
    text = block.text.strip()
    if block.kind is not BlockKind.PARAGRAPH or not text or _LIST_MARKER.match(text):
        return False
    if not (text[0].isupper() or text[0].isdigit()) or text[-1] not in _ENDS_SENTENCE:
        return False
    return not (DATELINE.match(text) or is_caption(text) or stop_rule(text) or reports_someone(text))


def reports_someone(text: str) -> bool:
    """Whether a paragraph reports someone's words with a cue of its own (the cue rows), as
    the reporter does ('Acme said the talks failed', 'according to the ministry'); a
    statement's own 'I have said' or 'we told them' is the speaker's."""
    for rule in rules():
        if rule.kind != "cue":
            continue
        for cue in rule.pattern.finditer(text):
            before = [w.lower() for w in _WORDS.findall(text, max(0, cue.start() - 30), cue.start())[-3:]]
            if not _FIRST_PERSON.intersection(before):
                return True
    return False


_WORDS = re.compile(r"[\w’'-]+")


def names_speaker(text: str, names: Sequence[str], roles: Sequence[str]) -> bool:
    """Whether a paragraph writes of the statement's speaker as the reporter would: by a
    word of their name ('Doe'), as 'the <role>' ('The Minister will travel on to ...'), or
    with a sentence opened by 'He' or 'She'."""
    if _THIRD_PERSON_OPENING.search(text):
        return True
    words = set(_WORDS.findall(text))
    if any(w in words for name in names for w in name.split() if len(w) >= 3 and w[:1].isupper()):
        return True
    low = " ".join(text.lower().split())
    return any(f"the {role}" in low for role in roles)


_THE_TITLE = re.compile(r"\s*The\s+(?=[A-Z])")
_CAPITALISED = re.compile(r"[A-Z][\w.’'-]*\s+")


# 'The First Sea Lord, Admiral ...': 'The', a few capitalised words and a comma (the title is then
# told by the word after the comma)
_THE_APPOSITION = re.compile(r"\s*The\s+(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*,\s+([A-Z][a-z]+\.?)\s")


def opens_with_title(text: str) -> bool:
    """Whether a paragraph opens with 'The' and a holder's title, maybe after up to three
    capitalised words of a country or a portfolio ('The Minister for Africa, John Roe, will
    travel ...', 'The UK Defence Attaché, Jane Doe, will lead ...'), or with 'The', a few
    capitalised words and a rank or honorific after a comma ('The First Sea Lord, Admiral Sir
    John Roe, visited ...'): the reporter writing of someone, not a statement going on."""
    opening = _THE_TITLE.match(text)
    at = opening.end() if opening is not None else -1
    for _ in range(4):
        if at < 0:
            break
        if lex.role_pattern().match(text, at) is not None:
            return True
        word = _CAPITALISED.match(text, at)
        at = word.end() if word is not None else -1
    apposition = _THE_APPOSITION.match(text)
    return apposition is not None and apposition.group(1).lower() in lexicon.titles()["head"]


def roles_in(text: str) -> tuple[str, ...]:
    """The roles an introducing line gives its speaker, lower case ('foreign secretary')."""
    return tuple(" ".join(m.group().lower().split()) for m in lex.role_pattern().finditer(text))


def _whole(block: Block, at: int) -> Piece:
    """The whole paragraph as a quote's piece: no marks, so it opens where its text does
    and is not closed (nothing after it in the paragraph can be a cue)."""
    text = block.text
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return Piece(at, start, start, end, None)


def merged(spans: Sequence[Span], statements: Sequence[Statement]) -> list[Span]:
    """The spans with each statement's paragraphs as quotes of their own (a quoted phrase
    inside a statement's paragraph is the statement's, not a quote of its own), in text order."""
    if not statements:
        return list(spans)
    taken = {s.pieces[0].block for st in statements for s in st.spans}
    kept = [s for s in spans if not any(p.block in taken for p in s.pieces)]
    return sorted(kept + [s for st in statements for s in st.spans], key=lambda s: (s.pieces[0].block, s.pieces[0].open))
