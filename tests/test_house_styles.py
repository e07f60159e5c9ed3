"""Whole articles in four house styles (a British broadsheet, US wire copy, a US newspaper
that writes quotes in doubled apostrophes, a press release), written for these tests: every
quote with the speaker a careful reader gives it, or None where the text names no one."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.pipeline import annotate
from builder.read import read_article

FIXTURES = Path(__file__).parent / "fixtures" / "articles"

EXPECTED: dict[str, list[tuple[str, str | None]]] = {
    "broadsheet.txt": [
        ("We will fix the roads", "Rachel Roe"),  # 'Roe to tell': the article's Roe (entity resolution)
        ("We will fix the roads, and", "Rachel Roe"),
        ("the right thing to do", "Tom Hale"),
        ("every pothole is a broken promise", "Rachel Roe"),
        ("It is a gimmick", "Mark Penn"),
        ("Councils have heard it all before", "Mark Penn"),
        ("The chancellor has set out", None),  # a Treasury spokesperson: unnamed
        ("I am not going anywhere", "Rachel Roe"),
    ],
    "wire.txt": [
        ("This is not how we should govern", "Laura Kent"),
        ("bipartisanship is alive", "Paul Grant"),
        ("The president is grateful", "Dana Moss"),
        ("We’ll be back here in March", "Paul Grant"),
        ("Nobody should celebrate", "Paul Grant"),
        ("contingency plans", None),  # a spokesman for the Treasury Department: unnamed
    ],
    "doubled.txt": [
        ("a betrayal of working people", "Ellen Park"),
        ("We will not stand by", "Ellen Park"),
        ("Not this year, not ever", "Ellen Park"),
        ("The numbers do not lie", "Richard Stone"),
        ("Every agency has to tighten", "Richard Stone"),
        ("It's a disgrace", "Carlos Vega"),
        ("reviewing the proposal", "Joan Lee"),
    ],
    "release.txt": [
        ("Springfield has the workforce", "Maria Lopez"),
        ("This plant is the start", "Maria Lopez"),
        ("We welcome Acme Robotics", "Tom Baker"),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_house_style(name: str) -> None:
    annotation = annotate(read_article(FIXTURES / name))
    got = [(q.text, q.speaker_name) for q in sorted(annotation.quotes, key=lambda q: q.start)]
    want = EXPECTED[name]
    assert [(t[: len(o)], s) for (t, s), (o, _) in zip(got, want)] == want and len(got) == len(want), got
