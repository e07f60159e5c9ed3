"""scripts/quote_audit.py: how a build's quote is judged against a row of the hand-made
tables (notes/quote-audit/): a name, '?' (must be unsure) or '-' (no quote)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location("quote_audit", Path(__file__).parents[1] / "scripts" / "quote_audit.py")
assert _SPEC and _SPEC.loader
audit = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(audit)

# (truth in the table, the names the build gives the speaker (empty: unsure), verdict)
ROWS = [
    ("Jane Doe|Doe", {"jane doe"}, "right"),
    ("Jane Doe|Doe", {"john roe"}, "wrong"),
    ("Jane Doe|Doe", set(), "unsure"),
    ("?", {"jane doe"}, "wrong"),  # the text names no one: a confident speaker is wrong
    ("?", set(), "unsure"),
    ("one user|?", {"one user"}, "right"),
    ("an unknown author|?", {"the post by an unknown author on example"}, "right"),  # a description holding it
    ("-", {"jane doe"}, "nonquote"),
    ("-", set(), "nonquote"),
    (None, {"jane doe"}, "unjudged"),
]


@pytest.mark.parametrize("truth, said, expected", ROWS)
def test_verdict(truth: str | None, said: set[str], expected: str) -> None:
    assert audit.verdict(truth, said) == expected


def test_a_row_matches_the_quotes_its_words_open(tmp_path: Path) -> None:
    table = tmp_path / "set.tsv"
    table.write_text("# comment\na.txt\tWe will win\tJane Doe\t\na.txt\tWe will win again\tJohn Roe\t\n"
                     "a.txt\tWe will win\tJane Doe\tthe same row twice\n", encoding="utf-8")
    rows = audit.load_table(table)
    assert audit.truth_of(rows, "a.txt", "“We will win, and soon,”") == "Jane Doe"
    assert audit.truth_of(rows, "a.txt", "We will win again.") == "John Roe"  # the longest row wins
    assert audit.truth_of(rows, "a.txt", "We will winter here") is None  # whole words only
    assert audit.truth_of(rows, "b.txt", "We will win") is None
