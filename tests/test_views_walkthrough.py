"""Issue 17, a desk officer's walk through the built views, third pass: what still misled on
the dev sets, each as a made-up fixture."""
from __future__ import annotations

from pathlib import Path

from builder.render import views
from tests.test_views import _dossier

STORY = ("Jane Doe, the mayor of Leeds, opened the new library on Friday, the council said.\n\n"
         "The library has 40,000 books, John Roe of the Acme Trust said.\n")


def test_an_outlets_copy_of_its_own_story_is_listed_once_on_the_sources_page(tmp_path: Path) -> None:
    articles = {"a.txt": "Library opens in Leeds\n\n" + STORY, "b.txt": "Library opens in Leeds\n\n" + STORY}
    yml = "defaults:\n  outlet: Acme Wire\n"
    dossier, pages = _dossier(tmp_path, articles, yml)
    assert len(dossier.copy_of) == 1
    acme = pages["sources/index.md"].split("## Acme Wire")[1].split("\n## ")[0]
    assert acme.count("Published ") == 1


def test_a_capped_list_of_undated_articles_says_where_the_rest_are_not_older(
        tmp_path: Path, monkeypatch: object) -> None:
    import pytest
    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(views, "SOURCE_ARTICLES_SHOWN", 2)
    articles = {f"{n}.txt": f"Library news {n}\n\nJane Doe opened library number {n} in Leeds.\n" for n in range(4)}
    _, pages = _dossier(tmp_path, articles, "defaults:\n  outlet: Acme Wire\n")
    acme = pages["sources/index.md"].split("## Acme Wire")[1].split("\n## ")[0]
    assert "older" not in acme and "dossier.json" not in acme  # undated: "older" means nothing
    assert "2 more" in acme and "](../articles/index.md)" in acme  # the Articles page lists them all


def test_a_discrepancy_names_both_sources_even_without_an_outlet(tmp_path: Path) -> None:
    from tests.test_views import VISIT

    yml = ("articles:\n  a.txt:\n    date: 2024-03-06\n    outlet: Daily Wire Service\n"
           "  b.txt:\n    date: 2024-03-06\n    url: https://news.example.org/2024/03/06/talks\n")
    _, pages = _dossier(tmp_path, VISIT, yml)
    entry = pages["discrepancies/index.md"].split("!!! warning")[1]
    assert "Monday 4 March 2024" in entry and "Tuesday 5 March 2024" in entry  # the resolved dates
    assert "(Daily Wire Service)" in entry and r"(news\.example\.org)" in entry
    _, pages = _dossier(tmp_path / "2", VISIT, "articles:\n  a.txt:\n    date: 2024-03-06\n"
                        "  b.txt:\n    date: 2024-03-06\n")
    entry = pages["discrepancies/index.md"].split("!!! warning")[1]
    assert entry.count("outlet not given") == 2 and "`a.txt`" in entry and "`b.txt`" in entry


def test_key_quotes_give_another_speaker_before_a_second_quote_of_one(
        tmp_path: Path, monkeypatch: object) -> None:
    """A second speaker of an article already quoted comes before the first speaker's
    second quote: several speakers first, then several articles."""
    import pytest
    from builder.render import home
    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(home, "HOME_QUOTES", 2)
    said = "“We will keep every library in this city open for as long as the people of Leeds want them,” {} said."
    articles = {
        "a.txt": "Libraries stay open\n\n" + said.format("Jane Doe") + "\n\n"
                 + "“The trust will pay for the books and the staff of the new library for ten more years,” "
                 "John Roe said.\n",
        "b.txt": "Bridge repairs begin\n\nWork on the old bridge over the river began on Monday.\n\n"
                 "“The bridge will be closed to cars for six weeks while the engineers replace its deck,” "
                 "Jane Doe said.\n",
        "c.txt": "Budget agreed\n\nThe council agreed its budget for the coming year after a long debate.\n\n"
                 "“No school in the county will lose a teacher because of this budget, and none will close,” "
                 "Jane Doe said.\n",
    }
    _, pages = _dossier(tmp_path, articles)
    quotes = pages["index.md"].split("## Key quotes")[1].split("\n## ")[0]
    assert "Jane Doe" in quotes and "John Roe" in quotes


def test_a_timeline_line_does_not_repeat_a_date_written_as_it_is_shown(tmp_path: Path) -> None:
    text = ("Library opens in Leeds\n\nJane Doe opened the library on Friday, the council said.\n\n"
            "The old library closed in February 2022 after a flood.\n\nThe town hall was built in 1998.\n")
    _, pages = _dossier(tmp_path, {"a.txt": text}, "articles:\n  a.txt:\n    date: 2024-03-04\n")
    timeline = pages["timeline/index.md"]
    assert "**February 2022**:" in timeline and "(February 2022)" not in timeline
    assert "**1998**:" in timeline and "(1998)" not in timeline
    assert "**1 March 2024** (Friday):" in timeline  # a date written otherwise still says how


def test_the_graph_shows_who_appears_with_the_main_actors_not_names_picked_by_the_alphabet(
        tmp_path: Path) -> None:
    articles = {
        "a.txt": "Talks in Leeds\n\nJane Doe met John Roe in Leeds to talk about the library.\n",
        "b.txt": "More talks in Leeds\n\nJane Doe and John Roe met Maria Lopez again, with the Zorblatt Trust.\n",
        "c.txt": "Harvest fair\n\nThe Acme Growers Guild and Anna Able opened the harvest fair in Hull.\n",
    }
    _, pages = _dossier(tmp_path, articles)
    home = pages["index.md"]
    graph = home.split("## Who appears with whom")[1].split("\n## ")[0]
    assert "Jane Doe" in graph and "John Roe" in graph and "Maria Lopez" in graph
    assert "Anna Able" not in graph and "Acme Growers Guild" not in graph  # one article, with no main actor


def test_appears_with_lists_its_full_share_when_a_hidden_entity_is_named_more(tmp_path: Path) -> None:
    """A hidden entity leaves no gap in the list: the next one takes its place."""
    from builder.render import entity as entity_render

    folder = tmp_path / "d"
    articles = {f"{n}.txt": f"Talks number {n}\n\nJane Doe met John Roe and Acme Trust officials in Leeds"
                            + (" with Maria Lopez" if n == 0 else "") + ".\n" for n in range(3)}
    yml = "articles: {}\n"
    (folder / "dossier").mkdir(parents=True)
    (folder / "dossier" / "entities.yml").write_text("- name: John Roe\n  type: person\n  hidden: true\n", encoding="utf-8")
    import pytest
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(entity_render, "APPEARS_WITH_SHOWN", 2)
        _, pages = _dossier(folder, articles, yml)
    doe = pages["entities/jane-doe.md"].split("## Appears with")[1].split("\n## ")[0]
    assert doe.count("\n- ") == 2 and "John Roe" not in doe


def test_the_quotes_page_shows_a_speakers_whole_quotes_before_the_fragments(
        tmp_path: Path, monkeypatch: object) -> None:
    import pytest
    from builder.render import home
    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(home, "QUOTES_PER_SPEAKER", 2)
    text = ("Mayor speaks\n\nJane Doe called the plan “a disgrace” and “a waste” on Monday.\n\n"
            "She said it was “badly made”.\n\n"
            "“We will build the new library in Leeds whatever the council decides about the money,” "
            "Jane Doe said.\n")
    _, pages = _dossier(tmp_path, {"a.txt": text})
    doe = pages["quotes/index.md"].split("## Jane Doe")[1].split("\n## ")[0]
    assert "We will build the new library" in doe
