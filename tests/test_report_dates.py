"""A second report pasted after the first is dated by its own date line or dateline when it
prints one (two stories copied from the web each bring theirs): its relative dates are then
placed against that date, and its page says so; without one it stays undated."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builder.annotate.reports import report_dates, report_starts
from builder.read import parse_article
from tests.test_views import _dossier

FIRST = ("Library opens in Leeds\n\nMonday, March 4, 2024\n\n"
         "Jane Doe, the mayor of Leeds, opened the new library on Friday, the council said.\n\n"
         "The library has 40,000 books, John Roe of the Acme Trust said.\n\n"
         "Jane Roe contributed to this report.\n\n")
SECOND_BODY = ("Acme Rovers beat Springfield United 2 - 0 yesterday at the Acme Stadium in York.\n\n"
               "The home side scored twice in the second half, the club said in a statement.\n")


@pytest.mark.parametrize(("second", "date"), [
    ("Rovers win the derby\n\nTuesday, June 19, 2018\n\n" + SECOND_BODY, dt.date(2018, 6, 19)),
    ("Rovers win the derby\n\nYORK, June 19, 2018 — " + SECOND_BODY, dt.date(2018, 6, 19)),
    ("Rovers win the derby\n\n" + SECOND_BODY, None),  # no date of its own
])
def test_a_second_report_takes_its_own_date_line(second: str, date: dt.date | None) -> None:
    article = parse_article(FIRST + second, "a.txt")
    assert len(report_starts(article)) == 1
    assert report_dates(article) == (date,)


def test_its_relative_dates_are_placed_and_its_page_names_its_date(tmp_path: Path) -> None:
    text = FIRST + "Rovers win the derby\n\nTuesday, June 19, 2018\n\n" + SECOND_BODY
    dossier, pages = _dossier(tmp_path, {"a.txt": text})
    assert {e.date for e in dossier.timeline} == {dt.date(2024, 3, 1), dt.date(2018, 6, 18)}
    page = next(text for path, text in pages.items() if path.startswith("articles/library-opens"))
    assert "dated 19 June 2018" in page and "no date of its own" not in page


def test_a_later_reports_events_are_expected_only_after_its_own_date(tmp_path: Path) -> None:
    first = FIRST.replace("Monday, March 4, 2024", "Monday, March 7, 2016")  # the earlier report first
    text = first + "Rovers win the derby\n\nTuesday, June 19, 2018\n\n" + SECOND_BODY
    dossier, _ = _dossier(tmp_path, {"a.txt": text})
    assert [(e.date, e.ahead) for e in dossier.timeline] == [(dt.date(2016, 3, 4), False),
                                                            (dt.date(2018, 6, 18), False)]
