"""Names of works, products, missions and studios told by the words around them, where the
name's own words say nothing of its type: a title in quotation marks ("Tower Zorb"), a
title and its subtitle ("Star Zorb: The Long Night"), a title with its kind after it ("Zorb
Lanterns, a quiet drama"), an actor named in brackets after the character ("Mara (Jane
Doe)"), a mission ("the ZX-4 mission"), a studio named by "Games" without "the" ("from Zorb
Games"), a known firm's product ("Acme Halo"). (Not a capitalised "The" mid-sentence: bands,
groups and straits take it as often as titles, "The Zorb Underground", "The Solent".)

A rule row: (id, the evidence rule it adds, scope, the type it scores, weight, trigger,
example); the rows run in one loop over the founds of a block (after candidates.find), in
file order, and a name takes the first row that fires. A row of scope "shape" fires only on
a name whose own evidence is its shape (no title, given name, head or known name decides
it), so names the rules of candidates.py type with reason are left alone.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from builder import wordlists
from builder.annotate import lexicon
from builder.annotate.candidates import Found, best_type
from builder.model import EntityType

P, O, E, R, X = EntityType.PERSON, EntityType.ORG, EntityType.EVENT, EntityType.PRODUCT, EntityType.OTHER

_OPEN_QUOTES = "“\"‘'«"
_CLOSE_QUOTES = "”\"’'»"
_NONSPACE = re.compile(r"\S")  # (something before a name in its block: it does not open the block)
_SHAPE_SCORE = 2.0  # a type scored this much or more comes from a cue, not from the name's shape
_SUBTITLE = re.compile(r"^:\s+(?:The\s+|A\s+|An\s+)?$")
_CAST = re.compile(r"(?:^|[^\w])([A-Z][\w’'-]+)\s+\($")
_MISSION = frozenset({"mission", "missions", "flight", "spaceflight"})
_STUDIO_WORDS = frozenset({"games"})
_DAYS = frozenset(wordlists.weekdays())
_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})


class Context(NamedTuple):
    """A name in its block: the text before and after it, and the founds around it."""

    found: Found
    text: str
    before: str  # up to 40 characters before the name
    after: str  # up to 60 characters after it
    prev: Found | None
    nxt: Found | None


class WorkRule(NamedTuple):
    id: str
    evidence: str
    scope: str  # the names it reads: "shape" (_shape_only), "plain" (_plain) or "any" (not known)
    type: EntityType
    weight: float
    trigger: Callable[[Context], bool]
    example: str  # a text with the name the row is about in [brackets]


def _quoted(c: Context) -> bool:
    """The whole name, and nothing else, in quotation marks: a title ("Tower Zorb"); not a
    name's other name ('also called “Zorb-West”', 'known as "Zorb"')."""
    return (c.before[-1:] in _OPEN_QUOTES and c.after[:1] in _CLOSE_QUOTES and c.after[:2] not in ("'s", "’s")
            and _ALIAS_BEFORE.search(c.before) is None)


_ALIAS_BEFORE = re.compile(r"\b(?:called|known as|dubbed|nicknamed|named|alias|aka)\s*.$")


def _before_subtitle(c: Context) -> bool:
    """'Star Zorb: The Long Night': a title, a colon and a capitalised subtitle right after it,
    in running text (not a label opening the block: "Media enquiries: Press Office")."""
    return (c.nxt is not None and _SUBTITLE.match(c.text[c.found.end : c.nxt.start]) is not None
            and _NONSPACE.search(c.text, 0, c.found.start) is not None and _plain(c.nxt) and not _headed(c.nxt) and not _headed(c.found))


def _subtitle(c: Context) -> bool:
    """The subtitle of such a title: part of the title's name, no name of its own."""
    return (c.prev is not None and _SUBTITLE.match(c.text[c.prev.end : c.found.start]) is not None
            and _NONSPACE.search(c.text, 0, c.prev.start) is not None and _plain(c.prev) and not _headed(c.prev) and not _headed(c.found))


def _kind_after(c: Context) -> bool:
    """'Zorb Lanterns, a quiet drama about ...': the kind of work right after the name."""
    return _KIND_AFTER.match(c.after) is not None


_GENRES = frozenset({"drama", "comedy", "thriller", "documentary", "game", "novel", "sequel", "prequel",
                     "franchise", "memoir", "musical", "sitcom", "miniseries", "western", "romance", "remake"})
# ", a quiet drama about", ", the novel that": the kind of work, then no more noun ("a film company")
_KIND_AFTER = re.compile(r"^(?:,|\s+is|\s+was)\s+(?:an?|the|her|his|their|its|no)\s+(?:[a-z’'-]+,?\s+){0,3}?(?:%s)(?=[,.;:)]|\s*[—–]|\s+(?:about|by|from|"
                         r"that|which|who|set|starring|directed|written|based|of|on|in|with|for|where|whose)\b)"
                         % "|".join(sorted(lexicon.work_nouns() | _GENRES, key=len, reverse=True)))


_OWNED_THE = re.compile(r"[’']s\s+The\s+$")


def _owned_the(c: Context) -> bool:
    """"Jane Doe’s The Zorb Project": a capitalised "The" after a person's possessive opens a
    work's title (its maker's); its weight outweighs the name's words in every other mention
    ("Project", "Institute" in a film's title)."""
    return (c.prev is not None and _OWNED_THE.search(c.before) is not None
            and c.text[c.prev.end : c.found.start].strip(" ’'s") == "The" and best_type(c.prev.scores) is P)


def _of_person(c: Context) -> bool:
    """'Jane Doe of Zorb Zorb': a person's name, "of" and a name with no title of its own: the
    band, firm or party the person belongs to, no person (not a town of the lists: "Jane Doe of
    Kettering"; not a peer's seat: "Lord Bell of Anytown")."""
    prev = c.prev
    return (prev is not None and c.text[prev.end : c.found.start] == " of " and best_type(prev.scores) is P
            and bool(prev.evidence & {"given-name", "title", "role"}) and not prev.honorific  # (a peer's seat: "Lord Bell of Anytown")
            and not c.found.evidence & {"title", "place-name"} and not c.found.honorific)


def _cast(c: Context) -> bool:
    """'Mara (Jane Zorb)': a name of two or three words alone in brackets right after a
    one-word name (a character and the actor who plays them)."""
    character = _CAST.search(c.before)
    return (2 <= len(c.found.words) <= 3 and c.after[:1] == ")" and character is not None
            and not character.group(1).isupper()
            and _NONSPACE.search(c.text, 0, c.found.start - len(character.group(0))) is not None
            and not re.match(r"^\)\s*[-—–]", c.after))  # (not a dateline: "ZORBVILLE (Acme Wire) —")


def _mission(c: Context) -> bool:
    """'the ZX-4 mission', 'its final mission will be ZX-4', 'ZX-4, its 39th mission': a
    designator named as a mission, in the words around it (an event; its weight outweighs a
    model's shape in every other mention of the article: one mission named so is all of them)."""
    if "-" not in c.found.name or not any(ch.isdigit() for ch in c.found.name):
        return False
    near = re.split(r"[.;!?]\s", c.before)[-1] + " " + re.split(r"[.;!?]\s", c.after)[0]
    return any(w in _MISSION for w in re.findall(r"[a-z]+", near))


def _studio(c: Context) -> bool:
    """'from Zorb Games': "Games" ends a firm's name when no "the" or owner comes before it
    (the events take them: "the Commonwealth Games", "Jane Doe's Zorb Games")."""
    words = c.found.words
    return (len(words) > 1 and words[-1].lower() in _STUDIO_WORDS
            and re.search(r"(?:\bthe\s+(?:[\w’'-]+\s+)?|[’']s\s+)$", c.before, re.IGNORECASE) is None
            and words[0].lower() not in lexicon.common_words() and words[0].lower() not in lexicon.demonyms())


def _product_of_known_firm(c: Context) -> bool:
    """'the Acme Halo': a known firm's name and one or two words of no institution, place or
    channel, event or law: a product of the firm (not "BBC Four", "Acme News", "Acme UK", "Acme Summit"),
    nor of an outlet (sources/media_words.txt: "BBC Breakfast", a programme)."""
    words = c.found.words
    if len(words) < 2 or "place-prep" in c.found.evidence:  # "down the street from Acme World": a place
        return False
    table = lexicon.gazetteer()
    for cut in (2, 1):
        if len(words) <= cut or len(words) - cut > 2:
            continue
        hit = table.get(" ".join(words[:cut]))
        if hit is None or hit[1] is not O:
            continue
        if any(w.lower() in lexicon.media_words() for w in words[:cut]):
            return False  # a broadcaster's channel or programme ("BBC Breakfast"), no product
        rest = [w.lower() for w in words[cut:]]
        return not any(w in lexicon.org_words() or w in lexicon.newspaper_words() or w in _NUMBER_WORDS or w in _DAYS
                       or w in lexicon.member_nouns() or w in wordlists.words("entities/not_product_tails.txt")
                       or w in lexicon.place_words() or w in lexicon.work_words() or w.isupper()
                       or w in lexicon.events()["end"] or w in lexicon.law_words()
                       for w in rest) and not lexicon.is_town_or_region(" ".join(words[cut:]))
    return False


RULES: tuple[WorkRule, ...] = (
    WorkRule("work-subtitle", "subtitle", "plain", X, 3, _subtitle, "They played Star Zorb: The [Long Night] all day."),
    WorkRule("work-before-subtitle", "work-title", "plain", X, 4, _before_subtitle,
             "They played [Star Zorb]: The Long Night."),
    WorkRule("work-quoted", "work-title", "shape", X, 3, _quoted, "Fans of “[Tower Zorb]” queued."),
    WorkRule("work-kind-after", "work-title", "shape", X, 3, _kind_after, "She made [Zorb Lanterns], a quiet drama."),
    WorkRule("work-kind-after-named", "work-title", "any", X, 1, _kind_after,
             "[Jane Zorb], a quiet drama about a lodger, opens today."),  # (a person's name too: confirm.py doubts it)
    WorkRule("work-owned-the", "work-title", "any", X, 20, _owned_the, "She loved Jane Doe’s The [Zorb Project]."),
    WorkRule("of-person", "employer", "any", O, 3, _of_person, "The singer Jane Doe of [Zorb Zorb] left."),
    WorkRule("cast-brackets", "cast", "shape", P, 3, _cast, "The widow Mara ([Silver Hammer]) takes a lodger."),
    WorkRule("mission", "mission", "any", E, 20, _mission, "The [ZX-4] mission was delayed."),
    WorkRule("studio", "studio", "any", O, 6, _studio, "The hit from [Zorb Games] is out."),
    WorkRule("known-firm-product", "brand-product", "any", R, 5, _product_of_known_firm, "She bought the [Google Zorb]."),
)


def _headed(found: Found) -> bool:
    """An institution's or a place's word says what it is ("Zorb: The Acme Party held it")."""
    return bool(found.evidence & {"org-head", "place-head"})


def _plain(found: Found) -> bool:
    """No known name, no title, honorific or given name: a name that may be a title's."""
    return not found.known and not found.role and not found.honorific and not found.evidence & {"title", "given-name"}


def _shape_only(found: Found) -> bool:
    """Nothing but the name's shape says what it is: no known name, no title, no given name,
    no head or cue scored it."""
    return not found.known and not found.role and not found.honorific and (
        max(found.scores.values(), default=0.0) < _SHAPE_SCORE)


def mark(text: str, founds: list[Found]) -> None:
    """Score the founds of a block (offsets in `text`) by the first row of RULES that fires
    (every row is read before any is applied: one name's row does not change another's)."""
    order = sorted(founds, key=lambda f: f.start)
    fired: list[tuple[Found, WorkRule]] = []
    for n, found in enumerate(order):
        if found.known or _common_word(found) and not found.honorific:  # ("Lady Bird": a title's word and a name)
            continue
        scopes = {"any", "plain"} if _plain(found) else {"any"}
        if "plain" in scopes and _shape_only(found):
            scopes.add("shape")
        elif "plain" not in scopes and not _any_row_may_read(found) and not _text_may_read(text, found):
            continue  # (a titled or given-named person: only the "any" rows could read it, and none will)
        context = Context(found, text, text[max(0, found.start - 40) : found.start], text[found.end : found.end + 60],
                          order[n - 1] if n else None, order[n + 1] if n + 1 < len(order) else None)
        rule = next((rule for rule in RULES if rule.scope in scopes and rule.trigger(context)), None)
        if rule is not None:
            fired.append((found, rule))
    for found, rule in fired:
        found.add(rule.type, rule.weight, rule.evidence)


def _any_row_may_read(found: Found) -> bool:
    """A cheap first look for the rows of scope "any": a designator, "Games", a known name first."""
    words = found.words
    table = lexicon.gazetteer()
    return "-" in found.name or words[-1].lower() in _STUDIO_WORDS or len(words) > 1 and (
        words[0] in table or " ".join(words[:2]) in table)


def _text_may_read(text: str, found: Found) -> bool:
    """A cheap first look at the text for the rows of scope "any": a kind of work after the name
    (", a", " is a"), a capitalised "The" before it."""
    after = text[found.end : found.end + 5]
    before = text[max(0, found.start - 4) : found.start]
    return after.startswith((", a", ", the", " is ", " was ")) or before == "The " or before == " of "


def _common_word(found: Found) -> bool:
    """One common word ("Hope", "Portal"): no row says it is a title rather than a word."""
    return " " not in found.name and found.name.lower() in lexicon.common_words()
