"""A saved page's author is a name, never the placeholder text of the site's own widgets
(a sign-in menu's "Username", a template's "Author Name"): the extraction library takes
any element of class "username" or "author" for a byline. A placeholder is rejected (a
word list, builder/data/read/placeholder_authors.txt) and the page's own byline is read
instead when it has one."""
from __future__ import annotations

import pytest

from builder.read import article_from_bytes
from builder.read_html import _author

STORY = "".join(
    f"<p>Paragraph {n} of the story: Acme Ferries said on Monday that the winter crossings to the "
    f"island would stop for repairs, and the council asked for a new timetable by the spring.</p>"
    for n in range(1, 7)
)


def _page(menu: str, byline: str) -> bytes:
    return (
        "<html><head><title>Acme Ferries cancels winter crossings</title></head><body>"
        f"<header><nav><ul><li><a href='/'>Home</a></li><li>{menu}</li></ul></nav></header>"
        "<article><h1>Acme Ferries cancels winter crossings</h1>"
        f"{byline}{STORY}</article></body></html>"
    ).encode()


PAGES = [
    # the site's menu, the story's byline, the author expected
    ("<span class='username'>Username</span>", "<span class='pb-byline'>By <a href='/people/jane-doe'>Jane Doe</a></span>",
     "Jane Doe"),
    ("<span class='username'>Username</span>", "", None),
    ("<div class='author'>Author Name</div>", "<p class='byline'>By John Roe</p>", "John Roe"),
    # a social button the library reads as "Follow" comes before the byline in its order
    ("<span class='username'>Username</span>",
     "<span class='pb-byline'>By Jane Doe</span><span class='tweet-authors'><a class='follow'>Follow @jdoe</a></span>",
     "Jane Doe"),
    # negative: a real name in the same place stays
    ("<span class='username'>Mary Major</span>", "", "Mary Major"),
    ("", "<span class='pb-byline'>By <a href='/people/jane-doe'>Jane Doe</a></span>", "Jane Doe"),
]


@pytest.mark.parametrize(("menu", "byline", "author"), PAGES)
def test_a_placeholder_is_no_author(menu: str, byline: str, author: str | None) -> None:
    article = article_from_bytes(_page(menu, byline), "page.html")
    assert article.meta.author == author


@pytest.mark.parametrize(("value", "expected"), [
    ("Username", None),
    ("username", None),
    ("User Name", None),
    ("Author", None),
    ("Author Name", None),
    ("Your Name", None),
    ("Admin", None),
    ("Username; Jane Doe", "Jane Doe"),
    # negatives: names, and names that hold a placeholder's word
    ("Jane Doe", "Jane Doe"),
    ("Jane Doe; John Roe", "Jane Doe, John Roe"),
    ("Ann Author", "Ann Author"),
    ("Acme Staff", "Acme Staff"),
])
def test_author_values(value: str, expected: str | None) -> None:
    assert _author(value) == expected
