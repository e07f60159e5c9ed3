"""Names as government releases vary them: a resolution's number, an acronym defined for the
tail of a long name or after its possessive, and, across the dossier, the variants of one
place or body that make splits (a province's word, an Arabic article, a country's official
name, a unit's acronym after its number, an acronym read off a body's name, a body's name
without the country before it). One row per rule with its negative cases; made-up names."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.annotate.names import fold
from builder.model import EntityType
from builder.pipeline import assemble
from tests.test_release_orgs import entity_of

O, L = EntityType.ORG, EntityType.PLACE

ARTICLE_ROWS = [  # (rule id, text, printed mention, its entity (name, type), or None: no mention)
    # law-number (joins.txt): a law's word and its number are one name
    ("law-number", "Members backed Zorbic Council Resolution 4321 on Monday.", "Zorbic Council Resolution 4321",
     ("Zorbic Council Resolution 4321", EntityType.OTHER)),
    ("law-number", "They must comply with Resolution 4321 to protect civilians.", "Resolution 4321",
     ("Resolution 4321", EntityType.OTHER)),
    ("law-number", "They backed Zorbic Council Resolution 4321, and more.", "Zorbic Council Resolution 4321",
     ("Zorbic Council Resolution 4321", EntityType.OTHER)),  # (the comma is no part of it)
    ("law-number", "Under the Zorbic Council Resolution 40 people died.", "Zorbic Council Resolution",
     ("Zorbic Council Resolution", EntityType.OTHER)),  # a figure of people, no number of it
    # event-head (event_words.txt): a dialogue of ministers is a conference
    ("event-head", "Jane Doe spoke at the Zorbic Dialogue on Monday.", "Zorbic Dialogue",
     ("Zorbic Dialogue", EntityType.EVENT)),
    # law-head (law_words.txt): a communique is a document
    ("law-head", "Talks follow the Zorbic Communique of 2012.", "Zorbic Communique", ("Zorbic Communique", EntityType.OTHER)),
    # unit-dash (joins.txt): a unit's name, a dash and its designation are one name
    ("unit-dash", "Jane Doe, commander of Combined Zorb Task Force - Operation Quux Resolve, said so.",
     "Combined Zorb Task Force - Operation Quux Resolve", ("Combined Zorb Task Force - Operation Quux Resolve", O)),
    ("unit-dash", "The Zorb Land Component Command – Quux Shield sent troops.", "Zorb Land Component Command – Quux Shield",
     ("Zorb Land Component Command – Quux Shield", O)),
    ("unit-dash", "A spokesman for the Zorb Task Force - Jane Doe - said so.", "Zorb Task Force", ("Zorb Task Force", O)),
    ("unit-dash", "The Zorb Quux Foundation - Acme Trust gave money.", "Zorb Quux Foundation", ("Zorb Quux Foundation", O)),
    # hyphen modifier (hyphen_words.txt): "Counter-" or "Anti-" before an acronym makes a modifier of it
    ("hyphen-modifier", "Soldiers help in Counter-ZQX training for the army.", "Counter-ZQX", None),
    ("hyphen-modifier", "Soldiers help in Counter-ZQX training for the army.", "ZQX", ("ZQX", O)),
    ("hyphen-modifier", "Officers of the Counter-Zorbism Command arrested him.", "Counter-Zorbism Command",
     ("Counter-Zorbism Command", O)),
    # lower-case-tail (joins.lower_tails): a plural lower-case noun after a name the article capitalises
    ("lower-case-tail", "The Zorbic Regional Government met. Later the Quux and Zorbic Regional governments agreed.",
     "Zorbic Regional", ("Zorbic Regional Government", O)),
    ("lower-case-tail", "The Zorbic Regional Government met. Later the Zorbic Regional Quux agreed.",
     "Zorbic Regional Quux", ("Zorbic Regional Quux", O)),
    # unit-comma (joins.txt): a smaller unit, a comma and the larger one it belongs to are one name
    ("unit-comma", "Jane Doe was assigned to 2nd Battalion, 7th Zorb Regiment, Fort Quux.", "2nd Battalion, 7th Zorb Regiment",
     ("2nd Battalion, 7th Zorb Regiment", O)),
    ("unit-comma", "Jane Doe, a crew chief in Quux Battery, 3rd Battalion, said so.", "Quux Battery, 3rd Battalion",
     ("Quux Battery, 3rd Battalion", O)),
    ("unit-comma", "Troops of 2nd Battalion, 3rd Battalion and 4th Battalion left.", "2nd Battalion", ("2nd Battalion", O)),
    ("unit-comma", "Troops of 7th Zorb Regiment, 2nd Battalion left.", "7th Zorb Regiment", ("7th Zorb Regiment", O)),
    # designated-acronym: "Zorb Force (ZZF) 50" is the unit "ZZF 50" that the article names so elsewhere
    ("designated-acronym", "A frigate joined the Zorb Force (ZZF) 50 on Monday. ZZF 50 is led by Jane Doe.",
     "Zorb Force (ZZF) 50", ("ZZF 50", O)),
    ("designated-acronym", "A frigate joined the Zorb Force (ZZF) 50 on Monday. ZZF 50 is led by Jane Doe.",
     "ZZF 50", ("ZZF 50", O)),
    ("designated-acronym", "The Zorb Force (ZZF) 50 miles away fired.", "Zorb Force", ("Zorb Force", O)),
    # service-product: an armed service before a designator is whose the aircraft is
    ("service-product", "Air Force F-99 Quux Hawks from the Zorb Guard arrived on Monday.", "F-99 Quux Hawks",
     ("F-99 Quux Hawks", EntityType.PRODUCT)),
    ("service-product", "The Air Force One jet landed on Monday.", "Air Force One", ("Air Force One", EntityType.PRODUCT)),
    # and-in-org (spans._and_in_org): "and" joins plain words to an institution's name of two words or more
    ("and-in-org", "Together with our Joint and Coalition partners, we work.", "Joint and Coalition", None),
    ("and-in-org", "The Food and Zorb Administration said no.", "Food and Zorb Administration",
     ("Food and Zorb Administration", O)),
    ("unit-number", "The Air Force One jet landed on Monday.", "Air Force One", ("Air Force One", EntityType.PRODUCT)),
    # acronym-defined: an acronym of the tail of a long name ("... Commission of Inquiry (CoI)")
    ("acronym-defined", "The report by the Zorbic Independent Board of Quux (BoQ) is grim. The BoQ must go on.",
     "BoQ", ("Zorbic Independent Board of Quux", O)),
    ("acronym-defined", "Jane Doe met the Zorbic Independent Board of Quux (WHX) on Monday.", "WHX", ("WHX", O)),
    ("acronym-defined", "The Zorbic Independent Board of Quux (BoQ) met. The BOQ must go on.",
     "BOQ", ("Zorbic Independent Board of Quux", O)),  # written in capitals later
    # acronym-defined: after the name's possessive ("... Central Command's (NAVCENT) task force")
    ("acronym-defined", "A frigate joined Zorbic Naval Forces Central Command's (NAVCENT) task group. "
     "NAVCENT is responsible for the sea.", "NAVCENT", ("Zorbic Naval Forces Central Command", O)),
    ("acronym-defined", "A frigate joined Zorbic Naval Forces Central Command's (WHX) group.", "WHX", ("WHX", O)),
]


@pytest.mark.parametrize(("rule", "text", "surface", "expected"), ARTICLE_ROWS,
                         ids=[f"{r[0]}-{i}" for i, r in enumerate(ARTICLE_ROWS)])
def test_article_row(rule: str, text: str, surface: str, expected: tuple[str, EntityType] | None) -> None:
    assert entity_of(text, surface) == expected, rule


DOSSIER_ROWS = [  # (rule id, the articles, names that must share one entity, names that must not)
    # place-variant: a province's word, an Arabic article, a final "h"
    ("place-variant", ("Car bombs hit Zorbala Province on Monday.", "Fighting in Zorbala went on."),
     ("Zorbala Province", "Zorbala"), ()),
    ("place-variant", ("Near Ar Qurbaqah, strikes hit a tank.", "Fighting near Qurbaqa went on.",
                       "Fighting in Qurbaqah went on."), ("Ar Qurbaqah", "Qurbaqa", "Qurbaqah"), ()),
    ("place-variant", ("Fighting near Ar Qurbaqah went on.", "Fighting near Al Zorbala went on."),
     (), ("Ar Qurbaqah", "Al Zorbala")),
    ("place-variant", ("Talks in El Salvador began.", "Strikes hit the city of Salvador on Monday."),
     (), ("El Salvador", "Salvador")),  # a country's name keeps its article
    # place-spelling: a long place name of several words a letter off another is that place
    ("place-spelling", ("Fighting near Qasr Az Zubayr went on.", "Strikes near Qasr az Zuwayr went on."),
     ("Qasr Az Zubayr", "Qasr az Zuwayr"), ()),
    ("place-spelling", ("Fighting near Zorbala went on.", "Strikes near Zorbalo went on."), (), ("Zorbala", "Zorbalo")),
    ("place-spelling", ("Voters in Zorbaloon East went to the polls.", "Voters in Zorbaloon West went to the polls."),
     (), ("Zorbaloon East", "Zorbaloon West")),
    # country-form (geo_country_forms.txt): a country's official name is the country
    ("country-form", ("Talks in the Republic of Finland began.", "Finland said no."),
     ("Republic of Finland", "Finland"), ()),
    # unit-acronym: "909th AZW" after its number is the "909th Air Zorbing Wing"
    ("unit-acronym", ("Troops of the 909th Air Zorbing Wing arrived on Monday. Later the 909th AZW left.",),
     ("909th Air Zorbing Wing", "909th AZW"), ()),
    ("unit-acronym", ("Troops of the 909th Air Zorbing Wing arrived on Monday. Later the 808th AZW left.",),
     (), ("909th Air Zorbing Wing", "808th AZW")),
    # acronym-initials: an acronym no article defines, read off the one body of those initials
    ("acronym-initials", ("The ZQ Quux Council met on Monday.", "Later the ZQQC voted."), ("ZQ Quux Council", "ZQQC"), ()),
    ("acronym-initials", ("Jane Doe met the Zorbic Central Command on Monday. She praised the ZORCENTCOM vision.",),
     ("Zorbic Central Command", "ZORCENTCOM"), ()),
    ("acronym-initials", ("Jane Doe met the Zorbic Central Command on Monday.", "She praised the ZORCENTCOM vision."),
     (), ("Zorbic Central Command", "ZORCENTCOM")),  # the starts of words: in one article only
    ("acronym-initials", ("The Quux Zorb Council met on Monday. The Quorn Zeal Commission met.", "Later the QZC voted."),
     (), ("Quux Zorb Council", "QZC", "Quorn Zeal Commission")),  # two bodies of those initials: neither
    ("acronym-initials", ("Jets of Combined Zorb Task Force - Operation Quux Resolve struck.", "CZTF-OQR said so."),
     ("Combined Zorb Task Force - Operation Quux Resolve", "CZTF-OQR"), ()),
    ("acronym-initials", ("The Natural Zorb Trust met on Monday.", "Later NZT and NATO voted."),
     ("Natural Zorb Trust", "NZT"), ()),
    ("acronym-initials", ("The Northern Atlantic Trade Organisation met on Monday.", "Later NATO voted."),
     (), ("Northern Atlantic Trade Organisation", "NATO")),  # a known acronym keeps its own name
    # acronym-prefix: in its article, an acronym is the one hyphenated acronym it opens
    ("acronym-prefix", ("CZTF-OQR said so. A strike, as the CZTF releases define it, is one event.",),
     ("CZTF-OQR", "CZTF"), ()),
    ("acronym-prefix", ("CZTF-OQR said so.", "A strike, as the CZTF releases define it, is one event."),
     (), ("CZTF-OQR", "CZTF")),
    # org-of-the: "Department of the Zorb" and "Department of Zorb" are one body
    ("org-of-the", ("Jane Doe wrote to the Department of the Zorbery.", "The Department of Zorbery said no."),
     ("Department of the Zorbery", "Department of Zorbery"), ()),
    ("org-of-the", ("Jets of Combined Zorb Task Force - Operation Quux Resolve struck.",
                    "The Combined Zorb Task Force – Quux Resolve commander spoke."),
     ("Combined Zorb Task Force - Operation Quux Resolve", "Combined Zorb Task Force – Quux Resolve"), ()),
    ("org-of-the", ("The Federal Government of Zorbland met on Monday.", "The Government of Zorbland said no."),
     ("Federal Government of Zorbland", "Government of Zorbland"), ()),
    # org-reordered: the same words in another order, a known name in another of its forms
    ("org-reordered", ("The Global Coalition to Counter Zorbism met.", "The Counter Zorbism Coalition met.",
                       "The Counter-Zorbism Coalition met."),
     ("Global Coalition to Counter Zorbism", "Counter Zorbism Coalition", "Counter-Zorbism Coalition"), ()),
    ("org-reordered", ("The Zorb Quux Council met.", "The Quux Zorb Council met."), (),
     ("Zorb Quux Council", "Quux Zorb Council")),  # (no name's aim with "to" or "for": apart)
    # org-aim-short: a body's name of two words or more that is the words before the aim ("to", "against")
    # of the one such body of the dossier is that body
    ("org-aim-short", ("The Global Coalition to Counter Zorbism met.", "Jets of the Global Coalition struck."),
     ("Global Coalition to Counter Zorbism", "Global Coalition"), ()),
    ("org-aim-short", ("The Zorb Campaign to Stop Quux met. The Zorb Campaign to End Flob met.",
                       "The Zorb Campaign said so."), (),
     ("Zorb Campaign to Stop Quux", "Zorb Campaign to End Flob", "Zorb Campaign")),  # two such bodies: neither
    # owner-demonym: "Zorbia’s Security Forces" are the "Zorbian Security Forces" (a place's nationality word)
    ("owner-demonym", ("Fighters of Zorbia’s Security Forces fled.", "The Zorbian Security Forces fought."),
     ("Zorbia’s Security Forces", "Zorbian Security Forces"), ()),
    ("owner-demonym", ("Fighters of Zorbia’s Security Forces fled.", "The Quuxian Security Forces fought."),
     (), ("Zorbia’s Security Forces", "Quuxian Security Forces")),
    # country-body: a body's name without the country before it, the one body of the dossier so named
    ("country-body", ("Jane Doe of the U.S. Zorbal Command spoke.", "The Zorbal Command said so."),
     ("U.S. Zorbal Command", "Zorbal Command"), ()),
    ("country-body", ("The U.S. Zorbal Command spoke. The UK Zorbal Command spoke.", "The Zorbal Command said so."),
     (), ("U.S. Zorbal Command", "Zorbal Command", "UK Zorbal Command")),
]


@pytest.mark.parametrize(("rule", "texts", "joined", "apart"), DOSSIER_ROWS,
                         ids=[f"{r[0]}-{i}" for i, r in enumerate(DOSSIER_ROWS)])
def test_dossier_row(tmp_path: Path, rule: str, texts: tuple[str, ...], joined: tuple[str, ...],
                     apart: tuple[str, ...]) -> None:
    folder = tmp_path / "dossier"
    (folder / "articles").mkdir(parents=True)
    for n, text in enumerate(texts, start=1):
        (folder / "articles" / f"{n:02d}.txt").write_text(f"Story {n}\n\n{text}\n", encoding="utf-8")
    entities = assemble(folder)[0].entities
    owner = {}  # (a form and another that folds to it are one alias: "Counter-Zorbism", "Counter Zorbism")
    for e in entities:
        for form in (e.name, *e.aliases):
            owner.setdefault(fold(form), e.id)
    for name in joined + apart:
        assert fold(name) in owner, (rule, name, [(e.name, e.aliases) for e in entities])
    assert len({owner[fold(n)] for n in joined}) <= 1, (rule, [(e.name, e.aliases) for e in entities])
    assert len({owner[fold(n)] for n in apart}) == len(apart), (rule, [(e.name, e.aliases) for e in entities])


def test_a_word_listed_with_an_organisation_is_typed_by_it(tmp_path: Path) -> None:
    """listed-with-org is type evidence (evidence_groups.txt type-org): "the ZQF and Zorbmerga"
    gives Zorbmerga a page as an organisation (rule untyped does not hold it back)."""
    from tests.test_page_precision import check_row
    check_row(tmp_path, "untyped", ("Masks went to the ZQF and Zorbmerga during training.",), {"Zorbmerga": True})


@pytest.mark.parametrize(("text", "name"), [
    ("Support from the Zorb Reserve Component is vital to the wing.", "Zorb Reserve Component"),  # org_words.txt
    ("Reporters will gather in the Zorb Briefing Room and ask questions.", "Zorb Briefing Room"),  # place_words.txt
    ("He was assigned to Zorb Quux Disposal Mobile Unit Two, which is based in the town.",
     "Zorb Quux Disposal Mobile Unit Two"),  # a unit's number word after its head (candidates.Shape)
])
def test_a_head_word_types_a_name(tmp_path: Path, text: str, name: str) -> None:
    """A unit's "Component" and a room's "Room" are type evidence: the name gets its page."""
    from tests.test_page_precision import check_row
    check_row(tmp_path, "untyped", (text,), {name: True})
