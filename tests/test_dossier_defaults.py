"""dossier.yml's `defaults:` fill in what an article does not say of itself: an article's own
date (its dossier.yml entry, its front matter, its saved page's metadata, or the date its
text states, as a dateline or "Published ...") wins over the dossier-wide default date,
and its own outlet over the default outlet. A default is a fallback, never an override."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.test_views import _dossier

STORY = "Jane Doe opened the new library in Leeds on Friday, the council said.\n"
YML = ("defaults:\n  outlet: Acme Wire\n  date: 2024-02-01\n"
       "articles:\n  entry.txt:\n    date: 2024-05-05\n")


def _dates_and_outlets(tmp_path: Path, articles: dict[str, str]) -> dict[str, tuple[dt.date | None, str | None]]:
    dossier, _ = _dossier(tmp_path, articles, YML)
    return {a.file: (a.meta.date, a.meta.outlet) for a in dossier.articles}


def test_defaults_fill_only_what_the_article_does_not_say(tmp_path: Path) -> None:
    got = _dates_and_outlets(tmp_path, {
        "plain.txt": "Library opens\n\n" + STORY,
        "dated.txt": "Library opens\n\nTuesday, March 12, 2024\n\n" + STORY,
        "published.txt": "Library opens\n\nBy Jane Roe | Published 12 March 2024\n\n" + STORY,
        "front.md": "---\noutlet: Leeds Clarion\ndate: 2023-11-30\n---\n# Library opens\n\n" + STORY,
        "entry.txt": "Library opens\n\nTuesday, March 12, 2024\n\n" + STORY,
    })
    assert got == {
        "plain.txt": (dt.date(2024, 2, 1), "Acme Wire"),  # nothing of its own: the defaults
        "dated.txt": (dt.date(2024, 3, 12), "Acme Wire"),  # its text's date over the default
        "published.txt": (dt.date(2024, 3, 12), "Acme Wire"),
        "front.md": (dt.date(2023, 11, 30), "Leeds Clarion"),  # its front matter over the defaults
        "entry.txt": (dt.date(2024, 5, 5), "Acme Wire"),  # its dossier.yml entry over its text
    }


def test_relative_dates_resolve_against_the_articles_own_date(tmp_path: Path) -> None:
    dossier, _ = _dossier(tmp_path, {"dated.txt": "Library opens\n\nTuesday, March 12, 2024\n\n" + STORY}, YML)
    assert {e.date for e in dossier.timeline} == {dt.date(2024, 3, 8)}  # the Friday before 12 March
