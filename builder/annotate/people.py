"""Who may be whom: what an honorific and a given name say of a person, and when two
ways of naming someone cannot be one person.

"Mrs Doe" and "Baroness Doe" are women, "Mr Doe" and "Lord Doe" men; "Jane Doe" is a
woman and "John Doe" a man, and two given names (that are no short forms of one another,
as "Jim" is of "James") are two people. A peer or holder named by the title alone ("Lord
Doe") is only the person whose full name is written with that title ("Lord John Doe"): a
commoner of the surname may be anyone. These facts only ever keep names apart; joining
is left to whoever asks (in one article entities.py, across articles resolve.py).

The honorifics, the given names of each sex and the short forms of given names are data
(builder/data/people/).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from builder import regex_cache, wordlists
from builder.annotate import lexicon, names
from builder.model import EntityType

_DIR = "people"


@cache
def _honorifics() -> dict[str, tuple[str | None, str]]:
    """honorific (lower case, no dot) -> (gender or None, kind)."""
    table: dict[str, tuple[str | None, str]] = {}
    for line in wordlists.lines(f"{_DIR}/honorifics.txt"):
        word, gender, kind = line.lower().split()
        table[word] = (None if gender == "any" else gender, kind)
    return table


def honorific_genders() -> dict[str, str]:
    """Lower-case honorific that says its bearer's gender -> 'f' or 'm' ('mrs' -> 'f')."""
    return {word: gender[0] for word, (gender, _kind) in _honorifics().items() if gender}


@cache
def _hand_given(sex: str) -> frozenset[str]:
    return frozenset(w for line in wordlists.lines(f"{_DIR}/{sex}_names.txt") for w in line.lower().split())


@cache
def _given(sex: str) -> frozenset[str]:
    """The given names of one sex: the hand list, and those of the names made from
    maintained data (lexicon.given_name_sexes) that the other sex's hand list does not claim."""
    other = _hand_given("male" if sex == "female" else "female")
    made = {name for name, s in lexicon.given_name_sexes().items() if s == sex[0] and name not in other}
    return _hand_given(sex) | frozenset(made)


def given_genders() -> dict[str, str]:
    """Lower-case given name -> 'f' or 'm', for the names of one sex only."""
    return {**{w: "m" for w in _given("male")}, **{w: "f" for w in _given("female")}}


@cache
def _short_forms() -> dict[str, str]:
    """A given name's short form -> its full form ("jim" -> "james"); a full form to itself."""
    table: dict[str, str] = {}
    for line in wordlists.lines(f"{_DIR}/nicknames.txt"):
        full, *shorts = line.lower().split()
        table.setdefault(full, full)
        for short in shorts:
            table.setdefault(short, full)
    return table


def _word(word: str) -> str:
    return word.lower().rstrip(".")


def honorific_gender(word: str) -> str | None:
    """'male', 'female', or None when the word is no honorific or says nothing of it."""
    hit = _honorifics().get(_word(word))
    return hit[0] if hit else None


def is_honorific(word: str) -> bool:
    return _word(word) in _honorifics()


def is_peer(word: str) -> bool:
    """'Lord', 'Baroness', 'Lady': a title its holder is known by ("Lord Doe")."""
    hit = _honorifics().get(_word(word))
    return hit is not None and hit[1] == "peer"


def is_knight(word: str) -> bool:
    """'Sir', 'Dame': a title written with the given name ("Sir Jonathan")."""
    hit = _honorifics().get(_word(word))
    return hit is not None and hit[1] == "knight"


def given_gender(word: str) -> str | None:
    low = word.lower()
    if low in _given("female"):
        return "female"
    if low in _given("male"):
        return "male"
    return None


def given_key(word: str) -> str:
    """A key one person's given names share: 'Jim' and 'James' -> 'james'."""
    low = word.lower()
    return names.skeleton(_short_forms().get(low, low))


@cache
def known_givens() -> frozenset[str]:
    """The given names of either list, as written with a capital ('Jane')."""
    return frozenset(w.capitalize() for w in _given("female") | _given("male"))


def _same_given(a: str, b: str) -> bool:
    """Two given names one person may bear: equal but for spelling, or one a short form of
    the other ("Jim" / "James", "Bill" / "William")."""
    if names.skeleton(a) == names.skeleton(b) or names.close_spelling(a, b):
        return True
    forms = _short_forms()
    fa, fb = forms.get(a.lower()), forms.get(b.lower())
    return fa is not None and fa == fb


@lru_cache(maxsize=65536)
@cache
def honorific_words() -> str:
    """The honorifics of people/honorifics.txt as a regular expression alternation, longest
    first, capitalised as written before a name ('Mrs|Mr|Dr|...'), for patterns of other
    modules: one list of honorifics for the whole builder."""
    return "|".join(w.capitalize() for w in sorted(sorted(_honorifics()), key=len, reverse=True))


def without_honorifics(name: str) -> str:
    """The name without the honorifics before it, 'Doe' of 'Mrs Doe', 'Jane Doe' of 'Dr. Jane
    Doe'; a peer's or a royal's title stays ('Lord Doe' is no commoner Doe)."""
    hons, bare = split_honorifics(name)
    return name if hons and _honorifics()[_word(hons[-1])][1] in ("peer", "royal") else bare


def split_honorifics(name: str) -> tuple[tuple[str, ...], str]:
    """'Mrs Jane Doe' -> (('Mrs',), 'Jane Doe'); a name of honorifics only stays the name."""
    words = name.split()
    k = 0
    while k < len(words) - 1 and is_honorific(words[k]):
        k += 1
    return tuple(words[:k]), " ".join(words[k:])


_MIDDLE_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]$")


@lru_cache(maxsize=65536)
def middle_initials(name: str) -> str:
    """'hw' of 'George H. W. Doe', 'w' of 'George W. Doe': the initials between the given
    name and the surname, when every word there is an initial; '' when there are none, or
    when a middle name is written out ("Te Kauri Robert Doe" says nothing of "Te Kauri Doe")."""
    _, bare = split_honorifics(name)
    words = names.designation(bare)[0].split()
    if len(words) > 1 and words[-1].lower() in lexicon.name_suffixes():
        words = words[:-1]
    middle = words[1:-1]
    if not middle or not all(_MIDDLE_INITIAL.match(w) for w in middle):
        return ""
    return "".join(c for w in middle for c in w if c.isalpha()).lower()


@dataclass(frozen=True)
class Person:
    """What the names of one person (an article's mentions, or a dossier's article
    entities) say of them: genders, given names, peer titles with and without a full name."""

    genders: frozenset[str] = frozenset()
    givens: frozenset[str] = frozenset()
    peer_alone: frozenset[str] = frozenset()  # "lord" of "Lord Doe"
    peer_full: frozenset[str] = frozenset()  # "lord" of "Lord John Doe"
    middles: frozenset[str] = frozenset()  # "w" of "George W. Doe"; "?" of a name of two such people

    @classmethod
    def of(cls, name: str, honorifics: Iterable[str] = ()) -> Person:
        """One way of naming: 'Jane Doe', or 'Doe' with ('Mrs',), or 'Lord Doe'."""
        return _person(name, tuple(honorifics))

    @classmethod
    def _made(cls, name: str, honorifics: tuple[str, ...]) -> Person:
        written, bare = split_honorifics(name)
        hons = [_word(h) for h in (*honorifics, *written)]
        genders = {g for h in hons if (g := honorific_gender(h))}
        first, last, _ = names.person_parts(bare)
        givens: set[str] = set()
        if first and first != last and first[:1].isupper() and not names.is_surname_only(bare):
            givens.add(first)
            if (g := given_gender(first)) is not None:
                genders.add(g)
        peers = frozenset(h for h in hons if is_peer(h))
        middle = middle_initials(bare) if givens else ""
        return cls(frozenset(genders), frozenset(givens), frozenset() if givens else peers,
                   peers if givens else frozenset(), frozenset({middle}) if middle else frozenset())

    def __or__(self, other: Person) -> Person:
        if other == self or other == NOBODY:
            return self
        if self == NOBODY:
            return other
        return Person(self.genders | other.genders, self.givens | other.givens,
                      self.peer_alone | other.peer_alone, self.peer_full | other.peer_full,
                      self.middles | other.middles)


NOBODY = Person()
IN_DOUBT = object()  # what Bearers.pick gives for a surname of two people that nothing tells apart


@lru_cache(maxsize=65536)
def _person(name: str, honorifics: tuple[str, ...]) -> Person:
    return Person._made(name, honorifics)


def compatible(a: Person, b: Person) -> bool:
    """Whether the names behind a and b may name one person."""
    if len(a.genders | b.genders) > 1:
        return False
    if any(not _same_given(x, y) for x in a.givens for y in b.givens):
        return False
    if len(a.middles | b.middles) > 1:  # "George H. W. Doe" is not "George W. Doe"
        return False
    return _peer_fits(a, b) and _peer_fits(b, a)


def _peer_fits(a: Person, b: Person) -> bool:
    """A peer named by the title alone is a person of a full name only when that full name
    is written with the same title."""
    if not a.peer_alone or not b.givens:
        return True
    return bool(a.peer_alone & b.peer_full)


def person_of(forms: Iterable[tuple[str, Iterable[str]]]) -> Person:
    """The Person of many ways of naming: (name, honorifics) pairs."""
    out = NOBODY
    for name, hons in forms:
        out = out | Person.of(name, hons)
    return out


# --- in one article: which person a surname alone names ---------------------------------------


def _forms(founds: Iterable[Any]) -> Iterable[tuple[str, tuple[str, ...]]]:
    return ((f.name, (f.honorific,) if f.honorific else ()) for f in founds)


def _styled(found: Any) -> bool:
    """Whether the honorific before a one-word name settles whom it names: a plain
    honorific or a peer's title ("Mrs Doe", "Lord Doe"), not a knight's ("Sir Jonathan"
    is a given name)."""
    hit = _honorifics().get(_word(found.honorific or ""))
    return hit is not None and hit[1] in ("plain", "peer")


_SAID_PRONOUN = re.compile(r"\s+(?:(?:later|also|then|earlier|\w+ly)\s+)?"
                           r"(?:said|says|added|wrote|told \w+|explained|insisted)(?:\s+that)?\s+(she|he)\b")


def _pronoun_after(text: str, end: int) -> str | None:
    """'female' for "Doe said she would ...", 'male' for "Doe added that he ...": the
    pronoun of the clause the name reports (a hint between two people of a surname)."""
    m = _SAID_PRONOUN.match(text, end, end + 60)
    if m is None:
        return None
    return "female" if m.group(1) == "she" else "male"


def is_titled(words: Iterable[str]) -> bool:
    """A title, not a person's name: a function word written with a capital inside it
    ("An Audience With Jane Doe", "Tales Of The City")."""
    return any(w[:1].isupper() and w.lower() in lexicon.stopwords() and w.lower() not in lexicon.name_particles()
               for w in words)


class Bearers:
    """The people of one article by surname, and where each was last named: in full
    ("Jane Doe") or with an honorific ("Mrs Doe", "Lord Doe").

    `pick` gives a one-word name to the person of that surname named most recently before
    it (among those it may be: a woman's honorific never goes to a man), or, when none was
    named before it, to the first named after it (with an honorific, only to the one
    person of that sex). A surname alone ("Roe") goes to the person named most recently in
    full ("John Roe"), not to one named only with an honorific ("Mrs Roe", his wife), unless
    no one of the surname is named in full or its pronoun says so ("Roe said she").
    Groups are whatever holds the founds (entities.py's).
    """

    def __init__(self, groups: Iterable[Any], text: str = "") -> None:
        self._text = text  # the article's text, which the founds' offsets point into
        self._anchors: dict[str, list[tuple[int, Any]]] = {}
        self._styled: dict[str, list[tuple[int, Any]]] = {}  # namings with an honorific alone ("Mrs Roe")
        self._who: dict[int, Person] = {}
        for group in groups:
            self._who[id(group)] = person_of(_forms(group.founds))
            for found in group.founds:
                if len(found.words) > 1 and not is_titled(found.words):
                    for key in dict.fromkeys(names.surname_keys(found.name)):
                        self._anchors.setdefault(key, []).append((found.start, group))

    def bears(self, surname: str) -> bool:
        """Whether someone of the article is named in full with that surname."""
        return names.skeleton(surname) in self._anchors

    def pick(self, found: Any) -> tuple[bool, Any]:
        """(decided, group): decided when the surname has bearers here; group None then
        means a person of their own (no bearer may be the one named)."""
        key = names.skeleton(found.name)
        full = self._anchors.get(key, [])
        anchors = full + self._styled.get(key, [])
        if not anchors and found.honorific:
            anchors = full = self._misspelt(key, honorific_gender(found.honorific))
        if not anchors:
            return False, None
        me = Person.of(found.name, (found.honorific,) if found.honorific else ())
        fits = self._by_title(found, [(at, g) for at, g in anchors if compatible(me, self._who[id(g)])])
        fits = self._by_pronoun(found, fits)
        if not found.honorific and len(fits) > 1:
            in_full = {id(g) for _, g in full}  # a surname alone: the people named in full first
            fits = [(at, g) for at, g in fits if id(g) in in_full] or fits
        before = [(at, g) for at, g in fits if at <= found.start]
        if before:
            at, chosen = max(before, key=lambda pair: pair[0])
            return True, IN_DOUBT if self._in_doubt(found, at, chosen, before) else chosen
        hint = _pronoun_after(self._text, found.end)
        if hint:  # named before anyone: "Doe said she" is no man named after it
            me = me | Person(frozenset({hint}))
            fits = [(at, g) for at, g in fits if compatible(me, self._who[id(g)])]
        return True, self._named_after(me, fits)

    def _in_doubt(self, found: Any, at: int, chosen: Any, before: list[tuple[int, Any]]) -> bool:
        """Rule surname-in-doubt: of two people or more the surname may name, the one named
        most recently (at `at`) is no surer than the others when it was named in an earlier
        paragraph and another is named more often before the mention ("Jane Doe ... Doe ...
        Doe ...", then "Her father, John Doe, said ...", then in a new paragraph "support to
        Doe": the relative named in passing is no likelier than the subject). The same
        paragraph, or the one named most often, and it is that one."""
        if len({id(g) for _, g in before}) < 2 or self._text.find("\n", at, found.start) < 0:
            return False
        named = {id(g): sum(1 for f in g.founds if f.start < found.start) for _, g in before}
        return named[id(chosen)] < max(named.values())

    def _misspelt(self, key: str, gender: str | None) -> list[tuple[int, Any]]:
        """Rule misspelt-surname: "Ms Bauchtzorbmann" with no one of that surname named in full
        is the one person of a surname a letter apart (seven letters or more, the same first
        letter) whose given name is of the honorific's sex ("Lydia Buchtzorbmann")."""
        if gender is None or len(key) < 7:
            return []
        hits = [pair for other, pairs in self._anchors.items()
                if other[:1] == key[:1] and len(other) >= 7 and names.one_edit(key, other) for pair in pairs]
        groups = {id(g): g for _, g in hits}
        if len(groups) != 1 or self._who[next(iter(groups))].genders != {gender}:
            return []
        return hits

    @staticmethod
    def _by_title(found: Any, fits: list[tuple[int, Any]]) -> list[tuple[int, Any]]:
        """"Sen. Doe" is the one named with that title ("Senator Mark Doe"), never one who
        holds another ("Rep. Dana Doe")."""
        title = title_of(found.role)
        if title is None:
            return fits
        held = {id(g): {t for f in g.founds if (t := title_of(f.role))} for _, g in fits}
        return [(at, g) for at, g in fits if title in held[id(g)]] or [(at, g) for at, g in fits if not held[id(g)]]

    def _by_pronoun(self, found: Any, fits: list[tuple[int, Any]]) -> list[tuple[int, Any]]:
        """Between people of both sexes, "Doe said she would" keeps the woman (or, failing
        her, those of no known sex)."""
        hint = _pronoun_after(self._text, found.end)
        if not hint or len({id(g) for _, g in fits}) < 2:
            return fits
        return ([(at, g) for at, g in fits if self._who[id(g)].genders == {hint}]
                or [(at, g) for at, g in fits if not self._who[id(g)].genders] or fits)

    def _named_after(self, me: Person, fits: list[tuple[int, Any]]) -> Any:
        """A name written before anyone of the surname is named (a headline: "Doe to
        speak"): the first one named after it, the article's subject; with an honorific,
        only the one person of that sex."""
        if not fits:
            return None
        if me.genders:
            same = {id(g): g for _, g in fits if self._who[id(g)].genders == me.genders}
            return next(iter(same.values())) if len(same) == 1 else None
        return min(fits, key=lambda pair: pair[0])[1]

    def note(self, found: Any, group: Any) -> None:
        """`found` joined `group`: what its honorific says is the group's now, and an
        honorific naming counts as a naming for the mentions after it; a surname in doubt
        (rule surname-in-doubt) names no one."""
        if "surname-in-doubt" in found.evidence:
            return
        if not found.honorific and len(found.words) == 1:
            self._who.setdefault(id(group), NOBODY)  # a surname alone says nothing of anyone
            return
        self._who[id(group)] = self._who.get(id(group), NOBODY) | person_of(_forms([found]))
        if found.honorific and _styled(found):
            self._styled.setdefault(names.skeleton(found.name), []).append((found.start, group))


@cache
def _title_forms() -> dict[str, str]:
    """A title's short form -> its full form ("sen" -> "senator"), data/people/title_forms.txt."""
    table: dict[str, str] = {}
    for line in wordlists.lines(f"{_DIR}/title_forms.txt"):
        full, *shorts = line.lower().split()
        for form in (full, *shorts):
            table.setdefault(form, full)
    return table


@lru_cache(maxsize=4096)
def role_head(role: str) -> str:
    """What a role is, whoever's: its last word, a title's short form made full ('US
    President' and 'president' -> 'president', 'Sen.' and 'Senator' -> 'senator')."""
    words = names.fold(role).split()
    head = words[-1] if words else ""
    return _title_forms().get(head, head)


@cache
def _title_heads() -> frozenset[str]:
    titles = lexicon.titles()
    return frozenset(_title_forms().get(w.rstrip("."), w.rstrip(".")) for w in titles["head"] - titles["hon"])


def title_of(role: str | None) -> str | None:
    """The office a role before a name is ('senator' of "Sen."), None for a role that is no
    title ("his sister", "a former prosecutor")."""
    if not role:
        return None
    head = role_head(role)
    return head if head in _title_heads() else None


@cache
def character_verbs() -> frozenset[str]:
    """'stars', 'plays': before a given name alone, a character's (data/people/character_verbs.txt)."""
    return wordlists.words(f"{_DIR}/character_verbs.txt")


@cache
def _kunyas() -> frozenset[str]:
    return wordlists.words(f"{_DIR}/kunyas.txt")


def kunya_key(name: str) -> str | None:
    """'abu zorblatt' of "Abu Zorblatt" and of "Abu Zorblatt al-Quuxi": the kunya a name opens
    with (a kunya word and the name after it), which the kunya alone shares with the longer
    name; None for a name with none."""
    words = name.split()
    if len(words) < 2 or words[0].lower() not in _kunyas() or not words[1][:1].isupper():
        return None
    return names.name_key(" ".join(words[:2]))


def is_kinship(role: str) -> bool:
    """'Mr Doe's wife', 'her eldest son', 'the senator's widow': a role that is a family tie
    (its last word one of data/entities/kinship.txt)."""
    words = role.split()
    return bool(words) and re.sub(r"['’]s?$", "", words[-1].lower().strip(",.")) in lexicon.kinship()


_AND = re.compile(r"\s+and\s+")


def shared_surname(text: str, founds: list[Any]) -> None:
    """'Jane and John Doe': a given name alone before "and" and a person's given name and
    surname is named with that surname ("Jane" is Jane Doe, her own person). Only a given
    name of the lists (no common word where it opens a sentence), no known name, with no
    honorific."""
    givens, common = lexicon.given_names(), lexicon.common_words()
    order = sorted(founds, key=lambda f: f.start)
    for a, b in zip(order, order[1:]):
        if (len(a.words) != 1 or a.known or a.honorific or a.role_only or len(b.words) not in (2, 3) or b.known
                or b.role_only):
            continue
        first, given = a.name.lower(), b.words[0].lower()
        if (first in givens and (first not in common or not a.initial) and given in givens
                and names.skeleton(first) != names.skeleton(given) and _AND.fullmatch(text, a.end, b.start)):
            a.name = f"{a.name} {' '.join(b.words[1:])}"
            a.evidence.add("given-name")


@cache
@regex_cache.constants
def _two_honorifics() -> re.Pattern[str]:
    words = honorific_words().replace(".", r"\.")
    return re.compile(rf"(?:^|(?<=\s))({words})(\.?)\s+and\s+(?:{words})\.?\s+$")


def shared_honorific(text: str, founds: list[Any]) -> list[Any]:
    """Rule two-honorifics: "Mr and Mrs Doe" names two people, Mr Doe (his mention the word
    "Mr") and Mrs Doe: the founds with a mention added for the first honorific."""
    out = list(founds)
    for found in founds:
        if not found.honorific or len(found.words) != 1:
            continue
        m = _two_honorifics().search(text, max(0, found.start - 24), found.start)
        if m is None or honorific_gender(m.group(1)) == honorific_gender(found.honorific):
            continue
        out.append(replace(found, start=m.start(1), end=m.end(2), honorific=m.group(1) + m.group(2),
                           scores=dict(found.scores), evidence=set(found.evidence)))
    return sorted(out, key=lambda f: f.start) if len(out) > len(founds) else out


def glued_person(text: str, founds: list[Any]) -> list[Any]:
    """Rule org-then-person-surname: "Psychology major at Zorblatt University Quuxland Amneh
    Zorbari heard ...", in an article where "Zorbari" alone is a person ("Zorbari said she"):
    an institution's name of four words or more whose last word is that surname, after one
    rare capitalised word, is the institution and then the person (two founds)."""
    person = EntityType.PERSON
    surnames = {f.name for f in founds if f.scores.get(person, 0.0) >= 2 and " " not in f.name and not f.known
                and max(f.scores.values()) == f.scores[person]}
    if not surnames:
        return founds
    out = []
    for found in founds:
        if found.name.count(" ") < 3 or found.name.rpartition(" ")[2] not in surnames:
            out.append(found)
            continue
        words = found.words
        given = words[-2]
        if (found.known
                or not any(w.lower() in lexicon.org_words() for w in words[:-2])
                or not (given[:1].isupper() and given[1:].isalpha() and given[1:].islower())
                or given.lower() in lexicon.common_words() or given.lower() in lexicon.org_words()):
            out.append(found)
            continue
        at = text.rfind(given, found.start, found.end)
        head = text[found.start : at].rstrip()
        scores = dict(found.scores)
        scores[EntityType.ORG] = scores.get(EntityType.ORG, 0.0) + 2  # (an institution's word: a body)
        out.append(replace(found, end=found.start + len(head), name=" ".join(words[:-2]), scores=scores,
                           evidence=set(found.evidence)))
        out.append(replace(found, start=at, name=f"{given} {words[-1]}", scores={person: 2.5}, role=None,
                           acronym=None, base=None, evidence={"given-name", "mid-sentence"}))
    return out


def with_honorific(honorific: str | None, name: str) -> str:
    """'Mrs Doe' of ('Mrs', 'Doe'); '' without an honorific."""
    return f"{honorific} {name}" if honorific else ""


def styled(name: str, founds: Iterable[Any]) -> str:
    """A person named by one word keeps the honorific the article gives it ("Mrs Doe",
    "Lord Doe"), the commonest, peers' titles first; a full name is the name."""
    if len(names.designation(name)[0].split()) > 1:
        return name  # (but a peer's "Smith of Basildon" keeps the title: "Baroness Smith of Basildon")
    counts: dict[str, int] = {}
    for found in founds:
        if found.honorific and _styled(found):
            counts[found.honorific] = counts.get(found.honorific, 0) + 1
    if not counts:
        return name
    best = max(counts, key=lambda h: (is_peer(h), counts[h], h))
    return f"{best} {name}"
