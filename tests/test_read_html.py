"""Saved web pages (.html) as articles: the story without the site around it, the page's
own metadata, hostile markup made inert, a page with no story skipped with a warning.

The fixtures in tests/fixtures/html/ copy the structures of real news pages (JSON-LD,
Open Graph and article:published_time, visible bylines, an AMP page, cookie walls,
comment sections, share bars, related rails) with made-up stories."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from builder.model import ArticleMeta, BlockKind
from builder.read import article_from_bytes
from builder.read_html import plain, web_address
from tests.conftest import make_project, run_cli

PAGES = Path(__file__).parent / "fixtures" / "html"


def _read(name: str, meta: ArticleMeta | None = None):  # type: ignore[no-untyped-def]
    return article_from_bytes((PAGES / name).read_bytes(), name, meta)


def _story(article) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(b.text for b in article.text_blocks if b is not article.headline)


CASES = [
    # file, title, date, author, outlet, url
    ("jsonld-news.html", "Acme agrees to clean up the Riverside plant", dt.date(2024, 3, 12), "Jane Doe",
     "Example Gazette", "https://news.example.org/2024/03/12/acme-riverside"),
    ("opengraph-byline.html", "Jane Doe named to lead the Northern Rail review", dt.date(2023, 11, 5), "John Roe",
     "The Daily Example", "https://www.dailyexample.org/news/jane-doe-rail-review"),
    ("amp-article.html", "Acme Ferries cancels winter crossings", dt.date(2022, 12, 1), "Mary Major",
     "Harbour Times", "https://www.harbourtimes.example/ferries/acme-winter"),
]


@pytest.mark.parametrize(("name", "title", "date", "author", "outlet", "url"), CASES, ids=[c[0] for c in CASES])
def test_page_metadata(name: str, title: str, date: dt.date, author: str, outlet: str, url: str) -> None:
    article = _read(name)
    assert (article.title, article.meta.date, article.meta.author, article.meta.outlet, article.meta.url) == (
        title, date, author, outlet, url)
    assert not article.title_derived and not article.warnings


STORY = {
    "jsonld-news.html": (
        ["has agreed to pay for the clean-up", "“This is the outcome residents have waited for,”",
         "about eighteen months", "The Riverside plant closed in 2019"],
        ["cookies", "Home", "Share on", "Related stories", "Council votes to sue", "directors should answer",
         "Leave a comment", "All rights reserved", "TRACKER TEXT", "dataLayer"],
    ),
    "opengraph-byline.html": (
        ["will lead an independent review", "“She knows the railway", "hired more drivers"],
        ["Subscribe", "Sign up for the news", "Share this article", "WhatsApp", "Most read", "Storm brings down",
         "Comments are closed"],
    ),
    "amp-article.html": (
        ["will not run its island crossings", "“We heard it on the radio,”", "look for another operator"],
        ["cookies", "Advertisement", "Contact us", "Manage preferences"],
    ),
}


@pytest.mark.parametrize("name", sorted(STORY))
def test_story_without_the_site_around_it(name: str) -> None:
    story = _story(_read(name))
    kept, dropped = STORY[name]
    for phrase in kept:
        assert phrase in story
    for phrase in dropped:
        assert phrase not in story, phrase


def test_cross_headings_are_the_pages_own_and_a_caption_is_no_heading() -> None:
    article = _read("jsonld-news.html")
    assert [b.text for b in article.blocks if b.kind is BlockKind.HEADING] == ["A long dispute"]
    assert article.headline is not None and article.headline.text == article.title


def test_dossier_yml_wins_over_the_page() -> None:
    given = ArticleMeta(outlet="Acme Wire", date=dt.date(2024, 4, 1), title="A title of my own")
    article = _read("opengraph-byline.html", given)
    assert (article.meta.outlet, article.meta.date, article.title) == ("Acme Wire", dt.date(2024, 4, 1),
                                                                     "A title of my own")
    assert article.meta.author == "John Roe"  # what dossier.yml does not set comes from the page


def test_the_address_it_was_saved_from_comes_first() -> None:
    data = (PAGES / "opengraph-byline.html").read_bytes()
    saved = b"<!-- saved from url=(0032)https://mirror.example/rail-1 -->\n" + data
    assert article_from_bytes(saved, "a.html").meta.url == "https://mirror.example/rail-1"


def test_hostile_metadata_is_plain_text() -> None:
    article = _read("hostile.html")
    meta = article.meta
    assert article.title == "Acme chief resigns"
    assert meta.outlet == "Evil Times" and meta.author == "Jane Doe" and meta.url is None
    assert meta.description == "A description"
    for value in (article.title, meta.outlet, meta.author, meta.description, _story(article)):
        assert value is not None and "<" not in value and ">" not in value
    story = _story(article)
    for phrase in ("IFRAME TEXT", "SVG TEXT", "OBJECT TEXT", "head script", "inline script", "body onload",
                   "alert(9)", "onerror", "onmouseover"):
        assert phrase not in story
    assert "Read the statement issued by the board" in story  # the link's words stay, as text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<b>Acme</b> News", "Acme News"),
        ("Acme <script>alert(1)</script>", "Acme alert(1)"),
        ("Acme <img src=x onerror=alert(1)", "Acme"),
        ("  Acme\tNews\n ", "Acme News"),
        ("Acme\x00\x1b[31mNews", "Acme [31mNews"),
        ("<br>", None),
        (None, None),
        (42, None),
    ],
)
def test_plain(value: object, expected: str | None) -> None:
    assert plain(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://example.org/a?b=1#c", "https://example.org/a?b=1#c"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>", None),
        ("file:///etc/passwd", None),
        ("https://example.org/a\"onmouseover=alert(1)", None),
        ("https://example.org/<script>", None),
        ("//example.org/a", None),
        ("", None),
    ],
)
def test_web_address(value: str, expected: str | None) -> None:
    assert web_address(value) == expected


def test_no_story_is_an_empty_article_with_one_warning() -> None:
    article = _read("no-story.html")
    assert not article.text_blocks
    assert article.warnings == ("no-story.html: no story found in the page; skipped",)


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02\xff" * 50, b"<html>", b"plain words, no markup at all",
                                  b"<html><body>" + b"<div>" * 5000 + b"deep" + b"</div>" * 5000 + b"</body></html>"])
def test_broken_pages_never_crash(data: bytes) -> None:
    article = article_from_bytes(data, "broken.html")
    assert all("Traceback" not in w for w in article.warnings)


def _built(tmp_path: Path, names: list[str], extra: dict[str, str] | None = None,
           dossier_yml: str | None = None) -> tuple[Path, object]:
    project = make_project(tmp_path / "p", extra or {}, dossier_yml)
    for name in names:
        (project / "dossier" / "articles" / name).write_bytes((PAGES / name).read_bytes())
    done = run_cli(project, "build", "--site", "site", "--quiet")
    return project, done


def test_hostile_page_never_reaches_a_page_as_markup(tmp_path: Path) -> None:
    project, done = _built(tmp_path, ["hostile.html"])
    assert done.returncode == 0, done.stderr  # type: ignore[attr-defined]
    generated = [p for p in (project / "docs").rglob("*.md")] + [project / "docs" / "dossier.json"]
    text = "\n".join(p.read_text(encoding="utf-8") for p in generated)
    assert "Acme chief resigns" in text
    for bad in ("<script", "<iframe", "<svg onload", "SVG TEXT", "<object", "onerror=", "onload=", "onmouseover=",
                "onclick=", "IFRAME TEXT"):
        assert bad not in text, bad
    pages = "\n".join(p.read_text(encoding="utf-8") for p in generated if p.suffix == ".md")
    assert "javascript:" not in pages  # the story's own words 'javascript:' are escaped text in a page
    html = "\n".join(p.read_text(encoding="utf-8") for p in (project / "site" / "articles").rglob("*.html"))
    assert not re.search(r"<script[^>]*>[^<]*alert", html)
    assert not re.search(r"(?i)(href|src)\s*=\s*[\"']?\s*javascript:", html) and "onerror=alert" not in html
    assert "note ended with" in html and "alert(12)" in html  # shown as text, never as a link


def test_a_mixed_dossier_and_a_page_with_no_story(tmp_path: Path) -> None:
    texts = {
        "plain.txt": "Acme opens a plant in Springfield\n\nAcme Industries opened a new plant in Springfield "
                     "on Monday, said Jane Doe, its chief executive.\n",
        "notes.md": "---\noutlet: Acme Wire\ndate: 2024-03-10\n---\n# Springfield council meets\n\n"
                    "The council met on Friday to discuss the new Acme plant.\n",
    }
    yml = "title: Mixed\ndefaults:\n  outlet: Default Outlet\narticles:\n  amp-article.html:\n    date: 2022-12-02\n"
    project, done = _built(tmp_path, ["jsonld-news.html", "amp-article.html", "no-story.html"], texts, yml)
    assert done.returncode == 0, done.stderr  # type: ignore[attr-defined]
    assert "warning: no-story.html: no story found in the page; skipped" in done.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in done.stderr  # type: ignore[attr-defined]
    export = json.loads((project / "docs" / "dossier.json").read_text(encoding="utf-8"))
    by_file = {a["file"]: a for a in export["articles"]}
    assert sorted(by_file) == ["amp-article.html", "jsonld-news.html", "notes.md", "plain.txt"]
    # dossier.yml's entry over front matter, over the page's own, over the text, over dossier.yml's defaults
    assert (by_file["amp-article.html"]["outlet"], by_file["amp-article.html"]["date"]) == ("Harbour Times", "2022-12-02")
    assert (by_file["jsonld-news.html"]["outlet"], by_file["jsonld-news.html"]["date"]) == ("Example Gazette", "2024-03-12")
    assert by_file["jsonld-news.html"]["url"] == "https://news.example.org/2024/03/12/acme-riverside"
    assert by_file["notes.md"]["outlet"] == "Acme Wire" and by_file["notes.md"]["date"] == "2024-03-10"
    assert by_file["plain.txt"]["outlet"] == "Default Outlet"  # nothing of its own: the default
    page = (project / "docs" / "articles" / f"{by_file['jsonld-news.html']['id']}.md").read_text(encoding="utf-8")
    assert 'href="https://news.example.org/2024/03/12/acme-riverside"' in page and "by Jane Doe" in page
    sources = (project / "docs" / "sources" / "index.md").read_text(encoding="utf-8")
    assert 'href="https://news.example.org/2024/03/12/acme-riverside"' in sources


def test_text_articles_never_load_the_html_reader(tmp_path: Path) -> None:
    """Reading HTML must not slow the text path: the extraction library is imported only
    when a dossier holds a saved page."""
    import subprocess
    import sys

    project = make_project(tmp_path / "p", {"a.txt": "Headline here\n\nJane Doe said the talks went well.\n"})
    code = ("import sys; from pathlib import Path; from builder.pipeline import build; "
            "build(Path('dossier'), Path('docs')); "
            "print(sorted(m for m in ('trafilatura', 'lxml', 'htmldate', 'justext') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


_STORY = "".join(f"<p>Paragraph {n} of the story: the council of Springfield met Jane Doe of Acme on Tuesday "
                 f"to agree the terms of the clean-up and the new park on the old site.</p>" for n in range(1, 7))
_SLIDES = "".join(f"<li><p>Slide {n} of 40: an unrelated picture with a long caption about another story "
                  f"entirely, the kind a slideshow of the week's news carries.</p></li>" for n in range(1, 41))


@pytest.mark.parametrize(
    ("body", "kept", "dropped"),
    [
        # a slideshow set inside the story's body is left out, though it has more text than the story
        (f"<article><h1>Acme deal agreed</h1><div class='body'>{_STORY[:600]}<div class='gallery-wrap'>"
         f"<ul>{_SLIDES}</ul></div>{_STORY[600:]}</div></article>", ["Paragraph 1 ", "Paragraph 6 "], ["Slide "]),
        # a page with no <article>, <main> or <h1>, whose story sits in a wrapper named for its sidebar
        (f"<div class='layout-sidebar-right'><h2>Acme deal agreed</h2><div class='col'>{_STORY}</div>"
         f"<div class='sidebar'><p>Most read: another story about the weather this week in town.</p></div></div>",
         ["Paragraph 1 ", "Paragraph 6 "], ["Most read"]),
        # a rail of related stories and a newsletter box beside the story
        (f"<main><h1>Acme deal agreed</h1>{_STORY}<section class='related-links'><p>Council votes on the budget "
         f"for next year after a long debate.</p></section><div id='newsletter'><p>Sign up to our daily email "
         f"and never miss a story again.</p></div></main>", ["Paragraph 1 ", "Paragraph 6 "],
         ["Council votes", "Sign up"]),
    ],
    ids=["slideshow", "sidebar-wrapper", "related-rail"],
)
def test_furniture_named_by_class_and_id(body: str, kept: list[str], dropped: list[str]) -> None:
    page = f"<html><head><title>Acme deal agreed</title></head><body>{body}</body></html>".encode()
    story = _story(article_from_bytes(page, "a.html"))
    for phrase in kept:
        assert phrase in story
    for phrase in dropped:
        assert phrase not in story


@pytest.mark.parametrize(("line", "furniture"), [("941 comments", True), ("1,204 Comments", True), ("1.2k comments", True),
                                                 ("Jane Doe comments", False), ("941 people commented on it.", False)])
def test_a_comment_count_is_furniture(line: str, furniture: bool) -> None:
    from builder.read import is_furniture

    assert is_furniture(line) is furniture


def test_a_saved_pages_assets_folder_is_not_read(tmp_path: Path) -> None:
    """'Save Page As' (complete) writes Story.html and Story_files/ (frames, ads, scripts)."""
    from builder.pipeline import discover

    folder = tmp_path / "articles"
    (folder / "Story_files").mkdir(parents=True)
    (folder / "Story.html").write_bytes((PAGES / "amp-article.html").read_bytes())
    (folder / "Story_files" / "ad-frame.html").write_text("<html><body><p>Buy now</p></body></html>")
    (folder / "notes_files").mkdir()  # no notes.html beside it: a folder of articles like any other
    (folder / "notes_files" / "a.txt").write_text("Headline\n\nBody.\n")
    assert [name for name, _ in discover(folder)] == ["Story.html", "notes_files/a.txt"]


def test_saved_pages_are_cached_like_texts(tmp_path: Path) -> None:
    from builder import pipeline

    folder = tmp_path / "dossier"
    (folder / "articles").mkdir(parents=True)
    for name in ("amp-article.html", "no-story.html"):
        (folder / "articles" / name).write_bytes((PAGES / name).read_bytes())
    (folder / "articles" / "a.txt").write_text("Headline here\n\nJane Doe met Acme on Monday.\n", encoding="utf-8")
    first = pipeline.build(folder, tmp_path / "docs", cache_dir=tmp_path / "cache")
    again = pipeline.build(folder, tmp_path / "docs", cache_dir=tmp_path / "cache")
    assert (first.articles, first.annotated, again.articles, again.annotated, again.cached) == (2, 3, 2, 0, 3)
    assert "no-story.html: no story found in the page; skipped" in again.warnings


@pytest.mark.parametrize(("shown", "first"), [
    (True, "Acme will pay for the clean-up of the old plant."),  # a standfirst the extraction left out
    (False, "Paragraph 1 of the story"),  # a description the page never shows is no part of the story
])
def test_a_standfirst_the_page_shows_as_its_description(shown: bool, first: str) -> None:
    standfirst = "<h2 class='dek'>Acme will pay for the clean-up of the old plant.</h2>" if shown else ""
    page = (f"<html><head><title>Acme deal agreed</title><meta name='description' content='Acme will pay for the "
            f"clean-up of the old plant.'></head><body><header><h1>Acme deal agreed</h1>{standfirst}</header>"
            f"<div class='content'>{_STORY}</div></body></html>").encode()
    article = article_from_bytes(page, "a.html")
    assert article.text_blocks[1].text.startswith(first)


def test_a_page_the_library_cannot_take_is_skipped_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("unexpected\nstructure")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    article = _read("amp-article.html")
    assert not article.text_blocks
    assert article.warnings == ("amp-article.html: cannot read the page: RuntimeError: unexpected structure; skipped",)
