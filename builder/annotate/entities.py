"""Named entities of one article, resolved inside the article.

Names are read from the ordinary blocks first (candidates.py); a surname joins the full
name it shortens ("Doe" -> "Jane Doe"), spelling variants join ("Petrenky" /
"Petrenkyy"), an acronym joins the expansion the text gives. Title Case headlines say
nothing about names by their capitals, so in them only names already known are marked.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter, itemgetter

from builder.annotate import aliases, candidates, evidence, institutions, joins, lexicon, names, offices, people, roles, tickers, units, works
from builder.annotate.candidates import Found, Seen, best_type
from builder.annotate.spans import Token, is_particle_name, is_title_case, spans, tokens
from builder.model import Article, Block, EntityType, LocalEntity, Mention, Nationality
from builder.read import is_credit

_PERSON = EntityType.PERSON
_PLACE = EntityType.PLACE
_SHORT_FORM_WEIGHT = 0.3


@dataclass
class _Group:
    """The founds that name one entity."""

    founds: list[Found] = field(default_factory=list)
    canonical: str | None = None  # settled by the gazetteer
    by_role: list[Found] = field(default_factory=list)  # roles written for the person ("the Minister"), roles.py

    _first: tuple[int, int] = (-1, 0)  # (len(founds), first start) when last computed

    @property
    def first(self) -> int:
        """Where the group is first named (kept, so long articles stay linear)."""
        known, first = self._first
        count = len(self.founds)
        if known < count and known > 0:  # only appended since: look at the new ones
            self._first = (count, min(first, min(f.start for f in self.founds[known:])))
        elif known != count:
            self._first = (count, min(f.start for f in self.founds))
        return self._first[1]

    _scores: tuple[tuple[int, ...], dict[EntityType, float]] = ((), {})  # (the founds' ids, their scores) when last computed

    @property
    def scores(self) -> dict[EntityType, float]:
        """The evidence of every mention; once the full name is known, the bare surname's
        context ("Doe's lawyer", "told Doe") counts for less than the name itself. Kept
        while the founds stay the same (asked for again and again while groups are joined)."""
        return dict(self._total())

    def _total(self) -> dict[EntityType, float]:
        founds = self.founds
        ids = tuple(map(id, founds))
        if ids != self._scores[0] or not ids:
            self._scores = (ids, self._sum(founds))
        return self._scores[1]

    @staticmethod
    def _sum(founds: list[Found]) -> dict[EntityType, float]:
        full = any(len(f.name.split(maxsplit=1)) > 1 for f in founds)  # (more than one word)
        total: dict[EntityType, float] = {}
        get = total.get
        for found in founds:
            if full and not found.known and " " not in found.name:  # a short form
                for etype, score in found.scores.items():
                    total[etype] = get(etype, 0.0) + _SHORT_FORM_WEIGHT * score
                if "place-name" in found.evidence:  # "Montalvo" for "Daniel Montalvo": a surname,
                    total[_PLACE] -= _SHORT_FORM_WEIGHT * candidates.PLACE_NAME_WEIGHT  # whatever town has it
            else:  # (a weight of 1: the score itself)
                for etype, score in found.scores.items():
                    total[etype] = get(etype, 0.0) + score
        return total

    @property
    def type(self) -> EntityType:
        return best_type(self._total())

    @property
    def surely_person(self) -> bool:
        """A person by more than the shape of the name (a title, a role, a given name)."""
        return self.type == _PERSON and self.scores.get(_PERSON, 0.0) >= 2.5

    @property
    def name(self) -> str:
        return self.canonical or self.name_as(self.type)

    def name_as(self, etype: EntityType) -> str:
        """The name the group goes by when it is of type `etype` (its `type`, computed once by the caller)."""
        counts: dict[str, int] = {}  # (a Counter, made faster for a few names)
        for f in self.founds:
            counts[f.name] = counts.get(f.name, 0) + 1
        order = {f.name: -f.start for f in reversed(self.founds)}
        if etype == _PERSON:
            return people.styled(max(counts, key=lambda n: (len(n.split()), counts[n], order[n])), self.founds)
        if any(f.acronym for f in self.founds):
            return max(counts, key=lambda n: (len(n.split()), counts[n], order[n]))
        return max(counts, key=lambda n: (counts[n], len(n), order[n]))


def find_entities(article: Article) -> tuple[tuple[LocalEntity, ...], tuple[Mention, ...]]:
    """Return the article's entities (resolved inside the article) and every mention."""
    entities, mentions, _ = find_names(article)
    return entities, mentions


def find_names(article: Article) -> tuple[tuple[LocalEntity, ...], tuple[Mention, ...], tuple[Nationality, ...]]:
    """The article's entities, every mention, and its nationality words (attributes of the
    entities they describe, never entities)."""
    titled: list[Block] = []
    plain: list[tuple[Block, list[Token]]] = []
    for block in article.text_blocks:
        if is_title_case(block.text):
            titled.append(block)
        elif not is_credit(block.text):
            plain.append((block, tokens(block.text)))
    seen = _seen(toks for _, toks in plain)
    founds: list[Found] = []
    demonyms: list[_Demonym] = []
    for block, toks in plain:
        block_founds = offices.apply(block.text, toks, candidates.find(block.text, seen, toks))
        block_founds = tickers.apply(block.text, block_founds)
        people.shared_surname(block.text, block_founds)
        block_founds = people.shared_honorific(block.text, block_founds)
        works.mark(block.text, block_founds)
        block_founds = units.apply(block.text, block_founds)
        joins.in_region(block.text, block_founds)
        block_founds = institutions.remit(block.text, block_founds)
        institutions.mark(block.text, toks, block_founds)
        joins.possessed(block.text, block_founds)
        institutions.listed_with_orgs(block.text, block_founds)
        institutions.listed_with_people(block.text, block_founds)
        aliases.join(block.text, block_founds)
        demonyms += [(block.start + a, block.start + b, of, alone)
                     for a, b, of, alone in candidates.nationalities(block.text, toks, block_founds)]
        founds.extend(_shift(block_founds, block.start))
    founds.extend(_credited(article))
    founds = people.glued_person(article.source_text, founds)
    joins.owned_alone(founds)
    joins.short_forms(founds)
    joins.lower_tails(article.source_text, founds)
    founds = institutions.join(founds)
    role_only = [f for f in founds if f.role_only]
    groups = _group([f for f in founds if not f.role_only], article.source_text)
    for block in titled:
        _match_known(block, groups)
    roles.link(role_only, [g for g in groups if g.type == _PERSON], article.source_text)
    return _output(article.source_text, groups, demonyms)


_Demonym = tuple[int, int, Found | None, bool]  # a nationality word's offsets, the name it describes, alone


def _seen(blocks: Iterable[Sequence[Token]]) -> Seen:
    """The capitalised words written outside sentence openings, those that open a name and
    those that end one."""
    words: set[str] = set()
    starts: set[str] = set()
    ends: set[str] = set()
    for toks in blocks:
        count = len(toks)
        last, last_alpha = -2, False  # the last capitalised token, and whether it is a word
        # (only the capitalised tokens are looked at, picked out in one pass)
        for i in compress(range(count), map(str.isupper, map(_FIRST, map(_TEXT, toks)))):
            tok = toks[i]
            text = tok.text
            if not tok.initial:
                after = toks[i + 1] if i + 1 < count else None
                if after is None or not (after.text in ("'", "’") and after.start == tok.end):  # not "Teachers'"
                    words.add(text)
                    if not (last == i - 1 and last_alpha):  # (the word before is no capitalised word)
                        starts.add(text)
                    if after is None or not after.text[:1].isupper():
                        ends.add(text)
            last, last_alpha = i, text[:1].isalpha()
    return Seen(frozenset(words), frozenset(starts), frozenset(ends))


_TEXT, _FIRST = attrgetter("text"), itemgetter(slice(None, 1))


def _credited(article: Article) -> list[Found]:
    """Organisations in credit lines ("ABC News’ Jane Doe contributed", "Jane Doe/AP"):
    the people credited are no part of the story, the outlets are."""
    out: list[Found] = []
    at = 0
    for credit in article.credits:
        offset = article.source_text.find(credit, at)
        if offset < 0:
            continue
        at = offset + len(credit)
        found = [f for f in candidates.find(credit) if best_type(f.scores) == EntityType.ORG
                 and f.words[-1].lower() not in lexicon.role_nouns()]  # "By Jane Doe, Sports Reporter"
        out.extend(_shift(found, offset))
    return out


def _shift(founds: Iterable[Found], offset: int) -> list[Found]:
    out = []
    for found in founds:
        found.start += offset
        found.end += offset
        if found.outer:
            found.outer += offset
        out.append(found)
    return out


# --- grouping ---------------------------------------------------------------------------


def _group(founds: Sequence[Found], text: str = "") -> list[_Group]:
    groups: dict[str, _Group] = {}
    singles: list[Found] = []
    for found in founds:
        if found.known:
            groups.setdefault(f"k:{found.name}", _Group(canonical=found.name)).founds.append(found)
        elif len(found.words) > 1 and not names.is_surname_only(found.name):
            groups.setdefault(f"n:{names.org_key(found.name)}", _Group()).founds.append(found)
        else:
            singles.append(found)
    multi = [g for key, g in groups.items() if key.startswith("n:")]
    _join_people(multi)
    _join_given_names(multi)
    _join_of_place(multi)
    _join_company_word(multi)
    out = [g for g in groups.values() if g.founds]
    index = _Index.of(out, text)
    known_singles = [f for g in out if g.canonical for f in g.founds if len(f.words) == 1]
    home_of = {id(f): g for g in out if g.canonical for f in g.founds if len(f.words) == 1}
    for found in singles + known_singles:
        _attach(found, _target(found, index), out, index, home_of.get(id(found)))
    return [g for g in out if g.founds]


@dataclass
class _Index:
    """What a one-word name may be a short form of, in one article."""

    bearers: people.Bearers  # people by surname
    by_acronym: dict[str, _Group]
    by_name: dict[str, _Group]  # every name, and organisations without their legal form
    by_first: dict[str, list[_Group]]  # people by given name: "Sir Jonathan" for "Jonathan Reed"
    by_inner: dict[str, list[_Group]]  # people by an inner name: "Lula" for "Luiz Inácio Lula da Silva"
    text: str = ""  # the article's text, which the founds' offsets point into
    by_title: dict[tuple[str, str], _Group] = field(default_factory=dict)  # ("doe", "senator"): "Sen. Doe"
    doubts: dict[str, _Group] = field(default_factory=dict)  # surnames of two people, in doubt, by surname

    @classmethod
    def of(cls, groups: list[_Group], text: str = "") -> _Index:
        types = {id(g): g.type for g in groups}  # (no group changes while the tables are made)
        persons = [g for g in groups if not g.canonical and types[id(g)] == _PERSON]
        by_first, by_inner = _by_given_and_inner(persons)
        return cls(people.Bearers(persons, text), _by_acronym(groups, types), _by_name(groups, types), by_first,
                   by_inner, text)


def _by_given_and_inner(persons: list[_Group]) -> tuple[dict[str, list[_Group]], dict[str, list[_Group]]]:
    """People by the given names and by the inner names of their full names (_Index.by_first, .by_inner)."""
    by_first: dict[str, list[_Group]] = {}
    by_inner: dict[str, list[_Group]] = {}
    for group in persons:
        full = [f.words for f in group.founds if len(f.words) > 1 and not names.is_surname_only(f.name)]
        for key in dict.fromkeys(names.skeleton(names.person_parts(" ".join(w))[0]) for w in full):
            by_first.setdefault(key, []).append(group)
        for key in dict.fromkeys(names.skeleton(w) for words in full for w in words[1:-1]
                                 if len(w) > 2 and w[0].isupper() and not w.endswith(".")):
            by_inner.setdefault(key, []).append(group)
    return by_first, by_inner


def _by_acronym(groups: list[_Group], types: dict[int, EntityType]) -> dict[str, _Group]:
    """Groups by their initials (not people's) and by the acronyms the text gives them (_Index.by_acronym)."""
    by_acronym = {_initials(f.name): g for g in groups if not g.canonical and types[id(g)] != _PERSON for f in g.founds}
    by_acronym.update({f.acronym: g for g in groups for f in g.founds if f.acronym})
    for g in groups:  # "COI" written for the "CoI" defined
        for f in g.founds:
            if f.acronym:
                by_acronym.setdefault(f.acronym.upper(), g)
    return by_acronym


def _by_name(groups: list[_Group], types: dict[int, EntityType]) -> dict[str, _Group]:
    """Groups by every name, by organisations' names without their legal form, first words and
    ship names (_Index.by_name)."""
    by_name = {names.fold(f.name): g for g in groups for f in g.founds}
    for group in groups:  # "Nvidia" joins "Nvidia Corp"
        for found in group.founds:
            by_name.setdefault(names.fold(names.org_key(found.name)), group)
    _add_first_words(groups, by_name, types)
    _add_ship_names(groups, by_name, types)
    return by_name


# What a one-word name joins: the first rule that answers decides (a group, _NEW: an entity
# of its own, or where a gazetteer name already is; _DROP: no entity at all).
_NEW, _DROP = "new", "drop"
_Verdict = _Group | str | None


def _as_acronym(found: Found, index: _Index) -> _Verdict:
    """'NTSB' after 'National Transportation Safety Board (NTSB)'; 'MoD' (a capital inside) after
    'Ministry of Defence (MoD)'."""
    name = found.name
    return index.by_acronym.get(name) if names.is_acronym(name) or _capital_inside(name) else None


def _capital_inside(name: str) -> bool:
    """A capital after the first letter ('MoD', 'CoI')."""
    rest = name[1:]
    if rest.isascii():  # (the capitals of ASCII are the letters lower() changes)
        return rest != rest.lower()
    return any(c.isupper() for c in rest)


def _as_surname(found: Found, index: _Index) -> _Verdict:
    """'Doe' or 'Mrs Doe': the person of that surname named most recently (people.Bearers).
    A known place is no one's surname where the text says it is a place ("talks in
    Washington", "flew to Paris"); elsewhere ("Washington said", "Paris claims") it is."""
    if found.known and not found.honorific and _at_place(found, index.text) or "employer" in found.evidence:
        return None  # (a name a title follows is its holder's employer: "Zorbaloa Gov. Jane Doe")
    decided, group = index.bearers.pick(found)
    if group is people.IN_DOUBT:  # of two people: no one's (evidence rule surname-in-doubt, no page)
        found.evidence.add("surname-in-doubt")
        found.scores = {_PERSON: 1.0}  # (a person's surname, whose)
        return index.doubts.setdefault(names.skeleton(found.name), _Group())
    return (group or _NEW) if decided else None


def _at_place(found: Found, text: str) -> bool:
    """A preposition of place right before the name ("in Washington"): the name is the place here."""
    before = text[max(0, found.start - 20) : found.start].split()
    return bool(before) and before[-1].lower() in lexicon.surname_place_prepositions()


def _as_known(found: Found, index: _Index) -> _Verdict:
    """A gazetteer name that is no one's surname stays what the gazetteer says."""
    return _NEW if found.known else None


def _as_name(found: Found, index: _Index) -> _Verdict:
    """'Nvidia' for 'Nvidia Corp', 'Goldman' for 'Goldman Sachs', a name seen before; a name
    with a title ("Sen. Doe") the one seen with that title, never one seen with another
    ("Rep. Doe" is someone else)."""
    key = names.fold(found.name)
    title = people.title_of(found.role)
    if title is not None and (key, title) in index.by_title:
        return index.by_title[(key, title)]
    group = index.by_name.get(key)
    if title is not None and group is not None and any(
            people.title_of(f.role) not in (None, title) for f in group.founds):
        return _NEW
    return group


def _as_given_name(found: Found, index: _Index) -> _Verdict:
    """'Frank' for the one 'Frank Doe' named in full; for two Franks, no one (and no page)."""
    if names.is_acronym(found.name):
        return None
    if _character_before(found, index.text):
        return None
    key = names.skeleton(found.name)
    named = index.by_first.get(key) or index.by_inner.get(key, [])
    if len(named) > 1:
        return _DROP
    return named[0] if named else None


_CHARACTER_BEFORE = re.compile(r"(?:^|\W)([a-z]+)\s+(?:as\s+)?$")


def _character_before(found: Found, text: str) -> bool:
    """'Jane Doe stars as Casey', 'she plays Casey': a character's name, no person's
    (data/people/character_verbs.txt)."""
    m = _CHARACTER_BEFORE.search(text, max(0, found.start - 24), found.start)
    return m is not None and m.group(1) in people.character_verbs()


_THE_BEFORE = re.compile(r"(?:^|\W)[Tt]he\s+$")


def _as_family(found: Found, index: _Index) -> _Verdict:
    """'the Does' of an article that names a "John Doe": people, but a family, no one's page
    (evidence rule `family`: a name of its own, too unsure for a page)."""
    name = found.name
    if (found.known or len(name) < 4 or not name.endswith("s") or not index.bearers.bears(name[:-1])
            or not _THE_BEFORE.search(index.text, max(0, found.start - 8), found.start)):
        return None
    found.scores = {_PERSON: 3.0}
    found.evidence.add("family")
    return _NEW


def _as_cardinal(found: Found, index: _Index) -> _Verdict:
    """'the North' (rule compass-name) is the one country the article names after that
    cardinal point ("North Zorbland"); with none or two, a region or bloc of its own ("the
    West"), never a person's surname."""
    if "compass-name" not in found.evidence:
        return None
    prefix = found.name + " "
    countries = lexicon.geo_places()["country"]
    named = {id(g): g for g in index.by_name.values()
             if g.canonical and g.canonical.startswith(prefix) and g.canonical in countries}
    return next(iter(named.values())) if len(named) == 1 else _NEW


_SINGLE_RULES = (_as_cardinal, _as_acronym, _as_family, _as_surname, _as_known, _as_name, _as_given_name)


def _target(found: Found, index: _Index) -> _Verdict:
    for rule in _SINGLE_RULES:
        verdict = rule(found, index)
        if verdict is not None:
            return verdict
    return _NEW


def _attach(found: Found, verdict: _Verdict, out: list[_Group], index: _Index, home: _Group | None) -> None:
    """Apply a verdict: a known name moves from its own group to the one it joins."""
    if verdict == _DROP or (verdict == _NEW and found.known) or verdict is home:
        return
    if isinstance(verdict, _Group):
        target = verdict
        if not target.founds and not any(g is target for g in out):  # a group of its own made by a rule (a surname in doubt)
            out.append(target)
        if home is not None:
            home.founds.remove(found)
            found.known = False
            if target.type == _PERSON:  # "Washington said" of George Washington: a surname, no place
                found.scores = {_PERSON: 1.0}
    else:
        target = _Group()
        out.append(target)
        index.by_name[names.fold(found.name)] = target
    target.founds.append(found)
    index.bearers.note(found, target)
    title = people.title_of(found.role)
    if title is not None:
        index.by_title.setdefault((names.fold(found.name), title), target)


def _initials(name: str) -> str:
    """'National Transportation Safety Board' -> 'NTSB' (only names of three words or more)."""
    words = [w for w in name.split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) > 2 else ""


def _add_first_words(groups: list[_Group], by_name: dict[str, _Group], types: dict[int, EntityType]) -> None:
    """A company's distinctive first word names it alone: "Goldman" for "Goldman Sachs".
    Only a word that is no common word, that starts just one organisation's name, and
    whose name goes on with no institution word ("Center", "Council", "Department"), or a
    party's or a name with its country's code ("Acme" for the "Acme Party", "Reform" for "Reform UK")."""
    owner: dict[str, _Group | None] = {}
    for group in groups:
        if types[id(group)] is not EntityType.ORG:
            continue
        for found in group.founds:
            words = found.name.split()
            party = len(words) == 2 and (words[1].lower() == "party" or words[1] in candidates.COUNTRY_CODES)
            # ("the Acme MP" for the "Acme Party", "Reform's chairman" for "Reform UK")
            if len(words) < 2 or not party and any(w.lower().rstrip(".") in lexicon.org_words() or w.lower() in ("of", "for", "&")
                                       for w in words[1:]):
                continue  # "NetChoice Litigation Center" is a part of NetChoice, not its full name
            first = words[0]
            if not first[:1].isupper() or first.lower() in lexicon.common_words() and not party or names.is_acronym(first):
                continue
            key = names.fold(first)
            owner[key] = group if owner.get(key, group) is group else None
    for key, only in owner.items():
        if only is not None:
            by_name.setdefault(key, only)


def _add_ship_names(groups: list[_Group], by_name: dict[str, _Group], types: dict[int, EntityType]) -> None:
    """A ship or craft is named without its prefix too: "Forbin" for "FS Forbin", "Zorblatt"
    for "Space Shuttle Zorblatt" (the words after the product's word)."""
    for group in groups:
        for found in group.founds:
            words = found.words
            if "vessel" in found.evidence and len(words) > 1:
                by_name.setdefault(names.fold(" ".join(words[1:])), group)
            elif "product-word" in found.evidence and types[id(group)] is EntityType.PRODUCT:
                at = max((k for k, w in enumerate(words[:-1]) if w.lower() in lexicon.product_words()), default=-1)
                if at >= 0:
                    by_name.setdefault(names.fold(" ".join(words[at + 1 :])), group)


def _join_of_place(groups: list[_Group]) -> None:
    """'the Acme Council of Canada' and 'the Acme Council': one organisation, the place a part
    of its full name (the shorter name of two words or more, and the place known or a town)."""
    by_name = {g.name: g for g in groups if g.founds and g.type is EntityType.ORG}
    heads = Counter(name.rpartition(" of ")[0] for name in by_name)  # (two councils "of" two places: no join)
    for name, group in list(by_name.items()):
        head, of, place = name.rpartition(" of ")
        short = by_name.get(head)
        if (of and short is not None and short is not group and " " in head and heads[head] == 1
                and (lexicon.gazetteer().get(place, ("", None))[1] is _PLACE or lexicon.is_town_or_region(place))):
            group.founds.extend(short.founds)
            short.founds.clear()


def _join_company_word(groups: list[_Group]) -> None:
    """Rule company-word: 'Zorb Foods Market' and 'Zorb Foods', two organisations' names of
    one article, the longer the shorter and a firm's closing word (data/entities/company_words.txt,
    not "Foundation": a foundation is a body of its own): one organisation."""
    words = lexicon.company_words()
    longer: dict[str, list[_Group]] = {}  # the name without its closing word -> the groups so named
    for group in groups:
        for found in group.founds:
            head, _, last = found.name.rpartition(" ")
            if " " in head and last.lower() in words:
                longer.setdefault(head, []).append(group)
    if not longer:
        return
    for short in groups:
        named = {id(g): g for f in short.founds for g in longer.get(f.name, ()) if g is not short and g.founds}
        if len(named) == 1 and short.founds and short.type is EntityType.ORG:
            group = next(iter(named.values()))
            if group.type is EntityType.ORG:
                short.founds.extend(group.founds)
                group.founds.clear()


def _join_given_names(groups: list[_Group]) -> None:
    """Rule given-names-of-a-longer-name: 'Te Zorbanui' (two words or more) and the one person
    of the article whose longer name opens with them ("Te Zorbanui Robert Quuxata"), when they
    are given names (a given name of the lists ends them or follows them): one person (not
    "Jane Doe" of "Jane Doe Roe"; not "Donald Doe" and "Donald Doe Jr.": a suffix makes another
    person)."""
    longer = _longer_names(groups)
    if not longer:
        return
    shorts = [(max(len(f.words) for f in g.founds if f.name in longer), g) for g in groups
              if any(f.name in longer for f in g.founds)]
    for _, group in sorted(shorts, key=lambda pair: -pair[0]):  # ("Jane Ann Lee" joins before "Jane Ann")
        named = {key: g for f in group.founds for key, g in longer.get(f.name, {}).items()
                 if g is not group and g.founds}
        if len(named) != 1 or not group.founds or group.type != _PERSON:
            continue
        target = next(iter(named.values()))
        if target.type == _PERSON:
            target.founds.extend(group.founds)
            group.founds.clear()


def _longer_names(groups: list[_Group]) -> dict[str, dict[int, _Group]]:
    """Given names (two words or more) -> the groups of the longer names that open with them
    (no titled name, none with a suffix such as 'Jr.' after its second word)."""
    longer: dict[str, dict[int, _Group]] = {}
    for group in groups:
        for name in {f.name for f in group.founds if f.name.count(" ") > 1}:
            words = name.split()
            if people.is_titled(words) or any(
                    w.lower().rstrip(".") in lexicon.name_suffixes() or _ROMAN_SUFFIX.match(w) for w in words[2:]):
                continue
            for k in range(2, len(words)):
                if _given(words[k - 1]) or _given(words[k]):  # (given names only: not "Jane Doe" of "Jane Doe Roe")
                    longer.setdefault(" ".join(words[:k]), {})[id(group)] = group
    return longer


_ROMAN_SUFFIX = re.compile(r"^(?:II|III|IV|V|VI)$")


def _given(word: str) -> bool:
    low = word.lower()
    return low in lexicon.given_names() and low not in lexicon.common_words()


def _join_people(groups: list[_Group]) -> None:
    """Merge groups naming one person: same first and last name, a spelling variant, or
    a shorter tail of a longer name ("Trump Jr" in "Donald Trump Jr")."""
    people = [g for g in groups if g.type == _PERSON]
    kunyas = _kunya_bearers(people)
    earlier: dict[str, list[int]] = {}  # a key _same_person needs shared -> groups seen so far
    for i, group in enumerate(people):
        keys = _person_keys(group.name)
        for j in sorted({j for key in keys for j in earlier.get(key, ())}):
            other = people[j]
            if other.founds and group.founds and (_same_person(other.name, group.name)
                                                  or _same_kunya(other.name, group.name, kunyas)):
                other.founds.extend(group.founds)
                group.founds.clear()
                for key in _person_keys(other.name):  # its name may have grown
                    earlier.setdefault(key, []).append(j)
                break
        for key in keys:
            earlier.setdefault(key, []).append(i)


def _kunya_bearers(groups: list[_Group]) -> Counter[str]:
    """How many people of longer names open with each kunya ("Abu Zorblatt al-Quuxi")."""
    return Counter(key for g in groups if len(g.name.split()) > 2 and (key := people.kunya_key(g.name)))


def _same_kunya(a: str, b: str, bearers: Counter[str]) -> bool:
    """'Abu Zorblatt' and the one 'Abu Zorblatt al-Quuxi' of the article: a kunya alone names
    the one person whose longer name opens with it (two such people: neither)."""
    short, long_ = sorted((a, b), key=lambda n: len(n.split()))
    key = people.kunya_key(short)
    return (key is not None and len(short.split()) == 2 < len(long_.split()) and people.kunya_key(long_) == key
            and bearers[key] == 1)


def _person_keys(name: str) -> set[str]:
    """Keys that two names must share for _same_person to hold (so it is not asked of every pair)."""
    first, _, _ = names.person_parts(name)
    words = name.split()
    return {f"p:{names.person_key(name)}", f"f:{names.skeleton(first)}", f"l:{words[-1] if words else ''}"}


def _same_person(a: str, b: str) -> bool:
    ma, mb = people.middle_initials(a), people.middle_initials(b)
    if ma and mb and ma != mb:  # "George H. W. Doe" and "George W. Doe": a father and a son
        return False
    if names.person_key(a) == names.person_key(b):
        return True
    fa, la, sa = names.person_parts(a)
    fb, lb, sb = names.person_parts(b)
    if sa == sb and names.skeleton(fa) == names.skeleton(fb) and names.close_spelling(la, lb):
        return True
    if sa == sb and names.skeleton(la) == names.skeleton(lb) and _misspelt_given(fa, fb):
        return True
    wa, wb = a.split(), b.split()
    short, long_ = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    return len(short) > 1 and long_[-len(short):] == short and not people.is_titled(long_)


_VOWELS = frozenset("aeiouy")


def _misspelt_given(a: str, b: str) -> bool:
    """Rule misspelt-given-name: 'Kristin' and 'Kristen' (of one surname in one article): given
    names of six letters or more, one vowel for another, both of one known sex (not "Francis"
    and "Frances", a man and a woman)."""
    x, y = a.lower(), b.lower()
    if len(x) < 6 or len(x) != len(y) or x == y:
        return False
    diff = [(c, d) for c, d in zip(x, y) if c != d]
    if len(diff) != 1 or not (diff[0][0] in _VOWELS and diff[0][1] in _VOWELS):
        return False
    sex = people.given_gender(a)
    return sex is not None and sex == people.given_gender(b)


# --- Title Case blocks: only names already known ----------------------------------------


def _match_known(block: Block, groups: list[_Group]) -> None:
    index: dict[str, _Group] = {}
    shared: set[str] = set()  # a name two people go by ("Doe" of Jane and of John Doe) names neither
    types = {id(g): g.type for g in groups}  # (nothing changes before the spans are matched)
    for group in groups:
        for found in group.founds:
            key = names.name_key(found.name)
            if index.setdefault(key, group) is not group and types[id(group)] == _PERSON == types[id(index[key])]:
                shared.add(key)
    surname_of = {id(g): names.skeleton(g.name.split()[-1]) for g in groups}
    surnames = Counter(surname_of[id(g)] for g in groups if types[id(g)] == _PERSON)
    for group in groups:  # "Doe" in a headline is the article's only person of that surname
        surname = surname_of[id(group)]
        if group.surely_person and surnames[surname] == 1:
            index.setdefault(surname, group)
        elif types[id(group)] == _PERSON and surnames[surname] > 1:
            shared.add(surname)
    for key in shared:
        index.pop(key, None)
    for span in spans(block.text):
        _match_span(span, block.start, index, groups)


def _match_span(span: tuple[Token, ...], offset: int, index: dict[str, _Group], groups: list[_Group]) -> None:
    i = 0
    while i < len(span):
        for j in range(min(len(span), i + 5), i, -1):
            group = index.get(names.name_key(" ".join(t.text for t in span[i:j])))
            if group is not None:
                name = group.name
                group.founds.append(Found(span[i].start + offset, span[j - 1].end + offset, name,
                                          {group.type: 1.0}, known=bool(group.canonical)))
                i = j
                break
        else:
            hit = candidates.gazetteer_at(span, i)
            if hit:
                j, canonical, etype = hit
                group = next((g for g in groups if g.canonical == canonical), None)
                if group is None:
                    group = _Group(canonical=canonical)
                    groups.append(group)
                group.founds.append(Found(span[i].start + offset, span[j - 1].end + offset, canonical,
                                          {etype: 10}, known=True))
                i = j
            else:
                i += 1


# --- output -------------------------------------------------------------------------------


def _evidence(group: _Group, name: str) -> set[str]:
    """The ids of the evidence rules that fired for a group: those of its mentions, and
    those of its name's shape."""
    fired = {rule for found in group.founds for rule in found.evidence}
    if group.canonical:
        fired.add("known")
    words = name.split()
    capitalised = [w for w in words if w[:1].isupper() or is_particle_name(w)]
    if len(capitalised) > 1:
        fired.add("multiword")
    if any(_INITIAL.match(w) for w in words[1:-1]):
        fired.add("middle-initial")
    common = lexicon.common_words()
    if any((w.lower() not in common or names.is_acronym(w)) and len(w) > 1 and w[:1].isalpha() for w in capitalised):
        fired.add("rare-word")
    elif len(words) == 1 and not fired & _CUES:
        fired.add("common-word")
    return fired


_INITIAL = re.compile(r"^[A-Z]\.$")


# evidence that a common word is a name here ("the Acme agency", "Chancellor Stone")
_CUES = evidence.group("cue")


def _output(source: str, groups: list[_Group], demonyms: Sequence[_Demonym] = (),
            ) -> tuple[tuple[LocalEntity, ...], tuple[Mention, ...], tuple[Nationality, ...]]:
    entities: list[LocalEntity] = []
    mentions: list[Mention] = []
    keys: set[str] = set()
    described = _described(source, demonyms)
    key_of: dict[int, str] = {}
    for group in sorted(groups, key=lambda g: g.first):
        etype = group.type
        name = group.canonical or group.name_as(etype)  # (group.name, the type computed once)
        key = _unique_key(name, keys)
        in_order = sorted(group.founds, key=lambda f: f.start)
        mentions.extend(_mentions(source, key, in_order, group.by_role))
        roles = _roles(in_order + list(group.by_role)) if etype == _PERSON else []
        found_evidence = _evidence(group, name)
        words = sorted({w for found in group.founds for w in described.get(id(found), ())})
        key_of.update((id(found), key) for found in group.founds)
        entities.append(LocalEntity(key, name, etype, tuple(_aliases(source, name, in_order)), tuple(roles),
                                    evidence.confidence(found_evidence), tuple(sorted(found_evidence)), tuple(words)))
    mentions.sort(key=lambda m: (m.start, -m.end))  # (one inside another after it: joins.py)
    return tuple(entities), tuple(mentions), _nationalities(source, demonyms, key_of)


def _described(source: str, demonyms: Sequence[_Demonym]) -> dict[int, list[str]]:
    """id of a found -> the nationality words before it."""
    described: dict[int, list[str]] = {}
    for start, end, of, _ in demonyms:
        if of is not None:
            described.setdefault(id(of), []).append(source[start:end])
    return described


def _unique_key(name: str, keys: set[str]) -> str:
    """`name`, or "name (2)", "name (3)", ... when taken in this article (the key is added to `keys`)."""
    key, n = name, 1
    while key in keys:
        n += 1
        key = f"{name} ({n})"
    keys.add(key)
    return key


def _aliases(source: str, name: str, founds: list[Found]) -> list[str]:
    """The other forms the text names an entity by (with an honorific, too), first seen first."""
    seen = {names.fold(name)}
    aliases: list[str] = []
    for found in founds:
        surface = " ".join(source[found.start : found.end].split())
        for form in (surface, people.with_honorific(found.honorific, surface)):
            if form and names.fold(form) not in seen:
                seen.add(names.fold(form))
                aliases.append(form)
    return aliases


def _roles(founds: list[Found]) -> list[str]:
    """A person's roles, first seen first, by name or alone ("The Foreign Secretary, Jane Doe, said")."""
    roles: list[str] = []
    for found in founds:
        if found.role and found.role not in roles:
            roles.append(found.role)
    return roles


def _mentions(source: str, key: str, founds: list[Found], by_role: Sequence[Found]) -> list[Mention]:
    """An entity's mentions: by name (a place's may cover its region: joins.py), then by role."""
    mentions: list[Mention] = []
    for found in founds:
        end = max(found.end, found.outer)
        mentions.append(Mention(key, source[found.start : end], found.start, end))
    for found in by_role:
        mentions.append(Mention(key, source[found.start : found.end], found.start, found.end, role=True))
    return mentions


def _nationalities(source: str, demonyms: Sequence[_Demonym], key_of: dict[int, str]) -> tuple[Nationality, ...]:
    """The nationality words in text order, each with the key of the entity it describes, if any."""
    return tuple(Nationality(source[start:end], start, end, key_of.get(id(of)) if of is not None else None,
                             alone) for start, end, of, alone in sorted(demonyms, key=lambda d: d[0]))
