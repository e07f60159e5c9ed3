"""Groups of people, plural designators and designations written after a body's name, as
releases write them: "300 ZAF Airmen", "NATO Troops", "other ZORBCENT CTFs", "a ZESCO World
Heritage Site" name the body (and who or what of it), not a body of their own. Rows of
builder/data/entities/member_nouns.txt, designations.txt and the plural-acronym tail; made-up
names only, with negative cases."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.model import EntityType
from tests.test_page_precision import built
from tests.test_release_orgs import named

O, L = EntityType.ORG, EntityType.PLACE

ROWS = [  # (text, printed mention, its entity (name, type))
    ("Accompanying the jets were 300 ZAF Airmen, deployed from the 158th Zorb Wing.", "ZAF", ("ZAF", O)),
    ("Later 40 Zorbland Air Guard Soldiers left Anytown.", "Zorbland Air Guard", ("Zorbland Air Guard", O)),
    ("Later two ZAF Airmen left Anytown.", "ZAF", ("ZAF", O)),  # the people counted, not the body
    ("They flew the 737 ZQX jets home.", "ZQX", ("ZQX", EntityType.PRODUCT)),  # (a model's number: as before)
    ("ZUN Peacekeepers left Zorbville on Monday.", "ZUN", ("ZUN", O)),
    ("The exercise took in other ZORBCENT CTFs as well as Zorbland assets.", "ZORBCENT", ("ZORBCENT", O)),
    # a designation after the designating body's acronym (designations.txt)
    ("Fighters reached the ZESCO World Heritage Site at Zorbville on Monday.", "ZESCO", ("ZESCO", O)),
    ("Zorbville became a ZESCO Biosphere Reserve in May.", "ZESCO", ("ZESCO", O)),
]
NOT_CUT = [  # (text, a mention that stays whole)
    ("The Anytown Soldiers beat the Zorbville Rovers on Monday.", "Anytown Soldiers"),  # a team's name
    ("The United Zorb Workers went on strike.", "United Zorb Workers"),  # a union (no member noun)
    ("The Zorb Workers Union went on strike.", "Zorb Workers Union"),
    ("Visitors came to the Zorbville National Monument on Monday.", "Zorbville National Monument"),
]


@pytest.mark.parametrize(("text", "surface", "entity"), ROWS)
def test_members_after_a_body_name_the_body(text: str, surface: str, entity: tuple[str, EntityType]) -> None:
    got = named(text)
    assert (surface, *entity) in got, got
    assert not any(s.startswith(surface + " ") for s, _, _ in got), got


@pytest.mark.parametrize(("text", "surface"), NOT_CUT)
def test_names_that_end_in_a_plural_stay_whole(text: str, surface: str) -> None:
    assert surface in [s for s, _, _ in named(text)], named(text)


# rule listed-with-person (evidence.txt): a name of two words that nothing but its shape speaks
# for, listed with a person named by a given name, a title or a role, is a person too
LISTED_PEOPLE = [  # (texts, {name: gets a page})
    (("The side attacked early, with Zorbo Quuxley, Jane Flobber, and Dries Zorbens shooting wide.",),
     {"Dries Zorbens": True}),
    (("Later Senator Jane Flobber and Starry Quuxley voted no.",), {"Starry Quuxley": True}),
    # no person in the list: the shape alone, as before (held back)
    (("The side attacked early, with Dries Zorbens and Starry Quuxley shooting wide.",), {"Dries Zorbens": False}),
]


@pytest.mark.parametrize(("texts", "expected"), LISTED_PEOPLE)
def test_a_name_listed_with_a_person_is_one(tmp_path: Path, texts: tuple[str, ...], expected: dict[str, bool]) -> None:
    entities = built(tmp_path, texts)
    for name, page in expected.items():
        entity = entities[name]
        assert (entity.confirmed and not entity.hidden) is page, (name, entity)
        assert entity.type is EntityType.PERSON
        assert ("listed-with-person" in entity.evidence) is page, entity.evidence
