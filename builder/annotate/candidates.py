"""Name candidates of one block: spans cut into titles, known places, nationality words and
names, each name scored for its type by the words around it.

Nothing here looks beyond one block except `Seen`, the words the article writes capitalised
in mid-sentence (so a capitalised sentence opener can be told from a name).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import compress, count, islice
from operator import attrgetter
from typing import Any, NamedTuple

from builder import wordlists
from builder.annotate import evidence, lexicon, names, people
from builder.annotate.spans import ORDINAL, Span, Token, dateline, numbered_laws, spans, tokens
from builder.model import EntityType

P, O, L, R, E = EntityType.PERSON, EntityType.ORG, EntityType.PLACE, EntityType.PRODUCT, EntityType.EVENT
_KEEP_OF = lexicon.of_heads()["keep"] | lexicon.of_heads()["place"]
_WATERS = lexicon.of_heads()["place"]
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{0,3}|IX|X)$")
_DOMAIN = re.compile(r"^[A-Z][\w-]*\.(?:[A-Z][a-z]{1,3}|com|net|org|io|co|ru|ua|uk|az|news)$")
_ACRONYM_DEF = re.compile(r"^\s*\(([A-Z][A-Za-z&.]{1,10})\)")
_APPOSITIVE = re.compile(r"^,\s+([^,.;:“”\"()]{3,100}?)(?=[,.;:]|\s+(?:said|says|told|added)\b)")
_ORDER = (P, O, R, E, L, EntityType.OTHER)
_PLACE_BEFORE = lexicon.place_prepositions()
_LEADING_CONNECTORS = frozenset(lexicon.connectors()) | {"the"}


class Seen(NamedTuple):
    """Capitalised words of the whole article, outside sentence openings."""

    words: frozenset[str]  # every such word ("Garland" in "Merrick Garland")
    starts: frozenset[str]  # those that open a name ("Kremlin" in "the Kremlin said")
    ends: frozenset[str] = frozenset()  # those that end a name ("Garland", and "Apple" in "shares of Apple fell")


NOTHING_SEEN = Seen(frozenset(), frozenset())


@dataclass(slots=True)
class Found:
    """One name in a block, with offsets in the block's text."""

    start: int
    end: int
    name: str
    scores: dict[EntityType, float] = field(default_factory=dict)
    known: bool = False  # from the gazetteer: name and type are settled
    role: str | None = None
    acronym: str | None = None  # an acronym defined right after it: "... (NTSB)"
    evidence: set[str] = field(default_factory=set)  # ids of the rules (evidence.py) that say it is a name
    initial: bool = False  # it opens a sentence (its capital says nothing)
    honorific: str | None = None  # the honorific written before a person's name: "Mrs", "Lord"
    outer: int = 0  # where its mention ends, when that covers more than the name ("Zorblatt, Texas": joins.py)
    base: str | None = None  # its name without its owner ("Defence Ministry" of "Zorbland's Defence Ministry")
    # a capitalised role written with no name ("The Foreign Secretary said"): "mention" when it
    # stands for its holder, "portfolio" when a subject follows it ("Minister for Health")
    role_only: str | None = None

    def add(self, etype: EntityType, weight: float, rule: str | None = None) -> None:
        self.scores[etype] = self.scores.get(etype, 0.0) + weight
        if rule:
            self.evidence.add(rule)

    @property
    def words(self) -> list[str]:
        return self.name.split()


# a share's code in brackets right after a name: "(ZORB.N)", "(1234.T)", "(ZORB_pb.SN)", "(NYSE: ZORB)"
_TICKER_AFTER = re.compile(r" \((?:(?:NYSE|Nasdaq|NASDAQ|LSE|TSX|ASX|NYSE American|HKEX|Euronext)\s*:\s*[A-Z][A-Z.]{0,7}"
                           r"|[A-Z0-9]{1,6}(?:_[a-z]{1,3})?\.[A-Z]{1,3})\)")


def best_type(scores: dict[EntityType, float]) -> EntityType:
    """The type with the highest score; ties go to the earlier type in _ORDER."""
    if not scores:
        return EntityType.OTHER
    if len(scores) == 1:  # (most names: no loop)
        ((etype, score),) = scores.items()
        return etype if score > 0 or etype is _ORDER[0] else _ORDER[0]
    best, top = _ORDER[0], scores.get(_ORDER[0], 0.0)
    for etype in _ORDER[1:]:
        score = scores.get(etype, 0.0)
        if score > top:
            best, top = etype, score
    return best


# --- cutting a span -----------------------------------------------------------


def gazetteer_at(toks: Span, i: int) -> tuple[int, str, EntityType] | None:
    """The longest gazetteer name at token i: (its end, canonical name, type)."""
    if 0 <= i < len(toks):  # only as many words as the longest name that opens with the word
        word = toks[i].text
        reach = lexicon.gazetteer_reach()
        span = reach.get(word, 0)
        article = _capital_article(word) if "-" in word[1:4] else ""
        if word.isupper():  # (an all-capitals name is looked up in Title Case too)
            span = max(span, reach.get(word.title(), 0))
        if article:  # (and with its article in lower case: "al-Zorb" for "Al-Zorb")
            span = max(span, reach.get(article + word[len(article) :], 0))
        if not span:
            return None  # (most words: no table asked)
    else:
        article = _capital_article(toks[i].text) if i < len(toks) and "-" in toks[i].text[1:4] else ""
        span = lexicon.gazetteer_span()
    table = lexicon.gazetteer()
    for j in range(min(len(toks), i + span), i, -1):
        text = " ".join([t.text for t in toks[i:j]])
        hit = table.get(text) or (table.get(text.title()) if text.isupper() and len(text) > 3 else None) or (
            table.get(article + text[len(article) :]) if article else None)
        if hit:
            return j, hit[0], hit[1]
    return None


def _capital_article(word: str) -> str:
    """'al' of "Al-Zorb": an Arabic article written with a capital (a sentence's first word, or
    another spelling), so that a name the gazetteer writes "al-Zorb" is found too; '' if none."""
    head, dash, _ = word.partition("-")
    return head.lower() if dash and head[:1].isupper() and head.lower() in lexicon.hyphen_words()["article"] else ""


def _demonym_at(toks: Span, i: int) -> int:
    for j in (i + 2, i + 1):
        if j <= len(toks) and " ".join(t.lower for t in toks[i:j]) in lexicon.demonyms():
            return j
    if i + 1 < len(toks) and toks[i].lower in _COMPASS and toks[i + 1].lower in lexicon.demonyms():
        return i + 2  # "North African", "South Korean"
    return 0


def _title_at(toks: Span, i: int) -> int:
    """The end of the longest title starting at i ("Deputy Prime Minister"), 0 if none."""
    kinds = lexicon.titles()
    heads, mods, ofs = kinds["head"], kinds["mod"], kinds["of"]
    end, j = 0, i
    while j < len(toks):
        word = toks[j].lower
        if word in heads:
            end = j + 1
        elif word not in mods:
            break
        j += 1
        if end == j and j < len(toks) and toks[j].lower == "of":
            for k in range(min(len(toks), j + 4), j + 1, -1):
                if " ".join(t.lower for t in toks[j + 1 : k]) in ofs:
                    end = j = k
                    break
    return end


@cache
def _heads_of() -> frozenset[str]:
    """Words that keep an 'of' after them inside a name ("Bank of England", "Secretary of State",
    "Law of the Sea", "Battle of Zorblatt", "War of Independence")."""
    return (lexicon.org_words() | lexicon.titles()["head"] | lexicon.place_words() | lexicon.law_words() | _KEEP_OF
            | lexicon.events()["start"] | {"war"})


_ADJECTIVE_TITLES = lexicon.titles()["adjective"]


def _one_titled_name(span: Span) -> bool:
    """'Prevention of Terrorism Bill', 'Freedom of Information Act': common words, 'of', and a
    name that ends in a law's or an institution's word are one name."""
    last = span[-1].lower
    if len(span) < 3 or (last not in lexicon.law_words() and last not in lexicon.org_words()
                         and last not in lexicon.events()["end"]):
        return False
    words = [t.lower for t in span]
    if "of" not in words[1:-1]:
        return False
    head = span[: words.index("of")]
    town = gazetteer_at(head, 0) if len(head) > 1 and last in lexicon.events()["end"] else None
    if town is not None and town[0] == 1 and town[2] is L:
        head = head[1:]  # "the Zorbville Century of Progress Exposition": an event named with its town
    return all(t.lower in lexicon.common_words() and t.lower not in lexicon.given_names() and t.text[:1].isupper()
               and not names.is_acronym(t.text) for t in head)


def _split_of(span: Span) -> list[Span]:
    """Split at 'of'/'for' unless the word before heads a name ("Bank of England"), or the
    name goes on from an institution's "of the" or "for the" ("Council for the Welfare of
    Zorblatt": rule institution-of-the)."""
    if _one_titled_name(span) or lexicon.treaty_on([t.lower for t in span[:4]] + ["-"]):
        return [span]  # (and "Convention on the Rights of the Zorb": one treaty's name)
    out = []
    for part in _of_parts(span):
        while part and part[0].lower in _LEADING_CONNECTORS and not part[0].text[0].isupper():
            part = part[1:]
        if part:
            out.append(tuple(part))
    return out


def _of_parts(span: Span) -> list[list[Token]]:
    """The span's words, split at each 'of' or 'for' that is no part of a name."""
    parts: list[list[Token]] = [[]]
    keep = _heads_of()
    formal = False  # past an institution's "of the", "for the"
    subject = False  # past an institution's own "of" or "for" ("Centre for Control")
    for k, tok in enumerate(span):
        if tok.lower == "of" and len(parts[-1]) == 2 and people.is_peer(parts[-1][0].text):
            parts[-1].append(tok)  # "Baroness Smith of Basildon": the place a peer's title is of
            continue
        if tok.lower in ("of", "for") and parts[-1] and parts[-1][-1].lower not in keep and not formal and not (
                subject and tok.lower == "of" and _subject_goes_on(span, k + 1)):
            parts.append([])
            continue
        subject = subject or (tok.lower in ("of", "for") and k > 0 and span[k - 1].lower in lexicon.org_words())
        formal = formal or (tok.lower == "the" and k > 1 and span[k - 1].lower in ("of", "for")
                            and span[k - 2].lower in lexicon.org_words())
        parts[-1].append(tok)
    return parts


def _subject_goes_on(span: Span, k: int) -> bool:
    """Rule institution-subject-of: after "Zorblatt Centre for Control", "of" and what follows
    are the subject's ("... of Iodine Deficiency Disorders"), unless a known place or a
    person's given name follows ("Department of Health of Kenya": where it is)."""
    return k < len(span) and span[k].text[:1].isupper() and not gazetteer_at(span, k) and not (
        span[k].lower in lexicon.given_names() and span[k].lower not in lexicon.common_words())


def _opener_is_name(toks: Span, seen: Seen) -> bool:
    """Whether the capitalised first word of a sentence belongs to a name."""
    first = toks[0]
    word = first.lower
    if gazetteer_at(toks, 0):
        return True
    if word in lexicon.stopwords() or _contraction(first.text) or word in _COUNT_OPENERS:
        return False  # (and "Two Acme jets": a count opens the sentence)
    if names.is_acronym(first.text):
        return True
    if first.text in seen.words and (len(toks) > 1 or first.text in seen.ends or word not in lexicon.common_words()):
        return True  # (a common word seen only opening a longer name is no name alone: "Coral reefs ...")
    if word in lexicon.demonyms() or _title_at(toks, 0):
        return True
    if word in lexicon.common_words() or word.endswith("ly") or _common_compound(word) or word in lexicon.titles()["mod"]:
        return _common_opener_is_name(toks, seen)  # (a title's modifier is a common word: "Backbench Tory Jane Doe")
    return True


def _common_opener_is_name(toks: Span, seen: Seen) -> bool:
    """Whether a common word that opens a sentence opens a name: only before another
    capitalised word, and not before a title, a known name or a person's given name."""
    word = toks[0].lower
    if len(toks) == 1 or not toks[1].text[0].isupper() or word in lexicon.opener_descriptors():
        return False  # (and "Neighbouring Zorbton Council": a word describing the name)
    if word in _COMPASS:
        return True  # "West Yorkshire Police", "South Korea"
    if _title_at(toks, 1) or gazetteer_at(toks, 1):
        return False
    if word in lexicon.events()["start"] or word in lexicon.events()["weather"]:
        return True  # "Hurricane Milton", "Operation Jane": a given name names the event
    if toks[1].lower in lexicon.given_names() and word not in lexicon.given_names():
        return False  # "Passenger Tom Hughes", "Resident Helen Pritchard": a word describing the person
    if 0 < (j := _demonym_at(toks, 1)) < len(toks) and toks[j].lower in lexicon.given_names():
        return False  # "Veteran Tory Jane Doe": a word describing the party's member
    # a given name before a surname written alone elsewhere ("Maria Lopez ... Lopez studied")
    return word in lexicon.given_names() or toks[1].text not in seen.starts


def _names_an_outlet(toks: Span, k: int) -> bool:
    """'Sunday' in "the Sunday Clarion", 'Weekend' in "Weekend Gazette": a day's word that
    opens the name of a newspaper (the next word is a media word), no date."""
    return (k + 1 < len(toks) and toks[k + 1].text[:1].isupper() and toks[k + 1].lower in lexicon.media_words()
            and toks[k].lower in lexicon.dates())


# number words that open a sentence before a name: no part of it ("One" may be: "One Nation")
_COUNT_OPENERS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
                            "many", "few", "some", "dozens", "hundreds", "thousands"})


def _is_date(toks: Span, k: int) -> bool:
    """Whether a month or weekday word is a date here. A month that is also a given name
    is part of a name next to another plain name: "Theresa May", "April Ryan", "Jan Hatzius"
    (but "May 2024", "in April", "April Congress" are dates)."""
    word = toks[k].lower
    if word not in lexicon.dates() or _names_an_outlet(toks, k):
        return False
    if word.rstrip(".") not in lexicon.given_names() or toks[k].text.endswith("."):
        return True

    def plain(j: int) -> bool:
        return (0 <= j < len(toks) and toks[j].text[:1].isupper() and toks[j].lower not in lexicon.dates()
                and toks[j].lower not in lexicon.stopwords() and not gazetteer_at(toks, j)
                and not _title_at(toks, j) and not _demonym_at(toks, j))

    return not (plain(k - 1) or plain(k + 1))


_AGENTS = re.compile(r"^([a-z]{3,})(makers|keepers|holders|goers|watchers|workers|builders|seekers|takers|"
                     r"owners|users|payers|voters|writers|fighters|sellers|buyers)$")


def _common_compound(word: str) -> bool:
    """'policymakers', 'peacekeepers', 'taxpayers': a common word and an agent noun, written as one."""
    m = _AGENTS.match(word)
    return m is not None and m.group(1) in lexicon.common_words()


def _day_word(toks: Span, i: int) -> bool:
    """'Black' in "Black Friday", 'Day' in "Christmas Day": part of a day's name, no entity."""
    words = lexicon.date_words()
    before = i + 1 < len(toks) and toks[i].lower in words["before"] and toks[i + 1].lower in lexicon.dates()
    after = i > 0 and toks[i].lower in words["after"] and (
        toks[i - 1].lower in lexicon.dates() or toks[i - 1].lower in lexicon.not_names())
    return before or after


def _plain_name_at(toks: Span, j: int) -> bool:
    """Whether a name that is no title, nationality, date or known name starts at j."""
    word = toks[j].lower
    return not (gazetteer_at(toks, j) or _title_at(toks, j) or _demonym_at(toks, j) or _is_date(toks, j)
                or word in lexicon.not_names() or word in lexicon.place_words() or word in ("of", "for"))


def _goes_on(toks: Span, k: int) -> bool:
    """Whether the word at k, after a known name, makes one name with it: a plain name
    ("Jordan Peterson"), a club's word ("Manchester United"), or a place's word that ends
    the span ("Zorbland Island", "Zorbville Airport": rule place-and-place-word)."""
    return _plain_name_at(toks, k) or toks[k].lower in lexicon.club_words() or (
        k == len(toks) - 1 and toks[k].lower in lexicon.place_words())


def _demonym_head(word: str) -> bool:
    """A word that closes a name after a nationality word: an institution's or an event's."""
    return word in lexicon.org_words() or word in lexicon.events()["end"]


def _ends_in_org_word(toks: Span) -> bool:
    """'State Department', 'AI Act': a name that ends in an institution's or a law's word (or
    has one before its subject: "Acme Office on Drugs and Crime", rule institution-on)."""
    if len(toks) < 2:
        return False
    last = toks[-1].lower
    if last in lexicon.org_words() or last in lexicon.law_words():
        return True
    on = _inner_on(toks)
    return on > 0 and toks[on - 1].lower in lexicon.org_words()


def _inner_on(toks: Span) -> int:
    """Where an institution's "on" is inside the words (rule institution-on), 0 if nowhere."""
    for k in range(1, len(toks) - 1):
        if toks[k].lower == "on":
            return k
    return 0


@dataclass(slots=True)
class _Piece:
    kind: str  # "known", "demonym", "title", "name", "person" (after a title), "compound" (place + name),
    # "portfolio" (after a title and "for": "MP for Anytown"), "work" (a title of a programme or book)
    toks: Span
    name: str = ""
    etype: EntityType | None = None
    base: str | None = None  # the name without its country ("Zorblatt Agency" of "US Zorblatt Agency")


def cut(span: Span, seen: Seen = NOTHING_SEEN, quoted: bool = False) -> list[_Piece]:
    """Cut one span into pieces: known names, nationality words, titles and names. A span in
    quotation marks (`quoted`) is a title's: no word of it describes a person."""
    toks = _opening(span, seen)
    if _name_and_code(toks):
        return [_Piece("compound", toks)]  # "support for Reform UK": a name and its country's code, one name
    k = next((k for k in range(2, len(toks) - 1) if toks[k].text == "The" and toks[k - 1].text in _OF_THE), 0)
    if k:  # "Jane Doe of The Anytown Times", "Jane Doe for The Acme Post": a person and a paper
        return [*cut(toks[: k - 1], seen), *cut(toks[k:], seen)]
    if len(toks) > 2 and any(t.text in _WORK_WORDS for t in toks[1:-1]):
        return [_work_title(span, toks)]
    if len(toks) > 2 and not quoted:
        toks = _descriptor_cut(toks)  # (but "Super Jane Run" in quotation marks is a title)
    k = _institution_then_person(toks)
    if k:
        return [*cut(toks[:k]), _Piece("name", toks[k:])]
    return [_without_post_nominal(piece) for part in (_split_of(toks) if toks else []) for piece in _Cut(part).run()]


class _Memo:
    """What one article's blocks worked out once for what it writes alike (a name is written
    again and again): the pieces of each span's shape (`_cut_again`: its words, where they
    open sentences, their offsets from its start) and the word rules' evidence of each name
    (`_score_words`). Kept for one article only: the one of `seen`."""

    def __init__(self, seen: Seen) -> None:
        self.seen = seen
        self.cuts: dict[tuple[Any, ...], tuple[int, list[_Piece]]] = {}
        self.words: dict[str, tuple[dict[EntityType, float], set[str]]] = {}


_MEMO = _Memo(NOTHING_SEEN)


def _memo(seen: Seen) -> _Memo | None:
    """The memo of the article of `seen` (None for text of no article: NOTHING_SEEN)."""
    global _MEMO
    if seen is NOTHING_SEEN:
        return None
    if _MEMO.seen is not seen:
        _MEMO = _Memo(seen)
    return _MEMO


def _cut_again(span: Span, seen: Seen, quoted: bool, memo: _Memo | None) -> list[_Piece]:
    """`cut`, once for each span of an article written alike: a span cut before gives its
    pieces again, moved to where this one starts."""
    if memo is None:
        return cut(span, seen, quoted)
    start = span[0].start
    key = (quoted, *[(t.text, t.initial, t.possessive, t.lower, t.start - start, t.end - start) for t in span])
    done = memo.cuts.get(key)
    if done is None:
        pieces = cut(span, seen, quoted)
        memo.cuts[key] = (start, pieces)
        return pieces
    by = start - done[0]
    return [_Piece(p.kind, _moved(p.toks, by), p.name, p.etype, p.base) for p in done[1]]


def _moved(toks: Span, by: int) -> Span:
    """The tokens, `by` characters further on."""
    new = _NEW_TUPLE
    return tuple([new(Token, (t.text, t.start + by, t.end + by, t.initial, t.possessive, t.lower)) for t in toks])


_NEW_TUPLE = tuple.__new__  # a Token without NamedTuple's __new__ in Python


_ARTICLES = frozenset({"the", "a", "an"})


_QUOTE_AROUND = re.compile(r"[,.!?]?[”\"’]")


def _in_quotes(text: str, span: Span) -> bool:
    """The span, and nothing else, in quotation marks ('"Super Jane Run," the game'): a title."""
    start = span[0].start
    return start > 0 and text[start - 1] in "“\"‘" and _QUOTE_AROUND.match(text, span[-1].end) is not None


def _opening(span: Span, seen: Seen) -> Span:
    """The span without its article, the sentence openers that are no name ("What Happens
    Next") and an ordinal ("the 19th Century"; but "the 82nd Airborne Division")."""
    toks = span
    while toks and toks[0].lower in _ARTICLES:
        toks = toks[1:]
    if toks and toks[0].initial:
        while toks and not _opener_is_name(toks, seen):
            toks = toks[1:]  # "What Happens Next": every opener that is no name goes
            while toks and toks[0].lower in _ARTICLES:
                toks = toks[1:]
    if toks and ORDINAL.match(toks[0].text) and not _unit(toks):
        toks = toks[1:]  # (and common words alone after it are no name: "the 6th Congressional District")
        return toks[:0] if all(t.lower in lexicon.common_words() for t in toks) else toks
    return toks


def _name_and_code(toks: Span) -> bool:
    """'Reform UK', 'Acme US': a plain word and a country's code, mid-sentence."""
    return (len(toks) == 2 and toks[1].text in COUNTRY_CODES and not toks[0].initial and not gazetteer_at(toks, 0)
            and not _title_at(toks, 0) and not _is_date(toks, 0) and not _demonym_at(toks, 0)
            and toks[0].lower not in lexicon.stopwords())


def _work_title(span: Span, toks: Span) -> _Piece:
    """'An Audience With Jane Doe', 'Talking To Strangers': a work's title, with its article."""
    first = next(k for k, t in enumerate(span) if t is toks[0])
    return _Piece("work", span[first - (toks[0] is not span[0] and span[0].text in ("An", "A", "The")):])


def _without_post_nominal(piece: _Piece) -> _Piece:
    """A person after a title ends before its post-nominals: "Minister Jane Doe MP" and
    "Dame Jane Doe DBE QPM" are Jane Doe."""
    toks = piece.toks
    end = len(toks)
    while piece.kind == "person" and end >= 3 and lexicon.post_nominal(toks[end - 1].text):
        end -= 1
    return piece if end == len(toks) else replace(piece, toks=toks[:end])


# a country's code written after a name, making it a party's or a firm's ("Reform UK", "Acme US")
COUNTRY_CODES = frozenset({"UK", "US", "USA", "EU"})
# lower-case words before a capitalised "The" that join a person to an outlet's name
_OF_THE = frozenset({"of", "for", "at", "from", "with"})
# function words capitalised inside a run of capitals: a title of a programme, book or song
_WORK_WORDS = lexicon.work_title_words()


def _descriptor_cut(toks: Span) -> Span:
    """'Backbencher Jane Doe', 'Tory Veteran Jane Doe': common words before a given name and a
    surname describe the person; they are no part of the name (but a ship's prefix is:
    "HMS Jane Doe")."""
    if _vessel_prefix(toks[0]):
        return toks
    for k in range(1, len(toks) - 1):
        word = toks[k].lower
        if word in lexicon.given_names() and (word not in lexicon.common_words() or all(_adherent(t.lower)
                                                                                     for t in toks[:k])):
            return toks[k:] if all(_describes(toks, j, k) for j in range(k)) else toks
    return toks


def _describes(toks: Span, j: int, k: int) -> bool:
    """Whether the word at j, before a given name at k, is a descriptor's: a common word, a
    role's, an acronym, a creed's or a nationality word (not the last before the name), and
    no given name, institution's, place's or compass word, title or known name."""
    t = toks[j]
    return ((t.lower in lexicon.common_words() or t.lower in lexicon.role_nouns() or names.is_acronym(t.text)
             or _adherent(t.lower) or _demonym_at(toks, j) > 0 and j + 1 < k) and t.lower not in lexicon.given_names()
            and t.lower not in lexicon.org_words() and t.lower not in lexicon.place_words()
            and t.lower not in _COMPASS and not _title_at(toks, j) and not gazetteer_at(toks, j))


def _person_tail(tail: Span) -> bool:
    """Two words after a known name of several words that name a person ("the United States
    Jane Doe"), not an institution ("New York Public Library") or common words ("Red Bulls")."""
    return (len(tail) == 2 and tail[-1].lower not in lexicon.org_words() and tail[-1].lower not in lexicon.place_words()
            and not all(t.lower in lexicon.common_words() for t in tail))


def _adherent(word: str) -> bool:
    """'Scientologist', 'Methodist', 'Trotskyist': a follower of a faith or a creed, a descriptor."""
    return len(word) > 6 and word.endswith(("ist", "ists"))


def _institution_then_person(toks: Span) -> int:
    """Where a person's name starts right after an institution's ("the Acme Council Jane Doe"
    said): an institution's word, then a given name (no common word) and a surname; 0: nowhere."""
    n = len(toks)
    aim = _aim_at(toks)
    if _office_of(toks):
        return 0  # "Zorbian Minister of National Defence Jane Doe": an office's title, no body
    for k in range(2, n - 1):
        word = toks[k].lower
        if word not in lexicon.given_names() or word in lexicon.common_words():
            continue
        if (toks[k - 1].lower in lexicon.org_words() or aim and k > aim + 1) and n - k <= 3:
            return k  # (or after the body's aim: "the Zorb Coalition to Counter Quux Jane Doe")
        if n - k == 2 and _plural_head(toks[k - 1]) and _surname_word(toks[-1]):
            return k  # rule body-then-person: "the Zorblatt Relations Jane Doe", "Zorblatt Rovers Jane Doe"
    return 0


def _office_of(toks: Span) -> bool:
    """Whether an office's title and its portfolio open the span ("Minister of Defence", "Chief
    of Navy Jane Doe"): an office word (office_titles.txt) or "Chief" before "of"."""
    return any(toks[k].text == "of" and (toks[k - 1].lower in lexicon.office_titles() or toks[k - 1].text == "Chief")
               for k in range(1, min(len(toks) - 1, 4)))


def _aim_at(toks: Span) -> int:
    """Where the "to" of an institution's aim is (rule institution-to: "Zorb Coalition to
    Counter Quux"), 0 if none."""
    return next((k for k in range(1, len(toks) - 1) if toks[k].text == "to"
                 and toks[k - 1].lower in lexicon.org_words()), 0)


def _plural_head(tok: Token) -> bool:
    """'Relations', 'Rovers': a plural word that closes a body's name (a club's, a council's)."""
    word = tok.lower
    return len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and tok.text[1:].islower()


def _surname_word(tok: Token) -> bool:
    """A word that may close a person's name: no institution's, place's, law's or work's word."""
    word = tok.lower
    return not (word in lexicon.org_words() or word in lexicon.place_words() or word in lexicon.law_words()
                or word in lexicon.work_words())


def _portfolio(rest: Span) -> list[_Piece]:
    """What a title is for, and the person after it: "MP for [Anytown]", "Minister for the
    [Middle East] [Jane Doe]", "Secretary of State for Health [Jane Doe]" (a subject is no name)."""
    hit = gazetteer_at(rest, 0)
    if hit:
        known = _Piece("known", rest[: hit[0]], hit[1], hit[2])
        return [known, _Piece("person", rest[hit[0] :])] if hit[0] < len(rest) else [known]
    k = next((k for k in range(1, len(rest)) if rest[k].lower in lexicon.given_names()
              and rest[k].lower not in lexicon.common_words()), 0) or _rare_name_after(rest)
    subject, person = rest[:k], rest[k:]
    common = all(t.lower in lexicon.common_words() for t in subject)
    out = [_Piece("title" if common else "portfolio", subject)]  # (a subject is part of the title)
    return out + ([_Piece("person", person)] if person else [])


def _rare_name_after(rest: Span) -> int:
    """Where a name of two or three rare words starts after a subject of common words
    ("Minister for Local Government [Zorbo Quux]"), len(rest) if none does."""
    common = lexicon.common_words()
    k = next((k for k, t in enumerate(rest) if t.lower not in common), len(rest))
    tail = rest[k:]
    if k and len(tail) in (2, 3) and all(
            t.text[:1].isupper() and t.text[1:].islower() and t.lower not in lexicon.org_words()
            and t.lower not in lexicon.place_words() and not _title_at(rest, k + n) for n, t in enumerate(tail)):
        return k
    return len(rest)


# a model's designator: "F-16", "MQ-9", "Su-24", "ZQ4", "KC-135R"
_DESIGNATOR = re.compile(r"^[A-Z][A-Za-z]{0,3}-?\d{1,4}[A-Z]{0,2}$")
_HYPHEN_DESIGNATOR = re.compile(r"^[A-Z][A-Za-z]{0,3}-\d{1,4}[A-Za-z]{0,2}$")
_YEAR_DESIGNATOR = re.compile(r"[A-Za-z]{3,}-(?:19[5-9]\d|20\d\d)[A-Z]?$")  # "Zorb Vigil-2026", "Zapad-2021A"


def _designated(toks: Span) -> bool:
    """'Typhoon ZQ4' after "RAF": a model of a machine, no part of the known name before it."""
    return any(_DESIGNATOR.match(t.text) for t in toks)


def _unit(toks: Span) -> bool:
    """'507th Air Refueling Wing', '2nd Battalion', '507th ARW': a numbered unit of an institution,
    also before its officer's title ("507th Zorb Group Commander")."""
    last = toks[-1]
    if len(toks) > 1 and (last.lower in lexicon.org_words() or len(toks) == 2 and names.is_acronym(last.text)):
        return True
    k = next((k for k in range(2, len(toks)) if _title_at(toks, k)), 0)
    return k > 0 and toks[k - 1].lower in lexicon.org_words()


def _one_org(toks: Span, i: int, hit: tuple[int, str, EntityType] | None) -> int | None:
    """Whether the rest of a span from i is one organisation's mention, and where the
    institution's own name starts: at i for "State Department", "Bank of England", "US Army",
    "New York Times" (it ends in an institution's word); after the country for rule
    country-agency (joins.txt), a known place before an institution's name of several words
    ("US Zorblatt Forces Central Command", "UK Department of Zorblatt"); None if it is none."""
    n = len(toks)
    if hit is not None and hit[0] >= n:
        return None  # the whole is a known name
    if _ends_in_org_word(toks[i:]) and (hit is None or hit[0] >= n - 1 or toks[i].lower in lexicon.org_words()
                                        or hit[0] >= i + _inner_on(toks[i:]) - 1 > i):  # (institution-on)
        return i
    if hit is not None and hit[2] is L and _institution(toks[hit[0] :]) and not gazetteer_at(toks, hit[0]):
        # named with the place ("US Air Force": whose it is); a country's institution named alone
        # elsewhere in the article joins it (joins.owned_alone), not a town's ("City Council")
        return hit[0] if hit[1] in lexicon.geo_places()["country"] else i
    return None


def _title_after_agency(toks: Span, i: int, hit: tuple[int, str, EntityType] | None) -> int:
    """Rule country-agency before a title: a known place, an institution's name and a title
    ("U.S. Embassy Chargé d'Affaires Jane Doe"): where the title starts, 0 if the words
    before it are no such institution."""
    if hit is None or hit[2] is not L or hit[0] >= len(toks) - 1:
        return 0
    k = next((k for k in range(hit[0] + 1, len(toks)) if _title_at(toks, k)), 0)
    if not k or (_one_org(toks[:k], i, hit) is None and _country_known_org(toks[:k], i, hit) is None):
        return 0
    return k


def _institution(toks: Span) -> bool:
    """'Zorblatt Forces Central Command', 'Department of Zorblatt': words that end in an
    institution's word or have one before their 'of', with no title, other known name or
    nationality word among them."""
    words = [t.lower for t in toks]
    head = words[: words.index("of")] if "of" in words[1:-1] else words
    if len(toks) < 2 or head[-1] not in lexicon.org_words() or toks[0].lower in ("of", "for", "and"):
        return False
    return not any(_title_at(toks, k) or _demonym_at(toks, k) or _is_date(toks, k) or (k and _place_at(toks, k))
                   for k in range(len(head)))


def _place_at(toks: Span, k: int) -> bool:
    hit = gazetteer_at(toks, k)
    return hit is not None and hit[2] is L


def _country_known_org(toks: Span, i: int, hit: tuple[int, str, EntityType] | None) -> _Piece | None:
    """Rule country-agency, for a known institution: "U.S. Department of State", "UK Home
    Office" are mentions of the known "Department of State", "Home Office"."""
    if hit is None or hit[2] is not L:
        return None
    org = gazetteer_at(toks, hit[0])
    if org is None or org[2] is not O or org[0] != len(toks) or not _institution(toks[hit[0] :]):
        return None
    return _Piece("known", toks[i:], org[1], O)


def _compass_place(toks: Span) -> bool:
    """Rule compass-place (joins.txt): capitalised compass words before a known place, or a
    region of the maintained lists so named, and nothing after: "Northern Zorbland", "South
    East Zorbland" (a region's name, not a nationality word and a place)."""
    k, end = _compass_bounds(toks)
    if (not k and end == len(toks)) or k == end or (not k and toks[0].lower in lexicon.given_names()):
        return False  # (not "Jordan North": a person as often)
    hit = gazetteer_at(toks, k)
    return (hit is not None and hit[0] == end and hit[2] is L) or lexicon.is_town_or_region(
        " ".join(t.text for t in toks[k:end])) or " ".join(t.text for t in toks) in lexicon.geo_places()["local"]


def _compass_bounds(toks: Span) -> tuple[int, int]:
    """Where the capitalised compass words before a name end, and (with none before it)
    where those after it start ("Zorbland Northwest", "Zorbville East")."""
    k = 0
    while k < len(toks) and toks[k].lower in _COMPASS and toks[k].text[:1].isupper():
        k += 1
    end = len(toks)
    while not k and end > 1 and toks[end - 1].lower in _COMPASS and toks[end - 1].text[:1].isupper():
        end -= 1
    return k, end


# after a day's word, what makes it a paper's name ("the Sunday Express"), not a date
_PAPER_OR_ORG_WORDS = lexicon.newspaper_words() | lexicon.org_words()
# after an adjective that is also a rank ("General"), what makes it an adjective ("General Election")
_ADJECTIVE_HEADS = lexicon.events()["end"] | lexicon.org_words() | lexicon.law_words()


class _Cut:
    """The pieces of one part of a span (no 'of' between names: _split_of), cut from left to right: at each token the first step
    that takes it cuts a piece (or skips the token) and says where to go on: a date's word
    is skipped; a known name is cut (or an institution named with it, or a name it begins
    ends the part); a compass word and a place end the part; a nationality word is cut (or
    an institution named after a people ends the part); a title is cut, and what follows it
    is a person's name or the title's subject; a word that is no name is skipped; else a
    name runs up to a title, a date or a post-nominal."""

    def __init__(self, toks: Span) -> None:
        self.toks, self.n = toks, len(toks)
        self.pieces: list[_Piece] = []

    def run(self) -> list[_Piece]:
        i = 0
        while i < self.n:
            for step in _Cut.STEPS:
                j = step(self, i)
                if j is not None:
                    i = j
                    break
        return self.pieces

    def _end(self, piece: _Piece) -> int:
        """Cut the last piece: the part ends with it."""
        self.pieces.append(piece)
        return self.n

    def _date(self, i: int) -> int | None:
        """'April Congress': the month is no part of the name (but "the Sunday Express" is a paper)."""
        toks = self.toks
        if not _is_date(toks, i) or (i + 1 < self.n and toks[i + 1].lower in _PAPER_OR_ORG_WORDS
                                     and toks[i].lower in _PRESS_DAYS):
            return None
        return i + 1

    def _known(self, i: int) -> int | None:
        """A known name (gazetteer), or an institution named with one (rule country-agency)."""
        toks = self.toks
        hit = gazetteer_at(toks, i)
        k = _title_after_agency(toks, i, hit)
        if k:  # "the U.S. Embassy Chargé d'Affaires": the institution as if alone, then the title
            self.pieces.extend(_Cut(toks[i:k]).run())
            return k
        named_from = _one_org(toks, i, hit)
        if named_from is not None:  # (country-agency: named with its country; the institution's own name joins it)
            return self._end(_Piece("name", toks[i:], base=" ".join(t.text for t in toks[named_from:])
                                    if named_from > i else None))
        known_org = _country_known_org(toks, i, hit)
        if known_org:
            return self._end(known_org)
        if (hit and hit[2] is O and toks[i].lower in lexicon.titles()["mod"] and not names.is_acronym(toks[i].text)
                and _title_at(toks, i) > hit[0]):
            return None  # "Treasury Secretary Scott Bessent": a title's word here (not "UN Secretary-General")
        return self._known_name(i, hit) if hit else None

    def _known_name(self, i: int, hit: tuple[int, str, EntityType]) -> int:
        toks, n = self.toks, self.n
        j, canonical, etype = hit
        if j < n - 1 and toks[j].lower == "of" and etype is L:
            return self._end(_Piece("name", toks[i:]))  # "Gulf of Oman", "Isle of Zorblatt": a name of its own
        if j < n and n - j <= 2 and not (j < n - 1 and _person_at(toks, j)) and not _designated(toks[j:]) and not (
                j - i > 1 and _person_tail(toks[j:])) and all(_goes_on(toks, k) for k in range(j, n)):
            # "Jordan Peterson", "Manchester United", "Manchester City", "France Inter", "Miami Beach": one name
            # (but a known name of several words and two more are two names: "Bank of England Jane Doe")
            kind = "name" if j == i + 1 and toks[i].lower in lexicon.given_names() else "compound"
            return self._end(_Piece(kind, toks[i:]))
        self.pieces.append(_Piece("known", toks[i:j], canonical, etype))
        return j

    def _compass(self, i: int) -> int | None:
        """'Northern Zorbland', 'South East Zorbland': one place (rule compass-place)."""
        return self._end(_Piece("name", self.toks[i:])) if _compass_place(self.toks[i:]) else None

    def _demonym(self, i: int) -> int | None:
        toks = self.toks
        j = _demonym_at(toks, i)
        if not j:
            return None
        tail = toks[j:]
        head = next((tail[:k] for k in range(1, len(tail) - 1) if tail[k].lower in ("of", "for")), tail)
        if head and _demonym_head(head[-1].lower) and not any(_title_at(toks, k) for k in range(j, self.n)):
            # "American Civil Liberties Union", "Chinese Communist Party", "Communist Party of China",
            # "Korean War", "Arab Spring", "European Centre for Zorb Studies": an institution or an
            # event named after a people
            return self._end(_Piece("name", toks[i:]))
        self.pieces.append(_Piece("demonym", toks[i:j]))
        return j

    def _title(self, i: int) -> int | None:
        toks = self.toks
        j = _title_at(toks, i)
        if not j or j == i + 1 and toks[i].lower in _ADJECTIVE_TITLES and j < self.n and (
                toks[j].lower in _ADJECTIVE_HEADS):
            return None  # ("General Election", "General Assembly": an adjective, not a rank; but "Major Doe")
        if _title_names_no_one(toks, i, j):  # "Captain Ruritania", "PC World": one name, no one's title
            return self._end(_Piece("compound" if toks[i].text.isupper() else "name", toks[i:]))  # (a magazine's, a firm's)
        if _given_name_title(toks, i, j):
            return self._end(_Piece("name", toks[i:]))
        self.pieces.append(_Piece("title", toks[i:j]))
        if j < self.n:
            self._after_title(j)
        return self.n

    def _after_title(self, i: int) -> None:
        """After a title, a person's name ("Prime Minister [Jane Doe]"), or what the title is
        for and the person after it ("MP for [Anytown]": _portfolio)."""
        rest = self.toks[i:]
        portfolio = self.pieces[-1].toks[-1].lower in ("for", "of")
        if rest[0].lower in ("for", "of") and not rest[0].text[0].isupper():
            rest, portfolio = (rest[2:] if len(rest) > 2 and rest[1].lower == "the" else rest[1:]), True
        if portfolio and rest:
            self.pieces.extend(_portfolio(rest))
        else:
            self.pieces.append(_Piece("person", rest))

    def _no_name(self, i: int) -> int | None:
        """A word that is no name ("Mr" alone, "Black" of "Black Friday") is skipped, and so is
        an "&" that a piece cut before it leaves first ("US & Canada": "US", then "Canada")."""
        toks = self.toks
        if (toks[i].lower in lexicon.not_names() and not _names_an_outlet(toks, i)) or _day_word(toks, i) or (
                toks[i].text == "&"):
            return i + 1
        return None

    def _name(self, i: int) -> int:
        """A name, up to a title, a date, a person after an organisation or a post-nominal
        ("Jane Doe QC", "Jane Doe MBE")."""
        toks, k = self.toks, i + 1
        while k < self.n and not _title_ends(toks, k) and not _is_date(toks, k) and not _org_then_person(toks, k) and (
                not lexicon.post_nominal(toks[k].text)):
            k += 1
        self.pieces.append(_Piece("name", toks[i:k]))
        return k

    STEPS: tuple[Callable[[_Cut, int], int | None], ...] = (_date, _known, _compass, _demonym, _title, _no_name, _name)


def _title_ends(toks: Span, k: int) -> bool:
    """A title at k ends the name before it, unless it closes the span after "for" or "of":
    "the Zorblatt Center for Justice" (no "Justice Jane Doe" follows), or is a field's name
    there ("the Zorblatt Court of Criminal Justice": subject_titles.txt)."""
    end = _title_at(toks, k)
    return bool(end) and not (end == len(toks) and (toks[k - 1].lower in ("for", "of") or (
        toks[k].lower in lexicon.subject_titles() and any(t.lower in ("for", "of") for t in toks[1:k - 1]))))


def _given_name_title(toks: Span, i: int, j: int) -> bool:
    """Rule given-name-title: a title that is a given name too ("Dean"), opening the span, before
    one rare word and nothing more, is a given name: "founded by Dean Zorblatt" (but "Dean Jane
    Zorblatt", "Quux School Dean Zorblatt" hold the title)."""
    word = toks[i].lower
    return (i == 0 and j == 1 and len(toks) == 2 and word in lexicon.given_names()
            and toks[1].lower not in lexicon.common_words() and toks[1].text[1:].islower())


def _title_names_no_one(toks: Span, i: int, j: int) -> bool:
    """A title before what is no person's name ends the span: a known place alone ("Captain
    America", a character), one common word after a title in capitals ("PC World", a magazine), or
    an honorific before words that end in a place's or a body's word ("the Shri Zorbeswara
    Temple", "the Sir John Doe Foundation")."""
    n = len(toks)
    if j >= n:
        return False
    if _named_after_titled(toks, i, n - j):
        return True
    hit = gazetteer_at(toks, j)
    if hit and hit[0] == n and hit[2] is L:
        return True
    return j == i + 1 and toks[i].text.isupper() and n == j + 1 and toks[j].lower in lexicon.common_words()


def _named_after_titled(toks: Span, i: int, after: int) -> bool:
    """A building or a body named after a titled person: two or more words after the title
    that end in a place's or a body's word, after an honorific ("the Shri Zorbeswara Temple",
    "the Sir John Doe Foundation") or, in two or three words, after any title when that word
    is no surname too ("the Lord Zorb Hotel", "Queen Jane Hospital"; but "Mayor Jane Park")."""
    last = toks[-1].lower
    if after < 2 or (last not in lexicon.place_words() and last not in lexicon.org_words()):
        return False
    return toks[i].lower in lexicon.titles()["hon"] or (after <= 3 and last not in lexicon.place_surnames())


def _person_at(toks: Span, k: int) -> bool:
    """A given name and a surname start at k: "Enver Doe", "Bill Doe" (a given name that is an
    English word too only before a surname that is none: not "Will Act")."""
    word = toks[k].lower
    if k + 1 >= len(toks) or word not in lexicon.given_names() or not toks[k + 1].text[:1].isupper():
        return False
    return word not in lexicon.common_words() or toks[k + 1].lower not in lexicon.common_words()


def _org_then_person(toks: Span, k: int) -> bool:
    """'the Refugee Council Jane Doe', 'Image: ACME Jane Doe': an organisation's name (its
    word or an acronym) ends before a person's name starts at k."""
    before = toks[k - 1]
    if k == 1 and _vessel_prefix(before):
        return False  # "HMS Jane Doe": a ship named after a person
    return (before.lower in lexicon.org_words() or names.is_acronym(before.text)) and _person_at(toks, k)


# --- scoring a name by its words and its neighbours ------------------------------


PLACE_NAME_WEIGHT = 3.0
_MODEL_NUMBER = re.compile(r"(?<![\d,.$€£])(\d{3,4})\s$")  # "737 ZQX" (not a count: "15 IQ points")
_COMPASS = lexicon.compass_words()
_RELATIVE = frozenset({"lower", "upper"})  # compass words that open a place's name only before a place or a compass word
_CAMEL = re.compile(r"[a-z]{3}[A-Z]")  # a capital inside a word, after a syllable


def _club(found: Found, words: list[str], last: str) -> bool:
    """A sports club named after its town: "Newcastle United", "Tottenham Hotspur";
    "... City" only after a known place, when the whole is no known place ("Leicester
    City" the club, "Kansas City" the place)."""
    if len(words) < 2 or last not in lexicon.club_words() or found.known:
        return False
    return last != "city" or (
        lexicon.gazetteer().get(" ".join(words[:-1]), ("", None))[1] == L and " ".join(words) not in lexicon.gazetteer())


_UNIT_NUMBERS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})


class Shape(NamedTuple):
    """A name's words, as the word rules see them."""

    found: Found
    words: list[str]
    lower: list[str]
    last: str  # the last word in lower case, before a suffix ("Jr", "III")
    head: list[str]  # the words before an inner "of", "for" or "to" ("Communist Party" of China)
    multi: bool  # more than one word

    @classmethod
    def of(cls, found: Found) -> Shape:
        words = found.words
        lower = [w.lower() for w in words]
        last = lower[-1]
        if len(words) > 1 and (_ROMAN.match(words[-1]) or last in lexicon.name_suffixes()):
            last = lower[-2]
        elif len(words) > 3 and last in _UNIT_NUMBERS and lower[-2] in lexicon.org_words():
            last = lower[-2]  # "Zorb Disposal Mobile Unit Two", "Zorb Warfare Group One" (not "Air Force One")
        inner = next((k for k, w in enumerate(lower[1:-1], 1) if w in ("of", "for", "to", "on")), 0)
        return cls(found, words, lower, last, lower[:inner] if inner else lower, len(words) > 1)


def _named_after_place(n: Shape) -> bool:
    """It ends in a known place ("Real Madrid"), or names one after its "of" and before an
    "and" ("Zorblatt State of Kenya and the Quux")."""
    table = lexicon.gazetteer()
    if table.get(n.words[-1], ("", None))[1] == L:
        return True
    if "of" not in n.lower or "and" not in n.lower:
        return False
    of, and_ = n.lower.index("of"), n.lower.index("and")
    return of < and_ and table.get(" ".join(n.words[of + 1 : and_]), ("", None))[1] == L


_REGIONS_OF = frozenset({"province", "county", "region", "district", "territory", "governorate", "prefecture", "oblast"})


def _region_of(n: Shape) -> bool:
    """'Province of Zorblatt'; 'State of Ohio', 'City of Zorbville' when the place is known
    (not "State of Emergency")."""
    if n.lower[0] in _REGIONS_OF:
        return True
    rest = " ".join(n.words[2:])
    return n.lower[0] in ("state", "city") and (
        lexicon.gazetteer().get(rest, ("", None))[1] == L or rest in lexicon.geo_places()["local"])


def _org_head(n: Shape) -> bool:
    org = lexicon.org_words()
    if n.last in lexicon.shared_heads() and any(w in lexicon.product_words() for w in n.lower[:-1]):
        return False  # "Zorb Tactical Missile Systems": a weapon (but "Zorblatt Systems" is a firm)
    return (n.last in org or n.head[-1] in org or (len(n.words) > 2 and n.lower[0] in org and n.lower[1] in ("of", "for"))
            or "&" in n.words[1:-1] or _club(n.found, n.words, n.last))


_PRESS_DAYS = frozenset({"daily", "sunday", "evening", "morning", "weekly", "weekend"})


def _newspaper(n: Shape) -> bool:
    """A newspaper named by a town or a day and a newspaper's word: "the Anytown Sun", "the
    Daily Mirror", "the Sunday Express" (not "Jane Sun")."""
    if not n.multi or n.last not in lexicon.newspaper_words() or n.found.known:
        return False
    before = " ".join(w for w in n.words[:-1] if w.lower() not in _PRESS_DAYS)
    return n.lower[0] in _PRESS_DAYS or lexicon.gazetteer().get(before, ("", None))[1] == L or (
        lexicon.is_town_or_region(before))


def _compass_region(n: Shape) -> bool:
    """A region named by a compass point and a name ("West Midlands", "South East Asia"), or a
    known place and a compass point ("Anytown East", a constituency); not "Jane West"."""
    if not n.multi or n.found.known or n.last in lexicon.demonyms():
        return False  # ("North African": a demonym)
    if n.lower[0] in _RELATIVE:  # "Lower Zorbton", "Lower East Side" (not "Upper House")
        rest = " ".join(n.words[1:])
        return n.lower[1] in _COMPASS or lexicon.gazetteer().get(rest, ("", None))[1] == L or (
            lexicon.is_town_or_region(rest)) or len(n.words) == 2 and not any(
            n.lower[1] in words for words in (lexicon.common_words(), lexicon.given_names(), lexicon.org_words()))
        # ("Upper Zorbton": a word that is no common word or given name after "Upper"/"Lower")
    if n.lower[0] in _COMPASS and n.lower[0] != "greater" or n.lower[0] == "greater" and len(n.words) == 2:
        return True
    if len(n.words) == 2 and n.lower[0] in lexicon.given_names():
        return False  # "Jordan North": a given name before the compass word (a person as often)
    return n.last in ("north", "south", "east", "west") and (
        lexicon.gazetteer().get(" ".join(n.words[:-1]), ("", None))[1] == L or lexicon.is_town_or_region(" ".join(n.words[:-1])))


class WordRule(NamedTuple):
    """Evidence from a name's own words: when `trigger` holds, the name's `type` gains
    `weight` (and its evidence the rule id `evidence`, if any). Of the rules of one
    `group`, only the first that fires counts; the rules run in order, so a trigger may
    look at what the rules before it gave."""

    id: str
    evidence: str | None
    group: str
    trigger: Callable[[Shape], bool]
    type: EntityType
    weight: float
    example: str  # a name


def _given_and_surname(n: Shape) -> bool:
    """'Jane Law': a given name (no common word) and one more word is a person, whatever the word."""
    return len(n.words) == 2 and n.lower[0] in lexicon.given_names() and n.lower[0] not in lexicon.common_words()


def _weather_event(n: Shape) -> bool:
    """'Hurricane Zorblatt', 'Hurricane Sandy', 'Storm Frank': a weather word and a name (not
    "Typhoon ZQ4" jets, a model, nor "Storm Lantern" missiles: after "Storm", a common word
    that is no given name)."""
    if not n.multi or n.lower[0] not in lexicon.events()["weather"]:
        return False
    if any(c.isdigit() for w in n.lower[1:] for c in w):
        return False
    return n.lower[0] != "storm" or not any(w in lexicon.common_words() and w not in lexicon.given_names()
                                            for w in n.lower[1:])


def _weapon_acronym(n: Shape) -> bool:
    """'IED', 'UAVs', 'MANPADS': an acronym of a kind of weapon or platform (weapon_acronyms.txt)."""
    name = n.found.name
    if n.multi or not name.isupper() and not _PLURAL_ACRONYM.match(name):
        return False
    return name.lower() in lexicon.weapon_acronyms() or name[:-1].lower() in lexicon.weapon_acronyms()


def _unit_designation(n: Shape) -> bool:
    """'Task Force Zorb', 'Joint Task Force Quux', 'Carrier Strike Group Zorb': a unit's
    designation (unit_designations.txt) in the first three words, and a name after it."""
    designations = wordlists.words("entities/unit_designations.txt")
    return len(n.words) > 2 and any(" ".join(n.lower[i : i + 2]) in designations for i in range(min(3, len(n.words) - 2)))


def _ordinal_first(n: Shape) -> bool:
    return n.multi and ORDINAL.match(n.words[0]) is not None


def _caucus_body(n: Shape) -> bool:
    """'House Zorblatt Caucus': a group's end word (event_words.txt "group" rows) after words
    that name no place (not "the Iowa Caucus", a vote)."""
    table = lexicon.gazetteer()
    return n.multi and n.last in lexicon.events()["group"] and not any(
        table.get(" ".join(n.words[i:j]), ("", None))[1] == L or lexicon.is_town_or_region(" ".join(n.words[i:j]))
        for i in range(len(n.words) - 1) for j in range(i + 1, len(n.words)))


def _vessel_prefix(tok: Token) -> bool:
    """'HMS', 'USS': a ship's prefix, in capitals (vessel_prefixes.txt)."""
    return tok.text.isupper() and tok.lower in lexicon.vessel_prefixes()


WORD_RULES: tuple[WordRule, ...] = (
    WordRule("treaty-on", "law-head", "head", lambda n: lexicon.treaty_on(n.lower), EntityType.OTHER, 6,
             "Convention on the Law of the Zorb"),  # (rule treaty-on, joins.txt: no place, no event)
    WordRule("weapon-acronym", "weapon-acronym", "head", _weapon_acronym, R, 6, "IED"),  # data: weapon_acronyms.txt
    WordRule("religion", "religion", "head", lambda n: not n.multi and n.lower[0] in lexicon.religions(),
             EntityType.OTHER, 6, "Islam"),  # a faith, no organisation
    WordRule("unit", "org-head", "head", _ordinal_first, O, 4, "507th ZQX"),  # a numbered unit: "407th AEG"
    WordRule("vessel", "vessel", "head", lambda n: n.multi and n.words[0].isupper()
             and n.lower[0] in lexicon.vessel_prefixes(), R, 5, "HMS Zorblatt"),  # a ship: "USS Example"
    WordRule("unit-designation", "org-head", "head", _unit_designation, O, 4, "Task Force Zorblatt"),  # a unit's name
    WordRule("scheme-program", "law-head", "head", lambda n: len(n.words) > 2 and n.last in ("program", "programme")
             and n.lower[-2] in lexicon.scheme_words(), EntityType.OTHER, 4, "Zorblatt Assistance Program"),  # a benefit
    WordRule("org-head", "org-head", "head", _org_head, O, 4, "Zorblatt Institute"),  # "Ernst & Young", "Leicester City"
    WordRule("org-head-foreign", "org-head", "head", lambda n: n.multi and n.lower[0] in lexicon.org_heads(), O, 4,
             "Banco Zorblatt"),
    WordRule("place-head", "place-head", "head", lambda n: n.multi and n.lower[0] in lexicon.place_heads() or (
        len(n.words) > 2 and n.lower[1] == "of" and (n.lower[0] in _WATERS or _region_of(n))), L, 4,
        "Lake Zorblatt"),  # "Gulf of Oman", "Province of Zorblatt", "State of Ohio"
    WordRule("product-suffix", "product-word", "head", lambda n: n.multi and n.words[-1] in lexicon.product_suffixes()
             and not n.found.known, R, 4, "Zorbstation VR"),  # a model or an edition: "PlayStation VR", "iPad Pro"
    WordRule("product-word", "product-word", "head", lambda n: any(
        w in lexicon.product_words() and w not in lexicon.shared_heads() for w in n.lower[1:]),
             R, 4, "Zorblatt Missile"),
    WordRule("conference-body", "org-head", "head", lambda n: len(n.words) > 2 and n.last in lexicon.events()["end"]
             and any(w in lexicon.events()["body"] for w in n.lower[:-1]), O, 5,
             "Zorbian Episcopal Conference"),  # a standing body, no event (event_words.txt "body" rows)
    WordRule("caucus-body", "org-head", "head", _caucus_body, O, 5, "Zorblatt Freedom Caucus"),  # a group, no vote
    WordRule("campaign-verb", "org-head", "campaign", lambda n: len(n.words) > 1 and n.lower[0] in lexicon.campaign_verbs()
             and n.words[1][:1].isupper(), O, 4, "Save Zorblatt Hospital"),  # a campaign's group, no person
    WordRule("show-event", "event-head", "head", lambda n: len(n.words) > 2 and n.last == "show"
             and n.lower[-2] in lexicon.events()["show"], E, 5, "Zorblatt Motor Show"),  # a fair, no programme
    WordRule("event-head", "event-head", "head", lambda n: n.multi and (n.last in lexicon.events()["end"] or (
        n.lower[0] in lexicon.events()["start"] and n.last not in lexicon.org_words())), E, 5, "Zorblatt Summit"),
    # (an institution's word last: "Operation Zorblatt Foundation", "Exercise Zorblatt Institute" are no events)
    # (5: more than a known organisation and an acronym before it, "ZQX Summit")
    WordRule("weather-event", "event-head", "head", _weather_event, E, 4, "Hurricane Zorblatt"),
    WordRule("time-standard", "time-standard", "time", lambda n: n.multi and n.last == "time"
             and n.lower[-2] in lexicon.date_words()["zone"], EntityType.OTHER, 6, "Zorblatt Mean Time"),
    # a time standard, no organisation: "Greenwich Mean Time", "Eastern Standard Time" (data: date_words.txt)
    WordRule("compass-place", "place-head", "head", lambda n: n.multi and bool(_COMPASS & {n.lower[0], n.lower[-1]})
             and _compass_place(tuple(tokens(n.found.name))), L, 5, "Western Kenya"),  # (cut so by _Cut)
    WordRule("place-word-given-name", "place-head", "head", lambda n: len(n.words) == 2 and n.last in lexicon.place_words()
             and n.lower[0] in lexicon.given_names() and n.last in lexicon.place_surnames(), L, 2,
             "Jane Park"),  # a person as often: "Jane Park said" (but "Jane Island" is a place: place-word)
    WordRule("institution-district", "org-head", "head", lambda n: len(n.words) > 2 and n.last == "district"
             and any(w in lexicon.district_bodies() for w in n.lower[:-1]), O, 4,
             "Zorblatt School District"),  # a school, water or health district is a body (not "Financial District")
    WordRule("place-word", "place-head", "head", lambda n: n.multi and (n.last in lexicon.place_words() or len(
        n.words) > 2 and n.lower[-1] in _COMPASS and n.lower[-2] in lexicon.place_words()), L, 4,  # "Zorb Airfield West"
             "Zorblatt Valley"),
    WordRule("law-head", "law-head", "head", lambda n: n.multi and (
        n.last in lexicon.law_words() or len(n.head) < len(n.lower) and n.head[-1] in lexicon.law_words()
        or _law_numbered(n))
        and not (n.last == "law" and _given_and_surname(n)),
        EntityType.OTHER, 4, "Zorblatt Act"),  # ("Law of Zorblatt Conflict", "Treaty of Zorblatt"; but "Jane Law" is a person)
    WordRule("programme", "work-title", "head", lambda n: n.multi and n.last in lexicon.work_words() and not (
        n.found.known), EntityType.OTHER, 4, "Jane Doe Show"),  # "the Andrew Marr Show"
    WordRule("newspaper", "org-head", "head", _newspaper, O, 4, "Kettering Sun"),  # "the Daily Mirror"
    WordRule("compass-region", "place-head", "head", _compass_region, L, 4, "West Zorblattshire"),  # "East Anglia"
    WordRule("place-name", "place-name", "", lambda n: not n.found.known and not n.found.scores
             and lexicon.is_town_or_region(n.found.name), L, PLACE_NAME_WEIGHT, "Kettering"),  # a town, county, province
    WordRule("domain", "domain", "", lambda n: _DOMAIN.match(n.found.name) is not None, O, 3, "Zorblatt.com"),
    WordRule("camel", "brand-shape", "", lambda n: any(_CAMEL.search(w) and not w.startswith("Mac") for w in n.words),
             O, 1, "ZorbLatt"),  # "BlackRock", "PayPal" (but "McConnell", "DeSantis"; a handle or a product as often: 1)
    WordRule("foreign-article", "foreign-article", "", lambda n: 1 < len(n.words) < 4 and n.lower[0] in lexicon.foreign_articles()
             and not n.found.known, O, 1.5, "Le Zorblatt"),  # "Le Monde" (places so named are known)
    WordRule("acronym-first", "acronym-first", "", lambda n: n.multi and len(n.words[0]) > 2 and n.words[0].isalpha()
             and names.is_acronym(n.words[0]), O, 2, "ZQX Zorblatt"),  # "IBM Research": a firm's name, not a person's
    WordRule("acronym-inside", "acronym-first", "", lambda n: len(n.words) > 2 and any(
        len(w) > 2 and w.isalpha() and names.is_acronym(w) for w in n.words[1:-1]), O, 1.5,
             "Zorbmetall ZQX Systems Land"),  # a joint venture's name, not a person's
    WordRule("year-designator", "event-head", "", lambda n: _YEAR_DESIGNATOR.search(n.found.name) is not None, E, 4,
             "Zorb Vigil-2026"),  # drills named with their year: "Zapad-2021", "Joint Sword-2024A" (no model)
    WordRule("digits", "model-number", "", lambda n: any(c.isdigit() for c in n.found.name)
             and any(c.isalpha() for c in n.found.name) and not _ordinal_first(n) and not _law_numbered(n),
             R, 2, "Zorblatt-9"),  # (beats an acronym's 1.5: "ZQ4")
    WordRule("designator", "model-number", "", lambda n: not n.multi and _HYPHEN_DESIGNATOR.match(n.found.name)
             is not None, R, 2, "ZQ-99"),  # "F-16", "MQ-9", "STS-135": a model or a mission, no organisation  # "H100", "GPT-4o", "F-16"
    WordRule("acronym", "acronym", "shape", lambda n: not n.multi and names.is_acronym(n.found.name), O, 1.5, "ZQX"),
    WordRule("given-name-alone", "given-name", "shape", lambda n: not n.multi and n.lower[0] in lexicon.given_names()
             and n.lower[0] not in lexicon.common_words(), P, 1, "Jane"),  # "Frank" alone: a person, not a firm
    WordRule("one-word", None, "shape", lambda n: not n.multi, O, 0.5, "Zorblatt"),
    WordRule("given-name", "given-name", "shape", lambda n: n.lower[0] in lexicon.given_names()
             and not (len(n.words[0]) > 2 and n.words[0].isupper() and not n.found.name.isupper()), P, 2.5,
             "Jane Zorblatt"),  # (not an acronym spelling a name: "LIV Golf", "BAE Systems")
    WordRule("named-after-place", None, "shape", lambda n: not n.found.known and _named_after_place(n), O, 1,
             "Real Zorblatt Madrid"),  # (and "Zorblatt State of Kenya and the Quux")
    WordRule("all-common", None, "shape", lambda n: all(w in lexicon.common_words() for w in n.lower), O, 0.6,
             "Big Green Teapot"),  # "Big Tech", "App Store": no one is called that
    WordRule("common-tail", None, "shape", lambda n: n.lower[-1] in lexicon.common_words() and len(n.last) > 2
             and not names.is_acronym(n.words[-1]) and not any(w in lexicon.given_names() for w in n.lower[1:-1]),
             O, 0.6, "Zorblatt Soup"),  # "Hells Angels", "Kool Aid" (but "Ho", "Ma")
    WordRule("person-shape", None, "shape", lambda n: True, P, 0.5, "Zorblatt Quux"),
)


def _score_words(found: Found) -> None:
    """Evidence from the name itself: WORD_RULES, in one loop."""
    _fire(found, WORD_RULES, Shape.of(found))


def _fire(found: Found, rules: Sequence[WordRule] | Sequence[ContextRule], subject: Any) -> None:
    """Run a rule table on what its triggers look at (a Shape or an Around): of the rules
    of one group only the first that fires counts; a rule with no type only adds evidence."""
    done: set[str] = set()
    for group, trigger, etype, weight, evidence in _rows(rules):
        if group in done or not trigger(subject):
            continue
        if group:
            done.add(group)
        if etype is None:
            if evidence:
                found.evidence.add(evidence)
        else:
            found.add(etype, weight, evidence)


_ROWS: dict[int, tuple[Sequence[Any], tuple[tuple[Any, ...], ...]]] = {}


def _rows(rules: Sequence[Any]) -> tuple[tuple[Any, ...], ...]:
    """A rule table's rows as plain tuples (group, trigger, type, weight, evidence), made once
    a table: _fire reads them for every name."""
    made = _ROWS.get(id(rules))
    if made is None or made[0] is not rules:
        made = _ROWS[id(rules)] = (rules, tuple((r.group, r.trigger, r.type, r.weight, r.evidence) for r in rules))
    return made[1]


# the first four words of a text (runs of letters, digits, hyphens and apostrophes), in one match
_FOUR_WORDS = re.compile(r"[^\w’'-]*([\w’'-]+)" + r"(?:[^\w’'-]+([\w’'-]+))?" * 3)


def _next_words(text: str, end: int, count: int) -> list[str]:
    """The first `count` (up to four) words in the 80 characters after `end`."""
    m = _FOUR_WORDS.match(text, end, end + 80)
    return [w for w in m.groups() if w is not None][:count] if m else []


def _may_end_in(text: str, end: int, words: tuple[str, ...], digits: bool = False) -> bool:
    """Whether the text before `end`, spaces left off, may end in one of `words` (or a digit):
    False only when it surely does not, a test cheaper than the pattern it spares."""
    start = max(0, end - 40)
    tail = text[start:end].rstrip()
    if start > 0 and len(tail) < max(map(len, words)):
        return True  # (a long run of spaces: the word may begin before the window)
    return tail.endswith(words) or (digits and tail[-1:].isdigit())


_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
_NUMBER_WORDS = wordlists.determiners()["indefinite"]


def _common_words_only(a: Around) -> bool:
    """'a Storm Lantern': a name of common words only, with no head word to make it a name,
    counted like a noun (not "a Joint Task Force", an institution)."""
    return not a.found.evidence & _HEADS and all(w.lower() in lexicon.common_words() for w in a.found.words)


_HEADS = frozenset({"org-head", "place-head", "event-head", "law-head", "product-word", "vessel"})


def _kind(a: Around) -> bool:
    """'an IED', 'two UAVs': a listed acronym of a kind of weapon is counted like a noun, and
    names the kind all the same."""
    return "weapon-acronym" in a.found.evidence


def _counted(tok: Token) -> bool:
    """'a', 'an', a number: what comes before a common noun, not before a name."""
    return tok.lower in _NUMBER_WORDS or tok.text.isdigit()


class Around(NamedTuple):
    """A name and the words around it, as the context rules see them."""

    found: Found
    text: str
    toks: list[Token]
    k: int  # the index of the token before the name (-1: none)
    after: list[str]  # the next words
    spaced: bool  # a space right after the name
    nxt: str  # the next word, in lower case
    prev: str  # the word before, in lower case
    before_of: Token | None  # the word before "of" when the name follows "of" ("the town of Zorblatt")
    one_word: bool

    @classmethod
    def of(cls, found: Found, text: str, toks: list[Token], k: int) -> Around:
        after = _next_words(text, found.end, 4)
        prev = toks[k].lower if k >= 0 else ""
        return cls(found, text, toks, k, after, text[found.end : found.end + 1] in " \u00a0",
                   after[0].lower() if after else "", prev, toks[k - 1] if k > 0 and prev == "of" else None,
                   " " not in found.name)

    def next_is(self, words: frozenset[str]) -> bool:
        """The next word, or the one after a lower-case word ("the Tass news agency"), is one of `words`."""
        return self.spaced and (self.nxt in words or (
            len(self.after) > 1 and self.after[0].islower() and self.after[1] in words))


class ContextRule(NamedTuple):
    """Evidence from the words around a name: when `trigger` holds, the name's `type`
    gains `weight` and its evidence the rule id `evidence` (data/entities/evidence.txt).
    Of the rules of one `group`, only the first that fires counts."""

    id: str
    evidence: str
    group: str
    trigger: Callable[[Around], bool]
    type: EntityType | None
    weight: float
    example: str  # the name the rule is about in [brackets]


def _vessel_appositive(a: Around) -> bool:
    """'its sister ship, the [Zorb Quux],': a ship's noun, a comma and "the" before the name."""
    return (a.prev == "the" and a.k > 1 and a.toks[a.k - 1].text == ","
            and a.toks[a.k - 2].lower in lexicon.vessel_nouns())


def _after_compass(a: Around) -> bool:
    """'south [Tyrone]', 'northern [Zorbshire]': right after a compass word written in lower case
    (compass_words.txt), a place or a region even when a given name too."""
    if a.k < 0:
        return False
    before = a.toks[a.k]
    return before.text in lexicon.compass_words() and a.text[before.end : a.found.start] == " "


_PARTY_LETTERS = frozenset({"D-", "R-", "I-"})


def _party_place(a: Around) -> bool:
    """'Rep. Jane Doe, R-[Zorbville],': a party's letter and a hyphen right before the name, after a
    space, a comma or a bracket: a lawmaker's state or home town (a given name there too is a place)."""
    start = a.found.start
    return start >= 2 and a.text[start - 2 : start] in _PARTY_LETTERS and (start == 2 or a.text[start - 3] in " (,")


def _after_name_and(a: Around) -> bool:
    """'Zorb System and [Intelligence System]': common words right after a capitalised word and "and"."""
    if a.prev != "and" or a.k < 1 or a.one_word:
        return False
    before = a.toks[a.k - 1]
    return (before.text[:1].isupper() and a.text[before.end : a.toks[a.k].start] == " "
            and all(w.lower() in lexicon.common_words() for w in a.found.words))


def _before_and_name(a: Around) -> bool:
    """'[Zorb Office on Drugs] and Crime ...': a name of "of", "on" or "for" right before "and"
    and a capitalised common word."""
    return (a.spaced and not a.one_word and len(a.after) > 1 and a.after[0] == "and" and a.after[1][:1].isupper()
            and a.after[1].lower() in lexicon.common_words() and any(w in _OF_ON_FOR for w in a.found.words))


_OF_ON_FOR = frozenset({"of", "on", "for"})


def _model_number(a: Around) -> bool:
    name = a.found.name
    if not (name.isupper() and len(name) <= 4 and "." not in name) or a.nxt in lexicon.member_nouns():
        return False  # (but "300 ZAF Airmen": people of a body, counted)
    model = _MODEL_NUMBER.search(a.text, max(0, a.found.start - 8), a.found.start)
    return model is not None and not 1900 <= int(model.group(1)) <= 2099


# a place's noun in the plural, maybe "in" a region, then "including", "such as": "towns in Zorbland including"
_SUCH_AS_CUES = ("such as", "including", "like", "namely")
_PLACES_SUCH_AS = re.compile(r"\b([A-Za-z]+)(?:\s+(?:in|of|near|across|around)(?:\s+[\w-]+){1,3})?"
                             r",?\s+(?:such as|including|like|namely)\s+$")


def _place_such_as(a: Around) -> bool:
    if not _may_end_in(a.text, a.found.start, _SUCH_AS_CUES):
        return False  # (the pattern ends in one of them and a space)
    m = _PLACES_SUCH_AS.search(a.text, max(0, a.found.start - 60), a.found.start)
    return m is not None and m.group(1).lower() in lexicon.place_cues() and m.group(1).endswith("s")


_PERSON_APPOSITIVE = re.compile(r",\s+(?:an?|the)\s+(?:[\w’'-]+\s+){0,2}([a-z]+)(?=[,.;:]|\s+(?:who|from|of|in|at|with|and)\b)")


def _person_appositive(a: Around) -> bool:
    """'Jane Doe, an Australian woman, said': an appositive whose noun only a person is."""
    m = _PERSON_APPOSITIVE.match(a.text, a.found.end)
    return m is not None and m.group(1) in lexicon.person_nouns()


_SAID_PRONOUN = re.compile(r"\s+(?:(?:later|also|then|earlier|\w+ly)\s+)?"
                           r"(?:said|says|added|wrote|told \w+|explained|insisted)(?:\s+that)?\s+(?:she|he)\b")
_QUOTE_ENDS = frozenset({"”", '"', "’", "'", ","})


def _said_after_quote(a: Around) -> bool:
    """'“We will go,” said Zorblatt.', 'Recipients, said Zorblatt, must ...': one word after a
    reporting verb that follows a quote or a comma, and after the name the clause's end."""
    return (a.one_word and a.k >= 1 and a.toks[a.k].lower in lexicon.reporting_verbs()
            and a.toks[a.k - 1].text in _QUOTE_ENDS and a.text[a.found.end : a.found.end + 1] in (".", ",", ""))


# a verb of firing and a count before a name: "fired a [Zorblatt]", "launched two [Quux]"
_COUNTS = ("a", "an", "one", "two", "three", "four", "five", "several")  # the counts _WEAPON_VERB ends in
_WEAPON_VERB = re.compile(r"\b(?:fired|launched|dropped|intercepted|shot down)\s+(?:a|an|one|two|three|four|five|"
                          r"several|\d+)\s+$")


def _fired(a: Around) -> bool:
    """'fired a [Zorblatt] at', 'launched two [Quux]': not a name before another noun
    ("launched a Zorblatt campaign")."""
    noun = a.spaced and a.nxt[:1].islower() and a.nxt not in lexicon.stopwords() and a.nxt not in lexicon.product_words()
    return (not noun and _may_end_in(a.text, a.found.start, _COUNTS, digits=True)  # (what the pattern ends in)
            and _WEAPON_VERB.search(a.text, 0, a.found.start) is not None)


_PLACE_AFTER = re.compile(r",\s+([A-Z][\w.]+(?: [A-Z][\w.]+)?)(?![\w.]|['’]s)")


def _place_after(a: Around) -> bool:
    """'Zorblattville, Texas': a known place after a comma (but not "Jane Doe, Ruritania coach",
    "Jane Doe, Ruritania country director": a place that describes a role)."""
    m = _PLACE_AFTER.match(a.text[a.found.end : a.found.end + 40])
    if m is None:
        return False
    table = lexicon.gazetteer()  # (the region may end the sentence: "..., South Dakota.")
    if not any(table.get(name, ("", O))[1] == L for name in dict.fromkeys((m.group(1), m.group(1).rstrip(".")))):
        return False
    after = _next_words(a.text, a.found.end + m.end(), 2)  # ("Jane Doe, Ruritania country director")
    return not (after and (after[0] in lexicon.role_nouns() or after[0].islower() and after[1:2]
                           and after[1] in lexicon.role_nouns()))


def _common_words_name(found: Found) -> bool:
    """A name of common words that opens with no given name ("Planned Parenthood", "Social
    Security"): when it speaks, an organisation or a movement speaks, not a person."""
    words = [w.lower() for w in found.words]
    return words[0] not in lexicon.given_names() and all(w in lexicon.common_words() for w in words)


def _definite_before(a: Around) -> bool:
    """'joined the Zorblatt Quux', 'The Zorblatt Quux requires': a name of several words after
    "the" that opens with a rare word, no given name, is a body, not a person (not "the Jane Doe
    Show", "the Rev Jane Doe", nor "the Successful Zorblatts": common words that name nothing
    stay as unsure as they were)."""
    first, last = a.found.words[0].lower(), a.found.words[-1]
    return (a.prev == "the" and not a.one_word and not a.found.known and first not in lexicon.given_names()
            and not last.endswith("s")  # (a plural is things or people: "the Zorblatt Polaroids", "the Doe Twins")
            and first not in lexicon.common_words() and not a.found.role
            and not a.found.evidence & (_HEADS | {"title", "work-title"}))  # (its own words say what it is)


def _work_before(a: Around) -> bool:
    """'the film Lady Zorblatt', 'her book, Against the Tide, sold': a kind of work before the
    title (across a comma only when one closes the title too: not 'In the film, Jane Doe plays')."""
    k = a.k
    if k >= 0 and a.toks[k].text == ",":
        if a.text[a.found.end : a.found.end + 1] != ",":
            return False
        k -= 1
    return k >= 0 and a.toks[k].text.islower() and a.toks[k].lower in lexicon.work_nouns()


def _programme_after(a: Around) -> bool:
    """'the BBC's Zorblatt programme', 'the Question Hour show': a programme's kind after its
    title, the title owned by a broadcaster or of more than one word (not 'a Sky programme')."""
    owned = a.k >= 0 and a.toks[a.k].possessive
    return a.spaced and a.nxt in lexicon.work_words() and (owned or not a.one_word) and not a.found.known and (
        a.prev != "with")  # (not the presenter of "the BBC's Sunday with Jane Doe programme")


_DEMONYM_ENDS = ("ian", "ean", "ese")


def _demonym_shape(a: Around) -> bool:
    """'the Zorbillian team': one rare word with a demonym's ending ("-ian", "-ese") before a
    noun of a body, a role, a person or a place is a people's adjective (a misspelt or unlisted demonym), no name (not a
    given name: "Julian", "Adrian")."""
    name = a.found.name
    return (a.one_word and name.endswith(_DEMONYM_ENDS) and a.spaced
            and (a.nxt in lexicon.org_cues() or a.nxt in lexicon.role_nouns() or a.nxt in lexicon.person_nouns()
                 or a.nxt in lexicon.place_cues()) and not a.found.known
            and name.lower() not in lexicon.given_names() and name.lower() not in lexicon.common_words())


_KIND_BEFORE = re.compile(r"\b([a-z]+)s\s+(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*,?\s+(?:and|or)\s+)?$")


def _org_kind_before(a: Around) -> bool:
    """'the religious schools Zorba Quuxa and Zorbaya', 'the firms Zorbco and Quuxco': the
    names right after an institution's noun in the plural (org_words.txt)."""
    prev = a.prev
    if not (prev == "and" or prev == "or" or len(prev) > 3 and prev.endswith("s") and prev not in lexicon.stopwords()):
        return False
    m = _KIND_BEFORE.search(a.text, max(0, a.found.start - 80), a.found.start)
    if m is None:
        return False
    noun = m.group(1)
    singular = noun[:-2] + "y" if noun.endswith("ie") else noun  # ("parties", "charities")
    return any(w in lexicon.org_words() for w in (noun, singular))  # (not "publishers Jane Doe": people's role too)


_KIND_SUCH_AS = re.compile(r"\b([a-z]+s),?\s+(?:such as|including|like|namely)\s+"
                           r"(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*,?\s+(?:and\s+|or\s+)?)*$")


def _listed_kind(a: Around) -> bool:
    """'gods such as Zeus, Hera and Zorbaya': one word in a list after a plural noun of no
    place's kind ("gods", "characters", "brands"): a thing of that kind, whatever town bears
    its name (a place by the town lists alone is in doubt: work-doubt, confirm.py)."""
    if not a.one_word:
        return False
    window = a.text[max(0, a.found.start - 120) : a.found.start]
    if not any(cue in window for cue in _SUCH_AS_CUES):
        return False  # (what the pattern needs)
    m = _KIND_SUCH_AS.search(window)
    return m is not None and m.group(1) not in lexicon.place_cues() and m.group(1)[:-1] not in lexicon.place_cues()


_MAKER_POSSESSIVE = re.compile(r"['’]s\s+(?:new|latest|upcoming|next|first|own)\s+([\w-]+)(?:\s+([a-z]+))?")


def _maker_possessive(a: Around) -> bool:
    """'Zorbtech’s new headset': one word that owns a new device (product_words.txt) is its
    maker (not a given name: "Jane’s new phone")."""
    if not a.one_word or a.text[a.found.end : a.found.end + 1] not in ("'", "’"):
        return False
    m = _MAKER_POSSESSIVE.match(a.text, a.found.end)
    return (m is not None and (m.group(1) in lexicon.product_words() or m.group(2) in lexicon.product_words())
            and a.found.name.lower() not in lexicon.given_names())


_WHICH_AFTER = re.compile(r",\s+which\b")
_STAKES = frozenset({"shares", "stake", "stakes", "stock", "shareholders"})  # "shares in Acme"
_ORG_APPOSITIVE = re.compile(r"(?<!\bof )(?<!\bfor )(?<!\bat )\b(?:[Ii]ts|[Tt]heir|[Tt]he|[Hh]is|[Hh]er)\s+(?:[a-z-]+\s+)?([a-z]+),\s*$")
# (not the complement of a person's noun: "a commander of the group, Abu Zorb, said")


def _org_appositive(a: Around) -> bool:
    """'Its maker, Zorblatt Quux, said': the name between commas after "its", "the" and an
    organisation's noun (org_descriptors.txt): the organisation the noun names."""
    if a.text[a.found.end : a.found.end + 1] != "," or a.prev != ",":
        return False
    m = _ORG_APPOSITIVE.search(a.text, max(0, a.found.start - 40), a.found.start)
    return m is not None and m.group(1) in lexicon.org_descriptors()


# ", an al-Zorb-linked organisation", ", a rebel group that": an organisation's noun as the
# appositive's head (not "a party member", "the group's leader")
_ORG_APPOSITIVE_AFTER = re.compile(r",\s+(?:an?|the)\s+(?:(?!(?:at|of|for|with|in|from|on|to|by)\s)[\w’'-]+\s+){0,3}?([a-z]+)"
                                   r"(?=\s*[,.;:)—–]|\s+(?:that|which|based|founded|with|in|of|for|from|behind|whose|at)\b)")


def _org_appositive_after(a: Around) -> bool:
    """'Zorblatt Quux, a rebel group, said': an appositive whose noun is an organisation's."""
    if a.text[a.found.end : a.found.end + 1] != ",":
        return False
    m = _ORG_APPOSITIVE_AFTER.match(a.text, a.found.end)
    return m is not None and (m.group(1) in lexicon.org_cues() or m.group(1) in lexicon.org_descriptors()) and (
        "former" not in m.group().split())  # ("Jane Zorblatt, a former broadcaster,": what a person was)


# after a name: "in", maybe a region's adjective, and a known place ("... in northern Zorbland")
_IN_PLACE = re.compile(r"\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central)(?:ern)?\s+|(?:north|south)-?(?:east|west)(?:ern)?\s+)?"
                       r"([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)?)")


def _place_in_place(a: Around) -> bool:
    """'fighting in [Zorbivka] in eastern Ruritania': one word after "in" or "near" and before
    "in" and a known place is a place within it (not "works at Zorbco in London")."""
    if not (a.one_word and a.prev in ("in", "near")):
        return False
    m = _IN_PLACE.match(a.text, a.found.end)
    if m is None:
        return False
    table = lexicon.gazetteer()
    name, first = m.group(1), m.group(1).split()[0]
    return any(table.get(n, ("", None))[1] is L for n in (name, name.rstrip("."), first, first.rstrip(".")))


# a cardinal point written alone as a name, after "the": a region or a bloc ("the West", "the North")
_CARDINAL = frozenset({"North", "South", "East", "West"})


CONTEXT_RULES: tuple[ContextRule, ...] = (
    ContextRule("org-cue", "org-cue", "next", lambda a: a.next_is(lexicon.org_cues()) and "vessel" not in a.found.evidence,
                O, 3, "Yesterday the [Zorblatt] news agency said so."),  # (not a ship's: "the USS Zorb strike group")
    ContextRule("movement-cue", "movement-cue", "next", lambda a: a.next_is(lexicon.movement_cues()), O, 3,
                "Fighters of the [Zorbani] movement took the town."),  # (a school after common words: confirm.py)
    ContextRule("place-cue", "place-cue", "next", lambda a: a.spaced and a.nxt in lexicon.place_cues(), L, 3,
                "They reached the [Zorblatt] province."),
    ContextRule("event-cue", "event-cue", "next", lambda a: a.next_is(lexicon.event_cues()), E, 3,
                "They met at the [Zorblatt] climate summit."),
    ContextRule("said-common", "said", "next", lambda a: a.spaced and a.nxt in lexicon.reporting_verbs() and not a.one_word
                and _common_words_name(a.found), O, 1, "Yesterday [Silver Lantern] said no."),
    ContextRule("said", "said", "next", lambda a: a.spaced and a.nxt in lexicon.reporting_verbs() and not a.one_word, P, 1,
                "Yesterday [Zorblatt Quux] said no."),  # (but "Boeing said" too: one word says nothing)
    ContextRule("person-cue", "person-cue", "next",
                lambda a: a.spaced and a.nxt in lexicon.person_cues() and a.one_word, P, 2,
                "They blamed the [Zorblatt] administration."),
    ContextRule("said-one-word", "said", "", lambda a: a.spaced and a.nxt in lexicon.reporting_verbs() and a.one_word, None, 0,
                "Yesterday [Zorblatt] said no."),  # a name, of whatever type
    ContextRule("given-name-mid", "given-name", "", lambda a: a.one_word and not a.found.initial
                and a.found.name.lower() in lexicon.given_names() and a.found.name.lower() in lexicon.common_words()
                and a.prev not in lexicon.determiners(), P, 1, "They thanked [Frank] for it."),  # (not "the Bill")
    ContextRule("person-appositive", "role", "", _person_appositive, P, 2,
                "They met [Zorblatt Quux], a local woman, today."),
    ContextRule("said-pronoun", "said", "", lambda a: a.one_word and _SAID_PRONOUN.match(a.text, a.found.end) is not None,
                P, 2, "Yesterday [Zorblatt] said she would go."),  # a firm is no "she"
    ContextRule("said-inverted", "said", "", _said_after_quote, P, 1,
                "“We will go,” said [Zorblatt]."),  # (a firm says so "in a statement")
    ContextRule("product-cue", "product-cue", "",
                lambda a: "org-head" not in a.found.evidence  # ("Zorb Front fighters": the body's)
                and (_product_after(a.text, a.found.end) or _product_before(a.text, a.found.start)), R, 5,
                "They fired [Zorblatt] long-range missiles."),
    ContextRule("weapon-verb", "product-cue", "", _fired, R, 3,
                "They fired a [Zorblatt Quux] at the ship."),  # counted, after a verb of firing
    ContextRule("model-number", "model-number", "", _model_number, R, 4, "They flew the 737 [ZQX] home."),
    ContextRule("plural-acronym", "plural-acronym", "count",
                lambda a: a.one_word and _PLURAL_ACRONYM.match(a.found.name) is not None and not _kind(a), None, 0,
                "They destroyed four [ZQXs] today."),
    ContextRule("indefinite", "indefinite", "count",
                lambda a: (a.one_word or _common_words_only(a)) and a.k >= 0 and _counted(a.toks[a.k]) and not _kind(a) and not (
                    a.nxt[:1].islower() and a.spaced and a.nxt not in lexicon.stopwords()), None, 0,
                "They destroyed a [ZQX] and a truck."),  # not "a Reuters reporter"
    ContextRule("indefinite-phrase", "indefinite", "count",
                lambda a: not a.one_word and a.k >= 0 and a.toks[a.k].lower in ("a", "an") and not (
                    a.nxt[:1].islower() and a.spaced and a.nxt not in lexicon.stopwords())
                and all(w.lower() in lexicon.common_words() for w in a.found.words)
                and a.found.words[-1].lower() not in lexicon.org_words(), None, 0,
                "They called for a [General Election] today."),  # not "a Labour Party spokesman", "a Joint Task Force - ..."
    ContextRule("work-before", "work-title", "", _work_before, EntityType.OTHER, 4,
                "Her book, [Standing Firm], sold well."),
    ContextRule("programme-after", "work-title", "", _programme_after, EntityType.OTHER, 4,
                "She told the BBC’s [Zorblatt] programme so."),
    ContextRule("presenter", "person-cue", "", lambda a: a.prev == "with" and a.spaced and a.nxt in lexicon.work_words()
                and not a.one_word, P, 3, "She told the BBC’s Sunday with [Zorblatt Quux] programme so."),
    ContextRule("org-before", "org-before", "",
                lambda a: a.prev in lexicon.org_before() or a.prev in lexicon.org_descriptors(), O, 2,
                "She invested in venture firm [Zorblatt] today."),
    ContextRule("org-appositive", "org-before", "", _org_appositive, O, 2,
                "Its maker, [Zorblatt Quux], said so."),  # (the appositive's noun an organisation's: org_descriptors.txt)
    ContextRule("org-stake", "org-before", "", lambda a: (a.prev == "in" or a.prev == "of") and a.k > 0
                and a.toks[a.k - 1].lower in _STAKES, O, 2, "Shares in [Zorblatt Quux] fell."),
    ContextRule("org-of", "org-before", "", lambda a: a.before_of is not None and a.before_of.lower in lexicon.org_of(),
                O, 2, "The CEO of [Zorblatt] left."),
    ContextRule("org-appositive-after", "org-cue", "", _org_appositive_after, O, 3,
                "They blamed [Zorblatt Quux], a rebel group, for it."),
    ContextRule("ticker-after", "ticker", "", lambda a: _TICKER_AFTER.match(a.text, a.found.end) is not None, O, 5,
                "Shares of [Zorblatt] (ZORB.N) fell."),  # a share's code after it: a listed company
    ContextRule("demonym-shape", "demonym-shape", "", _demonym_shape, None, 0,
                "Fans of the [Zorbillian] team cheered."),  # an adjective of a people, no name (a veto)
    ContextRule("org-kind-before", "org-before", "", _org_kind_before, O, 3,
                "It fined the religious schools Zorba Quuxa and [Zorbaya]."),  # a plural institution's noun
    ContextRule("listed-kind", "listed-kind", "", _listed_kind, None, 0,
                "They worship gods such as Zorba, Quuxa and [Zorbaya]."),  # (a town's name: in doubt, confirm.py)
    ContextRule("maker-possessive", "org-before", "", _maker_possessive, O, 2,
                "Reviewers liked [Zorbtech]’s new headset."),  # the maker of a device
    ContextRule("which-after", "which-after", "", lambda a: a.text.startswith(",", a.found.end) and _WHICH_AFTER.match(a.text, a.found.end) is not None, O, 1,
                "They saw [Zorblatt Quux], which is 2,000 years old."),  # a thing or a body, no person ("who")
    ContextRule("after-name-and", "after-name-and", "", _after_name_and, None, 0,
                "The Zorb Information System and [Intelligence System] failed."),  # (a tail, maybe: confirm.py)
    ContextRule("before-and-name", "before-and-name", "", _before_and_name, None, 0,
                "They read the [Zorb Office on Drugs] and Crime World Drug Report 2014."),  # (a head, maybe: confirm.py)
    ContextRule("vessel-appositive", "vessel", "", _vessel_appositive, R, 5,
                "Its sister ship, the [Zorb Quux], follows."),  # (a ship named like a person: "the Glen Zorb")
    ContextRule("vessel-noun", "vessel", "", lambda a: a.prev in lexicon.vessel_nouns(), R, 5,
                "Police boarded the tanker [Zorb Star] today."),  # a ship's name after its kind (vessel_nouns.txt)
    ContextRule("aboard", "product-cue", "", lambda a: a.prev == "aboard", R, 3,
                "The crew lived aboard [Zorblatt] for a year."),  # a ship, a plane, a spacecraft
    ContextRule("definite-before", "definite", "", _definite_before, O, 1,
                "He joined the [Zorblatt Quux] in 1990."),  # a person is no "the Jane Doe"
    ContextRule("place-prep", "place-prep", "before",
                lambda a: a.prev in _PLACE_BEFORE and (a.one_word or a.prev != "from"), L, 1,
                "Fighting near [Zorblatt] went on."),
    ContextRule("place-verb", "place-verb", "before", lambda a: a.prev in lexicon.place_verbs(), L, 1,
                "Forces retook [Zorblatt] from them."),  # data: place_verbs.txt
    ContextRule("place-prep-to", "place-prep", "before", lambda a: a.one_word and a.prev == "to" and a.k > 0
                and a.toks[a.k - 1].lower in lexicon.motion_verbs(), L, 1, "He was reassigned to [Zorblatt] today."),
    ContextRule("place-for-seat", "place-of", "before", lambda a: a.prev == "for" and a.k > 0
                and a.toks[a.k - 1].lower in lexicon.seat_nouns(), L, 2, "The candidate for [Zorblatt] spoke."),
    ContextRule("place-prep-out-of", "place-prep", "before", lambda a: a.one_word and a.before_of is not None
                and a.before_of.lower == "out", L, 1, "They pushed them out of [Zorblatt] today."),
    ContextRule("place-such-as", "place-cue", "before", _place_such_as, L, 2,
                "It freed towns in the north including [Zorblatt] and Quux."),
    ContextRule("place-prep-from", "place-prep", "before", lambda a: a.prev == "from", L, 0.4,
                "A pass from [Zorblatt Quux] went wide."),  # a pair of names after "from" is as often a person
    ContextRule("place-of", "place-of", "before",
                lambda a: a.before_of is not None and a.before_of.lower in lexicon.place_cues(), L, 3,
                "They reached the town of [Zorblatt] today."),
    ContextRule("place-of-noun", "place-of", "before",
                lambda a: a.before_of is not None and a.before_of.lower in lexicon.place_of()
                and (a.before_of.initial or a.before_of.text.islower()), L, 2,
                "The mayor of [Zorblatt] said no."),  # (but "the Mayor of London" is a title)
    ContextRule("place-after", "place-after", "", _place_after, L, 2, "They live in [Zorblattville], Texas, now."),
    ContextRule("party-place", "party-place", "", _party_place, L, 6,
                "Rep. Jane Doe, R-[Zorbville], said no."),  # a lawmaker's home town after the party's letter (even "R-Katy")
    ContextRule("place-in-place", "place-prep", "", _place_in_place, L, 2,
                "Shells fell in [Zorbivka] in eastern Kenya."),
    ContextRule("place-after-compass", "place-cue", "", _after_compass, L, 3,
                "Parents in south [Zorbshire] were furious."),  # a compass word in lower case: a part of a place
    ContextRule("compass-name", "compass-name", "", lambda a: a.one_word and a.prev == "the" and not a.found.initial
                and a.found.name in _CARDINAL, L, 3, "Talks between Zorbland and the [West] failed."),
)


def _score_context(found: Found, text: str, toks: list[Token], at: int | None) -> None:
    """Evidence from the words around the name (`at`: the index of its first token, if
    known): CONTEXT_RULES, in one loop."""
    _fire(found, CONTEXT_RULES, Around.of(found, text, toks, (at or 0) - 1))


_HYPHENED_WORD = re.compile(r"[\w-]+")


def _product_after(text: str, end: int) -> bool:
    """'Thunderbolt” long-range missiles': a weapon noun after at most three modifiers."""
    if text[end : end + 1].isalnum():
        return False
    for m in islice(_HYPHENED_WORD.finditer(text[end : end + 60].lstrip("”\"’' \u00a0")), 4):
        low = m.group().lower()
        if low in lexicon.product_words():
            return True
        if low not in lexicon.product_modifiers() and "-" not in low:
            return False
    return False


_SUCH_AS_WORDS = ("such as", "like", "including", "namely", "dubbed", "called", "known as")
_SUCH_AS = re.compile(r"\b([a-z]+),?\s+(?:such as|like|including|namely|dubbed|called|known as)\s+"
                      r"(?:the\s+)?(?:[\w’'.-]+\s+){0,2}$")


_SUCH_AS_IN: tuple[str | None, bool] = (None, False)  # the last block asked, and whether it holds any of _SUCH_AS_WORDS


def _such_as_in(text: str) -> bool:
    """Whether the block holds any of _SUCH_AS_WORDS (a block's names ask it in turn: one search a block)."""
    global _SUCH_AS_IN
    last = _SUCH_AS_IN
    if last[0] is not text:
        last = _SUCH_AS_IN = (text, any(words in text for words in _SUCH_AS_WORDS))
    return last[1]


def _product_before(text: str, start: int) -> bool:
    """'long-range missiles, such as the UK’s Thunderbolt'."""
    if not _such_as_in(text):
        return False  # (the words the pattern needs, asked once of a block)
    window = text[max(0, start - 90) : start]
    if not any(words in window for words in _SUCH_AS_WORDS):
        return False
    m = _SUCH_AS.search(window)
    if not m or m.group(1) not in lexicon.product_words():
        return False
    between = m.group(0).split()[1:]
    return all(not w[0].islower() or "-" in w or w in ("such", "as", "like", "including", "namely", "dubbed",
                                                         "called", "known", "the")
               for w in between)


# --- roles ---------------------------------------------------------------------------


def _title_as_surname(pieces: list[_Piece], n: int) -> bool:
    """'John Major', 'Jane Marshal': a given name alone and one title's word that ends the run
    (no name after it): the surname, not a role ("Zorblatt CEO": an employer's name is no given name)."""
    name, title = pieces[n - 1].toks, pieces[n].toks
    return (n == len(pieces) - 1 and n == 1 and len(name) == 1 and len(title) == 1
            and name[0].lower in lexicon.given_names() and title[0].text[:1].isupper() and title[0].text[1:].islower()
            and not title[0].text.endswith("."))


def _office_title(name: Span, title: Span) -> bool:
    """Common words and a capitalised office word: the title of an office ("the Information
    Commissioner", "the Health Secretary"), not an employer and its role ("Tesla CEO", "Home
    Office Minister"); a country before them is the office's too ("the UK Defence Attaché")."""
    if len(name) > 1 and _is_country(name[0].text):
        name = name[1:]
    return (title[0].text[:1].isupper() and title[0].lower in lexicon.office_titles()
            and all(t.lower in lexicon.common_words() for t in name) and (
                name[-1].lower not in lexicon.org_words() or " ".join(t.lower for t in name) in lexicon.portfolios()))


def _is_country(word: str) -> bool:
    """'UK', 'France': a country's name or code (the gazetteer's)."""
    hit = lexicon.gazetteer().get(word)
    return hit is not None and hit[0] in lexicon.geo_places()["country"]


def _role_before(text: str, toks: list[Token], k: int) -> tuple[str, int | None] | None:
    """A role written before the name that starts at token k ("Kremlin spokesman").

    Returns the role and the start of its owner when the owner is an employer
    ("Al Jazeera’s diplomatic correspondent": Al Jazeera), else None for the owner.
    """
    j = k - 1
    if j >= 0 and toks[j].text == ",":
        j -= 1
    if j < 0 or toks[j].lower not in _ROLE_OR_KIN or not toks[j].text[0].islower():
        return None
    kin = toks[j].lower in lexicon.kinship()
    first, m = _role_modifiers(toks, j)
    owner = _role_owner(toks, m)
    start = toks[owner].start if owner is not None else toks[first].start
    role = text[start : toks[j].end].strip()
    return role, (toks[owner].start if owner is not None and not kin else None)


_ROLE_OR_KIN = lexicon.role_nouns() | lexicon.kinship()


def _role_modifiers(toks: list[Token], j: int) -> tuple[int, int]:
    """Up to two lower-case words before a role noun at j ("deputy foreign minister"):
    where the role starts, and the index of the token before it."""
    first, m = j, j - 1
    while m >= 0 and m > j - 3 and toks[m].text[0].islower() and toks[m].text[0].isalpha() \
            and toks[m].lower not in lexicon.stopwords() and toks[m].lower not in lexicon.role_breakers():
        first = m
        m -= 1
    return first, m


def _role_owner(toks: list[Token], m: int) -> int | None:
    """The capitalised words (up to four) before a role, ending at m, that own it ("Acme
    chief", "Al Jazeera’s correspondent"): the index of the first, or None."""
    owner = None
    o = m
    while (o >= 0 and toks[o].text[0].isupper() and o > m - 4 and toks[o].lower not in lexicon.stopwords()
           and not (o < m and toks[o].possessive)):
        owner = o
        o -= 1
        if toks[owner].initial:
            break
    return owner


_POSSESSIVE_END = re.compile(r"['’]s?$")


def _role_after(text: str, end: int) -> str | None:
    """An appositive role after the name: "Jane Doe, head of the president’s office,"."""
    if not text.startswith(",", end):
        return None  # (what the pattern opens with: most names, no slice of the text made)
    m = _APPOSITIVE.match(text[end : end + 120])
    if not m:
        return None
    phrase = m.group(1).strip()
    words = phrase.split()
    if len(words) > 12 or any(c.isdigit() for c in phrase) or words[0].lower() in _no_role_openers():
        return None
    nouns = _ROLE_OR_KIN
    if any(_POSSESSIVE_END.sub("", w.lower()) in nouns for w in words[:5] if w[0].islower()):
        return phrase
    return None


@cache
def _no_role_openers() -> frozenset[str]:
    """The function words that open no appositive role ("the", "his", "former" may)."""
    return lexicon.stopwords() - {"the", "a", "an", "his", "her", "its", "their", "former"}


# a rank's class, then a name: "Petty Officer 1st Class Jane Doe", "Airman First Class Jane Doe"
_RANK_CLASS = re.compile(r"\s+(?:\d(?:st|nd|rd|th)|First|Second|Third)\s+Class\s+[A-Z]")
_PORTFOLIO_AFTER = re.compile(r"\s+(?:for|of|to)\s+(?:the\s+)?[A-Z]")
_INDEFINITE_BEFORE = re.compile(r"(?:^|\s)(?:a|an|any|every|each|another|former|ex-)\s*$", re.IGNORECASE)


def _role_only(toks: Span, text: str) -> str | None:
    """Whether a title written alone names its holder: a capitalised role ("the Foreign
    Secretary", "The Minister") is "mention", one with a subject after it ("Minister for
    the Middle East") is "portfolio" (its holder's role, but the subject is a name of its
    own); an honorific alone ("Lord"), a role in lower case, a plural or an indefinite one
    ("a Minister", "former Prime Minister") is None."""
    kinds = lexicon.titles()
    words = [t for t in toks if t.lower not in ("of", "for", "the")]
    if not words or any(not t.text[:1].isupper() or t.lower in kinds["hon"] for t in words):
        return None
    if (_INDEFINITE_BEFORE.search(text, 0, toks[0].start) or text[toks[-1].end : toks[-1].end + 1].isalnum()
            or _RANK_CLASS.match(text, toks[-1].end)):
        return None
    if _PORTFOLIO_AFTER.match(text, toks[-1].end):
        return "portfolio"
    return "mention"


# --- one block -------------------------------------------------------------------------


# A party and state after a US lawmaker's name: "D-Mass.", "R-Texas", "I-Vt." (not an entity).
_PARTY_STATE = re.compile(r"^[DRI]-[A-Z][A-Za-z.]*$")
_CONTRACTION = re.compile(r"^(\w+)['’](?:m|re|s|ll|ve|d|t)$|n['’]t$", re.IGNORECASE)


def _contraction(word: str) -> bool:
    """"We're", "I'm", "Don't": a pronoun or verb with its ending, never a name."""
    if word.lower().endswith(("n't", "n’t")):
        return True  # "Don’t", "Won't", "Isn’t"
    m = _CONTRACTION.search(word)
    return m is not None and (m.group(1) is None or m.group(1).lower() in lexicon.stopwords())


def _generic(word: str) -> bool:
    """A capitalised word that names no one on its own ("the Ministry", "Secretary", "D-Mass.")."""
    low = word.lower()
    kinds = lexicon.titles()
    return (_PARTY_STATE.match(word) is not None or _contraction(word) or low in lexicon.org_words()
            or low in lexicon.law_words() or low in lexicon.place_words() or low in kinds["head"]
            or low in kinds["mod"] or low in lexicon.role_nouns() or low in lexicon.product_words()
            or low in lexicon.not_names() or low in lexicon.dates() or low in lexicon.stopwords()
            or low in lexicon.proper_adjectives())


def _shouted(word: str) -> bool:
    """'LIVE', 'WATCH', 'BREAKING': a common word in capitals is no acronym."""
    return len(word) > 3 and word.isupper() and word.lower() in lexicon.common_words()


def _numbered(word: str, text: str, end: int) -> bool:
    """'Section 2', 'Article 5', 'Chapter 11': a common word with a number is no name."""
    return word.lower() in lexicon.common_words() and re.match(r"\s\d+(?![-–:.,]\d)", text[end : end + 12]) is not None


class NoName(NamedTuple):
    """A piece that looks like a name and names no one: when `trigger` holds for a piece of
    `kind`, it is left out (and, with `ends_role`, a role before it ends there). The rows
    run in order; the first that fires counts."""

    id: str
    kind: str  # the piece's kind: "name" or "person" (after a title)
    trigger: Callable[[_Piece, bool, str], bool]  # the piece, whether it is the span's last, the block's text
    ends_role: bool
    example: str  # the piece in [brackets]


def _portfolio_noun(last: str) -> bool:
    """'... Resettlement', '... Opportunities': a title's subject that ends in a common noun,
    no place's or institution's word (not "the Zorb Office", "Zorb Island")."""
    return ((last in lexicon.common_words() or last.endswith(_ABSTRACT)) and last not in lexicon.org_words()
            and last not in lexicon.place_words() and last not in _COMPASS)


_ABSTRACT = ("ment", "tion", "sion", "ance", "ence", "ity", "ness", "ism")  # an abstract noun's ending


_GLUED_DATE = re.compile(r"^([A-Z][a-z]{2,8}\.?)\d{1,2}(?:st|nd|rd|th)?$")


def _glued_date(word: str) -> bool:
    """'Dec.14th', 'March3': a month and a day written with no space."""
    m = _GLUED_DATE.match(word)
    return m is not None and m.group(1).lower() in lexicon.dates()


def _generic_word(piece: _Piece, last: bool, text: str) -> bool:
    if len(piece.toks) != 1:
        return False
    word = piece.toks[0].text
    return _generic(word) or _numbered(word, text, piece.toks[-1].end) or _shouted(word)


_POSSESSIVE_BEFORE = re.compile(r"['’]s?\s+$")


def _owner_needed(piece: _Piece, last: bool, text: str) -> bool:
    """'the nation’s brave Armed Forces': a kind of body every country has (owned_bodies.txt),
    with no owner in its name nor right before it ("Zorbia’s Security Forces": rule
    possessed-institution names it with its owner)."""
    toks = piece.toks
    start = toks[0].start
    return (len(toks) == 2 and f"{toks[0].lower} {toks[1].lower}" in lexicon.owned_bodies()
            and _POSSESSIVE_BEFORE.search(text, max(0, start - 3), start) is None)


# an elided article of another language before a word in lower case: "L’être", "d’un", "qu’il"
_ELIDED_LOWER = re.compile(r"(?:[LDJNSCMT]|Qu)[’'][a-zà-ÿ]")


NO_NAME_RULES: tuple[NoName, ...] = (
    NoName("generic-word", "name", _generic_word, True, "Yesterday the [Ministry] said no."),  # (and "Section 2", "LIVE")
    NoName("elided-lower", "name", lambda p, last, text: _ELIDED_LOWER.match(p.toks[0].text) is not None, False,
           "The book [L’orbe] et le Zorbon sold well."),  # a word of another language: its capital is the article's
    NoName("rank-class", "name", lambda p, last, text: last and _RANK_CLASS.match(text, p.toks[-1].end) is not None,
           False, "[Special Warfare Operator] 1st Class Jane Doe left."),  # a rank, no name
    NoName("numbered-document", "person", lambda p, last, text: len(p.toks) == 1
           and _numbered(p.toks[0].text, text, p.toks[-1].end), False,
           "They cited Executive [Order] 13582 today."),  # a numbered document, no one's name
    NoName("title-pronoun", "person", lambda p, last, text: len(p.toks) == 1
           and p.toks[0].lower in lexicon.stopwords(), False,
           "They watched Doctor [Who] today."),  # a title before a pronoun: a work's or a nickname's
    NoName("portfolio-noun", "portfolio", lambda p, last, text: _portfolio_noun(p.toks[-1].lower), False,
           "Jane Doe, Senior Advisor for [ZQX Resettlement], said so."),  # a subject, no place or body
    NoName("owner-needed", "name", _owner_needed, False,
           "A year ago, the nation’s brave [Armed Forces] helped."),  # every country has one: whose?
    NoName("glued-date", "name", lambda p, last, text: len(p.toks) == 1 and _glued_date(p.toks[0].text), False,
           "He spoke at his [Dec.14th] press conference."),  # a month and a day with no space: a date
)

# what a name gains from the kind of piece it is cut as (after its own words are scored)
_PIECE_EVIDENCE: dict[str, tuple[EntityType, float, str]] = {
    "portfolio": (L, 2, "place-of"),  # what a title is for: a constituency, a region ("MP for Anytown")
    "compound": (O, 2, "known-part"),  # a known name and more ("Zorbland United")
}


def find(text: str, seen: Seen = NOTHING_SEEN, toks: list[Token] | None = None) -> list[Found]:
    """The names of one block of ordinary (not Title Case) text, offsets in `text`."""
    return _Block(text, tokens(text) if toks is None else toks).run(seen)


class _Block:
    """The names of one block, found piece by piece: each span is cut (`cut`), and each piece
    goes to the step of its kind (a known name, a title, a nationality word, a work's title,
    else a name, which is scored by its words and its neighbours). What a later piece says of
    an earlier name (its employer, an office's title) is applied to the names found so far."""

    def __init__(self, text: str, toks: list[Token]) -> None:
        self.text, self.toks = text, toks
        self.out: list[Found] = []
        self.employers: set[int] = set()  # where the names start that a role says are employers
        self.memo: _Memo | None = None

    @property
    def index(self) -> dict[int, int]:
        """A token's start -> its index (what `at` tells, as a table)."""
        return dict(zip(map(_START, self.toks), count()))

    def at(self, start: int | None) -> int | None:
        """The index of the token that starts at `start`, if one does (a search: a block
        asks it of a few names, cheaper than a table of every token made for each block)."""
        toks = self.toks
        k = bisect_left(toks, start, key=_START) if start is not None else len(toks)
        return k if k < len(toks) and toks[k].start == start else None

    def run(self, seen: Seen) -> list[Found]:
        text, steps, name = self.text, self._STEPS, _Block._name
        self.memo = _memo(seen)
        skip_to = self._dateline()
        for span in spans(text, self.toks):
            if span[0].start < skip_to:
                continue
            if text[span[-1].end : span[-1].end + 1] == ":" and span[-1].lower in lexicon.caption_labels():
                span = span[:-1]  # "Jane Doe Image: Acme Wire": a picture's credit follows
                if not span:
                    continue
            if span[-1].lower.endswith(_GLUED_OR_PLURAL):
                span = _singular_after_and(text, _unglued(span))
            if len(span) > 1:
                span = span[: len(span) - _tail_to_drop(span)]
            pieces = _cut_again(span, seen, _in_quotes(text, span), self.memo)
            role_start: int | None = None  # where a role written before the next name starts
            for n, piece in enumerate(pieces):  # each piece to the step of its kind
                if role_start is None:
                    role_start = piece.toks[0].start
                role_start = steps.get(piece.kind, name)(self, pieces, n, role_start)
        for found in self.out:
            if found.start in self.employers and not found.known:
                found.add(O, 2.5, "employer")
        _listed_with_places(self.text, self.out)
        _singular_weapons(self.out)
        return _with_pennants(self.text, self.out)

    def _dateline(self) -> int:
        """A dateline's place ("ZORBVILLE, Texas (Acme) -"): known; where it ends (0: none)."""
        line = dateline(self.text)
        if not line:
            return 0
        printed, start, end = line
        hit = lexicon.gazetteer().get(printed.title()) or lexicon.gazetteer().get(printed)
        name, etype = hit if hit else (printed.title(), L)
        self.out.append(Found(start, end, name, {etype: 10}, known=True, evidence={"known"}))
        return end

    def _known(self, pieces: list[_Piece], n: int, role_start: int | None) -> int | None:
        piece = pieces[n]
        assert piece.etype is not None
        self.out.append(Found(piece.toks[0].start, piece.toks[-1].end, piece.name, {piece.etype: 10}, known=True,
                              evidence={"known"}))
        return role_start

    def _title(self, pieces: list[_Piece], n: int, role_start: int | None) -> int | None:
        before = pieces[n - 1] if n > 0 else None
        if before is not None and before.kind == "name" and self.out and self.out[-1].start == before.toks[0].start:
            if _title_as_surname(pieces, n):  # "John Major said": a given name and a surname a title's word spells
                last = self.out[-1]
                last.end, last.name = pieces[n].toks[-1].end, f"{last.name} {pieces[n].toks[0].text}"
            elif _office_title(before.toks, pieces[n].toks):
                self.out.pop()  # "the Information Commissioner": one office's title
            else:
                self.out[-1].add(O, 2, "employer")  # "Tesla CEO": the employer
        elif all(p.kind == "demonym" for p in pieces[:n]) and all(p.kind in ("title", "portfolio") for p in pieces[n:]):
            self._role_alone(pieces, n)  # "Ruritanian Foreign Minister"
        return role_start

    def _role_alone(self, pieces: list[_Piece], n: int) -> None:
        """A title written with no name, maybe after nationality words: its holder's mention."""
        words = tuple(t for p in pieces[: n + 1] for t in p.toks)
        kind = _role_only(words, self.text) if len(pieces) == n + 1 else "portfolio"  # "Minister for Health"
        if kind:
            first, last = words[0].start, pieces[-1].toks[-1].end
            self.out.append(Found(first, pieces[n].toks[-1].end, " ".join(t.text for t in words),
                                  role=self.text[first:last], role_only=kind))

    def _demonym(self, pieces: list[_Piece], n: int, role_start: int | None) -> int | None:
        return role_start

    def _work(self, pieces: list[_Piece], n: int, role_start: int | None) -> int | None:
        piece = pieces[n]
        found = Found(piece.toks[0].start, piece.toks[-1].end, " ".join(t.text for t in piece.toks),
                      {EntityType.OTHER: 4}, evidence={"work-title"})
        if len(piece.toks) > 2 and _org_head(Shape.of(found)):  # "Zorb Who Society of Canada": a society's name
            found.add(O, 5, "org-head")
        self.out.append(found)
        return None

    def _name(self, pieces: list[_Piece], n: int, role_start: int | None) -> int | None:
        """A name, or a person's name after a title: scored, with its role and acronym."""
        piece = pieces[n]
        rule = _no_name(piece, n == len(pieces) - 1, self.text)
        if rule is not None:
            return None if rule.ends_role else role_start
        start, end = piece.toks[0].start, piece.toks[-1].end
        found = Found(start, end, " ".join(t.text for t in piece.toks), initial=piece.toks[0].initial, base=piece.base)
        if not piece.toks[0].initial:
            found.evidence.add("mid-sentence")
        role_at = None  # where a role written before the name would end
        if piece.kind == "person":
            role_at = self._person(found, pieces, n, role_start)
        else:
            _score_piece(found, piece, self.memo)
        _score_context(found, self.text, self.toks, self.at(found.start))
        if piece.kind == "name" and n == 0:
            role_at = start
        self._roles(found, piece.kind == "name", role_at)
        _acronym_after(found, self.text)
        self.out.append(found)
        return None if piece.kind == "person" else role_start

    def _person(self, found: Found, pieces: list[_Piece], n: int, role_start: int | None) -> int | None:
        """A name after a title is a person's: the title is the role, or an honorific. Where
        a role written before the honorific would end ("Rail minister Lord Hendy"), or None."""
        found.add(P, 6, "title")
        if not n:
            return None
        title = pieces[n - 1].toks
        if not all(t.lower in lexicon.titles()["hon"] for t in title):
            found.role = self.text[role_start : title[-1].end]
            return None
        found.honorific = " ".join(t.text for t in title)
        return title[0].start

    def _roles(self, found: Found, plain: bool, role_at: int | None) -> None:
        """A role written before the name (its owner an employer) or after it, as an appositive."""
        at = self.at(role_at)
        before = _role_before(self.text, self.toks, at) if at is not None else None
        if before and plain and (before[1] is not None or self.text[: found.start].rstrip().endswith(",")) and (
                " " not in found.name and _firm_role(before[0], found)):
            found.add(O, 3, "org-before")  # "Zorbcraft developer Zorbang", "the regulator, Zorbwat,": a firm
        elif before and plain and Around.of(found, self.text, self.toks, -1).next_is(lexicon.org_cues()):
            pass  # "the rival Zorb Quux faction": the role is the body's, named by the noun after it
        elif before:
            found.role, owner = before
            if plain:
                found.add(P, 4, "role")
            else:
                found.evidence.add("role")
            if owner is not None:
                self.employers.add(owner)
        after = _role_after(self.text, found.end)
        if after and plain and after.startswith(("its ", "their ")) and _firm_role(after, found):
            found.add(O, 3, "org-before")  # "Zorbfox, its main rival,": a firm
        elif after and best_type(found.scores) in (P, EntityType.OTHER):
            found.role = found.role or after
            found.add(P, 2, "role")

    _STEPS: dict[str, Callable[[_Block, list[_Piece], int, int | None], int | None]] = {
        "known": _known, "title": _title, "demonym": _demonym, "work": _work}


def _firm_role(role: str, found: Found) -> bool:
    """A role a firm holds as often as a person (firm_roles.txt), of a name with no given name
    or title: "Zorbcraft developer Zorbang" (one word, the role owned by a name), "Zorbfox, its
    main rival" (the appositive opening with "its"); not "property developer Zorb Quux", "Jane
    Doe's rival, Zorb Quux"."""
    words = re.findall(r"[a-z]+", role)
    return (bool(words) and any(w in lexicon.firm_roles() for w in words[-3:])
            and not found.evidence & {"given-name", "title"} and not found.honorific)
@cache
def _glued_verbs() -> tuple[str, ...]:
    return tuple(sorted(wordlists.words("entities/glued_verbs.txt")))


_GLUED_OR_PLURAL = (*_glued_verbs(), "s")  # what the last word of a span ends in for _unglued or _singular_after_and


def _unglued(span: Span) -> Span:
    """Rule glued-verb: a name glued to the verb after it ("Jane Doereports", a link's text and
    the next word with no space between in a saved page) ends before the verb (a head of four
    letters or more, in lower case after its capital)."""
    last = span[-1]
    if not last.lower.endswith(_glued_verbs()):
        return span
    verb = next(v for v in _glued_verbs() if last.lower.endswith(v))
    head = last.text[: -len(verb)]
    if len(head) < 4 or not head[0].isupper() or not head[1:].isalpha() or not head[1:].islower():
        return span
    return (*span[:-1], Token(head, last.start, last.start + len(head), last.initial, False, head.lower()))


_AND_BEFORE = re.compile(r"[A-Z][\w.]*\s+and\s+$")


def _singular_after_and(text: str, span: Span) -> Span:
    """Rule shared-institution-word: "the State and Homeland Security Departments" names two
    departments that share their word: the last one is named in the singular ("Homeland
    Security Department"; but "the Armed Forces", "Emergency Services" keep their plural)."""
    last = span[-1]
    if len(span) < 2 or not last.lower.endswith("s"):
        return span
    word = last.text
    single = word[:-3] + "y" if word.endswith("ies") else word[:-1]
    if single.lower() not in lexicon.org_words() or not _AND_BEFORE.search(text, max(0, span[0].start - 40),
                                                                          span[0].start):
        return span
    return (*span[:-1], Token(single, last.start, last.end, last.initial, False, single.lower()))


def _tail_to_drop(span: Span) -> int:
    """How many words end the span that are no part of the body's name before them: the
    people of a body (member_nouns.txt) or a plural acronym after an acronym or an
    institution's word ("ZAF Airmen", "Zorb Guard Soldiers", "ZORBCENT CTFs"; but "Anytown
    Soldiers", a team's, stays), a designation after an acronym ("ZESCO World Heritage Site")."""
    last, before = span[-1], span[-2]
    if last.lower in lexicon.member_nouns() or _PLURAL_ACRONYM.match(last.text):
        if len(span) > 2 and before.lower in lexicon.common_words() and names.is_acronym(span[-3].text):
            return 2  # "ZTO Defence Ministers", "ZU Foreign Ministers": a portfolio's people of the body
        return int(names.is_acronym(before.text) or before.lower in lexicon.org_words())
    rows = lexicon.designations().get(last.lower, ())
    return next((len(d) for d in rows if len(d) < len(span) and tuple(t.lower for t in span[-len(d):]) == d
                 and names.is_acronym(span[-len(d) - 1].text)), 0)


def _no_name(piece: _Piece, last: bool, text: str) -> NoName | None:
    """The first row of NO_NAME_RULES that leaves the piece out, or None."""
    for rule in NO_NAME_RULES:
        if rule.kind == piece.kind and rule.trigger(piece, last, text):
            return rule
    return None


def _score_piece(found: Found, piece: _Piece, memo: _Memo | None = None) -> None:
    """Evidence from the name's own words (once a name in an article: `memo`), and from the
    kind of piece it was cut as."""
    if memo is None or found.scores or found.known:
        _score_words(found)
    elif found.name in memo.words:
        scores, evidence = memo.words[found.name]
        found.scores = dict(scores)
        found.evidence |= evidence
    else:
        before = set(found.evidence)
        _score_words(found)
        memo.words[found.name] = (dict(found.scores), found.evidence - before)
    extra = _PIECE_EVIDENCE.get(piece.kind)
    if extra:
        found.add(*extra)


def _law_numbered(n: Any) -> bool:
    """'Zorbic Council Resolution 4321': a law's word and its number (rule law-number, spans.py)."""
    return len(n.lower) > 1 and n.lower[-1].isdigit() and n.lower[-2] in numbered_laws()


def _acronym_after(found: Found, text: str) -> None:
    """'Zorblatt Safety Board (ZSB)': an acronym defined right after a name that it fits, or
    after its possessive ("Zorbic Naval Forces Command's (ZORNAV)"); it may be read off the
    name's last words only ("the Zorbic Independent Board of Quux (BoQ)")."""
    after = text[found.end : found.end + 18]
    if after.startswith(("'s", "’s")):
        after = after[2:]
    acronym = _ACRONYM_DEF.match(after)
    if acronym and len(found.words) > 1 and (_fits_tail(acronym.group(1), found.words) or _foreign_acronym(
            acronym.group(1), found)):
        found.acronym = acronym.group(1)
        found.evidence.add("acronym-defined")


def _foreign_acronym(acronym: str, found: Found) -> bool:
    """'Zorbian National Police (PNZ)': the acronym of the body's name in its own language,
    whose words are the translation's in another order (each letter a word's initial), in
    brackets right after an institution's name of three words or more (no name the gazetteer
    knows: not "(AFP)", a credit)."""
    if not (len(found.words) > 2 and "org-head" in found.evidence and acronym.isalpha() and acronym.isupper()
            and len(acronym) > 2 and lexicon.gazetteer().get(acronym) is None):
        return False
    initials = Counter(w[0].upper() for w in found.words if w[:1].isupper())
    return not Counter(acronym) - initials


def _fits_tail(acronym: str, words: list[str]) -> bool:
    """Whether the acronym fits the name, or the name without one or two words before it (the
    rest two words or more, opening with a capital)."""
    return any(names.acronym_fits(acronym, " ".join(words[k:])) for k in range(min(3, len(words) - 1))
               if words[k][:1].isupper())




def _singular_weapons(founds: list[Found]) -> None:
    """'IEDs' names what 'IED' names: the kind of weapon goes by its singular."""
    for found in founds:
        if "weapon-acronym" in found.evidence and _PLURAL_ACRONYM.match(found.name):
            found.name = found.name[:-1]


# a ship's pennant or hull number in brackets after its name: "HMS Example (D 32)", "(DDG 70)"
_PENNANT = re.compile(r"\s?\(([A-Z]{1,4}[ -]?\d{1,4})\)")


def _with_pennants(text: str, founds: list[Found]) -> list[Found]:
    """A pennant number after a ship's name is a mention of that ship (not an organisation
    "DDG"): it takes the ship's name, so it joins the ship's entity."""
    out = list(founds)
    for ship in founds:
        if "vessel" not in ship.evidence:
            continue
        m = _PENNANT.match(text, ship.end)
        if m is None:
            continue
        start, end = m.span(1)
        out = [f for f in out if not (start <= f.start < end)]
        out.append(Found(start, end, ship.name, dict(ship.scores), evidence={"vessel", "pennant"}))
    return out


# a sentence opening with a phrase of place or time, up to the name ("In their visit to Kyiv, ...")
_INTRODUCTORY = re.compile(r"(?:^|[.!?:;]\s+)(?:In|At|From|After|Before|During|Near|Outside|Inside|Across|On|"
                           r"Throughout|While|Since|Back|Speaking|Arriving|Visiting)\b[^,.;:!?]*$")
_LIST_GLUE = re.compile(r"^(?:,\s*|,?\s+(?:and|or)\s+)$")
_SURE_PLACE = evidence.group("sure-place")
_ANCHOR = _SURE_PLACE - {"place-name"}  # what makes a name listed with it a place


def _listed_with_places(text: str, founds: list[Found]) -> None:
    """A name listed with places ("Qamenas, Sarmin and Jabla"), when nothing else says
    what it is, is a place too; so is one listed after a preposition of place that opens
    the list ("attacks in Zorb, Quux and Flob": the preposition governs every item)."""
    pairs = _list_pairs(text, sorted(founds, key=lambda f: f.start))
    heads = {id(a) for a, _ in pairs} - {id(b) for _, b in pairs}  # the first names of lists
    changed = True
    while changed:  # along the list: "Ruritania, Zorblatt, Quux and Flob"
        changed = False
        for a, b in pairs:
            changed = _spread_place(a, b, heads) or changed


def _list_pairs(text: str, order: list[Found]) -> list[tuple[Found, Found]]:
    """The neighbours in lists of names (in text order): three names or more, or two joined
    by "and" or "or" (not "In Paris, Doe said")."""
    glued = [b.start - a.end <= 6 and _LIST_GLUE.match(text[a.end : b.start]) is not None
             for a, b in zip(order, order[1:])]
    pairs: list[tuple[Found, Found]] = []
    n = 0
    while n < len(glued):
        m = n
        while m < len(glued) and glued[m]:
            m += 1
        if m > n:
            pairs += _list_run(text, order, n, m)
        n = max(m, n + 1)
    return pairs


def _list_run(text: str, order: list[Found], n: int, m: int) -> list[tuple[Found, Found]]:
    """The pairs of one run of glued names, order[n] to order[m]."""
    if _INTRODUCTORY.search(text, 0, order[n].start) and text[order[n].end : order[n].end + 1] == ",":
        n += 1  # "In Kyiv, Doe and Roe met": the place opens the sentence, the list comes after it
        if n >= m:
            return []
    if m - n >= 2 or "," not in text[order[n].end : order[n + 1].start]:
        return [(order[k], order[k + 1]) for k in range(n, m)]
    return []


def _listed_place(found: Found, heads: set[int]) -> bool:
    """A place that makes its neighbours in a list places (a town's name of the lists alone,
    with no cue for it, is none: "Zeus, Athena and Hera")."""
    return best_type(found.scores) is L and bool(found.evidence & _ANCHOR or (
        id(found) in heads and "place-prep" in found.evidence))


def _spread_place(a: Found, b: Found, heads: set[int]) -> bool:
    """Of two neighbours in a list, one a place: the other, a name of one word that nothing
    else says much of, is a place too (and not a speaker: "..., Zorbville, Syria, Quux
    said"). Whether it is now a place."""
    a_place, b_place = _listed_place(a, heads), _listed_place(b, heads)
    if a_place == b_place:
        return False
    found = a if b_place else b
    if found.known or len(found.words) != 1 or max(found.scores.values(), default=0) >= 2 or "said" in found.evidence:
        return False
    found.add(L, 2, "listed-with-place")
    return _listed_place(found, heads)


# --- nationalities ---------------------------------------------------------------------

# between a nationality word and the name it describes: only capitalised words (a title)
_DESCRIBES = re.compile(r"^(?:[\s\u200e\u200f]+[A-Z][\w.’'-]*)*[\s\u200e\u200f]+$")  # (and direction marks)
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")


def nationalities(text: str, toks: Sequence[Token], founds: Sequence[Found],
                  ) -> list[tuple[int, int, Found | None, bool]]:
    """The nationality, people and faith words of one block that are no part of a name
    ("Iraqi", "Kurds"; not "Syrian" of "Syrian Democratic Forces"), each with the name it
    describes, if one follows it with only a title between ("Iraqi Prime Minister [Jane
    Doe]", "Kurdish [ZQX]"): (start, end, that name or None, whether it stands alone: no
    capitalised word after it, as in "the Iraqi people", "the Kurds")."""
    order = sorted(founds, key=lambda f: f.start)
    starts = [f.start for f in order]
    out: list[tuple[int, int, Found | None, bool]] = []
    firsts = _nationality_firsts()
    past = 0  # where the last nationality word ends: the next one starts there or later
    # (only words that may open one are looked at: what _nationality_at looks at first, picked out in one pass)
    for i in compress(count(), map(firsts.__contains__, map(_LOWER, toks))):
        if i < past:
            continue
        j = _nationality_at(toks, i)
        if not j:
            continue
        past = j
        start, end = toks[i].start, toks[j - 1].end
        k = bisect_right(starts, start)
        inside = k > 0 and order[k - 1].end > start
        if not inside:
            after = order[k] if k < len(order) else None
            if after is not None and not _DESCRIBES.match(text[end : after.start]):
                after = None
            out.append((start, end, after, not _CAPITAL_NEXT.match(text, end)))
    return out


_LOWER, _START = attrgetter("lower"), attrgetter("start")


@cache
def _nationality_firsts() -> frozenset[str]:
    return frozenset(phrase.split()[0] for phrase in lexicon.nationalities())


def _nationality_at(toks: Sequence[Token], i: int) -> int:
    """The end of a nationality word (one or two words) starting at token i, 0 if none."""
    if toks[i].lower not in _nationality_firsts() or not toks[i].text[:1].isupper():
        return 0
    for j in (i + 2, i + 1):
        if j <= len(toks) and all(t.text[:1].isupper() for t in toks[i:j]) and (
                " ".join(t.lower for t in toks[i:j]) in lexicon.nationalities()):
            return j
    return 0
