"""Attribution cues around a quote: the reporter's words that say who spoke.

After the quote: '..., Jane Doe said', '..., said Jane Doe', '... – Jane Doe',
'..., according to Acme'. Before it: 'Jane Doe said: ...', 'Doe said the plan was "..."',
'Acme, which accused the regulator of "..."'. Each finding names the cue and the
stretch of text that holds the speaker, which SpeakerIndex resolves.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from builder.annotate import lexicon
from builder.annotate import quote_lexicon as lex
from builder.annotate.quote_context import MASK
from builder.annotate.spans import DATELINE
from builder.annotate.speaker_resolvers import Verdict, resolve
from builder.annotate.speakers import Speaker, SpeakerIndex

_LEAD = re.compile(r"[\s,;:]*")
_DASH = re.compile(r"([—–]|--?)\s*")
_ACCORDING = re.compile(r"according\s+to\s+", re.IGNORECASE)
_PHRASE_END = re.compile(r"[,;.(\x00]|\s[—–-]\s")
_CLAUSE_WORD = re.compile(r"\b(?:that|because|if|when|whether)\b", re.IGNORECASE)
_CONJUNCTION = re.compile(
    r"(?:and|but|or|so|while|although|though|because|as|after|before|when|since|yet|then|where)\b", re.IGNORECASE
)
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which)\s+(?:\w+ly\s+|has\s+|have\s+|had\s+|also\s+)?$")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_WITH_SUBJECT = re.compile(r"\bwith\s+([^,;\x00]{1,80}?)\s*$", re.IGNORECASE)
_QUOTED_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?quoted\b", re.IGNORECASE)
_QUOTED_AS = re.compile(r"\bquoted\s+(.+?)\s*$", re.IGNORECASE)
_CLAUSE_START = re.compile(
    r"(?:\b(?:after|before|when|while|because|although|though|since|but|whereas|unless|until|once|that|where|as)\b|;)\s*",
    re.IGNORECASE,
)
_MAX_SPEAKER_WORDS = 14
# A phrase that opens a sentence before its subject: "Speaking in Geneva,", "Asked about
# the deal,", "In a statement,", "After the vote,".
_OPENING_PHRASE = re.compile(
    r"\s*(?:[A-Z][a-z]+(?:ing|ed)|In|At|On|During|After|Before|Earlier|Later)\b[^,;“”\"]{0,120},\s*")


@dataclass(frozen=True)
class Attribution:
    """A cue and what the resolvers made of its phrase (None: no one answered)."""

    verdict: Verdict | None
    cue: str | None

    @property
    def speaker(self) -> Speaker | None:
        return self.verdict.speaker if self.verdict else None

    @property
    def decided(self) -> bool:
        """Whether the cue names its speaker, even as someone unnamed ('a spokesman for Acme')."""
        return self.verdict is not None


@dataclass(frozen=True)
class _After:
    """The reporter's words after a quote: `text` from absolute offset `base`, the cue
    search starting at `i`; `last` is the quote's last character."""

    index: SpeakerIndex
    text: str
    base: int
    i: int
    last: str

    @property
    def rest(self) -> str:
        return self.text[self.i :]

    def phrase(self, lo: int, cue: str) -> Attribution:
        """The speaker named from `lo` to the phrase's end, first name first."""
        end = _phrase_end(self.text, lo)
        return Attribution(resolve(self.index, self.base + lo, self.base + end, rightmost=False), cue)


def _after_colon(at: _After) -> Attribution | None:
    """A headline's '"...": Jane Doe vows to ...'."""
    if at.text[: at.i].strip() != ":":
        return None
    return Attribution(resolve(at.index, at.base + at.i, at.base + len(at.text), persons_only=True), ":")


def _after_dash(at: _After) -> Attribution | None:
    """'"..." – Finance Minister Ana Lima'."""
    dash = _DASH.match(at.rest)
    return at.phrase(at.i + dash.end(), dash.group(1)) if dash else None


def _after_according(at: _After) -> Attribution | None:
    according = _ACCORDING.match(at.rest)
    return at.phrase(at.i + according.end(), "according to") if according else None


def _after_inverted(at: _After) -> Attribution | None:
    """'"...," said Jane Doe', and '"...," said one teacher' (a cue, no name)."""
    inverted = lex.inverted_cue_pattern().match(at.rest)
    if inverted is None:
        return None
    lo = at.i + inverted.end()
    speaker = _inverted(at.index, at.text, at.base, lo)
    if speaker or not _CLAUSE_WORD.search(at.text[lo : _phrase_end(at.text, lo)]):
        return Attribution(speaker, _squash(inverted.group()))
    return None


def _after_cue(at: _After) -> Attribution | None:
    """'"...," Jane Doe said', '"...," as Jane Doe puts it'; not a new sentence or clause."""
    cue = lex.cue_pattern().search(at.rest)
    if cue is None or cue.group().lower().endswith("ing"):
        return None
    i, before = at.i, at.rest[: cue.start()]
    as_ = _AS_PUTS_IT.match(before)
    if as_:  # '"...," as Jane Doe puts it': the clause after 'as' names the speaker
        i, before = i + as_.end(), before[as_.end() :]
    if _squash(cue.group()) == "according to":
        return at.phrase(i + len(before) + len(cue.group()), "according to")
    words = before.split()
    if not words or len(words) > _MAX_SPEAKER_WORDS or MASK in before or _CLAUSE_WORD.search(before):
        return None
    if _PASSIVE_BEFORE.search(before) or _CONJUNCTION.match(before):
        return None  # 'was told', or another clause: '..., and police said
    if at.last in ".!?…" and (len(words) > 4 or (at.last in ".…" and words[0][0].isupper())):
        return None  # a new sentence, not an attribution
    speaker = resolve(at.index, at.base + i, at.base + i + len(before))
    return Attribution(speaker, _squash(cue.group())) if speaker or len(words) <= 4 else None


_AFTER = (_after_colon, _after_dash, _after_according, _after_inverted, _after_cue)


def after(index: SpeakerIndex, text: str, base: int, last: str) -> Attribution | None:
    """A cue in the reporter's words that follow a quote (text starts at absolute offset base).

    `last` is the quote's last character: after a full stop a new sentence begins, so only
    a lower-case 'he said' still attributes it; after '?' or '!' a short 'Jane Doe asked' does.
    """
    lead = _LEAD.match(text)
    i = lead.end() if lead else 0
    if not text[i:].strip():
        return None
    at = _After(index, text, base, i, last)
    for matcher in _AFTER:
        found = matcher(at)
        if found is not None:
            return found
    return None


# '..., said a spokeswoman for Acme, Jane Roe.': the name in apposition is the speaker's.
_APPOSITIVE_NAME = re.compile(r",\s*((?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w’'-]+)\s*(?=[.,;]|$)")


def _inverted(index: SpeakerIndex, text: str, base: int, lo: int) -> Verdict | None:
    """The speaker after an inverted cue; a name in apposition after an unnamed role wins."""
    end = _phrase_end(text, lo)
    found = resolve(index, base + lo, base + end, rightmost=False)
    if found is not None and found.speaker is None:
        named = _APPOSITIVE_NAME.match(text, end)
        if named:
            person = resolve(index, base + named.start(1), base + named.end(1), persons_only=True)
            literal = person or resolve(index, base + named.start(1), base + named.end(1), rightmost=False)
            if literal is not None and literal.speaker is not None and literal.speaker.person:
                return literal
    return found


def _introduced(index: SpeakerIndex, stripped: str, base: int) -> Attribution | None:
    """A quote after a colon (or comma) with no cue: a roundup's 'Jane Doe, The Daily
    Example:', a short subject ('Acme Corp:'), or the subject of a narrative sentence
    ('Jane Doe deflected with a question:', 'John Roe placed a sign that read,')."""
    head, mark = stripped[:-1], stripped[-1]
    if MASK in head:
        return None
    last = head.split()[-1:] if head.split() else []
    if mark == "," and not (last and last[0].lower() in lex.introducers()):
        return None  # 'Jane Doe arrived late, "exhausted"': a description, not her words
    found = resolve(index, base, base + len(head), introduced=True)
    if found is None and mark == ":":
        lo = max(head.rfind(","), head.rfind(";")) + 1
        if 0 < len(head[lo:].split()) <= 6:
            found = resolve(index, base + lo, base + len(head))
    return Attribution(found, mark) if found else None


_AS_PUTS_IT = re.compile(r"as\s+(?=(?:\S+\s+){0,4}$)", re.IGNORECASE)


# A cue word after a determiner is a noun: "the claims were", "the pledges left".
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|these|those|this|that|his|her|its|their|our|my|your)\s+$", re.I)


def _after_determiner(text: str, at: int) -> bool:
    """Whether the word before `at` is a determiner (the look-behind sees past the window's start)."""
    word = _LAST_WORD.search(text, max(0, at - 24), at)
    return word is not None and _DETERMINER_BEFORE.fullmatch(word.group()) is not None


_LAST_WORD = re.compile(r"(?<!\w)\w+\s+$")


def before(index: SpeakerIndex, text: str, base: int) -> Attribution | None:
    """A cue in the reporter's words before a quote, in the same sentence."""
    cues = [c for c in lex.cue_pattern().finditer(text) if not _after_determiner(text, c.start())]
    stripped = text.rstrip()
    if not cues:
        return _introduced(index, stripped, base) if stripped.endswith((":", ",")) else None
    cue = cues[-1]
    name = _squash(cue.group())
    if name == "according to":
        lo = cue.end()
        return Attribution(resolve(index, base + lo, base + _phrase_end(text, lo), rightmost=False), name)
    clause = max((m.end() for m in _CLAUSE_START.finditer(text, 0, cue.start())), default=0)
    dateline = DATELINE.match(text)  # "DOHA, Qatar (AP) — Qatar's prime minister said": not AP
    if dateline and dateline.end() <= cue.start():
        clause = max(clause, dateline.end())
    opener = _OPENING_PHRASE.match(text, clause, cue.start())
    if opener:  # "Speaking in Downing Street, the Prime Minister said": the subject follows the comma
        clause = opener.end()
    prefix = text[: cue.start()]
    quoted = _QUOTED_AS.search(prefix) if name == "as saying" else None
    passive = _QUOTED_PASSIVE.search(prefix, clause) if quoted else None
    if passive:  # 'Jane Doe was quoted by Reuters as saying': the subject of the passive
        return Attribution(resolve(index, base + clause, base + passive.start()), "quoted")
    if quoted:
        return Attribution(resolve(index, base + quoted.start(1), base + quoted.end(1), rightmost=False), "quoted")
    if _PASSIVE_BEFORE.search(prefix) and not name.endswith("ing"):  # 'was told', not 'is saying'
        return Attribution(None, name)
    relative = _RELATIVE_BEFORE.search(prefix)
    if relative:
        return Attribution(resolve(index, base, base + relative.start(), nearest=True), name)
    if name.endswith("ing"):
        with_ = _WITH_SUBJECT.search(prefix)
        if with_:  # 'Acme denied it, with spokesman John Roe saying': the subject after 'with'
            return Attribution(resolve(index, base + with_.start(1), base + with_.end(1), rightmost=False), name)
        # 'calling the ruling "a travesty"': the clause's subject speaks
        return Attribution(resolve(index, base, base + cue.start(), rightmost=False), name)
    return Attribution(resolve(index, base + clause, base + cue.start()), name)


_WORD_BEFORE = re.compile(r"(\w+)$")


def _phrase_end(text: str, lo: int) -> int:
    """Where the phrase that starts at `lo` ends; the full stop of a title or an initial
    ("Sen. Susan Collins", "Jerome H. Powell") does not end it."""
    end = _PHRASE_END.search(text, lo)
    while end and end.group() == ".":
        word = _WORD_BEFORE.search(text, lo, end.start())
        if word is None or not (len(word.group()) == 1 and word.group().isupper()
                                or word.group().lower() + "." in lexicon.abbreviations()):
            break
        end = _PHRASE_END.search(text, end.end())
    return end.start() if end else len(text.rstrip())


def _squash(phrase: str) -> str:
    return " ".join(phrase.lower().split())
