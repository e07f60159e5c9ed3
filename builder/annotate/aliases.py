"""A name's other name, given right after it (rule `also-known-as`): "Zorbiyah Airfield West,
also called “Z-West”", "the Zorb Liberation Front, known as Quuxhaq," name one entity. The other
name must end where the phrase does (a closing quotation mark or a clause's mark), so a
description ("known as the Quux of Zorbland") or a longer phrase is left alone. The wire's
"Jane Doe, alias “El Gato”," names one person; the last of a list ("between Zorbia, Quuxland
and Burkina Faso, known as Zorb-Gourma") is not what the phrase names: the whole list is.
"""
from __future__ import annotations

import re

from builder.annotate.candidates import Found

_CUE = re.compile(r"^,?\s*\(?\s*(?:also\s+|commonly\s+|locally\s+|widely\s+|better\s+)?"
                  r"(?:known\s+as|called|referred\s+to\s+as|nicknamed|dubbed|alias|a\.k\.a\.|aka)\s+[“\"‘']?$")
_ANY = re.compile(r"known as|called|referred to as|nicknamed|dubbed|alias|a\.k\.a\.|aka")  # (most blocks have none)
_ENDS = re.compile(r"^(?:[”\"’']|\s*(?:$|[,.;:)]))")
_LIST_END = re.compile(r"(?:,|\band|\bor)\s+$")  # 'Zorbia, Quuxland and ' before the last of a list


def join(text: str, founds: list[Found]) -> None:
    """Give each name given as another's other name that one's name and type."""
    if len(founds) < 2 or _ANY.search(text) is None:
        return
    order = sorted(founds, key=lambda f: f.start)
    for name, other in zip(order, order[1:]):
        if other.known or other.outer or not _CUE.match(text[name.end : other.start]) or not _ENDS.match(
                text[other.end : other.end + 2]) or _LIST_END.search(text, 0, name.start):
            continue
        other.name, other.scores, other.known = name.name, dict(name.scores), name.known
        other.evidence.add("also-known-as")
