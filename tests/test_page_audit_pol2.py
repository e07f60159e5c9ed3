"""Entity pages and speakers of UK and US politics articles written for a held-out measure
(tests/fixtures/page_audit_pol2, every person made up; real institutions, places and parties):
a Senedd question time, a Senate confirmation hearing, a lobby leak, a statehouse vote, a select
committee, a federal appeals ruling, a by-election and a White House briefing (batch 1, "b1-").
Each batch was built and judged before any fix (held-out count); the fixes are rules that a
reader would expect to hold on any politics article, each with RULE_ROWS (positive and negative).

PAGES: every page the dossier may have, with its type; KNOWN_WRONG: the wrong pages left for
later with the trap each falls into; SPEAKERS: every quote's speaker, judged by hand."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from builder.annotate.entities import find_entities
from builder.confirm import THRESHOLD
from builder.model import Dossier, EntityType
from builder.pipeline import assemble
from tests.test_entities import article
from tests.page_audit_checks import wrong_pages, wrong_speakers
from tests.test_page_audit import no_page, pages, trap, typed

P, O, L, E, X = EntityType.PERSON, EntityType.ORG, EntityType.PLACE, EntityType.EVENT, EntityType.OTHER
FIXTURE = Path(__file__).parent / "fixtures" / "page_audit_pol2"

PAGES: dict[str, EntityType | tuple[EntityType, ...]] = {
    # batch 1: people (made up)
    "Aled Gwilliam": P, "Alistair Carrow-Dunne": P, "Amit Chaudhry": P, "Bethan Yardley-Moss": P,
    "Bettina Fontenot": P, "Brantley Huckaby": P, "Clay Hardesty": P, "Cleo Batiste": P, "Dale Harrowgate": P,
    "Declan Hollinrake": P, "Desmond Okoye-Ruiz": P, "Dominic Strachan": P, "Dwight Pemberton": P,
    "Dyfan Prosser": P, "Ellie Rowbotham": P, "Eluned Prydderch": P, "Elwood Tarkington": P,
    "Ezequiel Villarreal": P, "Fenella Whitcombe": P, "Fenton Ashby": P, "Gavin Sturridge-Pole": P,
    "Geoffrey Ainsworth-Blake": P, "Gethin Rowlands": P, "Graham Peltier": P, "Hollis Wendover": P,
    "Imogen Latchford": P, "Jolene Tarrant": P, "Jonathan Curtis-Wells": P, "Kaylee Whitford": P,
    "Kieran Moorcroft": P, "Kirsty Ashdown-Hale": P, "Llinos Meredydd": P, "Marcus Delahunt": P,
    "Marisol Ochoa-Lindgren": P, "Nigel Ffoulkes": P, "Oliver Penhallow": P, "Prescott Vandermeer": P,
    "Priscilla Warrender": P, "Rhodri Tudor-Vaughan": P, "Rory Blaxland": P, "Rosalind Kettering": P,
    "Sarah-Jane Pollitt": P, "Tamsin Okafor-Reyes": P, "Vernon Quist": P, "Wade Bollinger": P,
    "Harriet Cholmondeley-Price": P, "Lindsey Varnum": P, "Claire Bustamante": P, "Ben Castellanos-Hart": P,
    "Daniella Dumont": P,
    # batch 1: organisations
    "82nd Airborne Division": O, "Associated Press": O, "BBC": O, "BBC Radio 4": O, "Conservative Party": O,
    "Democratic Party": O, "Downing Street": (O, L), "Environment, Food and Rural Affairs Committee": O,
    "Green Party": O, "House Democratic Caucus": O, "House Ways and Means Committee": O,
    "Institute for Fiscal Studies": O, "Labour Party": O, "Liberal Democrats": O, "NAACP Legal Defense Fund": O,
    "Pentagon": O, "Plaid Cymru": O, "Politico": O, "Reform UK": O, "Republican Party": O, "Senate": O,
    "Senate Armed Services Committee": O, "Supreme Court": O, "Texas House": O,
    "Texas State Teachers Association": O, "Treasury": O, "U.S. Circuit Court of Appeals": O,
    "5th U.S. Circuit Court of Appeals": O, "University of Strathclyde": O, "Welsh Government": O,
    "White House": O, "Ofwat": O, "Thames Water": O, "Senedd": (O, L), "Welsh Parliament": O, "Scottish Parliament": O, "Northern Ireland Assembly": O, "The Telegraph": O, "Telegraph": O,
    "Welsh Conservatives": O, "Texas Tribune": O, "The Texas Tribune": O, "Army": O, "NAACP": O,
    "Legislature": O, "House": O, "Dow": O,
    # batch 1: places
    "Austin": L, "Bolton North East": L, "Bridgend": L, "Capitol Hill": L, "Europe": L,
    "James S. Brady Press Briefing Room": L, "Kentucky": L, "Louisiana": L, "New Orleans": L, "Poland": L,
    "Runcorn": L, "Runcorn and Helsby": L, "San Antonio": L, "South Wales East": L, "Texas": L, "Ukraine": L,
    "United States": L, "Wales": L, "Wall Street": (L, O), "Washington": L, "Wrexham": L, "Tyler": L,
    "Tiverton and Minehead": L, "Kentucky": L,
    # batch 1: events, laws
    "Memorial Day": E, "Voting Rights Act": X, "Budget": E, "First Minister's Questions": E,
    # batch 2: people (made up)
    "Alasdair Cromarty": P, "Anthony Brackwell": P, "Aurelio Venn": P, "Baroness Penrose of Caerleon": P,
    "Baroness Tregarthen": P, "Bernadette Ockley": P, "Catriona MacAskill": P, "Celeste Varga": P,
    "Clive Ormerod": P, "Curtis Vantongeren": P, "Dana Kittredge": P, "Declan Mulhearn": P, "Dorian Felsby": P,
    "Euan Pettigrew": P, "Farid Toure-Lindqvist": P, "Fraser Dunoon": P, "Garrett Lindahl": P,
    "Graham Dunbreck": P, "Imran Qadeer-Shaw": P, "Jennifer Peltzman": P, "Jocasta Fairweather": P,
    "Kenny MacPhail": P, "Lord Aldwinckle": P, "Lord Hesketh of Wymondley": P, "Lorna Strathie": P,
    "Lyle Ostrander": P, "Maddie Tresize": P, "Marjorie Pelletier": P, "Marnie Kowalczyk": P,
    "Maureen Castellane": P, "Merle Haskett": P, "Michael Hillard": P, "Neville Parkhouse": P,
    "Noreen Albescu-Pratt": P, "Odessa Pruitt": P, "Orrin Fairbanks": P, "Piers Lanyon": P,
    "Priyanka Sethuraman": P, "Ranjit Sohal": P, "Rochelle Amankwah": P, "Struan McGlashan": P,
    "Toby Gwinnell": P, "Tre Washington-Boyd": P, "Vance Whitlow": P, "Wendell Crowder": P,
    "Yewande Okonjo-Hart": P, "Morag Lindsay-Kerr": P, "Jessica Tolliver-Ames": P, "Tobias Wrenfield": P,
    "Noreen Albescu-Pratt": P,
    # batch 2: organisations
    "ACLU": O, "ACLU of Georgia": O, "Axios": O, "Birmingham City Council": O, "Civil Rights Division": O,
    "Cook Political Report": (O, X), "Health, Education, Labor and Pensions Committee": O, "House of Lords": O,
    "Justice Department": O, "MTA": O, "Metropolitan Transportation Authority": O, "Quinnipiac University": O,
    "Riders Alliance": O, "Scottish National Party": O, "Senate Leadership Fund": O, "Alba": O, "Alba Party": O,
    "Auditor General for Scotland": O, "Ferguson Marine": O, "Caledonian Maritime Assets Limited": O,
    "Scottish Labour": O, "Scottish Conservatives": O, "Scottish Greens": O, "Unite": O, "Teamsters": O,
    "Dignity in Dying": O, "State Senate": O, "Department of Justice": O,
    # batch 2: places
    "Alaska": L, "Albany": L, "Atlanta": L, "Birmingham": L, "Canterbury": L, "Erie": L,
    "Erie Insurance Arena": L, "Georgia": L, "Grand Central Terminal": L, "Maine": L, "New Jersey": L,
    "New York": L, "New York City": L, "Oldham": L, "Oregon": L, "Pennsylvania": L, "Rochdale": L,
    "Scotland": L, "St Albans": L, "Yonkers": L, "Queens": L, "Arran": L, "Islay": L, "Brodick": L,
    "Port Glasgow": L, "Holyrood": (O, L), "Westminster": (O, L), "N.Y.": L, "Pa.": L,
    # batch 2: laws, events
    "Terminally Ill Adults (End of Life) Bill": X, "Prime Minister's Questions": E,
    # batch 3: people (made up)
    "Adaeze Whitcombe-Ross": P, "Adrian Vukovich": P, "Ambrose Kettley": P, "Barnaby Ellwood": P,
    "Beaumont Reyes-Caldwell": P, "Caoimhe Ní Bhriain": P, "Colton Ridgeway": P, "Crispin Wharton": P,
    "Desmond Hanvey": P, "Duane Pickering": P, "Garrison Ebbets": P, "Gideon Ashcombe": P, "Giles Mountford": P,
    "Harriet Okonkwo-Bell": P, "Hugo Stancombe": P, "Kip Landreth": P, "Latrice Boykins": P,
    "Lord Pettifer of Cumnor": P, "Lucinda Arrieta": P, "Maeve Cassidy-Rourke": P, "Malcolm Tennant": P,
    "Miriam Feldstein": P, "Nelson Kilpatrick": P, "Robbie Lavery-Moore": P, "Roland Fairbairn-Oakes": P,
    "Sal Bacarella": P, "Shelby Hanratty": P, "Silas Penderby": P, "Thaddeus Morrow": P, "Tom Emmerton": P,
    "Vikram Sandhu-Ellis": P, "Haley Brandt-Osei": P, "Mychael Schnellinger": P, "Rosalind Tapping": P,
    # batch 3: organisations
    "British Medical Association": O, "BMA": O, "CNN": O, "Congressional Budget Office": O,
    "Democratic Unionist Party": O, "Department of Education": O, "Department of Health and Social Care": O,
    "House Freedom Caucus": O, "NHS Confederation": O, "National Health Service": O, "NHS England": O,
    "Northern Ireland Teachers' Council": O, "Quill Studio LLC": O, "Republican National Committee": O,
    "Sinn Féin": O, "Sky News": O, "Ulster Unionist Party": O, "YouGov": O, "Guardian": O, "The Guardian": O,
    "The Hill": O, "Alliance Defending Freedom": O, "South Carolina Democratic Party": O, "Conservative Home": O,
    "Playbook": X, "State of the Union": X,
    # batch 3: places
    "California": L, "Colorado": L, "Columbia": L, "Exeter": L, "Fermanagh": L, "Harrogate": L,
    "South Carolina": L, "Northern Ireland": L, "Tyrone": L, "South Tyrone": L,
    # batch 3: laws, events, cases
    "First Amendment": X, "Quill Studio LLC v. Ramsay": X, "Blue Palmetto Dinner": E,
}

# the wrong pages left for later (the trap each falls into); a new wrong page fails the test
KNOWN_WRONG: set[str] = {
    "BBC Radio (org)",  # "BBC Radio 4's Today programme": the station's number cut off
    "Ofwat (person)",  # "the regulator Ofwat": a regulator's noun before a one-word body
    "Tiverton (place)", "Minehead (place)",  # a constituency "Tiverton and Minehead" split at "and"
    # batch 2 (judged before fixes: 6 of 85 wrong, 0 of 25 speakers wrong; fixed since: "N.Y. (org)" of a
    # dateline, now New York by the AP abbreviations of places.txt; "Sens (place)", now a title)
    "Alba (person)",  # a party's one word that is a given name too ("Alba's Kenny MacPhail")
    # batch 3 (judged before fixes: 4 of 59 wrong, 1 of 22 speakers wrong; fixed since: "Tyrone (person)" of
    # "south Tyrone", a place after a compass word in lower case)
    "Driving The Day (place)",  # a newsletter's section label in capitals "DRIVING THE DAY —" read as a name
    "Freedom Caucus (org)",  # the short form of "House Freedom Caucus" not joined to it (split)
    "England (place)",  # "NHS England": a body named by its service and a country, split
    "Republican Senate (org)",  # "Republican Senate candidate": a party's adjective and a body before a role
    "SNP Westminster (org)",  # "SNP Westminster leader": a party and its parliament before a role
}


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    return assemble(FIXTURE)[0]


def test_every_page_is_a_name_of_the_right_type(dossier: Dossier) -> None:
    wrong = wrong_pages(dossier, PAGES)
    assert set(wrong) <= KNOWN_WRONG, f"{len(wrong)} wrong of {len(pages(dossier))} pages: {wrong}"


TRAPS: list[Any] = [
    trap("party-letter-town-is-place", typed("Tyler", L)),
]


@pytest.mark.parametrize(("trap", "check"), TRAPS)
def test_trap(dossier: Dossier, trap: str, check: Callable[[Dossier], bool]) -> None:
    assert check(dossier), trap


# (rule id, a paragraph, {name: its type, or None: no entity of that name, or one below the threshold})
RULE_ROWS: list[tuple[str, str, dict[str, EntityType | str | None]]] = [
    ("party-place", "State Rep. Jane Zorblatt, R-Tyler, carried the bill.", {"Tyler": L, "Jane Zorblatt": P}),
    ("party-place", "State Sen. John Quux, D-Zorbville, voted no.", {"Zorbville": L, "John Quux": P}),
    ("party-place", "Tyler Zorblatt, a Democrat, voted no.", {"Tyler Zorblatt": P}),
    ("plural-title", "Sens. Jane Zorblatt of Alaska and John Quux of Maine voted no.",
     {"Sens": None, "Sens.": None, "Jane Zorblatt": P}),
    ("plural-title", "Reps. Jane Zorblatt and John Quux voted no.", {"Reps": None, "Jane Zorblatt": P}),
    ("plural-title", "The Sens won in overtime, Jane Zorblatt said.", {"Jane Zorblatt": P}),
    ("state-abbreviation", "ALBANY, N.Y. (AP) — Jane Zorblatt signed the bill.", {"N.Y.": L, "Jane Zorblatt": P}),
    ("state-abbreviation", "Jane Zorblatt, D-N.Y., signed the bill.", {"N.Y.": None}),
    ("place-after-compass", "Parents in Fermanagh and south Tyrone would be furious, Jane Zorblatt said.",
     {"Tyrone": L, "Jane Zorblatt": P}),
    ("place-after-compass", "Farms in north Zorbshire failed.", {"Zorbshire": L}),
    ("place-after-compass", "After heading south, Tyrone Zorblatt said no.", {"Tyrone Zorblatt": P}),
]


@pytest.mark.parametrize(("rule", "text", "expected"), RULE_ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(RULE_ROWS)])
def test_rule_row(rule: str, text: str, expected: dict[str, EntityType | str | None]) -> None:
    entities, mentions = find_entities(article(*text.split("\n")))
    by_key = {e.key: e for e in entities}
    found = {e.name: e for e in entities} | {m.surface: by_key[m.key] for m in mentions}
    for name, etype in expected.items():
        entity = found.get(name)
        if etype is None:
            assert entity is None or entity.confidence < THRESHOLD, (rule, name, entity)
        elif isinstance(etype, EntityType):
            assert entity is not None and entity.type is etype, (rule, name, entity)
        else:
            assert entity is not None and entity.name == etype, (rule, name, entity)


# every quote's speaker, judged by hand: (article id's start, the quote's first words) -> the one
# who said it (None: the text names no one); a quote given another speaker is a wrong speaker
SPEAKERS: dict[tuple[str, str], str | None] = {
    ("reform-uk-w", "the biggest by-election re"): "Declan Hollinrake",
    ("reform-uk-w", "disappointing"): "Ellie Rowbotham",
    ("reform-uk-w", "extraordinary"): "Jonathan Curtis-Wells",
    ("treasury-dr", "The Chancellor has not tak"): None,
    ("treasury-dr", "planning a stealth raid on"): "Priscilla Warrender",
    ("treasury-dr", "come clean"): "Oliver Penhallow",
    ("treasury-dr", "Working people were promis"): "Kirsty Ashdown-Hale",
    ("water-boss-", "not in crisis"): "Fenella Whitcombe",
    ("water-boss-", "hard to swallow"): "Alistair Carrow-Dunne",
    ("water-boss-", "No, they have not,"): "Fenella Whitcombe",
    ("water-boss-", "failed for a decade"): "Bethan Yardley-Moss",
    ("water-boss-", "watching closely"): "Imogen Latchford",
    ("senedd-row-", "treating drivers with cont"): None,
    ("senedd-row-", "People in Wrexham and Brid"): "Rhodri Tudor-Vaughan",
    ("senedd-row-", "The evidence is clear and "): "Eluned Prydderch",
    ("senedd-row-", "on day one"): "Dyfan Prosser",
    ("white-house", "The president is not going"): "Kaylee Whitford",
    ("white-house", "always adjust"): "Kaylee Whitford",
    ("white-house", "a tax on every family"): "Desmond Okoye-Ruiz",
    ("white-house", "Tariffs are taxes, and Ken"): "Elwood Tarkington",
    ("senators-gr", "follow lawful orders"): "Marcus Delahunt",
    ("senators-gr", "I was not part of those di"): "Marcus Delahunt",
    ("senators-gr", "He has earned this,"): "Wade Bollinger",
    ("appeals-cou", "cannot survive strict scru"): "Prescott Vandermeer",
    ("appeals-cou", "ignores the Voting Rights "): "Marisol Ochoa-Lindgren",
    ("appeals-cou", "We will defend the will of"): "Bettina Fontenot",
    ("appeals-cou", "a setback for Black voters"): "NAACP Legal Defense Fund",
    ("appeals-cou", "disappointed but not surpr"): "Cleo Batiste",
    ("texas-house", "deserve a choice"): "Jolene Tarrant",
    ("texas-house", "This is a dark day for pub"): "Ezequiel Villarreal",
    ("texas-house", "the moment it reaches my d"): "Brantley Huckaby",
    ("birmingham-", "confident of the support o"): "Neville Parkhouse",
    ("birmingham-", "living among rats"): "Ranjit Sohal",
    ("birmingham-", "Our members will not be bu"): "Bernadette Ockley",
    ("birmingham-", "We are working with the co"): "Neville Parkhouse",
    ("snp-under-f", "abandoned"): "Imran Qadeer-Shaw",
    ("snp-under-f", "as quickly as possible"): "Catriona MacAskill",
    ("snp-under-f", "run out of excuses"): "Lorna Strathie",
    ("peers-defea", "not fit for purpose"): "Lord Aldwinckle",
    ("peers-defea", "disappointed"): "Lord Hesketh of Wymondley",
    ("peers-defea", "how deep the concern runs"): "Bishop of St Albans",
    ("peers-defea", "wrecking tactic"): "Dignity in Dying",
    ("pmqs-brackw", "jumping on a bandwagon"): "Anthony Brackwell",
    ("pmqs-brackw", "failed by every institutio"): "Yewande Okonjo-Hart",
    ("pmqs-brackw", "listen to women"): "Maddie Tresize",
    ("pmqs-brackw", "within weeks"): "Jocasta Fairweather",
    ("justice-dep", "has no right to hide its r"): "Priyanka Sethuraman",
    ("justice-dep", "We follow the law in Georg"): "Wendell Crowder",
    ("justice-dep", "an attack on privacy"): "Odessa Pruitt",
    ("castellane-", "cannot afford another toll"): "Maureen Castellane",
    ("castellane-", "a gift to drivers from New"): "Farid Toure-Lindqvist",
    ("vantongeren", "Pennsylvania is done being"): "Curtis Vantongeren",
    ("vantongeren", "One poll in June means not"): "Tre Washington-Boyd",
    ("senate-conf", "put workers first"): "Garrett Lindahl",
    ("senate-conf", "the opposite"): "Orrin Fairbanks",
    ("senate-conf", "a fighter for working peop"): "Declan Mulhearn",
    ("tory-leader", "win back the voters we los"): "Roland Fairbairn-Oakes",
    ("tory-leader", "Members want someone who c"): "Hugo Stancombe",
    ("tory-leader", "closer than it looks"): "Lord Pettifer of Cumnor",
    ("tory-leader", "tired of psychodrama"): "Ambrose Kettley",
    ("ashcombe-nh", "end the duplication"): "Gideon Ashcombe",
    ("ashcombe-nh", "a reorganisation nobody vo"): "Crispin Wharton",
    ("ashcombe-nh", "at rock bottom"): "British Medical Association",
    ("ashcombe-nh", "if it frees them to focus "): "Barnaby Ellwood",
    ("stormont-co", "furious"): "Nelson Kilpatrick",
    ("stormont-co", "starved the executive of f"): "Caoimhe Ní Bhriain",
    ("stormont-co", "in the coming weeks"): None,  # "A department spokesperson said": unnamed
    ("house-gop-m", "We are not going to vote t"): "Sal Bacarella",
    ("house-gop-m", "a watered-down bill"): "Duane Pickering",
    ("house-gop-m", "as a bloc"): "Harriet Okonkwo-Bell",
    ("playbook-re", "He's not running for anyth"): "Silas Penderby",
    ("playbook-re", "excited to kick the tires"): "Latrice Boykins",
    ("playbook-re", "Ask me after November."): "Vikram Sandhu-Ellis",
    ("playbook-re", "ready for whoever they nom"): "Kip Landreth",
    ("supreme-cou", "The First Amendment envisi"): "Thaddeus Morrow",
    ("supreme-cou", "a new license to discrimin"): "Lucinda Arrieta",
    ("supreme-cou", "reviewing the decision"): "Garrison Ebbets",
    ("supreme-cou", "a win for all Americans"): "Shelby Hanratty",
}
# (batch 3's ("stormont-co", "in the coming weeks"), "A department spokesperson said" given the
# education spokesperson named before, fixed: test_indefinite_role_is_someone_new)
KNOWN_WRONG_SPEAKERS: set[tuple[str, str]] = set()


def test_no_wrong_speaker(dossier: Dossier) -> None:
    seen, wrong = wrong_speakers(dossier, SPEAKERS, (11, 26))
    assert {key for key, _ in wrong} <= KNOWN_WRONG_SPEAKERS, wrong
    assert seen == set(SPEAKERS), set(SPEAKERS) - seen


# --- "Jane Doe, an appointee of John Roe, wrote ...": the appositive's "of" names the patron,
# not the speaker (quotes/roles.txt, entities/role_nouns.txt) ---------------------------------
@pytest.mark.parametrize(("text", "speaker"), [
    ("Judge Jane Doe, an appointee of President John Roe, wrote for the majority that the map “cannot survive”.",
     "Jane Doe"),
    ("Jane Doe, a nominee of John Roe, said the plan was “dead”.", "Jane Doe"),
    ("John Roe, who appointed Jane Doe, wrote that the map “cannot survive”.", "John Roe"),
], ids=["appointee-of", "nominee-of", "who-appointed"])
def test_appositive_of_a_patron(text: str, speaker: str | None) -> None:
    from tests.test_quotes import person, quotes
    last = quotes("Headline\n\n" + text, [person("Jane Doe"), person("John Roe")], headline=True)[-1]
    assert last.speaker_name == speaker, last


# --- "A department spokesperson said": an indefinite role brings someone new in, never the
# holder of that role named before (annotate/speaker_resolvers.py role_holder) ---------------
@pytest.mark.parametrize(("text", "speaker"), [
    ("Acme's education spokesperson, Jane Doe, said the cuts were “cruel”.\n\n"
     "John Roe was absent. A department spokesperson said the minister would reply “in the coming weeks”.", None),
    ("Acme's spokesman, John Roe, said the cuts were “cruel”.\n\nThe spokesman said it would reply “in weeks”.",
     "John Roe"),
], ids=["indefinite-role-is-new", "definite-role-is-the-holder"])
def test_indefinite_role_is_someone_new(text: str, speaker: str | None) -> None:
    from tests.test_quotes import org, person, quotes
    last = quotes("Headline\n\n" + text, [person("Jane Doe"), person("John Roe"), org("Acme")], headline=True)[-1]
    assert last.speaker_name == speaker, last
