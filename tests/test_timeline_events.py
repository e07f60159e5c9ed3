"""Issue 17 on real-looking dossiers, second pass: what a desk officer still found wrong on a
dev set of real articles, each as a made-up fixture. A photo caption that carries its own
credit ("... Image: Jane Doe.") is no event and no summary; a span written with a dash is
background; a list of sources at an article's end gives no events; the outlet that
published the dossier's articles is no key actor."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builder.annotate.dates import dates_in_text
from builder.read import is_caption, parse_article
from tests.test_views import _dossier

STORY = ("Jane Doe, the mayor of Leeds, opened the new library on Friday, the council said.\n\n"
         "“It is the best thing this town has done in years, and every child will use it,” Jane Doe said.\n\n"
         "The library has 40,000 books, John Roe of the Acme Trust said.\n")


@pytest.mark.parametrize(("text", "caption"), [
    ("Jane Doe opens the library in Leeds on 1 March 2024. Image: John Roe.", True),
    ("The reading room, shortly after opening. Photo: Acme Trust", True),
    ("Pilgrims at the Grand Hall in 2008. Picture: Jane Roe/Acme Wire.", True),
    ("Jane Doe opened the library on Friday, the council said.", False),
    ("The image: a town proud of its books, Jane Doe said.", False),
])
def test_a_paragraph_that_ends_in_its_photo_credit_is_a_caption(text: str, caption: bool) -> None:
    assert is_caption(text) is caption


def test_a_caption_with_its_own_credit_is_no_event_and_no_summary(tmp_path: Path) -> None:
    text = ("Library opens in Leeds\n\nThe new library on its opening day in 2008. Image: John Roe.\n\n" + STORY)
    dossier, pages = _dossier(tmp_path, {"a.txt": text}, "articles:\n  a.txt:\n    date: 2024-03-04\n")
    assert "2008" not in {e.text for e in dossier.timeline}
    article = dossier.articles[0]
    assert article.summary is None or "Image:" not in article.summary.text
    items = pages["index.md"].split("## Articles")[1]
    assert "opening day in 2008" not in items and "Jane Doe, the mayor of Leeds" in items


@pytest.mark.parametrize(("sentence", "roles"), [
    ("The team analysed harvests over 2000 - 2050 in four countries.", ["span"]),  # ("over 2000" is no date)
    ("Harvests over 2000-2050 were modelled.", ["span"]),
    ("The exhibition runs January 23 - March 9 2014 at the museum.", ["span", "span"]),
    ("The plant closed in 1998 - the firm said so.", ["event"]),
    ("She spoke on Flag Day - February 6 - this year.", ["event", "event"]),  # an aside, no span
])
def test_a_span_written_with_a_dash_is_background(sentence: str, roles: list[str]) -> None:
    assert [r.role for r in dates_in_text(sentence, dt.date(2014, 3, 6))] == roles


def test_a_list_of_sources_at_the_end_gives_no_events(tmp_path: Path) -> None:
    text = ("Library opens in Leeds\n\n" + STORY + "\nSources\n\n"
            "\"New library opens its doors\" — Leeds Evening Clarion, March 1, 2024\n\n"
            "Jane Roe. \"Council hails library\" — Acme Radio, March 2, 2024\n\n"
            "Categories: March 1, 2024 Leeds Published Libraries Archived\n")
    dossier, _ = _dossier(tmp_path, {"a.txt": text}, "articles:\n  a.txt:\n    date: 2024-03-04\n")
    assert {e.text for e in dossier.timeline} == {"Friday"}  # the story's own event, none of the list's
    story = " ".join(b.text for b in dossier.articles[0].blocks)
    assert "Acme Radio" in story  # the list stays in the text: its names are named


def test_the_outlet_that_published_the_articles_is_no_key_actor(tmp_path: Path) -> None:
    articles = {f"{n}.txt": (f"Library news {n}\n\nJane Doe and John Roe of the Acme Trust told the Acme Wire "
                             f"that they will open library number {n} in Leeds.\n") for n in range(3)}
    yml = "defaults:\n  outlet: Acme Wire\n"
    _, pages = _dossier(tmp_path, articles, yml)
    actors = pages["index.md"].split("## Key actors")[1].split("\n## ")[0]
    assert "Jane Doe" in actors and "Acme Wire" not in actors


@pytest.mark.parametrize(("sentence", "date"), [
    ("The shuttle will go on display after its last flight, which launches June 28.", dt.date(2011, 6, 28)),
    ("The shuttle flew its last flight on March 28.", dt.date(2011, 3, 28)),
    ("The shuttle landed on June 28.", dt.date(2010, 6, 28)),
])
def test_a_date_without_its_year_is_placed_by_the_tense_of_its_verb(sentence: str, date: dt.date) -> None:
    assert [r.date for r in dates_in_text(sentence, dt.date(2011, 4, 13))] == [date]


def test_a_sentence_dated_twice_is_one_event_at_its_more_precise_date(tmp_path: Path) -> None:
    text = ("Festival opens\n\nThe lantern festival opened on Saturday and runs through March 11 this year, "
            "organisers said.\n")
    dossier, _ = _dossier(tmp_path, {"a.txt": text}, "articles:\n  a.txt:\n    date: 2024-03-04\n")
    assert sorted(e.text for e in dossier.timeline) == ["March 11", "Saturday"]  # not "this year" as well


def test_an_event_after_its_articles_date_is_expected_not_latest(tmp_path: Path) -> None:
    text = ("Library plans\n\nJane Doe opened the first wing of the Leeds library on Friday.\n\n"
            "The second wing is expected to open next month, John Roe said.\n")
    dossier, pages = _dossier(tmp_path, {"a.txt": text}, "articles:\n  a.txt:\n    date: 2024-03-04\n")
    ahead = {e.text: e.ahead for e in dossier.timeline}
    assert ahead == {"Friday": False, "next month": True}
    latest = pages["index.md"].split("## Latest events")[1].split("\n## ")[0]
    assert "first wing" in latest and "second wing" not in latest  # what is expected has not happened
    assert "*expected*" in pages["timeline/index.md"]


def test_a_quote_card_names_its_cue_only_when_the_cue_is_a_word(tmp_path: Path) -> None:
    text = ("Talks\n\n“We hope the talks will end in an agreement that every country on the river can sign,” "
            "Jane Doe, the Foreign Minister of Zorblattia, said on Monday.\n\n"
            "“We will keep talking until the river is shared fairly between all of us” – John Roe, the "
            "Acme Council's chairman.\n")
    _, pages = _dossier(tmp_path, {"a.txt": text})
    quotes = pages["quotes/index.md"]
    assert "· said" in quotes and "· –" not in quotes


def test_a_quote_stitched_from_pieces_is_no_key_quote(tmp_path: Path) -> None:
    stitched = ("Budget talks\n\n“The figures are quite consistent [...] the future of the budget is very "
                "different [...] leading to either cuts or new taxes in every region,” Jane Doe told the "
                "Acme Gazette on Monday.\n\n“We will publish every figure of the budget before the vote so that "
                "every voter can read them,” John Roe, the Acme Council's chairman, said on Monday.\n")
    _, pages = _dossier(tmp_path, {"a.txt": stitched})
    quotes = pages["index.md"].split("## Key quotes")[1].split("\n## ")[0]
    assert "We will publish every figure" in quotes and "quite consistent" not in quotes


def test_an_outlet_named_only_as_a_source_is_no_key_actor(tmp_path: Path) -> None:
    articles = {f"{n}.txt": (f"Library news {n}\n\nJane Doe and John Roe of the Acme Trust will open library number "
                             f"{n} in Leeds, according to the Acme Gazette.\n") for n in range(3)}
    _, pages = _dossier(tmp_path, articles)
    actors = pages["index.md"].split("## Key actors")[1].split("\n## ")[0]
    assert "Jane Doe" in actors and "Acme Gazette" not in actors


def test_a_later_date_of_the_same_sentence_is_not_the_first_verbs(tmp_path: Path) -> None:
    articles = {"a.txt": "Roe arrives\n\nPrime Minister John Roe arrived in Nairobi on Thursday for a trade summit.\n",
                "b.txt": "Roe back home\n\nJohn Roe arrived in Nairobi on 7 March and flew home on 12 March.\n"}
    yml = "articles:\n  a.txt: {date: 2024-03-08}\n  b.txt: {date: 2024-03-14}\n"
    dossier, _ = _dossier(tmp_path, articles, yml)
    assert dossier.discrepancies == ()  # both say 7 March; 12 March is when he flew home


def test_an_event_after_another_reports_date_is_another_event(tmp_path: Path) -> None:
    articles = {"a.txt": "Roe arrives\n\nPrime Minister John Roe arrived in Nairobi on Thursday for a trade summit.\n",
                "b.txt": "Roe returns\n\nPrime Minister John Roe arrived in Nairobi on Monday for more talks.\n"}
    yml = "articles:\n  a.txt: {date: 2024-03-08}\n  b.txt: {date: 2024-04-16}\n"
    dossier, _ = _dossier(tmp_path, articles, yml)
    assert dossier.discrepancies == ()  # a report of 8 March cannot tell of an arrival on 15 April
