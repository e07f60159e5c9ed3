"""Reading rules, as tables: furniture, credits, headlines, key points, summaries, decoding."""
from __future__ import annotations

import datetime as dt

import pytest

from builder.errors import DossierError
from builder.model import ArticleMeta, BlockKind
from builder.read import date_of_line, decode, is_credit, is_furniture, parse_article


@pytest.mark.parametrize(
    "line",
    [
        "Leave a Reply",
        "Leave a Comment",
        "Your email address will not be published. Required fields are marked *",
        "Trending",
        "Related Articles",
        "Back to top button",
        "Exit mobile version",
        "Published",
        "on",
        "Share this article",
        "Advertisement",
        "5 min read",
        "Print | Email this story",
        "Media contact: Press Office Ministry of Anytown Affairs press@example.org +44 20 0000 0000",
        "Share · Print this page · Back to top",
        "Follow us on Twitter",
        "Save my name, email, and website in this browser for the next time I comment.",
        "READ MORE: What the new sanctions mean for gas prices",
        "Related: Kyiv braces for a hard winter",
        "Sign up for our Brussels Playbook newsletter",
        "Subscribe to our daily briefing email",
        "Source: CNN",
        "This story has been updated with additional developments.",
        "© 2024 Cable News Network. All Rights Reserved.",
        "Copyright 2024 The Associated Press. All rights reserved.",
        "Image caption, Protesters gathered in the square",
        "Skip advertisement",
        "Continue reading the main story",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "This article was originally published on The Conversation.",
        "Published 3 hours ago",
        "Home | World | Business | Sport",
        "Terms of use | Privacy policy | Cookie settings",
        "News · Sport · Weather",
        "Facebook Twitter Email",
        "Share: X, LinkedIn, WhatsApp",
        "Enter your email address",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The minister published the report on Monday.",
        "Trending topics dominated the debate in parliament, officials said.",
        "Share prices fell 4% after the announcement.",
        "Related talks will continue next week in Geneva.",
        "Comments made by the senator drew criticism.",
        "More than 300 people signed up for the newsletter, the company said.",
        "Sign up rates rose sharply after the campaign.",
        "Read more into the decision than the facts allow, critics warned.",
        "Watch: the minister said the video was fake.",
        "Source: a senior official who asked not to be named said the talks had failed after midnight.",
        "This story has been told many times, but never by the survivors themselves, who say it matters.",
        "The vote was 52 | 48 in the end, officials said.",
        "Email and Twitter were down for hours on Monday, the company said.",
        "Media contact with the minister was limited to one call, aides said.",
        "Print | email | share: the three buttons every newspaper site has, a designer said.",
        "X and Facebook removed the posts.",
    ],
)
def test_story_lines_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Leon Neal/AP",
        "Mark Schiefelbein/AP",
        "Jane Doe / Reuters",
        "AFP/Getty Images",
        "Win McNamee/Getty Images",
        "Photo: Jane Doe",
        "ABC News’ Tanya Stukalova and Joe Simonetti contributed to this report.",
        "The Associated Press contributed to this report.",
        "Reporting by Jane Doe; Editing by John Smith",
        "By Jane Doe",
        "Image source, Getty Images",
        "Jane Doe is a senior correspondent at the BBC.",
    ],
)
def test_credit_lines(line: str) -> None:
    assert is_credit(line)


@pytest.mark.parametrize(
    "line",
    [
        "The 24/7 news cycle has changed politics.",
        "Prices rose 3% year on year, the agency said.",
        "By Tuesday, the ceasefire had collapsed.",
        "He said the report contributed to the confusion over the plan.",
        "Kyiv and Moscow traded accusations on Monday.",
        "Evan Gershkovich is a reporter for The Wall Street Journal who has been detained since March.",
    ],
)
def test_story_lines_are_not_credits(line: str) -> None:
    assert not is_credit(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("September 11, 2024", dt.date(2024, 9, 11)),
        ("Published on Sept. 11, 2024", dt.date(2024, 9, 11)),
        ("11 September 2024", dt.date(2024, 9, 11)),
        ("Updated: 2024-11-18", dt.date(2024, 11, 18)),
        ("Wednesday, September 11, 2024 at 10:30 am EDT", dt.date(2024, 9, 11)),
        ("Updated 7:45 PM EDT, Fri October 25, 2024", dt.date(2024, 10, 25)),
        ("Published 10:02 BST, 3 June 2024", dt.date(2024, 6, 3)),
        ("The talks ended on September 11, 2024.", None),
        ("September 2024 was the hottest month.", None),
        ("February 31, 2024", None),
    ],
)
def test_date_widget_lines(line: str, expected: dt.date | None) -> None:
    assert date_of_line(line) == expected


def _article(text: str, name: str = "a.txt", meta: ArticleMeta = ArticleMeta()):  # type: ignore[no-untyped-def]
    article = parse_article(text, name, meta)
    for block in article.text_blocks:  # offsets always point at the text they claim
        assert article.source_text[block.start : block.start + len(block.text)].replace("\n", " ") == block.text
    return article


def test_headline_becomes_title_and_story_keeps_paragraphs() -> None:
    article = _article("Senate passes budget bill\n\nThe Senate passed the bill on Monday.\nIt now goes to the House.\n")
    assert article.title == "Senate passes budget bill"
    assert not article.title_derived
    assert [b.text for b in article.blocks] == ["The Senate passed the bill on Monday.", "It now goes to the House."]


def test_headline_printed_twice_appears_once() -> None:
    text = "Court blocks merger\n\nCourt blocks merger\n\nA federal judge blocked the deal.\n"
    article = _article(text)
    assert article.title == "Court blocks merger"
    assert [b.text for b in article.blocks] == ["A federal judge blocked the deal."]
    assert article.furniture == ("Court blocks merger",)


def test_opening_bullets_are_key_points_not_a_title() -> None:
    text = "- Rates stay on hold.\n- Inflation eases.\nThe central bank kept rates unchanged.\nMarkets Brace for a Long Pause\nTraders expect no cut.\n"
    article = _article(text)
    assert [b.text for b in article.key_points] == ["Rates stay on hold.", "Inflation eases."]
    assert article.title_derived
    assert article.title == "Markets Brace for a Long Pause"
    assert article.headline is None


def test_derived_title_falls_back_to_first_key_point() -> None:
    article = _article("* Rates stay on hold.\n* Inflation eases.\nThe central bank kept rates unchanged.\n")
    assert article.title == "Rates stay on hold"


def test_furniture_section_label_and_date_widget_leave_the_story() -> None:
    text = (
        "Business\n\nChipmaker posts record profit\n\nPublished\n\non\n\nSeptember 3, 2025\n\n"
        "The company reported record quarterly profit.\n\nLeave a Reply\n\nTrending\n"
    )
    article = _article(text)
    assert article.title == "Chipmaker posts record profit"
    assert [b.text for b in article.blocks] == ["The company reported record quarterly profit."]
    assert set(article.furniture) >= {"Business", "Published", "on", "Leave a Reply", "Trending"}
    assert article.meta.date == dt.date(2025, 9, 3)


def test_lines_after_a_related_marker_that_read_like_links_are_furniture() -> None:
    text = "Title here\n\nStory paragraph one.\n\nRelated Articles\n\nAnother Story About Something\n\nYet another headline\n"
    article = _article(text)
    assert [b.text for b in article.blocks] == ["Story paragraph one."]


def test_credits_are_kept_apart() -> None:
    text = "Title here\n\nThe minister arrived.\n\nJane Doe/AP\n\nMore text follows.\n\nReuters contributed to this report.\n"
    article = _article(text)
    assert article.credits == ("Jane Doe/AP", "Reuters contributed to this report.")
    assert [b.text for b in article.blocks] == ["The minister arrived.", "More text follows."]


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        ("Headline Here\n\nExplore what the deal means for you.\n\nThe deal was signed.\n", "Explore what the deal means for you."),
        (
            "Headline Here\n\nA short standfirst about the deal.\n\nPublished\n\nA Cross Heading Here\n\nThe deal was signed.\n",
            "A short standfirst about the deal.",
        ),
        ("Headline Here\n\nThe deal was signed on Monday.\n\nIt takes effect in May.\n", None),
    ],
)
def test_standfirst_becomes_summary(text: str, summary: str | None) -> None:
    article = _article(text)
    assert (article.summary.text if article.summary else None) == summary


def test_bullets_inside_the_story_are_kept() -> None:
    text = "Title here\n\nThe plan has two parts:\n  • a tax cut\n  • a spending freeze\n\nCritics object.\n"
    article = _article(text)
    assert [b.kind for b in article.blocks] == [BlockKind.PARAGRAPH, BlockKind.BULLET, BlockKind.BULLET, BlockKind.PARAGRAPH]


def test_cross_headings_and_question_headings() -> None:
    text = "Title here\n\nFirst paragraph of the story.\n\nWhy did the talks fail?\n\nBecause nobody came.\n"
    article = _article(text)
    assert [b.kind for b in article.blocks] == [BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH]


def test_hard_wrapped_paragraphs_are_joined_with_exact_offsets() -> None:
    text = "Title here\n\nThe committee met on Monday and\ndecided to delay the vote until\nnext week.\n\nA second paragraph.\n"
    article = _article(text)
    assert [b.text for b in article.blocks] == [
        "The committee met on Monday and decided to delay the vote until next week.",
        "A second paragraph.",
    ]


def test_markdown_front_matter_sets_metadata() -> None:
    text = "---\ntitle: Given title\noutlet: The Paper\ndate: 2024-05-01\nurl: https://example.org/a\n---\n# Printed headline\n\nBody text.\n"
    article = _article(text, "a.md")
    assert article.title == "Given title"
    assert article.meta.outlet == "The Paper"
    assert article.meta.date == dt.date(2024, 5, 1)
    assert [b.text for b in article.blocks] == ["Body text."]


def test_dossier_metadata_is_used_when_front_matter_is_silent() -> None:
    article = _article("Headline\n\nBody.\n", meta=ArticleMeta(outlet="Wire", date=dt.date(2024, 1, 2)))
    assert (article.meta.outlet, article.meta.date) == ("Wire", dt.date(2024, 1, 2))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: [unclosed\n---\nBody.\n", "a.md:2: malformed front matter"),
        ("---\ntitle: x\nBody.\n", "a.md:1: front matter opened with '---' is never closed"),
        ("---\n- a list\n---\nBody.\n", "a.md:2: front matter must be a mapping"),
        ("---\ndate: yesterday\n---\nBody.\n", "a.md: metadata field 'date' must be a date"),
        ("---\ncolour: red\n---\nBody.\n", "a.md: unknown metadata field(s) colour"),
    ],
)
def test_bad_front_matter_is_reported_with_file_and_line(text: str, message: str) -> None:
    with pytest.raises(DossierError, match="^" + message.replace("[", r"\[").replace("(", r"\(").replace(")", r"\)")):
        parse_article(text, "a.md")


@pytest.mark.parametrize(
    ("data", "text", "warning"),
    [
        (b"\xef\xbb\xbfHello\r\nWorld\r\n", "Hello\nWorld\n", None),
        (b"Old\rMac\r", "Old\nMac\n", None),
        (b"A\x00B\n", "AB\n", "a.txt:1: NUL bytes removed"),
        (b"line one\ncaf\xe9\n", "line one\ncafé\n", "a.txt:2: not valid UTF-8"),
    ],
)
def test_decoding(data: bytes, text: str, warning: str | None) -> None:
    decoded, warnings = decode(data, "a.txt")
    assert decoded == text
    assert (warnings[0].startswith(warning) if warning else warnings == ())


def test_empty_file_warns_instead_of_crashing() -> None:
    article = _article("   \n\n")
    assert article.blocks == ()
    assert article.warnings == ("a.txt: no story text found",)
