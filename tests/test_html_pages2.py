"""Saved pages in the templates of sites the samples do not cover (tests/fixtures/html_pages2/,
made-up stories): WordPress, Arc XP, JSON-LD-only metadata, <section name="articleBody">, AMP,
Substack, Medium, gov.uk, a ministry's press release, a live blog, a paywall that hides the
rest of the story, a page saved by a browser, windows-1252 and undeclared encodings, dates
shown only as text ("Updated 3 hours ago" is no date). Each folder holds page.html,
expected.txt (the story, one paragraph a line) and meta.json (title or headline, byline,
publishedTime), in the format of ../shared/html-samples."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from builder.read import article_from_bytes

PAGES = Path(__file__).parent / "fixtures" / "html_pages2"
NAMES = sorted(p.name for p in PAGES.iterdir() if (p / "page.html").exists())
MIN_F1 = 0.90
KNOWN_LOW_F1: set[str] = set()  # pages whose story the reader still gets wrong (each a reason)
KNOWN_WRONG_BYLINE: set[str] = set()


def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold()))


def f1(found: str, expected: str) -> float:
    got, want = _tokens(found), _tokens(expected)
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(got.values()), overlap / sum(want.values())
    return 2 * p * r / (p + r)


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def _names(byline: str | None) -> set[str]:
    return {_norm(n) for n in re.split(r",|;|\band\b", byline or "") if _norm(n)}


def read(name: str):  # type: ignore[no-untyped-def]
    folder = PAGES / name
    article = article_from_bytes((folder / "page.html").read_bytes(), "page.html")
    story = "\n".join(b.text for b in article.text_blocks if b is not article.headline)
    return article, story, json.loads((folder / "meta.json").read_text(encoding="utf-8"))


def _mark(name: str, known: set[str]):  # type: ignore[no-untyped-def]
    return pytest.param(name, marks=pytest.mark.xfail(strict=True)) if name in known else name


@pytest.mark.parametrize("name", [_mark(n, KNOWN_LOW_F1) for n in NAMES])
def test_story_text(name: str) -> None:
    _, story, _ = read(name)
    assert f1(story, (PAGES / name / "expected.txt").read_text(encoding="utf-8")) >= MIN_F1


@pytest.mark.parametrize("name", NAMES)
def test_title(name: str) -> None:
    article, _, meta = read(name)
    assert _norm(article.meta.title) in {_norm(meta["title"]), _norm(meta.get("headline"))}


@pytest.mark.parametrize("name", NAMES)
def test_date(name: str) -> None:
    article, _, meta = read(name)
    assert str(article.meta.date) == meta["publishedTime"][:10]


@pytest.mark.parametrize("name", [_mark(n, KNOWN_WRONG_BYLINE) for n in NAMES])
def test_byline(name: str) -> None:
    article, _, meta = read(name)
    expected = _names(meta["byline"])
    assert _names(article.meta.author) == expected if expected else not _names(article.meta.author) - {"gov uk"}


# --- one rule a test: the rows of builder/data/read/html_furniture.txt and byline_places.txt ---

STORY = "".join(f"<p>Paragraph {n} of the story about the Zorblatt council tells what the councillors of Anytown decided on Tuesday night.</p>" for n in range(6))


def _page(inside: str, after: str = "", head: str = "") -> bytes:
    return (f"<html><head><title>Council votes on the plan</title>{head}</head><body><article><h1>Council votes on the plan</h1>"
            f"{inside}<div class='article-body'>{STORY}{after}</div></article></body></html>").encode()


def _text(data: bytes) -> str:
    article = article_from_bytes(data, "a.html")
    return "\n".join(b.text for b in article.text_blocks)


@pytest.mark.parametrize("furniture", [
    "<blockquote class='wp-block-pullquote'><p>Quackenbush repeated words in large type.</p></blockquote>",
    "<div class='writer-bio'><p>Quackenbush is our reporter who has covered the council since 2015.</p></div>",
])
def test_pull_quote_and_author_bio_are_no_story(furniture: str) -> None:
    assert "Quackenbush" not in _text(_page("", furniture))


@pytest.mark.parametrize(("inside", "author"), [
    ("<div class='article-byline'><span>2 hours ago</span><span>Jane Doe</span></div>", "Jane Doe"),
    ("<div data-testid='story-contributors'><span>Jane Doe</span></div>", "Jane Doe"),
    ("<div data-component='contributor'><span>Jane Doe</span><span>ZBC News</span></div>", "Jane Doe"),
    ("<div data-qa='bylines'>By <a>Jane Doe</a> and <a>John Roe</a></div>", "Jane Doe, John Roe"),
    ("<p style='color:#666'>By Jane Doe · Published 2 February 2021</p>", "Jane Doe"),
    ("<p>By Tuesday the council had voted.</p>", None),
    ("<div class='logo-link'>by Acme Widgets</div>", None),
    ("<div class='byline'>Updated 3 hours ago</div>", None),
])
def test_visible_byline_when_the_metadata_names_no_author(inside: str, author: str | None) -> None:
    assert article_from_bytes(_page(inside), "a.html").meta.author == author


def test_the_metadata_author_comes_before_the_visible_byline() -> None:
    page = _page("<div class='byline'>Jane Doe</div>", head="<meta name='author' content='Mary Major'>")
    assert article_from_bytes(page, "a.html").meta.author == "Mary Major"


def test_a_line_break_parts_words() -> None:
    text = _text(_page("", "<p>For more, call the Press Office<br>Ministry of Anytown Affairs<br>press@example.org</p>"))
    assert "Press Office Ministry of Anytown Affairs press@example.org" in " ".join(text.split())
