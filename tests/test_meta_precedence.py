"""Metadata precedence: dossier.yml's entry over front matter, over a saved page's own
metadata, over what the text says (a dateline, "Published ..."), over dossier.yml's defaults."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builder.config import load_config
from builder.errors import DossierError
from builder.model import ArticleMeta
from builder.read import date_in_text, layer_meta, parse_article


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["By Jane Doe | Published 12 March 2024, 10:00 GMT"], dt.date(2024, 3, 12)),
        (["Jane Doe, Acme News. Posted on March 12, 2024"], dt.date(2024, 3, 12)),
        (["Updated 14 March 2024", "Published 12 March 2024"], dt.date(2024, 3, 12)),  # published wins
        (["By Jane Doe · Updated: 2024-03-14"], dt.date(2024, 3, 14)),  # no other date: the update
        (["LONDON, March 12, 2024 — The committee met on Tuesday."], dt.date(2024, 3, 12)),
        (["GENEVA (Acme) 12 March 2024 - Talks resumed."], dt.date(2024, 3, 12)),
        (["12 March 2024 — Talks resumed in Geneva."], dt.date(2024, 3, 12)),
        # negatives: a date in the story is no publication date
        (["The talks ended on March 12, 2024 — and nobody was surprised."], None),
        (["She published her report on March 12, 2024, to wide acclaim, and the committee then met " * 3], None),
        (["Acme updated its figures on 12 March 2024."], None),
        (["Jane Doe published on 12 March 2024 a short note."], None),
        (["LONDON — The committee met on Tuesday."], None),
        (["Published 31 February 2024"], None),
    ],
)
def test_date_stated_in_the_text(lines: list[str], expected: dt.date | None) -> None:
    assert date_in_text(lines) == expected


def test_a_stated_date_dates_a_text_article() -> None:
    text = "Headline here\n\nBy Jane Doe | Published 12 March 2024\n\nThe committee met on Tuesday in Geneva.\n"
    assert parse_article(text, "a.txt").meta.date == dt.date(2024, 3, 12)


def test_a_dateline_dates_a_text_article() -> None:
    text = "Headline here\n\nGENEVA, 12 March 2024 — The committee met on Tuesday.\n"
    article = parse_article(text, "a.txt")
    assert article.meta.date == dt.date(2024, 3, 12)
    assert article.blocks[0].text.startswith("GENEVA")  # the dateline stays in the story


def test_layers_first_set_field_wins() -> None:
    entry = ArticleMeta(outlet="Entry Outlet")
    defaults = ArticleMeta(outlet="Default Outlet", date=dt.date(2024, 1, 1))
    front = ArticleMeta(outlet="Front Outlet", url="https://example.org/front", date=dt.date(2023, 1, 1))
    page = ArticleMeta(outlet="Page Outlet", url="https://example.org/page", author="Jane Doe", title="Page title")
    merged = layer_meta(entry, defaults, front, page)
    assert merged == ArticleMeta(outlet="Entry Outlet", url="https://example.org/front", date=dt.date(2024, 1, 1),
                                 title="Page title", author="Jane Doe")


def test_dossier_yml_wins_over_front_matter_and_the_text() -> None:
    text = "---\noutlet: Front Outlet\ndate: 2023-05-01\n---\n# Headline\n\nPublished 12 March 2024\n\nBody text.\n"
    given = ArticleMeta(outlet="Yml Outlet")
    article = parse_article(text, "a.md", given)
    assert article.meta.outlet == "Yml Outlet"
    assert article.meta.date == dt.date(2023, 5, 1)  # front matter over the text's date


def test_page_metadata_wins_over_the_text_but_not_over_front_matter_or_yml() -> None:
    text = "# Headline\n\nPublished 12 March 2024\n\nBody text.\n"
    page = ArticleMeta(date=dt.date(2024, 3, 11), outlet="Page Outlet")
    article = parse_article(text, "a.html", ArticleMeta(outlet="Yml Outlet"), page=page, headings=True)
    assert (article.meta.date, article.meta.outlet) == (dt.date(2024, 3, 11), "Yml Outlet")


def test_dossier_wide_defaults(tmp_path: Path) -> None:
    path = tmp_path / "dossier.yml"
    path.write_text("title: T\ndefaults:\n  outlet: Acme Wire\n  date: 2024-02-01\n"
                    "articles:\n  a.txt:\n    date: 2024-03-01\n", encoding="utf-8")
    config = load_config(path)  # the defaults come under the article's own (tests/test_dossier_defaults.py)
    assert config.meta_for("a.txt") == ArticleMeta(date=dt.date(2024, 3, 1))
    assert config.meta_for("b.txt") is None
    assert config.defaults_or_none() == ArticleMeta(outlet="Acme Wire", date=dt.date(2024, 2, 1))


@pytest.mark.parametrize(
    ("yml", "message"),
    [
        ("defaults: [a]\n", "dossier.yml:1: 'defaults' must map"),
        ("defaults:\n  date: soon\n", "dossier.yml:2: defaults: metadata field 'date' must be a date"),
        ("defaults:\n  title: One for all\n", "dossier.yml:2: defaults: 'title' and 'slug' belong to one article"),
        ("defaults:\n  colour: red\n", "dossier.yml:2: defaults: unknown metadata field(s) colour"),
    ],
)
def test_bad_defaults_are_reported(tmp_path: Path, yml: str, message: str) -> None:
    path = tmp_path / "dossier.yml"
    path.write_text(yml, encoding="utf-8")
    with pytest.raises(DossierError) as err:
        load_config(path)
    assert str(err.value).startswith(message)
