"""Rule `ticker`: a stock or index code in parentheses on the wire ("Zorblatt Corp (ZORB.O)",
"Zorb Aramco (2222.SE)", "the Zorb Composite (.ZRBC)", "Zorbco (NYSE: ZRB)") is a code of the name before it, never a
name of its own: a name found inside one is dropped. An acronym in parentheses, "(ZQX)", has no
dot and is untouched."""
from __future__ import annotations

import re

from builder.annotate.candidates import Found

# (CODE.X), (1234.XY), (.INDEX): a Reuters instrument code, with an exchange suffix or an index's dot;
# (NYSE: CODE): an exchange and a code
_TICKER = re.compile(r"\((?:[A-Z0-9][A-Za-z0-9_]{0,7}(?:\.[A-Z]{1,3})+|\.[A-Z][A-Z0-9]{1,7}"
                     r"|(?:NYSE|Nasdaq|NASDAQ|LSE|TSX|ASX|HKEX|Euronext)\s*:\s*[A-Z][A-Z.]{0,7})\)")


def apply(text: str, founds: list[Found]) -> list[Found]:
    spans = [(m.start(), m.end()) for m in _TICKER.finditer(text)] if "(" in text else []
    if not spans:
        return founds
    return [f for f in founds if not any(a < f.start and f.end < b for a, b in spans)]
