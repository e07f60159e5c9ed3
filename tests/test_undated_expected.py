"""In an article with no date (a government release copied without one), an event its
sentence sets in the future ("will host ... on July 21, 2016", "is expected to be completed
in 2017") is marked expected, as a dated article's events after its date are: with no date
to compare with, the sentence's tense tells."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_views import _dossier

OPENING = "Jane Doe, the Acme Trust's director, visited Leeds to open the new library, the trust said.\n\n"


@pytest.mark.parametrize(("sentence", "ahead"), [
    ("Jane Doe will host the ministers of the coalition in Leeds on July 21, 2016.", True),
    ("Work on the library is expected to be completed in 2017.", True),
    ("The last meeting of the ministers took place in Leeds on July 21, 2016.", False),
    ("Jane Doe opened the library on March 3, 2016, the council said.", False),
])
def test_an_undated_articles_future_events_are_expected(tmp_path: Path, sentence: str, ahead: bool) -> None:
    dossier, _ = _dossier(tmp_path, {"a.txt": "Acme Trust opens library\n\n" + OPENING + sentence + "\n"})
    assert [e.ahead for e in dossier.timeline] == [ahead]


@pytest.mark.parametrize(("sentence", "ahead"), [
    ("Last year 4 million people came, and this year the council expects about 6 million visitors.", True),
    ("Jane Doe will open the new library later this month, the council said.", True),
    ("This year, the Acme team won the competition overall.", False),
    ("The council shocked the town earlier this month by closing the library.", False),
])
def test_this_years_events_are_expected_when_their_sentence_looks_ahead(tmp_path: Path, sentence: str,
                                                                         ahead: bool) -> None:
    dossier, _ = _dossier(tmp_path, {"a.txt": "Acme Trust opens library\n\n" + OPENING + sentence + "\n"},
                          "articles:\n  a.txt:\n    date: 2024-03-06\n")
    events = [e for e in dossier.timeline if e.date.year == 2024]
    assert [e.ahead for e in events] == [ahead]
