"""Who may speak in an article, and where the text names them: the speaker index.

SpeakerIndex knows the article's people and organisations, where each is named (entity
mentions, and their names and aliases found in the text), the roles and genders the text
gives them, and the speakers of the quotes read so far. It answers the questions the
speaker resolvers (speaker_resolvers.py) ask: who a pronoun, a role ("the attorney
general"), an institution ("the company") may stand for, and which name in a phrase is
a subject. Deciding among the answers, and how sure to be, is the resolvers' work.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from builder import regex_cache, wordlists
from builder.annotate import evidence, lexicon, speaker_lookups
from builder.annotate.people import honorific_words, is_honorific
from builder.annotate import quote_lexicon as lex
from builder.annotate.quote_context import Layout
from builder.annotate.speaker_lookups import NAMED_LOOKBACK_SENTENCES, NOUN_LOOKBACK_SENTENCES
from builder.model import EntityType, LocalEntity, Mention

_ROLE_AFTER_NAME = re.compile(r",\s+([^,.;:]{1,70})")
_WORD = re.compile(r"\w+")

_SPEAKING = {EntityType.PERSON, EntityType.ORG}
_TOKEN = re.compile(r"[\w’'.&-]+|[^\w\s]")
# A person named by an epithet, as sports, profile and political pieces do: "the Italian
# said", "the 34-year-old added", "the New York Democrat told reporters".
OWNER_BEFORE = re.compile(r"\b([A-Z][\w-]+)['’]s\s+(?:[a-z]+\s+)?$")  # "Qatar's (foreign) minister"
RELATIVE = re.compile(r",\s*(?:who|which|whose|whom)\b[^,]*")
# (a small number may end it: 'No 10', 'Channel 4'; not a date's day before a name: 'May 5 Acme')
_NAME_RUN = re.compile(r"[A-Z][\w.&-]*(?:[’']s?)?(?:\s+(?:[A-Z][\w.&-]*(?:[’']s?)?|(?:of|de|van|von|bin|al)\b))*"
                       r"(?:\s+\d{1,3}\b(?![.,]?\d)(?!\s+[A-Z]))?")
_POSSESSIVE = re.compile(r"[’']s?$")
_ADJECTIVE = re.compile(r"(?:ian|ean|ese|ish|can|ic|i)$")
COORDINATED = re.compile(r"\s*(?:,\s*)?(?:and|or|&|,)\s*")  # 'Jane Doe and Mary Roe', 'Doe, Roe'
_LOOKBACK_SENTENCES = 10
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$")  # 'was asked by'
_KIN_AFTER = re.compile(r"[’']s\s+(?P<first>[a-z]+)(?:\s+(?P<second>[a-z]+))?")  # "'s (late) mother", "'s lawyer"
_HANDLE_EVIDENCE = frozenset({"brand-shape", "said"})  # evidence ids (entities/evidence.txt) a person's handle gets too
_LOOKBACK_BLOCKS = 4


@dataclass(frozen=True)
class Speaker:
    key: str | None  # LocalEntity.key, None for a name no entity has
    name: str
    person: bool


@dataclass(frozen=True)
class Occurrence:
    start: int  # absolute offsets in the source text
    end: int
    speaker: Speaker


def whole_words(text: str, phrases: Iterable[str]) -> list[tuple[int, int, str]]:
    """Where the phrases stand in the text as whole words (no letter, digit, "_" or "-" on
    either side), left to right, the longest at one place, none inside another: (start, end,
    phrase). What re.finditer gives for the alternation of the phrases, longest first, with
    those borders, without compiling a pattern for each article's names."""
    best: dict[int, str] = {}
    for phrase in phrases:
        size = len(phrase)
        if not size:
            continue
        at = text.find(phrase)
        while at >= 0:
            end = at + size
            if ((at == 0 or not _in_word(text[at - 1])) and (end == len(text) or not _in_word(text[end]))
                    and size > len(best.get(at, ""))):
                best[at] = phrase
            at = text.find(phrase, at + 1)
    out = []
    done = 0
    for start in sorted(best):
        if start >= done:
            done = start + len(best[start])
            out.append((start, done, best[start]))
    return out


def _in_word(char: str) -> bool:
    """A character of a word as the patterns' \\w and '-' have it."""
    return char.isalnum() or char in "_-"


class SpeakerIndex:
    """An article's possible speakers and where the text names them."""

    def __init__(
        self, text: str, layout: Layout, entities: Sequence[LocalEntity], mentions: Sequence[Mention]
    ) -> None:
        self.text = text
        self.layout = layout
        self.entities = {e.key: e for e in entities if e.type in _SPEAKING}
        self.speakers = {k: Speaker(k, e.name, e.type is EntityType.PERSON) for k, e in self.entities.items()}
        # organisations typed by a handle's shape or a 'said' alone ('NightOwl'): as likely a person's
        self.doubtful = {k for k, e in self.entities.items() if e.type is EntityType.ORG
                         and _HANDLE_EVIDENCE.intersection(e.evidence)
                         and not evidence.group("strong-org").intersection(e.evidence)}
        self.occurrences = self._find_occurrences(mentions)
        self._starts = [o.start for o in self.occurrences]
        self.names = self._name_table()
        self._drop_surname_orgs()
        self.role_evidence: dict[str, list[str]] = {}
        self.other_roles: dict[str, set[str]] = {}  # roles the text gives a person as another office or a past one
        self.roles = self._find_roles()
        self.gender = self._find_genders()
        self.said: list[Occurrence] = []  # speakers of earlier quotes, at their cue, in text order
        self._said_starts: list[int] = []
        self._first_seen: dict[Speaker, int] = {}
        self._counts: Counter[Speaker] = Counter()
        self._pronouns: dict[tuple[int, str | None, int], list[Speaker]] = {}
        self._anonymous: dict[int, list[int]] = {}  # sentence -> where its anonymity markers start
        for occ in self.occurrences:
            self._first_seen.setdefault(occ.speaker, occ.start)
            self._counts[occ.speaker] += 1

    # --- building the index -----------------------------------------------------

    def _find_occurrences(self, mentions: Sequence[Mention]) -> list[Occurrence]:
        found = [Occurrence(m.start, m.end, self.speakers[m.key]) for m in mentions if m.key in self.speakers]
        taken = sorted((o.start, o.end) for o in found)
        surfaces: dict[str, str] = {}
        for key, entity in self.entities.items():
            for surface in (entity.name, *entity.aliases):
                if len(surface) >= 3 and surface[0].isupper():
                    surfaces.setdefault(surface, key)
        for start, end, surface in whole_words(self.text, surfaces):
            i = bisect.bisect_right(taken, (start, len(self.text))) - 1
            if i >= 0 and taken[i][1] > start:
                continue
            if i + 1 < len(taken) and taken[i + 1][0] < end:
                continue
            found.append(Occurrence(start, end, self.speakers[surfaces[surface]]))
        found = [o for o in found if not self.layout.inside_quote(o.start)]
        return sorted(found, key=lambda o: o.start)

    def _drop_surname_orgs(self) -> None:
        """An 'organisation' named by one word that is the surname of a person of the article
        ('Roe to tell conference' before 'Rachel Roe' is named) is no organisation's voice."""
        surnames = {e.name.split()[-1].lower() for e in self.entities.values()
                    if e.type is EntityType.PERSON and len(e.name.split()) > 1}
        doubtful = {k for k, e in self.entities.items()
                    if e.type is not EntityType.PERSON and len(e.name.split()) == 1 and e.name.lower() in surnames}
        if not doubtful:
            return
        self.names = {n: k for n, k in self.names.items() if k not in doubtful}
        kept = [o for o in self.occurrences if o.speaker.key not in doubtful]
        if len(kept) < len(self.occurrences):
            self.occurrences = kept
            self._starts = [o.start for o in kept]

    def _name_table(self) -> dict[str, str]:
        table: dict[str, str] = {}
        surnames: Counter[str] = Counter()
        for key, entity in self.entities.items():
            for surface in (entity.name, *entity.aliases):
                table.setdefault(surface.lower(), key)
            if entity.type is EntityType.PERSON:
                tokens = [t for t in entity.name.split() if t.lower() not in lexicon.name_suffixes()]
                if len(tokens) > 1:
                    surnames[tokens[-1].lower()] += 1
        for key, entity in self.entities.items():
            tokens = [t for t in entity.name.split() if t.lower() not in lexicon.name_suffixes()]
            if entity.type is EntityType.PERSON and len(tokens) > 1 and surnames[tokens[-1].lower()] == 1:
                table.setdefault(tokens[-1].lower(), key)
        return table

    def _find_roles(self) -> dict[str, set[str]]:
        """Canonical roles of each person: from LocalEntity.roles and the words around its names;
        not a role the text gives them only as another office or a past one ('the deputy leader',
        'former prime minister': the entity's roles may have lost the word)."""
        roles: dict[str, set[str]] = {}
        plain: dict[str, set[str]] = {}  # roles the text gives a person as they are
        other: dict[str, set[str]] = {}  # roles the text gives a person as another office or a past one
        pattern = lex.role_pattern()

        def note(key: str, evidence: str, match: re.Match[str], seen: dict[str, set[str]] | None = None) -> None:
            canonical = lex.roles()[squash(match.group())]
            if lex.other_office_before().search(evidence, max(0, match.start() - 12), match.start()):
                other.setdefault(key, set()).add(canonical)
                return
            roles.setdefault(key, set()).add(canonical)
            self.role_evidence.setdefault(key, []).append(evidence)
            if seen is not None:
                seen.setdefault(key, set()).add(canonical)

        for key, entity in self.entities.items():
            for role in entity.roles:
                for match in pattern.finditer(role):
                    note(key, role, match)
        for occ in self.occurrences:
            if not occ.speaker.person or occ.speaker.key is None:
                continue
            before = self.text[max(0, occ.start - 60) : occ.start]
            for match in pattern.finditer(before):
                if _ROLE_TAIL.fullmatch(before, match.end()):
                    note(occ.speaker.key, before, match, plain)
            after = _ROLE_AFTER_NAME.match(self.text[occ.end : occ.end + 80])
            if after:
                for match in pattern.finditer(after.group(1)):
                    note(occ.speaker.key, after.group(1), match, plain)
        for key, held in other.items():
            if key in roles:
                roles[key] -= held - plain.get(key, set())
        self.other_roles = other
        return roles

    def _find_genders(self) -> dict[str, str]:
        table = lex.genders()
        gender: dict[str, str] = {}
        for key, entity in self.entities.items():
            if entity.type is not EntityType.PERSON:
                continue
            first = entity.name.split()[0].lower() if entity.name.split() else ""
            guess = table.get(first)
            for evidence in self.role_evidence.get(key, []):
                for word in _WORD.findall(evidence.lower()):
                    if word in table and word.endswith(("man", "woman", "ess")):
                        guess = table[word]
            if guess:
                gender[key] = guess
        named = dict(gender)  # from first names and gendered role nouns
        kept = []
        for occ in self.occurrences:
            honorific = _honorific_before().search(self.text[max(0, occ.start - 16) : occ.start])
            said = table.get(honorific.group(1).lower()) if honorific else None
            if said and occ.speaker.key and named.get(occ.speaker.key, said) != said:
                continue  # 'Mr Doe' is not Jane Doe: another person of that surname
            if said and occ.speaker.key:
                gender[occ.speaker.key] = said
            kept.append(occ)
        if len(kept) < len(self.occurrences):
            self.occurrences = kept
            self._starts = [o.start for o in kept]
        return gender

    # --- resolving a speaker phrase -------------------------------------------------

    def record(self, position: int, speaker: Speaker) -> None:
        """Remember a quote's speaker, so that a later pronoun can refer back to it."""
        i = bisect.bisect_right(self._said_starts, position)
        self._said_starts.insert(i, position)
        self.said.insert(i, Occurrence(position, position, speaker))
        self._first_seen.setdefault(speaker, position)

    def pronoun(self, position: int, gender: str | None) -> Speaker | None:
        """The person 'he' or 'she' refers to: the subject of the nearest sentence naming one."""
        found = self.pronoun_candidates(position, gender)
        return found[0] if found else None

    def pronoun_candidates(self, position: int, gender: str | None) -> list[Speaker]:
        key = (position, gender, len(self.said))
        if key not in self._pronouns:
            self._pronouns[key] = self._pronoun_candidates(position, gender)
        return self._pronouns[key]

    def _pronoun_candidates(self, position: int, gender: str | None) -> list[Speaker]:
        """The people 'he' or 'she' may refer to, best first; more than one means unsure.

        The nearest sentence naming a fitting person decides: in the pronoun's own sentence
        its first subject ('When Doe was asked whether he ..., he said'), else the one
        subject of that sentence; two fitting subjects there leave the pronoun unsure."""
        passed: Speaker | None = None  # a name the pronoun may mean, in a nearer sentence
        for n, (sentence_lo, sentence_hi) in enumerate(self.sentences_back(position)):
            found = self._fitting_people(n, sentence_lo, sentence_hi, gender)
            if found is None:
                return []  # 'Minister for X Jane Doe said ...' with the name unread: she, not someone before
            if found:
                return self._candidates_in(n, found, sentence_lo, sentence_hi, gender, passed)
            passed = passed or self._doubtful_subject(sentence_lo, sentence_hi)
        return []

    def _fitting_people(self, n: int, lo: int, hi: int, gender: str | None) -> list[Occurrence] | None:
        """The people of the n-th sentence back that a pronoun of that gender may mean, in
        text order; None when a sentence before the pronoun's reports a name no entity covers."""
        found = [o for o in self.between(lo, hi, said=True) if o.speaker.person]
        found += self._role_occurrences(lo, hi)
        found = found or self._named_people(lo, hi)
        if not found and n > 0 and self._unknown_speaker(lo, hi):
            return None
        return [o for o in sorted(found, key=lambda o: o.start) if self._fits(o.speaker, gender)]

    def _candidates_in(self, n: int, found: list[Occurrence], lo: int, hi: int, gender: str | None,
                       passed: Speaker | None) -> list[Speaker]:
        """The candidates of the nearest sentence that names fitting people: its first subject,
        with a rival when another may be meant (a handle passed, the one asked, someone's kin)."""
        subjects = [o for o in found if self.subject_like(o.start, o.end, lo)]
        first = (subjects or found)[0]
        rival = passed or (self._asked(first, found) if subjects else (
            self._doubtful_subject(lo, hi) or self._kin_of(found, hi, gender)))
        if rival is not None:  # 'NightOwl told me he had talked to John Roe. ... he said': either
            return [first.speaker, rival]
        if n > 0:  # 'Mary Smith and Jane Roe spoke. ... she said': either of them
            joined = [o for o in (subjects or found)[1:] if o.speaker != first.speaker
                      and COORDINATED.fullmatch(self.text[first.end : o.start])]
            return [first.speaker, *(o.speaker for o in joined[:1])]
        return [first.speaker]

    def _asked(self, first: Occurrence, found: list[Occurrence]) -> Speaker | None:
        """The one the subject asked ('John Roe asked Tom Poe whether ...'): may be the one who answers."""
        for o in found:
            if o.start > first.end and o.speaker != first.speaker:
                asked = lex.question_pattern().search(self.text, first.end, o.start)
                if asked is not None and not _PASSIVE_BEFORE.search(self.text, max(0, asked.start() - 12), asked.start()):
                    return o.speaker
        return None

    def _kin_of(self, found: list[Occurrence], hi: int, gender: str | None) -> Speaker | None:
        """Someone unnamed a person's possessive names ('Jane Doe's mother', 'John Roe's
        lawyer'): as likely the one a pronoun means as the person named (not 'her husband'
        for 'she')."""
        for o in found:
            kin = _KIN_AFTER.match(self.text, o.end, hi)
            if kin is None:
                continue
            for noun in ("first", "second"):
                word = kin.group(noun) or ""
                if gender is not None and lex.genders().get(word, gender) != gender:
                    break  # 'Jane Doe's husband' is no 'she'
                if word in lexicon.kinship() or lex.role_pattern().fullmatch(word):
                    return Speaker(None, " ".join(self.text[o.start : kin.end(noun)].split()), True)
        return None

    def _doubtful_subject(self, lo: int, hi: int) -> Speaker | None:
        """A name typed organisation by its shape alone that is a subject in lo..hi ('NightOwl
        pitched the project'): a handle, as likely a person's as a firm's."""
        if not self.doubtful:
            return None
        for o in self.between(lo, hi):
            if o.speaker.key in self.doubtful and self.subject_like(o.start, o.end, lo) and not self.adjunct(o.start, o.end, hi):
                return o.speaker
        return None

    def organisation(self, position: int, noun: str | None) -> tuple[Speaker | None, str]:
        """The organisation 'it', 'the company' or 'the statement' stands for, and how it
        was found: 'named' (an organisation whose name holds the noun), 'near' (one named
        in the last sentences), 'fallback' (the most mentioned so far): the organisation
        steps of speaker_lookups, in order."""
        return speaker_lookups.organisation(self, position, noun)

    def named_near(self, position: int, words: Sequence[str]) -> Occurrence | None:
        """Where the organisation whose name holds one of the words was last named, in the
        last sentences before a position: 'the city' for the 'Municipality of Springfield'."""
        named = self.last_before(position, lambda s: not s.person and any(w in s.name.lower() for w in words))
        if named is None:
            return None
        sentences = list(self.sentences_back(position))[:NAMED_LOOKBACK_SENTENCES]
        found = [o for lo, hi in sentences for o in self.between(lo, hi) if o.speaker == named]
        return max(found, key=lambda o: o.start) if found else None

    def anonymous(self, lo: int, hi: int) -> bool:
        """Whether the reporter's words say that the speaker of the phrase lo..hi is not
        named: in the phrase ('A senior official, who spoke on condition of anonymity,'),
        before it in its sentence ('Speaking anonymously, he said') or right after it
        ('"...," the official said, speaking on condition of anonymity'); not in a clause
        about others ('she said, adding that two aides had spoken anonymously')."""
        if not self.layout.sentences:
            return False
        at = self.layout.sentence_at(lo)
        if at not in self._anonymous:
            sentence = self.layout.sentences[at]
            start = sentence.start - self.layout.blocks[sentence.block].start
            masked = self.layout.masked[sentence.block][start : start + sentence.end - sentence.start]
            self._anonymous[at] = [sentence.start + m.start() for m in lex.anonymity_pattern().finditer(masked)]
        for marker in self._anonymous[at]:
            if marker < hi:
                return True
            between = self.text[hi:marker]
            if len(between) <= _ANONYMITY_AFTER and not _CLAUSE_WORDS.search(between):
                return True
        return False

    def last_named(self, speaker: Speaker, position: int) -> int:
        """Where a speaker was last named (or last quoted) before a position; -1 if never."""
        last = -1
        for occurrences, starts in ((self.occurrences, self._starts), (self.said, self._said_starts)):
            for occ in reversed(occurrences[: bisect.bisect_left(starts, position)]):
                if occ.speaker == speaker:
                    last = max(last, occ.start)
                    break
        return last

    def unnamed_mention(self, canonical: str, position: int, since: int) -> tuple[int, int] | None:
        """The last indefinite mention of a role ('a senior administration official')
        after `since` and in the sentences just before `position`: 'the official said'
        after it is that unnamed official, not one the article named earlier."""
        sentences = list(self.sentences_back(position))[:NOUN_LOOKBACK_SENTENCES + 1]
        if not sentences:
            return None
        lo = max(since + 1, sentences[-1][0])
        found = None
        for match in lex.role_pattern().finditer(self.text, lo, position):
            if lex.roles()[squash(match.group())] != canonical or self.layout.inside_quote(match.start()):
                continue
            article = _INDEFINITE_MENTION.search(self.text, max(lo, match.start() - 60), match.start())
            if article is not None and not self._appositive(article.start()):
                found = (article.start(), match.end())
        return found

    def _appositive(self, position: int) -> bool:
        """Whether a phrase at a position describes the person named right before it:
        'Jane Doe, a spokeswoman for Acme', 'Jane Doe, who is a spokeswoman'."""
        before = self.between(max(0, position - 80), position)
        people = [o for o in before if o.speaker.person]
        return bool(people) and _APPOSITION.fullmatch(self.text, people[-1].end, position) is not None

    # --- helpers --------------------------------------------------------------------

    def between(self, lo: int, hi: int, said: bool = False) -> list[Occurrence]:
        found = self.occurrences[bisect.bisect_left(self._starts, lo) : bisect.bisect_left(self._starts, hi)]
        if said:
            spoken = self.said[bisect.bisect_left(self._said_starts, lo) : bisect.bisect_left(self._said_starts, hi)]
            found = sorted(found + spoken, key=lambda o: o.start) if spoken else found
        return found

    def last_before(self, position: int, wanted: Callable[[Speaker], bool]) -> Speaker | None:
        """The speaker of the last wanted occurrence (or earlier quote's speaker) before a position."""
        best: Occurrence | None = None
        for occurrences, starts in ((self.occurrences, self._starts), (self.said, self._said_starts)):
            for occ in reversed(occurrences[: bisect.bisect_left(starts, position)]):
                if wanted(occ.speaker):
                    if best is None or occ.start > best.start:
                        best = occ
                    break
        return best.speaker if best else None

    def seen(self, speaker: Speaker) -> bool:
        """Whether the speaker is named (or quoted) anywhere in the article."""
        return speaker in self._first_seen

    def organisations_seen_before(self, position: int) -> list[Speaker]:
        """The organisations first named before a position."""
        return [s for s, at in self._first_seen.items() if not s.person and at < position]

    def prominence(self, speaker: Speaker) -> tuple[int, int]:
        """How often the speaker is named, then where first (a tie goes to the later one)."""
        return self._counts[speaker], self._first_seen[speaker]

    def sentences_back(self, position: int) -> Iterable[tuple[int, int]]:
        sentences = self.layout.sentences
        if not sentences:
            return
        index = self.layout.sentence_at(position)
        first_block = sentences[index].block
        for k in range(index, max(-1, index - _LOOKBACK_SENTENCES), -1):
            if first_block - sentences[k].block > _LOOKBACK_BLOCKS:
                return
            yield sentences[k].start, min(sentences[k].end, position)

    def _fits(self, speaker: Speaker, gender: str | None) -> bool:
        if gender is None:
            return True
        known = self.gender.get(speaker.key) if speaker.key else lex.genders().get(speaker.name.split()[0].lower())
        return known is None or known == gender

    def subject_like(self, start: int, end: int, floor: int = 0) -> bool:
        """False for a possessive (Acme’s) or a name after a preposition (a spokesman for Acme).

        Only the words from `floor` on are looked at: the phrase, not what introduced it.
        """
        if self.text[end : end + 1] in ("’", "'"):
            return False
        tokens = _TOKEN.findall(self.text[max(floor, start - 80) : start])
        previous_capital = False
        for n, token in enumerate(reversed(tokens)):
            low = token.lower()
            if n == 0 and (is_honorific(token) or low in lexicon.titles()["head"]):
                continue  # 'allies of Ms Doe', 'an appointee of President Doe': the title is the name's, 'of' governs it
            if token[0].isupper() or low.endswith(("’s", "'s")) or low in wordlists.determiners()["article"]:
                previous_capital = token[0].isupper()
                continue
            if low == "of" and previous_capital:
                continue
            if low in ("and", "or", "&") and (previous_capital or n == 0):
                continue  # 'signed by Jane Doe and John Roe': the list's preposition governs both
            if low not in lex.not_subject_words():
                return True
            if not (n and len(tokens) > n + 1 and tokens[-n - 2].lower() in wordlists.determiners()["article"]):
                return False  # a preposition or a verb that governs the name: 'for Acme', 'met Jane Doe'
            # else a noun after its article, governing nothing: 'Following the meeting the Minister said'
        return True

    def adjunct(self, start: int, end: int, hi: int) -> bool:
        """Whether a name only modifies the noun after it: 'one Facebook page', 'the Acme
        car park' (a determiner before, a plain noun after); not 'the Acme board' or 'a
        Reuters report' (an organisation's part or document speaks for it)."""
        after = _NOUN_AFTER.match(self.text, end, hi)
        if after is None or not _DETERMINER_BEFORE.search(self.text, max(0, start - 12), start):
            return False
        noun = after.group(1).lower()
        return not (noun in lex.not_subject_words() or noun in _AUXILIARIES or noun.endswith(("ly", "ed"))
                    or lex.org_noun_pattern().fullmatch(noun) or lex.document_pattern().fullmatch(noun)
                    or lex.role_pattern().fullmatch(noun) or lex.cue_pattern().fullmatch(noun))

    def titled(self, start: int, floor: int = 0, end: int | None = None) -> bool:
        """Whether the name at `start` follows its own title with a domain: 'Minister for
        Education Jane Doe', 'chief executive of the Example Council Jane Doe', 'Undersecretary
        for Education Mr. Doe' (the name is the subject, not the object of 'for'); not 'a
        spokesman for Governor Jane Doe' (a title right before the name: the one spoken for)."""
        if end is not None and len(self.text[start:end].split()) < 2 and not match_honorific(self.text, start):
            return False  # 'the MP for Leeds North': one word after the domain is the domain's own
        match = _titled_pattern().search(self.text, max(floor, start - 120), start)
        if match is None or squash(match.group("role")) in lex.org_voices() or lex.roles().get(
                squash(match.group("role"))) in lex.org_voices():
            return False
        words = [w for w in match.group("domain").split() if w[0].isupper()]
        heads = lexicon.titles()["head"]
        return bool(words) and words[-1].lower().rstrip(".") not in heads and words[-1].lower() not in heads

    def _titled_in_run(self, run: re.Match[str], lo: int) -> int | None:
        """In a capitalised run after a title and 'for' ('Environment Peter Hollis' of
        'Minister for Environment Peter Hollis'), the index of the token where the name begins."""
        words = list(re.finditer(r"\S+", run.group()))
        for i, word in enumerate(words):
            if 0 < i and word.group().lower() in first_names() and 2 <= len(words) - i <= 3:
                return i if self.titled(lo + run.start() + word.start(), lo) else None
        return None

    def role_in(self, window: str, lo: int, orgs: list[Occurrence]) -> tuple[Speaker | None, str]:
        """The holder of a definite role in the phrase ('the chancellor'), and how:
        'holder' (a person the article gives the role) or 'office' (a guess: the person just
        written of, for an office no one in the article is given)."""
        for match in lex.role_pattern().finditer(window):
            start = lo + match.start()
            if not self._holder_role(window, match, lo):
                continue
            surface = squash(match.group())
            canonical = lex.roles()[surface]
            if surface.endswith(("s", "men", "people")) and not canonical.endswith("s") and surface != canonical:
                continue  # plural: a group, not one person
            if lex.other_office_before().search(window, max(0, match.start() - 12), match.start()):
                return self._other_office_holder(canonical), "holder"  # 'the former minister said'
            owner = OWNER_BEFORE.search(self.text, max(lo, start - 40), start)
            speaker, later, rival = self.role(canonical, start, orgs, owner.group(1) if owner else None,
                                              _qualifier(self.text, max(lo, start - 40), start)
                                              + _domain(self.text, lo + match.end(), lo + len(window)),
                                              _modifier(self.text, max(lo, start - 40), start))
            if speaker:
                return speaker, "later" if later else "rival" if rival else "holder"
            if not orgs and not owner and not any(canonical in rs for rs in self.roles.values()):
                return self._office_holder(canonical, start), "office"
        return None, ""

    def _holder_role(self, window: str, match: re.Match[str], lo: int) -> bool:
        """Whether a role in a phrase may stand for its holder: a definite subject ('the
        chancellor said'), not the title of a name after it ('Prime Minister Jane Doe's
        office', 'wrote blogger jdoe1984')."""
        start = lo + match.start()
        if not self.subject_like(start, lo + match.end(), lo) or not definite(self.text, start):
            return False
        if _TITLE_OF_NAME.match(window, match.end()) and match.group()[:1].isupper():
            return False
        cue_before = _LAST_TOKEN.search(window, 0, match.start())
        bare = not window[: match.start()].strip() or (
            cue_before is not None and lex.cue_pattern().fullmatch(cue_before.group(1)) is not None)
        return not (bare and _WORD_AFTER.match(window, match.end()))

    def shared_surname(self, occurrence: Occurrence) -> bool:
        """Whether a person named by a surname alone ('Doe', 'Mr Doe') shares it with another
        person of the article the honorific does not rule out: either may be meant."""
        surface = self.text[occurrence.start : occurrence.end].split()
        if len(surface) != 1 or not occurrence.speaker.person:
            return False
        honorific = _honorific_before().search(self.text, max(0, occurrence.start - 16), occurrence.start)
        gender = lex.genders().get(honorific.group(1).lower()) if honorific else None
        surname = _POSSESSIVE.sub("", surface[0]).lower()
        bearers = [k for k, e in self.entities.items() if e.type is EntityType.PERSON and len(e.name.split()) > 1
                   and e.name.split()[-1].lower() == surname and (gender is None or self.gender.get(k, gender) == gender)]
        if len(bearers) > 1:  # one the text calls by another name ('Tom'): the surname is the other's
            bearers = [k for k in bearers if k == occurrence.speaker.key or not self._called_otherwise(k, surname)]
        if len(bearers) > 1:  # one named only later is no one's surname yet ('Roe to speak' before both: the first)
            seen = sorted(bearers, key=lambda k: self._first_seen.get(self.speakers[k], len(self.text)))
            before = [k for k in seen if self._first_seen.get(self.speakers[k], len(self.text)) < occurrence.start]
            bearers = before or seen[:1]
        return len(bearers) > 1

    def _called_otherwise(self, key: str, surname: str) -> bool:
        """Whether the text names a person by a name without their surname ('Tom' of Tom Doe)."""
        return any(o.speaker.key == key and surname not in self.text[o.start : o.end].lower() for o in self.occurrences)

    def _other_office_holder(self, canonical: str) -> Speaker | None:
        """The one person the text gives a role as another office or a past one ('the former
        minister, John Roe'): 'the former minister said' is theirs; no one's when two are."""
        holders = [key for key, held in self.other_roles.items() if canonical in held]
        return self.speakers[holders[0]] if len(holders) == 1 else None

    def _office_holder(self, canonical: str, position: int) -> Speaker | None:
        """'Sir John Roe defended it. ... the prime minister said': an office no one in
        the article is given stands for the person just written of, if that person is
        given no role at all (an office, not a spokesperson or an analyst)."""
        if canonical.split()[-1] not in lexicon.titles()["head"] or canonical in lex.org_voices():
            return None
        speaker = self.pronoun(position, None)
        if speaker is None or not speaker.person or (speaker.key and self.roles.get(speaker.key)):
            return None
        return speaker

    def role(self, canonical: str, position: int, orgs: Sequence[Occurrence] = (),
             owner: str | None = None, qualifier: Sequence[str] = (),
             modifier: Sequence[str] = ()) -> tuple[Speaker | None, bool, bool]:
        """The person whose role this is, most recently named before the position; whether
        the only holder is named only after it (a weaker reading); and whether another
        holder was named in the last sentences too ('Jane Doe, the health minister, and
        John Roe, the finance minister, ... the minister said': either of them).

        `owner` is a name the role is given as belonging to ("Qatar's prime minister"): the
        holder's role must name it too (or a word of the same stem: Qatari, Israeli); so
        must the `qualifier` words before the role ("the Conservative leader"). The lower-case
        `modifier` words ("the finance minister") narrow the holders when some holder's role
        names them."""
        return speaker_lookups.role(self, speaker_lookups.RoleQuery(canonical, position, orgs, owner, qualifier, modifier))

    def rival(self, named: Speaker, holders: set[str], position: int) -> bool:
        """Whether a holder other than the one named last was named in the last sentences."""
        sentences = list(self.sentences_back(position))[:NOUN_LOOKBACK_SENTENCES + 1]
        if not sentences or len(holders) < 2:
            return False
        since = sentences[-1][0]
        return any(self.last_named(self.speakers[k], position) >= since for k in holders if k != named.key)

    def _role_occurrences(self, lo: int, hi: int) -> list[Occurrence]:
        """'the judge', 'the spokeswoman' in a sentence, as occurrences of their holders."""
        out = []
        for match in lex.role_pattern().finditer(self.text, lo, hi):
            after = self.text[match.end() : match.end() + 3]
            if (re.match(r",?\s[A-Z]", after) or not definite(self.text, match.start())
                    or self.layout.inside_quote(match.start())):  # a quote's words refer to no one here
                continue
            speaker, later, rival = self.role(lex.roles()[squash(match.group())], match.start(),
                                              qualifier=_qualifier(self.text, max(lo, match.start() - 40), match.start())
                                              + _domain(self.text, match.end(), hi),
                                              modifier=_modifier(self.text, max(lo, match.start() - 40), match.start()))
            if speaker and not later and not rival:
                out.append(Occurrence(match.start(), match.end(), speaker))
        return out

    def _unknown_speaker(self, lo: int, hi: int) -> bool:
        """Whether a sentence reports the words of a capitalised name no entity covers
        ('Local Government Jane Doe said ...'): a pronoun after it may well be that person."""
        for match in _RUN_BEFORE_CUE.finditer(self.text, lo, hi):
            if self.layout.inside_quote(match.start()) or not lex.cue_pattern().fullmatch(match.group("cue")):
                continue
            if not self.between(match.start(), match.end("run")):
                return True
        return False

    def _named_people(self, lo: int, hi: int) -> list[Occurrence]:
        """People no entity covers, known by a first name: 'Mary Jones' in a sentence."""
        out = []
        for run in _NAME_RUN.finditer(self.text, lo, hi):
            tokens = run.group().split()
            while tokens and tokens[0].lower() in lex.not_name_words():
                tokens = tokens[1:]
            given = [i for i, t in enumerate(tokens) if 0 < i and t.lower() in first_names() and 2 <= len(tokens) - i <= 3]
            if given and tokens[-1].lower() not in lexicon.org_words():
                tokens = tokens[given[0]:]  # 'Environment Peter Hollis': the name after the domain
            known = lex.genders() if not given else first_names()
            if 2 <= len(tokens) <= 3 and tokens[0].lower() in known and not self.layout.inside_quote(run.start()):
                name = _POSSESSIVE.sub("", " ".join(tokens))
                key = self.names.get(name.lower())
                speaker = self.speakers[key] if key else Speaker(None, name, True)
                out.append(Occurrence(run.start(), run.end(), speaker))
        return out

    def _surname_by_honorific(self, surname: str, at: int) -> tuple[str | None, Speaker | None]:
        """The gender of the honorific before a surname, and the person it names: 'Mrs Doe'
        for the one woman of the article named Doe ('John Doe and his wife, Jane Doe, spoke.
        ... Mrs Doe said'), when exactly one fits (never one of unknown gender)."""
        honorific = _honorific_before().search(self.text, max(0, at - 16), at)
        gender = lex.genders().get(honorific.group(1).lower()) if honorific else None
        if gender is None:
            return None, None
        fits = [k for k, e in self.entities.items() if e.type is EntityType.PERSON and len(e.name.split()) > 1
                and e.name.split()[-1].lower() == surname.lower() and self.gender.get(k) == gender]
        return gender, self.speakers[fits[0]] if len(fits) == 1 else None

    def literal(self, window: str, lo: int, rightmost: bool, anywhere: bool = False) -> Speaker | None:
        """A capitalised name no entity matched: matched to an entity by name, else kept as printed.

        Only a name in subject position counts, unless `anywhere` ('a spokesman for X').
        """
        runs = self._literal_runs(window, lo, anywhere)
        for run in reversed(runs) if rightmost else runs:
            tokens = self._name_tokens(run, lo)
            if not tokens or tokens[-1].endswith(("’s", "'s", "’", "'")):
                continue
            speaker = self._run_speaker(run, tokens, lo)
            if speaker is not None:
                return speaker
        return None

    def _literal_runs(self, window: str, lo: int, anywhere: bool) -> list[re.Match[str]]:
        """The capitalised runs of a phrase that may name its speaker: subjects, not adjuncts
        ('one Acme page'), or a name after its title ('Minister for Environment Peter Hollis')."""
        hi = lo + len(window)
        return [m for m in _NAME_RUN.finditer(window)
                if anywhere or (self.subject_like(lo + m.start(), lo + m.end(), lo)
                                and not self.adjunct(lo + m.start(), lo + m.end(), hi))
                or self._titled_in_run(m, lo)]

    def _name_tokens(self, run: re.Match[str], lo: int) -> list[str]:
        """The words of a run that are the name: after its domain, its title, a word that is no name."""
        tokens = run.group().split()
        titled = self._titled_in_run(run, lo)
        if titled is not None:  # 'Minister for Environment Peter Hollis': the name after the domain
            tokens = tokens[titled:]
        for match in lex.role_pattern().finditer(run.group()):
            if run.group()[match.end() : match.end() + 1] not in ("’", "'"):
                tokens = run.group()[match.end() :].split()  # the name after a title
        while tokens and (tokens[0].lower() in lex.not_name_words() or _ADJECTIVE.search(tokens[0])):
            tokens = tokens[1:]
        return tokens

    def _run_speaker(self, run: re.Match[str], tokens: list[str], lo: int) -> Speaker | None:
        """The speaker a run's name words stand for: the person an honorific and a surname
        name, an entity of that name, else the name as printed (not one word opening a
        sentence, nor a plural)."""
        name = " ".join(tokens)
        words = list(re.finditer(r"\S+", run.group()))
        first = lo + run.start() + words[len(words) - len(tokens)].start()  # where the name begins
        gender, by_title = self._surname_by_honorific(name, first) if len(tokens) == 1 else (None, None)
        if by_title is not None:
            return by_title
        key = self.names.get(name.lower())
        if key and not (gender and self.gender.get(key, gender) != gender):  # 'Mrs Doe' is not John Doe
            return self.speakers[key]
        at_start = self.text[max(0, first - 12) : first].rstrip().rstrip("”’\"'")[-1:] in ".!?"
        if len(tokens) == 1 and (at_start or name.endswith("s")):
            return None
        return Speaker(None, name, not lex.org_noun_pattern().search(name))


def match_honorific(text: str, start: int) -> bool:
    """Whether an honorific stands right before a name: 'Mr. Doe'."""
    return _honorific_before().search(text, max(0, start - 16), start) is not None


@cache
@regex_cache.constants
def _honorific_before() -> re.Pattern[str]:
    """An honorific (people/honorifics.txt) right before a name: 'Mrs ', 'Dr. '."""
    return re.compile(rf"\b({honorific_words()})\.?\s+$")


@cache
def first_names() -> frozenset[str]:
    """First names the quote word lists give a gender (with honorifics), and, for a name
    after a domain ('Environment Peter Hollis'), the entity lists' given names."""
    return frozenset(lex.genders()) | lexicon.given_names()


# What may stand between a role and its holder's name: nothing but a comma, capitalised
# words ('Health Secretary Jane Doe'), or the role's domain ('Minister for Housing, Jane Doe').
_ROLE_TAIL = re.compile(r"(?:\s+(?:for|of|at)(?:\s+the)?(?:\s+(?:[A-Z][\w&.’'-]*|and|&))+)?(?:\s+[A-Z][\w.’'-]*)*[\s,]*")
_LAST_TOKEN = re.compile(r"(\w+)\s+$")
_WORD_AFTER = re.compile(r"\s+[@\w]")
_TITLE_OF_NAME = re.compile(r"\s+[A-Z][\w.’'-]*\s+[A-Z]")  # 'Prime Minister Jane Doe': two capitalised words
_NOUN_AFTER = re.compile(r"\s+([a-z][\w-]*)")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|one|this|that|each|every|its|his|her|their)\s+$", re.IGNORECASE)
_AUXILIARIES = {"has", "have", "had", "is", "was", "are", "were", "will", "would", "can", "could", "may", "might",
                "must", "should", "also", "then", "again", "yesterday", "today", "itself", "too", "now", "still"}
_RUN_BEFORE_CUE = re.compile(r"(?P<run>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)+)\s+(?P<cue>[a-z]+)\b")
_ANONYMITY_AFTER = 80  # how far after a speaker's phrase 'speaking on condition of anonymity' may stand
_CLAUSE_WORDS = re.compile(r"\b(?:that|because|after|when|while|although|since|whether|if)\b", re.IGNORECASE)
_APPOSITION = re.compile(r"\s*,?\s*(?:(?:who|which)\s+(?:is|was|has\s+been)\s+|is\s+|was\s+|as\s+)?")
_INDEFINITE_MENTION = re.compile(r"(?<![\w-])(?:a|an|one|another)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_QUALIFIER = re.compile(r"((?:[A-Z][\w-]*\s+){1,3})$")


@cache
@regex_cache.constants
def _titled_pattern() -> re.Pattern[str]:
    """A title, 'for'/'of'/'at', a capitalised domain, maybe an honorific, right before a name."""
    words = set(lex.roles()) | {w for w in lexicon.titles()["head"] if w.isalpha()}
    body = lex.caseless_body(sorted(sorted(words), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?P<role>{body})\s+(?:for|of|at)\s+(?:the\s+)?"
        r"(?P<domain>(?:(?:[A-Z][\w&.’'-]*|of|for|and|&)\s+)+?)"
        rf"(?:(?:{honorific_words()})\.?\s+)?\Z",
        re.IGNORECASE)


_DOMAIN = re.compile(r"\s+(?:for|of|at)\s+(?:the\s+)?((?:[A-Z][\w&.’'-]*(?:\s+(?:and|&))?\s*)+)")


def _domain(text: str, at: int, hi: int) -> tuple[str, ...]:
    """Capitalised words of a role's domain right after it: 'Housing' of 'the Minister for
    Housing' (the holder's role must name it too: 'Minister for Local Government Ravi Menon'
    is no other minister)."""
    match = _DOMAIN.match(text, at, hi)
    if match is None:
        return ()
    return tuple(w for w in match.group(1).split() if w[:1].isupper())


_MODIFIER = re.compile(r"(?<![\w’'-])(?:the|his|her|its|their|our|[\w-]+['’]s)\s+((?:[a-z][\w-]*\s+){1,2})$")
_NOT_MODIFIERS = {"former", "then", "new", "current", "outgoing", "incoming", "senior", "junior", "top", "acting",
                  "deputy", "same", "other", "late", "interim", "veteran"}


def _modifier(text: str, lo: int, at: int) -> tuple[str, ...]:
    """Lower-case words between a determiner and a role: 'finance' of 'the finance minister'."""
    match = _MODIFIER.search(text, lo, at)
    if match is None:
        return ()
    return tuple(w for w in match.group(1).split() if w not in _NOT_MODIFIERS and not lex.role_pattern().fullmatch(w))


def _qualifier(text: str, lo: int, at: int) -> tuple[str, ...]:
    """Capitalised words right before a role: 'Conservative' of 'the Conservative leader'."""
    match = _QUALIFIER.search(text, lo, at)
    if match is None:
        return ()
    return tuple(w for w in match.group(1).split() if w.lower() not in lex.not_name_words())


def squash(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def definite(text: str, start: int) -> bool:
    """Whether a role noun names one known holder: 'the spokesman', not 'a spokesman'."""
    for token in reversed(_TOKEN.findall(text[max(0, start - 60) : start])[-4:]):
        low = token.lower()
        if low in wordlists.determiners()["definite"] or low.endswith(("’s", "'s")):
            return True
        if low in wordlists.determiners()["indefinite"]:
            return False
        if not token[0].isupper():
            return True
    return True

