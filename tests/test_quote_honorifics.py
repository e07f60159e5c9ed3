"""One list of honorifics (builder/data/people/honorifics.txt) for the people code and the
quote speakers: a curated name matches a speaker's name with or without any honorific of
the list, and a peer's title stays (people.py: 'Lord Doe' is no commoner Doe)."""
from __future__ import annotations

import pytest

from builder import wordlists
from builder.quote_speakers import _form

CASES = [
    ("Mrs Jane Doe", "jane doe"),
    ("Dr. Jane Doe", "jane doe"),
    ("Professor Jane Doe", "jane doe"),
    ("Congresswoman Jane Doe", "jane doe"),
    ("Sir John Roe", "john roe"),
    ("Lord Roe", "lord roe"),  # a peer keeps the title
    ("Baroness Doe", "baroness doe"),
    ("Jane Doe", "jane doe"),
    ("Mr", "mr"),  # an honorific alone stays the name
]


@pytest.mark.parametrize("name,form", CASES)
def test_curated_forms_drop_the_honorifics_of_the_shared_list(name: str, form: str) -> None:
    assert _form(name) == form


def test_every_plain_honorific_of_the_data_is_dropped() -> None:
    for line in wordlists.lines("people/honorifics.txt"):
        word, _gender, kind = line.split()
        if kind in ("plain", "knight"):
            assert _form(f"{word.capitalize()} Jane Doe") == "jane doe", word
