"""The whole dossier's contents print without near-empty pages: the list of articles (one
group of the contents) may go on over a page break, entry by entry, instead of leaving the
page before it with a single line ("Overview 5") and jumping whole to the next."""
from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from builder.errors import DossierError
from builder.pdf import Part, _contents, find_chromium


_PRINT = """
import sys
from builder.pdf import launch_chromium
with launch_chromium() as browser:
    page = browser.new_page()
    page.set_content(open(sys.argv[1], encoding="utf-8").read(), wait_until="load")
    open(sys.argv[2], "wb").write(page.pdf(format="A4"))
"""


def _pages(parts: list[Part], tmp_path: Path) -> list[str]:
    """The contents printed by Chromium, page by page (in a process of its own: Playwright's
    sync API does not run inside another test's event loop)."""
    try:
        find_chromium()
    except DossierError as err:
        pytest.skip(str(err))
    from pypdf import PdfReader

    source, pdf = tmp_path / "contents.html", tmp_path / "contents.pdf"
    source.write_text(_contents(parts, "A4", "Acme dossier"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _PRINT, str(source), str(pdf)], capture_output=True, text=True,
                          check=False, timeout=120, cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages]


def test_the_articles_group_breaks_between_entries(tmp_path: Path) -> None:
    parts = [Part("Overview", "index", number_from=5)]
    parts += [Part(f"Jane Doe opens library number {n} in Leeds", f"Source: Acme Gazette · https://example.org/{n}",
                   group="Articles", number_from=10 + n) for n in range(30)]
    parts += [Part(title, title, number_from=200 + n) for n, title in enumerate(["Quotes", "Timeline", "Sources"])]
    pages = _pages(parts, tmp_path)
    assert len(pages) == 2
    first = pages[0]
    assert "Overview" in first and "library number 0 " in first  # the group starts under the overview
    assert "Sources" in pages[-1] and len(re.findall(r"library number", pages[-1])) >= 1
