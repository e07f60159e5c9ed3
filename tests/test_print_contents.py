"""The whole dossier's contents print without near-empty pages: the list of articles (one
group of the contents) may go on over a page break, entry by entry, instead of leaving the
page before it with a single line ("Overview 5") and jumping whole to the next."""
from __future__ import annotations

import io
import re

import pytest

from builder.errors import DossierError
from builder.pdf import Part, _contents, find_chromium, launch_chromium


def _pages(parts: list[Part]) -> list[str]:
    try:
        find_chromium()
    except DossierError as err:
        pytest.skip(str(err))
    from pypdf import PdfReader

    with launch_chromium() as browser:
        page = browser.new_page()
        page.set_content(_contents(parts, "A4", "Acme dossier"), wait_until="load")
        pdf = page.pdf(format="A4")
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def test_the_articles_group_breaks_between_entries() -> None:
    parts = [Part("Overview", "index", number_from=5)]
    parts += [Part(f"Jane Doe opens library number {n} in Leeds", f"Source: Acme Gazette · https://example.org/{n}",
                   group="Articles", number_from=10 + n) for n in range(30)]
    parts += [Part(title, title, number_from=200 + n) for n, title in enumerate(["Quotes", "Timeline", "Sources"])]
    pages = _pages(parts)
    assert len(pages) == 2
    first = pages[0]
    assert "Overview" in first and "library number 0 " in first  # the group starts under the overview
    assert "Sources" in pages[-1] and len(re.findall(r"library number", pages[-1])) >= 1
