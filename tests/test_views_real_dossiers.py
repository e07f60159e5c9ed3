"""Issue 17, a fourth walk through the views on real dossiers (notes/views-walkthrough.md):
what still misled, each as a made-up fixture with its negative cases. Summaries without
their dateline or a photo's credit line; key actors and the picture without a platform or
brand every article names once in passing, nor an outlet named only as a source; a work's
date and a season's month off the timeline."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builder.annotate.dates import dates_in_text
from tests.test_views import _dossier

REST = "\n\nThe library has 40,000 books and a cafe, the council said on its website.\n"


@pytest.mark.parametrize(("first", "summary"), [
    ("LEEDS — Jane Doe opened the new library on Friday.", "Jane Doe opened the new library on Friday."),
    ("Leeds, England — Jane Doe opened the new library on Friday.", "Jane Doe opened the new library on Friday."),
    ("Springfield, Ohio, United States - The council met on Monday about the library.",
     "The council met on Monday about the library."),
    # negative cases: no dateline, the paragraph stays whole
    ("Jane Doe, the mayor, opened the library - a first for the city.",
     "Jane Doe, the mayor, opened the library - a first for the city."),
    ("Leeds United won 2 - 0 on Saturday at the new ground.", "Leeds United won 2 - 0 on Saturday at the new ground."),
    ("Jane Doe, Acme Holdings and the council agreed on Friday.",
     "Jane Doe, Acme Holdings and the council agreed on Friday."),
])
def test_an_articles_summary_leaves_out_its_dateline(tmp_path: Path, first: str, summary: str) -> None:
    _, pages = _dossier(tmp_path, {"a.txt": "Library opens\n\n" + first + REST})
    item = pages["articles/index.md"].split("**<br>")[1].split("\n")[0]
    from builder.render import markdown as md
    assert item.startswith(md.text(summary))


@pytest.mark.parametrize(("first", "credit"), [
    ("Credit Jane Roe/Acme Press — Getty Images", True),
    ("Credit Jane Roe/Reuters", True),
    ("Credit unions in Leeds lent more money this year, the council said.", False),
])
def test_a_photos_credit_line_is_no_summary(tmp_path: Path, first: str, credit: bool) -> None:
    """A saved page's credit line ("Credit Jane Roe/Acme Press") opening the story."""
    text = ("<html><head><title>Library opens</title></head><body><article><h1>Library opens</h1>"
            f"<p>{first}</p><p>Jane Doe opened the new library in Leeds on Friday, the council said.</p>"
            "<p>The library has 40,000 books and a cafe, the council said on its website.</p>"
            "<p>Jane Doe said the library would open every day of the week from now on.</p></article></body></html>")
    _, pages = _dossier(tmp_path, {"a.html": text})
    item = pages["articles/index.md"].split("**<br>")[1].split("\n")[0]
    assert item.startswith("Jane Doe opened") is credit
    assert ("Credit" in item) is not credit


STORIES = {
    "a.txt": "Library opens in Leeds\n\nJane Doe, the mayor of Leeds, opened the new library on Friday, Acme "
             "Holdings said.\n\nAcme Holdings paid for the building, and Jane Doe thanked the firm for its gift to "
             "the city.\n\nA video of the opening was shared on Chirper Inc.\n\nThe library has 40,000 books.\n",
    "b.txt": "Council votes on budget in York\n\nThe York council voted on its budget on Tuesday after a long "
             "debate about bus fares.\n\nJohn Roe, who leads the council, said the vote was close. Acme Holdings "
             "will run the buses.\n\nResidents complained about the fares on Chirper Inc.\n",
    "c.txt": "Floods hit Hull\n\nHeavy rain flooded streets in Hull on Sunday, closing schools and shops.\n\n"
             "Fire chief Mary Major said crews pumped water from 200 homes. John Roe visited the town.\n\n"
             "Photos of the floods spread on Chirper Inc, the Hull Courier reported.\n\n"
             "The Yorkshire Water Board sent pumps.\n",
    "d.txt": "Bus fares rise in Hull\n\nBus fares in Hull will rise in May, the Hull Courier reported.\n\n"
             "Drivers said the rise was too steep for families in the town. The Yorkshire Water Board "
             "cut its own fares.\n",
}


def test_a_platform_every_article_names_once_in_passing_is_no_key_actor(tmp_path: Path) -> None:
    """Chirper Inc is named in three articles, once in each, as a platform ("shared on Chirper
    Inc"): no key actor, nor on the picture; Acme Holdings, named twice in one of its
    articles, the Yorkshire Water Board, named once in each of its articles but as an
    actor, and John Roe, a person, are (negative cases)."""
    dossier, pages = _dossier(tmp_path, STORIES)
    assert any(e.name.startswith("Chirper") for e in dossier.entities)
    home = pages["index.md"]
    actors = home.split("## Key actors")[1].split("\n## ")[0]
    assert "Chirper" not in actors
    assert "Acme Holdings" in actors and "John Roe" in actors and "Yorkshire Water Board" in actors
    if "dossier-graph-links" in home:
        assert "Chirper" not in home.split("dossier-graph-links")[1].split("</div>")[0]


def test_an_outlet_named_only_as_a_source_is_not_on_the_picture(tmp_path: Path) -> None:
    """The Hull Courier is named in two articles, each time as a source ("the Hull Courier
    reported"): not an actor, so neither a key actor nor a name on the picture."""
    dossier, pages = _dossier(tmp_path, STORIES)
    courier = [e for e in dossier.entities if "Courier" in e.name]
    assert courier, "the fixture names the outlet"
    home = pages["index.md"]
    assert "Courier" not in home.split("## Key actors")[1].split("\n## ")[0]
    if "dossier-graph-links" in home:
        assert "Courier" not in home.split("dossier-graph-links")[1].split("</div>")[0]
        assert "Courier" not in home.split("<svg")[1].split("</svg>")[0]


PUBLISHED = dt.date(2019, 2, 21)


@pytest.mark.parametrize(("sentence", "roles"), [
    # a work's date after its title: when it was made, no event of the story
    ("One of the prints shown was the screen print called \u201cCowboys\u201d from 1987.", ["work"]),
    ("The museum holds \u201cBlue Lights\u201d from 1962, the curator said.", ["work"]),
    ("Jane Doe worked at Acme from 1987, the council said.", ["event"]),
    ("The prices rose from 1987 to 1990.", ["span", "span"]),
    # a season's month: what happens every year, not this year's event
    ("During peak pothole-repair season in early March, that number can expand to more than 60.", ["habit"]),
    ("The fishing season opens in March, the council said.", ["event"]),
    ("Jane Doe left in early March, the council said.", ["event"]),
])
def test_a_works_date_and_a_seasons_month_are_no_events(sentence: str, roles: list[str]) -> None:
    assert [r.role for r in dates_in_text(sentence, PUBLISHED)] == roles


@pytest.mark.parametrize(("sentence", "roles"), [
    # a day told relative to the speaker's own day, inside the quotation: the day the words
    # were said is not known, so "today" is no date (a coach speaks the day of the match)
    ("After the match, the coach said, \u201cI think we have learned a lot from today's game.\u201d",
     ["quoted"]),
    ("\u201cToday's announcement is an affront to the people of Leeds,\u201d Jane Doe said.", ["quoted"]),
    ("\u201cSomeone emailed me earlier today about the attack,\u201d Jane Doe said.", ["quoted"]),
    ("\"We met them on Tuesday and they agreed,\" Jane Doe said.", ["quoted"]),
    # negative cases: the reporter's own relative date, or a date inside a quotation that
    # states itself
    ("Jane Doe resigned today, the council said.", ["event"]),
    ("\u201cWe will win,\u201d Jane Doe said on Tuesday.", ["event"]),
    ("\u201cThe vote on March 4, 2018 was fair,\u201d Jane Doe said.", ["event"]),
    ("Jane Doe called it \u201ca disgrace\u201d on Tuesday.", ["event"]),
])
def test_a_relative_day_inside_a_quotation_is_not_placed(sentence: str, roles: list[str]) -> None:
    assert [r.role for r in dates_in_text(sentence, PUBLISHED)] == roles


def test_an_entitys_page_shows_an_articles_whole_quotations_before_its_quoted_words(tmp_path: Path) -> None:
    """A page that lists a speaker's words quoted inside sentences ("called it 'distressing'")
    before the whole quotations hides what was said: within each article, newest article
    first, the whole quotations come first."""
    text = ("Jane Doe on libraries\n\n"
            "Jane Doe, the mayor of Leeds, called the closures \u201cdistressing\u201d on Friday.\n\n"
            "She said the city had been \u201ctoo slow\u201d to act.\n\n"
            "\u201cWe will keep every library in this city open for as long as the people of Leeds want them,\u201d "
            "Jane Doe said.\n")
    dossier, pages = _dossier(tmp_path, {"a.txt": text})
    jane = next(e for e in dossier.entities if e.name == "Jane Doe")
    quotes = pages[f"entities/{jane.id}.md"].split("## Quotes")[1]
    assert "We will keep every library" in quotes and "distressing" in quotes
    assert quotes.index("We will keep every library") < quotes.index("distressing")


@pytest.mark.parametrize(("a", "b", "one"), [
    ("The Acme Times", "Acme Times", True),
    ("Acme News", "Acme", True),  # the outlet that published, and the texts' "told Acme"
    ("ACME News", "the Acme", True),
    ("Acme.com", "Acme", True),
    ("acme.co.uk", "Acme News", True),
    # negative cases
    ("Acme", "Acme Health", False),
    ("Acme News", "Acme Newsroom", False),
    ("News Corp", "Corp", False),
    ("Acme Wire", "Acme", False),
])
def test_one_outlet_is_one_heading_however_the_texts_write_it(a: str, b: str, one: bool) -> None:
    from builder.render.views import _source_key
    assert (_source_key(a) == _source_key(b)) is one


def test_an_outlet_named_once_in_each_article_and_cited_in_one_is_no_key_actor(tmp_path: Path) -> None:
    """The Leeds Courier is cited in one article ("the Leeds Courier reported") and named
    once in another ("visits came from the Leeds Courier"): a medium, no actor. The Acme
    Trust, cited in one article but named twice in another, is one (negative case)."""
    stories = {
        "a.txt": "Library opens in Leeds\n\nJane Doe opened the new library in Leeds on Friday, the Leeds Courier "
                 "reported.\n\nThe Acme Trust paid for it, according to the Acme Trust.\n",
        "b.txt": "Library site busy\n\nOne in three visits to the library's site came from the Leeds Courier, "
                 "Jane Doe said.\n\nThe Acme Trust runs the site. The Acme Trust will add a cafe.\n",
        "c.txt": "Floods hit Hull\n\nHeavy rain flooded streets in Hull on Sunday, closing schools and shops.\n\n"
                 "John Roe of the fire service said crews pumped water from 200 homes.\n",
    }
    dossier, pages = _dossier(tmp_path, stories)
    assert any("Leeds Courier" in e.name for e in dossier.entities)
    actors = pages["index.md"].split("## Key actors")[1].split("\n## ")[0]
    assert "Leeds Courier" not in actors
    assert "Acme Trust" in actors
