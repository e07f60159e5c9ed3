"""Entity pages of a whole dossier, judged page by page: political news in the styles of
the UK and US press (tests/fixtures/page_audit, made-up people and parties), with the traps
that make wrong pages on real news: capitalised common words and fragments, constituencies,
counties and temples typed as something else, short forms split from the full name,
descriptors and programme titles swallowing a person, relatives sharing a surname.

Every page the build makes must be in PAGES with its type: a page that is not is a wrong
page, and the test lists them all. The articles named pol-*.txt (PMQs, a resignation, a
by-election, a conference, the Lords, a select committee, a council; a Senate hearing, a
governor's race, a court ruling, a White House briefing, a House vote) were written after the
rest and judged by hand before any fix: 17 of their 188 pages were wrong at cb9e69f; their quotes'
speakers are judged in SPEAKERS. The TRAPS rows check one trap each (the id names the trap
or the rule of builder/data/entities/ that handles it)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any
from pathlib import Path

import pytest

from builder.annotate.entities import find_entities
from builder.confirm import THRESHOLD
from builder.model import Dossier, Entity, EntityType
from builder.pipeline import assemble
from tests.test_entities import article

P, O, L, E, X = EntityType.PERSON, EntityType.ORG, EntityType.PLACE, EntityType.EVENT, EntityType.OTHER
R = EntityType.PRODUCT
FIXTURE = Path(__file__).parent / "fixtures" / "page_audit"

# every page the dossier may have, with its type (a name here need not get a page)
PAGES: dict[str, EntityType | tuple[EntityType, ...]] = {  # (a tuple: a name either type fits)
    # people
    "Jane Doe": P, "Jane Roe": P, "John Smith": P, "Peter Blackwood": P, "Mrs Blackwood": P,
    "Sandra Blackwood": P, "Baroness Kennedy": P, "Charles Kennedy": P, "Frank Doyle": P, "Tom Baker": P,
    "Alice Grey": P, "Hugh Wells": P, "John Roe": P, "Mrs Roe": P, "Michael Stone": P, "Mary Major": P,
    "Tom Green": P, "Alan Fisher": P, "Sarah Hill": P, "Jane Marsh": P, "John Hale": P, "Hugh Pike": P,
    "Alan Gray": P, "Alice Ford": P, "Lord Bell": P, "Lord Bell of Anytown": P, "Laura Finch": P, "Tom Finch": P, "Mark Dunn": P,
    "Ruth Vance": P, "Sam Ortiz": P, "Kate Lowe": P, "Ben Hart": P, "Ann Cole": P,
    # organisations
    "Acme Party": O, "Acme Books": O, "Acme Institute": O, "Acme Wire": O, "Anytown Gazette": O,
    "BBC Radio": O, "BBC Radio 4": O, "BBC": O, "ITV": O, "NBC": O, "NBC News": O, "Corn Exchange": O,
    "Daily Telegraph": O, "The Daily Telegraph": O, "News of the World": O, "Liberal Democrats": O,
    "Conservative Party": O, "Labour Party": O, "Democratic Party": O, "Republican Party": O,
    "House of Commons": O, "House of Lords": O, "House of Representatives": O, "Senate": O,
    "Parliament": O, "Government": O, "White House": O, "Westshire County Council": O,
    "Federal Bureau of Investigation": O, "Homeland Security": O, "Department of Homeland Security": O,
    "The New York Times": O, "The Washington Post": O, "Acme": O, "Associated Press": O, "BBC One": O,
    "Bank of England": O, "CBS News": O, "Democratic National Committee": O, "Downing Street": O,
    "Fox News": O, "Justice Department": O, "Office for Budget Responsibility": O, "SNP": O, "Scottish National Party": O,
    "Scotland Yard": O, "Metropolitan Police": O, "Treasury": O, "Reform UK": O, "Ofcom": O, "Ofsted": O,
    "Americans for Freedom": O, "Iowa": L, "Des Moines": L, "New Hampshire": L, "Scotland": L,
    "Capitol Hill": L, "United Kingdom": L, "Midlands": L, "Iowa State Fairgrounds": L, "Election Day": E,
    # places
    "Anytown": L, "Kettering": L, "Corby": L, "Northampton": L, "Northamptonshire": L, "Tividale": L,
    "West Midlands": L, "Westshire": L, "Westminster": (L, O), "Shri Venkateswara Temple": L, "Capitol": L,
    "Washington": L, "Ohio": L, "Texas": L, "Georgia": L, "Arizona": L, "Cochise County": L,
    # laws, works
    "Prevention of Terrorism Bill": X, "Secure Borders Act": X, "An Audience With Jane Doe": X,
    "Against the Tide": X, "Today": X, "Meet the Press": X, "Standing Firm": X, "Face the Nation": X,
    "Sunday Politics": X, "Medicaid": X,
    # the wire story, the governor, the press release and the culture picks (made-up names)
    "Petra Quill": P, "Dario Venn": P, "Hana Sato": P, "Leo Marsh": P, "Daniel Okafor": P, "Priya Raman": P,
    "Wade Kimball": P, "Carla Beaumont": P, "Joe Doe": P, "Mia Torres": P, "Helen Carver": P, "Martin Pryce": P,
    "Ines Calloway": P, "Rosalind Fairweather": P, "Dax Hollow": P, "Mara": P, "Omar Haddad": P,
    "Greta Lindqvist": P, "Paulo Brandt": P,
    "Zorbian Space Agency": O, "Ordway Dynamics": O, "Brightwater Capital": O, "General Assembly": O,
    "National Governors Association": O, "Ohio Housing Finance Agency": O, "Truth Social": (O, R, X),
    "Department for Flood Resilience": O, "Environment Agency": O, "GOV.UK": (O, X), "Quillfeather Games": O,
    "Netflix": O, "BBC Four": O, "Fox News Sunday": X,
    "CAPE ANYTOWN": L, "Cape Anytown": L, "Columbus": L, "New York": L, "Ohio Statehouse": (L, O),
    "River Nene": L, "Riverside Park": L,
    "NX-4": E, "Operation Dry Feet": E, "Anytown Film Festival": E,
    "Falconet": R, "Kestrel-2": R, "Lumen": R, "Air Force One": (R, X), "Samsung Halo": R, "Samsung": O, "Press Office": O,
    "Affordable Homes Act": X, "Westshire Flood Defence Scheme": X, "Flood Recovery Scheme": X,
    "Paper Lanterns": X, "Tower Dash": X, "Tower Dash: Rooftop Rush": X, "A River in Winter": X,
    "Quiet Year": X, "Quiet Machines": X,
    # the pol-*.txt articles: people
    "Adrian Faulks": P, "Alasdair Munro": P, "Amira Qureshi": P, "Ana Ferreira": P, "Andrew Baird-Halloway": P,
    "Anjali Mehta-Ross": P, "Annette Kessinger": P, "Baroness Adeyemi-Clarke": P, "Baroness Ingleby": P,
    "Baroness Whitlow": P, "Barrett Cole": P, "Bradley Kessinger": P, "Bryony Tate": P, "Calum Strachan": P,
    "Claire Mottram": P, "Clive Redmayne": P, "Colin Abernathy": P, "Curtis Vane": P, "Dale Rutledge": P,
    "Dana Whitfield": P, "Daniel Corrigan": P, "Darren Pike": P, "Delia Okonkwo-Marsh": P, "Denise Harlow": P,
    "Edward Lacey": P, "Eleanor Hastings": P, "Erin McAllister": P, "Eulalia Benavides": P,
    "Fiona Baird-Halloway": P, "Gavin Hollis": P, "Geoffrey Tull": P, "Gloria Estrada-Kline": P,
    "Gloria Nakamura": P, "Graham Stoddart": P, "Gwen Aldous": P, "Hal Jennings": P, "Harriet Conway-Bell": P,
    "Helen Ashcombe": P, "Helen Varley": P, "Holly Brennan": P, "Howard Ames": P, "Ian Cardew": P,
    "Imran Sadiq": P, "Janelle Okoro": P, "Jesse Navarro": P, "Joanne Fenwick": P, "Jonathan Ebury": P,
    "Karen Birtles": P, "Kayla Brandt": P, "Keith Stoddart": P, "Lady Tansey": P, "Lamar Pettigrew": P,
    "Lord Fennimore": P, "Lord Tansey of Castlebridge": P, "Lord Tansey": P, "Lorraine Whitcomb": P,
    "Lucy Fairbanks": P, "Marcus Bell": P, "Marcus Trevithick": P, "Maria Etcheverry": P, "Maureen Dwyer": P,
    "Miriam Castellanos": P, "Nadia Sorensen": P, "Neville Ashdown": P, "Nigel Ormsby": P, "Nina Castellanos": P,
    "Oliver Penrose": P, "Owen Pryor-Jones": P, "Patricia Holroyd": P, "Peter Lyle": P, "Priya Chaudhury-Venn": P,
    "Rachel Okonedo-Price": P, "Ray Montoya": P, "Richard Fairbanks": P, "Roy Buckner": P, "Royce Tillman": P,
    "Samuel Oyelaran": P, "Simon Hartley-Moore": P, "Siobhan Keane": P, "Susan Gledhill": P,
    "Tessa Lindgren": P, "Thomas Caldwell": P, "Tomasz Wójcik": P, "Wes Harrigan": P, "Ross Whitaker": P,
    "Harriet Lomax": P, "Tom Ashworth": P, "Luis Ortega": P, "Daniel Wallace": P,
    # organisations
    "Agriculture Committee": O, "House Agriculture Committee": O, "American Farm Bureau Federation": O,
    "Atlanta Journal-Constitution": O, "BBC Radio Wendleshire": O, "Big Sky Power & Light": O,
    "Brackenmoor International Convention Centre": (O, L), "Harrowfield Leisure Centre": (O, L),
    "Brennan Center for Justice": O, "CNN": O, "Castlebridge City Council": O, "Castlebridge Post": O,
    "Cedar Bluff State University": O, "Centre for Policy Reform": O, "Clean Rivers Wendleshire": O,
    "Commons Standards Committee": O, "Congressional Budget Office": O, "Congressional Progressive Caucus": O,
    "House Freedom Caucus": O, "Department for Education": O, "Department of Energy": O,
    "Environment, Food and Rural Affairs Committee": O, "Georgia Public Broadcasting": O, "Green Party": O,
    "Health and Social Care Committee": O, "Independent Parliamentary Standards Authority": O,
    "League of Women Voters": O, "League of Women Voters of Texas": O, "National Economic Council": O,
    "National Farmers Union": O, "National Health Service": O, "National Landlords Association": O,
    "Office of Management and Budget": O, "Ofwat": O, "Renters' Reform Coalition": O, "Reuters": O,
    "Senate Energy and Natural Resources Committee": O, "Sierra Club": O, "Stenford Borough Council": O,
    "Sunday Times": O, "The Sunday Times": O, "Supreme Court": O, "Tallmadge Institute": O,
    "Tejano Voters Alliance": O, "University of Wendleshire": O, "Wendle Valley Water Board": O,
    "Wendleshire County Council": O, "Western Rivers Alliance": O, "Wendle Water": O, "Unison": O,
    "YouGov": O, "The Times": O, "Conservative Future": O, "Georgians for a Brighter Future": O,
    "Department of Energy and Natural Resources": O, "5th U.S. Circuit Court of Appeals": O, "5th Circuit": O,
    # places
    "Austin": L, "Brackenmoor": L, "Castlebridge": L, "Castlebridge Central": L, "Cedar Bluff": L, "Detroit": L,
    "Dunmere": L, "Harrowfield": L, "Kelsham": L, "London": L, "Mardle": L, "Montana": L, "New Mexico": L,
    "New Orleans": L, "North": L, "North Tenmoor": L, "Pellham": L, "Pellham North": L, "River Wendle": L,
    "San Marcos": L, "Stenford": L, "Tallmadge County": L, "Tenmoor South": L, "United States": L,
    "Upper Wendle": L, "Vermont": L, "Harrowfield and Upper Wendle": L, "Kelsham and Dunmere": L,
    "Stenford and Mardle": L, "Ashby Vale": L, "Wendleshire": L, "Idaho": L, "Minnesota": L, "Oregon": L,
    # laws, schemes, programmes
    "Ballot Integrity Act": X, "Renters' Security Bill": X, "Supplemental Nutrition Assistance Program": X,
    "SNAP": X, "World at One": X, "Election Day": E,
    # the second batch, pol2-*.txt (held out while the first was fixed: 8 of its 92 pages wrong at cb9e69f)
    "Alan Pugh": P, "Arturo Delgado": P, "Ben Ochoa": P, "Callum Reid": P, "Clay Trent": P, "Declan Maguire": P,
    "Donna Kirkwood": P, "Douglas Fairlie": P, "Dwight Pellegrino": P, "Eilidh MacRae": P, "Ellen Park": P,
    "Fergus Lockhart": P, "Hamish Ure": P, "Jaswinder Gill": P, "Jenna Wallace": P, "Kenny Drummond": P,
    "Kieran Lowe": P, "Kwame Asante": P, "Leticia Morales": P, "Lord Ashgrove of Tenby": P, "Lyle Brannock": P,
    "Mark Ellison": P, "Martha Quinlan": P, "Morag Kinnear": P, "Noah Feldstein": P, "Patrick Hale": P,
    "Pauline Marr": P, "Renata Voss": P, "Rita Achterberg": P, "Shabana Rafiq": P, "Siân Pritchard": P,
    "Simon Dalgleish": P, "Sofia Reyes": P, "Tobias Wren": P, "Tom Guthrie": P, "Yvette Carmody": P,
    "Miles Devereux": P, "Greg Wallace": P, "Delyth Pryor-Jones": P,
    "British Medical Association": O, "Caledonian Marine Holdings": O, "Club for Growth": O,
    "Confederation of Passenger Transport": O, "Department of Health and Social Care": O, "Facebook": O,
    "Greyline Group": O, "Harbridge Council": O, "Home Office": O, "House Ethics Committee": O,
    "London Stock Exchange": O, "Net Zero, Energy and Transport Committee": O, "North Tenmoor Combined Authority": O,
    "Office of Congressional Conduct": O, "RMT": O, "Scottish Parliament": O, "Senate Leadership Fund": O,
    "Sunward Cruise Lines": O, "Tenmoor Buses": O, "Scottish Conservatives": O, "Scottish Labour": O,
    "Scottish Greens": O, "Alba Party": O, "Holyrood": (O, L), "Citizens for Responsibility and Ethics in Washington": O,
    "House Transportation and Infrastructure": O, "U.S. Senate": O,
    "Ashcombe Heath": L, "Cardiff": L, "Caribbean": L, "Cwm Aderyn": L, "Florida": L, "Glenmorar": L, "Harbridge": L,
    "Maricopa": L, "Maricopa County": L, "Northern Ireland": L, "Phoenix": L, "Port Calder": L, "Redbridge Marsh": L,
    "Scottsdale": L, "Strathy": L, "Tampa": L, "Tucson": L, "Ellesmere Vale": L, "Tenby": L, "Glenmorar and Strathy": L,
    # the third batch, pol3-*.txt (held out while the second was fixed: 7 of its 74 pages wrong at cb9e69f)
    "Amelia Strand": P, "Amos Reddick": P, "Buddy Hargrove": P, "Celia Marquand": P, "Clive Ormerod": P,
    "Dale Pruett": P, "Daniel Fisk": P, "Frank Mulvaney": P, "Garth Wolstenholme": P, "Gideon Frayne": P,
    "Harold Brandtner": P, "Harriet Okafor-Lyle": P, "Ingrid Solvang": P, "Jonah Pike": P, "Linda Ochs": P,
    "Lord Davenport of Mere": P, "Marcy Oduya": P, "Marjorie Flint": P, "Nadia Hussain": P, "Peter Calloway": P,
    "Ramona Villarreal": P, "Terence Blaine": P, "Travis Keel": P, "Warren Talbot": P, "Derrick Coleman": P,
    "Pat McGarrity": P, "Odile Brisco": P, "Tamsin Okoye": P, "Rufus Vane-Tempest": P,
    "Democratic Congressional Campaign Committee": O, "Institute for Fiscal Studies": O, "Kelsham Borough Council": O,
    "NAACP": O, "Ohio State Conference of the NAACP": O, "Senate Education Committee": O, "Sky News": O,
    "Sunday Telegraph": O, "The Sunday Telegraph": O, "Texas Education Agency": O, "Texas House": O,
    "Texas State Teachers Association": O, "Treasury Select Committee": O, "Observer": O, "The Observer": O,
    "Dayton": L, "Dunmere East": L, "Lubbock": L, "San Antonio": L, "Tyler County": L, "Columbus-area": L,
    "BBC Breakfast": X, "Sunday Morning with Gideon Frayne": X, "Broadcasting House": X,
    # the fourth batch, pol4-*.txt (held out while the third was fixed: 2 of its 51 pages wrong at cb9e69f)
    "Alastair Kerr": P, "Bernie Quigley": P, "Carla Benitez": P, "Ciarán Devlin": P, "Clint Harbaugh": P,
    "Duane Whitlock": P, "Elaine Marsh-Whitby": P, "Imogen Thwaite": P, "Kemi Adebayo-Stone": P,
    "Kirsty Munro-Bain": P, "Luis Carreño": P, "Marcus Bellweather": P, "Martin Oyelowo-Hart": P,
    "Naomi Gault": P, "Nigel Farrow": P, "Orla McCaughey": P, "Rita Devlin": P, "Robin Lyttle": P,
    "Rosalind Achebe": P, "Theresa Kwan": P,
    "BBC News NI": O, "Democratic Unionist Party": O, "Department of Health": O, "Education Department": O,
    "GB News": O, "Parliament Buildings": (O, L), "Royal College of Nursing": O, "Sinn Féin": O,
    "Social Democratic and Labour Party": O, "Student Borrower Protection Center": O, "Times Radio": O,
    "Ulster Unionist": O, "Ulster Unionist Party": O, "Save Ballinderry A&E": O, "Alliance": O, "Stormont": (O, L), "Northern Ireland Assembly": O,
    "Project on Predatory Student Lending": O, "John W. McCormack Post Office and Courthouse": (L, O),
    "Boston": L, "Brackley Dene": L, "County Tyrone": L, "Massachusetts": L, "Missouri": L, "New Jersey": L,
    "Paterson": L, "Carrickmore": L, "Ballinderry": L,
    "GI Bill": X, "Higher Education Act": X,
}


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    return assemble(FIXTURE)[0]


def pages(dossier: Dossier) -> list[Entity]:
    return [e for e in dossier.entities if e.confirmed and not e.hidden]


def entity_named(dossier: Dossier, name: str) -> Entity | None:
    """The page that shows `name`, as its name or one of its aliases."""
    for entity in pages(dossier):
        if name == entity.name or name in entity.aliases:
            return entity
    return None


def mention_of(dossier: Dossier, article: str, surface: str, after: str = "") -> Entity | None:
    """The entity the first mention printed `surface` (after the text `after`) belongs to."""
    index = next(i for i, a in enumerate(dossier.articles) if a.file.startswith(article))
    art, annotation = dossier.articles[index], dossier.annotations[index]
    text = art.source_text
    offset = text.index(after) if after else 0
    by_id = {e.id: e for e in dossier.entities}
    for m in sorted(annotation.mentions, key=lambda m: m.start):
        if m.surface == surface and m.start >= offset:
            entity_id = dossier.entity_of.get((art.id, m.key))
            return by_id.get(entity_id) if entity_id else None
    return None


KNOWN_WRONG = {"Air Force One (org)",  # (a plane named by an institution's words and a number; no xfail row)
               "Freedom Caucus (org)",  # (a split: "the House Freedom Caucus" first, "the Freedom Caucus" later)
               "U.S. Circuit Court of Appeals (org)",  # (the ordinal of "the 5th U.S. Circuit ..." left out)
               "Alba (person)",  # (a party that is a given name too, named alone)
               "Arizona Senate (org)",  # (the state's body, for "the Arizona Senate primary": a U.S. Senate seat)
               "Delyth (person)",  # (a wife named by her given name alone: 'Pryor-Jones's wife, Delyth,')
               "BBC Breakfast (org)",  # (a broadcaster's programme, no product now; its type left unsure of)
               "Coleman (org)",  # ('Derrick' a common word and no given name listed: 'Derrick Coleman, president of')
               "Ohio State Conference (event)",  # (cut before "of the NAACP")
               "John W. McCormack Post Office (org)"}  # (cut before "and Courthouse")


def test_every_page_is_a_name_of_the_right_type(dossier: Dossier) -> None:
    def fits(entity: Entity) -> bool:
        expected = PAGES.get(entity.name, ())
        return entity.type in (expected if isinstance(expected, tuple) else (expected,))

    wrong = sorted(f"{e.name} ({e.type.value})" for e in pages(dossier) if not fits(e))
    assert set(wrong) <= KNOWN_WRONG, f"{len(wrong)} wrong of {len(pages(dossier))} pages: {wrong}"


def no_page(name: str) -> Callable[[Dossier], bool]:
    return lambda d: entity_named(d, name) is None and all(name not in e.name.split(" ") or e.name in PAGES
                                                           for e in pages(d))


def typed(name: str, etype: EntityType) -> Callable[[Dossier], bool]:
    return lambda d: (e := entity_named(d, name)) is not None and e.type is etype


def not_typed(name: str, etype: EntityType) -> Callable[[Dossier], bool]:
    return lambda d: (e := entity_named(d, name)) is None or e.type is not etype


def same(a: str, b: str) -> Callable[[Dossier], bool]:
    return lambda d: (e := entity_named(d, a)) is not None and e is entity_named(d, b)


def apart(a: str, b: str) -> Callable[[Dossier], bool]:
    return lambda d: (x := entity_named(d, a)) is not None and (y := entity_named(d, b)) is not None and x is not y


def goes_to(article: str, surface: str, after: str, name: str | None) -> Callable[[Dossier], bool]:
    return lambda d: ((e := mention_of(d, article, surface, after)) is not None and e.name == name) \
        if name else mention_of(d, article, surface, after) is None


def trap(trap_id: str, check: Callable[[Dossier], bool], known: str = "") -> Any:
    """A row of TRAPS; `known`: why it fails today (a defect left to its owner's branch)."""
    return pytest.param(trap_id, check, id=trap_id, marks=[pytest.mark.xfail(reason=known)] if known else [])


TRAPS: list[Any] = [
    # (the trap or rule id, the check): one row each
    trap("common-word-election", no_page("Election")),
    trap("indefinite-common-phrase", no_page("General Election")),
    trap("common-word-nobody", no_page("Nobody")),
    trap("common-word-draconian", no_page("Draconian")),
    trap("common-word-rumours", no_page("Rumours")),
    trap("subheading-timetable", no_page("Timetable")),
    trap("newspaper-keeps-its-words", no_page("World")),
    trap("bill-keeps-its-words", no_page("Prevention")),
    trap("constituency-after-mp-for", typed("Anytown", L)),
    trap("constituency-no-preposition", no_page("for Anytown")),
    trap("county-is-a-place", typed("Northamptonshire", L)),
    trap("county-town-is-a-place", typed("Northampton", L)),
    trap("compass-region-is-a-place", typed("West Midlands", L)),
    trap("temple-is-a-place", typed("Shri Venkateswara Temple", L)),
    trap("short-party-name-joins", same("Lib Dem", "Liberal Democrats")),
    trap("party-first-word-joins", same("Acme", "Acme Party")),
    trap("commons-joins-the-house", same("Commons", "House of Commons")),
    trap("descriptor-not-swallowed", typed("Jane Doe", P)),
    trap("descriptor-backbencher", no_page("Backbencher Jane Doe")),
    trap("programme-keeps-the-person", goes_to("uk-audience", "Jane Doe", "on Sunday.", "Jane Doe")),
    trap("wife-apart-from-husband", apart("Mrs Blackwood", "Peter Blackwood")),
    trap("peer-apart-from-namesake", apart("Baroness Kennedy", "Charles Kennedy")),
    trap("senators-wife-apart", apart("Mrs Roe", "John Roe")),
    trap("surname-goes-to-full-name", goes_to("us-senate", "Roe", "had doubled", "John Roe")),
    trap("given-name-alone-no-page", no_page("Frank")),
    trap("given-name-of-a-wife-no-page", no_page("Sandra")),
    trap("office-not-cut-to-fragment", no_page("Parliamentary Standards")),
    # works, products and missions (the wire story, the governor, the press release, the culture picks)
    trap("post-nominal-mp", typed("Helen Carver", P)),
    trap("work-quoted", typed("Tower Dash", X)),
    trap("work-subtitle", no_page("Rooftop Rush")),
    trap("work-after-heading", typed("Paper Lanterns", X)),
    trap("actor-in-brackets", typed("Dax Hollow", P)),
    trap("studio-not-event", typed("Quillfeather Games", O)),
    trap("mission-is-event", typed("NX-4", E)),
    trap("brand-then-product", typed("Samsung Halo", R)),
    trap("town-stays-place", typed("Westshire", L)),
    # the pol-*.txt articles: one row per general cause of a wrong page found there
    trap("title-cllr", no_page("Cllr")),
    trap("title-cllr-surname-joins", goes_to("pol-uk-council", "Dwyer", "choice,", "Maureen Dwyer")),
    trap("opener-descriptor", no_page("Neighbouring")),
    trap("opener-party-member", no_page("Backbench")),
    trap("regulator-is-a-body", typed("Ofwat", O)),
    trap("proper-adjective", no_page("Olympic")),
    trap("upper-place", typed("Upper Wendle", L)),
    trap("portfolio-office-title", no_page("Local Government")),
    trap("super-pac", no_page("PAC")),
    trap("caucus-body", typed("House Freedom Caucus", O)),
    trap("caucus-body-progressive", typed("Congressional Progressive Caucus", O)),
    trap("title-word-inside-name", typed("Brennan Center for Justice", O)),
    trap("plural-possessive-law", typed("Renters' Security Bill", X)),
    trap("scheme-program", typed("Supplemental Nutrition Assistance Program", X)),
    # merges of the pol-*.txt articles: relatives and namesakes stay apart, titles join
    trap("peer-wife-apart", apart("Lady Tansey", "Lord Tansey of Castlebridge")),
    trap("peer-seat-joins", same("Lord Tansey", "Lord Tansey of Castlebridge")),
    trap("husband-apart", apart("Richard Fairbanks", "Lucy Fairbanks")),
    trap("husband-mr", goes_to("pol-uk-minister-resigns", "Fairbanks", "Mr Fairbanks did", "Richard Fairbanks")),
    trap("minister-ms", goes_to("pol-uk-minister-resigns", "Fairbanks", "Ms Fairbanks will", "Lucy Fairbanks")),
    trap("father-apart", apart("Keith Stoddart", "Graham Stoddart")),
    trap("mr-beside-father", goes_to("pol-uk-select-committee", "Stoddart", "Mr Stoddart's father", "Graham Stoddart")),
    trap("father-by-name", goes_to("pol-uk-select-committee", "Keith Stoddart", "", "Keith Stoddart")),
    trap("namesakes-apart", apart("Miriam Castellanos", "Nina Castellanos")),
    trap("leader-husband-apart", apart("Andrew Baird-Halloway", "Fiona Baird-Halloway")),
    trap("nominee-wife-apart", apart("Annette Kessinger", "Bradley Kessinger")),
    trap("senator-apart-from-peer", apart("Marcus Bell", "Lord Bell of Anytown")),
    trap("given-name-goes-to-full-name", goes_to("pol-uk-pmqs-sketch", "Owen", "Owen was not", "Owen Pryor-Jones")),
    trap("given-name-in-reported-speech", goes_to("pol-uk-minister-resigns", "Lucy", "said Lucy", "Lucy Fairbanks")),
    # the second batch, pol2-*.txt
    trap("vote-word-nocue", not_typed("Holyrood", E)),
    trap("title-supervisor", typed("Jenna Wallace", P)),
    trap("ordinal-common-words", no_page("Congressional District")),
    trap("remit-list-two-words", typed("Net Zero, Energy and Transport Committee", O)),
    trap("lib-dem-form", typed("Liberal Democrats", O)),
    trap("governor-apart-from-pm", apart("Patrick Hale", "John Hale")),
    trap("sacked-minister-across-articles", same("Owen Pryor-Jones", "Mr Pryor-Jones")),
    # the third batch, pol3-*.txt
    trap("party-letter-place", no_page("D-San Antonio")),
    trap("party-letter-abbreviation", no_page("Kan")),
    trap("presenter", typed("Jonah Pike", P)),
    trap("outlet-programme", not_typed("BBC Breakfast", R)),
    trap("country-code-first-word", same("Reform", "Reform UK")),
    trap("chancellor-apart-from-predecessor", apart("Harriet Okafor-Lyle", "Jane Marsh")),
    trap("justices-apart", apart("Peter Calloway", "Ines Calloway")),
    # the fourth batch, pol4-*.txt
    trap("campaign-verb", typed("Save Ballinderry A&E", O)),
    trap("namesakes-not-related", apart("Rita Devlin", "Ciarán Devlin")),
]


@pytest.mark.parametrize(("trap", "check"), TRAPS)
def test_trap(dossier: Dossier, trap: str, check: Callable[[Dossier], bool]) -> None:
    ok = check(dossier)
    assert ok, trap


# --- the rules behind the fixes, one positive and one negative row each ------------------
# (rule id, a paragraph, {name: its type, the name of the entity it joins, or None: no entity
# of that name, or one below the threshold})
RULE_ROWS: list[tuple[str, str, dict[str, EntityType | str | None]]] = [
    ("place-word", "Crowds gathered at the Acme Temple in Tividale on Sunday.", {"Acme Temple": L}),
    ("place-word", "Yesterday Jane Doe said she would stand again.", {"Jane Doe": P}),
    ("place-word-after-known", "Fans of Sydney Harbour’s ferries came.", {"Sydney Harbour": L}),
    ("place-word-after-known", "Fans of Sydney United came.", {"Sydney United": O}),
    ("compass-demonym", "Yesterday South Korean forces met.", {"South Korean": None}),
    ("compass-demonym", "The North African Union met.", {"North African Union": O}),
    ("work-before", "Her book, Standing Firm, was published in March.", {"Standing Firm": X}),
    ("work-before", "The show Zorblatt Quux returns tonight.", {"Zorblatt Quux": X}),
    ("work-before", "In the film, Jane Doe plays a nurse.", {"Jane Doe": P}),
    ("credit-staff", "By Political Staff", {"Political Staff": None}),
    ("of-the-outlet", "Yesterday Jane Doe of The Anytown Times said so.", {"Jane Doe": P, "Anytown Times": O}),
    ("of-the-outlet", "They watched Gone With The Wind again.", {"Gone With The Wind": X}),
    ("known-then-person", "The envoy to the United States Zorblatt Quux said no.", {"Zorblatt Quux": P}),
    ("known-then-person", "Fans of Manchester United cheered.", {"Manchester United": O}),
    ("post-nominal", "Yesterday Jane Doe QC told the court.", {"Jane Doe": P, "Jane Doe QC": None}),
    ("post-nominal", "Yesterday Jane Doe, MBE, said so.", {"Jane Doe": P, "MBE": None}),
    ("post-nominal", "Yesterday Jane Quincy said so.", {"Jane Quincy": P}),
    ("common-acronym", "The VIP lounge was shut, the POTUS said.", {"VIP": None, "POTUS": None}),
    ("common-acronym", "The ZQX lounge was shut, ZQX said.", {"ZQX": O}),
    ("org-of-place", "The Zorblatt Quux Council of Canada met. The Zorblatt Quux Council said no.",
     {"Zorblatt Quux Council": "Zorblatt Quux Council of Canada"}),
    ("org-of-place", "The Zorblatt Quux Council of Canada met. The Zorblatt Quux Council of Kenya met. "
     "The Zorblatt Quux Council said no.", {"Zorblatt Quux Council": "Zorblatt Quux Council"}),
    ("title-before-pronoun", "Fans of Doctor Who queued.", {"Who": None}),
    ("title-before-pronoun", "Fans of Doctor Zorblatt queued.", {"Zorblatt": P}),
    ("name-and-country-code", "Support for Zorblatt UK rose.", {"Zorblatt UK": O}),
    ("name-and-country-code", "Support for Labour rose in the UK today.", {"UK": "United Kingdom"}),
    ("title-emeritus", "Yesterday Emeritus Professor Jane Zorblatt said so.", {"Jane Zorblatt": P, "Emeritus": None}),
    ("known-parties", "Yesterday Plaid Cymru and Sinn Féin said so.", {"Plaid Cymru": O, "Sinn Féin": O}),
    ("said-common", "Yesterday Silver Lantern said no.", {"Silver Lantern": O}),
    ("said-common", "Yesterday Jack Lantern said no.", {"Jack Lantern": P}),
    ("acronym-as-word", "Oil prices rose after Opec met.", {"Opec": "OPEC"}),
    ("acronym-as-word", "Prices rose after Acme met.", {"Acme": None}),
    ("known-then-person", "She works at the New York Public Library now.", {"New York Public Library": O}),
    ("programme", "He appeared on the Jane Doe Show on Sunday.", {"Jane Doe Show": X}),
    ("programme", "Yesterday Acme Films said no.", {"Acme Films": O}),
    ("programme-after", "He told the BBC’s Zorblatt programme that he would.", {"Zorblatt": X}),
    ("programme-after", "He told a Zorblatt programme that he would.", {"Zorblatt": O}),
    ("newspaper", "He told the Kettering Sun that he would stand.", {"Kettering Sun": O}),
    ("newspaper", "He told the Daily Mirror that he would stand.", {"Daily Mirror": O}),
    ("newspaper", "Yesterday Jane Sun said she would stand.", {"Jane Sun": P}),
    ("law-head", "Yesterday Jane Law said she would stand.", {"Jane Law": P}),
    ("law-head", "They passed the Zorblatt Law on Monday.", {"Zorblatt Law": X}),
    ("law-head", "The Zorblatt Recovery Scheme opens on Monday.", {"Zorblatt Recovery Scheme": X}),
    ("law-head", "Yesterday Sen. Jane Grant said she would stand again.", {"Jane Grant": P}),
    ("compass-region", "Yesterday West Zorblattshire voted for Jane Doe.", {"West Zorblattshire": L}),
    ("compass-region", "Yesterday Jane West said she would stand again.", {"Jane West": P}),
    ("compass-region", "Jane Doe, who represents Kettering East, said no.", {"Kettering East": L}),
    ("indefinite-phrase", "The Acme Party demanded a General Election on Tuesday.", {"General Election": None}),
    ("indefinite-phrase", "A Labour Party spokesman said no.", {"Labour Party": O}),
    ("indefinite-phrase", "It was run by a Joint Task Force - Operation Zorblatt.",
     {"Joint Task Force - Operation Zorblatt": O}),  # (one name with its designation: rule unit-dash)
    ("party-first-word", "The Zorblatt Party won. Several Zorblatt members left.", {"Zorblatt": "Zorblatt Party"}),
    ("party-first-word", "The Zorblatt Institute won. Several Zorblatt members left.", {"Zorblatt Institute": O}),
    ("house-short-names", "Jane Doe told the House of Commons that the Commons would vote.",
     {"Commons": "House of Commons"}),
    ("house-short-names", "Jane Doe told the Zorblatt Assembly that the Commons would vote.", {"Zorblatt Assembly": O}),
    ("office-title", "The Parliamentary Standards Commissioner would look at the case.",
     {"Parliamentary Standards": None}),
    ("office-title", "Yesterday Zorblatt Widgets chairman Jane Doe said no.", {"Zorblatt Widgets": O, "Jane Doe": P}),
    ("office-title", "Yesterday the Home Office Minister, Jane Doe, said no.", {"Home Office": O, "Jane Doe": P}),
    ("demonym-derived", "Fans said the Gabonese won and the Bangladeshis lost.", {"Gabonese": None, "Bangladeshis": None}),
    ("demonym-derived", "Fans said Gabon won and Bangladesh lost.", {"Gabon": L, "Bangladesh": L}),
    ("caption-label", "The minister met Jane Doe Image: Acme Wire.", {"Jane Doe": P, "Jane Doe Image": None}),
    ("caption-label", "She joined Acme Image Works last year.", {"Acme Image Works": O}),
    ("adherent-descriptor", "The video featured Scientologist Tom Cruise on stage.",
     {"Tom Cruise": P, "Scientologist Tom Cruise": None}),
    ("adherent-descriptor", "The video featured Tom Cruise on stage.", {"Tom Cruise": P}),
    ("institution-then-person", "The head of the Acme Council Jane Doe said no.", {"Acme Council": O, "Jane Doe": P}),
    ("institution-then-person", "The Acme Council Tax Office said no.", {"Jane Doe": None}),
    # the causes of the wrong pages of the pol-*.txt articles (titles.txt, title_forms.txt: "Cllr")
    ("title-cllr", "Yesterday Cllr Jane Zorblatt said no.", {"Jane Zorblatt": P, "Cllr Jane Zorblatt": None}),
    ("title-cllr", "Yesterday Councillor Jane Zorblatt said no. Cllr Zorblatt said more.",
     {"Zorblatt": "Jane Zorblatt", "Cllr Zorblatt": None}),
    ("opener-descriptor", "Neighbouring Zorbton Borough Council said no.",
     {"Zorbton Borough Council": O, "Neighbouring Zorbton Borough Council": None}),
    ("opener-descriptor", "Central Zorbton Borough Council said no.", {"Central Zorbton Borough Council": O}),
    ("opener-party-member", "Backbench Tory Jane Zorblatt said no.", {"Jane Zorblatt": P, "Backbench Tory Jane Zorblatt": None}),
    ("opener-party-member", "Loyal Tory Jane Zorblatt said no.", {"Jane Zorblatt": P, "Loyal Tory Jane Zorblatt": None}),
    ("opener-party-member", "Backbench MP Jane Zorblatt said no.", {"Jane Zorblatt": P, "Backbench": None}),
    ("firm-role-regulator", "The regulator, Zorblatt, fined the firm.", {"Zorblatt": O}),
    ("firm-role-regulator", "Yesterday regulator Jane Zorblatt said no.", {"Jane Zorblatt": P}),
    ("firm-role-regulator", "Jane Zorblatt, the regulator, disagreed.", {"Jane Zorblatt": P}),
    ("proper-adjective", "Jane Doe, a former Olympic swimmer, said no.", {"Olympic": None}),
    ("proper-adjective", "The Olympic Games opened on Friday.", {"Olympic Games": E}),
    ("upper-place", "Voters in the Zorbton and Upper Zorblatt by-election went to the polls.", {"Upper Zorblatt": L}),
    ("upper-place", "Yesterday the Upper Zorblatt Council said no.", {"Upper Zorblatt Council": O}),
    ("portfolio-office-title", "The Local Government Secretary, Jane Doe, said no.", {"Local Government": None, "Jane Doe": P}),
    ("portfolio-office-title", "Yesterday the Local Government Association said no.", {"Local Government Association": O}),
    ("super-pac", "Zorblatt First, a super PAC, spent money.", {"PAC": None}),
    ("super-pac", "The Zorblatt Victory PAC spent money.", {"Zorblatt Victory PAC": O}),
    ("caucus-body", "Members of the House Zorblatt Caucus voted no.", {"House Zorblatt Caucus": O}),
    ("caucus-body", "Voters gathered for the Iowa Caucus on Monday.", {"Iowa Caucus": E}),
    ("title-word-inside-name", "She works with the Zorblatt Center for Justice now.", {"Zorblatt Center for Justice": O}),
    ("title-word-inside-name", "The Minister for Justice Jane Doe said no.", {"Jane Doe": P}),
    ("plural-possessive-law", "The vote could delay the Renters’ Zorblatt Bill again.", {"Renters’ Zorblatt Bill": X}),
    ("plural-possessive-law", "The vote could delay the Democrats’ Zorblatt Act again.", {"Zorblatt Act": X}),
    ("scheme-program", "Cuts to the Zorblatt Nutrition Assistance Program angered them.",
     {"Zorblatt Nutrition Assistance Program": X}),
    ("scheme-program", "Aid came from the Zorblatt Development Programme yesterday.", {"Zorblatt Development Programme": O}),
    # (the second batch, pol2-*.txt)
    ("vote-word-nocue", "Campaigning began for next May’s Zorbton election.", {"Zorbton": O}),  # (no event: what is elected)
    ("vote-word-nocue", "They met at the Zorblatt climate summit.", {"Zorblatt": E}),
    ("title-supervisor", "Former Zorb County Supervisor Jane Zorblatt won.", {"Jane Zorblatt": P}),
    ("ordinal-common-words", "She won the state’s 6th Congressional District on Tuesday.", {"Congressional District": None}),
    ("ordinal-common-words", "Troops of the 82nd Airborne Division left.", {"82nd Airborne Division": O}),
    ("remit-list-two-words", "He told the Net Zero, Energy and Transport Committee so.",
     {"Net Zero, Energy and Transport Committee": O}),
    ("remit-list-two-words", "He met the Zorblatt, Energy and Transport Committee.", {"Energy and Transport Committee": O}),
    ("known-parties", "The Scottish Lib Dem leader, Jane Zorblatt, said no.", {"Lib Dem": "Liberal Democrats", "Jane Zorblatt": P}),
    # (the third batch, pol3-*.txt)
    ("party-letter-place", "State Rep. Jane Doe, D-San Antonio, said no.", {"San Antonio": L, "D-San Antonio": None}),
    ("party-letter-place", "Troops landed on D-Day. The D-Day Landings Museum opened.", {"D-Day Landings Museum": O}),
    ("party-letter-place", "Rep. Jane Doe, R-Kan., said no.", {"Kan": None, "Jane Doe": P}),  # (a state's abbreviation)
    ("party-place", "The bill, by Rep. Jane Doe, R-Katy, passed.", {"Katy": L, "Jane Doe": P}),  # (a given name's town)
    ("party-place", "Rep. Jane Doe (D-Zorbville) said no.", {"Zorbville": L}),
    # (a held-out batch of 28 November evening: US and UK politics, markets, a court, a release)
    ("title-plural", "Sens. Jane Doe of Alaska and John Roe of Maine voted no.", {"Sens": None, "Jane Doe": P}),
    ("title-plural", "Reps. Jane Doe and John Roe voted no.", {"Reps": None, "John Roe": P}),
    ("post-nominal-service", "Captain Jane Doe RN will lead the talks.", {"Jane Doe": P, "Jane Doe RN": None}),
    ("office-country", "The UK Defence Attaché in Anytown, Jane Doe, spoke.", {"UK Defence": None, "Jane Doe": P}),
    ("office-country", "Zorblatt Corp CEO Jane Doe spoke.", {"Zorblatt Corp": O}),  # (an employer stays one)
    ("ticker", "Zorblatt Group (ZORB.AX) gained 2%.", {"Zorblatt Group": O, "ZORB.AX": None}),
    ("ticker", "Zorblatt Mining (1234.T) fell.", {"Zorblatt Mining": O, "T": None}),
    ("ticker", "The Zorblatt Quux Agency (ZQA) said no.", {"ZQA": "Zorblatt Quux Agency"}),
    ("subject-title", "Judge Jane Doe of the Zorblatt Court of Criminal Justice ruled.",
     {"Zorblatt Court of Criminal Justice": O}),
    ("subject-title", "Supreme Court Justice Jane Doe agreed.", {"Jane Doe": P}),
    ("shared-head", "Firms including Zorblatt Systems will attend.", {"Zorblatt Systems": O}),
    ("shared-head", "The Zorb Tactical Missile Systems were fired.", {"Zorb Tactical Missile Systems": R}),
    ("region-gazetteer", "Asia-Pacific shares rose.", {"Asia-Pacific": L, "Asia": None, "Pacific": None}),
    ("of-portfolio", "The Zorbian Minister of Finance, Jane Doe, spoke.", {"Jane Doe": P, "Zorbian Minister of Finance": None}),
    ("title-hyphenated", "Agency Director-General Jane Zorblatt said no.",
     {"Jane Zorblatt": P, "Director-General Jane Zorblatt": None}),
    ("gazetteer-article", "The summit in The Hague ended.", {"The Hague": L, "Hague": "The Hague"}),
    ("treaty-on", "They signed the Treaty on the Non-Proliferation of Zorb Weapons.",
     {"Treaty on the Non-Proliferation of Zorb Weapons": X, "Zorb Weapons": None}),
    ("treaty-on", "The Convention on the Rights of the Zorb applies.", {"Convention on the Rights of the Zorb": X}),
    ("treaty-on", "The Zorb Convention on Monday opened.", {"Zorb Convention": E}),  # (a day: no subject)
    # (a third held-out batch: Holyrood, an EU fine, the Ukraine front, a Supreme Court hearing, city hall, Gaza talks)
    ("and-institution", "The Zorb Relief and Works Agency for Refugees said so.",
     {"Zorb Relief and Works Agency for Refugees": O, "Zorb Relief": None}),
    ("and-institution", "The Zorbland Taxpayers and Research Association praised it.",
     {"Zorbland Taxpayers and Research Association": O}),
    ("and-institution", "Jane Doe and Acme Agency met.", {"Jane Doe": P, "Acme Agency": O}),
    ("and-institution", "Mr Doe and Acme Agency met.", {"Doe": P, "Acme Agency": O}),
    ("and-institution", "The French and Royal Navy ships sailed.", {"French and Royal Navy": None, "Royal Navy": O}),
    ("title-alderman", "“No more taxes,” said Ald. Jane Zorblatt, 2nd Ward.", {"Jane Zorblatt": P, "Ald": None}),
    ("title-auditor", "The Auditor General for Zorbland had examined it.", {"Auditor": None}),
    ("place-cue-crossing", "Aid through the Zorb Shalom crossing fell.", {"Zorb Shalom": L}),
    ("parliament-names", "The party would back a Holyrood inquiry.", {"Holyrood": "Scottish Parliament"}),
    # (a fourth held-out batch: earnings, Australian and Kenyan politics, FIFA, a House markup, a UK inquiry)
    ("portfolio-affairs", "Home Affairs Minister Jane Zorblatt spoke.", {"Home Affairs": None, "Jane Zorblatt": P}),
    ("given-name-acronym", "The fund backed the LIV Zorb tour.", {"LIV Zorb": O}),
    ("given-name-acronym", "JANE ZORBLATT wrote it.", {"JANE ZORBLATT": P}),  # (a name written in capitals)
    ("place-word-buildings", "Protesters marched on Zorb Buildings chanting.", {"Zorb Buildings": L}),
    # (a fifth held-out batch: a Tory hustings, a governor's election law, Red Sea shipping, a NATO release,
    # a Canadian cabinet, a Chilean markets story)
    ("org-appositive-former", "Jane Zorblatt, a former broadcaster, becomes minister.", {"Jane Zorblatt": P}),
    ("org-appositive-former", "Zorb Media, a broadcaster, said no.", {"Zorb Media": O}),
    ("ticker-after", "Zorbemarle (ZRB.N), which mines lithium, slid 5%.", {"Zorbemarle": O}),
    ("ticker-after", "Shares of Kettering (NYSE: KTZ) rose.", {"Kettering": O, "KTZ": None}),
    ("member-tail", "ZTO Defence Ministers agreed on new targets.", {"ZTO": O, "ZTO Defence Ministers": None}),
    ("member-tail", "ZTO Allies agreed.", {"ZTO": O, "ZTO Allies": None}),
    ("member-tail", "The Zorb Leaders won the cup.", {"Zorb Leaders": O}),  # (a team's name stays)
    ("law-number-comma", "The law, known as Zorb Bill 189, allows it.", {"Zorb Bill 189": X}),
    ("law-number-comma", "The Bill 40 MPs backed failed.", {"Bill 40": None}),
    ("vessel-appositive", "Its sister ship, the Glen Zorblatt, follows next year.", {"Glen Zorblatt": R}),
    ("vessel-appositive", "Its owner, the Jane Zorblatt Trust, said no.", {"Jane Zorblatt Trust": O}),
    # (a sixth held-out batch: a by-election, a Pennsylvania rally, an impeachment wire, a State Department
    # readout, chip stocks, a tank deployment)
    ("titles-unpunctuated", "The commander, Maj Gen Jane Zorblatt, welcomed it.", {"Jane Zorblatt": P,
                                                                                 "Maj Gen Jane Zorblatt": None}),
    ("titles-unpunctuated", "Lt Col Jane Zorblatt agreed.", {"Jane Zorblatt": P}),
    ("org-appositive-role", "“It is over,” said Jane Zorblatt, an analyst at the bank.", {"Jane Zorblatt": P}),
    ("org-appositive-role", "Zorb Quux, a militia in the north, said no.", {"Zorb Quux": O}),
    ("title-building", "She spoke at Anytown's Lord Zorb Hotel.", {"Lord Zorb Hotel": L, "Zorb Hotel": None}),
    ("title-building", "Lord Zorblatt spoke.", {"Zorblatt": P}),
    ("title-building", "Mayor Jane Park said no. Ms. Park left.", {"Jane Park": P}),
    ("place-word-shoal", "Ships near Zorb Shoal fought.", {"Zorb Shoal": L}),
    ("acronym-inside", "It was built by Zorbmetall ZQX Systems Land in Anytown.", {"Zorbmetall ZQX Systems Land": O}),
    ("place-then-ordinal", "Troops of the US 101st Zorb Division will take part.", {"US 101st Zorb Division": O,
                                                                                     "Zorb Division": None}),
    ("opener-descriptor", "Rival Zorbco (ZRB.S) last week cut its forecast.", {"Zorbco": O, "Rival Zorbco": None}),
    ("presenter", "She told the BBC’s Sunday with Jane Zorblatt programme so.", {"Jane Zorblatt": P}),
    ("presenter", "She told the BBC’s Zorblatt Quux programme so.", {"Zorblatt Quux": X}),
    ("outlet-programme", "She told BBC Breakfast that she would stand.", {"BBC Breakfast": O}),  # (no product)
    ("outlet-programme", "She bought the Samsung Halo yesterday.", {"Samsung Halo": R}),
    ("country-code-first-word", "Progress UK won the vote. The share put Progress on 29%.", {"Progress": "Progress UK"}),
    ("country-code-first-word", "Progress UK won the vote. The Progress Act passed.", {"Progress Act": X}),
    # (the fourth batch, pol4-*.txt)
    ("campaign-verb", "Campaigners from Save Zorbton A&E held a protest.", {"Save Zorbton A&E": O}),
    ("campaign-verb", "Yesterday Stopford Zorblatt said no.", {"Stopford Zorblatt": P}),
]


@pytest.mark.parametrize(("rule", "text", "expected"), RULE_ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(RULE_ROWS)])
def test_rule_row(rule: str, text: str, expected: dict[str, EntityType | str | None]) -> None:
    art = article(text)
    entities, mentions = find_entities(art)
    by_key = {e.key: e for e in entities}
    found = {e.name: e for e in entities} | {m.surface: by_key[m.key] for m in mentions}
    for name, etype in expected.items():
        entity = found.get(name)
        if etype is None:  # no entity, or one too unsure for a page
            assert entity is None or entity.confidence < THRESHOLD, (rule, name, entity)
        elif isinstance(etype, EntityType):
            assert entity is not None and entity.type is etype, (rule, name, entity)
        else:  # the name of the entity it joins
            assert entity is not None and entity.name == etype, (rule, name, entity)


# --- dossier-level rules: (rule id, the articles, {name: confirmed?}) ----------------------
DOSSIER_ROWS: list[tuple[str, tuple[str, ...], dict[str, bool]]] = [
    ("spelling", ("The Zorblatt Organisation said no.", "The Zorblatt Organization said yes."),
     {"Zorblatt Organisation": True}),
    ("bare-word", ("Fans cheered as Zorblatt came on.", "Later the fans went home."), {"Zorblatt": False}),
    ("bare-word", ("Fans cheered as Zorblatt came on.", "Zorblatt said the fans went home."), {"Zorblatt": True}),
    ("bare-word", ("Fans cheered as Zorblatt Quux came on.",), {"Zorblatt Quux": True}),
]


@pytest.mark.parametrize(("rule", "texts", "expected"), DOSSIER_ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(DOSSIER_ROWS)])
def test_dossier_rule_row(tmp_path: Path, rule: str, texts: tuple[str, ...], expected: dict[str, bool]) -> None:
    folder = tmp_path / "dossier"
    (folder / "articles").mkdir(parents=True)
    for n, text in enumerate(texts, start=1):
        (folder / "articles" / f"{n:02d}.txt").write_text(f"Story {n}\n\n{text}\n", encoding="utf-8")
    dossier = assemble(folder)[0]
    entities = {e.name: e for e in dossier.entities}
    if rule == "spelling":  # one page for both spellings
        assert len([e for e in dossier.entities if e.name.startswith("Zorblatt")]) == 1, dossier.entities
        entities = {name: e for e in dossier.entities for name in (e.name, *e.aliases)}
    for name, confirmed in expected.items():
        assert name in entities and entities[name].confirmed is confirmed, (rule, name, entities.get(name))
        assert (rule in entities[name].evidence) is not confirmed or rule != "bare-word"


def test_a_phrase_the_dossier_writes_in_lower_case_is_no_page(tmp_path: Path) -> None:
    """lower-phrase: 'General Election' in one article, 'the general election' in another."""
    folder = tmp_path / "dossier"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "01.txt").write_text("One\n\nJane Doe won the General Election in May.\n", encoding="utf-8")
    (folder / "articles" / "02.txt").write_text("Two\n\nVoters said the general election was close.\n",
                                                encoding="utf-8")
    entities = {e.name: e for e in assemble(folder)[0].entities}
    assert "lower-phrase" in entities["General Election"].evidence and not entities["General Election"].confirmed
    (folder / "articles" / "02.txt").write_text("Two\n\nVoters said the vote was close.\n", encoding="utf-8")
    entities = {e.name: e for e in assemble(folder)[0].entities}
    assert "lower-phrase" not in entities["General Election"].evidence and entities["General Election"].confirmed


def test_a_lower_case_phrase_does_not_hide_an_institution(tmp_path: Path) -> None:
    """lower-phrase leaves names with an institution's word alone ('a home office' elsewhere)."""
    folder = tmp_path / "dossier"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "01.txt").write_text("One\n\nJane Doe left the Home Office in May.\n", encoding="utf-8")
    (folder / "articles" / "02.txt").write_text("Two\n\nShe works from a home office now.\n", encoding="utf-8")
    entities = {e.name: e for e in assemble(folder)[0].entities}
    assert entities["Home Office"].confirmed and "lower-phrase" not in entities["Home Office"].evidence


@pytest.mark.parametrize(("texts", "name", "confirmed"), [
    (("Fans of the Successful Zorblatts cheered.",), "Successful Zorblatts", False),
    (("Fans of Jane Zorblatt cheered.",), "Jane Zorblatt", True),
    (("Fans of Walker Zorblatt cheered. Zorblatt waved back.",), "Walker Zorblatt", True),
], ids=["common-first", "common-first-given-name", "common-first-surname-alone"])
def test_common_first_rule(tmp_path: Path, texts: tuple[str, ...], name: str, confirmed: bool) -> None:
    folder = tmp_path / "dossier"
    (folder / "articles").mkdir(parents=True)
    for n, text in enumerate(texts, start=1):
        (folder / "articles" / f"{n:02d}.txt").write_text(f"Story {n}\n\n{text}\n", encoding="utf-8")
    entity = next(e for e in assemble(folder)[0].entities if e.name == name)
    assert entity.confirmed is confirmed and ("common-first" in entity.evidence) is not confirmed, entity


# --- the speakers of the pol-*.txt articles' quotes, judged by hand ------------------------
# (article, the quote's first words, its speaker: names separated by "|" (a name, an alias, an
# unnamed speaker as the text describes them), "?" when the text does not make it clear (the
# build must show it unsure))
SPEAKERS: list[tuple[str, str, str]] = [
    ("pol-uk-by-election-result", "Tonight the people", "Claire Mottram"),
    ("pol-uk-by-election-result", "a political earthquake", "Alasdair Munro"),
    ("pol-uk-by-election-result", "The voters have spoken", "Adrian Faulks"),
    ("pol-uk-by-election-result", "a classic mid-term", "Baroness Whitlow"),
    ("pol-uk-by-election-result", "These are the kind", "Ian Cardew"),
    ("pol-uk-by-election-result", "never expected to win", "a Labour source|?"),
    ("pol-uk-by-election-result", "put down a marker", "Darren Pike"),
    ("pol-uk-conference", "win back the cities", "Fiona Baird-Halloway"),  # (the headline)
    ("pol-uk-conference", "new deal for the cities", "Fiona Baird-Halloway"),
    ("pol-uk-conference", "lost touch", "Fiona Baird-Halloway"),
    ("pol-uk-conference", "We took them", "Fiona Baird-Halloway"),
    ("pol-uk-conference", "That ends today", "Fiona Baird-Halloway"),
    ("pol-uk-conference", "stitching up", "Patricia Holroyd"),
    ("pol-uk-conference", "cut out", "Patricia Holroyd"),
    ("pol-uk-conference", "fair to everyone", "a party spokesman|?"),
    ("pol-uk-conference", "all talk", "Joanne Fenwick"),
    ("pol-uk-conference", "The Tories had", "Joanne Fenwick"),
    ("pol-uk-council", "let down by", "Maureen Dwyer"),
    ("pol-uk-council", "We have been left", "Maureen Dwyer"),
    ("pol-uk-council", "Our residents deserve", "Maureen Dwyer"),
    ("pol-uk-council", "This is a crisis", "Oliver Penrose"),
    ("pol-uk-council", "Castlebridge residents", "Anjali Mehta-Ross"),
    ("pol-uk-council", "Our members did not", "Karen Birtles"),
    ("pol-uk-lords", "This bill promises", "Lord Tansey of Castlebridge"),
    ("pol-uk-lords", "wreck", "Baroness Adeyemi-Clarke"),
    ("pol-uk-lords", "Housing is not a luxury", "Simon Hartley-Moore|?"),  # (the bishop)
    ("pol-uk-lords", "very proud", "Lady Tansey"),
    ("pol-uk-lords", "We are disappointed", "a Government spokesperson|?"),
    ("pol-uk-lords", "Peers have listened", "Siobhan Keane"),
    ("pol-uk-minister-resigns", "followed the rules", "Lucy Fairbanks"),
    ("pol-uk-minister-resigns", "a distraction from", "Lucy Fairbanks"),
    ("pol-uk-minister-resigns", "You have been a tireless", "Daniel Corrigan"),
    ("pol-uk-minister-resigns", "I have made mistakes", "Lucy Fairbanks"),
    ("pol-uk-minister-resigns", "It is one rule", "Marcus Trevithick"),
    ("pol-uk-minister-resigns", "The expenses system", "Amira Qureshi"),
    ("pol-uk-minister-resigns", "People here are struggling", "Gwen Aldous"),
    ("pol-uk-pmqs-sketch", "The Prime Minister promised", "Fiona Baird-Halloway"),
    ("pol-uk-pmqs-sketch", "It is now worse", "Fiona Baird-Halloway"),
    ("pol-uk-pmqs-sketch", "The right honourable lady", "Daniel Corrigan"),
    ("pol-uk-pmqs-sketch", "Fourteen years of her party", "Daniel Corrigan"),
    ("pol-uk-pmqs-sketch", "My constituents in", "Alasdair Munro"),
    ("pol-uk-pmqs-sketch", "When will the Government", "Alasdair Munro"),
    ("pol-uk-pmqs-sketch", "This is not a recovery", "Fiona Baird-Halloway"),
    ("pol-uk-pmqs-sketch", "It is a collapse", "Fiona Baird-Halloway"),
    ("pol-uk-pmqs-sketch", "Complete confidence", "Daniel Corrigan"),
    ("pol-uk-pmqs-sketch", "enjoyed the exchanges", "a Downing Street spokesman|?"),
    ("pol-uk-pmqs-sketch", "We will not let this go", "Fiona Baird-Halloway"),
    ("pol-uk-select-committee", "rewarding failure", "?"),  # (MPs' words: never the accused's)
    ("pol-uk-select-committee", "I did not set", "Graham Stoddart"),
    ("pol-uk-select-committee", "Your customers", "Harriet Conway-Bell"),
    ("pol-uk-select-committee", "How can you", "Harriet Conway-Bell"),
    ("pol-uk-select-committee", "an insult to every", "Clean Rivers Wendleshire"),
    ("pol-us-briefing", "The president has been", "Dana Whitfield"),
    ("pol-us-briefing", "The Speaker knows", "Dana Whitfield"),
    ("pol-us-briefing", "They speak regularly", "Dana Whitfield"),
    ("pol-us-briefing", "Every week of a shutdown", "Samuel Oyelaran"),
    ("pol-us-briefing", "choosing a shutdown", "Roy Buckner"),
    ("pol-us-briefing", "shoulder to shoulder", "Tessa Lindgren"),
    ("pol-us-briefing", "whatever happens", "Dana Whitfield"),
    ("pol-us-court-ruling", "erects barriers", "Miriam Castellanos"),
    ("pol-us-court-ruling", "This ruling is", "Royce Tillman"),
    ("pol-us-court-ruling", "confident the law", "Jesse Navarro|Barrett Cole"),
    ("pol-us-court-ruling", "I have voted", "Eulalia Benavides"),
    ("pol-us-court-ruling", "I cried", "Eulalia Benavides"),
    ("pol-us-court-ruling", "a victory for every", "Ana Ferreira"),
    ("pol-us-governor-race", "take money out", "Denise Harlow"),
    ("pol-us-governor-race", "Every child in Georgia", "Curtis Vane"),
    ("pol-us-governor-race", "for the legislature", "Curtis Vane"),
    ("pol-us-governor-race", "failed to answer", "Curtis Vane|?"),  # (his campaign's statement)
    ("pol-us-governor-race", "run rings around", "Kayla Brandt"),
    ("pol-us-governor-race", "I'll make up my mind", "Lamar Pettigrew"),
    ("pol-us-house-vote", "spends money like", "Colin Abernathy"),
    ("pol-us-house-vote", "You cannot balance", "Gloria Estrada-Kline"),
    ("pol-us-house-vote", "the certainty they need", "Wes Harrigan"),
    ("pol-us-house-vote", "keep fighting", "Colin Abernathy|?"),  # (his office's statement)
    ("pol-us-house-vote", "I listen to my farmers", "Delia Okonkwo-Marsh"),
    ("pol-us-house-vote", "always known", "Roy Buckner"),
    ("pol-us-house-vote", "Colin is a friend", "Roy Buckner"),  # ("the speaker said")
    ("pol-us-senate-hearing", "a builder who knows", "Dale Rutledge"),
    ("pol-us-senate-hearing", "This nominee has", "Lorraine Whitcomb"),
    ("pol-us-senate-hearing", "follow the law", "Bradley Kessinger"),
    ("pol-us-senate-hearing", "I will review every", "Bradley Kessinger"),
    ("pol-us-senate-hearing", "not good enough", "Ray Montoya"),
    ("pol-us-senate-hearing", "eminently qualified", "White House"),
    ("pol-us-senate-hearing", "He is the wrong man", "Maria Etcheverry"),
    ("pol2-uk-holyrood", "lost control", "Douglas Fairlie"),
    ("pol2-uk-holyrood", "a stunt", "Eilidh MacRae"),
    ("pol2-uk-holyrood", "get on with the job", "Eilidh MacRae"),
    ("pol2-uk-holyrood", "Scotland deserves better", "Morag Kinnear"),
    ("pol2-uk-holyrood", "a national embarrassment", "Hamish Ure"),
    ("pol2-uk-holyrood", "with a heavy heart", "Kenny Drummond"),
    ("pol2-uk-holyrood", "the full support", "Callum Reid"),
    ("pol2-uk-mayor", "the defining project", "Rita Achterberg"),
    ("pol2-uk-mayor", "People in Ashcombe Heath", "Rita Achterberg"),
    ("pol2-uk-mayor", "hundreds of millions", "Pauline Marr"),
    ("pol2-uk-mayor", "concerns about the timetable", "Tenmoor Buses"),
    ("pol2-uk-mayor", "a fantasy", "Simon Dalgleish"),
    ("pol2-uk-reshuffle", "the honour of my life", "Owen Pryor-Jones"),
    ("pol2-uk-reshuffle", "a purge of anyone", "one Labour MP|?"),
    ("pol2-uk-reshuffle", "played it safe", "?"),  # (another MP, speaking on condition of anonymity)
    ("pol2-uk-reshuffle", "rearranging the deckchairs", "Fiona Baird-Halloway"),
    ("pol2-uk-reshuffle", "listen, which her predecessor", "Kwame Asante"),
    ("pol2-uk-reshuffle", "proud of everything Owen", "Delyth|Delyth Pryor-Jones"),
    ("pol2-us-ethics", "Every trip was approved", "Dwight Pellegrino"),
    ("pol2-us-ethics", "This is a political hit job", "Dwight Pellegrino"),
    ("pol2-us-ethics", "substantial reason to believe", "Office of Congressional Conduct"),
    ("pol2-us-ethics", "complies with all laws", "Sunward Cruise Lines|Sunward"),
    ("pol2-us-ethics", "should be allowed", "Roy Buckner"),
    ("pol2-us-ethics", "The rules apply", "Noah Feldstein"),
    ("pol2-us-primary", "Arizona sent a message", "Jenna Wallace"),
    ("pol2-us-primary", "I called Jenna", "Clay Trent"),
    ("pol2-us-primary", "We must unite", "Clay Trent"),
    ("pol2-us-primary", "take Arizona backward", "Arturo Delgado"),
    ("pol3-uk-bbc-sunday", "tax aspiration", "Harriet Okafor-Lyle"),
    ("pol3-uk-bbc-sunday", "not write the Budget", "Harriet Okafor-Lyle"),
    ("pol3-uk-bbc-sunday", "dodging the question", "Edward Lacey"),
    ("pol3-uk-bbc-sunday", "I'm not going to comment", "Harriet Okafor-Lyle"),
    ("pol3-uk-bbc-sunday", "all but unavoidable", "Amelia Strand"),
    ("pol3-uk-bbc-sunday", "stop briefing", "Lord Davenport of Mere"),
    ("pol3-uk-bbc-sunday", "every confidence", "Jane Marsh"),
    ("pol3-uk-local-results", "sick of the two", "Garth Wolstenholme"),
    ("pol3-uk-local-results", "This is just the beginning", "Garth Wolstenholme"),
    ("pol3-uk-local-results", "a very difficult night", "Baroness Whitlow"),
    ("pol3-uk-local-results", "work for every resident", "Nadia Hussain"),
    ("pol3-uk-local-results", "I answer my phone", "Marjorie Flint"),
    ("pol3-us-statehouse", "This is a historic day", "Barrett Cole"),
    ("pol3-us-statehouse", "Parents, not bureaucrats", "Barrett Cole"),
    ("pol3-us-statehouse", "Rural schools are", "Ramona Villarreal"),
    ("pol3-us-statehouse", "done its job", "Travis Keel"),
    ("pol3-us-statehouse", "My folks back home", "Buddy Hargrove"),
    ("pol3-us-statehouse", "unconstitutional on its face", "Linda Ochs"),
    ("pol3-us-supreme-court", "The legislature was entitled", "Harold Brandtner"),
    ("pol3-us-supreme-court", "Today's decision tells", "Celia Marquand"),
    ("pol3-us-supreme-court", "The people's representatives", "Frank Mulvaney"),
    ("pol3-us-supreme-court", "We lost in court today", "Derrick Coleman|Coleman"),
    ("pol3-us-supreme-court", "a gut punch", "Marcy Oduya"),
    ("pol4-ni-stormont", "I will not gamble", "Ciarán Devlin"),
    ("pol4-ni-stormont", "taken collectively", "Orla McCaughey"),
    ("pol4-ni-stormont", "the rural impact", "Robin Lyttle"),
    ("pol4-ni-stormont", "dysfunctional", "Alastair Kerr"),
    ("pol4-ni-stormont", "being let down", "Naomi Gault"),
    ("pol4-uk-liveblog", "morally indefensible", "Imogen Thwaite"),
    ("pol4-uk-liveblog", "listen carefully", "Martin Oyelowo-Hart"),
    ("pol4-uk-liveblog", "in total disarray", "Kemi Adebayo-Stone"),
    ("pol4-uk-liveblog", "The prime minister is confident", "his official spokesperson|?"),
    ("pol4-uk-liveblog", "Members cannot be expected", "Rosalind Achebe"),
    ("pol4-uk-liveblog", "Even a stopped clock", "Nigel Farrow"),
    ("pol4-uk-liveblog", "This is not a rebellion", "Imogen Thwaite"),
    ("pol4-us-ag-lawsuit", "Students who were lied to", "Theresa Kwan"),
    ("pol4-us-ag-lawsuit", "We are protecting taxpayers", "Duane Whitlock"),
    ("pol4-us-ag-lawsuit", "vigorously defend", "Carla Benitez"),
    ("pol4-us-ag-lawsuit", "They took my GI Bill", "Luis Carreño"),
    ("pol4-us-ag-lawsuit", "a gift to for-profit", "Elaine Marsh-Whitby"),
]


def _words(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def test_every_quote_of_the_politics_articles_has_its_speaker_or_is_unsure(dossier: Dossier) -> None:
    """A confident speaker must be one the table gives; '?' must be shown unsure; a quote the
    table does not judge fails too (judge it from the text and add a row)."""
    files = {a.id: a.file.removesuffix(".txt") for a in dossier.articles}
    by_id = {e.id: e for e in dossier.entities}
    wrong, unjudged = [], []
    for placed in dossier.quotes:
        file, quote = files[placed.article], placed.quote
        if not file.startswith(("pol-", "pol2-", "pol3-", "pol4-")):
            continue
        truth = next((t for f, first, t in SPEAKERS if f == file and _words(quote.text).startswith(_words(first))), None)
        if truth is None:
            unjudged.append((file, quote.text[:40]))
            continue
        entity = by_id.get(placed.speaker or "")
        said = {quote.speaker_name, quote.description, *(entity.aliases if entity else ())} - {None}
        if said and not said & set(truth.split("|")):
            wrong.append((file, quote.text[:40], sorted(said), truth))
    assert not wrong and not unjudged, (wrong, unjudged)
