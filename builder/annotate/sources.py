"""Outlets and organisations an article cites as sources of its information, or is
credited to (pure).

What makes a named organisation a source is data: each rule of
builder/data/sources/cues.txt (id, text before the name, text after it, what the name must
be, example) is tried by one loop (`_fired`) on every organisation the article names; the
source keeps the id of the rule that fired. An audience ("told the Acme Party conference")
is never a source; an outlet that reported, serialised, broadcast or was told something is.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from builder import regex_cache, wordlists
from builder.annotate.blocks import BlockIndex
from builder.annotate.sentences import sentence_of
from builder.model import Article, EntityType, LocalEntity, Mention, SourceRef

_WORD_BREAKS = re.compile(r"[\s.’']+")

_NAME = r"(?:[A-Z][\w.&'’-]*[\w&])(?:\s+[A-Z][\w.&'’-]*[\w&]){0,4}"
_CREDIT_AGENCY = re.compile(r"/\s?([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})\s*$")
_CREDIT_OUTLET = re.compile(rf"^({_NAME})[’']s?\s+(?:{_NAME}\s+)?.*\bcontributed\b")
# "{the}" in a rule: an optional article and a word describing the outlet
_THE = (r"(?:the\s+|an?\s+)?(?:(?:state|government|privately|publicly)[- ](?:run|owned|controlled|funded)\s+"
        r"|official\s+|news\s+|online\s+|local\s+|national\s+)?")
WINDOW = 60  # characters either side of a name that a rule looks at


class Rule(NamedTuple):
    id: str
    before: re.Pattern[str] | None  # must match the text just before the name (to its end)
    after: re.Pattern[str] | None  # must match the text just after the name (from its start)
    needs: str  # "org": any organisation; "outlet": a news medium that is no audience
    example: str  # a sentence with the source in [brackets]


def _compile(pattern: str, anchor: str) -> re.Pattern[str] | None:
    if pattern == "-":
        return None
    text = pattern.replace("{the}", _THE)
    if "{roles}" in text:
        text = text.replace("{roles}", _roles())
    return re.compile(f"(?:{text})$" if anchor == "end" else f"^(?:{text})", re.IGNORECASE)


@cache
def _roles() -> str:
    """The journalists' roles (sources/journalist_roles.txt) as an alternation, longest first."""
    return "|".join(sorted(sorted(map(re.escape, wordlists.words("sources/journalist_roles.txt"))), key=len, reverse=True))


@cache
@regex_cache.constants
def rules() -> dict[str, Rule]:
    """The source rules by id, in file order."""
    table: dict[str, Rule] = {}
    for line in wordlists.lines("sources/cues.txt"):
        rule_id, before, after, needs, example = line.split("\t")
        table[rule_id] = Rule(rule_id, _compile(before, "end"), _compile(after, "start"), needs, example)
    return table


def _words(name: str) -> set[str]:
    return {w.lower().strip(".") for w in _WORD_BREAKS.split(name) if w}


def is_outlet(name: str) -> bool:
    """A news medium: a media word or a known outlet in the name ("Acme News", "the Sunday
    Clarion"), or a web address ("Example.com"), and no audience ("Acme Party conference")."""
    words = _words(name)
    if words & wordlists.words("sources/audiences.txt"):
        return False
    if words & wordlists.words("sources/media_words.txt"):
        return True
    return "." in name.strip(".") and " " not in name  # domain-like names: Example.Az, Axios.com


def _qualifies(needs: str, entity: LocalEntity | _Outlet) -> bool:
    if needs == "outlet":
        return is_outlet(entity.name)
    return entity.type is EntityType.ORG or is_outlet(entity.name)


def _fired(before: str, after: str, entity: LocalEntity | _Outlet) -> str | None:
    """The id of the first rule that makes the entity a source here, if any (what the
    entity must be is asked first, once, and the text after it before the text before it:
    cheaper tests first, the same answer)."""
    outlet: bool | None = None  # whether the entity is an outlet, once asked
    for rule in rules().values():
        if rule.needs == "outlet" or entity.type is not EntityType.ORG:  # (else _qualifies says yes)
            if outlet is None:
                outlet = is_outlet(entity.name)
            if not outlet:
                continue
        if ((rule.after is None or rule.after.match(after))
                and (rule.before is None or rule.before.search(before))):
            return rule.id
    return None


_CAPITALISED = re.compile(r"(?<![\w&'’.-])(?:[A-Z][\w&'’.-]*\w)(?:\s+(?:on|of)\s+[A-Z][\w&'’.-]*\w|\s+[A-Z][\w&'’.-]*\w){0,4}")


class _Outlet(NamedTuple):
    """An outlet's name the entity pass did not find ("the Clarion", "the Mail on Sunday")."""

    name: str
    type: EntityType = EntityType.OTHER


@lru_cache(maxsize=4096)
def _has_media_word(name: str) -> bool:
    """Whether a run of capitalised words holds a media word (asked of every run of every
    paragraph; the runs recur, names of people and places most)."""
    return bool(_words(name) & wordlists.words("sources/media_words.txt"))


def _unnamed_outlets(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Runs of capitalised words of one paragraph that name an outlet (a media word in
    them) and that no mention covers: (start, end, name), without a leading "The"."""
    out = []
    for m in _CAPITALISED.finditer(text):
        start, name = m.start(), m.group()
        if name.startswith("The "):
            start, name = start + 4, name[4:]
        if not _has_media_word(name) or any(lo < m.end() and start < hi for lo, hi in taken):
            continue
        out.append((start, start + len(name), name))
    return out


def _sentence(text: str, pos: int) -> str:
    lo, hi = sentence_of(text, pos)
    return text[lo:hi].strip()


def find_sources(
    article: Article, entities: Sequence[LocalEntity], mentions: Sequence[Mention]
) -> tuple[SourceRef, ...]:
    """Sources named in the text (by the rules of sources/cues.txt: organisations the entity
    pass found, and outlets it did not, "told the Clarion") and in credit lines ("Jane
    Doe/AP", "Acme News contributed to this report")."""
    by_key = {e.key: e for e in entities}
    found: dict[str, SourceRef] = {}
    blocks = BlockIndex(article.text_blocks)
    for mention in sorted(mentions, key=lambda m: m.start):
        entity = by_key.get(mention.key)
        if entity is None or entity.type not in (EntityType.ORG, EntityType.OTHER) or entity.name in found:
            continue
        block = blocks.at(mention.start)
        if block is None:
            continue
        local = mention.start - block.start
        end = local + len(mention.surface)
        before = ("\n" if local <= WINDOW else "") + block.text[max(0, local - WINDOW) : local]
        rule = _fired(before, block.text[end : end + WINDOW], entity)
        if rule is not None:
            found[entity.name] = SourceRef(entity.name, entity.key, "cited", _sentence(block.text, local), rule)
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    for block in article.text_blocks:  # outlets the entity pass did not name ("told the Clarion")
        inside = ordered[bisect_left(starts, block.start) : bisect_left(starts, block.start + len(block.text))]
        taken = [(m.start - block.start, m.end - block.start) for m in inside]
        for start, end, name in _unnamed_outlets(block.text, taken):
            before = ("\n" if start <= WINDOW else "") + block.text[max(0, start - WINDOW) : start]
            rule = _fired(before, block.text[end : end + WINDOW], _Outlet(name))
            if rule is not None and name not in found:
                found[name] = SourceRef(name, None, "cited", _sentence(block.text, start), rule)
    for line in article.credits:
        for rule, match in (("credit-agency", _CREDIT_AGENCY.search(line)), ("credit-contributed", _CREDIT_OUTLET.match(line))):
            if match:
                name = match.group(1).strip()
                key = next((e.key for e in entities if name in (e.name, *e.aliases)), None)
                found.setdefault(name, SourceRef(name, key, "credit", line, rule))
    return tuple(found.values())
