"""Quotes on saved web pages (made-up pages in tests/fixtures/html): the page's own
punctuation is kept ('Minister Jane Doe said:' keeps the colon that hands the quote to
her), and a block quote reads as a quotation (in quote marks, each paragraph opened and
the last closed), with an embedded post's '— Jane Doe (@janedoe)' line as its credit."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.pipeline import annotate
from builder.read import read_article

PAGES = Path(__file__).parent / "fixtures" / "html"

EXPECTED = {
    "govuk-quote-block.html": [
        ("Every young person should have the chance", "Helen Carver"),  # 'said:' then a <blockquote>
        ("Our members have told us", "Martin Osei"),  # 'Martin Osei, Chief Executive of ..., said:' then a quote
    ],
    "embedded-post.html": [
        ("Another flip-flop", "Ray Holloway"),  # an embedded post with its credit line
        ("The senator voted for every one", "Anita Desai"),
        ("noise", "Carla Benning"),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_quotes_on_saved_pages(name: str) -> None:
    quotes = sorted(annotate(read_article(PAGES / name)).quotes, key=lambda q: q.start)
    want = EXPECTED[name]
    assert [(q.text[: len(w)], q.speaker_name) for q, (w, _) in zip(quotes, want)] == want and len(quotes) == len(want), [
        (q.text[:40], q.speaker_name) for q in quotes]


def test_a_block_quote_of_two_paragraphs_is_one_quotation() -> None:
    article = read_article(PAGES / "govuk-quote-block.html")
    texts = [b.text for b in article.text_blocks]
    assert "Skills Minister Helen Carver said:" in texts
    assert any(t.startswith("“Every young person") and not t.endswith("”") for t in texts)
    assert any(t.startswith("“These apprenticeships") and t.endswith("crying out for.”") for t in texts)
    first = min(annotate(article).quotes, key=lambda q: q.start)
    assert first.text.count("\n\n") == 1


def test_a_block_quote_with_its_own_marks_is_left_as_it_is() -> None:
    article = read_article(PAGES / "govuk-quote-block.html")
    assert not any(t.startswith("““") or t.endswith("””") for t in (b.text for b in article.text_blocks))
