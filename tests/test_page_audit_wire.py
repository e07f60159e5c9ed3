"""Entity pages of a whole dossier, judged page by page: wire copy (Reuters, AP and AFP
styles: datelines, reporting credits, photo captions), defence and government releases
(ranks, units, ships, weapons, operations) and international news with foreign names
(Arabic, Russian, Ukrainian, Chinese, Spanish; "al-" particles, double surnames) in
tests/fixtures/page_audit_wire (made-up people, real and made-up places and bodies).

Every page the build makes must be in PAGES with its type: a page that is not is a wrong
page, and the test lists them all (KNOWN_WRONG: the wrong pages left for later, each with
the trap it falls into). The TRAPS rows check one trap each; RULE_ROWS check the rules
behind the fixes, a positive and a negative row each."""
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
from tests.test_page_audit import apart, entity_named, pages, same, trap, typed

P, O, L, E, X = EntityType.PERSON, EntityType.ORG, EntityType.PLACE, EntityType.EVENT, EntityType.OTHER
R = EntityType.PRODUCT
FIXTURE = Path(__file__).parent / "fixtures" / "page_audit_wire"

# every page the dossier may have, with its type (a name here need not get a page)
PAGES: dict[str, EntityType | tuple[EntityType, ...]] = {
    # people (every one made up)
    "Abdulkarim al-Moshki": P, "Adriana Quiñónez": P, "Ahmed al-Haddadi": P, "Alistair Penhaligon": P,
    "Amadou Ag Ibrahim": P, "Andriy Kovalyshyn": P, "Arkady Bessmertnykh": P, "Arturo Villaseñor de la Garza": P,
    "Chen Mei-ling": P, "Daria Kolesnyk": P, "Derrick Ashworth-Mills": P, "Ernesto Salcido Beltrán": P,
    "Faisal Mehmood Cheema": P, "Halidou Maïga": P, "Hamza Tariq Awan": P, "Henrik Vestergaard-Lund": P,
    "Hernán de la Espriella": P, "Hsu Wei-ming": P, "Irina Volkova-Sedykh": P, "Iván Ernesto Quiñónez Lugo": P,
    "Jhon Fredy Caicedo Mosquera": P, "Kaisa Mäkeläinen": P, "Karim al-Zubaydawi": P, "Lin Haoran": P,
    "Luz Marina Arboleda": P, "Margus Tammeorg": P, "María Fernanda Ospina Luengas": P, "Moussa Abdou Garba": P,
    "Nasser al-Haddadi": P, "Nikolai Svirsky": P, "Oleh Petrenko-Savchuk": P, "Raad Abdul-Sattar al-Dulaimi": P,
    "Rebecca Thornbury": P, "Romeo Villafuerte": P, "Serhii Hrabovyi": P, "Serhiy Bondarets": P,
    "Tahir Naveed Qureshi": P, "Turki bin Faisal al-Otaibi": P, "Tyler Brannigan": P, "Viktor Zhuravlyov": P,
    "Yevgeny Lapshin": P, "Zhao Lixin": P, "Kofi Asante-Bridges": P, "Gul Sher Khattak": P,
    "Abu Hussein al-Shammari": P, "Olena Hrytsenko": P, "Pavel Surikov": P, "Tom Ellery": P, "Gareth Whitlock": P,
    "Samira Haddou": P, "Lucía Berrones": P, "Hassan Qadir": P, "Mustafa Jalili": P, "Edmund Prior": P,
    "Li Qiao": P, "Ben Hartley": P, "Yimou Wen": P, "Sonia Ferrand": P, "Maria Delacroix": P,
    # organisations and units
    "12th Marine Regiment": O, "3rd Marine Littoral Regiment": O, "Agence France-Presse": O, "Alliance of Sahel States": O,
    "Allied Maritime Command": O, "Armed Forces of the Philippines": O, "Associated Press": O, "CCTV": O,
    "Central Command": O, "Duma": O, "State Duma": O, "ECOWAS": O,
    "Eastern Theater Command of the People's Liberation Army": O, "Eastern Theater Command": O,
    "People's Liberation Army": O, "Estonian Navy": O, "European Union": O, "FARC": O, "Finnish Border Guard": O,
    "Finnish Navy": O, "Group for the Support of Islam and Muslims": O, "Houthis": O, "ISPR": O,
    "Institute for the Study of War": O, "Islamic State": O, "Japan Ground Self-Defense Force": O,
    "Kataib Hezbollah": O, "Los Chapitos": O, "MARCOM Public Affairs Office": O, "Mainland Affairs Council": O,
    "NATO": O, "National Guard": O, "Omega Joint Task Force": O, "Philippine Air Force": O,
    "Philippine Marine Corps": O, "Philippine Navy": O, "Popular Mobilisation Forces": O, "RAF Akrotiri": (O, L),
    "RIA Novosti": O, "RTN": O, "Reuters": O, "Royal Air Force": O, "Royal Navy": O, "Saudi Press Agency": O,
    "State Department": O, "U.S. Drug Enforcement Administration": O, "U.S. Marines": O, "US Navy": O,
    "Western Army": O, "YouTube": O, "General Staff": O, "Estado Mayor Central": O, "Peshawar Corps": O,
    "815 Naval Air Squadron": O, "Standing NATO Maritime Group 1": O, "Sinaloa Cartel": O, "La Mayiza": O,
    "Radio Fórmula Sinaloa": O, "Defence Ministry": O, "Defense Ministry": O, "Navy Media and Communications": O,
    "Attorney General's Office": O, "Russia's Defence Ministry": O, "Russia's Defense Ministry": O, "Defensoría del Pueblo": O, "Ministry of Defence": O, "Xinhua": O,
    # places
    "Ain al-Asad": L, "Anbar": L, "Bab el-Mandeb Strait": L, "Baghdad": L, "Baltic Sea": L, "Batan Island": L,
    "Batanes Islands": L, "Beijing": L, "Belgorod": L, "Bogota": L, "Bogotá": L, "Bohodukhiv": L, "Bryansk": L,
    "Caquetá": L, "China": L, "Chuhuiv": L, "Colombia": L, "Culiacán": L, "Cyprus": L, "Ecuador": L, "Estonia": L,
    "Europe": L, "Finland": L, "Gulf of Aden": L, "Gulf of Finland": L, "Hodeida": L, "Iran": L, "Iraq": L,
    "Islamabad": L, "Kharkiv": L, "Khmelnytskyi": L, "Kursk": L, "Kyiv": L, "Leeds": L, "Luzon Strait": L,
    "Mali": L, "Mazatlán": L, "Mexico": L, "Mexico City": L, "Miami": L, "Moscow": L, "Navolato": L, "Niamey": L,
    "Niger": L, "North Waziristan District": L, "Northwood": L, "Ohio": L, "Pakistan": L, "Peru": L,
    "Peshawar": L, "Philippines": L, "Poltava": L, "Portsmouth": L, "Portsmouth Naval Base": L,
    "Pratas Islands": L, "Puerto Leguízamo": L, "Putumayo": L, "Putumayo River": L, "Rawalpindi": L,
    "Red Sea": L, "Russia": L, "Rylsk": L, "Sahel": L, "Sanaa": L, "Saudi Arabia": L, "Starokostiantyniv": L,
    "Taipei": L, "Taiwan": L, "Tallinn": L, "Tillabéri": L, "Tyotkino": L, "Téra": L, "Ukraine": L,
    "United Kingdom": L, "United States": L, "Washington": L, "Yemen": L, "al-Baghdadi": L, "Burkina Faso": L,
    "Liptako-Gourma": L, "Mir Ali": L, "Bashi Channel": L, "Amazon": L, "Sinaloa": L, "Luzon": L, "Ouallam": L,
    "Haditha": L, "al-Qaim": L, "Jhelum": L, "Karak": L, "Banibangou": L, "Batan": L, "Leeds": L,
    "Khmelnytskyi region": L, "Kharkiv region": L, "Gibraltar": L, "Hodeidah": L, "Liberia": L, "Israel": L,
    "Burkina": L, "Taiwan Strait": L,
    # events: operations, exercises, drills
    "Exercise Coastal Vanguard": E, "Exercise Coastal Vanguard 26": E, "Coastal Vanguard": E,
    "Operation Kestrel Shield": E, "Operation Northern Lantern": E, "Strait Vigil-2026": E, "Balikatan": E,
    "Balikatan 2026": E, "Baltic Sentry": E,
    # weapons, platforms, ships
    "F-16": R, "F-16V": R, "FA-50": R, "FS Languedoc": R, "H-6K": R, "HIMARS": R, "HMS Calloway": R,
    "HNLMS Karel Doorman": R, "J-16": R, "MV Aurora Dawn": R, "MV-22B Osprey": R,
    "Navy-Marine Expeditionary Ship Interdiction System": R, "NMESIS": R, "High Mobility Artillery Rocket System": R, "P-8A Poseidon": R, "Sea Viper": R,
    "Shandong": R, "Storm Shadow": R, "Su-34": R, "Typhoon FGR4": R, "USS Carver": R, "EML Raju": R,
    "FNS Hämeenmaa": R, "HDMS Niels Juel": R, "USS Dwight D. Eisenhower": R, "Mira Star": R, "Nanchang": R,
    "Bradley": R, "Kongsberg HUGIN": R, "HUGIN": R, "Lancet": R, "Shahed": R, "Wildcat": R, "Aster 30": R,
    "Estlink 3": R, "Osprey": R,
    # laws, treaties
    "Mutual Defense Treaty": X,
    # the second batch (Sudan, Syria, an RAF release, Haiti, Korea)
    "Abu Samer": P, "Claudette Saint-Fleur": P, "Ewan Carradine": P, "Ghazal al-Ahmad": P, "Ingrid Mossberg-Tiwari": P,
    "Jean-Robert Philogène": P, "Kang Song-il": P, "Marie-Lourdes Dorcéus": P, "Mohamed Ali Jibril Bakheet": P,
    "Osman Tijani Hamid": P, "Priya Nandakumar": P, "Shiro Kawabata": P, "Tamsin Colquhoun": P, "Umm Khaled": P,
    "Waleed al-Khatib": P, "Wilson Joseph-Pierre": P, "Yoon Ha-jin": P, "Amira Suleiman": P, "Bassem Haddadin": P,
    "Combined Air Operations Centre": O, "Control and Reporting Centre": O, "Council of Ministers": O,
    "Emergency Lawyers": O, "Facebook": O, "Haitian National Police": O, "PNH": O, "Hayat Tahrir al-Sham": O,
    "International Organization for Migration": O, "JCS": O, "Joint Chiefs of Staff": O, "KCNA": O, "RAF": O,
    "RAF Boulmer": (O, L), "RAF Brize Norton": (O, L), "RAF Lossiemouth": (O, L), "Rapid Support Forces": O,
    "UN Security Council": O, "United Nations": O, "Viv Ansanm": O, "Multinational Security Support": O,
    "No. 6 Squadron": O, "Syrian Observatory for Human Rights": O,
    "Baniyas": L, "Bara": L, "Busan": L, "Cairo": L, "Croix-des-Bouquets": L, "Damascus": L, "Delmas": L,
    "El Fasher": L, "Germany": L, "Haiti": L, "Jableh": L, "Japan": L, "Khartoum": L, "Kordofan": L, "Latakia": L,
    "Mount Hermon": L, "North Darfur": L, "North Kordofan": L, "North Korea": L, "Northumberland": L, "Nyala": L,
    "Pyongyang": L, "Pétion-Ville": L, "Qardaha": L, "Scotland": L, "Seoul": L, "South Korea": L, "Sudan": L,
    "Sunan": L, "Syria": L, "Tokyo": L, "Uedem": L, "Port-au-Prince": L, "Abu Shouk": L,
    "B-52H": R, "Bayraktar TB2": R, "F-35A": R, "Hwasong-19": R, "ICBM": R, "T-72": R, "Tu-142 Bear-F": R,
    "USS Theodore Roosevelt": R, "Typhoon": R, "Voyager": R, "Freedom Edge": E, "Quick Reaction Alert": (E, X),
}

# the wrong pages left for later (the trap each falls into); a new wrong page fails the test
KNOWN_WRONG: set[str] = {
    "Amazon (org)", "Bashi Channel (org)",  # a region and a strait: the firm and a TV channel's word win
    "Estado (org)", "Central (person)",  # "Estado Mayor Central" cut at the title "Mayor"
    "Armed Forces (org)",  # the portfolio of "Armed Forces Minister Jane Doe" taken for her employer
    "JNIM (org)",  # the acronym of a name in another language whose letters the translation does not give
    "Mir Ali (person)",  # a town whose first word is a given name, before ", North Waziristan District"
    "Navy Media (org)",  # "Navy Media and Communications" cut at "and"
    "North Waziristan (place)",  # the headline's short form of "North Waziristan District"
}
KNOWN_MERGES: set[str] = set()


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    return assemble(FIXTURE)[0]


def no_page(name: str) -> Callable[[Dossier], bool]:
    return lambda d: entity_named(d, name) is None and all(name not in e.name.split(" ") or e.name in PAGES
                                                           for e in pages(d))


def test_every_page_is_a_name_of_the_right_type(dossier: Dossier) -> None:
    wrong = wrong_pages(dossier, PAGES)
    assert set(wrong) <= KNOWN_WRONG, f"{len(wrong)} wrong of {len(pages(dossier))} pages: {wrong}"


def test_no_page_merges_two_names_of_different_things(dossier: Dossier) -> None:
    """An alias is the same thing: a place is never another place's or a station's other name."""
    merged = sorted(f"{a} -> {e.name}" for e in pages(dossier) for a in e.aliases
                    if a in PAGES and PAGES[a] != PAGES.get(e.name) and not _variant(a, e.name))
    assert set(merged) <= KNOWN_MERGES, merged


def _variant(alias: str, name: str) -> bool:
    return alias.lower() in name.lower() and PAGES[alias] not in (L,)  # 'Duma' of 'State Duma'


TRAPS: list[Any] = [
    trap("vessel-prefix-nordic", typed("EML Raju", R)),
    trap("vessel-prefix-finnish", typed("FNS Hämeenmaa", R)),
    trap("vessel-prefix-danish", typed("HDMS Niels Juel", R)),
    trap("vessel-prefix-not-person", no_page("Niels Juel")),
    trap("rank-leading-seaman", typed("Kofi Asante-Bridges", P)),
    trap("rank-sepoy", typed("Gul Sher Khattak", P)),
    trap("demonym-philippine", no_page("Philippine")),
    trap("general-staff-no-person", no_page("Staff")),
    trap("brothers-apart", apart("Ahmed al-Haddadi", "Nasser al-Haddadi")),
    trap("alias-in-quote-marks", same("El Gato", "Iván Ernesto Quiñónez Lugo")),
    trap("surname-joins-double-surname", same("Ospina Luengas", "María Fernanda Ospina Luengas")),
    trap("particle-surname-joins", same("al-Zubaydawi", "Karim al-Zubaydawi")),
    trap("chinese-family-name-joins", same("Zhao", "Zhao Lixin")),
    trap("honorific-sheikh-dropped", typed("Raad Abdul-Sattar al-Dulaimi", P)),
    trap("missile-is-product", typed("Storm Shadow", R)),
    trap("operation-is-event", typed("Operation Kestrel Shield", E)),
    trap("defence-defense-one-name", same("Russia's Defence Ministry", "Russia's Defense Ministry")),
    trap("unit-number-before", typed("815 Naval Air Squadron", O)),
    trap("unit-number-after-and-acronym", same("SNMG1", "Standing NATO Maritime Group 1")),
    trap("or-acronym-joins", same("NMESIS", "Navy-Marine Expeditionary Ship Interdiction System")),
    trap("acronym-of-another-language", same("PNH", "Haitian National Police")),
    trap("vessel-noun-tanker", typed("Mira Star", R)),
    trap("vessel-noun-destroyer", typed("Nanchang", R)),
    trap("known-as-after-a-list", lambda d: "Liptako-Gourma" not in (entity_named(d, "Burkina Faso") or
                                                                      pages(d)[0]).aliases),
]


@pytest.mark.parametrize(("trap", "check"), TRAPS)
def test_trap(dossier: Dossier, trap: str, check: Callable[[Dossier], bool]) -> None:
    assert check(dossier), trap


# (rule id, a paragraph, {name: its type, the name of the entity it joins, or None: no entity
# of that name, or one below the threshold})
RULE_ROWS: list[tuple[str, str, dict[str, EntityType | str | None]]] = [
    ("vessel-prefix", "The patrol vessel EML Zorblatt sailed on Monday.", {"EML Zorblatt": R}),
    ("vessel-prefix", "The frigate HDMS Jane Zorblatt sailed on Monday.", {"HDMS Jane Zorblatt": R, "Jane Zorblatt": None}),
    ("vessel-prefix", "Yesterday the ZQX Zorblatt group said no.", {"ZQX Zorblatt": O}),
    ("rank-title", "Yesterday Leading Seaman Jane Zorblatt said so.", {"Jane Zorblatt": P, "Leading Seaman Jane Zorblatt": None}),
    ("rank-title", "Yesterday Sepoy Jane Zorblatt said so.", {"Jane Zorblatt": P, "Sepoy Jane Zorblatt": None}),
    ("rank-title", "Yesterday Flight Lieutenant Jane Zorblatt said so.", {"Jane Zorblatt": P}),
    ("rank-title", "Yesterday Jane Seaman said so.", {"Jane Seaman": P}),
    ("rank-title", "Yesterday Seaman Apprentice Jane Zorblatt said so.", {"Jane Zorblatt": P}),
    ("rank-title", "Yesterday Leading Seaman Jane Zorblatt said so.", {"Jane Zorblatt": P}),
    ("title-as-surname", "Yesterday John Major said so.", {"John Major": P, "John": None}),
    ("title-as-surname", "Yesterday Jane Marshal said so.", {"Jane Marshal": P}),
    ("title-as-surname", "Yesterday Zorblatt CEO said so.", {"Zorblatt": O}),
    ("title-as-surname", "Yesterday Jane Doe's Zorblatt Commander Tom Quux said so.", {"Tom Quux": P}),
    ("demonym-adjective", "Every island here is Philippine territory, he said.", {"Philippine": None}),
    ("demonym-adjective", "Every island here belongs to the Philippines, he said.", {"Philippines": L}),
    ("general-staff", "Zorbia's General Staff did not comment.", {"Staff": None}),
    ("general-staff", "Yesterday General Jane Staff did not comment.", {"Jane Staff": P}),
    ("vessel-noun-before", "Police boarded the tanker Jane Zorblatt on Monday.", {"Jane Zorblatt": R}),
    ("vessel-noun-before", "Sailors aboard the destroyer Zorbville waved.", {"Zorbville": R}),
    ("vessel-noun-before", "The tanker crew thanked Jane Zorblatt on Monday.", {"Jane Zorblatt": P}),
    ("year-designator", "The drills, named Zorb Vigil-2026, began on Monday.", {"Zorb Vigil-2026": E}),
    ("year-designator", "Troops joined the Zapadnik-2021A exercise on Monday.", {"Zapadnik-2021A": E}),
    ("year-designator", "They fired the Zorb-300 missile on Monday.", {"Zorb-300": R}),
    ("product-vehicle", "Troops destroyed two U.S.-made Zorbley fighting vehicles on Monday.", {"Zorbley": R}),
    ("product-vehicle", "Divers used a Zorbsberg QUUX autonomous underwater vehicle on Monday.", {"Zorbsberg QUUX": R}),
    ("product-vehicle", "Yesterday the Zorb Vehicle Licensing Agency said no.", {"Zorb Vehicle Licensing Agency": O}),
    ("product-vehicle", "Yesterday Jane Zorbley bought two vehicles.", {"Jane Zorbley": P}),
    ("unit-number-before", "On March 3 Zorb Air Squadron said so.", {"Zorb Air Squadron": O, "3 Zorb Air Squadron": None}),
    ("unit-number-acronym", "The Zorb Maritime Group 2 (ZMG2) sailed. Later ZMG2 docked.", {"ZMG2": "Zorb Maritime Group 2"}),
    ("unit-number-acronym", "The Zorb Maritime Group 2 (ZMG3) sailed.", {"Zorb Maritime Group 2": O, "ZMG3": R}),
    ("vessel-before-org-cue", "Destroyers of the USS Jane Q. Zorblatt carrier strike group sailed.",
     {"USS Jane Q. Zorblatt": R}),
    ("vessel-before-org-cue", "Destroyers of the Zorblatt Quux strike group sailed.", {"Zorblatt Quux": O}),
    ("org-appositive-complement", "A senior commander of the group, Abu Zorb al-Quux, told Reuters so.", {"Abu Zorb al-Quux": P}),
    ("org-appositive-complement", "Its maker, Zorblatt Quux, said so.", {"Zorblatt Quux": O}),
    ("also-known-as-or-acronym", "A Zorb Quux Interdiction System, or ZQIS, sank it. The ZQIS fired.",
     {"ZQIS": "Zorb Quux Interdiction System"}),
    ("also-known-as-or-acronym", "A Zorb Quux Interdiction System, or NATO, sank it.", {"NATO": O}),
    ("also-known-as-or-acronym", "Troops of Zorbia, or Quuxland, fired.", {"Quuxland": "Quuxland"}),
    ("title-before-unit", "The prayers were led by Jane Zorblatt, Commander Quuxabad Corps, on Monday.",
     {"Quuxabad Corps": O, "Jane Zorblatt": P, "Commander Quuxabad Corps": None}),
    ("title-before-unit", "Yesterday the Admiral Zorb Group said no.", {"Admiral Zorb Group": O}),
    ("role-before-org-cue", "Gunmen fought the rival Zorb Quux faction in May.", {"Zorb Quux": O}),
    ("role-before-org-cue", "Gunmen fought the rival Zorb Quux in May.", {"Zorb Quux": P}),
    ("acronym-of-another-language", "The Zorbian National Police (PNZ) said so. Later the PNZ left.",
     {"PNZ": "Zorbian National Police"}),
    ("acronym-of-another-language", "The Zorb Quux Agency (QZZ) said so.", {"Zorb Quux Agency": O, "QZZ": "QZZ"}),
    ("acronym-of-another-language", "The Zorbian National Police (AFP) said so.", {"Zorbian National Police": O}),
    ("acronym-of-another-language", "Yesterday Jane Zorblatt (ZQX) said so.", {"Jane Zorblatt": P}),
    ("office-on", "Yesterday the Prime Minister's Adviser on Interior Affairs Jane Zorblatt said no.",
     {"Jane Zorblatt": P, "Interior Affairs": None}),
    ("office-on", "Yesterday the Zorb Council on Foreign Relations said no.", {"Zorb Council on Foreign Relations": O}),
    ("employer-no-surname", "Yesterday Quuxaloa Gov. Jane Doe asked residents to stay home.\n"
     "“My brother is a businessman,” she told local radio station Radio Zorb Quuxaloa.",
     {"Quuxaloa": "Quuxaloa", "Radio Zorb Quuxaloa": O}),
    ("cartel-org-word", "Gunmen of the Kettering Cartel fought on Monday.\nLater Kettering Gov. Jane Doe said no.",
     {"Kettering": L}),
    ("cartel-org-word", "Shares in Zorblatt Sachs fell on Monday.\nLater Zorblatt said no.", {"Zorblatt": "Zorblatt Sachs"}),
    ("employer-no-surname", "Yesterday Jane Zorb Quuxaloa spoke.\nLater Quuxaloa said no.", {"Quuxaloa": "Jane Zorb Quuxaloa"}),
    ("also-known-as-alias", "Police held Jane Zorblatt Quux, alias “El Gato”, on Monday.", {"El Gato": "Jane Zorblatt Quux"}),
    ("also-known-as-list", "Fighting spread between Zorbia, Quuxland and Burkina Faso, known as Zorb-Gourma, in May.",
     {"Burkina Faso": L, "Zorb-Gourma": "Zorb-Gourma"}),
    ("also-known-as-list", "Fighting spread in the Zorb Liberation Front, known as Quuxhaq, in May.",
     {"Quuxhaq": "Zorb Liberation Front"}),
]


@pytest.mark.parametrize(("rule", "text", "expected"), RULE_ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(RULE_ROWS)])
def test_rule_row(rule: str, text: str, expected: dict[str, EntityType | str | None]) -> None:
    check_rule_row(rule, text, expected)


def check_rule_row(rule: str, text: str, expected: dict[str, EntityType | str | None]) -> None:
    """The entities of a paragraph (lines split at newlines) are as a RULE_ROWS row expects."""
    art = article(*text.split("\n"))
    entities, mentions = find_entities(art)
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


# --- speakers: the outlet of a dateline is nobody's "ministry" (annotate/speaker_lookups.py) ----
@pytest.mark.parametrize(("text", "speaker"), [
    ("ZORBVILLE (Acme Wire) - Ten soldiers were killed on Sunday, the defence ministry said on Monday.\n\n"
     "“A large group attacked the post,” the ministry said in a statement.", None),
    ("ZORBVILLE (Acme Wire) - Globex Corp lost the case on Monday, its lawyers said.\n\n"
     "“We will appeal,” the company said in a statement.", "Globex Corp"),
], ids=["dateline-credit-no-speaker", "subject-after-dateline"])
def test_dateline_credit_is_no_organisation_voice(text: str, speaker: str | None) -> None:
    from tests.test_quotes import org, quotes
    last = quotes("Headline\n\n" + text, [org("Acme Wire"), org("Globex Corp")], headline=True)[-1]
    assert last.speaker_name == speaker and last.candidate != "Acme Wire", last


# --- photo captions of the wire: no event on the timeline (read/captions.txt) --------------
@pytest.mark.parametrize(("text", "caption"), [
    ("FILE PHOTO: Soldiers inspect a drone in Anytown, Zorbia, January 14, 2025. REUTERS/Jane Doe/File Photo", True),
    ("Soldiers inspect a drone in Anytown, Zorbia, on Jan. 14, 2025. (AP Photo/John Roe, File)", True),
    ("Soldiers inspect a drone in Anytown on January 14, 2025. AFP PHOTO / JANE DOE", True),
    ("Soldiers inspected a drone in Anytown on January 14, 2025, the ministry said.", False),
    ("FILE PHOTOGRAPHS of the site were published on Monday.", False),
], ids=["reuters-file-photo", "ap-photo", "afp-photo", "a-sentence", "file-photographs"])
def test_wire_caption(text: str, caption: bool) -> None:
    from builder.read import is_caption
    assert is_caption(text) is caption


def test_no_event_from_a_wire_caption(dossier: Dossier) -> None:
    assert not [t for t in dossier.timeline if "FILE PHOTO" in t.sentence], dossier.timeline


# --- "X said ..., adding that": the subject of "said", not a name after it (quotes/phrases.txt) ---
@pytest.mark.parametrize(("text", "speaker"), [
    ("“A large group attacked the post,” the ministry said in a statement read on state television Zorb TV, "
     "adding that “more than 40 assailants were neutralised” in the counter-attack.", None),
    ("Jane Doe said in an interview with Zorb TV on Monday, adding that “the talks are over”.", "Jane Doe"),
    ("After John Roe said no, Jane Doe hit back, calling the ruling “a travesty”.", "Jane Doe"),
    ("When the vote was lost, Jane Doe hit back, calling the ruling “a travesty”.", "Jane Doe"),
    ("John Roe hit back after Jane Doe spoke, calling the ruling “a travesty”.", "John Roe"),
], ids=["said-then-adding", "said-then-adding-person", "said-in-an-opening-clause", "opening-clause",
        "clause-after-the-subject"])
def test_adding_after_said(text: str, speaker: str | None) -> None:
    from tests.test_quotes import org, person, quotes
    last = quotes("Headline\n\n" + text, [org("Zorb TV"), person("Jane Doe"), person("John Roe")], headline=True)[-1]
    assert last.speaker_name == speaker, last


# --- date lines of releases and wire sites: the article's date, no event (read.py) ------------
@pytest.mark.parametrize(("line", "date"), [
    ("Rawalpindi - May 14, 2026:", "2026-05-14"),
    ("ANYTOWN, 3 March 2026 –", None),  # (a dateline opening a paragraph is read elsewhere)
    ("Published on 16/03/2026 - 11:20", "2026-03-16"),
    ("Published on 03/04/2026 - 11:20", None),  # day and month either way round: no date
    ("Jane Doe - May 14, 2026: the day she won", None),
    ("May 14, 2026", "2026-05-14"),
], ids=["place-dash-date-colon", "dateline-with-dash", "numeric-day-first", "numeric-ambiguous", "a-sentence", "date"])
def test_release_date_line(line: str, date: str | None) -> None:
    from builder.read import date_in_text, date_of_line
    found = date_of_line(line) or date_in_text([line])
    assert (found.isoformat() if found else None) == date


def test_release_date_line_is_no_event(dossier: Dossier) -> None:
    assert not [t for t in dossier.timeline if t.sentence.startswith("Rawalpindi")], dossier.timeline


# --- every quote's speaker, judged by hand: (article id's start, the quote's first words) ->
# the one who said it (None: the text names no one, "the ministry said"); a quote given another
# speaker is a wrong speaker, one left unsure is not
SPEAKERS: dict[tuple[str, str], str | None] = {
    ("colombia-arr", "This is a heavy blow to "): "María Fernanda Ospina Luengas",
    ("colombia-arr", "He moved every night, bu"): "Hernán de la Espriella",
    ("haiti-gangs-", "as long as the governmen"): "Wilson Joseph-Pierre",
    ("haiti-gangs-", "We will not let Pétion-V"): "Marie-Lourdes Dorcéus",
    ("haiti-gangs-", "They burned everything,"): "Jean-Robert Philogène",
    ("rockets-targ", "These acts harm Iraq's i"): "Karim al-Zubaydawi",
    ("rockets-targ", "committed to the truce"): "Abu Hussein al-Shammari",
    ("security-for", "The nation salutes Major"): "Tahir Naveed Qureshi",
    ("north-korea-", "overwhelming"): None,
    ("north-korea-", "This is an outrageous ac"): "Shiro Kawabata",
    ("north-korea-", "necessary response"): "Kang Song-il",
    ("u-s-marines-", "Coastal Vanguard shows t"): "Derrick Ashworth-Mills",
    ("u-s-marines-", "Every island here is Phi"): "Romeo Villafuerte",
    ("u-s-marines-", "You learn a lot about yo"): "Tyler Brannigan",
    ("mexican-army", "There was no innocent bl"): "Arturo Villaseñor de la Garza",
    ("mexican-army", "My brother is a business"): "Adriana Quiñónez",
    ("nato-ships-a", "Allies will not allow cr"): "Henrik Vestergaard-Lund",
    ("nato-ships-a", "Every ship in this group"): "Henrik Vestergaard-Lund",
    ("nato-ships-a", "The damage is severe, bu"): "Kaisa Mäkeläinen",
    ("niger-23-sol", "A large group of terrori"): None,
    ("niger-23-sol", "more than 40 assailants "): None,
    ("niger-23-sol", "Our defence and security"): "Halidou Maïga",
    ("niger-23-sol", "We heard shooting for th"): "Amadou Ag Ibrahim",
    ("niger-23-sol", "regained control"): "Moussa Abdou Garba",
    ("news-story-r", "Our crews train for this"): "Priya Nandakumar",
    ("news-story-r", "Every time the RAF is ca"): "Tamsin Colquhoun",
    ("news-story-h", "I could not be prouder o"): "Alistair Penhaligon",
    ("news-story-h", "HMS Calloway and her cre"): "Rebecca Thornbury",
    ("news-story-h", "It was a long seven mont"): "Kofi Asante-Bridges",
    ("russia-says-", "They count every tractor"): "Serhii Hrabovyi",
    ("russia-says-", "Every video helps the en"): "Irina Volkova-Sedykh",
    ("sudans-rsf-s", "The militia is losing gr"): "Osman Tijani Hamid",
    ("sudans-rsf-s", "Our forces respond only "): "Mohamed Ali Jibril Bakheet",
    ("sudans-rsf-s", "People are eating animal"): "Ingrid Mossberg-Tiwari",
    ("clashes-in-s", "We heard the tanks in th"): "Umm Khaled",
    ("clashes-in-s", "Blood will only bring mo"): "Ghazal al-Ahmad",
    ("china-holds-", "stern warning"): "Eastern Theater Command of the People's Liberation Army",
    ("china-holds-", "an inalienable part of C"): "Lin Haoran",
    ("china-holds-", "a necessary measure to s"): "Lin Haoran",
    ("china-holds-", "We will not be provoked,"): "Hsu Wei-ming",
    ("china-holds-", "the troublemaker in the "): "Chen Mei-ling",
    ("ukraine-says", "The enemy is again targe"): "Oleh Petrenko-Savchuk",
    ("ukraine-says", "Our pilots worked all ni"): "Andriy Kovalyshyn",
    ("yemens-houth", "These reckless attacks e"): "Central Command",
    ("yemens-houth", "We cannot feed our child"): "Ahmed al-Haddadi",
    ("yemens-houth", "monitoring the situation"): "Turki bin Faisal al-Otaibi",
}


def test_no_wrong_speaker(dossier: Dossier) -> None:
    seen, wrong = wrong_speakers(dossier, SPEAKERS)
    assert not wrong, wrong
    assert seen == set(SPEAKERS), set(SPEAKERS) - seen
