"""Dossier-wide entity resolution: which article entities become one, which stay apart."""
from __future__ import annotations

import random

import pytest

from builder.annotate.resolve import merge_entities
from builder.model import Annotation, Entity, EntityType, LocalEntity, Mention, Role

P, O, L, R = EntityType.PERSON, EntityType.ORG, EntityType.PLACE, EntityType.PRODUCT


def ann(article: str, *entities: LocalEntity) -> Annotation:
    """An annotation with one mention of each entity, printed as its name."""
    mentions = tuple(Mention(e.key, e.name, n * 100, n * 100 + len(e.name)) for n, e in enumerate(entities))
    return Annotation(article, entities, mentions)


def ent(name: str, etype: EntityType = P, aliases: tuple[str, ...] = (), roles: tuple[str, ...] = ()) -> LocalEntity:
    return LocalEntity(name, name, etype, aliases, roles)


def groups(entities: tuple[Entity, ...], id_map: dict[tuple[str, str], str]) -> list[set[tuple[str, str]]]:
    by_id: dict[str, set[tuple[str, str]]] = {}
    for local, entity_id in id_map.items():
        by_id.setdefault(entity_id, set()).add(local)
    assert set(by_id) == {e.id for e in entities}
    return sorted(by_id.values(), key=sorted)


JOINED = [
    # (description, article entities that must become one)
    ("surname alone", [ent("Antony Blinken"), ent("Blinken")]),
    ("title and surname", [ent("Keir Starmer"), ent("Starmer", roles=("Prime Minister",))]),
    ("spelling variant of a surname", [ent("Volodymyr Zelenskyy"), ent("Zelensky")]),
    ("spelling variant of a full name", [ent("Muammar Gaddafi"), ent("Muammar Gadhafi")]),
    ("middle initial", [ent("Joseph R. Biden"), ent("Joseph Biden")]),
    ("surname with particles", [ent("Ursula von der Leyen"), ent("Von der Leyen")]),
    ("surname without its particle", [ent("Mohammed bin Salman"), ent("Salman")]),
    ("family name after a patronymic", [ent("Mohammed bin Abdulrahman Al Thani"), ent("Al Thani")]),
    ("acronym given in another article", [ent("Multiple Launch Rocket System", R, ("MLRS",)), ent("MLRS", R)]),
    ("acronym typed otherwise", [ent("Multiple Launch Rocket System", R, ("MLRS",)), ent("MLRS", O)]),
    ("same place", [ent("United States", L, ("US",)), ent("United States", L, ("U.S.", "America"))]),
    ("same organisation, different case", [ent("Acme Corp", O), ent("ACME Corp", O)]),
]


@pytest.mark.parametrize(("what", "locals_"), JOINED, ids=[j[0] for j in JOINED])
def test_joined(what: str, locals_: list[LocalEntity]) -> None:
    annotations = [ann(f"a{n}", e) for n, e in enumerate(locals_)]
    entities, id_map = merge_entities(annotations)
    assert len(entities) == 1, entities


APART = [
    ("father and son", [ent("Donald Trump"), ent("Donald Trump Jr")]),
    ("two people with one surname", [ent("Boris Johnson"), ent("Dwayne Johnson")]),
    ("a person and a place of one name", [ent("Georgia", L), ent("Georgia")]),
    ("different first names", [ent("Eric Adams"), ent("Erica Adams")]),
    ("short surnames a letter apart", [ent("Jane Park"), ent("Jane Pack")]),
]


@pytest.mark.parametrize(("what", "locals_"), APART, ids=[a[0] for a in APART])
def test_apart(what: str, locals_: list[LocalEntity]) -> None:
    annotations = [ann(f"a{n}", e) for n, e in enumerate(locals_)]
    entities, _ = merge_entities(annotations)
    assert len(entities) == len(locals_), entities


def test_a_surname_joins_the_father_not_the_son() -> None:
    entities, id_map = merge_entities([
        ann("a1", ent("Donald Trump"), ent("Donald Trump Jr")),
        ann("a2", ent("Trump")),
    ])
    assert id_map[("a2", "Trump")] == id_map[("a1", "Donald Trump")]
    assert {e.name for e in entities} == {"Donald Trump", "Donald Trump Jr"}


def test_a_surname_two_people_bear_joins_neither_not_even_the_best_known() -> None:
    entities, id_map = merge_entities([
        ann("a1", ent("Boris Johnson")), ann("a2", ent("Boris Johnson")), ann("a3", ent("Dwayne Johnson")),
        ann("a4", ent("Johnson")),
    ])
    assert id_map[("a4", "Johnson")] not in {id_map[("a1", "Boris Johnson")], id_map[("a3", "Dwayne Johnson")]}


def test_the_entity_keeps_every_form_and_role() -> None:
    entities, _ = merge_entities([
        ann("a1", ent("Antony Blinken", aliases=("Blinken",), roles=("US Secretary of State",))),
        ann("a2", ent("Blinken", roles=("Secretary of State",))),
    ])
    (blinken,) = entities
    assert blinken.name == "Antony Blinken"
    assert blinken.type == P
    assert blinken.aliases == ("Blinken",)
    assert blinken.roles == (Role("US Secretary of State", "a1"), Role("Secretary of State", "a2"))


def test_ids_are_unique_ascii_slugs() -> None:
    entities, _ = merge_entities([ann("a1", ent("José Álvarez"), ent("Georgia", L)), ann("a2", ent("Georgia"))])
    ids = [e.id for e in entities]
    assert len(set(ids)) == len(ids)
    assert "jose-alvarez" in ids
    assert all(i.isascii() and i == i.lower() and " " not in i for i in ids)


def _dossier(seed: int, size: int) -> list[Annotation]:
    rng = random.Random(seed)
    people = [f"{first} {last}" for first in ("Anna", "Ben", "Carla", "Dmitri", "Emeka")
              for last in ("Okafor", "Novak", "Lindqvist", "Haddad", "Moreau", "Tanaka")]
    out = []
    for n in range(size):
        chosen = rng.sample(people, 4)
        locals_ = [ent(name) for name in chosen[:3]] + [ent(chosen[3].split()[-1])]
        locals_.append(ent(f"Company {n % 50} Holdings", O))
        out.append(ann(f"art-{n:05d}", *locals_))
    return out


def test_the_result_does_not_depend_on_order() -> None:
    annotations = _dossier(1, 60)
    shuffled = list(annotations)
    random.Random(7).shuffle(shuffled)
    assert merge_entities(annotations) == merge_entities(shuffled)


def test_a_lone_word_read_as_an_organisation_joins_the_person_it_names() -> None:
    entities, id_map = merge_entities([ann("a1", ent("Vladimir Putin")), ann("a2", ent("Putin", O))])
    assert len(entities) == 1 and entities[0].type == P


def test_a_place_or_an_acronym_is_no_surname() -> None:
    entities, _ = merge_entities([
        ann("a1", ent("George Washington"), ent("Alan Nato")), ann("a2", ent("Washington", L), ent("NATO", O)),
    ])
    assert len(entities) == 4
