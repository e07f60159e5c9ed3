"""A name's other name, given right after it (rule `also-known-as`): "Zorbiyah Airfield West,
also called “Z-West”", "the Zorb Liberation Front, known as Quuxhaq," name one entity. The other
name must end where the phrase does (a closing quotation mark or a clause's mark), so a
description ("known as the Quux of Zorbland") or a longer phrase is left alone. The wire's
"Jane Doe, alias “El Gato”," names one person; the last of a list ("between Zorbia, Quuxland
and Burkina Faso, known as Zorb-Gourma") is not what the phrase names: the whole list is.
A name, "or" and its acronym ("a Zorb Quux Interdiction System, or ZQIS,") name one thing too;
"or" before any other name is a choice between two.
"""
from __future__ import annotations

import re

from builder.annotate import names
from builder.annotate.candidates import Found

_CUE = re.compile(r"^,?\s*\(?\s*(?:also\s+|commonly\s+|locally\s+|widely\s+|better\s+)?"
                  r"(?:known\s+as|called|referred\s+to\s+as|nicknamed|dubbed|alias|a\.k\.a\.|aka)\s+[“\"‘']?$")
_ANY = re.compile(r"known as|called|referred to as|nicknamed|dubbed|alias|a\.k\.a\.|aka|, or [A-Z]")  # (most blocks have none)
_OR = re.compile(r"^,\s+or\s+$")  # "a Zorb Quux Interdiction System, or ZQIS,": its acronym
_ENDS = re.compile(r"^(?:[”\"’']|\s*(?:$|[,.;:)]))")
_LIST_END = re.compile(r"(?:,|\band|\bor)\s+$")  # 'Zorbia, Quuxland and ' before the last of a list


def join(text: str, founds: list[Found]) -> None:
    """Give each name given as another's other name that one's name and type."""
    if len(founds) < 2 or _ANY.search(text) is None:
        return
    order = sorted(founds, key=lambda f: f.start)
    for name, other in zip(order, order[1:]):
        if other.known or other.outer or not _ENDS.match(text[other.end : other.end + 2]) or _LIST_END.search(
                text, 0, name.start):
            continue
        between = text[name.end : other.start]
        if not (_CUE.match(between) or _OR.match(between) and _acronym_of(other.name, name.name)):
            continue
        other.name, other.scores, other.known = name.name, dict(name.scores), name.known
        other.evidence.add("also-known-as")


def _acronym_of(acronym: str, name: str) -> bool:
    """'ZQIS' of 'Zorb Quux Interdiction System' (capitals that the name's words give)."""
    return acronym.isupper() and " " not in acronym and len(name.split()) > 1 and names.acronym_fits(acronym, name)
