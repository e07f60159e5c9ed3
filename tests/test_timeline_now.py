"""'Today' that means nowadays is no event: "Neon is experiencing a revival today" speaks of
the present in general, with no verb of a past or future event in its sentence; "the
minister said today", "the committee will meet today", "the council says today" keep the
day of the article as the event's."""
from __future__ import annotations

import datetime as dt

import pytest

from builder.annotate.dates import dates_in_text

PUBLISHED = dt.date(2024, 3, 6)


@pytest.mark.parametrize(("sentence", "role"), [
    ("Yet today neon is also experiencing a kind of craft revival.", "now"),
    ("Today, about 100,000 people in Acmeland follow the old faith.", "now"),
    ("“We're having to put up with a lot of stuff today.", "now"),
    ("The firm's main business, which today is cloud computing, pays for the shops.", "now"),
    # events of the article's day
    ("Jane Doe said today that the plant would close.", "event"),
    ("The Acme Trust announced today it would sell the library.", "event"),
    ("The committee will meet today to discuss the plan.", "event"),
    ("The council says today that the library must close.", "event"),
    ("Acme is to begin issuing permits today.", "event"),
    ("A document was found on a street in Leeds today.", "event"),
    ("Today, the United States announces a loan guarantee for Acmeland.", "event"),
])
def test_today_as_nowadays_is_no_event(sentence: str, role: str) -> None:
    refs = [r for r in dates_in_text(sentence, PUBLISHED) if r.text.lower() == "today"]
    assert [r.role for r in refs] == [role]
