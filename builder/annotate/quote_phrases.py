"""Where a quote's speaker is in the reporter's words: the rules of quotes/phrases.txt.

Each rule is a row (id, where, cue, from, read, pattern, example): which stretch of text
it reads, the cues it applies to, and a regular expression whose 'speaker' group holds the
speaker's phrase. One loop (`first`) runs the rules of a stretch in order; the first that
matches decides, and the caller hands the phrase to the speaker resolvers as `read` says.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from builder import regex_cache, wordlists

WHERE = ("before-cue", "after-cue", "after-quote", "after-subject", "introduced", "appositive", "phrase-end", "epithet",
         "headline-after", "headline-before", "title-after", "name-after", "imagined-before", "imagined-after")
READ = ("last", "first", "nearest", "persons", "none")


@dataclass(frozen=True)
class PhraseRule:
    id: str
    where: str
    cue: str  # any, -ing, not -ing, or one cue
    start: str  # sentence or clause
    read: str
    pattern: re.Pattern[str]
    example: str

    def fits(self, cue: str | None) -> bool:
        if self.cue == "any" or cue is None:
            return self.cue == "any"
        if self.cue == "-ing":
            return cue.endswith("ing")
        if self.cue == "not -ing":
            return not cue.endswith("ing")
        return cue == self.cue


@dataclass(frozen=True)
class Found:
    """A rule that matched, and where its speaker's phrase lies in the text searched."""

    rule: PhraseRule
    match: re.Match[str]
    offset: int  # where the searched slice begins in the text given to `first`

    @property
    def lo(self) -> int:
        return self.offset + self.match.start("speaker")

    @property
    def hi(self) -> int:
        return self.offset + self.match.end("speaker")


@cache
@regex_cache.constants
def rules() -> tuple[PhraseRule, ...]:
    """The rows of builder/data/quotes/phrases.txt, in order."""
    out = []
    for line in wordlists.lines("quotes/phrases.txt"):
        rule_id, where, cue, start, read, pattern, example = line.split("\t")
        if where not in WHERE or read not in READ or start not in ("sentence", "clause", "opening"):
            raise ValueError(f"quotes/phrases.txt: rule {rule_id}: unknown where, from or read")
        compiled = re.compile(pattern)
        if read != "none" and "speaker" not in compiled.groupindex:
            raise ValueError(f"quotes/phrases.txt: rule {rule_id}: no 'speaker' group")
        out.append(PhraseRule(rule_id, where, cue, start, read, compiled, example))
    return tuple(out)


@cache
def _by_where() -> dict[str, tuple[PhraseRule, ...]]:
    """The rules of each stretch, in file order."""
    return {where: tuple(r for r in rules() if r.where == where) for where in WHERE}


def first(where: str, text: str, cue: str | None = None, clause: int = 0, opening: int = 0) -> Found | None:
    """The first rule of `where` that fits the cue and matches the text (from the clause's
    start for a rule that reads from the clause, from the end of the sentence's opening
    phrase or clause for one that reads after the opening)."""
    starts = {"sentence": 0, "clause": clause, "opening": opening}
    for rule in _by_where()[where]:
        if not rule.fits(cue):
            continue
        offset = starts[rule.start]
        match = rule.pattern.search(text[offset:])
        if match is not None:
            return Found(rule, match, offset)
    return None
