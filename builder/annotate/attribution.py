"""Attribution cues around a quote: the reporter's words that say who spoke.

After the quote: '..., Jane Doe said', '..., said Jane Doe', '... – Jane Doe',
'..., according to Acme'. Before it: 'Jane Doe said: ...', 'Doe said the plan was "..."',
'Acme, which accused the regulator of "..."'. Each finding names the cue and the
stretch of text that holds the speaker, which SpeakerIndex resolves.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from builder.annotate import lexicon, quote_phrases
from builder.annotate import quote_lexicon as lex
from builder.annotate.quote_context import MASK
from builder.annotate.spans import DATELINE
from builder.annotate.speaker_resolvers import Verdict, confident, resolve
from builder.annotate.speakers import Speaker, SpeakerIndex

_LEAD = re.compile(r"[\s,;:]*")
_PHRASE_END = re.compile(r"[,;.(\x00]|\s[—–-]\s")
_CLAUSE_WORD = re.compile(r"\b(?:that|because|if|when|whether)\b", re.IGNORECASE)
_CONJUNCTION = re.compile(
    r"(?:and|but|or|so|while|although|though|because|as|after|before|when|since|yet|then|where)\b", re.IGNORECASE
)
_CLAUSE_START = re.compile(
    r"(?:\b(?:after|before|when|while|because|although|though|since|but|whereas|unless|until|once|that|where|as)\b|;)\s*",
    re.IGNORECASE,
)
_MAX_SPEAKER_WORDS = 14
# A phrase that opens a sentence before its subject: "Speaking in Geneva,", "Asked about
# the deal,", "In a statement,", "After the vote,".
_OPENING_PHRASE = re.compile(
    r"\s*(?:[A-Z][a-z]+(?:ing|ed)|In|At|On|During|After|Before|Earlier|Later|Afterwards?|Meanwhile|Separately)\b"
    r"[^,;“”\"]{0,120},\s*")
# A clause that opens a sentence before its subject: "After John Roe said no, Jane Doe hit
# back, calling it ...": the subject is after the comma, not in the opening clause.
_OPENING_CLAUSE = re.compile(
    r"\s*(?:After|Before|When|While|Because|Although|Though|Since|Once|Until|Unless|If)\b[^,;“”\"]{0,120},\s*")


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
    run = _LEADING_CAPITALS.match(at.text, at.i)  # the subject right after the colon, not a byline after '|'
    if run is None:
        return Attribution(None, ":")
    return Attribution(resolve(at.index, at.base + at.i, at.base + run.end(), persons_only=True), ":")


_LEADING_CAPITALS = re.compile(r"(?:[A-Z][\w.’'-]*\s*)+")


def _after_dash(at: _After) -> Attribution | None:
    """'"..." – Finance Minister Ana Lima' (the after-quote rows of quotes/phrases.txt)."""
    found = quote_phrases.first("after-quote", at.rest)
    return at.phrase(at.i + found.lo, found.match.group().strip()) if found else None


def _after_according(at: _After) -> Attribution | None:
    """'"...," according to Jane Doe'."""
    according = lex.speaker_after_pattern().match(at.rest)
    if according is None:
        return None
    lo = at.i + according.end()
    return Attribution(_inverted(at.index, at.text, at.base, lo), _squash(according.group()))


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
    cue = next(iter(_cues(at.rest)), None)
    if cue is None or cue.group().lower().endswith("ing"):
        return None
    i, before = at.i, at.rest[: cue.start()]
    as_ = quote_phrases.first("after-subject", before)
    if as_:  # '"...," as Jane Doe puts it': the clause after 'as' names the speaker
        i, before = i + as_.lo, before[as_.lo :]
    if _squash(cue.group()) in lex.speaker_after():
        return at.phrase(i + len(before) + len(cue.group()), _squash(cue.group()))
    words = before.split()
    if len(words) > _MAX_SPEAKER_WORDS and MASK not in before:  # 'Jane Doe, commander of a long-named force, said'
        return _named_with_long_appositive(at, i, before, cue)
    if not words or MASK in before or _CLAUSE_WORD.search(before):
        return None
    told = quote_phrases.first("before-cue", before, _squash(cue.group()))
    if (told is not None and told.rule.read == "none") or _CONJUNCTION.match(before):
        return None  # 'was told', or another clause: '..., and police said
    if at.last in ".!?…" and (len(words) > 4 or (at.last in ".…" and words[0][0].isupper())):
        return None  # a new sentence, not an attribution
    speaker = resolve(at.index, at.base + i, at.base + i + len(before))
    return Attribution(speaker, _squash(cue.group())) if speaker or len(words) <= 4 else None


def _named_with_long_appositive(at: _After, i: int, before: str, cue: re.Match[str]) -> Attribution | None:
    """A long stretch before the cue that is a person's name and an appositive set off by
    commas: the person named first ('Lt. Gen. Jane Doe, commander of ..., said')."""
    head, comma, rest = before.partition(",")
    if not comma or not rest.rstrip().endswith(",") or len(head.split()) > 6:
        return None
    person = resolve(at.index, at.base + i, at.base + i + len(head), persons_only=True)
    return Attribution(person, _squash(cue.group())) if person else None


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


def _inverted(index: SpeakerIndex, text: str, base: int, lo: int) -> Verdict | None:
    """The speaker after an inverted cue; a name in apposition after an unnamed or unsure
    role wins ('said the prosecutor, Jane Doe', 'said her chief of staff, John Roe')."""
    end = _phrase_end(text, lo)
    found = resolve(index, base + lo, base + end, rightmost=False)
    if found is None or found.speaker is None or found.confidence < confident():
        named = quote_phrases.first("appositive", text[end:])
        if named:
            lo, hi = base + end + named.lo, base + end + named.hi
            person = _read(index, base + end, named)
            literal = person or resolve(index, lo, hi, rightmost=False)
            first = named.match.group("speaker").split()[0].lower()
            unnamed = (found is not None and found.speaker is None  # 'a spokeswoman for Acme, Jane Roe'
                       and found.resolver != "unnamed-role")  # not 'a resident of the town, New Haven'
            if (literal is not None and literal.speaker is not None and literal.speaker.person
                    and (person or unnamed or first in lex.genders())):  # not 'said the resident, New York'
                return literal
    return found


def _roundup_of_no_one(head: str) -> bool:
    """'Acme Corp, The Daily Example:': a roundup line whose name is no person's; neither
    name is the speaker ('In a statement, Acme Corp:' is no roundup)."""
    roundup = quote_phrases.first("introduced", head)
    return roundup is not None and all(w[:1].isupper() for w in roundup.match.group("speaker").split())


def _introduced(index: SpeakerIndex, stripped: str, base: int) -> Attribution | None:
    """A quote after a colon (or comma) with no cue: a roundup's 'Jane Doe, The Daily
    Example:', a short subject ('Acme Corp:'), or the subject of a narrative sentence
    ('Jane Doe deflected with a question:', 'John Roe placed a sign that read,')."""
    head, mark = stripped[:-1], stripped[-1]
    opener = _OPENING_PHRASE.match(head)  # 'During questions on Monday, Jane Doe defended it:'
    lo = opener.end() if opener and MASK not in head[: opener.end()] else 0
    if MASK in head[lo:] and mark != ":":
        return None
    last = head.split()[-1:] if head.split() else []
    if mark == "," and not (last and last[0].lower() in lex.introducers()):
        return None  # 'Jane Doe arrived late, "exhausted"': a description, not her words
    found = resolve(index, base + lo, base + len(head), introduced=True)
    if found is None and mark == ":" and MASK not in head and not _roundup_of_no_one(head):
        lo = max(head.rfind(","), head.rfind(";")) + 1
        if 0 < len(head[lo:].split()) <= 6:
            found = resolve(index, base + lo, base + len(head))
    return Attribution(found, mark) if found else None


# A cue word after a determiner is a noun: "the claims were", "the pledges left".
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|these|those|this|that|his|her|its|their|our|my|your)\s+$", re.I)


def _after_determiner(text: str, at: int) -> bool:
    """Whether the word before `at` is a determiner (the look-behind sees past the window's start)."""
    word = _LAST_WORD.search(text, max(0, at - 24), at)
    return word is not None and _DETERMINER_BEFORE.fullmatch(word.group()) is not None


_LAST_WORD = re.compile(r"(?<!\w)\w+\s+$")


_CAPITAL_BEFORE = re.compile(r"[A-Z][\w&’'-]*\s+$")  # not 'States. Asked'
_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def _in_name(text: str, cue: re.Match[str]) -> bool:
    """A capitalised cue word inside a name in running prose: 'States' of 'the United
    States', not 'Says' of a headline in Title Case ('Jane Doe Says She Will ...')."""
    return (cue.group()[:1].isupper() and _CAPITAL_BEFORE.search(text, max(0, cue.start() - 30), cue.start()) is not None
            and _prose(text))


def _prose(text: str) -> bool:
    """Running prose, not a headline in Title Case: half its words or more in lower case."""
    words = _WORD.findall(text)
    lower = sum(1 for w in words if w[0].islower())
    return lower >= 2 and 2 * lower >= len(words)


def _cues(text: str) -> list[re.Match[str]]:
    """The cues of a stretch of the reporter's words, not a noun after a determiner nor a word of a name."""
    return [c for c in lex.cue_pattern().finditer(text) if not _after_determiner(text, c.start())
            and not _in_name(text, c)]


def before(index: SpeakerIndex, text: str, base: int) -> Attribution | None:
    """A cue in the reporter's words before a quote, in the same sentence; when it names
    no one ('has been told to prepare'), the source the sentence opens with ('According to
    Acme, ...')."""
    found = _before(index, text, base)
    if found is None or found.verdict is None:
        return _source_opening(index, text, base) or found
    return found


_SOURCE_OPENING = re.compile(r"\s*(?:according\s+to|in\s+the\s+words\s+of)\s+", re.IGNORECASE)
_QUOTING = re.compile(r",\s*(?:quoting|citing)\s+", re.IGNORECASE)
_BY_NAME = {"name-in-cue", "organisation-named", "literal-name", "owner-of-noun"}


def _source_opening(index: SpeakerIndex, text: str, base: int) -> Attribution | None:
    """'According to the Daily Example, the plant will be "closed"': a sentence opened by
    its source, named (not 'according to the report'); the source it quotes when it says
    so ('According to Acme News, quoting the Example Ministry, ...')."""
    opening = _SOURCE_OPENING.match(text)
    if opening is None:
        return None
    end = _phrase_end(text, opening.end())
    quoting = _QUOTING.match(text, end)
    if quoting is not None:
        original = resolve(index, base + quoting.end(), base + _phrase_end(text, quoting.end()), rightmost=False)
        if original is not None and original.speaker is not None and original.resolver in _BY_NAME:
            return Attribution(original, "quoting")
    source = resolve(index, base + opening.end(), base + end, rightmost=False)
    if source is None or source.speaker is None or source.resolver not in _BY_NAME:
        return None
    return Attribution(source, "according to")


def _before(index: SpeakerIndex, text: str, base: int) -> Attribution | None:
    cues = _cues(text)
    stripped = text.rstrip()
    if not cues:
        return _introduced(index, stripped, base) if stripped.endswith((":", ",")) else None
    cue = cues[-1]
    name = _squash(cue.group())
    if name in lex.speaker_after():  # 'in the words of the prosecutor, Jane Doe,': the name after
        return Attribution(_inverted(index, text, base, len(text) - len(text[cue.end():].lstrip())), name)
    clause = max((m.end() for m in _CLAUSE_START.finditer(text, 0, cue.start())), default=0)
    dateline = DATELINE.match(text)  # "DOHA, Qatar (AP) — Qatar's prime minister said": not AP
    if dateline and dateline.end() <= cue.start():
        clause = max(clause, dateline.end())
    opener = _OPENING_PHRASE.match(text, clause, cue.start())
    if opener and not _name_ends_opener(index, text, base, opener, cue.start()):
        clause = opener.end()  # "Speaking in Downing Street, the Prime Minister said": the subject follows the comma
    opening = _opening(index, text, base, dateline.end() if dateline else 0, cue.start())
    after = quote_phrases.first("after-cue", text[cue.end() :], name)
    if after is not None:  # 'Jane Doe quoted her late father:': the one quoted speaks
        return Attribution(_read(index, base + cue.end(), after), name)
    found = quote_phrases.first("before-cue", text[: cue.start()], name, clause, opening)
    if found is None:
        return Attribution(None, name)
    label = "quoted" if found.rule.cue == "as saying" else name
    return Attribution(_read(index, base, found), label)


def _opening(index: SpeakerIndex, text: str, base: int, start: int, cue: int) -> int:
    """Where the sentence's subject may start: after an opening phrase or clause at `start`
    ("After John Roe said no, Jane Doe hit back"), else `start`."""
    for pattern in (_OPENING_PHRASE, _OPENING_CLAUSE):
        opener = pattern.match(text, start, cue)
        if opener and not _name_ends_opener(index, text, base, opener, cue):
            return opener.end()
    return start


_APPOSITIVE_OPENING = re.compile(r"(?:the|a|an)\s", re.IGNORECASE)


def _name_ends_opener(index: SpeakerIndex, text: str, base: int, opener: re.Match[str], cue: int) -> bool:
    """Whether what looks like an opening phrase ends with a person's name, a description
    of them in apposition after its comma: 'Responding to the report Jane Doe, the Acme
    envoy, said' (the comma after 'report' left out): the name is the subject; not a name
    after a preposition or a verb ('Asked about Jane Doe, the envoy said')."""
    if not _APPOSITIVE_OPENING.match(text, opener.end(), cue):
        return False
    comma = text.rfind(",", opener.start(), opener.end())
    named = len(text[:comma].rstrip())
    return any(o.speaker.person and o.end == base + named and index.subject_like(o.start, o.end, base + opener.start())
               for o in index.between(base + opener.start(), base + comma))  # not 'Asked about Jane Doe, the envoy said'


def _read(index: SpeakerIndex, base: int, found: quote_phrases.Found) -> Verdict | None:
    """The speaker of a phrase rule's 'speaker' group, read as the rule says."""
    read = found.rule.read
    if read == "none":  # 'was told': the one spoken to
        return None
    return resolve(index, base + found.lo, base + found.hi, rightmost=read == "last",
                   nearest=read == "nearest", persons_only=read == "persons")


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
