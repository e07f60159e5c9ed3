"""Confirmation: which entities of the dossier have enough evidence to be shown as names.

An entity's confidence adds the weights of the evidence its articles give it
(annotate/evidence.py) and of what the whole dossier says against it: a word the dossier also writes in lower case ("the
rumours", "a general election") is no name on its own. Below THRESHOLD an entity is
not confirmed: it gets no page, no glossary entry and no link (it is hidden), and it is
listed for review (Who's who, `dossier entities --review`). An entry in entities.yml
confirms it.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from typing import NamedTuple

from builder.annotate import evidence, lexicon
from builder.model import Annotation, Article, Entity, EntityType

THRESHOLD = 0.5
# a word in lower case, not part of an address ("example.org", "@jdoe", "#hashtag")
_LOWER_WORD = re.compile(r"(?<![\w’'./@#-])[a-z][a-z’'-]*[a-z](?![\w’'/@#-]|\.\w)")

# the cues a phrase the dossier writes in lower case does not outweigh ("a general election")
_PHRASE_HEADS = frozenset({"event-head", "law-head"})
# what says a name is a person's, beyond its shape
_PERSON_CUES = frozenset({"given-name", "title", "role", "said", "person-cue", "known", "middle-initial",
                          "listed-with-person"})
# what says a name is a work's or a product's (work-doubt)
_WORK_CUES = frozenset({"work-title", "product-cue", "brand-product"})
_DOUBTED = frozenset({EntityType.PERSON, EntityType.ORG, EntityType.PLACE})
# and what says no more than that a name is not of one type: "Zorb Quux, which" is no person,
# "gods such as Zorba" no town, "ZorbMyName, a deep web user" no firm
_DOUBT_CUES = {EntityType.PERSON: frozenset({"which-after"}), EntityType.PLACE: frozenset({"listed-kind"}),
               EntityType.ORG: frozenset({"role"})}  # (a role or a person's appositive: "Zorb, a web user")
# what a word's own shape says, and no more: one capitalised rare word, of no known type
_SHAPE_ONLY = frozenset({"mid-sentence", "rare-word"})
# what a phrase's shape and place say, and no more ("the Burst Pipes", "near Launch Pad")
_PHRASE_SHAPE = frozenset({"mid-sentence", "multiword", "place-prep", "indefinite", "lower-elsewhere",
                           "after-name-and", "before-and-name"})
# what two capital letters have for them when no list knows them ("ZQ said")
_SHORT_ACRONYM = frozenset({"acronym", "mid-sentence", "rare-word", "said"})
# what a name's words say of it and no more, typed organisation or other by default ("Zorb Rift";
# longer names of no cue are units and rooms as often: "Air Reserve Component")
_NAME_SHAPE = frozenset({"mid-sentence", "multiword", "rare-word", "definite", "after-name-and", "before-and-name"})
_DEFAULT_TYPES = frozenset({EntityType.ORG, EntityType.OTHER})



def lower_words(article: Article, _annotation: Annotation | None = None) -> frozenset[str]:
    """The words one article writes in lower case (a per-article step of the link pass)."""
    return frozenset(m.group() for block in article.text_blocks for m in _LOWER_WORD.finditer(block.text))


def confirm(entities: Sequence[Entity], entity_of: Mapping[tuple[str, str], str],
            annotations: Sequence[Annotation], lower: Collection[str],
            texts: Iterable[str] = (),
            phrases_in: Callable[[Sequence[str]], frozenset[str]] | None = None) -> tuple[Entity, ...]:
    """The entities with their confidence and evidence set, those below THRESHOLD hidden
    and not confirmed (curated entities are confirmed). `texts`: the articles' texts, where
    a phrase of common words may be written in lower case; `phrases_in`, when given, says
    which of some names they write so instead (the link memo's, reusing unchanged articles')."""
    fired, named = _fired(entity_of, annotations)
    common = [e.name for e in entities if e.id in fired and _common_phrase(e.name, fired[e.id])]
    phrases = phrases_in(common) if phrases_in is not None else lower_phrases(common, texts)
    seen = _Dossier(lower=lower, phrases=phrases, named=named)
    return tuple(_judged(entity, fired[entity.id], seen) if entity.id in fired else entity for entity in entities)


class _Dossier(NamedTuple):
    """What the whole dossier says of names: the words and phrases it writes in lower case,
    and how often it names each entity."""
    lower: Collection[str]
    phrases: frozenset[str]
    named: Counter[str]


def _fired(entity_of: Mapping[tuple[str, str], str],
           annotations: Sequence[Annotation]) -> tuple[dict[str, set[str]], Counter[str]]:
    """The evidence the articles give each entity, and how often the dossier names each."""
    fired: dict[str, set[str]] = defaultdict(set)
    named: Counter[str] = Counter()
    for annotation in annotations:
        for local in annotation.entities:
            entity_id = entity_of.get((annotation.article_id, local.key))
            if entity_id is not None:
                fired[entity_id].update(local.evidence)
        named.update(entity_of.get((annotation.article_id, m.key), "") for m in annotation.mentions)
    return fired, named


def _judged(entity: Entity, fired: set[str], seen: _Dossier) -> Entity:
    """The entity with the dossier's findings (DOSSIER_RULES) added to its evidence, its
    confidence, and whether that confirms it."""
    rules = frozenset(fired)
    for rule_id, applies in DOSSIER_RULES:  # (in order: each sees the findings before it)
        if applies(entity, rules, seen):
            rules = rules | {rule_id}
    score = evidence.confidence(rules)
    confirmed = entity.curated or (score >= THRESHOLD and entity.confirmed)  # (resolve.py may doubt it too)
    return replace(entity, confidence=score, evidence=tuple(sorted(rules)), confirmed=confirmed,
                   hidden=entity.hidden or not confirmed)


def _bare_word(entity: Entity, rules: frozenset[str], _seen: _Dossier) -> bool:
    """One word with nothing but its shape for it."""
    return " " not in entity.name and rules <= _SHAPE_ONLY


def _rare_phrase(entity: Entity, rules: frozenset[str], seen: _Dossier) -> bool:
    """Two common words named once, with nothing but a phrase's shape for them."""
    return (len(entity.name.split()) == 2 and seen.named[entity.id] < 2 and rules <= _PHRASE_SHAPE
            and _common_words(entity.name))


def _short_acronym(entity: Entity, rules: frozenset[str], _seen: _Dossier) -> bool:
    """Two capital letters with nothing but their shape for them ("ZQ said")."""
    return len(entity.name) == 2 and entity.name.isupper() and rules <= _SHORT_ACRONYM


# the heads of a name's kind, no cue beyond its own words (rule and-cut)
_HEAD_WORDS = frozenset({"org-head", "law-head", "event-head", "place-head"})
_OF_WORDS = frozenset({"of", "on", "for"})
_BODY_HEADS = frozenset({"org-head", "place-head", "event-head", "known-part"})


def _and_cut(entity: Entity, rules: frozenset[str], _seen: _Dossier) -> bool:
    """A piece of a longer name cut at "and", with no cue but its head's word: common words
    right after "Zorb ... and" ("... Information System and [Intelligence System]"), or "X on/of/for"
    common words right before "and" and a capital ("[Zorb Office on Drugs] and Crime ...")."""
    words = entity.name.split()
    if len(words) < 2 or "known" in rules or rules & (evidence.group("dossier-cue") - _HEAD_WORDS):
        return False
    if "after-name-and" in rules and _common_words(entity.name) and not rules & _BODY_HEADS:
        return True  # (but a body's or a place's name is one of two: "the Army and Royal Navy")
    cut = next((i for i, w in enumerate(words) if w in _OF_WORDS), None)
    return ("before-and-name" in rules and cut is not None and cut + 1 < len(words)
            and _common_words(" ".join(words[cut + 1 :])))


# What the dossier finds of a name, beyond its articles' evidence, as rows (evidence id, test);
# each test sees the evidence of the rows before it.
DOSSIER_RULES: tuple[tuple[str, Callable[[Entity, frozenset[str], _Dossier], bool]], ...] = (
    ("lower-elsewhere", lambda e, rules, seen: _lower_elsewhere(e.name, rules, seen.lower)),
    ("lower-phrase", lambda e, _rules, seen: e.name.lower() in seen.phrases),
    ("bare-word", _bare_word),
    ("common-phrase", _rare_phrase),
    ("short-acronym", _short_acronym),
    ("shape-typed", lambda e, rules, _seen: _shape_typed(e, rules)),
    ("common-first", lambda e, rules, _seen: _shaped_person(e, rules)),
    ("untyped", lambda e, rules, _seen: _untyped(e, rules)),
    ("work-doubt", lambda e, rules, _seen: _work_doubt(e, rules)),
    ("and-cut", _and_cut),
)


def warm() -> None:
    """Load the word lists `confirm` reads. A build calls it while a worker annotates the
    changed articles (after the cached ones are loaded): the link pass then finds them ready
    instead of reading 64,000 common words after the wait."""
    lexicon.common_words()
    lexicon.given_names()


def _shape_typed(entity: Entity, rules: AbstractSet[str]) -> bool:
    """Two words typed organisation or other by default, with nothing but their capitals and
    rarity for them, and no acronym among them ("ZQX Airmen" names a unit)."""
    words = entity.name.split()
    return (len(words) == 2 and entity.type in _DEFAULT_TYPES and rules <= _NAME_SHAPE
            and not any(len(w) > 1 and w.isupper() for w in words))


def _work_doubt(entity: Entity, rules: AbstractSet[str]) -> bool:
    """A person, organisation or place that a work's or a product's cue names, with no more
    than weak evidence for its type (no rule of the group strong-<type>): "Lady Zorb is a quiet
    drama about", "the online game Zorbcraft" that an employer's shape called a firm."""
    cues = _WORK_CUES | _DOUBT_CUES.get(entity.type, frozenset())
    return (entity.type in _DOUBTED and bool(rules & cues)
            and not rules & evidence.group(f"strong-{entity.type.value}"))


def _untyped(entity: Entity, rules: AbstractSet[str]) -> bool:
    """Typed organisation, place, product, event or other with no evidence for that type (the
    group type-<type> of evidence_groups.txt): its type is the default's guess, a film, a game,
    a product or a person's as often. (A person's shape, two rare words, is evidence enough.) A
    noun after common words (group noun-cue) types no name: the words and the noun are a phrase;
    nor does an acronym of them (group abbreviation). An acronym with a noun of a kind after it
    (group kind-noun: "the ZQX system", "ZQX games") names a system, a platform or an event as
    often as a body: with nothing more for its type, it has none."""
    if entity.type is EntityType.PERSON:
        return False
    support = rules & evidence.group(f"type-{entity.type.value}")
    if (support and support <= evidence.group("noun-cue") | evidence.group("abbreviation")
            and _common_words(entity.name) and not any(len(w) > 1 and w.isupper() for w in entity.name.split())):
        return True  # "the Landscape constituency", "BPM (Beats Per Minute)": a noun phrase, no name
    if "acronym" in rules and " " not in entity.name and rules & evidence.group("kind-noun"):
        return not support - evidence.group("abbreviation") - evidence.group("kind-noun")  # "the ZQX system"
    return not support


def _shaped_person(entity: Entity, rules: AbstractSet[str]) -> bool:
    """A 'person' by the shape of two capitalised words alone, the first a common word and no
    given name ("Successful Stormtroopers", "Season Fresh Halibut"), never named by the
    surname alone: nothing says it is anyone."""
    words = entity.name.split()
    first = words[0].lower()
    return (entity.type is EntityType.PERSON and len(words) > 1 and not rules & _PERSON_CUES
            and first in lexicon.common_words() and first not in lexicon.given_names() and not words[0].isupper()
            and words[-1] not in entity.aliases)


def _common_words(name: str) -> bool:
    """Every word of the name a common English word ("Burst Pipes", "Special Editions"; the
    rule takes two-word names only: longer ones name units and rooms, "Air Reserve Component")."""
    return all(w.lower() in lexicon.common_words() for w in name.split())


def _common_phrase(name: str, rules: AbstractSet[str]) -> bool:
    """A name of two or more common words with no cue for it but an event's or a law's word
    ("General Election", "Spending Review"): the dossier may write it in lower case."""
    words = name.split()
    return (len(words) > 1 and not rules & (evidence.group("dossier-cue") - _PHRASE_HEADS)
            and all(w.lower() in lexicon.common_words() for w in words))


def lower_phrases(names: Sequence[str], texts: Iterable[str]) -> frozenset[str]:
    """Which of `names` the texts write in lower case, in one pass over the texts."""
    if not names:
        return frozenset()
    phrases = [n.lower() for n in sorted(set(names), key=len, reverse=True)]
    alternatives = "|".join(map(re.escape, phrases))
    pattern = re.compile(rf"(?<![\w’'-])(?:{alternatives})(?![\w’'-])")
    found: set[str] = set()
    for text in texts:
        if any(phrase in text for phrase in phrases):  # (the pattern is searched only where it may match)
            found.update(m.group() for m in pattern.finditer(text))
    return frozenset(found)


_lower_phrases = lower_phrases  # (its name before the link memo used it)


def _lower_elsewhere(name: str, rules: AbstractSet[str], lower: Collection[str]) -> bool:
    """Whether the dossier writes the name in lower case: a one-word name, or a name of
    common words with nothing else for it."""
    if "known" in rules or sum(1 for c in name if c.isupper()) > 1 and len(name.split()) == 1:
        return False  # (an acronym or a brand's shape: "NZ", "PayPal", written so on purpose)
    words = [w.lower() for w in name.split()]
    if len(words) == 1:
        return words[0] in lower
    cued = rules & evidence.group("dossier-cue")  # evidence that it names something here
    return not cued and all(w in lower and w in lexicon.common_words() for w in words)
