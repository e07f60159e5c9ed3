"""`dossier pdf`, end to end: the bundled dossier built into a throwaway project
(conftest.built_site), printed by `python -m builder pdf` with the system's Chromium on A4
and on Letter, and the PDFs read back with poppler's pdftotext and pdfinfo.

What a brief must hold is read from the site's dossier.json: the article's title, its
glossary (the entities it names) and its quote cards (its full quotes), with the running
header (the dossier's title) and the footer (the article's source, "Page n of N").
A missing Chromium or poppler-utils fails these tests with what to install; `make test`
installs both first (scripts/setup-system.sh).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from builder.errors import DossierError
from builder.pdf import find_chromium
from tests.conftest import run_cli

PAPER_POINTS = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0)}
TOLERANCE = 1.5  # points: Chromium rounds the page box to whole pixels
SETUP = "`make test` installs it with scripts/setup-system.sh"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing (Debian package poppler-utils): {SETUP}", pytrace=False)
    return path


def pdftotext(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    pages = (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    done = subprocess.run(
        [_tool("pdftotext"), "-enc", "UTF-8", *pages, str(pdf), "-"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"pdftotext {pdf.name}: {done.stderr.strip()}"
    return done.stdout


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    done = subprocess.run(
        [_tool("pdfinfo"), "-f", "1", "-l", "100000", str(pdf)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"pdfinfo {pdf.name}: {done.stderr.strip()}"
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", done.stdout, re.MULTILINE)
    pages = int(re.search(r"^Pages:\s+(\d+)", done.stdout, re.MULTILINE).group(1))  # type: ignore[union-attr]
    assert len(sizes) == pages, done.stdout
    return [(float(w), float(h)) for w, h in sizes]


def squash(text: str) -> str:
    """Text as compared: no whitespace (lines wrap anywhere) and no hyphens (pdftotext joins
    "Long-" and "Range" across a line end into "LongRange"), ligatures unfolded."""
    return re.sub(r"[\s\u00ad\u2010\u2011-]+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def printed(built_site: Path) -> dict[str, Path]:
    """`dossier pdf` run once per paper size, into <project>/pdf-A4 and <project>/pdf-Letter."""
    try:
        find_chromium()
    except DossierError as err:
        pytest.fail(f"{err}. `dossier pdf` needs it: {SETUP}.", pytrace=False)
    _tool("pdftotext")
    _tool("pdfinfo")
    runs = {  # both at once: each mostly waits for its own Chromium
        paper: subprocess.Popen(
            [sys.executable, "-m", "builder", "pdf", "--site", "site", "--out", f"pdf-{paper}", "--paper", paper],
            cwd=built_site, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for paper in PAPER_POINTS
    }
    for paper, run in runs.items():
        stdout, stderr = run.communicate(timeout=300)
        assert run.returncode == 0, stderr
        assert f"pages, {paper})" in stdout, stdout
    return {paper: built_site / f"pdf-{paper}" for paper in PAPER_POINTS}


@pytest.fixture(scope="module")
def export(built_site: Path) -> dict[str, Any]:
    return json.loads((built_site / "site" / "dossier.json").read_text(encoding="utf-8"))


def glossary_of(export: dict[str, Any], article: dict[str, Any]) -> list[str]:
    """The names the article's glossary lists: the visible entities its mentions resolve to."""
    visible = {e["id"]: e for e in export["entities"] if not e.get("hidden")}
    ids = {m["entity"] for m in article.get("mentions", []) if m.get("entity")} or set(article.get("entities", []))
    return sorted(visible[i]["name"] for i in ids if i in visible)


def full_quotes_of(export: dict[str, Any], article: dict[str, Any]) -> list[str]:
    return [q["text"] for q in export["quotes"] if q["article"] == article["id"] and q["kind"] == "full"]


# ---------------------------------------------------------------------------------------


def test_one_brief_per_article_and_the_whole_dossier(printed: dict[str, Path], export: dict[str, Any]) -> None:
    for paper, out in printed.items():
        briefs = sorted(p.name for p in (out / "articles").iterdir())
        assert briefs == sorted(f"{a['id']}.pdf" for a in export["articles"]), paper
        assert (out / "dossier.pdf").is_file()
        assert sorted(p.name for p in out.iterdir()) == ["articles", "dossier.pdf"]
        leftovers = [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]
        assert not leftovers, f"staging folders left behind: {leftovers}"


@pytest.mark.parametrize("paper", list(PAPER_POINTS))
def test_every_page_has_the_paper_size_asked_for(printed: dict[str, Path], paper: str) -> None:
    want_w, want_h = PAPER_POINTS[paper]
    for pdf in [printed[paper] / "dossier.pdf", *sorted((printed[paper] / "articles").glob("*.pdf"))]:
        for n, (w, h) in enumerate(page_sizes(pdf), start=1):
            assert abs(w - want_w) <= TOLERANCE and abs(h - want_h) <= TOLERANCE, (
                f"{pdf.name} page {n} is {w} x {h} pt, not {paper} ({want_w} x {want_h})"
            )


def test_a_brief_holds_its_title_glossary_quote_cards_header_and_footer(
    printed: dict[str, Path], export: dict[str, Any]
) -> None:
    problems: list[str] = []
    for article in export["articles"]:
        pdf = printed["A4"] / "articles" / f"{article['id']}.pdf"
        text = squash(pdftotext(pdf))
        pages = len(page_sizes(pdf))

        def need(what: str, value: str, where: str = text, pdf: Path = pdf) -> None:
            if squash(value) not in where:
                problems.append(f"{pdf.name}: no {what} {value!r}")

        need("title", article["title"])
        header = export["title"][:30]  # a long title is cut short with an ellipsis
        for n in {1, pages}:
            need("running header (the dossier's title)", header, squash(pdftotext(pdf, n, n)))
        for n in {1, pages}:
            need("page number", f"Page {n} of {pages}", squash(pdftotext(pdf, n, n)))
        need("source in the footer", article.get("outlet") or article["file"], squash(pdftotext(pdf, pages, pages)))
        names = glossary_of(export, article)
        if names:
            need("heading", "Glossary")
            for name in names:
                need("glossary entry", name)
        quotes = full_quotes_of(export, article)
        if quotes:
            need("heading", "Quotes")
            for quote in quotes:
                need("quote card", quote)
        if "127.0.0.1" in text or "localhost" in text:
            problems.append(f"{pdf.name}: prints the temporary server's address")
        if re.search(r"\{:?\s?[.#][\w-]+\}", text):
            residue = re.search(r"\{[^}]*\}", text)
            problems.append(f"{pdf.name}: prints Markdown attribute-list residue {residue[0] if residue else ''!r}")
    assert not problems, "\n".join(problems)


def test_the_whole_dossier_has_cover_contents_parts_and_numbers(
    printed: dict[str, Path], export: dict[str, Any]
) -> None:
    from pypdf import PdfReader

    pdf = printed["A4"] / "dossier.pdf"
    total = len(page_sizes(pdf))
    cover = squash(pdftotext(pdf, 1, 1))
    assert squash(export["title"]) in cover
    assert "Page1of" not in cover, "the cover carries no page number"
    for n in (2, total):
        assert squash(f"Page {n} of {total}") in squash(pdftotext(pdf, n, n))

    reader = PdfReader(str(pdf))
    starts: dict[str, int] = {}

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                starts[str(item.title)] = reader.get_destination_page_number(item) + 1

    walk(reader.outline)
    expected = ["Contents", "Overview", "Articles", *(a["title"] for a in export["articles"]), "Who's who", "Quotes"]
    missing = [t for t in expected if t not in starts]
    assert not missing, f"not in the PDF's outline: {missing} (has {list(starts)})"
    assert starts["Contents"] == 2
    contents = squash(pdftotext(pdf, 2, starts["Overview"] - 1))
    assert contents.startswith(squash(export["title"]) + "ContentsContents"), contents[:200]
    for article in export["articles"]:
        page = starts[article["title"]]
        on_page = squash(pdftotext(pdf, page, page))
        assert squash(article["title"]) + str(page) in contents, f"the contents do not send {article['title']!r} to page {page}"
        assert squash(article["title"]) in on_page, f"{article['title']!r} is not on page {page}"
        assert squash(f"Page {page} of {total}") in on_page
    overview = squash(pdftotext(pdf, starts["Overview"], starts["Overview"]))
    assert squash(export["title"]) in overview


# ---------------------------------------------------------------------------------------
# Failures: one clear line, exit status 2, the previous output left as it was


def test_a_site_not_built_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    done = run_cli(tmp_path, "pdf", "--site", "site", "--out", "pdf")
    assert done.returncode == 2
    assert done.stderr.startswith("error: ") and done.stderr.count("\n") == 1, done.stderr
    assert "has not been built" in done.stderr
    assert not (tmp_path / "pdf").exists()


def test_no_chromium_is_one_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("DOSSIER_CHROMIUM", raising=False)
    with pytest.raises(DossierError, match="Chromium is not installed.*setup-system"):
        find_chromium()


def test_a_chromium_that_fails_leaves_the_previous_pdfs(built_site: Path, printed: dict[str, Path]) -> None:
    out = built_site / "pdf-kept"
    shutil.copytree(printed["A4"], out)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    for chromium, message in (("/nonexistent/chromium", "no such Chromium executable"), ("/bin/false", "did not start")):
        env = {**os.environ, "DOSSIER_CHROMIUM": chromium}
        done = subprocess.run(
            [sys.executable, "-m", "builder", "pdf", "--site", "site", "--out", out.name],
            cwd=built_site, capture_output=True, text=True, check=False, env=env, timeout=120,
        )
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith("error: ") and done.stderr.count("\n") == 1, done.stderr
        assert message in done.stderr
        assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
        assert not [p for p in built_site.iterdir() if p.name.startswith(".pdf-kept.")]


def test_no_page_of_a_brief_holds_only_the_tail_of_a_list(printed: dict[str, Path]) -> None:
    from tests.test_print import near_empty_pages

    problems = [p for paper in PAPER_POINTS for pdf in sorted((printed[paper] / "articles").glob("*.pdf"))
                for p in near_empty_pages(pdf)]
    assert not problems, "\n".join(problems)
