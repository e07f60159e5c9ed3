"""Which organisations an article names as sources of its information: the rules of
builder/data/sources/cues.txt, each with its example, and tables of sentences that name a
source (an outlet that reported, serialised, broadcast or was told) and sentences that name
an organisation that is none (an audience, a company told something, a site that is down)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.annotate.sources import rules
from builder.pipeline import annotate
from builder.read import parse_article
from tests.test_views import _dossier


def _sources(sentence: str) -> dict[str, str]:
    """The sources found in a one-paragraph story: name -> the rule that fired."""
    article = parse_article(f"A headline for the story\n\n{sentence}\n", "a.txt")
    return {s.name: s.rule for s in annotate(article).sources}


@pytest.mark.parametrize("rule", list(rules().values()), ids=lambda r: r.id)
def test_each_rule_finds_the_source_of_its_example(rule) -> None:  # type: ignore[no-untyped-def]
    name = re.search(r"\[([^\]]+)\]", rule.example).group(1)  # type: ignore[union-attr]
    assert _sources(rule.example.replace("[", "").replace("]", "")) == {name: rule.id}


CITED = [
    ("Jane Doe's memoir, serialised in the Sunday Clarion this week, accuses her rivals.", "Sunday Clarion"),
    ("The Sunday Clarion, which is serialising the memoir, said the claims were true.", "Sunday Clarion"),
    ("The memoir, which was serialised by the Weekend Gazette, accuses her rivals.", "Weekend Gazette"),
    ("Jane Doe told the Acme Times that the claims were false.", "Acme Times"),
    ("Jane Doe told Acme Radio's morning programme that she would stay.", "Acme Radio"),
    ("In an interview with the Zorblatt Herald, Jane Doe denied it.", "Zorblatt Herald"),
    ("According to the Zorblatt Ministry of Defence, the drills ended on Monday.", "Zorblatt Ministry of Defence"),
    ("The Daily Clarion reported that Jane Doe would stay.", "Daily Clarion"),
    ("“We will stay,” she said, as quoted by the state-run Acme News agency.", "Acme News"),
    ("Officials tell Acme News every claim will be assessed.", "Acme News"),
    ("Jane Doe told the Clarion that she would stay.", "Clarion"),  # a paper the entity pass does not name
    ("The memoir, serialised in the Mail on Sunday, says she misled them.", "Mail on Sunday"),
    ("\"Council hails library\" — The Acme Gazette, 2 March 2024", "Acme Gazette"),  # a list of sources
]

NOT_CITED = [
    "Jane Doe told the Zorblatt Labour Party on Monday that she would stay.",  # an audience
    "Jane Doe told the Commons Home Affairs Committee on Tuesday that she would stay.",
    "Jane Doe told the Acme Party conference that she would stay.",
    "Jane Doe told the Independent Review Panel that she would stay.",  # media words, yet a panel
    "Jane Doe told Acme Holdings that she would stay.",  # a company told something is no outlet
    "Jane Doe told reporters that the claims were false.",
    "Acme Holdings published its annual results on Monday.",
    "The Acme Foundation's website is being attacked by hackers, Jane Doe said.",
    "Acme Bank's chief economist Jane Doe said rates would rise.",
    "Acme Bank's chief analyst Jane Doe said rates would rise.",  # an analyst of a bank, no journalist
    "Jane Doe joined the Acme Party in 1998 and left it in 2004.",
    "“We will never give up the fight for fair taxes” — Acme Party leaflet, spring edition.",
    "Jane Doe told the Acme Press Gallery lunch that she would stay.",  # an audience of journalists
    "Jane Doe reads the Clarion and the Mail on Sunday every week.",  # named, not cited
]


@pytest.mark.parametrize(("sentence", "name"), CITED)
def test_an_outlet_that_reported_or_was_told_is_a_source(sentence: str, name: str) -> None:
    assert name in _sources(sentence)


@pytest.mark.parametrize("sentence", NOT_CITED)
def test_an_audience_or_an_organisation_that_told_nothing_is_no_source(sentence: str) -> None:
    assert _sources(sentence) == {}


def test_the_sources_page_lists_the_serialising_paper_and_not_the_audience(tmp_path: Path) -> None:
    story = ("Memoir divides the party\n\nJohn Roe told the Zorblatt Labour Party on Monday that the memoir "
             "was unfair. The memoir, serialised in the Sunday Clarion this week, says he misled colleagues.\n")
    dossier, pages = _dossier(tmp_path, {"a.txt": story})
    assert {s.name for s in dossier.sources} == {"Sunday Clarion"}
    page = pages["sources/index.md"]
    assert "## Sunday Clarion" in page and "Labour Party" not in page


def test_a_source_the_builder_is_unsure_is_a_name_is_not_listed(tmp_path: Path) -> None:
    story = ("Church denies claims\n\nThe church was sold last year, according to an Internet posting by "
             "a former member. According to the Acme Gazette, the sale was never recorded.\n")
    dossier, _ = _dossier(tmp_path, {"a.txt": story})
    assert {s.name for s in dossier.sources} == {"Acme Gazette"}


def test_a_copy_of_an_article_cites_nothing_twice(tmp_path: Path) -> None:
    story = ("Memoir divides the party\n\nJohn Roe told the Acme Times on Monday that the memoir was unfair. "
             "The memoir, serialised in the Sunday Clarion this week, says he misled colleagues.\n")
    dossier, pages = _dossier(tmp_path, {"a.txt": story, "b.txt": story})
    cited = [s.name for s in dossier.sources if s.how == "cited"]
    assert sorted(cited) == ["Acme Times", "Sunday Clarion"]  # once each: b.txt is a copy of a.txt


def test_the_weekday_that_opens_a_newspapers_name_is_no_date() -> None:
    import datetime as dt

    from builder.annotate.dates import dates_in_text

    refs = dates_in_text("The memoir, serialised in the Sunday Clarion this week, names them.", dt.date(2024, 3, 6))
    assert [r.text for r in refs] == ["this week"]
