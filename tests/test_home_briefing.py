"""The home page as a briefing on a dossier of many stories: the latest events come from
several articles (at most two from one, so the newest story does not fill the list), and
counts read as English ("1 article", not "1 articles") in the graph's list, its tooltips
and the Who's who."""
from __future__ import annotations

from pathlib import Path

from tests.test_views import _dossier

BUSY = ("Council meets in Leeds\n\n"
        "Jane Doe, the mayor of Leeds, opened the new library on Monday, the council said.\n\n"
        "The council met on Tuesday to discuss the budget, John Roe of the Acme Trust said.\n\n"
        "The library closed on Wednesday for repairs, the council said.\n\n"
        "Workers fixed the roof on Thursday, Jane Doe said.\n\n"
        "The library opened again on Friday, John Roe said.\n\n"
        "Jane Doe visited York on Saturday, the council said.\n")
QUIET = ("Ferry resumes in Hull\n\nThe Acme ferry sailed from Hull again on Monday, Mary Stone of Acme Ferries said.\n\n"
         "Mary Stone met John Roe in Hull on Tuesday, Acme Ferries said.\n")
CALM = ("Bridge reopens in York\n\nThe Acme bridge in York reopened on Monday, Jane Roe of the council said.\n\n"
        "Jane Roe crossed the bridge in York on Tuesday, the council said.\n")
YML = ("articles:\n  busy.txt:\n    date: 2024-03-10\n  quiet.txt:\n    date: 2024-03-06\n"
       "  calm.txt:\n    date: 2024-03-07\n")


def _latest(pages: dict[str, str]) -> list[str]:
    latest = pages["index.md"].split("## Latest events")[1].split("\n## ")[0]
    return [line for line in latest.splitlines() if line.startswith("- ")]


def test_latest_events_come_from_several_articles(tmp_path: Path) -> None:
    _, pages = _dossier(tmp_path, {"busy.txt": BUSY, "quiet.txt": QUIET, "calm.txt": CALM}, YML)
    items = _latest(pages)
    assert len(items) == 6 and sum("Council meets in Leeds" in line for line in items) == 2
    assert any("Ferry resumes in Hull" in line for line in items)


def test_one_busy_article_still_fills_the_list(tmp_path: Path) -> None:
    _, pages = _dossier(tmp_path, {"busy.txt": BUSY, "quiet.txt": QUIET}, YML)
    items = _latest(pages)
    assert len(items) == 6 and sum("Council meets in Leeds" in line for line in items) == 4


def test_one_article_is_one_article(tmp_path: Path) -> None:
    _, pages = _dossier(tmp_path, {"busy.txt": BUSY, "quiet.txt": QUIET}, YML)
    home, whos_who = pages["index.md"], pages["entities/index.md"]
    assert "(1 articles)" not in home and "1 articles)" not in whos_who
    assert "(1 article)" in whos_who


def test_key_quotes_favour_the_most_quoted_speakers_not_the_alphabet(tmp_path: Path) -> None:
    said = ("“The new library will change this town for every child who walks through its doors this year,” "
            "{name} said.\n\n")
    many = "Zoe Young speaks in Leeds\n\n" + "".join(
        said.replace("this year", f"this year and in year {n}").format(name="Zoe Young") for n in range(3))
    topics = ("bridge over the river", "harbour for the ferries", "market in the old square", "museum of trams")
    few = [f"A {topic} for York\n\n“The {topic} will change this town for every family who uses it from the "
           f"spring,” {name} said.\n\n"
           for topic, name in zip(topics, ("Adam Abbot", "Bella Acre", "Carl Adair", "Dora Aiken"))]
    articles = {"z.txt": many, **{f"{n}.txt": text for n, text in enumerate(few)}}
    _, pages = _dossier(tmp_path, articles)
    cards = pages["index.md"].split("## Key quotes")[1].split("\n## ")[0]
    assert "Zoe Young" in cards
