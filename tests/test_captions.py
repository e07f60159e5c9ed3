"""Photo captions are no events and no summaries, on real pages too: a saved page's
<figcaption> (whatever its credit looks like, or with none) stays in the story as printed
but is known as a caption; a caption's fragment left at the top of a copied text (its first
words cut off: "pilgrims at the Grand Hall in 2008.") is one too."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.test_views import _dossier

STORY = ("<p>Jane Doe, the mayor of Leeds, opened the new library on Friday, the council said in a statement "
         "that named every donor and thanked the builders for finishing early.</p>\n"
         "<p>The library holds 40,000 books and a reading room for children, John Roe of the Acme Trust said "
         "on Friday, and it will open every day of the week.</p>\n"
         "<p>The council first planned the library in 2019, when the old one closed after a flood.</p>\n")


def _page(caption: str) -> str:
    return ("<!DOCTYPE html><html><head><title>Library opens in Leeds</title>"
            '<meta property="article:published_time" content="2024-03-04T10:00:00Z"></head><body>'
            "<article><h1>Library opens in Leeds</h1>\n"
            '<figure><img src="a.jpg" alt=""><figcaption class="caption">' + caption + "</figcaption></figure>\n"
            + STORY + "</article></body></html>")


@pytest.mark.parametrize("caption", [
    "Workers hang a sign on the old library in Leeds in 1989. (Acme)",
    "Workers hang a sign on the old library in Leeds in 1989.",  # no credit at all
    "In 1989, a flood closed the old library in Leeds. Credit Jane Roe/The Acme Times",
])
def test_a_saved_pages_figcaption_is_no_event_and_no_summary(tmp_path: Path, caption: str) -> None:
    dossier, pages = _dossier(tmp_path, {"a.html": _page(caption)})
    article = dossier.articles[0]
    assert any("old library in Leeds" in b.text for b in article.blocks)  # the caption stays in the story
    years = {e.date.year for e in dossier.timeline if e.date is not None}
    assert 1989 not in years and 2019 in years  # the story's own dates stay
    assert "old library in Leeds" not in pages["index.md"].split("## Articles")[1]


@pytest.mark.parametrize(("first", "caption"), [
    ("pilgrims at the Grand Hall in Leeds in 2008.", True),  # a caption whose first words were cut off
    ("iPhone sales in Leeds doubled in 2008, the Acme Trust said.", False),  # a brand written in lower case
])
def test_a_lower_case_fragment_opening_a_text_is_a_caption(tmp_path: Path, first: str, caption: bool) -> None:
    text = ("Library opens in Leeds\n\nMonday, March 4, 2024\n\n" + first + "\n\n"
            "Jane Doe, the mayor of Leeds, opened the new library on Friday, the council said.\n\n"
            "The library has 40,000 books, John Roe of the Acme Trust said.\n")
    dossier, pages = _dossier(tmp_path, {"a.txt": text})
    assert (dt.date(2008, 1, 1) not in {e.date for e in dossier.timeline}) is caption
    assert (first[:20] in pages["index.md"].split("## Articles")[1]) is not caption  # the summary
