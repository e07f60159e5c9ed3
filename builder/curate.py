"""The curated glossary `dossier/entities.yml`: load and check it, apply it to the entities
found in the articles, and draft entries for the entities it does not cover yet.

The file is a list of entries (or a mapping with one key, `entities`, holding that list):

    - name: Jane Doe                # required: the canonical name
      id: jane-doe                  # optional: the page slug
      type: person                  # person, org, place, product, event or other
      aliases: [Doe, Janet Doe]
      description: US Secretary of State from 2021 to 2025.
      links: [https://www.state.gov/]
      hidden: false                 # true: no page, no links

An entry joins every found entity whose name or alias equals its name or one of its
aliases (case-insensitive); an entry that matches nothing is still listed.
"""
from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from builder.annotate import people
from builder.errors import DossierError, where
from builder.model import Entity, EntityType
from builder.slug import RESERVED, slugify, unique_slugs
from builder.yamlfile import LineDict, parse_yaml, read_yaml_text

_FIELDS = ("id", "name", "type", "aliases", "description", "links", "hidden")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# a web address with a host, or a path on the site (not "//host", which leaves it)
_LINK = re.compile(r"^(?:https?://[^\s/?#]\S*|(?!//)[\w./#-]+)$")


@dataclass(frozen=True)
class CuratedEntity:
    """One entry of entities.yml, checked."""

    name: str
    id: str | None = None
    type: EntityType | None = None
    aliases: tuple[str, ...] = ()
    description: str | None = None
    links: tuple[str, ...] = ()
    hidden: bool = False
    line: int | None = None  # where the entry starts in the file

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


# --- loading and checking ---------------------------------------------------------------


def load_curated(path: Path, label: str = "entities.yml") -> tuple[CuratedEntity, ...]:
    """Read and check entities.yml; a missing or empty file means no curated entries."""
    if not os.path.lexists(path):  # a broken link is not a missing file: reading it says so
        return ()
    text = read_yaml_text(path, label)
    return parse_curated(parse_yaml(text, label), label, _item_lines(text))


def _item_lines(text: str) -> list[int]:
    """The line each entry starts on, for entries that are not mappings (which know their line)."""
    import yaml  # noqa: PLC0415 - builder.yamlfile says why

    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if isinstance(node, yaml.MappingNode):
        node = next((v for k, v in node.value if getattr(k, "value", None) == "entities"), None)
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [item.start_mark.line + 1 for item in node.value]


def parse_curated(data: Any, label: str = "entities.yml", lines: Sequence[int] = ()) -> tuple[CuratedEntity, ...]:
    """Check parsed YAML (as `load_yaml` returns it) and make it entries; `lines`: where
    each entry starts, when known."""
    if data is None:
        return ()
    if isinstance(data, Mapping):
        extra = sorted(str(k) for k in data if k != "entities")
        if extra:
            raise DossierError(f"{where(label, _line(data))}: unknown key(s) {', '.join(extra)}; "
                               "expected a list of entries or 'entities:' with a list")
        data = data.get("entities") or []
    if not isinstance(data, list):
        raise DossierError(f"{where(label, 1)}: expected a list of entries, each with at least a name")
    entries = [_entry(item, n, label, lines[n - 1] if n <= len(lines) else None)
               for n, item in enumerate(data, start=1)]
    _check_unique(entries, label)
    return tuple(entries)


def _line(item: object) -> int | None:
    return item.line if isinstance(item, LineDict) else None


_TYPES = tuple(t.value for t in EntityType)
_DEFAULTS: dict[str, object] = {"hidden": False}
# The checks of one entry's fields, in order: (field, valid(value), problem; {} is the value).
_CHECKS: tuple[tuple[str, Any, str], ...] = (
    ("name", lambda v: isinstance(v, str) and bool(v.strip()), "is required and must be non-empty text"),
    ("id", lambda v: v is None or isinstance(v, str) and bool(_ID.match(v)),
     "must be a slug of lower-case letters, digits and single hyphens"),
    ("id", lambda v: v not in RESERVED, "'{}' is reserved for a page or folder the site needs; choose another"),
    ("type", lambda v: v is None or isinstance(v, str) and v in _TYPES, f"must be one of {', '.join(_TYPES)}"),
    ("description", lambda v: v is None or isinstance(v, str), "must be text"),
    ("hidden", lambda v: isinstance(v, bool), "must be true or false"),
)


def _entry(item: object, n: int, label: str, line: int | None) -> CuratedEntity:
    line = _line(item) or line
    if not isinstance(item, Mapping):
        raise DossierError(f"{where(label, line)}: entry {n}: expected a mapping with at least 'name'")
    raw_name = item.get("name")
    who = f"entry {n} ('{raw_name}')" if isinstance(raw_name, str) and raw_name.strip() else f"entry {n}"

    def fail(field: str, problem: str) -> DossierError:
        return DossierError(f"{where(label, line)}: {who}: field '{field}' {problem}")

    unknown = sorted(str(k) for k in item if k not in _FIELDS)
    if unknown:
        raise fail(unknown[0], f"is not known (known fields: {', '.join(_FIELDS)})")
    for field, valid, problem in _CHECKS:
        value = item.get(field, _DEFAULTS.get(field))
        if not valid(value):
            raise fail(field, problem.format(value))
    links = _texts(item.get("links"), fail, "links")
    for link in links:
        if not _LINK.match(link):
            raise fail("links", f"has '{link}', which is not a web address or a site path")
    entity_id, raw_type, description = item.get("id"), item.get("type"), item.get("description")
    return CuratedEntity(
        name=str(raw_name).strip(),
        id=str(entity_id) if entity_id is not None else None,
        type=EntityType(raw_type) if raw_type is not None else None,
        aliases=tuple(dict.fromkeys(_texts(item.get("aliases"), fail, "aliases"))),
        description=str(description).strip() or None if description else None,
        links=links,
        hidden=item.get("hidden", False) is True,
        line=line,
    )


def _texts(value: object, fail: Any, field: str) -> tuple[str, ...]:
    """A list of non-empty texts (a single text is a list of one)."""
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) and v.strip() for v in items):
        raise fail(field, "must be a list of non-empty texts")
    return tuple(v.strip() for v in items)


def _check_unique(entries: Sequence[CuratedEntity], label: str) -> None:
    ids: dict[str, CuratedEntity] = {}
    names: dict[str, CuratedEntity] = {}
    for entry in entries:
        if entry.id is not None:
            if entry.id in ids:
                first = ids[entry.id]
                raise DossierError(f"{where(label, entry.line)}: '{entry.name}': field 'id' repeats "
                                   f"'{entry.id}' of '{first.name}' (line {first.line})")
            ids[entry.id] = entry
        for form in entry.names:
            other = names.get(form.casefold())
            if other is not None and other is not entry:
                raise DossierError(f"{where(label, entry.line)}: '{entry.name}': field 'aliases' has "
                                   f"'{form}', already a name of '{other.name}' (line {other.line})")
            names[form.casefold()] = entry


# --- applying ------------------------------------------------------------------------------


def _matches(entities: Sequence[Entity], curated: Sequence[CuratedEntity]) -> dict[str, CuratedEntity]:
    """Found entity id -> the entry it belongs to (an entity's own name wins over its
    aliases; an alias names a person only when the name does not say it is someone else:
    'Jane Doe', who the articles also call 'Mrs Doe', is not the entry 'Sandra Doe' whose
    alias is 'Mrs Doe')."""
    by_form = {form.casefold(): entry for entry in curated for form in entry.names}
    out: dict[str, CuratedEntity] = {}
    for entity in entities:
        entry = by_form.get(entity.name.casefold())
        if entry is None:
            entry = next((e for form in entity.aliases if (e := by_form.get(form.casefold())) is not None
                          and _may_be(entity, e)), None)
        if entry is not None:
            out[entity.id] = entry
    return out


def _may_be(entity: Entity, entry: CuratedEntity) -> bool:
    if entity.type != EntityType.PERSON:
        return True
    return people.compatible(people.Person.of(entity.name), people.person_of((form, ()) for form in entry.names))


def apply_curated(
    entities: Sequence[Entity], id_map: Mapping[tuple[str, str], str], curated: Sequence[CuratedEntity]
) -> tuple[tuple[Entity, ...], dict[tuple[str, str], str]]:
    """Merge the glossary into the found entities. Returns the entities (sorted by id) and
    the map from (article id, local key) to entity id, both updated."""
    matched = _matches(entities, curated)
    members: dict[int, list[Entity]] = {n: [] for n in range(len(curated))}
    index = {id(entry): n for n, entry in enumerate(curated)}
    rest: list[Entity] = []
    for entity in sorted(entities, key=lambda e: e.id):
        entry = matched.get(entity.id)
        if entry is None:
            rest.append(entity)
        else:
            members[index[id(entry)]].append(entity)
    joined = [_join(entry, members[n]) for n, entry in enumerate(curated)]
    wanted = [e.id for e in joined] + [e.id for e in rest]
    final_ids = unique_slugs(wanted)
    renamed: dict[str, str] = {}
    out: list[Entity] = []
    for n, (entity, new_id) in enumerate(zip(joined + rest, final_ids, strict=True)):
        sources = members[n] if n < len(joined) else [entity]
        for source in sources:
            renamed[source.id] = new_id
        out.append(_with_id(entity, new_id))
    new_map = {key: renamed.get(value, value) for key, value in id_map.items()}
    out.sort(key=lambda e: e.id)
    return tuple(out), new_map


def _join(entry: CuratedEntity, found: Sequence[Entity]) -> Entity:
    etype = entry.type or (found[0].type if found else EntityType.OTHER)
    if entry.id:
        entity_id = entry.id
    elif len(found) == 1:
        entity_id = found[0].id
    else:
        entity_id = slugify(entry.name, "entity")
    seen = {entry.name.casefold()}
    aliases: list[str] = []
    for form in (*entry.aliases, *(f for e in found for f in (e.name, *e.aliases))):
        if form.casefold() not in seen:
            seen.add(form.casefold())
            aliases.append(form)
    roles = tuple(dict.fromkeys(r for e in found for r in e.roles))
    nationalities = tuple(sorted({w for e in found for w in e.nationalities}))
    return Entity(entity_id, entry.name, etype, tuple(aliases), roles, entry.description, entry.links,
                  curated=True, hidden=entry.hidden, nationalities=nationalities)


def _with_id(entity: Entity, entity_id: str) -> Entity:
    return entity if entity.id == entity_id else replace(entity, id=entity_id)


# --- drafting -------------------------------------------------------------------------------


def uncurated_stub(entities: Sequence[Entity], curated: Sequence[CuratedEntity]) -> str:
    """YAML entries, ready to paste into entities.yml, for the found entities it does not cover."""
    matched = _matches(entities, curated)
    todo = [e for e in entities if not e.curated and e.id not in matched]
    todo.sort(key=lambda e: (e.type.value, e.name.casefold(), e.id))
    entries = [
        {"name": e.name, "type": e.type.value, **({"aliases": list(e.aliases)} if e.aliases else {}),
         "description": ""}
        for e in todo
    ]
    head = "# Entities found in the articles and not yet in dossier/entities.yml.\n" \
           "# Paste what you want to keep, write each description, delete the rest.\n"
    if not entries:
        return head + "[]\n"
    import yaml  # noqa: PLC0415 - builder.yamlfile says why

    return head + yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
