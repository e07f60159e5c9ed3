"""Entity pages of a whole dossier, judged page by page: political news in the styles of
the UK and US press (tests/fixtures/page_audit, made-up people and parties), with the traps
that make wrong pages on real news: capitalised common words and fragments, constituencies,
counties and temples typed as something else, short forms split from the full name,
descriptors and programme titles swallowing a person, relatives sharing a surname.

Every page the build makes must be in PAGES with its type: a page that is not is a wrong
page, and the test lists them all. The TRAPS rows check one trap each (the id names the trap
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


KNOWN_WRONG = {"Air Force One (org)"}  # (a plane named by an institution's words and a number; no xfail row)


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
