"""Entity pages of a whole dossier of wire copy in areas tests/test_page_audit_wire.py does not
cover (tests/fixtures/page_audit_wire2; made-up people, real bodies and places): markets
(tickers "(ZORB.O)", indices, central banks), a trial, an earthquake, an election abroad, a WHO
outbreak, OPEC+, EU tech regulation and sport governance.

Held-out count (batch 1, judged before any fix): 16 wrong of 119 pages (13%), 0 wrong of 20
speakers, 0 wrong of 2 timeline events. Batch 2 (5 stories, held out: judged after the batch 1
fixes, before any of its own): 10 wrong of 59 pages (17%), 0 wrong of 12 speakers, no events; after
the street words "Avenida", "Calle", "Rua" (place_heads.txt): 9 of 59. Batch 3 (3 stories, held
out): 1 wrong of 28 pages, 0 wrong of 4 speakers. After the `ticker` rule (annotate/tickers.py) and the title
"Director-General" (titles.txt): 9 of 113.

Every page the build makes must be in PAGES with its type; KNOWN_WRONG lists the wrong pages
left for later with the trap each falls into."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from builder.model import Dossier, EntityType
from builder.pipeline import assemble
from tests.page_audit_checks import wrong_pages, wrong_speakers
from tests.test_page_audit import entity_named, pages, trap, typed

P, O, L, E, X = EntityType.PERSON, EntityType.ORG, EntityType.PLACE, EntityType.EVENT, EntityType.OTHER
R = EntityType.PRODUCT
FIXTURE = Path(__file__).parent / "fixtures" / "page_audit_wire2"

PAGES: dict[str, EntityType | tuple[EntityType, ...]] = {
    # people (every one made up)
    "Ambrose Kittredge": P, "Babatunde Adeyemi-Coker": P, "Beatrice Okonkwo-Hale": P, "Chidinma Okafor-Eze": P,
    "Claudine Uwimana": P, "Dmitri Halvorsen": P, "Elvira Montesclaros": P, "Erastus Mwangi Njoroge": P,
    "Faisal bin Mishaal": P, "Gunnar Holmstedt": P, "Gwendolyn Raye": P, "Hendra Wicaksono": P,
    "Henrietta Brackley": P, "Jane Doe": P, "Joseph Omondi Achieng": P, "Leland Ashgrove": P,
    "Marcus Ellingford": P, "Mariana Echeverri Toro": P, "Nathaniel Greer": P, "Odile Brancusi": P,
    "Priyanka Venkatraman": P, "Raffaele Bontempi": P, "Rizal Pranoto": P, "Samuel Kiprotich Rono": P,
    "Sofia Marchetti": P, "Tendai Moyo-Banda": P, "Vadim Sorokolet": P, "Wallace Pemberton": P,
    "Wulan Sasmita": P, "Mekonnen Tesfaye Woldu": P,
    # organisations
    "African Union": O, "Agence France-Presse": O, "Amnesty International": O, "Apple": O, "Associated Press": O,
    "Aurelion Capital": O, "BMKG": O, "BNPB": O, "Commodity Futures Trading Commission": O,
    "European Central Bank": O, "European Commission": O, "European Union": O, "FIFA": O, "Facebook": O,
    "Federal Reserve": O, "Federal Trade Commission": O, "General Court": O, "Goldman Sachs": O,
    "Independent Electoral and Boundaries Commission": O, "Instagram": O, "Meta": O, "Nigeria Football Federation": O,
    "Nvidia": O, "OPEC": O, "Reuters": O, "Rystad Energy": O, "Sabin Vaccine Institute": O,
    "Securities and Exchange Commission": O, "Supreme Court": O, "U.S. Geological Survey": O, "Vaccine Alliance": O,
    "Veltrion Semiconductor": O, "Veltrion": O, "World Health Organization": O, "Azimio la Umoja": O,
    "Court of Arbitration for Sport": O, "Africa CDC": O, "Saudi Aramco": O, "Gavi": O, "Super Eagles": O,
    # places
    "Abuja": L, "Africa": L, "Arizona": L, "Brussels": L, "Burundi": L, "California": L, "Chicago": L, "Delaware": L,
    "Dubai": L, "Frankfurt": L, "Geneva": L, "Ghana": L, "Homa Bay": L, "Indonesia": L, "Iraq": L, "Jakarta": L,
    "Kazakhstan": L, "Kenya": L, "Kisumu": L, "Lagos": L, "London": L, "Luxembourg": L, "Manhattan": L,
    "Menlo Park": L, "Moscow": L, "Nairobi": L, "New York": L, "Nigeria": L, "Palu": L, "Riyadh": L, "Russia": L,
    "Rwanda": L, "Sigi": L, "Sulawesi": L, "United States": L, "Washington": L, "Zurich": L, "Kigali": L,
    "Bengaluru": L, "Lewotobi": L,
    # indices, a crude benchmark, events, laws
    "Dow Jones Industrial Average": (R, X), "Nasdaq Composite": (R, X), "S&P 500": (R, X), "Brent": (R, X),
    "World Cup": E, "Digital Markets Act": X,
    # batch 2 (Brazil runoff, India train crash, ASEAN summit, UK Supreme Court, COP31)
    "Anil Kumar Satpathy": P, "Aurélio Fonseca Rangel": P, "Azlan Harun Shafie": P, "Douglas Fairweather": P,
    "Harrowgate": P, "Heitor Vasconcelos": P, "Jesper Halvorsrud": P, "Okonkwo Eberechi Nnaji": P,
    "Otávio Guimarães Filho": P, "Pradeep Mohanty Das": P, "Ramon Dizon Villareal": P, "Renata Lacerda Bastos": P,
    "Seluvaia Tafaki": P, "Sushmita Behera": P, "Vikram Raghunathan": P, "Wang Jiahui": P,
    "Imogen Castellane-Price": P,
    "Arab Group": O, "Association of Southeast Asian Nations": O, "National Disaster Response Force": O,
    "Republicanos": O, "Superior Electoral Court": O, "UNFCCC": O, "Workers' Party": O, "Ofwat": O,
    "Thames Water": O, "Indian Railways": O, "UN Framework Convention on Climate Change": O, "Framework Convention on Climate Change": (X, O), "United Nations": O, "Aramco": O,
    "Baku": L, "Balasore": L, "Bangkok": L, "Beijing": L, "Brazil": L, "Cambodia": L, "Chennai": L, "China": L,
    "Henley-on-Thames": L, "India": L, "Kolkata": L, "Kuala Lumpur": L, "Myanmar": L, "Odisha": L, "Pacific": L,
    "Sao Paulo": L, "Saudi Arabia": L, "South China Sea": L, "Thailand": L, "Tuvalu": L, "United Kingdom": L,
    "Avenida Paulista": L, "Second Thomas Shoal": L, "Belem": L, "Bhubaneswar": L, "New Delhi": L, "Manila": L,
    "Water Industry Act": X, "Coromandel Express": R, "COP31": E,
    # batch 3 (Philippine typhoon, Deutsche Bank, Senegal vote)
    "Aminata Ndour Faye": P, "Annelie Großkopf": P, "Ariel Buenaventura Santos": P, "Moustapha Diallo Sarr": P,
    "Reinhard Vosskamp": P, "Tobias Reinecke-Hahn": P,
    "BaFin": O, "DZMM": O, "Deutsche Bank": O, "ECOWAS": O, "International Monetary Fund": O, "Jefferies": O,
    "National Assembly": O, "PAGASA": O, "Pastef": O, "Philippine Airlines": O,
    "Cagayan": L, "Dakar": L, "Germany": L, "Luzon": L, "Philippines": L, "Senegal": L, "Typhoon Kalinaw": E,
}

# the wrong pages left for later (the trap each falls into); a new wrong page fails the test
KNOWN_WRONG: set[str] = {
    "S&P (org)",  # the index "S&P 500" cut before its number
    "Assistant U.S. (org)",  # the title "Assistant U.S. Attorney Jane Doe" taken for a body
    "Centers for Disease Control and Prevention (org)",  # "Africa CDC" read as the U.S. agency's acronym
    "Climatology (org)", "Geophysical Agency (org)",  # "Meteorology, Climatology and Geophysical Agency" cut at the commas
    "Court of Arbitration (org)",  # "Court of Arbitration for Sport" cut at "for"
    "Azimio la Umoja (person)",  # a coalition's Swahili name, three words like a person's
    "Brent (person)",  # the crude benchmark, a given name ("Brent crude futures")
    "Chipmaker Veltrion (person)",  # the headline's descriptor "Chipmaker" kept in a firm's name
    # batch 2 (held out: judged before any fix)
    "Coromandel Express (org)",  # a named train, "Express" read as a newspaper's or a firm's word
    "TSE (org)",  # the acronym of the court's Portuguese name, apart from "Superior Electoral Court"
    "Ofwat (person)",  # a regulator named after "The regulator" (an org cue before it)
    "Pradeep Mohanty (person)",  # "Pradeep Mohanty Das" cut before the surname "Das"
    "Thomas Shoal (place)",  # "Second Thomas Shoal" cut after the ordinal; "Shoal" a place word (now a place, still without "Second")
    "BELEM (place)", "BHUBANESWAR (place)",  # a capitalised dateline with its country kept in capitals
    "COP31 (product)",  # a numbered summit read as a model designator
    # batch 3 (held out)
    "Geophysical and Astronomical Services Administration (org)",  # cut at the comma of a listed name (as batch 1)
    # (and a wrong merge of two bodies, not counted above: "Supreme Court" of Kenya's story and the
    # "UK Supreme Court" of another story are one page across the dossier)
}


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    return assemble(FIXTURE)[0]


def test_every_page_is_a_name_of_the_right_type(dossier: Dossier) -> None:
    wrong = wrong_pages(dossier, PAGES)
    assert set(wrong) <= KNOWN_WRONG, f"{len(wrong)} wrong of {len(pages(dossier))} pages: {wrong}"


def no_page(name: str) -> Callable[[Dossier], bool]:
    return lambda d: entity_named(d, name) is None


TRAPS: list[Any] = [
    trap("ticker-after-company", no_page("NVDA.O")),
    trap("ticker-after-company-alone", no_page("AAPL.O")),
    trap("index-code", no_page("SPX")),
    trap("index-code-dji", no_page("DJI")),
    trap("acronym-kept", typed("BNPB", O)),
]


@pytest.mark.parametrize(("trap", "check"), TRAPS)
def test_trap(dossier: Dossier, trap: str, check: Callable[[Dossier], bool]) -> None:
    assert check(dossier), trap


# every quote's speaker, judged by hand: (article id's start, the quote's first words) -> who said it
SPEAKERS: dict[tuple[str, str], str | None] = {
    ("former-crypt", "The defendant lied to hi"): "Nathaniel Greer",
    ("former-crypt", "This verdict punishes a "): "Sofia Marchetti",
    ("former-crypt", "no one is above the law "): "Gwendolyn Raye",
    ("eu-fines-met", "Gatekeepers must play by"): "Elvira Montesclaros",
    ("eu-fines-met", "This decision penalises "): "Ambrose Kittredge",
    ("fifa-suspend", "I have never sold a sing"): "Babatunde Adeyemi-Coker",
    ("fifa-suspend", "I will clear my name at "): "Babatunde Adeyemi-Coker",
    ("kenya-opposi", "We will not accept a sto"): "Joseph Omondi Achieng",
    ("kenya-opposi", "The tallying must be ope"): "Gunnar Holmstedt",
    ("chipmaker-ve", "We are grateful for Marc"): "Odile Brancusi",
    ("chipmaker-ve", "Inflation is cooling, bu"): "Leland Ashgrove",
    ("chipmaker-ve", "The succession looks rus"): "Priyanka Venkatraman",
    ("opec-extends", "The market needs stabili"): "Faisal bin Mishaal",
    ("opec-extends", "a floor under prices."): "Henrietta Brackley",
    ("opec-extends", "Nobody wants a price war"): "Henrietta Brackley",
    ("magnitude-6-", "Many houses were made of"): "Rizal Pranoto",
    ("magnitude-6-", "The ground moved like wa"): "Wulan Sasmita",
    ("who-declares", "very high"): "Mekonnen Tesfaye Woldu",
    ("who-declares", "We are tracing every con"): "Claudine Uwimana",
    ("who-declares", "Money delayed is lives l"): "Tendai Moyo-Banda",
    ("asean-leader", "We cannot let the sea be"): "Azlan Harun Shafie",
    ("asean-leader", "lawful and restrained."): "Wang Jiahui",
    ("brazils-lace", "The people have spoken, "): "Otávio Guimarães Filho",
    ("brazils-lace", "Sao Paulo cannot wait,"): "Renata Lacerda Bastos",
    ("cop31-talks-", "a death sentence for our"): "Seluvaia Tafaki",
    ("cop31-talks-", "We came here to negotiat"): "Seluvaia Tafaki",
    ("cop31-talks-", "go further."): "Jesper Halvorsrud",
    ("at-least-19-", "Rescue operations are al"): "Anil Kumar Satpathy",
    ("at-least-19-", "There was a loud noise a"): "Sushmita Behera",
    ("at-least-19-", "anguished by the acciden"): "Vikram Raghunathan",
    ("uk-supreme-c", "disappointed"): "Thames Water",
    ("uk-supreme-c", "Today is a victory for e"): "Imogen Castellane-Price",
    ("deutsche-ban", "The bank is in better sh"): "Reinhard Vosskamp",
    ("deutsche-ban", "clean and convincing."): "Tobias Reinecke-Hahn",
    ("typhoon-lash", "We are pre-positioning f"): "Ariel Buenaventura Santos",
    ("senegals-rul", "Democracy has won in Sen"): "Aminata Ndour Faye",
}


def test_no_wrong_speaker(dossier: Dossier) -> None:
    seen, wrong = wrong_speakers(dossier, SPEAKERS)
    assert not wrong, wrong
    assert seen == set(SPEAKERS), set(SPEAKERS) - seen


def test_no_event_from_a_caption_or_a_correction(dossier: Dossier) -> None:
    bad = [t for t in dossier.timeline if "FILE PHOTO" in t.sentence or t.sentence.startswith("Correction")]
    assert not bad, bad


# (rule id, a paragraph, {name: its type, or None: no entity of that name above the threshold})
RULE_ROWS: list[tuple[str, str, dict[str, EntityType | None]]] = [
    ("title-director-general", "Zorb Director-General Jane Zorblatt told a news conference so.",
     {"Jane Zorblatt": P, "Director-General Jane Zorblatt": None}),
    ("title-director-general", "Yesterday Jane Zorblatt, the director-general, said so.", {"Jane Zorblatt": P}),
    ("place-head-street", "Jane Doe spoke to supporters on Avenida Zorblatt on Sunday.", {"Avenida Zorblatt": L}),
    ("place-head-street", "Crowds filled Calle Zorblatt and Rua Quux on Sunday.", {"Calle Zorblatt": L, "Rua Quux": L}),
    ("place-head-street", "Yesterday Jane Calle said so.", {"Jane Calle": P}),
]


@pytest.mark.parametrize(("rule", "text", "expected"), RULE_ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(RULE_ROWS)])
def test_rule_row(rule: str, text: str, expected: dict[str, EntityType | None]) -> None:
    from builder.annotate.entities import find_entities
    from builder.confirm import THRESHOLD
    from tests.test_entities import article
    entities, mentions = find_entities(article(*text.split("\n")))
    by_key = {e.key: e for e in entities}
    found = {e.name: e for e in entities} | {m.surface: by_key[m.key] for m in mentions}
    for name, etype in expected.items():
        entity = found.get(name)
        if etype is None:
            assert entity is None or entity.confidence < THRESHOLD, (rule, name, entity)
        else:
            assert entity is not None and entity.type is etype and entity.name == name, (rule, name, entity)
