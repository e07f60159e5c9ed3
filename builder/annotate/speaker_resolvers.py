"""Who a phrase of the reporter's words names: an ordered list of small resolvers.

A phrase is the stretch of text that holds a quote's speaker (the words before 'said',
after an inverted 'said', after a dash or 'according to'). Each resolver reads the phrase
and either answers, with a Verdict (the speaker, its confidence and the resolver's id), or
passes; the driver `resolve` runs them in order and the first answer wins. The confidence
of each resolver is data (builder/data/quotes/resolvers.txt); a resolver lowers it when
the text leaves the answer open (two women before 'she said').

An answer may name no one and still be an answer: 'a spokesman for Acme' is an unnamed
speaker with an affiliation, never the organisation's own words.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property

from builder import regex_cache, wordlists
from builder.annotate import lexicon, quote_phrases
from builder.annotate.people import is_honorific
from builder.annotate import quote_lexicon as lex
from builder.annotate.speakers import (
    COORDINATED as _COORDINATED, OWNER_BEFORE, RELATIVE, Occurrence, Speaker, SpeakerIndex, definite, squash,
    first_names as speakers_first_names,
)

# The owner of an organisation's part or a document: "PC World's recent analysis", "Acme Corp's board".
_OWNER_NAME = re.compile(r"((?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w-]+)['’]s\s+(?:[a-z]+\s+)?$")
_HYPHEN_TAIL = re.compile(r"-([a-z]+)\b")
_AMBIGUOUS = 0.5  # the confidence of an answer the text leaves open between two people
_ROLE_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){1,3}")
_INDEFINITE_BEFORE = re.compile(r"(?<!\w)(?:a|an|one|two|three|several|some)\s+(?:[a-z][\w-]*\s+){0,2}$",
                                re.IGNORECASE)


@dataclass(frozen=True)
class Verdict:
    speaker: Speaker | None  # None: someone the text does not name (see description)
    resolver: str
    confidence: float
    description: str | None = None  # how the text names an unnamed speaker: 'a spokesman for Acme'
    affiliation: Speaker | None = None  # the organisation an unnamed speaker speaks for


@cache
def confidences() -> dict[str, float]:
    """Resolver id -> the confidence of its answers (builder/data/quotes/resolvers.txt)."""
    table = {}
    for line in wordlists.lines("quotes/resolvers.txt"):
        name, confidence, _example = (part.strip() for part in line.split("|", 2))
        table[name] = float(confidence)
    return table


@cache
def confident() -> float:
    """The confidence from which a speaker is shown (builder/data/quotes/confident.txt)."""
    return float(wordlists.lines("quotes/confident.txt")[0])


def verdict(resolver: str, speaker: Speaker | None, unsure: bool = False, **unnamed: object) -> Verdict:
    score = confidences()[resolver]
    return Verdict(speaker, resolver, min(score, _AMBIGUOUS) if unsure else score, **unnamed)  # type: ignore[arg-type]


@cache
@regex_cache.constants
def _indefinite_before() -> re.Pattern[str]:
    """An indefinite determiner and up to two lower-case words, ending the text ('a senior ')."""
    words = "|".join(sorted(sorted(wordlists.determiners()["indefinite"]), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})\s+(?:[a-z][\w-]*\s+){{0,2}}$", re.IGNORECASE)


@cache
@regex_cache.constants
def _name_goes_on() -> re.Pattern[str]:
    """What goes on after a name: a particle and a capitalised word ('Suleiman al-Amr'), or a
    nickname in quote marks and the surname ('John "J.D." Doe'): the entity is only part of it."""
    particles = "|".join(sorted(sorted(lexicon.inner_name_particles()), key=len, reverse=True))
    return re.compile(
        rf"(?P<particle>\s*(?:{particles})[-\s][A-Z][\w’'-]*)"
        r"|\s*[“\"‘'][^”\"’'\s]{1,20}[”\"’']\s+(?P<surname>[A-Z][\w’'-]*)")


class Phrase:
    """One phrase (absolute offsets lo..hi) and what the index knows of it.

    `rightmost` picks the last of several names (the subject before a cue), else the
    first (the name after a dash or 'according to')."""

    def __init__(self, index: SpeakerIndex, lo: int, hi: int, rightmost: bool) -> None:
        self.index, self.lo, self.hi, self.rightmost = index, lo, hi, rightmost
        self.window = index.text[lo:hi]

    @cached_property
    def found(self) -> list[Occurrence]:
        hidden = [(self.lo + m.start(), self.lo + m.end()) for m in RELATIVE.finditer(self.window)]
        return [o for o in self.index.between(self.lo, self.hi) if not any(a <= o.start < b for a, b in hidden)]

    @cached_property
    def subjects(self) -> list[Occurrence]:
        return [o for o in self.found if (self.index.subject_like(o.start, o.end, self.lo)
                or (o.speaker.person and self.index.titled(o.start, self.lo, o.end)))
                and not _modifier(self.index.text, o.end)]

    @cached_property
    def modifiers(self) -> list[Occurrence]:
        """Names that only modify a role: 'a senior Jane Doe campaign adviser', 'an Acme spokesman'."""
        out = []
        for o in self.found:
            after = _ROLE_AFTER.match(self.index.text, o.end, self.hi)
            if after and lex.role_pattern().search(after.group()) and _indefinite_before().search(
                    self.index.text, max(self.lo, o.start - 40), o.start):
                out.append(o)
        return out

    @cached_property
    def persons(self) -> list[Occurrence]:
        return [o for o in self.subjects if o.speaker.person and o not in self.modifiers
                and not _role_as_name(o.speaker.name)]

    @cached_property
    def orgs(self) -> list[Occurrence]:
        return [o for o in self.subjects if not o.speaker.person and not self.index.adjunct(o.start, o.end, self.hi)]

    def pick(self, occurrences: list[Occurrence]) -> Speaker:
        return (occurrences[-1] if self.rightmost else occurrences[0]).speaker


Resolver = Callable[[Phrase], Verdict | None]


def _modifier(text: str, end: int) -> bool:
    """A name made a modifier by a hyphen and a short word ("a Zorb-run county warns"): the
    county speaks, not Zorb (modifier_tails.txt)."""
    tail = _HYPHEN_TAIL.match(text, end)
    return tail is not None and tail.group(1) in lexicon.modifier_tails()


def _pronoun_verdict(phrase: Phrase, position: int, gender: str | None, resolver: str) -> Verdict | None:
    candidates = phrase.index.pronoun_candidates(position, gender)
    if not candidates:
        return None
    return verdict(resolver, candidates[0], unsure=len(candidates) > 1)


def subject_pronoun(phrase: Phrase) -> Verdict | None:
    """'When Doe was asked whether he respects Roe, he said': the pronoun next to the cue is
    its subject, whoever else the clause names."""
    found = quote_phrases.first("phrase-end", phrase.window) if phrase.rightmost else None
    if found is None:  # a subject pronoun right before the cue: 'he said', 'she has also said'
        return None
    _kind, gender = lex.pronouns()[found.match.group("speaker").lower()]
    return _pronoun_verdict(phrase, phrase.lo + found.lo, gender, "subject-pronoun")


def name_in_cue(phrase: Phrase) -> Verdict | None:
    """'Jane Doe said', 'said Jane Doe, the mayor': a person named in the phrase (a name
    that opens with a small word, 'of Washington Jane Doe', is a mangled one: unsure)."""
    if not phrase.persons:
        return None
    chosen = phrase.persons[-1] if phrase.rightmost else phrase.persons[0]
    speaker = chosen.speaker
    more = _name_goes_on().match(phrase.index.text, chosen.end)  # 'Suleiman' of 'Suleiman al-Amr'
    if more:
        return verdict("literal-name", _whole_name(phrase.index, chosen, more))
    joint = any(o.speaker != speaker and _COORDINATED.fullmatch(phrase.index.text[min(o.end, chosen.end):
                                                                                  max(o.start, chosen.start)])
                for o in phrase.persons)  # 'Jane Doe and John Roe said': both, not one of them
    trimmed = _name_after_title(speaker.name)
    if trimmed:  # 'Medical Officer John Roe': an entity named with its title; the name is John Roe
        key = phrase.index.names.get(trimmed.lower())  # else the same entity, shown by its name
        return verdict("literal-name", phrase.index.speakers[key] if key else Speaker(speaker.key, trimmed, True))
    return verdict("name-in-cue", speaker, unsure=not speaker.name[:1].isupper() or joint
                   or phrase.index.shared_surname(chosen))  # 'Mr Doe' with two men named Doe


def _whole_name(index: SpeakerIndex, chosen: Occurrence, more: re.Match[str]) -> Speaker:
    """The name as printed in full, an entity's when one has that name."""
    surface = index.text[chosen.start : chosen.end]
    name = surface + more.group("particle") if more.group("particle") else f"{surface} {more.group('surname')}"
    name = " ".join(name.split())
    key = index.names.get(name.lower())
    return index.speakers[key] if key else Speaker(None, name, True)


def pronoun(phrase: Phrase) -> Verdict | None:
    """'she said': the person of that gender the nearest sentence names."""
    for match in lex.pronoun_pattern().finditer(phrase.window):
        kind, gender = lex.pronouns()[match.group().lower()]
        if kind == "person":
            return _pronoun_verdict(phrase, phrase.lo + match.start(), gender, "pronoun")
    return None


def epithet(phrase: Phrase) -> Verdict | None:
    """'the 34-year-old said', 'the Italian said': the person just written of."""
    found = quote_phrases.first("epithet", phrase.window)
    if found is None or phrase.orgs:
        return None
    word = found.match.group("speaker")
    if not (word[0].isdigit() or word.lower() in lexicon.demonyms()):
        return None
    return _pronoun_verdict(phrase, phrase.lo + found.match.start(), None, "epithet")


def role_holder(phrase: Phrase) -> Verdict | None:
    """'the chancellor told reporters': the person the article calls chancellor; not when
    someone holding that role was brought in unnamed since ('A senior official said ...
    "...," the official said': that official, not one named before)."""
    index = phrase.index
    speaker, how = index.role_in(phrase.window, phrase.lo, phrase.orgs)
    if speaker is None:
        return None
    role = lex.role_pattern().search(phrase.window)
    named = index.literal(phrase.window[: role.start()], phrase.lo, False) if role else None
    if named is not None and named.person and len(named.name.split()) > 1:
        return verdict("literal-name", named)  # 'Jane Roe, Acme coach, said': her role, not its holder
    if role is not None and _indefinite_before().search(phrase.window[: role.start()]):
        return verdict("unnamed-role", None, description=_described(phrase.window[: role.end()]))  # 'A department spokesperson'
    if role is not None:
        at = phrase.lo + role.start()
        mention = index.unnamed_mention(lex.roles()[squash(role.group())], at, index.last_named(speaker, at))
        if mention is not None:
            return verdict("unnamed-antecedent", None, description=_mentioned(index, mention))
    return verdict({"holder": "role-holder", "rival": "role-holder", "later": "role-holder-later"}.get(
        how, "office-holder"), speaker, unsure=how == "rival")


def _described(text: str) -> str:
    """How the text names an unnamed speaker, as a phrase that can stand mid-sentence:
    'a spokesman for Acme', 'allies of Jane Doe' (a capital that only opened the sentence
    goes: a determiner, or a role in the plural)."""
    text = " ".join(text.split()).strip(" ,;:—–-")
    text = _TRAILING_ADVERB.sub("", text)  # 'his spokesman later said': 'his spokesman'
    first = text.split()[0] if text.split() else ""
    lowered = first in ("A", "An", "One", "Another", "The", "Some", "Two", "Three", "Several", "Those", "People",
                        "His", "Her", "Their", "Its") or (
        first[:1].isupper() and first[1:].islower() and lex.role_pattern().fullmatch(first) is not None
        and first.endswith("s"))
    return text[:1].lower() + text[1:] if lowered else text


_TRAILING_ADVERB = re.compile(  # not any '-ly': 'a spokesman for the family'
    r"(?:\s+(?:later|also|then|again|earlier|previously|separately|too|subsequently|recently|publicly|privately"
    r"|reportedly|initially|finally|immediately|repeatedly))+$")


def _mentioned(index: SpeakerIndex, mention: tuple[int, int]) -> str:
    """An unnamed speaker as the text brought them in: 'a source familiar with the matter'."""
    tail = _MENTION_TAIL.match(index.text, mention[1])
    end = tail.end() if tail else mention[1]
    cue = lex.cue_pattern().search(index.text, mention[1], end)  # '... familiar with the matter told Reuters'
    return _described(index.text[mention[0] : cue.start() if cue else end])


_MENTION_TAIL = re.compile(r"\s+(?:familiar\s+with|close\s+to|with\s+knowledge\s+of|briefed\s+on)\b[^,;.:“”\"\n]*")


def _description(phrase: Phrase, upto: int | None = None) -> str:
    """The phrase as printed, to the organisation's name when given ('a spokesman for Acme')."""
    window = phrase.window if upto is None else phrase.index.text[phrase.lo : max(upto, phrase.lo)]
    role = lex.role_pattern().search(window)
    cut = window.find(",", role.end()) if role else -1
    window = window[:cut] if cut > 0 else window  # 'a senior adviser, speaking on condition of anonymity,'
    return _described(window)


def spokesperson_for(phrase: Phrase) -> Verdict | None:
    """'a spokesman for Acme', 'an official at Acme', 'Acme spokesperson': someone unnamed
    who speaks for an organisation; a person named too ('..., Jane Roe') was taken before."""
    if phrase.persons or not lex.role_pattern().search(phrase.window) or not _unnamed_role(phrase):
        return None
    orgs = phrase.orgs or phrase.modifiers or [o for o in phrase.found if not o.speaker.person and _tied_to_role(phrase, o)]
    if not orgs and _voice_role(phrase):  # 'a source close to Jane Doe', 'a spokesman for Jane Doe'
        orgs = [o for o in phrase.found if o not in phrase.subjects]
    if not orgs:
        return None
    org = orgs[-1] if phrase.rightmost else orgs[0]
    upto = None if phrase.rightmost else org.end
    return verdict("spokesperson-for", None, description=_description(phrase, upto), affiliation=org.speaker)


# What may stand between an organisation and the role it comes before: its possessive, up to two
# lower-case words ('Acme's chief spokesman'), not a noun phrase ('On one Acme page an unnamed poster').
_BEFORE_ROLE = re.compile(r"(?:['’]s?)?\s+(?:[a-z][\w-]*\s+){0,2}")


def _tied_to_role(phrase: Phrase, org: Occurrence) -> bool:
    """Whether an organisation is the one a role speaks for: after the role ('a spokesman
    for Acme', 'an official at Acme') or right before it ('Acme's spokesman')."""
    for match in lex.role_pattern().finditer(phrase.window):
        at = phrase.lo + match.start()
        if org.start >= at or _BEFORE_ROLE.fullmatch(phrase.index.text, org.end, at):
            return True
    return False


_PERSON_VOICES = {"source", "aide", "ally", "friend", "lawyer"}  # canonical roles that speak for a person, unnamed


def _voice_role(phrase: Phrase) -> bool:
    """Whether the phrase's role speaks for someone else: a spokesperson, a source, an aide."""
    return any(lex.roles()[squash(m.group())] in lex.org_voices() | _PERSON_VOICES
               for m in lex.role_pattern().finditer(phrase.window))


def _unnamed_role(phrase: Phrase) -> bool:
    """Whether the phrase's role is an unnamed person's ('a spokesman', 'officials'), not an
    organisation's own part ('Acme's board' is an org noun, taken later)."""
    for match in lex.role_pattern().finditer(phrase.window):
        start, end = phrase.lo + match.start(), phrase.lo + match.end()
        if any(o.start <= start and end <= o.end for o in phrase.found):
            continue  # 'Justice' of 'the Department of Justice': a name, not a role
        if phrase.window[match.end() : match.end() + 1] not in ("’", "'"):
            return True
    return False


# A group that speaks for someone, opening the phrase: 'Allies of', 'Friends of the', 'Lawyers for'.
_VOICE_HEAD = re.compile(
    r"^\W*(?:(?:some|two|three|several|senior|close|longtime|long-time|former)\s+)*(?P<head>[A-Za-z-]+)\s+"
    r"(?:of|to|for|close\s+to|around|familiar\s+with)\s", re.IGNORECASE)


def voices_of(phrase: Phrase) -> Verdict | None:
    """'Allies of Jane Doe said', 'Friends of the Business Secretary, John Roe, said',
    'People close to Jane Doe said': people who speak for someone, unnamed; never that
    someone, nor a name in apposition to them."""
    head = _VOICE_HEAD.match(phrase.window)
    if head is None:
        return None
    word = head.group("head").lower()
    canonical = lex.roles().get(word)
    if word not in ("people", "those") and not (canonical and canonical != word and word.endswith("s")
                                                and canonical in lex.org_voices() | _PERSON_VOICES):
        return None
    after = [o for o in phrase.found if o.start >= phrase.lo + head.end()]
    return verdict("spokesperson-for", None, description=_description(phrase),
                   affiliation=after[0].speaker if after else None)


def organisation_named(phrase: Phrase) -> Verdict | None:
    """'Acme Corp said': an organisation named in the phrase, by its name as printed when
    the entity holds only part of it ('Chambers' of 'The British Chambers of Commerce')."""
    if not phrase.orgs:
        return None
    chosen = phrase.orgs[-1] if phrase.rightmost else phrase.orgs[0]
    return verdict("organisation-named", _printed_org(phrase.index, chosen))


_INITIALISM = re.compile(r"(?:[A-Z]\.)+")
_RUN_LEFT = re.compile(r"(?:(?<![\w’'-])[A-Z][\w&.-]*\s+)+$")
_RUN_RIGHT = re.compile(r"(?:\s+(?:of|for|and|&)\s+(?:the\s+)?[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*)+")


def _printed_org(index: SpeakerIndex, chosen: Occurrence) -> Speaker:
    """The organisation's whole name where the text goes on around the entity's words with
    capitalised ones ('British ... of Commerce'): the entity whose name that is, else the
    name as printed; the entity itself when the text adds nothing."""
    text = index.text
    lo, hi = chosen.start, chosen.end
    left = _RUN_LEFT.search(text, max(0, lo - 60), lo)
    if left is not None:
        words = text[left.start() : lo].split()
        ends = [i for i, w in enumerate(words) if w.endswith(".") and not _INITIALISM.fullmatch(w)]
        words = words[ends[-1] + 1 :] if ends else words  # not across a sentence's end: 'Monday. Acme'
        while words and (words[0].lower() in lex.not_name_words() or lex.role_pattern().fullmatch(words[0])
                         or lex.cue_pattern().fullmatch(words[0])):
            words = words[1:]
        lo -= len(" ".join(words)) + 1 if words else 0
    right = _RUN_RIGHT.match(text, hi)
    if right is not None:
        hi = right.end()
    if (lo, hi) == (chosen.start, chosen.end) or any(
            o.speaker != chosen.speaker for o in index.between(lo, hi)) or index.layout.inside_quote(lo):
        return chosen.speaker
    name = " ".join(text[lo:hi].split())
    key = index.names.get(name.lower())
    return index.speakers[key] if key else Speaker(None, name, False)


def org_voice(phrase: Phrase) -> Verdict | None:
    """'a spokesperson said' after an organisation was named: unnamed, for that organisation."""
    for match in lex.role_pattern().finditer(phrase.window):
        if lex.roles()[squash(match.group())] in lex.org_voices():
            index = phrase.index
            org = index.literal(phrase.window, phrase.lo, phrase.rightmost, anywhere=True)
            if org is None:
                org, _how = index.organisation(phrase.lo + match.start(), None)
            return verdict("org-voice", None, description=_description(phrase), affiliation=org)
    return None


def literal_name(phrase: Phrase) -> Verdict | None:
    """A capitalised name no entity has: 'said Jane Doe' kept as printed; not a word that
    only modifies an unnamed speaker's role ('A No 10 source said', 'a senior Conservative
    source told the BBC': someone unnamed, taken by unnamed_role)."""
    if _unnamed_head(phrase.window) is not None:
        return None
    speaker = phrase.index.literal(phrase.window, phrase.lo, phrase.rightmost)
    if speaker is None:
        return None
    if len(speaker.name.split()) == 1:  # 'Jane Doe, Panama coach, said': the full name, not 'Panama'
        other = phrase.index.literal(phrase.window, phrase.lo, not phrase.rightmost)
        if other is not None and other.person and len(other.name.split()) > 1:
            speaker = other
    single = speaker.key is None and len(speaker.name.split()) == 1
    return verdict("literal-single-word" if single else "literal-name", speaker)


def described_org(phrase: Phrase) -> Verdict | None:
    """'Unite, the UK's biggest union, said': the name before the description in apposition,
    not a speaker named 'UK's biggest union' (the entity when one has the name)."""
    named = _NAME_THEN_NOUN.match(phrase.window)
    if named is None or not (lex.org_noun_pattern().search(phrase.window, named.end())
                             or lex.civic_pattern().search(phrase.window, named.end())):
        return None
    name = " ".join(named.group("name").split())
    key = phrase.index.names.get(name.lower())
    return verdict("literal-name", phrase.index.speakers[key] if key else Speaker(None, name, False))


def civic_noun(phrase: Phrase) -> Verdict | None:
    """'The city reasoned', 'the county said': the local government named in the last
    sentences ('the Municipality of Springfield', by its printed name; quotes/civic_nouns.txt)."""
    index, window, lo = phrase.index, phrase.window, phrase.lo
    civic = lex.civic_pattern().search(window)
    if civic is None or not index.subject_like(lo + civic.start(), lo + civic.end(), lo) or not definite(
            index.text, lo + civic.start()) or lex.org_noun_pattern().match(window, civic.end() + 1):
        return None  # not 'the city council': an organisation noun, org_noun's
    named = index.named_near(lo + civic.start(), lex.civic_nouns()[civic.group().lower()])
    return verdict("org-noun", _printed_org(index, named)) if named else None


def org_noun(phrase: Phrase) -> Verdict | None:
    """'the company said', 'Acme Corp's board said', 'the statement said'."""
    index, window, lo = phrase.index, phrase.window, phrase.lo
    for pattern, kind in ((lex.org_noun_pattern(), "org"), (lex.document_pattern(), "document")):
        for match in pattern.finditer(window):
            owner = _OWNER_NAME.search(window, 0, match.start())
            if owner:  # "Iran's foreign ministry", "Jane Doe's statement": the owner's, not the last one named
                found = _owner_of_noun(phrase, owner, match, kind)
                if found is not None:
                    return found
            source = _FROM_ORG.match(window, match.end())
            if kind == "document" and source:  # 'a statement from the White House'
                found = _document_from(phrase, source)
                if found is not None:
                    return found
            if index.subject_like(lo + match.start(), lo + match.end(), lo):
                noun = match.group().lower() if kind == "org" else None
                speaker, how = index.organisation(lo + match.start(), noun)
                if speaker is not None:
                    return verdict("org-noun-fallback" if how == "fallback" else "org-noun", speaker)
                return None
    return None


def _owner_of_noun(phrase: Phrase, owner: re.Match[str], match: re.Match[str], kind: str) -> Verdict | None:
    """The owner named before an organisation's noun or a document ("Acme Corp's board":
    Acme Corp; "Jane Doe's office": her; "Iran's foreign ministry" as printed), or None."""
    index, window, lo = phrase.index, phrase.window, phrase.lo
    start, end = lo + owner.start(1), lo + owner.end(1)
    printed = " ".join(owner.group(1).split())
    owned = [o.speaker for o in index.between(start, end) if o.end == end and (
        o.start == start or _titles_only(index.text[start : o.start]))]  # 'Prime Minister Jane Doe's office': hers
    key = index.names.get(printed.lower())
    if owned:  # "Acme Corp's board": Acme Corp; "Jane Doe's office": her
        return verdict("owner-of-noun", owned[0])
    if key:
        return verdict("owner-of-noun", index.speakers[key])
    if kind == "org" or len(owner.group(1).split()) > 1:
        printed = printed if kind == "document" else " ".join(window[owner.start() : match.end()].split())
        return verdict("owner-of-noun", Speaker(None, printed, False))
    return None


def _document_from(phrase: Phrase, source: re.Match[str]) -> Verdict | None:
    """The organisation a document is from ('a statement from the White House'), or its
    unnamed author ('the post by an unknown author'), or None."""
    index, window, lo = phrase.index, phrase.window, phrase.lo
    after = [o for o in index.between(lo + source.end(), lo + len(window)) if not o.speaker.person]
    if after and after[0].start == lo + source.end():
        return verdict("owner-of-noun", after[0].speaker)
    if _UNNAMED_AUTHOR.match(window, source.end()) and lex.role_pattern().search(window, source.end()):
        # 'the post by an unknown author': someone unnamed, not the organisation just named
        return verdict("unnamed-role", None, description=_described(window))
    return None


# A name, then a comma and a description that opens with a determiner: 'Unite, the ...'.
_NAME_THEN_NOUN = re.compile(r"\s*(?P<name>[A-Z][\w&.’'-]*(?:\s+(?:[A-Z][\w&.’'-]*|of|for|and|&))*),\s+(?:the|a|an)\s")


def _titles_only(text: str) -> bool:
    """Whether words before a name are its titles only: 'Prime Minister ' of 'Prime Minister Jane Doe'."""
    rest = lex.role_pattern().sub("", text)
    return bool(text.strip()) and not rest.strip()


def _name_after_title(name: str) -> str | None:
    """The name after a title inside a 'person' entity's name: 'John Roe' of 'Medical Officer John Roe'."""
    words = name.split()
    for i in range(1, len(words) - 1):
        if words[i].lower() in speakers_first_names() and any(
                lex.role_pattern().fullmatch(w) for w in words[:i]):
            return " ".join(words[i:])
    return None


def _role_as_name(name: str) -> bool:
    """A 'person' whose name is a role ('Medical Officer' of 'Chief Medical Officer'): no one's name."""
    words = name.split()
    return (len(words) > 1 and lex.role_pattern().fullmatch(words[-1]) is not None
            and words[0].lower() not in speakers_first_names())


# 'a statement from the White House', 'the statement, issued by Acme Corp'
_FROM_ORG = re.compile(r"(?:,?\s+(?:issued|released|put\s+out|sent|signed|published)\s+by|\s+(?:from|by|of))\s+(?:the\s+)?")
# An unnamed author after 'by' or 'from': 'an unknown author', 'one of its members', 'his lawyer'.
_UNNAMED_AUTHOR = re.compile(r"(?:an?|one|another|some|his|her|their|its)\s+(?:[a-z][\w-]*\s+){0,3}?(?:[a-z][\w-]*)\b")


def org_pronoun(phrase: Phrase) -> Verdict | None:
    """'it said': the organisation the nearest sentences name."""
    for match in lex.pronoun_pattern().finditer(phrase.window):
        if lex.pronouns()[match.group().lower()][0] == "org":
            speaker, how = phrase.index.organisation(phrase.lo + match.start(), None)
            return verdict("org-pronoun", speaker, unsure=how == "fallback") if speaker else None
    return None


def relative_antecedent(phrase: Phrase) -> Verdict | None:
    """'Acme Corp, which called it "..."': the last name before 'which'."""
    if phrase.found:
        return verdict("relative-antecedent", phrase.found[-1].speaker)
    return literal_name(phrase)


_NARRATIVE_WORDS = 14  # a narrative sentence before a colon is this long at most (a quoted fragment one word)
_QUOTED = re.compile(r"[“\"][^“”\"]*[”\"]")


def roundup(phrase: Phrase) -> Verdict | None:
    """'Jane Doe, The Daily Example: "..."': the person, not the outlet after the comma."""
    found = quote_phrases.first("introduced", phrase.window)
    if found is None:
        return None
    person = name_in_cue(Phrase(phrase.index, phrase.lo + found.lo, phrase.lo + found.hi, False))
    return verdict("roundup", person.speaker) if person else None


def narrative_subject(phrase: Phrase) -> Verdict | None:
    """'Jane Doe deflected with a question: "..."': a sentence that names one person as its
    subject (others only behind a preposition: 'an update from John Roe') and introduces
    the quote with a colon or comma."""
    if len(_QUOTED.sub("Q", phrase.window).split()) > _NARRATIVE_WORDS or not phrase.persons:
        return None
    first = phrase.persons[0]
    people = {o.speaker for o in phrase.found if o.speaker.person and not _after_preposition(phrase, o, first)}
    lead = phrase.index.text[phrase.lo : first.start].strip()
    if len(people) != 1 or (lead and not is_honorific(lead)):
        return None
    if any(not o.speaker.person for o in phrase.found):
        return None
    for document in lex.document_pattern().finditer(phrase.window):
        if _FROM_ORG.match(phrase.window, document.end()):
            return None  # 'Jane Doe read a statement from her family:': the family's words
    return verdict("narrative-subject", first.speaker)


_PREPOSITION_BEFORE = re.compile(r"\b(?:from|to|for|with|about|by|on|at|against|of)\s+$", re.IGNORECASE)


def _after_preposition(phrase: Phrase, occurrence: Occurrence, first: Occurrence) -> bool:
    """A person named after the subject behind a preposition: 'an update from Jane Doe'."""
    text = phrase.index.text
    return (occurrence.start > first.end and occurrence.speaker != first.speaker
            and _PREPOSITION_BEFORE.search(text, max(phrase.lo, occurrence.start - 12), occurrence.start) is not None)


_UNNAMED_TAIL = re.compile(r"\s+(?:familiar\s+with|close\s+to|with\s+knowledge\s+of|briefed\s+on)\b[^,;\x00]*")
_UNNAMED = re.compile(r"\s*(?:one|a|an|another|his|her|their)\s+(?:[a-z][\w-]*\s+){0,2}?$", re.IGNORECASE)


def unnamed_again(phrase: Phrase) -> Verdict | None:
    """'A source said ... "...," the source added': a definite role no one in the article
    holds, after an unnamed holder of it in the last sentences, is that unnamed one."""
    if phrase.found:
        return None
    index = phrase.index
    for match in lex.role_pattern().finditer(phrase.window):
        start = phrase.lo + match.start()
        if not definite(index.text, start) or not index.subject_like(start, phrase.lo + match.end(), phrase.lo):
            continue
        mention = index.unnamed_mention(lex.roles()[squash(match.group())], start, -1)
        if mention is not None:
            return verdict("unnamed-antecedent", None, description=_mentioned(index, mention))
    return None


# An indefinite determiner, up to three words of any case, and a role that ends the phrase
# (but for what may follow an unnamed speaker's role: 'familiar with the talks').
_UNNAMED_ANY = re.compile(r"\s*(?:one|a|an|another)\s+(?:[\w.’'-]+\s+){0,3}?$", re.IGNORECASE)


_LOWER_WORD = re.compile(r"\s+[a-z]")


def _unnamed_head(window: str) -> re.Match[str] | None:
    """The role of a phrase that is an unnamed speaker's whole description: 'A No 10 source'."""
    for match in lex.role_pattern().finditer(window):
        if _UNNAMED_ANY.fullmatch(window[: match.start()]):
            tail = _UNNAMED_TAIL.match(window, match.end())
            rest = window[tail.end() if tail else match.end() :]
            if not rest.strip(" ,;:\u2014\u2013-") or rest.lstrip()[:1] == "," or _LOWER_WORD.match(rest):
                return match  # the role ends the subject: 'A senior Tory source was blunter:'

    return None


def unnamed_role(phrase: Phrase) -> Verdict | None:
    """'One witness, who asked not to be named, said', 'her lawyer said' (no lawyer of hers
    named): someone the text describes by a role and does not name, for no organisation;
    shown as described, never as a name."""
    if phrase.found:
        return None
    head = _unnamed_head(phrase.window)
    for match in ([head] if head else []) + list(lex.role_pattern().finditer(phrase.window)):
        if match is head or _UNNAMED.fullmatch(phrase.window[: match.start()]):
            tail = _UNNAMED_TAIL.match(phrase.window, match.end())  # 'familiar with the talks'
            end = tail.end() if tail else match.end()
            return verdict("unnamed-role", None, description=_description(phrase, phrase.lo + end))
    return None


# The order is the policy: a name beats a pronoun, a pronoun a role, a role an organisation.
RESOLVERS: tuple[Resolver, ...] = (
    voices_of, subject_pronoun, name_in_cue, pronoun, epithet, role_holder, spokesperson_for,
    organisation_named, org_voice, literal_name, described_org, civic_noun, org_noun, org_pronoun, unnamed_again,
    unnamed_role,
)
PERSONS_ONLY: tuple[Resolver, ...] = (name_in_cue,)
NEAREST: tuple[Resolver, ...] = (relative_antecedent,)
INTRODUCED: tuple[Resolver, ...] = (roundup, narrative_subject)


def resolve(index: SpeakerIndex, lo: int, hi: int, rightmost: bool = True, nearest: bool = False,
            persons_only: bool = False, introduced: bool = False) -> Verdict | None:
    """The first answer of the resolvers for the phrase lo..hi, or None when none answers.

    `nearest` takes the last name whatever its role (the antecedent of 'which');
    `persons_only` looks for a named person only; `introduced` reads a sentence that
    introduces a quote with a colon and no cue."""
    phrase = Phrase(index, lo, hi, rightmost)
    chain = NEAREST if nearest else PERSONS_ONLY if persons_only else INTRODUCED if introduced else RESOLVERS
    for resolver in chain:
        found = resolver(phrase)
        if found is not None:
            return _unnamed_if_anonymous(phrase, found)
    return None


_REFERRING = {"subject-pronoun", "pronoun", "epithet", "role-holder", "role-holder-later", "office-holder"}


def _unnamed_if_anonymous(phrase: Phrase, found: Verdict) -> Verdict:
    """A speaker found by reference (a pronoun, a role) in a sentence that says its speaker
    is not named ('"...," the official said, speaking on condition of anonymity') is
    someone unnamed, never a person the article names elsewhere."""
    if found.speaker is None or found.resolver not in _REFERRING or not phrase.index.anonymous(phrase.lo, phrase.hi):
        return found
    role = lex.role_pattern().search(phrase.window)  # 'the official'; a pronoun describes no one
    return verdict("anonymous", None, description=_description(phrase) if role else None)
