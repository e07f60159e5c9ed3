"""Rule `ticker` (annotate/tickers.py): a stock or index code in parentheses after a name on
the wire, "Zorblatt Corp (ZORB.O)", "the Zorb 100 index (.ZRB)", is a code, never a page of its
own; an acronym defined in parentheses, "(ZQX)", is untouched."""
from __future__ import annotations

import pytest

from builder.annotate.entities import find_entities
from builder.confirm import THRESHOLD
from tests.test_entities import article

ROWS = [
    ("Shares of Zorblatt Corp (ZORB.O) fell.", "ZORB.O", False),
    ("Shares of Zorblatt (ZRB.N) and Quuxco (QUX.L) fell.", "QUX.L", False),
    ("The Zorb Composite (.ZRBC) slipped 0.8%.", "ZRBC", False),
    ("Zorb Aramco (2222.SE) set prices.", "SE", False),
    ("Quux said Zorb Bank (ZORBn.DE) and Quuxco (QUUX_p.DE) rose.", "ZORBn.DE", False),
    ("The Zorb Quux Agency (ZQA) said so. Later the ZQA left.", "ZQA", True),
]


@pytest.mark.parametrize(("text", "name", "page"), ROWS, ids=[f"ticker-{i}" for i in range(len(ROWS))])
def test_ticker_is_no_page(text: str, name: str, page: bool) -> None:
    entities, mentions = find_entities(article(text))
    by_key = {e.key: e for e in entities}
    found = {e.name: e for e in entities} | {m.surface: by_key[m.key] for m in mentions}
    entity = found.get(name)
    if page:  # the acronym names its body (a page of its own or the body's other name)
        assert entity is not None and entity.confidence >= THRESHOLD, (name, entity)
    else:  # no page of its own (the name before it may take it as another name)
        assert entity is None or entity.confidence < THRESHOLD or entity.name != name, (name, entity)
