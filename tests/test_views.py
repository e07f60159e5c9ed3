"""The dossier views on small fixtures: related articles, timeline, sources, discrepancies
and the overview, including a dossier with no dates and one whose articles share nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.model import Dossier
from builder.pipeline import assemble
from builder.render import render


def _dossier(tmp_path: Path, articles: dict[str, str], dossier_yml: str = "") -> tuple[Dossier, dict[str, str]]:
    folder = tmp_path / "dossier"
    (folder / "articles").mkdir(parents=True)
    for name, text in articles.items():
        (folder / "articles" / name).write_text(text, encoding="utf-8")
    if dossier_yml:
        (folder / "dossier.yml").write_text(dossier_yml, encoding="utf-8")
    dossier, _ = assemble(folder)
    return dossier, {page.path: page.text for page in render(dossier)}


VISIT = {
    "a.txt": "Minister visits Geneva\n\nForeign Minister Maria Lopez arrived in Geneva on Monday for talks with "
             "Swiss officials, Reuters reported.\n\n“We are here to listen to what our partners in Bern have to say "
             "about the new agreement,” Lopez said.\n",
    "b.txt": "Talks open in Geneva\n\nMaria Lopez arrived in Geneva on Tuesday, according to the Associated Press.\n\n"
             "Jane Doe/AP\n",
    "c.txt": "Harvest festival opens\n\nFarmers in Ohio opened the annual harvest festival.\n",
}
DATES = "articles:\n  a.txt:\n    date: 2024-03-06\n    outlet: Daily Wire Service\n  b.txt:\n    date: 2024-03-06\n"


def test_related_articles_name_what_they_share_and_skip_unrelated(tmp_path: Path) -> None:
    dossier, pages = _dossier(tmp_path, VISIT, DATES)
    ids = {a.file: a.id for a in dossier.articles}
    related = dossier.related
    assert [r.article for r in related[ids["a.txt"]]] == [ids["b.txt"]]
    assert related[ids["c.txt"]] == ()
    page = pages[f"articles/{ids['a.txt']}.md"]
    assert "## Related articles" in page and "Maria Lopez" in page.split("## Related articles")[1]
    assert "## Related articles" not in pages[f"articles/{ids['c.txt']}.md"]


def test_timeline_places_relative_dates_against_the_article_date(tmp_path: Path) -> None:
    dossier, pages = _dossier(tmp_path, VISIT, DATES)
    placed = {(e.text, e.date.isoformat()) for e in dossier.timeline}
    assert ("Monday", "2024-03-04") in placed and ("Tuesday", "2024-03-05") in placed
    assert "4 March 2024" in pages["timeline/index.md"]


def test_no_dates_means_an_empty_timeline_not_a_guess(tmp_path: Path) -> None:
    dossier, pages = _dossier(tmp_path, VISIT)
    assert dossier.timeline == ()
    assert "No dated events could be placed." in pages["timeline/index.md"]
    assert "Latest events" not in pages["index.md"]


def test_sources_come_from_metadata_the_text_and_credits(tmp_path: Path) -> None:
    dossier, pages = _dossier(tmp_path, VISIT, DATES)
    found = {(s.name, s.how) for s in dossier.sources}
    assert ("Daily Wire Service", "outlet") in found
    assert ("Reuters", "cited") in found
    assert ("Associated Press", "cited") in found or ("Associated Press", "credit") in found
    assert "Daily Wire Service" in pages["sources/index.md"]


def test_discrepancy_when_two_sources_date_the_same_arrival_differently(tmp_path: Path) -> None:
    dossier, pages = _dossier(tmp_path, VISIT, DATES)
    assert len(dossier.discrepancies) == 1
    item = dossier.discrepancies[0]
    assert "Maria Lopez" in item.topic and "Geneva" in item.topic
    assert {value for _, value, _ in item.claims} == {"Monday", "Tuesday"}
    assert set(item.values) == {"Monday 4 March 2024", "Tuesday 5 March 2024"}  # the resolved dates side by side
    assert "the reports give different dates" in pages["discrepancies/index.md"]
    assert "The sources disagree" in pages["index.md"]


@pytest.mark.parametrize(
    "articles",
    [
        {"a.txt": "Minister arrives in Geneva\n\nMaria Lopez arrived in Geneva on Monday.\n",
         "b.txt": "Minister in Geneva\n\nMaria Lopez arrived in Geneva on Monday morning.\n"},
        {"a.txt": "Minister arrives in Geneva\n\nMaria Lopez arrived in Geneva on Monday.\n",
         "b.txt": "Envoy in Paris\n\nJohn Smith arrived in Paris on Tuesday.\n"},
    ],
    ids=["agreeing sources", "different events"],
)
def test_no_discrepancy_without_a_conflict(tmp_path: Path, articles: dict[str, str]) -> None:
    dossier, pages = _dossier(tmp_path, articles)
    assert dossier.discrepancies == ()
    assert "No disagreements found." in pages["discrepancies/index.md"]


def test_overview_shows_actors_quotes_and_the_graph(tmp_path: Path) -> None:
    """(The picture draws actors: the outlets VISIT names only as its sources are none, so
    a third article names someone Maria Lopez met.)"""
    met = {"d.txt": "Lopez meets Swiss minister\n\nMaria Lopez met Swiss Foreign Minister Hans Muster in Bern.\n"}
    dossier, pages = _dossier(tmp_path, {**VISIT, **met}, DATES)
    home = pages["index.md"]
    assert "## Key actors" in home and "Maria Lopez" in home.split("## Key actors")[1]
    assert "## Key quotes" in home and "We are here to listen" in home
    assert "<svg" in home and 'xlink:href="entities/' in home


def test_articles_that_share_nothing_draw_no_graph(tmp_path: Path) -> None:
    _, pages = _dossier(tmp_path, {"a.txt": "Quiet day\n\nNothing much happened.\n",
                                   "b.txt": "Another quiet day\n\nStill nothing.\n"})
    assert "<svg" not in pages["index.md"]
    assert all("## Related articles" not in text for path, text in pages.items() if path.startswith("articles/"))


def test_long_lists_are_split_or_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from builder.render import entity, home

    monkeypatch.setattr(home, "ARTICLES_PER_PAGE", 2)
    monkeypatch.setattr(entity, "MENTIONED_SHOWN", 2)
    articles = {f"{n}.txt": f"Story number {n}\n\nMaria Lopez arrived in Geneva.\n" for n in range(5)}
    _, pages = _dossier(tmp_path, articles)
    assert {"articles/index.md", "articles/page/2.md", "articles/page/3.md"} <= set(pages)
    assert "articles/page/4.md" not in pages
    assert "older articles (page 2 of 3)" in pages["articles/index.md"]
    assert "newer articles" in pages["articles/page/3.md"]
    lopez = pages["entities/maria-lopez.md"]
    assert lopez.count("](../articles/") == 2 * 2  # two articles, each with a link to the paragraph that names her
    assert "[2](maria-lopez/articles-2.md)" in lopez  # the rest on a page of their own: every article reachable
    rest = pages["entities/maria-lopez/articles-2.md"]
    assert rest.count("](../../articles/") == 3 * 2 and "articles 3 to 5 of 5" in rest


def test_a_long_timeline_gets_a_page_per_month(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from builder.render import views

    monkeypatch.setattr(views, "TIMELINE_ON_ONE_PAGE", 1)
    _, pages = _dossier(tmp_path, VISIT, DATES)
    assert "timeline/2024-03.md" in pages
    assert "4 March 2024" in pages["timeline/2024-03.md"]
    assert "[March 2024](2024-03.md) (2 events)" in pages["timeline/index.md"]
