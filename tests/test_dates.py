"""Date extraction, as tables: absolute and relative dates, resolution, negatives, sentences."""
from __future__ import annotations

import datetime as dt

import pytest

from builder.annotate.dates import dates_in_text, find_dates
from builder.annotate.sentences import sentence_of
from builder.model import ArticleMeta
from builder.read import parse_article

D = dt.date
WED = D(2024, 9, 11)  # a Wednesday
NOV = D(2024, 11, 18)  # a Monday


def found(text: str, published: dt.date | None = None) -> list[tuple[str, dt.date | None, str]]:
    return [(r.text, r.date, r.precision) for r in dates_in_text(text, published)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The talks were held on September 10, 2024 in London.", [("September 10, 2024", D(2024, 9, 10), "day")]),
        ("They arrived Wednesday, Sept. 11, 2024 in Kyiv.", [("Wednesday, Sept. 11, 2024", D(2024, 9, 11), "day")]),
        ("It opened on 11 September 2024.", [("11 September 2024", D(2024, 9, 11), "day")]),
        ("It opened on the 11th of September, 2024.", [("11th of September, 2024", D(2024, 9, 11), "day")]),
        ("Russia invaded in February 2022.", [("February 2022", D(2022, 2, 1), "month")]),
        ("The file is dated 2024-09-11.", [("2024-09-11", D(2024, 9, 11), "day")]),
        ("Sales fell in 2023.", [("2023", D(2023, 1, 1), "year")]),
        ("Prices have doubled since 2019, officials said.", [("2019", D(2019, 1, 1), "year")]),
        ("Output peaked in mid-2021.", [("2021", D(2021, 1, 1), "year")]),
        ("The war lasted from 2014 to 2022.", [("2014", D(2014, 1, 1), "year"), ("2022", D(2022, 1, 1), "year")]),
        ("Between 2019 and 2022, prices doubled.", [("2019", D(2019, 1, 1), "year"), ("2022", D(2022, 1, 1), "year")]),
        ("A March 2023 report found 400 flaws.", [("March 2023", D(2023, 3, 1), "month")]),
        ("Trump left office in January 2021.", [("January 2021", D(2021, 1, 1), "month")]),
        ("Talks ran on Sept. 10-12, 2024.", [("Sept. 10-12, 2024", D(2024, 9, 10), "day")]),
        ("The vote is on Tue., Nov. 5, 2024.", [("Tue., Nov. 5, 2024", D(2024, 11, 5), "day")]),
        ("SEPTEMBER 11, 2024: the day in brief", [("SEPTEMBER 11, 2024", D(2024, 9, 11), "day")]),
        ("Elections are due in May 2024.", [("May 2024", D(2024, 5, 1), "month")]),
    ],
)
def test_absolute_dates(text: str, expected: list[tuple[str, dt.date, str]]) -> None:
    assert found(text) == expected
    assert found(text, WED) == expected  # a publication date changes nothing


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian forces may fire American-made missiles.",
        "May God protect them, he said.",
        "Protesters began a march on parliament.",
        "Thousands joined the March on Washington anniversary.",
        "Blinken will hold a press conference at 12 p.m. ET.",
        "As many as 12,000 North Korean soldiers have been sent.",
        "Officials said 2024 troops were deployed.",
        "The fire destroyed 2000 homes in 2000 cases reviewed.",
        "He finished 11th in the race and 3rd overall.",
        "The brigade lost 15 tanks and 30 men.",
        "Sales rose 2.5% to $2,024 million in the quarter.",
        "It was the 1990s, and he read USA Today.",
        "Shoppers flocked to stores on Black Friday.",
        "He wrote for the Sunday Times.",
        "The mosque fills every Friday.",
        "The meeting on February 30, 2024 never happened.",
        "He spent the last week of the campaign in Kyiv.",
        "Prime Minister Theresa May said the deal was done.",
        "The 2022 invasion changed Europe.",
    ],
)
def test_not_dates(text: str) -> None:
    assert found(text, WED) == []


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # weekdays: the most recent one on or before publication, unless the sentence looks ahead
        ("Blinken arrived in Kyiv on Wednesday morning.", WED, [("Wednesday morning", WED, "day")]),
        ("Zelenskyy wrote on Telegram on Sunday.", WED, [("Sunday", D(2024, 9, 8), "day")]),
        ("On Thursday, officials said nothing.", WED, [("Thursday", D(2024, 9, 5), "day")]),
        ("Peskov told journalists at a Wednesday briefing that he expects a deal.", WED, [("Wednesday", WED, "day")]),
        ("He is expected to meet Starmer on Friday.", WED, [("Friday", D(2024, 9, 13), "day")]),
        ("The leaders will meet on Friday.", WED, [("Friday", D(2024, 9, 13), "day")]),
        ("On Friday, Biden will meet Starmer.", WED, [("Friday", D(2024, 9, 13), "day")]),
        ("The vote is scheduled for Wednesday.", WED, [("Wednesday", WED, "day")]),
        ("The talks, which began on Monday, will end soon.", WED, [("Monday", D(2024, 9, 9), "day")]),
        ("He left last Wednesday.", WED, [("last Wednesday", D(2024, 9, 4), "day")]),
        ("They meet again next Monday.", WED, [("next Monday", D(2024, 9, 16), "day")]),
        ("He arrived on Friday.", None, [("Friday", None, "day")]),
        ("The decision is due on Friday, a spokesman said on Tuesday.", WED,
         [("Friday", D(2024, 9, 13), "day"), ("Tuesday", D(2024, 9, 10), "day")]),
        ("The ruling comes ahead of Tuesday's vote.", WED, [("Tuesday", D(2024, 9, 17), "day")]),
        ("Police said the suspect was arrested Saturday night.", WED, [("Saturday night", D(2024, 9, 7), "day")]),
        # today, yesterday, weeks, months, years
        ("Today the council met; yesterday it did not; tomorrow it will.", WED,
         [("Today", WED, "day"), ("yesterday", D(2024, 9, 10), "day"), ("tomorrow", D(2024, 9, 12), "day")]),
        ("Sirens sounded last night.", WED, [("last night", D(2024, 9, 10), "day")]),
        ("They visit Kyiv this week and Paris next week.", WED,
         [("this week", D(2024, 9, 9), "week"), ("next week", D(2024, 9, 16), "week")]),
        ("He said that last week prices fell.", WED, [("last week", D(2024, 9, 2), "week")]),
        ("The plan was drafted last month.", WED, [("last month", D(2024, 8, 1), "month")]),
        ("Growth slowed last year.", WED, [("last year", D(2023, 1, 1), "year")]),
        ("The deal was signed two weeks ago.", WED, [("two weeks ago", D(2024, 8, 26), "week")]),
        ("The deal was signed three days ago.", WED, [("three days ago", D(2024, 9, 8), "day")]),
        ("The paper reported it 10 years ago.", WED, [("10 years ago", D(2014, 1, 1), "year")]),
        ("They met this week.", None, [("this week", None, "week")]),
        # a month alone, after a cue
        ("The missiles were sent to Ukraine in March.", NOV, [("March", D(2024, 3, 1), "month")]),
        ("As of late April, they had been used twice.", NOV, [("April", D(2024, 4, 1), "month")]),
        ("In December, the army retreated.", WED, [("December", D(2023, 12, 1), "month")]),
        ("Elections are held in October.", WED, [("October", D(2024, 10, 1), "month")]),
        ("The law will take effect in March.", NOV, [("March", D(2025, 3, 1), "month")]),
        ("Fighting raged from March to May.", NOV, [("March", D(2024, 3, 1), "month"), ("May", D(2024, 5, 1), "month")]),
        ("Prices rose last March.", D(2024, 3, 20), [("last March", D(2023, 3, 1), "month")]),
        ("The region was invaded in August.", None, [("August", None, "month")]),
        # a date without its year
        ("The talks were held on September 10 in London.", WED, [("September 10", D(2024, 9, 10), "day")]),
        ("The talks were held on December 2 in London.", WED, [("December 2", D(2023, 12, 2), "day")]),
        ("Trump, who takes office on January 20, pledged peace.", NOV, [("January 20", D(2025, 1, 20), "day")]),
        ("Trump took office on January 20.", NOV, [("January 20", D(2024, 1, 20), "day")]),
        ("The talks were held on September 10.", None, [("September 10", None, "day")]),
    ],
)
def test_relative_dates(text: str, published: dt.date | None, expected: list[tuple[str, dt.date | None, str]]) -> None:
    assert found(text, published) == expected


def test_offsets_are_absolute_in_the_source_text() -> None:
    text = (
        "Blinken arrives in Kyiv on Wednesday\n\n"
        "LONDON — Blinken arrived in Kyiv on Wednesday morning after talks on Sept. 10, 2024.\n\n"
        "The pair plan to report back next week.\n"
    )
    article = parse_article(text, "a.txt", ArticleMeta(date=WED))
    refs = find_dates(article)
    assert [r.text for r in refs] == ["Wednesday", "Wednesday morning", "Sept. 10, 2024", "next week"]
    for ref in refs:
        assert article.source_text[ref.start : ref.end] == ref.text
    assert [r.start for r in refs] == sorted(r.start for r in refs)
    assert refs[1].date == WED and refs[3].date == D(2024, 9, 16)
    assert find_dates(article, D(2024, 9, 13))[1].date == D(2024, 9, 11)  # the caller's date wins
    undated = parse_article(text, "a.txt", ArticleMeta())
    assert [r.date for r in find_dates(undated)] == [None, None, D(2024, 9, 10), None]


def test_deterministic() -> None:
    text = "On Friday, Biden will meet Starmer. He met Macron on Tuesday, Sept. 10, 2024."
    assert dates_in_text(text, WED) == dates_in_text(text, WED)


@pytest.mark.parametrize(
    "text, pos, sentence",
    [
        ("He spoke. She left.", 12, "She left."),
        ("The U.S. Secretary of State arrived. Talks began.", 5, "The U.S. Secretary of State arrived."),
        ("Mr. Smith met Dr. Jones on Sept. 11 in Kyiv. Then he left.", 30, "Mr. Smith met Dr. Jones on Sept. 11 in Kyiv."),
        ("The briefing starts at 12 p.m. ET today. It is open.", 3, "The briefing starts at 12 p.m. ET today."),
        ("“We are working that out right now.” He smiled.", 40, "He smiled."),
        ("“Why?” he asked. Nobody knew.", 10, "“Why?” he asked."),
        ("J. D. Vance spoke. Then Trump.", 2, "J. D. Vance spoke."),
        ("No full stop here", 4, "No full stop here"),
    ],
)
def test_sentence_of(text: str, pos: int, sentence: str) -> None:
    start, end = sentence_of(text, pos)
    assert text[start:end] == sentence
