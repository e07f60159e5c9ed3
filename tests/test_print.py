"""Print (issue 17, point 7): the printed contents and each brief's footer name an
article's outlet and address when the dossier knows them (dossier.yml, front matter, a
saved page's own metadata), the agency a text credits when nothing else does, and a file
name only as the last resort; and no page of a brief holds only the tail of a list.

A made-up dossier is built into a site and printed with `dossier pdf` (Chromium and
poppler-utils, as for tests/test_pdf.py)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from builder.errors import DossierError
from builder.pdf import find_chromium
from tests.conftest import make_project, run_cli
from tests.test_pdf import _tool, squash

TOPICS = ["the river treaty", "the fishing quota", "the new railway bridge", "the border crossing",
          "the school budget"]


def _story(n: int) -> str:
    """A story of its own for each article (alike stories would be read as copies of one)."""
    topic = TOPICS[n]
    return (f"Jane Doe, the Foreign Minister of Zorblattia, met John Roe of the Acme Council in Geneva for talks "
            f"on {topic}, the {n + 2}th round this year. “We will find an agreement on {topic} that lasts,” "
            f"Jane Doe said after the meeting.\n\nThe Acme Council has asked for more time to study {topic}, and "
            f"John Roe said round {n + 3} would follow in {['May', 'June', 'July', 'August', 'October'][n]}.\n")


ARTICLES = {
    "002_abc.txt": "Talks on the river treaty open\n\n" + _story(0),
    "003_def.md": ("---\ntitle: Treaty talks go on\noutlet: Evening Clarion\nurl: https://clarion.example.org/talks\n"
                   "---\n\n" + _story(1)),
    "004_ghi.html": ("<html><head><title>River talks | Morning Gazette</title>"
                     '<meta property="og:site_name" content="Morning Gazette">'
                     '<link rel="canonical" href="https://gazette.example.com/river-talks"></head>'
                     "<body><article><h1>River talks resume in Geneva</h1>"
                     + "".join(f"<p>{p}</p>" for p in _story(2).strip().split("\n\n")) + "</article></body></html>"),
    "005_jkl.txt": "Ministers meet in Geneva\n\n" + _story(3) + "\nJane Roe/AP\n",
    "006_mno.txt": "Geneva talks\n\n" + _story(4),
}
DOSSIER_YML = ("title: River treaty\narticles:\n  002_abc.txt:\n    outlet: Daily Wire\n"
               "    url: https://wire.example.net/a\n")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    try:
        find_chromium()
    except DossierError as err:
        pytest.fail(f"{err}. `dossier pdf` needs it: `make test` installs it.", pytrace=False)
    _tool("pdftotext")
    project = make_project(tmp_path_factory.mktemp("print"), ARTICLES, DOSSIER_YML)
    done = run_cli(project, "build", "--site", "site", "--quiet")
    assert done.returncode == 0, done.stderr
    done = subprocess.run([sys.executable, "-m", "builder", "pdf", "--site", "site", "--out", "pdf"],
                          cwd=project, capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stderr
    return project / "pdf"


def _entry(contents: str, title: str) -> str:
    """The contents' line under an article's title: its source."""
    lines = [line.strip() for line in contents.splitlines() if line.strip()]
    at = next(n for n, line in enumerate(lines) if line.startswith(title))
    return lines[at + 1]


@pytest.mark.parametrize(("title", "wanted", "unwanted"), [
    ("Talks on the river treaty open", ["Daily Wire", "https://wire.example.net/a"], ["002_abc", "source file"]),
    ("Treaty talks go on", ["Evening Clarion", "https://clarion.example.org/talks"], ["003_def", "source file"]),
    ("River talks resume in Geneva", ["Morning Gazette", "https://gazette.example.com/river-talks"], ["004_ghi"]),
    ("Ministers meet in Geneva", ["outlet not given", "Associated Press"], ["source file"]),
    ("Geneva talks", ["outlet not given", "006_mno.txt"], ["source file"]),
])
def test_the_contents_name_the_outlet_and_address_not_the_file(
    printed: Path, title: str, wanted: list[str], unwanted: list[str]
) -> None:
    contents = layout_text(printed / "dossier.pdf", 2, 2)
    entry = _entry(contents, title)
    for text in wanted:
        assert text in entry, entry
    for text in unwanted:
        assert text not in entry, entry


def layout_text(pdf: Path, first: int, last: int) -> str:
    """The text of pages as laid out: a header or footer is one line."""
    return subprocess.run([_tool("pdftotext"), "-layout", "-enc", "UTF-8", "-f", str(first), "-l", str(last),
                           str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def body_lines(pdf: Path, page: int) -> list[str]:
    """The lines a page holds between its running header and its footer."""
    lines = [line for line in layout_text(pdf, page, page).splitlines() if line.strip()]
    return lines[1:-1]


def near_empty_pages(pdf: Path) -> list[str]:
    """The pages after a brief's first that hold fewer than five lines: the tail of a list
    or a table spilled onto a page of its own."""
    pages = int(subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True)
                .stdout.split("Pages:")[1].split()[0])
    return [f"{pdf.name} page {n}: {squash(' '.join(body_lines(pdf, n)))[:80]!r}"
            for n in range(2, pages + 1) if len(body_lines(pdf, n)) < 5]


def test_no_brief_ends_on_a_near_empty_page(printed: Path) -> None:
    problems = [p for pdf in sorted((printed / "articles").glob("*.pdf")) for p in near_empty_pages(pdf)]
    assert not problems, "\n".join(problems)
