"""The curated glossary dossier/entities.yml: checking it, applying it, drafting it."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder.curate import CuratedEntity, apply_curated, load_curated, uncurated_stub
from builder.errors import DossierError
from builder.model import Entity, EntityType, Role

P, O = EntityType.PERSON, EntityType.ORG

GOOD = """\
- name: Antony Blinken
  aliases: [Tony Blinken, Blinken]
  description: US Secretary of State from 2021 to 2025.
  links: [https://www.state.gov/]
- id: the-kremlin
  name: Kremlin
  type: org
  hidden: true
- name: Acme Corp
  type: org
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "entities.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path: Path) -> None:
    entries = load_curated(write(tmp_path, GOOD))
    assert [e.name for e in entries] == ["Antony Blinken", "Kremlin", "Acme Corp"]
    assert entries[0].aliases == ("Tony Blinken", "Blinken")
    assert entries[1] == CuratedEntity("Kremlin", "the-kremlin", O, hidden=True, line=5)


def test_the_list_may_sit_under_an_entities_key(tmp_path: Path) -> None:
    text = "entities:\n" + "".join(f"  {line}\n" for line in GOOD.splitlines())
    assert len(load_curated(write(tmp_path, text))) == 3


@pytest.mark.parametrize("text", ["", "# nothing yet\n", "entities: []\n"])
def test_an_empty_file_means_no_entries(tmp_path: Path, text: str) -> None:
    assert load_curated(write(tmp_path, text)) == ()


def test_a_missing_file_means_no_entries(tmp_path: Path) -> None:
    assert load_curated(tmp_path / "entities.yml") == ()


BAD = [
    # (file text, words the one-line message must hold)
    ("- name: A\n- type: person\n", ["entities.yml:2", "entry 2", "'name'"]),
    ("- name: A\n  type: company\n", ["entities.yml:1", "entry 1 ('A')", "'type'", "person, org"]),
    ("- name: A\n  colour: red\n", ["entities.yml:1", "'colour'", "not known"]),
    ("- name: A\n  aliases: [B, 3]\n", ["'aliases'", "list of non-empty texts"]),
    ("- name: A\n  hidden: maybe\n", ["'hidden'", "true or false"]),
    ("- name: A\n  id: Not A Slug\n", ["'id'", "slug"]),
    ("- name: A\n  links: [not a link at all]\n", ["'links'", "not a web address"]),
    ("- name: A\n  id: a\n- name: B\n  id: a\n", ["entities.yml:3", "'B'", "'id'", "line 1"]),
    ("- name: A\n  aliases: [Shared]\n- name: B\n  aliases: [shared]\n", ["entities.yml:3", "'B'", "'shared'", "'A'"]),
    ("- name: A\n- name: a\n", ["entities.yml:2", "already a name of 'A'"]),
    ("name: A\n", ["entities.yml:1", "unknown key(s) name"]),
    ("- just a string\n", ["entities.yml:1", "entry 1", "mapping"]),
    ("- name: [unclosed\n", ["entities.yml:1", "not valid YAML"]),
]


@pytest.mark.parametrize(("text", "words"), BAD)
def test_errors_name_the_file_the_entry_and_the_field(tmp_path: Path, text: str, words: list[str]) -> None:
    with pytest.raises(DossierError) as caught:
        load_curated(write(tmp_path, text))
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message


FOUND = (
    Entity("antony-blinken", "Antony Blinken", P, ("Blinken",), (Role("US Secretary of State", "a1"),)),
    Entity("blinken", "Blinken", P),
    Entity("kremlin", "Kremlin", O),
    Entity("the-kremlin", "The Kremlin Museum", O),
    Entity("nato", "NATO", O),
)
ID_MAP = {("a1", "Antony Blinken"): "antony-blinken", ("a2", "Blinken"): "blinken", ("a1", "Kremlin"): "kremlin",
          ("a2", "The Kremlin Museum"): "the-kremlin", ("a2", "NATO"): "nato"}


def applied(tmp_path: Path) -> tuple[dict[str, Entity], dict[tuple[str, str], str]]:
    entities, id_map = apply_curated(FOUND, ID_MAP, load_curated(write(tmp_path, GOOD)))
    assert [e.id for e in entities] == sorted(e.id for e in entities)
    return {e.name: e for e in entities}, id_map


def test_an_entry_joins_every_entity_it_names(tmp_path: Path) -> None:
    entities, id_map = applied(tmp_path)
    blinken = entities["Antony Blinken"]
    assert blinken.curated and blinken.id == "antony-blinken"
    assert blinken.description == "US Secretary of State from 2021 to 2025."
    assert blinken.links == ("https://www.state.gov/",)
    assert blinken.roles == (Role("US Secretary of State", "a1"),)
    assert set(blinken.aliases) == {"Tony Blinken", "Blinken"}
    assert id_map[("a2", "Blinken")] == id_map[("a1", "Antony Blinken")] == "antony-blinken"


def test_a_curated_id_wins_and_a_found_entity_in_its_way_moves(tmp_path: Path) -> None:
    entities, id_map = applied(tmp_path)
    assert entities["Kremlin"].id == "the-kremlin" and entities["Kremlin"].hidden
    assert id_map[("a1", "Kremlin")] == "the-kremlin"
    assert entities["The Kremlin Museum"].id == "the-kremlin-2"
    assert id_map[("a2", "The Kremlin Museum")] == "the-kremlin-2"


def test_entries_found_nowhere_are_still_listed(tmp_path: Path) -> None:
    entities, _ = applied(tmp_path)
    acme = entities["Acme Corp"]
    assert (acme.id, acme.type, acme.curated) == ("acme-corp", O, True)
    assert not entities["NATO"].curated


def test_the_stub_drafts_only_what_is_not_curated(tmp_path: Path) -> None:
    stub = uncurated_stub(FOUND, load_curated(write(tmp_path, GOOD)))
    entries = yaml.safe_load(stub)
    assert [e["name"] for e in entries] == ["NATO", "The Kremlin Museum"]
    assert entries[0] == {"name": "NATO", "type": "org", "description": ""}
    pasted = load_curated(write(tmp_path, GOOD + stub))
    assert len(pasted) == 5


def test_the_stub_of_nothing_is_an_empty_list() -> None:
    assert yaml.safe_load(uncurated_stub((), ())) == []


def test_the_readme_example_is_a_valid_entities_file(tmp_path: Path) -> None:
    import re

    from builder.curate import load_curated
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"## The curated glossary.*?```yaml\n(.*?)```", readme, re.S)
    assert example is not None
    (tmp_path / "entities.yml").write_text(example.group(1), encoding="utf-8")
    entries = load_curated(tmp_path / "entities.yml")
    assert [e.name for e in entries] == ["Jane Doe", "Telegram"]
    assert entries[1].hidden
