"""The dossier views on dossiers like real ones (issue 17): copies counted once, a file
holding two reports, undated articles, timeline noise, false discrepancies, the home page
as a briefing, a person named in 40 articles and quoted 60 times, print.

Fixtures are made up (Jane Doe, Acme, Geneva) and built in tmp_path."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.annotate.dates import dates_in_text
from builder.annotate.reports import report_starts
from builder.duplicates import OVERLAP, find_copies, overlap, sketch
from builder.pipeline import assemble, build
from builder.read import parse_article
from tests.test_views import _dossier

ROOT = Path(__file__).resolve().parent.parent


WIRE_BODY = (
    "Foreign Minister Jane Doe arrived in Geneva on Monday for talks on the water treaty with officials from "
    "the Alpine Council, the ministry said in a statement.\n\n"
    "“We have come to listen to every country on the river and to find an agreement that lasts for decades,” "
    "Doe told reporters at the airport.\n\n"
    "The treaty, first signed in 1961, shares the river between four countries and has been renegotiated "
    "twice, most recently between 1987 and 1990.\n\n"
    "Engineers from Acme Hydro, which runs three dams upstream, said the flow had fallen by a fifth since 2019, "
    "the lowest level recorded since 1906.\n\n"
    "Delegates are expected to report to their governments by June 2031, when the current agreement expires.\n"
)
WIRE = "Minister opens water talks in Geneva\n\n" + WIRE_BODY
WIRE_RETOLD = ("Geneva hosts river treaty talks\n\n"
               "The future of a river that feeds four countries is at stake in Geneva this week.\n\n" + WIRE_BODY)
OTHER = ("Harvest festival opens in Ohio\n\n"
         "Farmers from across the county opened the annual harvest festival on Saturday with a parade of tractors, "
         "a pie contest and a market that organisers said drew more visitors than any year before.\n\n"
         "“It was the best turnout we have ever had, and the weather held for the whole weekend,” said John Roe, "
         "who chairs the festival committee.\n")
DATED = ("articles:\n  wire.txt:\n    date: 2024-03-06\n    outlet: Daily Wire\n"
         "  retold.txt:\n    date: 2024-03-07\n    outlet: Evening Post\n")


# ---- 2. copies ------------------------------------------------------------------


def test_a_byte_identical_copy_is_shown_once_and_counted_once(tmp_path: Path) -> None:
    dossier, pages = _dossier(tmp_path, {"a.txt": WIRE, "b.txt": WIRE, "c.txt": OTHER})
    ids = {a.file: a.id for a in dossier.articles}
    assert dossier.copy_of == {ids["b.txt"]: ids["a.txt"]}
    doe_quotes = [q for q in dossier.quotes if q.speaker == "jane-doe"]
    assert len(doe_quotes) == 1  # not doubled
    assert all(ids["b.txt"] not in (e.article, *e.also) for e in dossier.timeline)
    assert all(r.article != ids["b.txt"] for r in dossier.related.get(ids["a.txt"], ()))  # not its own top match
    index = pages["articles/index.md"]
    assert index.count("**[Minister opens water talks in Geneva]") == 1 and "*Also published*" in index
    assert "Mentioned in 1 article " in pages["entities/jane-doe.md"]
    assert "A copy" in pages[f"articles/{ids['b.txt']}.md"]  # the copy keeps its page, and says what it copies


def test_the_same_wire_story_with_a_new_top_is_a_copy_and_names_the_other_outlet(tmp_path: Path) -> None:
    dossier, pages = _dossier(tmp_path, {"wire.txt": WIRE, "retold.txt": WIRE_RETOLD, "c.txt": OTHER}, DATED)
    ids = {a.file: a.id for a in dossier.articles}
    assert dossier.copy_of == {ids["retold.txt"]: ids["wire.txt"]}  # the earlier one is shown
    item = next(line for line in pages["articles/index.md"].splitlines() if "water talks" in line)
    assert "*Also published* by Evening Post as “[Geneva hosts river treaty talks]" in item
    assert "Also published" in pages[f"articles/{ids['wire.txt']}.md"]


@pytest.mark.parametrize(
    ("a", "b", "copies"),
    [
        (WIRE, WIRE, True),
        (WIRE, WIRE_RETOLD, True),
        (WIRE, OTHER, False),
        (WIRE, WIRE + "\n" + OTHER.split("\n\n", 1)[1] * 3, False),  # a file holding that story and another
        (OTHER, OTHER.replace("tractors", "horses"), True),
    ],
    ids=["identical", "new top", "different story", "story plus another", "one word changed"],
)
def test_copies_by_shingle_overlap(a: str, b: str, copies: bool) -> None:
    first, second = sketch(parse_article(a, "a.txt")), sketch(parse_article(b, "b.txt"))
    assert (overlap(first, second) >= OVERLAP) is copies
    assert bool(find_copies({"a": first, "b": second}, ["a", "b"])) is copies


def test_copies_are_grouped_in_one_pass_over_many_articles() -> None:
    stories = [f"Story {n}\n\n" + " ".join(f"word{n}x{k} token{k % 7}" for k in range(60)) + ".\n" for n in range(300)]
    sketches = {f"s{n}": sketch(parse_article(text, f"{n}.txt")) for n, text in enumerate(stories)}
    sketches.update({f"c{n}": sketches[f"s{n}"] for n in range(0, 300, 3)})  # a copy of every third
    order = sorted(sketches, key=lambda k: (k[0] != "s", int(k[1:])))
    found = find_copies(sketches, order)
    assert found == {f"c{n}": f"s{n}" for n in range(0, 300, 3)}


# ---- 2/5. a file holding two reports --------------------------------------------------

TWO_REPORTS = (
    "Envoy reaches Geneva for water talks\n\n"
    "GENEVA — Special envoy Jane Doe arrived in Geneva on Wednesday morning as delegates gathered for talks on the "
    "river treaty.\n\n"
    "The talks are expected to last three days, officials said.\n\n"
    "“We are ready to work through the night if we must to reach a deal,” Doe said.\n\n"
    "Acme News’ John Roe contributed to this report.\n\n"
    "Special envoy Jane Doe arrived in Geneva on Thursday for high-stakes talks on the future of the river, a "
    "visit that comes at a critical time for the four countries that share it.\n\n"
    "The treaty has been renegotiated twice since it was signed.\n\n"
    "Observers will be watching closely to see whether the talks produce an agreement.\n"
)


def test_a_sign_off_followed_by_more_story_starts_a_second_report() -> None:
    article = parse_article(TWO_REPORTS, "two.txt")
    starts = report_starts(article)
    assert len(starts) == 1 and TWO_REPORTS[starts[0]:].startswith("Special envoy Jane Doe arrived in Geneva on Thursday")


@pytest.mark.parametrize(
    "text",
    [
        WIRE,
        WIRE + "\nJane Doe contributed to this report.\n",  # a sign-off at the end
        OTHER,
        "Title\n\nLONDON — One paragraph.\n\nTwo paragraph.\n\nThree paragraph.\n\nFour paragraph.\n",
    ],
    ids=["one story", "sign-off at the end", "short story", "dateline at the top"],
)
def test_one_story_is_one_report(text: str) -> None:
    assert report_starts(parse_article(text, "one.txt")) == ()


def test_a_second_headline_and_dateline_start_a_second_report() -> None:
    text = ("First story\n\nLONDON — Jane Doe spoke on Monday.\n\nShe said more.\n\nAnd more again.\n\n"
            "Second story in the same file\n\nPARIS (Acme) — John Roe arrived in Paris on Friday.\n\n"
            "He met officials.\n\nThe talks went on.\n")
    article = parse_article(text, "two.txt")
    starts = report_starts(article)
    assert len(starts) == 1 and text[starts[0]:].startswith("Second story in the same file")


def test_two_reports_in_one_file_disagree_as_two_reports(tmp_path: Path) -> None:
    yml = "articles:\n  two.txt:\n    date: 2024-03-06\n    outlet: Acme News\n"
    dossier, pages = _dossier(tmp_path, {"two.txt": TWO_REPORTS}, yml)
    assert len(dossier.discrepancies) == 1
    item = dossier.discrepancies[0]
    assert item.reports == (0, 1)
    assert item.values == ("Wednesday 6 March 2024", "Thursday")  # the second report has no date of its own
    page = pages["discrepancies/index.md"]
    assert "the first report in its file" in page and "the second report in its file" in page
    assert "two reports, not one" in page
    assert all(e.text != "Thursday" for e in dossier.timeline)  # not placed against the first report's date
    assert "Report 2 in this file" in pages[f"articles/{dossier.articles[0].id}.md"]


# ---- 5. no false discrepancies --------------------------------------------------------

NOT_DISCREPANCIES = {
    "one sentence, two clauses": {
        "a.txt": "Minister under fire\n\nOn Wednesday Jane Doe denied the report about the treaty, and before he left "
                 "for Geneva on Tuesday the minister John Roe told reporters that nothing had been agreed.\n",
        "b.txt": "Minister in Geneva\n\nJohn Roe left for Geneva on Tuesday, officials said.\n",
    },
    "one report, two sentences": {
        "a.txt": "Envoy in Geneva\n\nJane Doe arrived in Geneva on Monday.\n\nLater, Jane Doe arrived in Geneva "
                 "on Friday for a second round.\n",
    },
    "the same day said twice": {
        "a.txt": "Envoy in Geneva\n\nJane Doe arrived in Geneva on Monday.\n",
        "b.txt": "Talks in Geneva\n\nJane Doe arrived in Geneva on Monday morning, officials said.\n",
    },
    "different people": {
        "a.txt": "Envoy in Geneva\n\nJane Doe arrived in Geneva on Monday.\n",
        "b.txt": "Talks in Geneva\n\nJohn Roe arrived in Geneva on Tuesday.\n",
    },
    "background and bounds": {
        "a.txt": "Envoy in Geneva\n\nJane Doe arrived in Geneva on Monday.\n",
        "b.txt": "Talks in Geneva\n\nJane Doe has lived in Geneva since Tuesday.\n",
    },
    "a pronoun, not a name, before the verb": {
        "a.txt": "Envoy in Geneva\n\nJane Doe arrived in Geneva on Monday.\n",
        "b.txt": "Talks in Geneva\n\nJane Doe was tired: she arrived in Geneva on Tuesday after a long flight.\n",
    },
}


def test_no_false_discrepancies_on_the_negative_fixtures(tmp_path: Path) -> None:
    dates = "articles:\n" + "".join(f"  {n}:\n    date: 2024-03-06\n" for n in ("a.txt", "b.txt"))
    false_positives = {}
    for n, (name, articles) in enumerate(NOT_DISCREPANCIES.items()):
        dossier, _ = _dossier(tmp_path / str(n), articles, dates)
        if dossier.discrepancies:
            false_positives[name] = [d.topic for d in dossier.discrepancies]
    assert false_positives == {}  # counted: none of the six


# ---- 3. undated articles -----------------------------------------------------------------


def test_undated_articles_are_counted_in_the_warnings_and_listed(tmp_path: Path) -> None:
    articles = {
        "dated.txt": "Envoy in Geneva\n\nJane Doe arrived in Geneva on Monday, officials said.\n",
        "undated.txt": "Talks end\n\nThe talks ended on Friday. The treaty was first signed on 12 May 1961.\n",
        "undated2.txt": "River low\n\nThe river fell to a record low on Tuesday.\n",
    }
    folder = tmp_path / "dossier"
    (folder / "articles").mkdir(parents=True)
    for name, text in articles.items():
        (folder / "articles" / name).write_text(text, encoding="utf-8")
    (folder / "dossier.yml").write_text("articles:\n  dated.txt:\n    date: 2024-03-06\n", encoding="utf-8")
    report = build(folder, tmp_path / "docs")
    assert any(w.startswith("2 of 3 articles have no date") and "undated.txt" in w for w in report.warnings)
    index = (tmp_path / "docs" / "articles" / "index.md").read_text(encoding="utf-8")
    assert "2 undated articles" in index and "`undated2.txt`" in index
    dossier, _ = assemble(folder)
    texts = {e.text for e in dossier.timeline}
    assert "12 May 1961" in texts  # an undated article's absolute date is on the timeline
    assert "Friday" not in texts and "Tuesday" not in texts  # its relative ones are not
    assert "Monday" in texts


# ---- 4. the timeline ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "roles"),
    [
        ("It was their worst showing since 1906.", ["since"]),
        ("She was mayor between 1987 and 1990.", ["span", "span"]),
        ("He ran the firm from 2001 to 2004.", ["span", "span"]),
        ("The vote must be held any time before June 2030.", ["deadline"]),
        ("The vote was held before June 2001.", ["bound"]),
        ("LONDON, March 3 (Reuters) — Jane Doe resigned on Monday.", ["dateline", "event"]),
        ("The plant closed in 1998.", ["event"]),
        ("From Monday, the shops open late.", ["event"]),
    ],
)
def test_what_a_date_is_to_the_story(sentence: str, roles: list[str]) -> None:
    import datetime as dt

    assert [r.role for r in dates_in_text(sentence, dt.date(2024, 3, 6))] == roles


def test_the_timeline_holds_events_once_with_all_their_sources(tmp_path: Path) -> None:
    articles = {
        "a.txt": "Plant closes\n\nLONDON — The Acme plant in Leeds closed in 1998, the firm said.\n\n"
                 "It had been the town's largest employer since 1906.\n\n"
                 "Jane Doe ran it between 1987 and 1990.\n\n"
                 "The site will have to be cleared by June 2031.\n",
        "b.txt": "Town remembers\n\nThe Acme plant in Leeds closed in 1998, the firm said in a statement.\n",
        "c.txt": "Photos of the town\n\nJane Doe and John Roe open the new library in Leeds on Friday, 1 March 2024.\n\n"
                 "Jane Roe/AP\n\nThe library has 40,000 books, its staff said.\n",
    }
    dossier, pages = _dossier(tmp_path, articles)
    ids = {a.file: a.id for a in dossier.articles}
    events = [(e.text, e.deadline, e.article, e.also) for e in dossier.timeline]
    assert ("1998", False, ids["a.txt"], (ids["b.txt"],)) in events  # one entry, both sources
    assert [e for e in events if e[0] == "1998"] == [("1998", False, ids["a.txt"], (ids["b.txt"],))]
    assert ("June 2031", True, ids["a.txt"], ()) in events  # a deadline, marked
    assert not {"1906", "1987", "1990", "1 March 2024", "Friday, 1 March 2024"} & {e[0] for e in events}
    page = pages["timeline/index.md"]
    assert "\n## 1998\n" in page and "January 1998" not in page  # a year alone is shown as the year
    assert "*deadline*" in page and "also told by [Town remembers]" in page
    assert "LONDON" not in page  # the dateline is no part of the event


def test_each_entity_page_has_its_own_timeline(tmp_path: Path) -> None:
    articles = {"a.txt": "Envoy in Geneva\n\nJane Doe arrived in Geneva on 4 March 2024, officials said.\n",
                "b.txt": "River low\n\nThe river fell to a record low on 2 March 2024.\n"}
    _, pages = _dossier(tmp_path, articles)
    doe = pages["entities/jane-doe.md"]
    assert "## Timeline" in doe and "4 March 2024" in doe and "record low" not in doe


# ---- 1. a person named in 40 articles and quoted 60 times --------------------------------


def _busy_person() -> dict[str, str]:
    articles = {}
    for n in range(40):
        quotes = "".join(f"“We will keep working on item {n}-{k} of the plan with every partner in the region until "
                         f"it is done,” Jane Doe said on the matter numbered {n}{k}.\n\n"
                         for k in range(2 if n < 20 else 1))
        articles[f"{n:02d}.txt"] = (f"Update number {n} on the plan\n\nForeign Minister Jane Doe spoke about part {n} "
                                    f"of the plan, which covers sector {n * 7} of the economy.\n\n{quotes}")
    return articles


def test_every_article_and_quote_of_a_busy_person_is_reachable_from_her_page(tmp_path: Path) -> None:
    dossier, pages = _dossier(tmp_path, _busy_person())
    assert len(dossier.copy_of) == 0
    said = [q for q in dossier.quotes if q.speaker == "jane-doe"]
    assert len(said) == 60
    mine = {path: text for path, text in pages.items() if re.match(r"entities/jane-doe(\.md|/)", path)}
    reachable = "\n".join(mine.values())
    for article in dossier.articles:
        assert f"articles/{article.id}.md" in reachable
    for quote in said:
        assert quote.quote.text.replace(".", "\\.").replace("-", "\\-") in reachable
    main = pages["entities/jane-doe.md"]
    assert "Mentioned in 40 articles" in main and "Quotes (60)" in main
    assert "mentioned 2 times" in main or "mentioned 3 times" in main
    for part in mine:  # every page it continues on is linked from the main page
        if part != "entities/jane-doe.md":
            assert part.removeprefix("entities/") in main
    biggest = max(len(text) for text in mine.values())
    assert biggest < 60_000  # pages stay bounded however busy the person


# ---- 6. the home page ---------------------------------------------------------------------


def test_the_home_page_reads_as_a_briefing(tmp_path: Path) -> None:
    visit = ("Talks in Geneva\n\nForeign Minister Jane Doe arrived in Geneva on Monday with officials of the Acme "
             "Council to discuss the Javelin missile and the water treaty.\n\n"
             "“We are here to listen to every partner on the river and to leave with an agreement that lasts,” "
             "Jane Doe said.\n\n“All sorts of people say all sorts of things,” Doe said.\n\n"
             "“the treaty must be changed before the summer floods reach the lower valley towns again,” said John Roe, "
             "head of the Acme Council.\n")
    other = ("Talks in Geneva continue\n\nJane Doe arrived in Geneva on Tuesday, and John Roe of the Acme Council "
             "joined her with the Javelin missile deal on the table.\n\n"
             "“Every country on the river has a right to the water, and we will defend that right at the table,” "
             "said John Roe, the head of the Acme Council.\n")
    dated = "articles:\n  a.txt:\n    date: 2024-03-06\n  b.txt:\n    date: 2024-03-06\n"
    dossier, pages = _dossier(tmp_path, {"a.txt": visit, "b.txt": other}, dated)
    home = pages["index.md"]
    assert dossier.discrepancies
    assert home.index("The sources disagree") < home.index("## Key actors")  # the warning first
    quotes = home.split("## Key quotes")[1].split("\n## ")[0]
    assert "We are here to listen" in quotes and "Every country on the river" in quotes  # two speakers
    assert "All sorts of people" not in quotes  # too short to say anything
    assert "the treaty must be changed" not in quotes  # a fragment
    actors = home.split("## Key actors")[1].split("\n## ")[0]
    assert "Javelin" not in actors and "Geneva" not in actors  # no weapons, no places when there are actors
    assert "dossier-swatch-person" in home and "dossier-graph-links" in home  # legend, links for print


def test_graph_labels_are_never_clipped(tmp_path: Path) -> None:
    long_name = "Organisation For The Very Long Names Of International Cooperation"
    text = (f"Talks\n\nJane Doe met officials of the {long_name} and John Roe in Geneva.\n\n"
            f"Jane Doe, John Roe and the {long_name} agreed.\n")
    _, pages = _dossier(tmp_path, {"a.txt": text, "b.txt": text.replace("Talks", "More talks")})
    svg = re.search(r"<svg[^>]*viewBox=\"(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+)\"", pages["index.md"])
    assert svg is not None
    left, width = float(svg.group(1)), float(svg.group(3))
    for x, anchor, label in re.findall(r'<text x="(-?[\d.]+)" y="[^"]+" text-anchor="(\w+)"[^>]*>([^<]+)</text>',
                                       pages["index.md"]):
        size = len(label) * 7.6
        lo = float(x) - (size if anchor == "end" else size / 2 if anchor == "middle" else 0)
        assert left <= lo and lo + size <= left + width


# ---- 7. print ---------------------------------------------------------------------------


def test_print_contents_name_the_outlet_not_the_file(tmp_path: Path) -> None:
    dossier, pages = _dossier(tmp_path, {"002_abc.txt": WIRE},
                              "articles:\n  002_abc.txt:\n    outlet: Daily Wire\n    url: https://example.org/a\n")
    meta = next(line for line in pages[f"articles/{dossier.articles[0].id}.md"].splitlines() if "Daily Wire" in line)
    assert "https://example.org/a" in meta and "source file" not in meta and "002_abc" not in meta
    dossier, pages = _dossier(tmp_path / "bare", {"002_abc.txt": WIRE})
    meta = next(line for line in pages[f"articles/{dossier.articles[0].id}.md"].splitlines() if "outlet" in line)
    assert meta.startswith("outlet not given · file `002_abc.txt`")  # the file, when nothing else names the source


def test_print_keeps_quote_cards_whole() -> None:
    css = (ROOT / "builder" / "site" / "theme" / "stylesheets" / "print.css").read_text(encoding="utf-8")
    cards = css[css.index(".md-typeset .grid.cards > ul > li {"):]
    rule = cards[: cards.index("}")]
    assert "display: inline-block" in rule and "break-inside: avoid" in rule


def test_a_rebuild_reuses_the_copies_found_unless_a_changed_article_is_or_was_one() -> None:
    from builder.duplicates import update_copies

    texts = {"a": WIRE, "b": WIRE_RETOLD, "c": OTHER, "d": OTHER.replace("Ohio", "Iowa").replace("tractors", "cows")}
    sketches = {k: sketch(parse_article(v, f"{k}.txt")) for k, v in texts.items()}
    order = ["a", "b", "c", "d"]
    first = find_copies(sketches, order)
    assert first == {"b": "a", "d": "c"}
    assert update_copies((sketches, first), sketches, order) == first
    edited = {**sketches, "d": sketch(parse_article("Something else\n\n" + WIRE_BODY.upper()[:400] + " new words "
                                                    * 30, "d.txt"))}
    assert update_copies((sketches, first), edited, order) == find_copies(edited, order)
    new = {**sketches, "e": sketches["a"]}
    assert update_copies((sketches, first), new, [*order, "e"]) == {"b": "a", "d": "c", "e": "a"}
