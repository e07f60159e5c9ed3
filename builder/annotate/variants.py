"""Dossier-wide variants of one place's or body's name, as releases and wire copy write them,
that would otherwise make two pages of one thing (a step of resolve.merge_entities):

- place-variant: a province's word, an Arabic article and a final "h" make no other place
  ("Zorbala Province" / "Zorbala", "Ar Qurbaqah" / "Qurbaqah" / "Qurbaqa"); place-spelling:
  a long name of several words a letter off another ("Qasr Az Zubayr" / "Qasr az Zuwayr");
- unit-acronym: a unit's acronym after its number is the unit of that number and initials
  in the article ("909th AZW" / "909th Air Zorbing Wing");
- acronym-initials: an acronym that no article defines is the one organisation of the
  dossier whose words give its initials ("ZQQC" / "ZQ Quux Council"), or, in its article,
  the one whose words' first letters give it ("ZORCENTCOM" / "Zorbic Central Command");
- acronym-prefix: in its article, an acronym is the one hyphenated acronym it opens
  ("CZTF" / "CZTF-OQR");
- org-of-the: "Department of the Zorbery" / "Department of Zorbery", "Zorb Task Force -
  Operation Quux" / "Zorb Task Force – Quux", "Federal Government of X" / "Government of X";
- org-reordered: "Global Coalition to Counter Zorbism" / "Counter-Zorbism Coalition";
- org-aim-short: a body's name of two words or more is the one body of the dossier named
  with those words and its aim ("Global Coalition" / "Global Coalition to Counter Zorbism");
- owner-demonym: "Zorbia’s Security Forces" / "Zorbian Security Forces";
- country-body: a body's name is the one "<country> <name>" of the dossier ("Zorbal
  Command" / "U.S. Zorbal Command"), unless two countries have one.

Two candidates, and it joins neither. Everything goes through dictionaries keyed by the
names' keys (no pairs over the dossier), and the order of the nodes decides every tie.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from builder import wordlists
from builder.annotate import lexicon, names
from builder.model import EntityType

_O, _L = EntityType.ORG, EntityType.PLACE
# an Arabic article written before a place's name: "Ar Raqqah", "Al Quux", "as-Zorb", "An Zorb"
_ARTICLE = re.compile(r"^(?:[Aa][lrsdntz]|[Aa]sh|[Aa]dh|[Ee]l)[ -](?=[A-Z])")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")


@cache
def _province_words() -> frozenset[str]:
    return wordlists.words("entities/province_words.txt")


def place_key(name: str) -> str:
    """What two spellings of one place share: 'Zorbala Province' and 'Zorbala' -> 'zorbala';
    'Ar Qurbaqah', 'Qurbaqah' and 'Qurbaqa' -> 'qurbaqa'."""
    known = lexicon.gazetteer().get(name)
    if known is not None and known[0] in _countries():
        return names.name_key(known[0])  # (a country's name is its own: "El Zorbador" is no "Zorbador")
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _province_words():
        words = words[:-1]
    key = names.name_key(_ARTICLE.sub("", " ".join(words)))
    return key[:-1] if key.endswith("ah") and len(key) > 4 else key


def join_variants(nodes: Sequence[Any], union: Any) -> None:
    """Join the nodes (resolve._Node: .article, .local) that name one place or body."""
    _join_places(nodes, union)
    _join_of_the(nodes, union)
    _join_owner_demonyms(nodes, union)
    _join_aim_shorts(nodes, union)
    _join_acronyms(nodes, union)
    _join_prefixes(nodes, union)
    _join_country_bodies(nodes, union)


def _join_places(nodes: Sequence[Any], union: Any) -> None:
    first: dict[str, int] = {}
    for i, node in enumerate(nodes):
        if node.local.type is _L:
            key = place_key(node.local.name)
            if key in first:
                union.join(first[key], i)
            else:
                first[key] = i
    # place-spelling: long keys of several words a letter apart (a deletion of one letter each)
    near: dict[str, set[str]] = defaultdict(set)
    for key in first:
        if " " in key and len(key) >= 10:
            near[key].add(key)  # (a letter left out of the other)
            for k in range(len(key)):
                if key[k] != " ":
                    near[key[:k] + key[k + 1 :]].add(key)
    for keys in near.values():
        if len(keys) == 2:
            a, b = sorted(keys)
            if names.one_edit(a, b):  # (not "Zorb East" / "Zorb West": a letter off each)
                union.join(first[a], first[b])


def _words(name: str) -> list[str]:
    """The words an acronym is read off: capitalised ones, an acronym's letters for it ("U.S." -> "US")."""
    out = []
    for word in name.replace("-", " ").split():
        if names.is_acronym(word):
            out.append("".join(c for c in word if c.isalnum()))
        elif word[:1].isupper():
            out.append(word)
    return out


def _initials(words: Sequence[str]) -> str:
    return "".join(w if w.isupper() else w[0] for w in words).upper()


def _prefixes(acronym: str, words: Sequence[str]) -> bool:
    """Whether the acronym is the words' starts in order, one a word, each at least its first
    letter ('ZORCENTCOM' of Zorbic Central Command: ZOR + CENT + COM)."""
    acronym, lowered = acronym.lower(), [w.lower() for w in words]

    @cache
    def fits(a: int, w: int) -> bool:
        if w == len(lowered):
            return a == len(acronym)
        word = lowered[w]
        return any(fits(a + n, w + 1) for n in range(1, min(len(word), len(acronym) - a) + 1)
                   if acronym[a : a + n] == word[:n])

    return fits(0, 0)


def _acronym_of(node: Any) -> tuple[str, str] | None:
    """(number, acronym) of an organisation named by an acronym ('', 'ZQQC'), or by a
    unit's number and its acronym ('909th', 'AZW')."""
    local = node.local
    if local.type is not _O or local.name in lexicon.gazetteer():
        return None  # (a known acronym has its own forms: "ABC" is no "Acme Bread Company")
    words = local.name.split()
    if len(words) == 2 and _ORDINAL.match(words[0]) and names.is_acronym(words[1]) and words[1].isalpha():
        return words[0], words[1]
    if (len(words) == 1 and names.is_acronym(words[0]) and len(words[0]) >= 3
            and words[0].replace("-", "").isalpha()):  # ("ZTF-OQR": a unit's and its operation's)
        return "", words[0].replace("-", "")
    return None


def _long_words(node: Any) -> tuple[str, list[str]] | None:
    """(number, words) of an organisation's name of two words or more to read acronyms off."""
    local = node.local
    if local.type is not _O or names.is_acronym(local.name):
        return None
    parts = local.name.split()
    number = parts[0] if _ORDINAL.match(parts[0]) else ""
    words = _words(" ".join(parts[1:] if number else parts))
    return (number, words) if len(words) >= 2 else None


def _join_acronyms(nodes: Sequence[Any], union: Any) -> None:
    longs = [(i, w) for i, node in enumerate(nodes) if (w := _long_words(node)) is not None]
    by_initials: dict[tuple[str, str], set[int]] = defaultdict(set)
    by_article: dict[str, list[tuple[int, tuple[str, list[str]]]]] = defaultdict(list)
    for i, (number, words) in longs:
        by_initials[(number, _initials(words))].add(i)
        by_article[nodes[i].article].append((i, (number, words)))
    long_roots = {union.find(i) for i, _ in longs}
    for i, node in enumerate(nodes):
        acro = _acronym_of(node)
        if acro is None:
            continue
        number, acronym = acro
        targets = {union.find(j) for j in by_initials.get((number, acronym.upper()), ())}
        if not targets:  # in its article: the starts of the words ("CENT" + "COM"), a country's name before them
            targets = {union.find(j) for j, (num, words) in by_article[node.article]
                       if num == number and any(_prefixes(acronym, ws) for ws in _country_cut(words))}
        root = union.find(i)
        if len(targets) == 1 and (root not in long_roots or root in targets):
            union.join(next(iter(targets)), i)


def _join_prefixes(nodes: Sequence[Any], union: Any) -> None:
    """Rule acronym-prefix: in its article, an acronym is the one hyphenated acronym it opens
    ("CZTF releases" after "CZTF-OQR")."""
    hyphened: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, node in enumerate(nodes):
        name = node.local.name
        if node.local.type is _O and "-" in name and " " not in name and names.is_acronym(name):
            hyphened[(node.article, name.split("-", 1)[0])].add(i)
    if not hyphened:
        return
    for i, node in enumerate(nodes):
        if node.local.type is _O and (node.article, node.local.name) in hyphened:
            targets = {union.find(j) for j in hyphened[(node.article, node.local.name)]}
            if len(targets) == 1:
                union.join(next(iter(targets)), i)


_GOVERNMENT = re.compile(r"^(?:Federal|National|Central) (?=Government of )")
_AIM = re.compile(r" (?:to|for) |-")
_FILLERS = frozenset({"to", "the", "of", "for", "and", "global", "international"})


def _join_of_the(nodes: Sequence[Any], union: Any) -> None:
    """Rules org-of-the ("Department of the Zorbery" and "Department of Zorbery", "Federal
    Government of Zorbland" and "Government of Zorbland" are one body) and org-reordered (the
    same words in another order, with a name's aim: "Global Coalition to Counter Zorbism",
    "Counter-Zorbism Coalition"; a known name in any of its forms)."""
    first: dict[str, int] = {}
    reordered: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    for i, node in enumerate(nodes):
        if node.local.type is not _O:
            continue
        for form in (node.local.name, *node.local.aliases):
            if form.count(" ") > 1:
                key = names.fold(_GOVERNMENT.sub("", form.replace(" of the ", " of ").replace("Operation ", "")))
                if key in first:
                    union.join(first[key], i)
                else:
                    first[key] = i
            words = _content_words(form)
            if len(words) >= 3:
                reordered["|".join(sorted(words))].append((i, _AIM.search(form) is not None))
    for members in reordered.values():
        if len(members) > 1 and any(aim for _, aim in members):
            for j, _ in members[1:]:
                union.join(members[0][0], j)


_AIM_TO = re.compile(r"^(\S+(?: \S+)+?) to [A-Z]")  # the words before a name's aim: "Zorb Coalition" to Counter


def _join_aim_shorts(nodes: Sequence[Any], union: Any) -> None:
    """Rule org-aim-short: "Global Coalition" (two words or more) is the one body of the dossier
    named with those words and its aim, "Global Coalition to Counter Zorbism"."""
    aims: dict[str, set[int]] = defaultdict(set)
    for i, node in enumerate(nodes):
        if node.local.type is _O:
            for form in (node.local.name, *node.local.aliases):
                m = _AIM_TO.match(form)
                if m:
                    aims[names.fold(m.group(1))].add(i)
    if not aims:
        return
    for i, node in enumerate(nodes):
        if node.local.type is not _O:
            continue
        for form in (node.local.name, *node.local.aliases):
            targets = {union.find(j) for j in aims.get(names.fold(form), ())} if " " in form else set()
            if len(targets) == 1:
                union.join(next(iter(targets)), i)
                break


_OWNED = re.compile(r"^([A-Z][a-z]+)['’]s ([A-Z].+)$")


def _join_owner_demonyms(nodes: Sequence[Any], union: Any) -> None:
    """Rule owner-demonym: "Zorbia’s Security Forces" are the "Zorbian Security Forces" of the
    dossier (the owner's nationality word made the regular way: -n, -an, -ian, -i, -ese)."""
    owned = [(i, m) for i, node in enumerate(nodes) if node.local.type is _O and (m := _OWNED.match(node.local.name))]
    if not owned:
        return
    by_name: dict[str, set[int]] = defaultdict(set)
    for i, node in enumerate(nodes):
        if node.local.type is _O:
            by_name[names.fold(node.local.name)].add(i)
    for i, m in owned:
        word, rest = m.group(1).lower(), names.fold(m.group(2))
        stems = {word + "n", word + "an", word + "ian", word + "i", word + "ese"}
        targets = {union.find(j) for stem in stems for j in by_name.get(f"{stem} {rest}", ())}
        if len(targets) == 1:
            union.join(next(iter(targets)), i)


def _content_words(form: str) -> set[str]:
    out = set()
    for word in form.replace("-", " ").split():
        hit = lexicon.gazetteer().get(word)
        key = names.fold(hit[0] if hit else word)
        if key and key not in _FILLERS:
            out.add(key)
    return out


def _country_cut(words: list[str]) -> Iterable[list[str]]:
    yield words
    if len(words) > 2 and _is_country(words[0]):
        yield words[1:]


@cache
def _countries() -> frozenset[str]:
    return lexicon.geo_places()["country"] | {"United States", "United Kingdom"}


def _is_country(word: str) -> bool:
    hit = lexicon.gazetteer().get(word) or lexicon.gazetteer().get(_dotted(word))
    return hit is not None and hit[1] is _L and hit[0] in _countries()


def _dotted(word: str) -> str:
    return ".".join(word) + "." if word.isupper() and len(word) <= 3 else word


def _country_body(name: str) -> tuple[str, str] | None:
    """('U.S.', 'zorbal command') of "U.S. Zorbal Command": a country, then a body's name of two words or more."""
    words = name.split()
    for n in (1, 2, 3):
        if len(words) - n >= 2 and _is_country(" ".join(words[:n])):
            return " ".join(words[:n]), names.name_key(" ".join(words[n:]))
    return None


def _join_country_bodies(nodes: Sequence[Any], union: Any) -> None:
    bodies: dict[str, set[int]] = defaultdict(set)
    for i, node in enumerate(nodes):
        if node.local.type is _O and (cut := _country_body(node.local.name)) is not None:
            bodies[cut[1]].add(i)
    if not bodies:
        return
    for i, node in enumerate(nodes):
        local = node.local
        if local.type is not _O or len(local.name.split()) < 2 or _country_body(local.name) is not None:
            continue
        targets = {union.find(j) for j in bodies.get(names.name_key(local.name), ())}
        if len(targets) == 1:
            union.join(next(iter(targets)), i)
