"""Who gets a slug first: an entity with a page (confirmed) takes the plain slug before an
unconfirmed one of the same slug ("Zorbland" the place is entities/zorbland, not zorbland-2
because a doubtful "ZORBLAND" took it); a span's "&" left over after a known name ("US &
Canada" of a site menu) is no name of its own ("& Canada"); and slugs are the same on a
rebuild from the cache as on a fresh build."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.annotate.entities import find_entities
from builder.model import Entity, EntityType
from builder.pipeline import Memory, assemble
from builder.read import parse_article
from builder.slug import page_bearers_first

P, O = EntityType.PLACE, EntityType.ORG


def _e(entity_id: str, name: str, shown: bool, etype: EntityType = P, curated: bool = False) -> Entity:
    return Entity(entity_id, name, etype, hidden=not shown, confirmed=shown, curated=curated)


CASES = [
    # (id, name, has a page) before -> the ids after, in the same order
    ([("zorbland", "ZORBLAND", False), ("zorbland-2", "Zorbland", True)], ["zorbland-2", "zorbland"]),
    ([("zorbland", "ZORBLAND", False), ("zorbland-2", "ZorbLand", False), ("zorbland-3", "Zorbland", True)],
     ["zorbland-2", "zorbland-3", "zorbland"]),
    ([("jane-doe", "Jane Doe", False), ("jane-doe-2", "Jane DOE", True), ("jane-doe-3", "JANE DOE", True)],
     ["jane-doe-3", "jane-doe", "jane-doe-2"]),
    # negatives: the page-bearing one has it already; no collision; a number of the name's own
    ([("zorbland", "Zorbland", True), ("zorbland-2", "ZORBLAND", False)], ["zorbland", "zorbland-2"]),
    ([("acme", "Acme", False), ("zorbland", "Zorbland", True)], ["acme", "zorbland"]),
    ([("area", "Area", False), ("area-51", "Area 51", True)], ["area", "area-51"]),
    # a curated entry keeps the id it was given
    ([("zorbland", "ZORBLAND", False, True), ("zorbland-2", "Zorbland", True)], ["zorbland", "zorbland-2"]),
]


@pytest.mark.parametrize(("before", "after"), CASES)
def test_page_bearing_entities_take_the_plain_slug(before: list[tuple], after: list[str]) -> None:
    entities = [_e(row[0], row[1], row[2], curated=len(row) > 3 and row[3]) for row in before]
    entity_of = {("a", f"k{n}"): e.id for n, e in enumerate(entities)}
    out, new_map = page_bearers_first(tuple(entities), entity_of)
    by_name = {e.name: e.id for e in out}
    assert [by_name[e.name] for e in entities] == after
    assert [e.id for e in out] == sorted(e.id for e in out)
    assert new_map == {("a", f"k{n}"): new for n, new in enumerate(after)}


def test_nothing_to_move_returns_the_same_objects() -> None:
    entities = (_e("acme", "Acme", True, O), _e("zorbland", "Zorbland", True))
    entity_of = {("a", "k"): "acme"}
    assert page_bearers_first(entities, entity_of) == (entities, entity_of)


@pytest.mark.parametrize(("text", "names"), [
    ("From the section US & Canada", {"United States", "Canada"}),
    ("Officials from the UK & Ireland met on Monday.", {"United Kingdom", "Ireland"}),
    # negatives: "&" inside one name stays
    ("Shares of Procter & Gamble rose on Monday.", {"Procter & Gamble"}),
    ("Jane Doe of Marks & Spencer said so.", {"Jane Doe", "Marks & Spencer"}),
])
def test_an_ampersand_after_a_known_name_opens_no_name(text: str, names: set[str]) -> None:
    entities, _ = find_entities(parse_article("# Zorb news\n\n" + text + "\n", "a.txt"))
    found = {e.name for e in entities} - {"Zorb"}
    assert found == names
    assert not any(e.name.startswith("&") for e in entities)


ARTICLES = {
    "menu.txt": "Storms close roads\n\n- From the section US & Canada\n\nStorms closed roads across Canada on Monday, "
                "officials in Ottawa said.\n",
    "b.txt": "Ferries cancelled\n\nFerries to Canada were cancelled on Tuesday, Acme Ferries said.\n",
}


def test_the_country_gets_the_plain_slug_and_keeps_it_on_a_rebuild(tmp_path: Path) -> None:
    folder = tmp_path / "dossier"
    (folder / "articles").mkdir(parents=True)
    for name, text in ARTICLES.items():
        (folder / "articles" / name).write_text(text, encoding="utf-8")
    memory = Memory()
    fresh, _ = assemble(folder, memory=memory)
    ids = {e.name: e.id for e in fresh.entities}
    assert ids["Canada"] == "canada"
    assert not any(e.name.startswith("&") for e in fresh.entities)
    again, _ = assemble(folder, memory=memory)  # a rebuild that reuses the last one's memo
    assert {e.name: e.id for e in again.entities} == ids
    assert again.entity_of == fresh.entity_of
    (folder / "articles" / "b.txt").write_text(ARTICLES["b.txt"] + "\nMore ferries sail to Canada in May.\n")
    edited, _ = assemble(folder, memory=memory)
    assert {e.name: e.id for e in edited.entities} == {e.name: e.id for e in assemble(folder)[0].entities}
    assert {e.name: e.id for e in edited.entities}["Canada"] == "canada"
