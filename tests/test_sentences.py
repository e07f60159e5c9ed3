"""The one sentence splitter (builder/annotate/sentences.py): table rows with negative cases."""
from __future__ import annotations

import pytest

from builder.annotate.sentences import bounds, sentence_of, starts


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("He spoke. She left.", ["He spoke.", "She left."]),
        ("“Why?” he asked. Nobody knew.", ["“Why?” he asked.", "Nobody knew."]),  # lower case goes on
        ("“We will win.” – Jane Doe, minister", ["“We will win.” – Jane Doe, minister"]),  # a dash goes on
        ("Sgt. Jane Doe spoke. Maj. John Roe did not.", ["Sgt. Jane Doe spoke.", "Maj. John Roe did not."]),
        ("J. Doe arrived. Then he left.", ["J. Doe arrived.", "Then he left."]),  # an initial
        ("Wait... What? Yes!", ["Wait...", "What?", "Yes!"]),
        ("First line\nSecond line", ["First line", "Second line"]),
        ("  padded.  ", ["padded."]),
        ("", []),
    ],
)
def test_bounds(text: str, sentences: list[str]) -> None:
    assert [text[lo:hi] for lo, hi in bounds(text)] == sentences


def test_starts_cover_the_text() -> None:
    text = "One. Two.\nThree"
    assert starts(text) == [0, 5, 10]


def test_sentence_of_between_sentences_is_the_next() -> None:
    text = "One.   Two."
    assert text.__getitem__(slice(*sentence_of(text, 5))) == "Two."
