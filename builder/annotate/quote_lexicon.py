"""The word lists of quote extraction (builder/data/quotes/), compiled once."""
from __future__ import annotations

import re
from functools import cache

from builder import regex_cache, wordlists
from builder.annotate import people


def _list(name: str) -> frozenset[str]:
    return wordlists.words(f"quotes/{name}.txt")


@regex_cache.constants
def _alternation(phrases: frozenset[str] | set[str]) -> re.Pattern[str]:
    """Any of the phrases as a whole word, longest first, in any case, any spaces inside."""
    body = caseless_body(sorted(sorted(phrases), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def caseless_body(ordered: list[str]) -> str:
    """The alternation of phrases (in this order, any spaces inside) for a regex that
    ignores case, grouped by their first letter ("c(?:hief executive|ouncillor)|..."): the
    regex engine tries each phrase where the text has its first letter only. It matches as
    the plain alternation does: with the case ignored, only the phrases of one first letter
    can match at one place, and in a group they keep their order."""
    def piece(text: str) -> str:
        return re.escape(text).replace(r"\ ", r"\s+")

    if not all(p[:1].isascii() and p[:1].strip() for p in ordered):
        return "|".join(piece(p) for p in ordered)
    groups: dict[str, list[str]] = {}
    for phrase in ordered:
        groups.setdefault(phrase[0].lower(), []).append(piece(phrase[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


@cache
def cue_pattern() -> re.Pattern[str]:
    """Reporting verbs and phrases: said, told, according to, ..."""
    return _alternation(_list("cues"))


@cache
def inverted_cue_pattern() -> re.Pattern[str]:
    """Cues that may stand before their speaker: '..., said Jane Doe.'"""
    return _alternation(_list("inverted_cues"))


@cache
def speaker_after() -> frozenset[str]:
    """Cues that name their speaker after them: 'according to', 'in the words of'."""
    return _list("speaker_after")


@cache
def speaker_after_pattern() -> re.Pattern[str]:
    return _alternation(speaker_after())


@cache
def naming_words() -> frozenset[str]:
    return _list("naming")


@cache
def work_words() -> frozenset[str]:
    """Nouns for works with titles: 'book', 'film', 'album'."""
    return _list("works")


@cache
def not_subject_words() -> frozenset[str]:
    return _list("not_subject")


@cache
def pronouns() -> dict[str, tuple[str, str | None]]:
    """Pronoun -> (what it stands for, gender or None)."""
    table: dict[str, tuple[str, str | None]] = {}
    for line in _list("pronouns"):
        word, kind, *gender = line.split()
        table[word] = (kind, gender[0] if gender else None)
    return table


@cache
def pronoun_pattern() -> re.Pattern[str]:
    return _alternation(set(pronouns()))


@cache
def roles() -> dict[str, str]:
    """Role phrase -> the canonical phrase of its synonyms ('spokesman' -> 'spokesperson')."""
    table: dict[str, str] = {}
    for line in _list("roles"):
        names = [n.strip() for n in line.split("|")]
        for name in names:
            table.setdefault(name, names[0])
    return table


@cache
def role_pattern() -> re.Pattern[str]:
    return _alternation(set(roles()))


@cache
def civic_nouns() -> dict[str, tuple[str, ...]]:
    """Common noun for a local government ('city') -> words of the names it may stand for."""
    table = {}
    for line in wordlists.lines("quotes/civic_nouns.txt"):
        noun, words = (part.strip() for part in line.split("|", 1))
        table[noun.lower()] = tuple(w.strip().lower() for w in words.split(",") if w.strip())
    return table


@cache
def civic_pattern() -> re.Pattern[str]:
    return _alternation(set(civic_nouns()))


@cache
def anonymity_pattern() -> re.Pattern[str]:
    """Words that say their sentence's speaker is not named ('on condition of anonymity')."""
    return _alternation(_list("anonymous"))


@cache
def org_noun_pattern() -> re.Pattern[str]:
    return _alternation(_list("org_nouns"))


@cache
def document_pattern() -> re.Pattern[str]:
    return _alternation(_list("documents"))


@cache
def small_words() -> frozenset[str]:
    """Small words of a title in Title Case ('of', 'the')."""
    return _list("small_words")


@cache
def genders() -> dict[str, str]:
    """Lower-case word (honorific, gendered noun, given name) -> 'f' or 'm'. The honorifics
    and given names are those the entity resolver reads (people.given_genders); the nouns ('father',
    'spokeswoman') are quotes/gendered_nouns.txt."""
    table = people.given_genders()  # (the hand lists and the names made from maintained data)
    table.update(people.honorific_genders())
    for line in wordlists.lines("quotes/gendered_nouns.txt"):
        word, sex = line.lower().split()
        table[word] = sex
    return table


@cache
def not_name_words() -> frozenset[str]:
    return _list("not_names")


@cache
def org_voices() -> frozenset[str]:
    """Canonical roles that speak for an organisation ('a spokesperson said')."""
    return _list("org_voices")


@cache
def after_modifier() -> frozenset[str]:
    """Words after a short quoted fragment that keep it a quote ('called it "tight" and left')."""
    return _list("after_modifier")


@cache
def introducers() -> frozenset[str]:
    """Words that end a clause introducing a quote after a comma ('a sign that read,')."""
    return _list("introducers")


@cache
def question_pattern() -> re.Pattern[str]:
    """A verb of asking ('asked', 'pressed'): its object may be the one who answers."""
    return _alternation(_list("question_verbs"))


@cache
@regex_cache.constants
def other_office_before() -> re.Pattern[str]:
    """A word ending the text that makes the role after it another office or a past one
    ('the deputy ', 'former ', 'ex-'): quotes/other_office.txt."""
    body = caseless_body(sorted(sorted(_list("other_office")), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?:\s+|-)$", re.IGNORECASE)
