"""Whole articles in news styles the other house-style tests do not cover, written for
these tests with made-up names: AP wire copy with several speakers and an official
'speaking on condition of anonymity' (a named official earlier in the story is not that
one), a US press briefing with posts on social media, UK politics with a No 10
spokesman, a source close to a minister, 'allies of' and 'friends of' a minister (their
words, not the minister's) and organisations as speakers ('The British Chambers of
Commerce said' is that organisation, not a person 'Chambers'), and a government press
release with a quote block after 'Skills Minister Jane Doe said:'.

Each quote: its speaker as a careful reader gives it, or UNSURE (no speaker is shown:
the text names no one, or the builder is not sure), optionally with how the text
describes an unnamed speaker."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.pipeline import annotate
from builder.read import read_article

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
UNSURE = None

EXPECTED: dict[str, list[tuple[str, str | None] | tuple[str, None, str]]] = {
    "ap_wire.txt": [
        ("We are not going to be rushed", "Harold Quist"),
        ("If it takes another week", "Harold Quist"),
        ("a blank check", "Harold Quist"),
        ("walked away from the table", "Marisol Ortega"),
        ("They keep moving the line", "Marisol Ortega"),
        ("At some point you have to take yes", "Marisol Ortega"),
        ("a long way to go", "Greg Tanner"),
        # 'A senior administration official said ... "...," the official said, speaking on
        # condition of anonymity': that unnamed official, never the named one before
        ("There is a deal to be had here", UNSURE),
        ("believes the votes are there", "Keisha Brandt"),
        ("It comes down to one paragraph", UNSURE),  # 'said one of them, who requested anonymity'
        ("We just want them to do their jobs", "Tom Reyes"),
    ],
    "us_briefing.txt": [
        ("The president made a judgment", "Carla Benning"),
        ("He is not going to apologize", "Carla Benning"),
        ("I'm not going to get ahead", "Carla Benning"),
        ("in constant contact", "Carla Benning"),
        ("Another flip-flop", "Ray Holloway"),  # 'Holloway wrote on X'
        ("Chaos is not a trade policy", "Anita Desai"),  # 'Rep. Anita Desai, D-Calif., posted on Threads:'
        ("We will have more to say", "Carla Benning"),  # 'the press secretary told reporters:'
        ("smart and strong", "Gordon Blake"),  # 'In a post on his own platform, President Gordon Blake wrote'
        ("know nothing about deals", "Gordon Blake"),
        ("Nobody here was surprised", UNSURE, "a White House official"),
        ("welcome relief", "Consumer Technology Alliance"),
    ],
    "uk_politics.txt": [
        ("The Prime Minister has full confidence", UNSURE, "a No 10 spokesman"),
        ("cooked up in the Treasury", UNSURE, "a source close to the Business Secretary"),
        ("determined to hold her nerve", UNSURE, "allies of Ms Marsh"),  # not Ms Marsh herself
        ("She has been here before", UNSURE, "one ally"),
        ("a hammer blow for small firms", "British Chambers of Commerce"),  # not 'Chambers'
        ("Thousands of shops will simply close", "Federation of Small Businesses"),
        ("furious", UNSURE, "friends of the Business Secretary"),  # not Whitcombe himself
        ("The Chancellor's plan is the right one", "Downing Street"),
        ("This is a government at war with itself", "Tom Hadley"),
        ("Businesses need certainty", "Tom Hadley"),
        ("I am not going anywhere", UNSURE),  # 'the PM': no prime minister is named in the story
        ("It is her last chance", UNSURE, "a senior Conservative source"),
        ("We do not comment on speculation", UNSURE, "a Treasury spokeswoman"),
        ("The Chancellor must think again", "Giles Brandon"),
    ],
    "gov_block.txt": [
        ("Every young person should have the chance", "Helen Carver"),  # a block of two quoted paragraphs
        ("Our members have told us", "Martin Osei"),  # 'The Chief Executive of the Green Energy Council, Martin Osei, said:'
        ("people of every age", "Joanna Pike"),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_news_style(name: str) -> None:
    annotation = annotate(read_article(FIXTURES / name))
    quotes = sorted(annotation.quotes, key=lambda q: q.start)
    want = EXPECTED[name]
    got = []
    for quote, row in zip(quotes, want):
        seen: tuple[str, str | None] | tuple[str, None, str | None] = (quote.text[: len(row[0])], quote.speaker_name)
        if len(row) == 3:
            seen = (*seen, quote.description)
        got.append(seen)
    assert got == want and len(quotes) == len(want), [(q.text[:40], q.speaker_name, q.description) for q in quotes]


def test_a_quote_block_after_said_colon_is_one_statement() -> None:
    """'Skills Minister Jane Doe said:' then two paragraphs, each opened, closed on the last."""
    annotation = annotate(read_article(FIXTURES / "gov_block.txt"))
    first = min(annotation.quotes, key=lambda q: q.start)
    assert first.text.count("\n\n") == 1 and first.kind == "full"


def test_the_rt_hon_is_an_honorific_not_an_organisation() -> None:
    """GOV.UK style 'The Rt Hon Jane Doe MP, Secretary of State for Education, said:': her
    words, not an unnamed speaker for an organisation named 'Rt Hon Jane Doe'."""
    from builder.annotate.entities import find_entities
    from builder.annotate.quotes import find_quotes
    from builder.read import parse_article

    text = ("Head line here\n\nThe scheme opens today.\n\nThe Rt Hon Jane Doe MP, Secretary of State for Education, "
            "said:\n\n\"This is a great day for young people.\"\n")
    article = parse_article(text, "a.txt")
    entities, mentions = find_entities(article)
    (quote,) = find_quotes(article, entities, mentions)[0]
    assert quote.speaker_name is not None and quote.speaker_name.startswith("Jane Doe") and quote.description is None
    assert not any("Rt" in e.name.split() or "Hon" in e.name.split() for e in entities)
