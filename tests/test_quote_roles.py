"""A role for a speaker ('the minister said') when the story names two holders of it:
unsure (listed for review), unless the words before the role pick one ('the finance
minister'). Made-up texts; None: no speaker shown."""
from __future__ import annotations

import pytest

from builder.annotate.entities import find_entities
from builder.annotate.quotes import find_quotes
from builder.read import parse_article


def speakers(body: str) -> list[tuple[str | None, str | None]]:
    article = parse_article("Head line here\n\n" + body + "\n", "a.txt")
    entities, mentions = find_entities(article)
    return [(q.speaker_name, q.candidate) for q in find_quotes(article, entities, mentions)[0]]


TWO = "Jane Doe, the health minister, and John Roe, the finance minister, met on Monday. "
CASES = [
    ("two holders named: either", TWO + '"We agreed on nothing," the minister said.', [(None, "John Roe")]),
    ("the modifier picks one", TWO + '"We agreed on nothing," the finance minister said.', [("John Roe", None)]),
    ("the modifier picks the other", TWO + '"We agreed on nothing," the health minister said.', [("Jane Doe", None)]),
    ("negative: one holder", 'Health Minister Jane Doe met officials on Monday. "We agreed on nothing," the minister said.',
     [("Jane Doe", None)]),
    ("negative: the other holder named long before",
     "John Roe, the finance minister, spoke last week.\n\nThe budget was debated for hours. Doctors protested. "
     "Nurses joined them. Jane Doe, the health minister, met them. \"We listened,\" the minister said.",
     [("Jane Doe", None)]),
]


@pytest.mark.parametrize("case,body,want", CASES, ids=[c[0] for c in CASES])
def test_role_with_two_holders(case: str, body: str, want: list) -> None:
    assert speakers(body) == want
