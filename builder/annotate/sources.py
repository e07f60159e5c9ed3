"""Outlets and agencies an article cites or is credited to (pure)."""
from __future__ import annotations

import re
from functools import cache
from collections.abc import Sequence

from builder import wordlists
from builder.annotate.blocks import BlockIndex
from builder.annotate.sentences import sentence_of
from builder.model import Article, EntityType, LocalEntity, Mention, SourceRef

_NAME = r"(?:[A-Z][\w.&'’-]*[\w&])(?:\s+[A-Z][\w.&'’-]*[\w&]){0,4}"
_CITED_AFTER = re.compile(r"^[’']?s?\s+(?:reports?|reported|writes|wrote|said in a report|quoted|cited)\b")
_CITED_BEFORE = re.compile(
    r"(?:according to|as quoted by|quoted by|cited by|reported by|reports by|told|speaking to|in an interview with)"
    r"\s+(?:the\s+)?(?:(?:state|government)[- ](?:run|owned|controlled)\s+|official\s+|news\s+)?$",
    re.IGNORECASE,
)
_CREDIT_AGENCY = re.compile(r"/\s?([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})\s*$")
_CREDIT_OUTLET = re.compile(rf"^({_NAME})[’']s?\s+(?:{_NAME}\s+)?.*\bcontributed\b")


def _is_outletish(name: str, entity: LocalEntity | None) -> bool:
    words = {w.lower().strip(".") for w in re.split(r"[\s.]+", name)}
    if words & wordlists.words("sources/media_words.txt"):
        return True
    if entity is not None and entity.type is EntityType.ORG:
        return True
    return "." in name.strip(".") and " " not in name  # domain-like names: Example.Az, Axios.com


def _sentence(text: str, pos: int) -> str:
    lo, hi = sentence_of(text, pos)
    return text[lo:hi].strip()


@cache
def _role_after() -> re.Pattern[str]:
    """"'s diplomatic correspondent": a journalist's role after an outlet's name."""
    roles = "|".join(sorted(map(re.escape, wordlists.words("sources/journalist_roles.txt")), key=len, reverse=True))
    return re.compile(rf"^[’']s?\s+(?:[a-z-]+\s+){{0,2}}(?:{roles})\b")


def find_sources(
    article: Article, entities: Sequence[LocalEntity], mentions: Sequence[Mention]
) -> tuple[SourceRef, ...]:
    """Sources named in the text ("X reports", "according to X", "X's correspondent",
    "as quoted by the state-run X agency") and in credit lines ("Jane Doe/AP")."""
    by_key = {e.key: e for e in entities}
    role_after = _role_after()
    found: dict[str, SourceRef] = {}
    blocks = BlockIndex(article.text_blocks)
    for mention in sorted(mentions, key=lambda m: m.start):
        entity = by_key.get(mention.key)
        if entity is None or entity.type not in (EntityType.ORG, EntityType.OTHER):
            continue
        block = blocks.at(mention.start)
        if block is None:
            continue
        local = mention.start - block.start
        before = block.text[max(0, local - 60) : local]
        after = block.text[local + len(mention.surface) : local + len(mention.surface) + 60]
        cited = _CITED_AFTER.match(after) or _CITED_BEFORE.search(before) or role_after.match(after)
        if cited and _is_outletish(entity.name, entity) and entity.name not in found:
            found[entity.name] = SourceRef(entity.name, entity.key, "cited", _sentence(block.text, local))
    for line in article.credits:
        agency = _CREDIT_AGENCY.search(line)
        outlet = _CREDIT_OUTLET.match(line)
        for match in (agency, outlet):
            if match:
                name = match.group(1).strip()
                key = next((e.key for e in entities if name in (e.name, *e.aliases)), None)
                found.setdefault(name, SourceRef(name, key, "credit", line))
    return tuple(found.values())
