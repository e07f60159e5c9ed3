"""Dates of one article: absolute ones, and relative ones placed against the publication date.

Pure and regex-based. A cheap scan finds where a date may start (a capital, a digit,
"today", "last", "ago"...) and one pattern is tried there: "September 10",
"Wednesday, Sept. 11, 2024", "11 September 2024", "February 2022", "2024-09-11", a weekday
("on Wednesday", "last Friday"), "today", "last week", "two days ago", and a month or a
year standing alone. A lone month or year is a date only after a cue ("in March",
"since 2019", "mid-2023"), so "May" the verb, "a march" and "12,000" never are.

A weekday, a lone month or a date without a year is read as past (the most recent one on
or before publication) unless the sentence speaks of the future ("will", "expected to",
"scheduled"): then it is the next one on or after publication. The cue nearest before the
date decides, else the first after it. Without a publication date these stay unplaced
(date=None). Word lists live in builder/data/dates/.
"""
from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple, TypeVar

from builder import regex_cache, wordlists
from builder.annotate.reports import dateline_end, report_dates, report_of, report_starts
from builder.annotate.sentences import sentence_of
from builder.model import Article, DateRef

_WORD_BEFORE = re.compile(r"(\w+)\s+\Z")
_WORD_AFTER = re.compile(r"\s+(\w+)")
_LOWER_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")

# A yearless past date ("January 20", "in October") may lie this far after publication
# before it is taken for last year's.
LEEWAY = dt.timedelta(days=62)


@dataclass(frozen=True)
class _Lists:
    anchor: re.Pattern[str]  # where a date expression may start: a capital, a digit, a keyword
    pattern: re.Pattern[str]  # every date expression, matched at an anchor
    ago: re.Pattern[str]  # "two weeks " ending just before "ago"
    cue: re.Pattern[str]  # a cue ending just before a lone month or year
    qualifier: re.Pattern[str]  # "last", "next", "this" ending just before a weekday or month
    range_month: re.Pattern[str]  # "March to " ending just before a lone month
    range_year: re.Pattern[str]  # "2019 and " ending just before a lone year
    not_period: re.Pattern[str]  # "the " before "last week": a span of time, not a date
    tense: re.Pattern[str]  # future (group f) and past (group p) cues
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    numbers: dict[str, int]
    not_relative: frozenset[str]
    year_followers: frozenset[str]
    # the first two letters (lower case) of every word a date may open with, besides a digit
    # (None: a phrase with no two plain letters first, and every anchor is tried)
    starts: frozenset[str] | None = None


def _relative_days() -> dict[str, int]:
    table: dict[str, int] = {}
    for line in wordlists.words("dates/relative_days.txt"):
        offset, phrase = line.split(maxsplit=1)
        table[" ".join(phrase.split())] = int(offset)
    return table


def _phrase(text: str) -> str:
    return re.escape(text).replace(r"\ ", r"\s+").replace("'", "['’]")


def _alt(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first."""
    return "|".join(_phrase(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p)))


def _cased(names: Iterable[str]) -> str:
    """Names as printed in running text: capitalised or all capitals, never lower case."""
    forms = set()
    for name in names:
        forms |= {name[:1].upper() + name[1:], name.upper()}
    return _alt(forms)


def _initials(*lists: Iterable[str]) -> str:
    """The capitals A-Z that open a word of the lists (in any case), for a character class."""
    return "".join(sorted({w[0].upper() for words in lists for w in words if w} & set(string.ascii_uppercase)))


@cache
@regex_cache.constants
def _lists() -> _Lists:
    months = wordlists.months()
    full_months = {max((n for n in months if months[n] == k), key=len) for k in set(months.values())}
    weekdays = wordlists.weekdays()
    full_weekdays = {max((n for n in weekdays if weekdays[n] == k), key=len) for k in set(weekdays.values())}
    relative = _relative_days()
    numbers = wordlists.numbered("dates/numbers.txt")
    mon, mon_full = _cased(months), _cased(full_months)
    wd_any, wd_full = _cased(weekdays), _cased(full_weekdays)
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w%]|[,.:]\d)"
    year = r"(?:19\d\d|20\d\d|2100)(?![\w%]|[,.]\d)"
    parts = _alt(wordlists.words("dates/day_parts.txt"))
    pattern = re.compile(
        rf"""
        (?:\b(?P<wdp>{wd_any}),?\s+(?:the\s+)?)?
        (?:\b(?P<m1>{mon})\s+(?P<d1>{day})(?:\s*[-–]\s*{day})?(?:,?\s+(?P<y1>{year}))?
          |(?<![\w.,$£€:/])(?P<d2>{day})(?:\s*[-–]\s*{day})?\s+(?:of\s+)?(?P<m2>{mon})(?!\w)
            (?:,?\s+(?P<y2>{year}))?)
        |\b(?P<m3>{mon})(?:,?\s+|\s+of\s+)(?P<y3>{year})
        |(?<![\w.,/-])(?P<iy>19\d\d|20\d\d)-(?P<im>\d\d)-(?P<id>\d\d)(?![\w-])
        |\b(?P<wd>{wd_full})(?!\w)(?:\s+(?P<part>{parts})\b)?
        |\b(?P<m4>{mon_full})(?!\w)
        |(?i:\b(?P<rel>{_alt(relative)})\b)
        |(?i:\b(?P<per_q>last|this|next)\s+(?P<per>week|month|year)\b)
        |(?<![\w.,$£€/])(?P<y4>{year})
        """,
        re.VERBOSE,
    )
    cues = wordlists.words("dates/cues.txt")
    cue = "|".join(
        _phrase(c[:-1]) + "-" if c.endswith("-") else _phrase(c) + r"\s+"
        for c in sorted(cues, key=lambda c: (-len(c), c))
    )
    joiners = "|".join(
        _phrase(j) if not j[0].isalpha() else r"\s" + _phrase(j)
        for j in sorted(wordlists.words("dates/range_joiners.txt"), key=lambda j: (-len(j), j))
    )
    tense = re.compile(
        rf"(?i:\b(?:(?P<f>{_alt(wordlists.words('dates/future_cues.txt'))})"
        rf"|(?P<p>{_alt(wordlists.words('dates/past_cues.txt'))}))(?!\w))"
        rf"|\b(?P<ed>[a-z]{{3,}}(?<!e)ed)\b"
    )
    return _Lists(
        # where a date may start: a digit, or a capital that opens a month, a weekday or a
        # relative day ("Today", "Last week"), or one of a few lower-case words
        anchor=_anchor(months, weekdays, relative),
        pattern=pattern,
        ago=re.compile(rf"(?i:\b(?P<n>{_alt(numbers)}|\d{{1,2}})\s+(?P<unit>day|week|month|year)s?\s+)\Z"),
        cue=re.compile(rf"(?i:(?<![\w-])(?:{cue}))\Z"),
        qualifier=re.compile(r"(?i:\b(?P<q>last|next|this\s+coming|this\s+past|this|coming|past)\s+)\Z"),
        range_month=re.compile(rf"\b(?:{mon_full})\s*(?:{joiners})\s*\Z"),
        range_year=re.compile(rf"\b(?:19\d\d|20\d\d)\s*(?:{joiners})\s*\Z"),
        not_period=re.compile(r"(?i:\b(?:the|a|an|every|each|per)\s+)\Z"),
        tense=tense,
        months=months,
        weekdays=weekdays,
        relative_days=relative,
        numbers=numbers,
        not_relative=wordlists.words("dates/not_relative.txt"),
        year_followers=wordlists.words("dates/year_followers.txt"),
        starts=_starts(months, weekdays, relative, ("last", "this", "next")),
    )


def _anchor(*lists: Iterable[str]) -> re.Pattern[str]:
    """Where a date may start: a digit, or a capital that opens a month, a weekday or a
    relative day ("Today", "Last week") with the letter after it (_starts: "Ja", "MAY",
    not "The"; any letter but ASCII), or one of a few lower-case words."""
    lists = (*lists, ("last", "this", "next"))
    capitals, starts = _initials(*lists), _starts(*lists)
    if starts is None:
        capital = f"[{capitals}]" if capitals else "(?!)"
    else:
        seconds = {c: "".join(sorted({h[1] for h in starts if h[0] == c.lower()})) for c in capitals}
        capital = f"(?=[{capitals}])(?:" + "|".join(  # (each capital with the letters after it, either case)
            rf"{c}(?=[{after}{after.upper()}]|[^\x00-\x7f])" if after else rf"{c}(?=[^\x00-\x7f])"
            for c, after in seconds.items()) + ")" if capitals else "(?!)"
    return re.compile(rf"\b(?:{capital}|\d|(?i:to(?:day|night|morrow)|yesterday|last|this|next)\b|ago\b)")


def _starts(*lists: Iterable[str]) -> frozenset[str] | None:
    """The first two letters, in lower case, of the words of the lists (_Lists.starts)."""
    words = [w for words in lists for w in words]
    if any(len(w) < 2 or not w[:2].isalpha() or not w[:2].isascii() for w in words):
        return None
    return frozenset(w[:2].lower() for w in words)


# --- resolution -------------------------------------------------------------------


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _yearless(month: int, day: int, published: dt.date, future: bool) -> dt.date | None:
    """A month and day placed in the year that makes sense for the publication date."""
    year = published.year
    date = _date(year, month, day)
    if date is None:  # 29 February outside a leap year
        return None
    if future and date < published:
        return _date(year + 1, month, day)
    if not future and date > published + LEEWAY:
        return _date(year - 1, month, day)
    return date


def _month_alone(month: int, published: dt.date, future: bool, qualifier: str) -> dt.date:
    this = dt.date(published.year, month, 1)
    current = dt.date(published.year, published.month, 1)
    if qualifier in ("last", "past", "this past"):
        return this if this < current else dt.date(published.year - 1, month, 1)
    if qualifier in ("next", "coming", "this coming"):
        return this if this > current else dt.date(published.year + 1, month, 1)
    if qualifier == "this":
        return this
    if future:
        return this if this >= current else dt.date(published.year + 1, month, 1)
    return this if this <= published + LEEWAY else dt.date(published.year - 1, month, 1)


def _weekday(weekday: int, published: dt.date, future: bool, qualifier: str) -> dt.date:
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if qualifier in ("last", "past", "this past"):
        return published - dt.timedelta(days=back or 7)
    if qualifier == "next":
        return published + dt.timedelta(days=ahead or 7)
    if future or qualifier in ("coming", "this coming"):
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)


def _shift_months(date: dt.date, months: int) -> dt.date:
    index = date.year * 12 + date.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _monday(date: dt.date) -> dt.date:
    return date - dt.timedelta(days=date.weekday())


# --- finding ------------------------------------------------------------------------


_WORD = re.compile(r"[A-Za-z]+")


@cache
def _present_event_verbs() -> frozenset[str]:
    return wordlists.words("dates/present_event_verbs.txt")


_HABITUAL = re.compile(r"(?i:\b(?:every|each)\s+)\Z")  # "every Friday": not one day
# "the next Tuesday", "the following March": a day after another of the story, not of the report
_NARRATIVE_NEXT = re.compile(r"(?i:\b(?:the|that)\s+(?:next|following|previous|preceding)\s+)\Z")


class _Block:
    """One block being read: its text, offset, publication date and sentences."""

    def __init__(self, text: str, offset: int, published: dt.date | None) -> None:
        self.text, self.offset, self.published = text, offset, published

    def sentence(self, pos: int) -> tuple[int, int]:
        return sentence_of(self.text, pos)

    def future(self, start: int, end: int, passive: bool = False) -> bool:
        """Whether the sentence around text[start:end] speaks of the future: the tense cue
        nearest before it, else the first after it. `passive`: a participle after "be" ("is
        expected to be completed") is no cue of the past, and a cue before the clause that
        holds the date ("... came, and this year the council expects") is not its."""
        lo, hi = self.sentence(start)
        if passive:
            lo = max([lo] + [m.end() for m in _CLAUSE_BREAK.finditer(self.text, lo, start)])
            if _OPENS_CLAUSE.search(self.text, max(lo, start - 12), start):  # "... came and this year the city expects"
                lo = start
        before, after = None, None
        for m in _lists().tense.finditer(self.text, lo, max(hi, end)):
            if passive and m["ed"] and _BE_BEFORE.search(self.text, max(0, m.start() - 4), m.start()):
                continue
            if m.end() <= start:
                before = m
            elif m.start() >= end:
                after = m
                break
        cue = before or after
        return bool(cue and cue["f"])

    def looks_ahead(self, pos: int) -> bool:
        """Whether the sentence around `pos` has any word of the future ("will", "expected to")."""
        lo, hi = self.sentence(pos)
        return any(m["f"] for m in _lists().tense.finditer(self.text, lo, hi))

    def timeless(self, pos: int) -> bool:
        """Whether the sentence around `pos` has no word of a past or future event, nor a
        present verb of one ("says", "announces"): its "today" means nowadays."""
        lo, hi = self.sentence(pos)
        if _lists().tense.search(self.text, lo, hi):
            return False
        return not any(w.lower() in _present_event_verbs() for w in _WORD.findall(self.text, lo, hi))

    def ref(self, start: int, end: int, date: dt.date | None, precision: str = "day") -> DateRef:
        return DateRef(self.text[start:end], self.offset + start, self.offset + end, date, precision)

    def before(self, pattern: re.Pattern[str], pos: int) -> re.Match[str] | None:
        return pattern.search(self.text, max(0, pos - 40), pos)

    def initial(self, pos: int) -> bool:
        """Whether pos opens a sentence, a quotation or a clause after a dash."""
        head = self.text[max(0, pos - 4) : pos].rstrip()
        return not head or head[-1] in ".!?:;\"“‘'(—–-\n"


def _absolute(m: re.Match[str], block: _Block) -> DateRef | None:
    lists = _lists()
    if m["m1"] or m["m2"]:
        month = lists.months[(m["m1"] or m["m2"]).lower()]
        day = int((m["d1"] or m["d2"]).rstrip("stndrh"))
        year = m["y1"] or m["y2"]
        if year:
            date = _date(int(year), month, day)
            return block.ref(m.start(), m.end(), date) if date else None
        if _date(2000, month, day) is None:
            return None
        future = block.published is not None and block.future(m.start(), m.end())
        date = _yearless(month, day, block.published, future) if block.published else None
        return block.ref(m.start(), m.end(), date)
    if m["m3"]:
        date = dt.date(int(m["y3"]), lists.months[m["m3"].lower()], 1)
        return block.ref(m.start(), m.end(), date, "month")
    if m["iy"]:
        date = _date(int(m["iy"]), int(m["im"]), int(m["id"]))
        return block.ref(m.start(), m.end(), date) if date else None
    return None


def _qualified(block: _Block, start: int, end: int) -> tuple[int, str, bool]:
    """A qualifier before a weekday or month ("last", "next", "this"): where the date then
    starts, the qualifier, and whether the sentence looks ahead (only asked when unqualified)."""
    qual = block.before(_lists().qualifier, start)
    q = " ".join(qual["q"].lower().split()) if qual else ""
    if qual:
        start = qual.start()
    return start, q, (not q and block.published is not None and block.future(start, end))


def _relative(m: re.Match[str], block: _Block) -> DateRef | None:
    """A date relative to publication: the reader of the group that matched."""
    for group, read in _RELATIVE:
        if m[group]:
            return read(m, block)
    return None


def _weekday_ref(m: re.Match[str], block: _Block) -> DateRef | None:
    """'on Friday', 'last Friday'; not 'Good Friday' (not_relative.txt) nor 'every Friday'."""
    lists, start, text = _lists(), m.start(), block.text
    name = m["wd"].lower()
    word_before = _WORD_BEFORE.search(text[max(0, start - 20) : start])
    word_after = _WORD_AFTER.match(text[m.end("wd") : m.end("wd") + 20])
    if (word_before and f"{word_before[1].lower()} {name}" in lists.not_relative) or (
        word_after and f"{name} {word_after[1].lower()}" in lists.not_relative
    ):
        return None
    if word_after and word_after[1][:1].isupper() and word_after[1].lower() in _media_words():
        return None  # "the Sunday Clarion", "Saturday Gazette": a newspaper's name
    if block.before(_HABITUAL, start):
        return None
    if block.before(_NARRATIVE_NEXT, start):  # "went back the next Tuesday": the story's, not the report's
        return block.ref(start, m.end(), None)
    start, q, future = _qualified(block, start, m.end())
    date = _weekday(lists.weekdays[name], block.published, future, q) if block.published else None
    return block.ref(start, m.end(), date)


def _month_ref(m: re.Match[str], block: _Block) -> DateRef | None:
    """A month alone, only after a cue: 'in March', 'last March', 'January to March'."""
    lists, start = _lists(), m.start()
    cued = (block.before(lists.qualifier, start) or block.before(lists.cue, start)
            or block.before(lists.range_month, start))
    if not cued:
        return None
    if block.before(_NARRATIVE_NEXT, start):  # "the following March": the story's, not the report's
        return block.ref(start, m.end(), None, "month")
    start, q, future = _qualified(block, start, m.end())
    date = _month_alone(lists.months[m["m4"].lower()], block.published, future, q) if block.published else None
    return block.ref(start, m.end(), date, "month")


def _day_ref(m: re.Match[str], block: _Block) -> DateRef | None:
    """'today', 'yesterday'; not 'USA Today' nor 'the Today show', nor 'a day'."""
    start, published = m.start(), block.published
    if m["rel"][0].isupper() and not block.initial(start):
        return None
    if block.before(_lists().not_period, start):
        return None
    offset = _lists().relative_days[" ".join(m["rel"].lower().split())]
    date = published + dt.timedelta(days=offset) if published else None
    ref = block.ref(start, m.end(), date)
    return ref._replace(role="now") if m["rel"].lower() == "today" and block.timeless(start) else ref


_PERIOD_STEP = {"last": -1, "this": 0, "next": 1}
_PERIOD_START: dict[str, Callable[[dt.date, int], dt.date]] = {
    "week": lambda published, step: _monday(published) + dt.timedelta(weeks=step),
    "month": _shift_months,
    "year": lambda published, step: dt.date(published.year + step, 1, 1),
}


def _period_ref(m: re.Match[str], block: _Block) -> DateRef | None:
    """'last week', 'next month', 'this year' (not 'the last week of August')."""
    if block.before(_lists().not_period, m.start()):
        return None
    unit = m["per"].lower()
    step = _PERIOD_STEP[m["per_q"].lower()]
    start_of = _PERIOD_START[unit]
    date = start_of(block.published, step) if block.published else None
    return block.ref(m.start(), m.end(), date, unit)


_RELATIVE: tuple[tuple[str, Callable[[re.Match[str], _Block], DateRef | None]], ...] = (
    ("wd", _weekday_ref), ("m4", _month_ref), ("rel", _day_ref), ("per", _period_ref),
)


def _ago(m: re.Match[str], end: int, block: _Block) -> DateRef:
    """'Two weeks ago': m matched "two weeks " just before "ago", which ends at `end`."""
    lists, published = _lists(), block.published
    word = m["n"].lower()
    count = int(word) if word.isdigit() else lists.numbers[word]
    unit = m["unit"].lower()
    date = None
    if published and unit == "day":
        date = published - dt.timedelta(days=count)
    elif published and unit == "week":
        date = _monday(published - dt.timedelta(weeks=count))
    elif published and unit == "month":
        date = _shift_months(published, -count)
    elif published:
        date = dt.date(published.year - count, 1, 1)
    return block.ref(m.start(), end, date, unit)


def _year_alone(m: re.Match[str], block: _Block) -> DateRef | None:
    lists = _lists()
    start = m.start()
    if not (block.before(lists.cue, start) or block.before(lists.range_year, start)):
        return None
    after = _LOWER_WORD_AFTER.match(block.text[m.end() : m.end() + 24])
    if after and after[1] not in lists.year_followers:  # "in 2000 cases": a quantity
        return None
    return block.ref(start, m.end(), dt.date(int(m["y4"]), 1, 1), "year")


_Found = TypeVar("_Found", DateRef, DateRef | None)


def _within_calendar(find: Callable[[_Block], _Found], block: _Block, unsure: _Block) -> _Found:
    """What `find` gives; if resolving against the article's date leaves the calendar
    ("yesterday" in an article of 1 January 0001), the same, unresolved."""
    try:
        return find(block)
    except (OverflowError, ValueError):
        return find(unsure)


_SINCE = re.compile(r"(?i:\b(?:ever\s+)?since\s+(?:the\s+)?(?:(?:early|late|mid|end\s+of|start\s+of)[\s-]+)?)\Z")
_SPAN_OPEN = re.compile(r"(?i:\b(?:between|from)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?)\Z")
_SPAN_JOIN = re.compile(r"(?i:\s*(?:and|to|until|till|through|-|–)\s*(?:(?:early|late|mid)[\s-]+)?)\Z")
_DASH = re.compile(r"\s*[-–]\s*")  # "2000 - 2050", "January 23 - March 9": a span, whatever comes before
_AFTER_YEAR_DASH = re.compile(r"\b\d{4}\s*[-–]\s*\Z")  # "over 2000-2050": the first year is no date of its own
_BOUND = re.compile(r"(?i:\b(?:before|until|till|by|no\s+later\s+than|ahead\s+of|prior\s+to|not\s+before|"
                    r"deadline\s+of)\s+(?:the\s+)?(?:(?:early|late|mid|end\s+of|start\s+of)[\s-]+)?)\Z")


@cache
def _media_words() -> frozenset[str]:
    """Words that name a news outlet after a weekday: builder/data/sources/media_words.txt."""
    return wordlists.words("sources/media_words.txt")


def _digit(ref: DateRef) -> bool:
    """A date written with a number ("March 9", "2014"), not a word ("this year")."""
    return any(c.isdigit() for c in ref.text)


def _roles(block: _Block, refs: list[DateRef]) -> list[DateRef]:
    """What each date is to the story: an event, background ("since 1906", "between 1987 and
    1990", "2000-2050"), a bound ("before June"), a deadline (a bound ahead), the dateline's
    date, or no event of the story (not_events.txt: a statistic's year, a setting ...)."""
    text, offset = block.text, block.offset
    out: list[DateRef] = []
    dateline = _dateline_length(text)
    quoted: list[tuple[int, int]] | None = None  # the block's quotations, found when first needed
    for n, ref in enumerate(refs):
        start, end = ref.start - offset, ref.end - offset
        nxt = refs[n + 1] if n + 1 < len(refs) else None
        role: str | None = "dateline" if start < dateline else (
            _background(block, ref, nxt, out[-1] if out else None) or _bound(block, ref)
            or _not_event(text, start, end))
        if role is None and ref.role == "event" and not _digit(ref) and ref.precision in _SPEAKERS_DAY:
            quoted = _quotations(text) if quoted is None else quoted
            role = "quoted" if any(lo <= start < hi for lo, hi in quoted) else None
        role = role or "event"
        out.append(ref._replace(role=role) if role != "event" else ref)
    return out


# A day or week written relative to the speaker's own day ("today", "on Tuesday", "last
# week") inside a quotation is the speaker's: the day the words were said is not known (a
# coach's "today's game", said after the match, is the day before the report), so it is no
# date of the story.
_SPEAKERS_DAY = frozenset({"day", "week"})
_QUOTE_MARK = re.compile(r'[“”"]')


def _quotations(text: str) -> list[tuple[int, int]]:
    """The spans of `text` inside double quotation marks (“...” or "..."); one left open
    runs to the end of the paragraph, as a quotation that goes on in the next one does."""
    spans, start = [], None
    for m in _QUOTE_MARK.finditer(text):
        mark = m.group()
        if start is None:
            if mark != "”":
                start = m.end()
        elif mark != "“":
            spans.append((start, m.start()))
            start = None
        else:
            start = m.end()
    if start is not None:
        spans.append((start, len(text)))
    return spans


def _background(block: _Block, ref: DateRef, nxt: DateRef | None, last: DateRef | None) -> str | None:
    """"since" for "since 1906"; "span" for a date of "between 1987 and 1990", "from
    January to March" or "2000-2050"; None for any other date."""
    text, offset = block.text, block.offset
    start, end = ref.start - offset, ref.end - offset
    before = text[max(0, start - 40) : start]
    if _SINCE.search(before):
        return "since"
    if _SPAN_OPEN.search(before) and nxt is not None and _SPAN_JOIN.fullmatch(text[end : nxt.start - offset]):
        return "span"
    if last is not None and last.role == "span" and _SPAN_JOIN.fullmatch(text[last.end - offset : start]):
        return "span"
    if nxt is not None and _DASH.fullmatch(text[end : nxt.start - offset]) and _digit(ref) and _digit(nxt):
        return "span"
    return "span" if _AFTER_YEAR_DASH.search(before) else None


def _bound(block: _Block, ref: DateRef) -> str | None:
    """"deadline" for a bound set ahead ("by June 2030"), "bound" for one not ("before
    June"), None for a date with no bound before it."""
    start = ref.start - block.offset
    if not _BOUND.search(block.text[max(0, start - 40) : start]):
        return None
    ahead = (ref.date is not None and block.published is not None and ref.date > block.published) \
        or block.looks_ahead(start)
    return "deadline" if ahead else "bound"


def _dateline_length(text: str) -> int:
    return dateline_end(text)


class _NotEvent(NamedTuple):
    """A rule of builder/data/dates/not_events.txt: a date read as an event that is none."""

    id: str
    role: str
    date: re.Pattern[str] | None  # the date's own text, in full
    words: tuple[str, ...]  # one of them is written near the date (or in its sentence)
    before: re.Pattern[str] | None  # the text just before the date ends with it
    after: re.Pattern[str] | None  # the text just after the date starts with it
    sentence: tuple[re.Pattern[str], ...]  # each is found in the date's sentence


@cache
@regex_cache.constants
def _not_events() -> tuple[_NotEvent, ...]:
    def compiled(field: str, suffix: str = "") -> re.Pattern[str] | None:
        return None if field == "-" else re.compile(f"(?:{field}){suffix}", re.IGNORECASE)

    rules = []
    for line in wordlists.lines("dates/not_events.txt"):
        rule_id, role, date, words, before, after, sentence, _example = line.split("\t")
        found_in = () if sentence == "-" else tuple(re.compile(p, re.IGNORECASE) for p in sentence.split(" && "))
        rules.append(_NotEvent(rule_id, role, compiled(date), () if words == "-" else tuple(words.split("|")),
                               compiled(before, r"\Z"), compiled(after), found_in))
    return tuple(rules)


_NEAR = (80, 60)  # how far before and after a date its rules look


@cache
def _rule_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every word the rules look for near a date, and in a date's sentence."""
    rules = _not_events()
    return (tuple(sorted({w for r in rules if not r.sentence for w in r.words})),
            tuple(sorted({w for r in rules if r.sentence for w in r.words})))


def _not_event(text: str, start: int, end: int) -> str | None:
    """The role of the first rule of not_events.txt that says the date text[start:end] is no
    event of the story (a statistic's year, a setting, a reference date, an age, a birth, a
    name's date, "today" meaning nowadays), or None. A rule is tried only when one of its
    words is written near the date (in its sentence, for a rule about the sentence)."""
    near_words, sentence_words = _rule_words()
    near = text[max(0, start - _NEAR[0]) : end + _NEAR[1]].lower()
    present = {w for w in near_words if w in near}
    sentence: tuple[int, int] | None = None
    said: set[str] = set()
    for rule in _not_events():
        if rule.date is not None and not rule.date.fullmatch(text, start, end):
            continue
        if rule.sentence and sentence is None:
            sentence = sentence_of(text, start)
            lowered = text[sentence[0] : sentence[1]].lower()
            said = {w for w in sentence_words if w in lowered}
        if rule.words and (said if rule.sentence else present).isdisjoint(rule.words):
            continue
        if rule.before is not None and not rule.before.search(text, max(0, start - _NEAR[0]), start):
            continue
        if rule.after is not None and not rule.after.match(text, end, end + _NEAR[1]):
            continue
        if sentence is not None and not all(p.search(text, *sentence) for p in rule.sentence):
            continue
        return rule.role
    return None


def dates_in_text(text: str, published: dt.date | None = None, offset: int = 0) -> tuple[DateRef, ...]:
    """Every date expression of one block of text, in order; offsets are text offsets + `offset`."""
    lists = _lists()
    block = _Block(text, offset, published)
    unsure = _Block(text, offset, None)  # for a date the calendar cannot hold (before year 1, after 9999)
    found: list[DateRef] = []
    done = 0  # matches do not overlap: anchors before this are skipped
    for anchor in lists.anchor.finditer(text):
        pos = anchor.start()
        if pos < done:
            continue
        if anchor.group() == "ago":
            before = lists.ago.search(text, max(done, pos - 30), pos)
            if before:
                found.append(_within_calendar(lambda b: _ago(before, anchor.end(), b), block, unsure))
                done = anchor.end()
            continue
        head = text[pos : pos + 2]
        if lists.starts is not None and head.isascii() and not head[:1].isdigit() and head.lower() not in lists.starts:
            continue  # no month, weekday or relative day begins so ("The", "Minister")
        m = lists.pattern.match(text, pos)
        if m is None:
            continue
        done = m.end()
        if m["y4"]:
            ref = _year_alone(m, block)
        elif m["m1"] or m["m2"] or m["m3"] or m["iy"]:
            ref = _within_calendar(lambda b: _absolute(m, b), block, unsure)
        else:
            ref = _within_calendar(lambda b: _relative(m, b), block, unsure)
        if ref is not None:
            found.append(ref)
    return tuple(_roles(block, found)) if found else ()


def speaks_ahead(text: str, start: int, end: int) -> bool:
    """Whether the sentence of text[start:end] sets it in the future ("will host ... on July
    21", "is expected to be completed in 2017"): the tense cue nearest before it, else the
    first after it; a participle after "be" ("is expected to be completed") is no past."""
    return _Block(text, 0, None).future(start, end, passive=True)


_BE_BEFORE = re.compile(r"\bbe\s+\Z")
_OPENS_CLAUSE = re.compile(r"\s(?:and|but|while|whereas)\s+\Z")  # a date that opens a clause of its own
_CLAUSE_BREAK = re.compile(r"[,;:]\s+(?:and|but|while|whereas|which|who)\s+|;\s+")  # where a clause of its own begins


def find_dates(article: Article, published: dt.date | None = None) -> tuple[DateRef, ...]:
    """Every date expression in the article's text blocks, with offsets into its source text.

    Relative dates are resolved against `published` (default: the article's own date);
    without one they are returned with date=None. A second report pasted after the first
    (annotate/reports.py) is dated by the date line or dateline it prints, if any; without
    one its relative dates stay unplaced.
    """
    when = published or article.meta.date
    later = report_starts(article)
    whens = (when, *report_dates(article, later)) if later else (when,)
    found: list[DateRef] = []
    for block in article.text_blocks:
        found.extend(dates_in_text(block.text, whens[report_of(later, block.start)] if later else when, block.start))
    return tuple(found)
