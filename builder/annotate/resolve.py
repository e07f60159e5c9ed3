"""Dossier-wide entity resolution: one Entity for the entities of many articles that name
the same thing.

Every article entity gets keys (a spelling-tolerant form of its name, of its acronyms, of
a person's first and last name); entities sharing a key are joined. Then a full name
joins a spelling variant of itself, a surname alone ("Doe", "President Petrenko") the one
person of the dossier who bears it (or the one who holds the same role), and a short
form the one longer name it shortens ("Lib Dems", "the Commons").

No join makes one of two people (people.compatible: "Mrs Doe" is not "John Doe", "Jane
Doe" is not "John Doe", "Lord Doe" is no commoner), and an article entity that a curated
entry of entities.yml names (by its name, an alias or an honorific form) is joined to
that entry's other names and never to another entry's. Everything goes through
dictionaries, never through all pairs, and every choice is ordered, so the result depends
only on the input.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from builder.annotate import lexicon, names, people, variants
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
    pin: int | None = None  # the curated entry that names it

    @cached_property
    def bare(self) -> str:
        """The name without honorifics: 'Doe' of 'Mrs Doe' (a peer keeps the title: 'Lord Doe')."""
        hons, bare = people.split_honorifics(self.local.name)
        return self.local.name if hons and people.is_peer(hons[-1]) else bare

    @cached_property
    def multi(self) -> bool:
        return len(self.bare.split()) > 1 and not names.is_surname_only(self.bare)

    @cached_property
    def titles(self) -> tuple[str, ...]:
        """The offices of a person's roles ('senator' of "Sen.")."""
        if self.local.type != _PERSON:
            return ()
        return tuple(sorted({t for role in self.local.roles if (t := people.title_of(role))}))

    @cached_property
    def person(self) -> people.Person:
        if self.local.type != _PERSON:
            return people.NOBODY
        forms = [(self.local.name, ())] + [(a, ()) for a in self.local.aliases if people.split_honorifics(a)[0]]
        return people.person_of(forms)


class _Union:
    """Union-find that refuses a join making one of two people or of two curated entries."""

    def __init__(self, nodes: Sequence[_Node], curated: Sequence[Sequence[str]] = ()) -> None:
        self.parent = list(range(len(nodes)))
        entries = [people.person_of((form, ()) for form in forms) for forms in curated]
        self.who = [n.person | entries[n.pin] if n.pin is not None else n.person for n in nodes]
        self.pin = [n.pin for n in nodes]
        self.doubtful: set[int] = set()  # nodes a join could not place: "Doe" of two Does
        self.apart: set[int] = set()  # surnames alone that join no one of another article (_named_apart)

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def may_join(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        pa, pb = self.pin[ra], self.pin[rb]
        if pa is not None and pb is not None:
            return pa == pb  # the curator's word
        return people.compatible(self.who[ra], self.who[rb])

    def join(self, a: int, b: int) -> bool:
        """Join the sets of a and b, unless they may not be one; whether they are one now."""
        if not self.may_join(a, b):
            return False
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            root, other = min(ra, rb), max(ra, rb)  # the earlier node stays the root
            self.parent[other] = root
            self.who[root] = self.who[root] | self.who[other]
            self.pin[root] = self.pin[root] if self.pin[root] is not None else self.pin[other]
        return True


def merge_entities(
    annotations: Sequence[Annotation], curated: Sequence[Sequence[str]] = (),
) -> tuple[tuple[Entity, ...], dict[tuple[str, str], str]]:
    """Join the article-local entities of every article into dossier entities.

    `curated`: the names (name and aliases) of each entry of entities.yml, which win over
    every rule here. Returns the entities (sorted by id) and a map from (article id, local
    key) to entity id.
    """
    nodes = _nodes(annotations, curated)
    union = _Union(nodes, curated)
    _middles_in_doubt(nodes, union)
    for join in _JOINS:
        join(nodes, union)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        clusters[union.find(i)].append(i)
    unsure = _lone_given_names(nodes) | union.doubtful
    built = [_entity([nodes[i] for i in members], all(i in unsure for i in members))
             for members in clusters.values()]
    built.sort(key=lambda pair: (slugify(pair[0].name, "entity"), pair[0].name, pair[1][0]))
    ids = unique_slugs(slugify(entity.name, "entity") for entity, _ in built)
    entities: list[Entity] = []
    id_map: dict[tuple[str, str], str] = {}
    for (entity, members), entity_id in zip(built, ids, strict=True):
        entities.append(Entity(entity_id, entity.name, entity.type, entity.aliases, entity.roles,
                               hidden=entity.hidden, confirmed=not entity.hidden,
                               nationalities=entity.nationalities))
        for member in members:
            id_map[member] = entity_id
    entities.sort(key=lambda e: e.id)
    return tuple(entities), id_map


def _middles_in_doubt(nodes: Sequence[_Node], union: _Union) -> None:
    """A full name with no middle initial ("George Doe") of a dossier that names two people
    of that name by different initials ("George H. W. Doe", "George W. Doe") may be either:
    it joins neither (only another "George Doe") and is in doubt (no page, listed for review)."""
    middles: dict[str, set[str]] = defaultdict(set)
    for node in nodes:
        if node.local.type == _PERSON and node.multi and node.pin is None:
            middles[names.person_key(node.bare)].update(node.person.middles)
    if not any(len(m) > 1 for m in middles.values()):
        return
    unknown = people.Person(middles=frozenset({"?"}))
    for i, node in enumerate(nodes):
        if (node.local.type == _PERSON and node.multi and node.pin is None and not node.person.middles
                and len(middles.get(names.person_key(node.bare), ())) > 1):
            union.who[i] = union.who[i] | unknown
            union.doubtful.add(i)


def _nodes(annotations: Sequence[Annotation], curated: Sequence[Sequence[str]] = ()) -> list[_Node]:
    entry_of: dict[str, int] = {}
    for n, forms in enumerate(curated):
        for form in forms:
            entry_of.setdefault(form.casefold(), n)
    out = []
    for annotation in annotations:
        counts = Counter(m.key for m in annotation.mentions)
        surfaces: dict[str, list[str]] = defaultdict(list)
        for mention in annotation.mentions:
            if not mention.role:  # "the Minister" is no name of the person
                surfaces[mention.key].append(" ".join(mention.surface.split()))
        for local in annotation.entities:
            pin = _pin(local, entry_of, curated)
            out.append(_Node(annotation.article_id, local, max(1, counts[local.key]),
                             tuple(surfaces[local.key]), pin))
    out.sort(key=lambda n: (n.article, n.local.key))
    return out


def _pin(local: LocalEntity, entry_of: dict[str, int], curated: Sequence[Sequence[str]]) -> int | None:
    """The curated entry that names an article entity: by its name, or by an alias when the
    name does not say it is someone else ("Mrs Doe" is no alias of a "Jane Doe" for an
    entry "Sandra Doe")."""
    if local.name.casefold() in entry_of:
        return entry_of[local.name.casefold()]
    for alias in local.aliases:
        entry = entry_of.get(alias.casefold())
        if entry is not None and (local.type != _PERSON or people.compatible(
                people.Person.of(local.name), people.person_of((form, ()) for form in curated[entry]))):
            return entry
    return None


def _keys(node: _Node) -> Iterable[str]:
    """Keys that, shared, make two article entities one."""
    local = node.local
    if node.pin is not None:
        yield f"c:{node.pin}"
    if local.type == _PERSON:
        if node.multi:
            yield f"p:{names.person_key(node.bare)}"
        else:  # "Doe" joins "Doe", "Mrs Doe" "Mrs Doe" (which one of them is, the bearers tell)
            yield f"s:{names.skeleton(node.bare)}:{','.join(sorted(node.person.genders))}:{','.join(node.titles)}"
            # ("Sen. Doe" is not "Rep. Doe": a title keeps a surname alone apart; see _join_titled)
        for alias in local.aliases:  # "Lord John Doe" is the "Lord Doe" of other articles
            hons, bare = people.split_honorifics(alias)
            if hons and people.is_peer(hons[-1]) and len(bare.split()) > 1:
                yield f"p:{names.person_key(hons[-1] + ' ' + names.person_parts(bare)[1])}"
    else:
        yield f"n:{names.name_key(local.name)}"
        if local.type == EntityType.ORG:
            yield f"n:{names.org_key(local.name)}"
            country = _country_key(local.name)
            if country:
                yield country
        for alias in local.aliases:
            if names.is_acronym(alias) or len(alias.split()) > 1:
                yield f"n:{names.name_key(alias)}"
                if local.type == EntityType.ORG and len(alias.split()) > 1:
                    yield f"n:{names.org_key(alias)}"
    if node.multi:
        yield f"x:{names.name_key(local.name)}"


def _country_key(name: str) -> str | None:
    """'k:iraq:zorb forces' of "Iraq's Zorb Forces" and of "Iraqi Zorb Forces": a body of a
    country, named with the country's possessive or its demonym (two words or more after it)."""
    words = name.split()
    if len(words) < 3:
        return None
    first = words[0]
    if first.endswith(("'s", "’s")):
        country = first[:-2]
    elif first.lower() in lexicon.demonyms():
        country = next((c for c in (first[:-1], first[:-2], first[:-3], first[:-3] + "y") if _is_country(c)), "")
    else:
        return None
    if not _is_country(country):
        return None
    return f"k:{names.fold(country)}:{names.org_key(' '.join(words[1:]))}"


def _is_country(word: str) -> bool:
    return len(word) > 2 and word in lexicon.geo_places()["country"]


def _join_by_keys(nodes: Sequence[_Node], union: _Union) -> None:
    first: dict[str, int] = {}
    for i, node in enumerate(nodes):
        for key in _keys(node):
            if key in first:
                union.join(first[key], i)
            else:
                first[key] = i


def _join_people(nodes: Sequence[_Node], union: _Union) -> None:
    """Full names that differ by one letter in the surname join ("Kovalchuk" / "Kovalchyk"),
    or by a short form of the given name ("Jim Doe" / "James Doe"); then a surname alone
    joins the one person of the dossier who may bear it (see _bearer), and a knight's
    given name ("Sir Jonathan") the one knight of that given name ("Sir Jonathan Doe")."""
    full = [i for i, n in enumerate(nodes) if n.local.type == _PERSON and n.multi]
    _join_spellings(nodes, full, union)
    _join_kunyas(nodes, full, union)
    _join_peers(nodes, full, union)
    by_surname, knights, roles = _people_tables(nodes, full, union)
    apart = union.apart = _named_apart(nodes, full)
    for i, node in enumerate(nodes):
        if node.multi or node.pin is not None or not _may_be_surname(node.local):
            continue  # (a curated name is joined by its entry, see _keys)
        bearers = by_surname.get(names.skeleton(node.bare))
        if i in apart:
            if bearers and any(union.may_join(b, i) for b in bearers):
                union.doubtful.add(i)
            continue
        if bearers:
            best = _bearer(i, node.local.roles, bearers, roles, union)
            by_surname[names.skeleton(node.bare)] = {union.find(b) for b in bearers}  # (kept small)
        else:
            best = _only({union.find(k) for key in _knight_keys(node.local.aliases) for k in knights.get(key, ())})
        if best is not None:
            union.join(best, i)


_Table = dict[str, set[int]]


def _people_tables(nodes: Sequence[_Node], full: Sequence[int], union: _Union) -> tuple[_Table, _Table, _Table]:
    """The people named in full by surname, by a knight's given name and by the head of
    their roles, each as the nodes of one person (not one per article)."""
    by_surname: dict[str, set[int]] = defaultdict(set)
    knights: dict[str, set[int]] = defaultdict(set)
    roles: dict[str, set[int]] = defaultdict(set)
    for i in full:
        if people.is_titled(nodes[i].bare.split()):
            continue  # "An Audience With Jane Doe" bears no surname
        for key in names.surname_keys(nodes[i].bare):
            by_surname[key].add(i)
        for key in _knight_keys(nodes[i].local.aliases, full=True):
            knights[key].add(i)
        for role in nodes[i].local.roles:
            roles[_role_head(role)].add(i)
    for table in (by_surname, knights, roles):  # one node per person, not per article
        for key, members in table.items():
            table[key] = {union.find(m) for m in members}
    return by_surname, knights, roles


def _named_apart(nodes: Sequence[_Node], full: Sequence[int]) -> set[int]:
    """Surnames alone that join no one of another article: one its own article left apart
    from the people of that surname it names in full ("John Doe ... Mrs Doe": she may be the
    Jane Doe of another article, or not), and one in doubt between two of them there
    (rule surname-in-doubt)."""
    named: set[tuple[str, str]] = set()
    for i in full:
        named.update((nodes[i].article, key) for key in names.surname_keys(nodes[i].bare))
    return {i for i, node in enumerate(nodes) if not node.multi and node.pin is None
            and ((node.article, names.skeleton(node.bare)) in named or "surname-in-doubt" in node.local.evidence
                 or _given_name_only(node))}


# what says a one-word name is a person's, beyond its being a given name (rule given-name)
_SURNAME_CUES = frozenset({"title", "role", "said", "person-cue", "known"})


def _given_name_only(node: _Node) -> bool:
    """A one-word name whose only evidence of a person is that it is a given name ("a visit
    to Kent"): no surname a join across articles may trust (a person of that surname named
    in full elsewhere is no proof), unless a title, role, honorific or "said" supports it."""
    local = node.local
    return ("given-name" in local.evidence and not _SURNAME_CUES.intersection(local.evidence) and not local.roles
            and not node.person.genders and node.bare == local.name)


def _join_kunyas(nodes: Sequence[_Node], full: Sequence[int], union: _Union) -> None:
    """A kunya alone ("Abu Zorblatt") joins the one person of the dossier whose longer name
    opens with it ("Abu Zorblatt al-Quuxi"); two such people, and it joins neither."""
    longer: dict[str, set[int]] = defaultdict(set)
    shorts: list[tuple[int, str]] = []
    for i in full:
        key = people.kunya_key(nodes[i].bare)
        if key is None:
            continue
        if len(nodes[i].bare.split()) > 2:
            longer[key].add(i)
        else:
            shorts.append((i, key))
    for i, key in shorts:
        best = _only({union.find(j) for j in longer.get(key, ())})
        if best is not None:
            union.join(best, i)


def _join_peers(nodes: Sequence[_Node], full: Sequence[int], union: _Union) -> None:
    """A peer named by title and surname alone ("Lord Doe") joins the one peer of the dossier
    named with that title, that surname and the place the title is of ("Lord Doe of
    Anytown"); of two such peers, neither."""
    designated: dict[str, set[int]] = defaultdict(set)
    alone: list[tuple[int, str]] = []
    for i in full:
        hons, _ = people.split_honorifics(nodes[i].bare)
        if not hons or not people.is_peer(hons[-1]):
            continue
        name, place = names.designation(nodes[i].bare)
        if place:
            designated[names.person_key(name)].add(i)
        elif len(name.split()) == 2:
            alone.append((i, names.person_key(name)))
    for i, key in alone:
        best = _only({union.find(j) for j in designated.get(key, ())})
        if best is not None:
            union.join(best, i)


def _knight_keys(aliases: Sequence[str], full: bool = False) -> Iterable[str]:
    """'sir keir' of 'Sir Keir' (or, full, of 'Sir Keir Doe'): a knight's title and given name."""
    for alias in aliases:
        hons, bare = people.split_honorifics(alias)
        words = bare.split()
        if hons and people.is_knight(hons[-1]) and (len(words) > 1 if full else len(words) == 1):
            yield f"{hons[-1].lower()} {people.given_key(words[0])}"


def _only(roots: set[int]) -> int | None:
    return next(iter(roots)) if len(roots) == 1 else None


def _join_spellings(nodes: Sequence[_Node], full: Sequence[int], union: _Union) -> None:
    # one node per distinct surname spelling, bucketed by first name and the surname's start
    by_full: dict[tuple[str, str, str], dict[str, int]] = defaultdict(dict)
    for i in full:
        first, last, suffix = names.person_parts(nodes[i].bare)
        place = names.name_key(names.designation(nodes[i].bare)[1])  # "Baroness Roe of Anytown" is no other Roe
        spellings = by_full[(people.given_key(first) + suffix, names.skeleton(last)[:3], place)]
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


def _bearer(i: int, own_roles: Sequence[str], bearers: set[int], roles: dict[str, set[int]],
            union: _Union) -> int | None:
    """The one person a surname alone (node i) may name across articles: the only bearer it
    may be (by honorific and given name), or the only one that holds a role it is given
    ("President Doe"). Two bearers and no such evidence: no one (a surname is no proof), and
    the surname is in doubt (no page of its own, listed for review)."""
    roots = {union.find(b) for b in bearers}
    fits = sorted(r for r in roots if union.may_join(r, i))
    if len(fits) == 1:
        return fits[0]
    held = {union.find(b) for role in own_roles for b in roles.get(_role_head(role), ())}
    chosen = [r for r in fits if r in held]
    if len(chosen) == 1:
        return chosen[0]
    if len(fits) > 1:
        union.doubtful.add(i)
    return None


def _may_be_surname(local: LocalEntity) -> bool:
    """A one-word person, or a one-word organisation that only its shape made one
    ("Putin said" read alone); places and acronyms are not surnames."""
    if local.type == _PERSON:
        return True
    return local.type in (EntityType.ORG, EntityType.OTHER) and not names.is_acronym(local.name) \
        and not local.aliases


def _role_head(role: str) -> str:
    """What a role is, whoever's: 'US President' and 'president' -> 'president', 'Sen.' and
    'Senator' -> 'senator' (people.role_head)."""
    return people.role_head(role)


def _join_short_forms(nodes: Sequence[_Node], union: _Union) -> None:
    """A short form joins the one longer organisation name it shortens: "Lib Dems" (each
    word the start of the longer name's word) the "Liberal Democrats" of the dossier, and
    "Commons" (what follows "of") the "House of Commons" of the same article; then, with
    that (or an article that calls "Goldman Sachs" "Goldman") as evidence, the same short
    form in any other article too. Places, events, acronyms and
    people's names are no short forms; two longer names it may shorten, and it joins neither."""
    longs = _long_names(nodes)
    shorts = [i for i, node in enumerate(nodes) if _may_be_short_form(node)]
    joiner = _ShortFormJoiner(nodes, union, sorted({j for js in longs.values() for j in js}))
    used: dict[str, set[int]] = defaultdict(set)  # a short form -> the long names it was found beside
    for i in shorts:
        target = _only(_long_targets(nodes, union, longs, i))
        if target is not None and joiner.join(target, i):
            used[names.fold(nodes[i].local.name)].add(union.find(target))
    for key, roots in _written_short(nodes, union).items():
        used[key] |= roots
    for i in shorts:
        target = _only({union.find(j) for j in used.get(names.fold(nodes[i].local.name), ())})
        if target is not None:
            joiner.join(target, i)


def _long_names(nodes: Sequence[_Node]) -> dict[str, set[int]]:
    """What organisations' names may be cut to: their short keys ("lib dem"), dossier-wide,
    and what follows their "of" ("commons"), in their article only."""
    longs: dict[str, set[int]] = defaultdict(set)
    for i, node in enumerate(nodes):
        if node.local.type == EntityType.ORG:
            for key in _short_keys(node.local.name):
                longs[key].add(i)
            for key in _tail_keys(node.local.name):
                longs[f"{node.article}\x00{key}"].add(i)
    return longs


def _long_targets(nodes: Sequence[_Node], union: _Union, longs: dict[str, set[int]], i: int) -> set[int]:
    """The longer names a short form (node i) may shorten, in the dossier or its article."""
    node = nodes[i]
    key = names.fold(node.local.name)
    return {union.find(j) for k in (key, f"{node.article}\x00{key}") for j in longs.get(k, ())
            if len(nodes[j].local.name) > len(node.local.name)}


def _written_short(nodes: Sequence[_Node], union: _Union) -> dict[str, set[int]]:
    """'Goldman' written for 'Goldman Sachs' in an article: the one-word aliases of
    organisations that are the first or last word of their name."""
    out: dict[str, set[int]] = defaultdict(set)
    for j, node in enumerate(nodes):
        words = node.local.name.split()
        if node.local.type != EntityType.ORG or len(words) < 2:
            continue
        ends = {names.fold(words[0]), names.fold(words[-1])}
        for alias in node.local.aliases:
            if len(alias.split()) == 1 and not names.is_acronym(alias) and names.fold(alias) in ends:
                out[names.fold(alias)].add(union.find(j))
    return out


@dataclass
class _ShortFormJoiner:
    nodes: Sequence[_Node]
    union: _Union
    long_nodes: list[int]

    def join(self, target: int, i: int) -> bool:
        """Join, unless the short form's entity already holds another long name (two
        "Inquiry"s joined by name must not make one of two boards)."""
        root, size = self.union.find(i), len(self.nodes[i].local.name)
        if root != target and any(self.union.find(j) == root and len(self.nodes[j].local.name) > size
                                  for j in self.long_nodes):
            return False
        return self.union.join(target, i)


def _may_be_short_form(node: _Node) -> bool:
    local = node.local
    if local.type in (EntityType.PLACE, EntityType.EVENT) or names.is_acronym(local.name):
        return False
    if local.type == _PERSON:  # "Lib Dem" read as a person, not "Doe" nor "Jane Doe"
        return node.multi and not node.person.givens & people.known_givens()
    return True


def _short_keys(name: str) -> Iterable[str]:
    """What a name may be cut to: 'Liberal Democrats' -> 'liberal democrat' (the singular),
    'lib dem', 'lib dems', 'libe dem', ... (each word of a two-word name cut after 3 to 5
    letters, an 's' kept for the plural)."""
    words = names.fold(name).split()
    if len(words) > 2 and words[-1] in lexicon.company_words():
        yield " ".join(words[:-1])  # "Zorb Foods" of "Zorb Foods Market" (rule company-word)
    if len(words) > 1 and words[-1].endswith("s") and len(words[-1]) > 3:
        yield " ".join(words)[:-1]  # "Liberal Democrat" (an MP, a leader) of "Liberal Democrats"
    if len(words) == 2 and all(len(w) > 5 and w.isalpha() for w in words):
        cuts = [[w[:n] for n in range(3, 6)] for w in words]
        cuts[-1] += [c + "s" for c in cuts[-1] if words[-1].endswith("s")]
        for a in cuts[0]:
            for b in cuts[1]:
                yield f"{a} {b}"


def _tail_keys(name: str) -> Iterable[str]:
    """'House of Commons' -> 'commons': the capitalised word after 'of' that ends a name."""
    words = name.split()
    lower = [w.lower() for w in words]
    after_of = lower[-2:-1] == ["of"] or lower[-3:-1] == ["of", "the"]
    if len(words) >= 3 and after_of and words[-1][:1].isupper() and words[0][:1].isupper():
        yield names.fold(words[-1])


def _lone_given_names(nodes: Sequence[_Node]) -> set[int]:
    """Nodes that are a given name alone ("Frank", a name of the given-name lists) of
    someone the dossier names in full ("Frank Doe" elsewhere), or of a relative named by
    the given name only ("his wife, Sandra": every role it has is a family tie), and no
    one's surname: such a name is no page of its own (it may be that person or another of
    the name, so it joins no one either) but a name for review, which entities.yml may
    make an alias. "Xi" of "Xi Jinping", a family name written first, is no given name."""
    full = [n for n in nodes if n.local.type == _PERSON and n.multi]
    givens = {people.given_key(g) for n in full for g in n.person.givens}
    surnames = {key for n in full for key in names.surname_keys(n.bare)}
    return {i for i, n in enumerate(nodes)
            if _may_be_surname(n.local) and not n.multi and n.pin is None and n.bare == n.local.name
            and n.bare in people.known_givens() and (people.given_key(n.bare) in givens or _kin_only(n.local))
            and names.skeleton(n.bare) not in surnames}


def _kin_only(local: LocalEntity) -> bool:
    """A person every role of whom is a family tie ("Mr Doe's wife", "her son") and who has no
    honorific form: someone's relative, named by the given name alone."""
    return bool(local.roles) and all(people.is_kinship(role) for role in local.roles) and not any(
        people.split_honorifics(alias)[0] for alias in local.aliases)


def _join_titled(nodes: Sequence[_Node], union: _Union) -> None:
    """A surname alone with no title ("Doe") that no full name took joins the one person the
    dossier names by that surname with a title ("Sen. Doe") and no full name; of two ("Sen.
    Doe", "Rep. Doe") neither, and it is in doubt."""
    full_roots = {union.find(i) for i, n in enumerate(nodes) if n.local.type == _PERSON and n.multi}
    titled: dict[str, set[int]] = defaultdict(set)
    plain: list[tuple[int, str]] = []
    for i, node in enumerate(nodes):
        if (node.local.type != _PERSON or node.multi or union.find(i) in full_roots or i in union.doubtful
                or i in union.apart):
            continue
        key = names.skeleton(node.bare)
        if node.titles:
            titled[key].add(i)
        elif node.pin is None:
            plain.append((i, key))
    for i, key in plain:
        roots = {union.find(j) for j in titled.get(key, ())}
        if len(roots) == 1:
            union.join(next(iter(roots)), i)
        elif len(roots) > 1 and union.find(i) not in roots:
            union.doubtful.add(i)


# The joins, in order: each sees what the ones before it joined.
_JOINS = (_join_by_keys, _join_people, _join_titled, _join_short_forms, variants.join_variants)


@dataclass(frozen=True)
class _Built:
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    hidden: bool = False
    nationalities: tuple[str, ...] = ()


def _fullness(name: str) -> int:
    """How fully a name names a person: a given name and a surname (2), a peer's title and
    a surname or a surname with its particles (1), a surname with or without an honorific (0)."""
    hons, bare = people.split_honorifics(name)
    if len(bare.split()) > 1 and not names.is_surname_only(bare):
        return 2
    return 1 if (hons and people.is_peer(hons[-1])) or len(bare.split()) > 1 else 0


def _entity(members: list[_Node], hidden: bool = False) -> tuple[_Built, list[tuple[str, str]]]:
    votes: Counter[EntityType] = Counter()
    for node in members:
        votes[node.local.type] += node.mentions
    etype = max(_ORDER, key=lambda t: (votes[t], -_ORDER.index(t)))
    named: Counter[str] = Counter()
    for node in members:
        named[node.local.name] += node.mentions
    name = max(named, key=lambda n: (_fullness(n) if etype == _PERSON else 0, named[n], len(n), n))
    seen = {names.fold(name)}
    aliases: list[str] = []
    for node in members:
        for form in (node.local.name, *node.local.aliases, *node.surfaces):
            key = names.fold(form)
            if key and key not in seen:
                seen.add(key)
                aliases.append(form)
    roles = list(dict.fromkeys(Role(text, node.article) for node in members for text in node.local.roles))
    nationalities = tuple(sorted({w for node in members for w in node.local.nationalities}))
    built = _Built(name, etype, tuple(sorted(aliases, key=lambda a: (a.casefold(), a))), tuple(roles), hidden,
                   nationalities)
    return built, sorted((node.article, node.local.key) for node in members)
