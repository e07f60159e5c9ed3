"""Related articles say something: two articles are related by what they share that is rare
in the dossier. An entity named in most articles (a country every story mentions) relates
none, and one shared place alone is not enough: a person, an organisation or two places
are. Copies of one article keep their "also published as" handling."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.relate import related_articles, update_related
from tests.test_views import _dossier

# A made-up dossier of ten articles: "zorbland" (a country) in seven of them, "quuxville" and
# "anytown" places, "jane-doe" a person, "acme" a firm.
PLACES = frozenset({"zorbland", "quuxville", "anytown", "ruritania"})
DOSSIER = {
    "a": frozenset({"zorbland", "jane-doe"}),
    "b": frozenset({"zorbland", "jane-doe"}),
    "c": frozenset({"zorbland", "quuxville"}),
    "d": frozenset({"zorbland", "quuxville"}),
    "e": frozenset({"zorbland", "quuxville", "anytown"}),
    "f": frozenset({"zorbland", "quuxville", "anytown"}),
    "g": frozenset({"zorbland", "acme", "ruritania"}),
    "h": frozenset({"acme"}),
    "i": frozenset({"ruritania"}),
    "j": frozenset(),
}

CASES = [
    # (article, another, related?, shared)
    ("a", "b", True, ("jane-doe",)),  # a person, rare
    ("e", "f", True, ("anytown", "quuxville")),  # two places
    ("g", "h", True, ("acme",)),  # a firm
    # negatives
    ("c", "d", False, ()),  # one place only (and the country every article names)
    ("a", "c", False, ()),  # the country named in most articles, nothing else
    ("c", "e", False, ()),  # one place of the two, and the country
    ("g", "i", False, ()),  # one place alone
    ("a", "j", False, ()),  # nothing
]


@pytest.mark.parametrize(("article", "other", "related", "shared"), CASES)
def test_what_relates_two_articles(article: str, other: str, related: bool, shared: tuple[str, ...]) -> None:
    result = related_articles(DOSSIER, places=PLACES)
    found = {r.article: r for r in result[article]}
    assert (other in found) is related
    back = {r.article for r in result[other]}
    assert (article in back) is related
    if related:
        assert found[other].shared == shared


# A topical dossier of six: Jane Doe and Acme in four articles each, the country in five.
TOPICAL = {
    "p": frozenset({"jane-doe", "acme", "zorbland"}),
    "q": frozenset({"jane-doe", "acme", "zorbland"}),
    "r": frozenset({"jane-doe", "zorbland", "quuxville"}),
    "s": frozenset({"acme", "zorbland", "quuxville"}),
    "t": frozenset({"jane-doe", "zorbland"}),
    "u": frozenset({"acme"}),
}


@pytest.mark.parametrize(("article", "other", "related"), [
    ("p", "q", True),  # two of the dossier's main names together
    ("p", "t", False),  # one of them alone (and the country)
    ("p", "u", False),
    ("r", "s", False),  # one city (and the country)
    ("r", "t", False),
])
def test_names_most_articles_share(article: str, other: str, related: bool) -> None:
    result = related_articles(TOPICAL, places=PLACES)
    assert (other in {r.article for r in result[article]}) is related


def test_without_places_every_rare_entity_still_relates() -> None:
    assert {r.article for r in related_articles(DOSSIER)["g"]} == {"h", "i"}


def test_an_update_ranks_as_a_fresh_ranking_with_places() -> None:
    ranked = related_articles(DOSSIER, places=PLACES)
    after = {**DOSSIER, "d": DOSSIER["d"] | {"anytown"}, "j": frozenset({"zorbland"})}
    assert update_related(DOSSIER, ranked, after, places=PLACES) == related_articles(after, places=PLACES)
    assert "d" in {r.article for r in related_articles(after, places=PLACES)["e"]}


STORY = ("Jane Doe, the mayor of Quuxville, opened a bridge in Zorbland on Monday, officials said.\n\n"
         "The bridge took four years to build and carries a road and a railway over the river, and the "
         "town council paid for most of it from its own budget after a long argument about the cost.\n")
OTHER = "Storms closed roads in Zorbland on Tuesday, officials said, and ferries stopped.\n"


def test_a_built_dossier_relates_by_rare_names_and_keeps_copies(tmp_path: Path) -> None:
    articles = {
        "a.txt": "Bridge opens\n\n" + STORY,
        "b.txt": "Bridge opens in Quuxville\n\n" + STORY,  # the same story under another headline
        "c.txt": "Mayor speaks\n\nJane Doe, the mayor of Quuxville, spoke to reporters on Wednesday.\n",
        "d.txt": "Storms\n\n" + OTHER,
        "e.txt": "Ferries\n\nFerries in Zorbland stopped on Thursday after the storms, the operator said.\n",
        "f.txt": "Harvest\n\nFarmers in Ruritania began the harvest early this year, Acme Grain said.\n",
        "g.txt": "Prices\n\nAcme Grain raised its prices on Friday, the firm said.\n",
        "h.txt": "Floods\n\nRivers in Ruritania burst their banks on Saturday, the police said.\n",
    }
    dossier, _ = _dossier(tmp_path, articles)
    ids = {a.file: a.id for a in dossier.articles}
    related = {a: {r.article for r in dossier.related.get(ids[a], ())} for a in articles}
    assert dossier.copy_of == {ids["b.txt"]: ids["a.txt"]}  # shown once, the other listed as a copy
    assert ids["c.txt"] in related["a.txt"]  # Jane Doe
    assert related["b.txt"] == related["a.txt"] and ids["b.txt"] not in related["a.txt"]
    assert ids["d.txt"] not in related["a.txt"] | related["c.txt"]  # Zorbland alone
    assert ids["e.txt"] not in related["d.txt"]
    assert ids["g.txt"] in related["f.txt"]  # Acme Grain
    assert ids["h.txt"] not in related["f.txt"]  # Ruritania alone
