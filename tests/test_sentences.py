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
        ("Acme Corp. said no. Then it left.", ["Acme Corp. said no.", "Then it left."]),  # "no" ends one
        ("He lives at No. 10 Acme Road. Then he left.", ["He lives at No. 10 Acme Road.", "Then he left."]),
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


def test_one_abbreviation_list_feeds_the_splitter_and_the_tokenizer() -> None:
    from builder import wordlists
    from builder.annotate.spans import tokens

    assert wordlists.abbreviations()["brig"] == "" and wordlists.abbreviations()["no"] == "number"
    assert [t.text for t in tokens("Brig. Jane Doe")][:2] == ["Brig.", "Jane"]
    assert len(bounds("Brig. Jane Doe spoke.")) == 1
