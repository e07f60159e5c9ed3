"""Issue 17, timeline leftovers: dates that are no event of the story. A statistic's year
("15% of GDP in 2013"), a film's or book's setting ("Set in 1983"), a reference date ("as of
March 2014"), an age or a birth, a year inside the name of a law or report ("the Act of
1998"), and "today" meaning nowadays keep their place in the text but stay off the
timeline; the same words around an event leave it an event (negative cases)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builder.annotate.dates import dates_in_text
from tests.test_views import _dossier

PUBLISHED = dt.date(2015, 3, 18)  # a Wednesday


@pytest.mark.parametrize(("sentence", "roles"), [
    # statistics: a figure measured in a year
    ("Tourism is critical to the economy, accounting for 15 percent of its output in 2013, the council said.",
     ["statistic"]),
    ("The rate in 2012 was 4.5 percent.", ["statistic"]),
    ("The unemployment rate in 2012 was higher.", ["statistic"]),
    ("Sales of food, which totaled $726 billion in 2017, are growing.", ["statistic"]),
    ("Acme had more than 100 shops, double the number in 2017.", ["statistic"]),
    ("Acme's browsers accounted for 70 percent of the market in 2009.", ["statistic"]),
    ("In 2014, the fishery is capped at 29.4 million pounds.", ["statistic"]),
    ("Inflation was 2.5 percent in May, the office said.", ["statistic"]),
    ("In March 2014, turnout was about 40 percent.", ["statistic"]),
    ("Jane Doe was paid $5 million in 2012.", ["event"]),
    ("The brand racked up more than $6 million in sales in January alone, a firm said.", ["statistic"]),
    ("Jane Doe travelled to Leeds in January alone.", ["event"]),
    ("Acme, which is 40 percent owned by the state, bought Zorblatt in 2012.", ["event"]),
    # ... not an event told with a figure
    ("Acme bought Zorblatt in August 2017 for $13.7 billion, its largest purchase.", ["event"]),
    ("In 2014, 4 million visitors attended the festival.", ["event"]),
    ("In 1998, the rate of the new tax was set by the council.", ["event"]),
    ("More than 200 people were killed in 1998.", ["event"]),
    # a setting
    ("Set in 1983 in Northern Italy, the film is about a summer.", ["setting"]),
    ("The novel is set in 1983 in a small town.", ["setting"]),
    ("The vote takes place in May 2016.", ["event"]),
    ("The record was set in 1998 by Jane Doe.", ["event"]),
    ("A fire was set in March 2014 at the school.", ["event"]),
    # a reference date
    ("As of March 4, 2011, the browser has 277 known flaws.", ["reference"]),
    ("Acme had more than 100 brands as of last July, a study said.", ["reference"]),
    ("The fund held $3 billion as at 31 March 2014.", ["reference"]),
    ("Now that we're in 2011, it is time to say goodbye.", ["reference"]),
    ("Jane Doe took office as mayor in March 2014.", ["event"]),
    # ages and births
    ("Acme turns 40 years old this year, so a party is planned.", ["age"]),
    ("The firm turned 100 in 2014.", ["age"]),
    ("Jane Doe, who was born in 1962, leads the party.", ["birth"]),
    ("Jane Doe was born on 4 July 1962 in Leeds.", ["birth"]),
    ("In 1995, at age seventeen, she was told to leave.", ["event"]),
    ("The Acme prize was first awarded in 1962.", ["event"]),
    # years in the names of laws and reports
    ("The Civil Rights Act of 1964 bans it.", []),  # (a year after "of" is no date)
    ("Under the Data Protection Act of March 1998, firms must say so.", ["name"]),
    ("The Treaty of 12 May 1998 set the border.", ["name"]),
    ("Parliament passed the act in 1998.", ["event"]),
    # a day and month naming a past event ("the September 11 attacks"): no date of this year's
    ("Security was tightened after the September 11 attacks, the council said.", ["name"]),
    ("Nobody forgot the 7 July bombings in the city.", ["name"]),
    ("Jane Doe was hurt in attacks on September 11.", ["event"]),
    ("The March 4, 2014 attacks killed three people.", ["event"]),
    ("The Act was amended in March 2014.", ["event"]),
    # "today" meaning nowadays, by its words
    ("The wallet holds 1.81 bitcoins, around $430 at today's exchange rates.", ["now"]),
    ("\u201cThe obsession is as strong today as it was when he was living\u201d, said Jane Doe.", ["now"]),
    ("Neon signs exist today, though they have been eclipsed by newer technologies.", ["now"]),
    ("It can be a medium for artists working today, though it was trapped in the past.", ["now"]),
    ("Jane Doe resigned today, the council said.", ["event"]),
])
def test_a_date_that_is_no_event_of_the_story(sentence: str, roles: list[str]) -> None:
    assert [r.role for r in dates_in_text(sentence, PUBLISHED)] == roles


def test_the_next_weekday_of_a_narrative_is_not_placed_against_the_report() -> None:
    """'I went back the next Tuesday': the Tuesday after the story's Saturday, not after
    the report's date; 'next Tuesday' alone still is."""
    told = dates_in_text("I visited on Saturday and went back the next Tuesday night.", PUBLISHED)
    assert [r.date for r in told] == [dt.date(2015, 3, 14), None]
    assert [r.date for r in dates_in_text("She will go back next Tuesday.", PUBLISHED)] == [dt.date(2015, 3, 24)]


def test_statistics_settings_and_reference_dates_stay_off_the_timeline(tmp_path: Path) -> None:
    text = ("Acme in numbers\n\n"
            "Jane Doe opened the Acme plant in Leeds on Monday, the council said.\n\n"
            "Tourism accounted for 15 percent of the town's output in 2013.\n\n"
            "As of March 2014, the plant had 300 workers.\n\n"
            "Set in 1983, the plant's film was shown to the workers.\n")
    dossier, _ = _dossier(tmp_path, {"a.txt": text}, "articles:\n  a.txt:\n    date: 2015-03-18\n")
    assert [e.text for e in dossier.timeline] == ["Monday"]


@pytest.mark.parametrize(("sentence", "ahead"), [
    ("The executive order that Jane Doe plans to sign on Wednesday will have a review period.", True),
    ("On Wednesday, the council will announce a new strategy.", True),
    ("Jane Doe resigned on Wednesday, the council said.", False),
    ("Jane Doe rejected it over fears it would cost too much, which the council today rejects.", False),
    ("Last year 4 million visitors came and this year the city expects 6 million visitors.", True),
])
def test_an_event_of_the_reports_own_day_or_year_set_ahead_is_expected(
        tmp_path: Path, sentence: str, ahead: bool) -> None:
    text = "Acme news\n\n" + sentence + "\n"
    dossier, _ = _dossier(tmp_path, {"a.txt": text}, "articles:\n  a.txt:\n    date: 2015-03-18\n")
    own = [e for e in dossier.timeline if e.date.year == 2015]
    assert own and all(e.ahead is ahead for e in own)
