"""Dossier-wide entity resolution: one Entity for the entities of many articles that name
the same thing.

Every article entity gets keys (a spelling-tolerant form of its name, of its acronyms, of
a person's first and last name); entities sharing a key are joined. Then a surname alone
("Doe", "President Petrenko") joins the full name with that surname, and a full name
joins a spelling variant of itself. Everything goes through dictionaries, never through
all pairs, and every choice is ordered, so the result depends only on the input.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from builder.annotate import names
from builder.model import Annotation, Entity, EntityType, LocalEntity, Role
from builder.slug import slugify, unique_slugs

_PERSON = EntityType.PERSON
_ORDER = (EntityType.PERSON, EntityType.ORG, EntityType.PRODUCT, EntityType.EVENT, EntityType.PLACE,
          EntityType.OTHER)


@dataclass(frozen=True)
class _Node:
    article: str
    local: LocalEntity
    mentions: int
    surfaces: tuple[str, ...]

    @property
    def multi(self) -> bool:
        return len(self.local.name.split()) > 1 and not names.is_surname_only(self.local.name)


class _Union:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # the earlier node stays the root


def merge_entities(
    annotations: Sequence[Annotation],
) -> tuple[tuple[Entity, ...], dict[tuple[str, str], str]]:
    """Join the article-local entities of every article into dossier entities.

    Returns the entities (sorted by id) and a map from (article id, local key) to entity id.
    """
    nodes = _nodes(annotations)
    union = _Union(len(nodes))
    _join_by_keys(nodes, union)
    _join_people(nodes, union)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        clusters[union.find(i)].append(i)
    built = [_entity([nodes[i] for i in members]) for members in clusters.values()]
    built.sort(key=lambda pair: (slugify(pair[0].name, "entity"), pair[0].name, pair[1][0]))
    ids = unique_slugs(slugify(entity.name, "entity") for entity, _ in built)
    entities: list[Entity] = []
    id_map: dict[tuple[str, str], str] = {}
    for (entity, members), entity_id in zip(built, ids, strict=True):
        entities.append(Entity(entity_id, entity.name, entity.type, entity.aliases, entity.roles))
        for member in members:
            id_map[member] = entity_id
    entities.sort(key=lambda e: e.id)
    return tuple(entities), id_map


def _nodes(annotations: Sequence[Annotation]) -> list[_Node]:
    out = []
    for annotation in annotations:
        counts = Counter(m.key for m in annotation.mentions)
        surfaces: dict[str, list[str]] = defaultdict(list)
        for mention in annotation.mentions:
            surfaces[mention.key].append(" ".join(mention.surface.split()))
        for local in annotation.entities:
            out.append(_Node(annotation.article_id, local, max(1, counts[local.key]),
                             tuple(surfaces[local.key])))
    out.sort(key=lambda n: (n.article, n.local.key))
    return out


def _keys(node: _Node) -> Iterable[str]:
    """Keys that, shared, make two article entities one."""
    local = node.local
    if local.type == _PERSON:
        if node.multi:
            yield f"p:{names.person_key(local.name)}"
        else:
            yield f"s:{names.skeleton(local.name)}"
    else:
        yield f"n:{names.name_key(local.name)}"
        if local.type == EntityType.ORG:
            yield f"n:{names.org_key(local.name)}"
        for alias in local.aliases:
            if names.is_acronym(alias) or len(alias.split()) > 1:
                yield f"n:{names.name_key(alias)}"
    if node.multi:
        yield f"x:{names.name_key(local.name)}"


def _join_by_keys(nodes: Sequence[_Node], union: _Union) -> None:
    first: dict[str, int] = {}
    for i, node in enumerate(nodes):
        for key in _keys(node):
            if key in first:
                union.join(first[key], i)
            else:
                first[key] = i


def _join_people(nodes: Sequence[_Node], union: _Union) -> None:
    """A surname alone joins the best-known full name with that surname; full names
    that differ by one letter in the surname join ("Kovalchuk" / "Kovalchyk")."""
    full = [i for i, n in enumerate(nodes) if n.local.type == _PERSON and n.multi]
    # one node per distinct surname spelling, bucketed by first name and the surname's start
    by_full: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for i in full:
        first, last, suffix = names.person_parts(nodes[i].local.name)
        spellings = by_full[(names.skeleton(first) + suffix, names.skeleton(last)[:3])]
        if names.skeleton(last) in spellings:
            union.join(spellings[names.skeleton(last)], i)
        else:
            spellings[names.skeleton(last)] = i
    for spellings in by_full.values():
        keys = sorted(spellings)
        for n, a in enumerate(keys):
            for b in keys[:n]:
                if names.close_spelling(a, b):
                    union.join(spellings[a], spellings[b])
    by_surname: dict[str, set[int]] = defaultdict(set)
    for i in full:
        for key in names.surname_keys(nodes[i].local.name):
            by_surname[key].add(union.find(i))
    weight: Counter[int] = Counter()
    for i in full:
        weight[union.find(i)] += nodes[i].mentions
    for i, node in enumerate(nodes):
        if node.multi or not _may_be_surname(node.local):
            continue
        roots = by_surname.get(names.skeleton(node.local.name))
        if roots:
            best = max(roots, key=lambda r: (weight[r], -r))
            union.join(best, i)


def _may_be_surname(local: LocalEntity) -> bool:
    """A one-word person, or a one-word organisation that only its shape made one
    ("Putin said" read alone); places and acronyms are not surnames."""
    if local.type == _PERSON:
        return True
    return local.type in (EntityType.ORG, EntityType.OTHER) and not names.is_acronym(local.name) \
        and not local.aliases


@dataclass(frozen=True)
class _Built:
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]


def _entity(members: list[_Node]) -> tuple[_Built, list[tuple[str, str]]]:
    votes: Counter[EntityType] = Counter()
    for node in members:
        votes[node.local.type] += node.mentions
    etype = max(_ORDER, key=lambda t: (votes[t], -_ORDER.index(t)))
    named: Counter[str] = Counter()
    for node in members:
        named[node.local.name] += node.mentions
    multi = etype == _PERSON and any(len(n.split()) > 1 for n in named)
    candidates = [n for n in named if len(n.split()) > 1] if multi else list(named)
    name = max(candidates, key=lambda n: (named[n], len(n), n))
    seen = {names.fold(name)}
    aliases: list[str] = []
    for node in members:
        for form in (node.local.name, *node.local.aliases, *node.surfaces):
            key = names.fold(form)
            if key and key not in seen:
                seen.add(key)
                aliases.append(form)
    roles = list(dict.fromkeys(Role(text, node.article) for node in members for text in node.local.roles))
    built = _Built(name, etype, tuple(sorted(aliases, key=lambda a: (a.casefold(), a))), tuple(roles))
    return built, sorted((node.article, node.local.key) for node in members)
