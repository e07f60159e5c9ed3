"""Word lists kept as data files under builder/data/, loaded once."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from builder import regex_cache

DATA = Path(__file__).resolve().parent / "data"  # a folder of the package, as installed


def lines(name: str) -> tuple[str, ...]:
    """The lines of a list, without blank lines and `#` comments."""
    text = DATA.joinpath(*name.split("/")).read_text(encoding="utf-8")
    return tuple(line for line in map(str.strip, text.splitlines()) if line and line[0] != "#")


@cache
def words(name: str) -> frozenset[str]:
    """A list of lower-case phrases, one a line: `lines` in lower case, made in fewer steps
    (a list of 60,000 words is read at the start of every build)."""
    text = DATA.joinpath(*name.split("/")).read_text(encoding="utf-8").lower()
    found = set(text.split("\n") if _plain_lines(text) else map(str.strip, text.splitlines()))
    found.discard("")
    if "#" in text:
        found.difference_update(_comments(text, found))
    return frozenset(found)


_OTHER_BREAKS = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # what else str.splitlines ends a line at


def _plain_lines(text: str) -> bool:
    """Whether the text's lines end at "\n" only and none starts or ends with a space: its
    lines are then those of text.split("\n"), with nothing to strip (a few scans of the
    text, not a strip a line)."""
    return (text.isascii() and not any(mark in text for mark in _OTHER_BREAKS) and "\t" not in text
            and "\x1f" not in text and " \n" not in text and "\n " not in text and text[:1] != " "
            and text[-1:] != " ")


def _comments(text: str, found: set[str]) -> list[str]:
    """The comment lines (`#` first, spaces stripped) of a list's text, whose lines are
    `found`: looked for where the text has a `#`, not line by line (a list of 60,000
    words has a few), when a line ends at "\n" only."""
    if any(mark in text for mark in _OTHER_BREAKS):
        return [line for line in found if line[0] == "#"]
    out = []
    at = text.find("#")
    while at >= 0:
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        line = text[text.rfind("\n", 0, at) + 1 : end].strip()
        if line[0] == "#":
            out.append(line)
        at = text.find("#", end)
    return out


@cache
@regex_cache.constants
def patterns(name: str, flags: int = 0) -> tuple[re.Pattern[str], ...]:
    """A list of regular expressions, one a line."""
    return tuple(re.compile(line, flags) for line in lines(name))


@cache
@regex_cache.constants
def any_pattern(name: str) -> re.Pattern[str] | _AnyOf:
    """The patterns of a list as one: its match() matches where one of them matches (one
    alternation when the lines hold no group reference and no inline flag)."""
    found = lines(name)
    if any(re.search(r"\\\d|\(\?P=|\(\?[aiLmsux]", line) for line in found):
        return _AnyOf(patterns(name))
    return re.compile("|".join(f"(?:{line})" for line in found))


class _AnyOf:
    """Patterns tried one after the other."""

    def __init__(self, found: tuple[re.Pattern[str], ...]) -> None:
        self.found = found

    def match(self, text: str) -> re.Match[str] | None:
        return next((m for p in self.found if (m := p.match(text))), None)


@cache
@regex_cache.constants
def phrases_and_patterns(name: str) -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """A list mixing plain phrases and `re:` regular expressions, matched case-insensitively."""
    plain, regexes = set(), []
    for line in lines(name):
        if line.startswith("re:"):
            regexes.append(re.compile(line[3:], re.IGNORECASE))
        else:
            plain.add(line.lower())
    return frozenset(plain), tuple(regexes)


@cache
def numbered(name: str) -> dict[str, int]:
    """A list of "number name name ..." lines (months.txt, weekdays.txt) as name -> number."""
    table: dict[str, int] = {}
    for line in lines(name):
        number, *names = line.lower().split()
        for word in names:
            table[word] = int(number)
    return table


def months() -> dict[str, int]:
    """Month names and abbreviations (lower case) to month numbers."""
    return numbered("months.txt")


@cache
def determiners() -> dict[str, frozenset[str]]:
    """'definite' ('the', 'his') and 'indefinite' ('a', 'two', 'dozens') determiners, the
    'article's (determiners.txt), and 'any' of them."""
    table: dict[str, set[str]] = {}
    for line in lines("determiners.txt"):
        kind, word = line.lower().split()
        table.setdefault(kind, set()).add(word)
        table.setdefault("any", set()).add(word)  # every article is also definite or indefinite
    return {kind: frozenset(words) for kind, words in table.items()}


def weekdays() -> dict[str, int]:
    """Weekday names and abbreviations (lower case) to weekday numbers (Monday 0)."""
    return numbered("weekdays.txt")


def weekday_names() -> tuple[str, ...]:
    """The full weekday names, Monday first."""
    names = {number: name for name, number in weekdays().items() if name.endswith("day")}
    return tuple(names[n] for n in range(7))


@cache
def abbreviations() -> dict[str, str]:
    """Abbreviations (lower case, no final dot: "mr", "u.s", "sept") -> where their full stop
    belongs to them: "" always, "number" only before a number ("No. 10"). abbreviations.txt."""
    table: dict[str, str] = {}
    for line in lines("abbreviations.txt"):
        word, *where = line.lower().split()
        table[word] = where[0] if where else ""
    return table
