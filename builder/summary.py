"""An article's one-paragraph summary for the article lists (home, the Articles pages).

A per-article step of the link pass (link.py keeps it in the link memo by the article's
version): a rebuild takes the unchanged articles' summaries from the last build instead of
finding each one's first paragraph that is no photo's caption again."""
from __future__ import annotations

import re
from functools import cache

from builder import wordlists
from builder.annotate.reports import dateline_end, is_caption_at
from builder.model import Annotation, Article

LONGEST = 240  # characters of a summary; a longer paragraph is cut at a word, with an ellipsis


@cache
def _titled_datelines() -> tuple[re.Pattern[str], ...]:
    return wordlists.patterns("reports/dateline_titled.txt")


def _without_dateline(text: str) -> str:
    """A paragraph without the dateline that opens it ("LONDON — ", "Leeds, England — ")."""
    end = dateline_end(text) or next((m.end() for p in _titled_datelines() if (m := p.match(text))), 0)
    return text[end:]


def article_summary(article: Article, _annotation: Annotation | None = None) -> str:
    """The article's summary, its first key point, or its first paragraph that is no
    photo's caption (without its dateline, cut to LONGEST characters); "" if none."""
    if article.summary is not None:
        return article.summary.text
    if article.key_points:
        return article.key_points[0].text
    for i, block in enumerate(article.blocks):
        if block.kind.value == "paragraph" and not is_caption_at(article, i):  # a photo's caption says little
            text = _without_dateline(block.text)
            return text if len(text) <= LONGEST else text[: LONGEST - 1].rsplit(" ", 1)[0] + "…"
    return ""
