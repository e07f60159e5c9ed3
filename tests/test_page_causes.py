"""General causes of wrong entity pages on saved web pages and news (issue 15): a name whose
evidence does not say what it names gets no page and is listed for review. Each row: (the
evidence id the rule adds, the articles, {name: has a page?}); made-up names only."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_page_precision import check_row

ROWS: list[tuple[str, tuple[str, ...], dict[str, bool]]] = [
    # an acronym types no phrase of common words: it abbreviates a unit, a format or a system as
    # often as a body ("BPM (Beats Per Minute)", "a file format known as Folded Paper Box (FPB)")
    ("untyped", ("Critics loved FPB (Folded Paper Box) this year. FPB (Folded Paper Box) is on sale.",),
     {"Folded Paper Box": False}),
    ("untyped", ("Items store data in a file format known as Folded Paper Box (FPB), which allows nests.",),
     {"Folded Paper Box": False}),
    ("untyped", ("It joined the Folded Paper Council (FPC) on Sunday.",), {"Folded Paper Council": True}),
    ("untyped", ("It joined the Zorblatt Paper Box (ZPB) on Sunday.",), {"Zorblatt Paper Box": True}),
    # an acronym with a noun of another kind after it names a system, a platform or an event as
    # often as a body: with nothing more for its type, no page
    ("untyped", ("The tax changed from the ZQX system to the ZQY system in 2014.",), {"ZQX": False, "ZQY": False}),
    ("untyped", ("Here are the eight ZQVR games worth buying. ZQVR games are fun.",), {"ZQVR": False}),
    ("untyped", ("ZQX spokesman Jane Doe said no. ZQX games are fun.",), {"ZQX": True}),
    ("untyped", ("ZQX spokesman Jane Doe said no. The ZQX summit met.",), {"ZQX": True}),
    ("untyped", ("They fired ZQ-99 missiles on Sunday.",), {"ZQ-99": True}),
]


@pytest.mark.parametrize(("rule", "texts", "expected"), ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_row(tmp_path: Path, rule: str, texts: tuple[str, ...], expected: dict[str, bool]) -> None:
    check_row(tmp_path, rule, texts, expected)
