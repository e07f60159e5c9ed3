"""Quotations of one article, each with its speaker when the text makes it clear.

Three steps: find the spans between quote marks (quote_marks), set aside names, titles,
nicknames and scare quotes, then attribute each quotation from the cues around it
(attribution, speaker_resolvers). A quote with no cue of its own that follows another
one in the same paragraph, or opens the paragraph after a whole quoted statement, or
follows a sentence reporting a named person's words, is credited to the same speaker.
Every attribution keeps the resolver that decided and its confidence; only a confident
speaker is the quote's speaker, an unsure one is kept as a candidate for review.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from builder import wordlists
from builder.annotate import quote_lexicon as lex
from builder.annotate import quote_phrases, quote_statements
from builder.annotate.attribution import Attribution
from builder.annotate.quote_context import Layout
from builder.annotate.quote_cues import QuoteAt, Said, attribute
from builder.annotate.quote_lexicon import after_modifier, cue_pattern, naming_words, not_subject_words, work_words
from builder.annotate.quote_marks import Piece, Span, find_spans
from builder.annotate.speaker_resolvers import Verdict, confident, verdict
from builder.annotate import people
from builder.annotate.speakers import Speaker, SpeakerIndex
from builder.model import Article, Block, LocalEntity, Mention, Quote

_WORD = re.compile(r"\w+")
_WORD_RUN = re.compile(r"[\w’'-]+")
_NEXT_LOWER_WORD = re.compile(r"\s+([a-z][\w-]*)")

_TERMINAL = ".!?,;:…"
_MIN_UNCUED_WORDS = 6  # a quote with no cue and no speaker is kept only from this length on


_INTRO_CHARS = 300  # the introducing sentence shown with an unclear speaker, cut to this length


def find_quotes(
    article: Article, entities: Sequence[LocalEntity], mentions: Sequence[Mention]
) -> tuple[tuple[Quote, ...], tuple[str, ...]]:
    """Return the article's quotations and any warnings (e.g. an unbalanced quote mark)."""
    blocks = article.text_blocks
    spans, warnings = find_spans(blocks, article.file)
    spans = [s for s in spans if not _nickname(blocks, s)]
    labelled = [label for label in quote_statements.labels(blocks) if _label_title(label.words)]
    if labelled:  # a quote inside a transcript's labelled answer is the answer's
        answers = {label.block for label in labelled}
        spans = [s for s in spans if not any(p.block in answers for p in s.pieces)]
    statements = quote_statements.find(blocks, spans)
    quotes, kept = _read(article, entities, mentions, spans, statements)
    if kept != statements:  # a statement's paragraph the reporter's again: read once more without it
        quotes, _kept = _read(article, entities, mentions, spans, kept)
    if labelled:
        quotes = tuple(sorted(quotes + _answers(article, entities, mentions, spans, labelled), key=lambda q: q.start))
    return quotes, tuple(warnings)


def _label_title(words: Sequence[str]) -> int:
    """How many words of a transcript's label are a title or an honorific before a name
    ('SECRETARY DOE', 'MR. ROE', 'DEPUTY SECRETARY ROE'); 0 for a label of no title and
    name ('QUESTION', 'THE ANSWER', 'BREAKING NEWS')."""
    if len(words) > 1 and people.is_honorific(words[0]):
        return 1
    return next((k for k in range(len(words) - 1, 0, -1) if lex.role_pattern().fullmatch(" ".join(words[:k]))), 0)


def _answers(article: Article, entities: Sequence[LocalEntity], mentions: Sequence[Mention], spans: list[Span],
             labelled: list[quote_statements.Label]) -> tuple[Quote, ...]:
    """The labelled answers of a transcript as quotes of the person each label names."""
    blocks = article.text_blocks
    index = SpeakerIndex(article.source_text, Layout(blocks, spans), entities, mentions)
    out = []
    for label in labelled:
        block = blocks[label.block]
        text = block.text[label.end :].rstrip()
        start = block.start + label.end
        said = verdict("transcript-label", _label_speaker(index, label.words))
        out.append(_quote(text, start, start + len(text), "full", said, ":", " ".join(label.words) + ":"))
    return tuple(out)


def _label_speaker(index: SpeakerIndex, words: Sequence[str]) -> Speaker:
    """The person a label names after its title: the article's person of that name (not
    one of another gender than the honorific's), else the name as printed ('Mr Roe')."""
    k = _label_title(words)
    name = words[k:]
    key = index.names.get(" ".join(name).lower()) or index.names.get(name[-1].lower())
    gender = people.honorific_gender(words[0]) if k == 1 else None
    if key and index.speakers[key].person and not (gender and index.gender.get(key, gender) != gender):
        return index.speakers[key]
    shown = words if people.is_honorific(words[0]) else name
    return Speaker(None, " ".join(w[:1] + w[1:].lower() for w in shown), True)


def _read(article: Article, entities: Sequence[LocalEntity], mentions: Sequence[Mention], spans: list[Span],
          statements: list[quote_statements.Statement]) -> tuple[tuple[Quote, ...], list[quote_statements.Statement]]:
    """The quotes of the spans and statements, and the statements as far as they are the
    speaker's (quote_statements: a paragraph that names its speaker as the reporter would
    ends one; a statement whose introducing line names no one is none)."""
    spans = quote_statements.merged(spans, statements)
    if not spans:
        return (), statements
    reader = _Reader(article, spans, entities, mentions, statements)
    quotes = [q for q in map(reader.read, spans) if q is not None]
    return _echoes_attributed(quotes), [st for st in reader.kept if st.spans]


class _Reader:
    """Reads the spans of one article in order, remembering the quote before."""

    def __init__(self, article: Article, spans: list[Span], entities: Sequence[LocalEntity],
                 mentions: Sequence[Mention], statements: list[quote_statements.Statement]) -> None:
        self.article, self.blocks = article, article.text_blocks
        self.layout = Layout(self.blocks, spans)
        self.index = SpeakerIndex(article.source_text, self.layout, entities, mentions)
        self.paragraphs = {span: (n, k) for n, st in enumerate(statements) for k, span in enumerate(st.spans)}
        self.kept = list(statements)
        self.previous: Said | None = None

    def _headline(self, block: Block) -> bool:
        article = self.article
        return (article.headline is not None and block.start == article.headline.start
                or block.text.strip() == article.title.strip())

    def read(self, span: Span) -> Quote | None:
        """The span's quote, or None when it is no quote (a name, a term, a statement's
        paragraph that is the reporter's)."""
        blocks, layout = self.blocks, self.layout
        first, last = span.pieces[0], span.pieces[-1]
        text = "\n\n".join(blocks[p.block].text[p.start : p.end] for p in span.pieces)
        left = layout.text(first.block, *layout.left(first))
        statement = span in self.paragraphs
        if not text.strip() or (not statement and _not_a_quote(text, left, layout, last, self._headline(blocks[first.block]))):
            return None
        found = attribute(QuoteAt(self.index, layout, blocks, span, self.previous))
        if statement and not self._goes_on(span, found):
            return None
        carried = found is not None and found.cue is None and found.verdict is not None and (
            found.verdict.resolver != "continuation-sentence")
        if (found is None or carried) and not _statement_like(text, left, span):
            return None  # a short fragment with no cue of its own: a term ('To "route out" means'), not a voice carried on
        said = found.verdict if found else None
        start, end = blocks[first.block].start + first.start, blocks[last.block].start + last.end
        kind = _kind(text, left, span)
        # a fragment closed by a comma inside the marks and its cue ('"... possible," she said.')
        # ends the reporter's sentence as a statement does: the next paragraph may go on in that voice
        said_out = found is not None and found.cue is not None and text.rstrip().endswith(",")
        self.previous = Said(span, said, last.block, kind == "full" or said_out)
        return _quote(text, start, end, kind, said, found.cue if found else None,
                      _intro(self.article.source_text, layout, start, end))

    def _goes_on(self, span: Span, found: Attribution | None) -> bool:
        """Whether a statement's paragraph is its speaker's; when not, the statement ends before it."""
        n, k = self.paragraphs[span]
        if _statement_goes_on(self.kept[n], k, found, self.previous, self.blocks, self.index):
            return True
        self.kept[n] = replace(self.kept[n], spans=self.kept[n].spans[:k])
        return False


def _statement_goes_on(statement: quote_statements.Statement, k: int, found: Attribution | None,
                       previous: Said | None, blocks: Sequence[Block], index: SpeakerIndex) -> bool:
    """Whether the k-th paragraph of a statement is its speaker's: the first when the line
    before names someone ('Jane Doe said:'); a later one when it goes on from the paragraph
    before in that voice and does not write of the speaker as the reporter would."""
    if found is None or found.verdict is None:
        return False
    said = found.verdict
    if k == 0:
        return found.cue is not None and (said.speaker is not None or said.description is not None)
    if k >= len(statement.spans) or previous is None or previous.span != statement.spans[k - 1]:
        return False
    if not said.resolver.startswith("continuation"):
        return False
    names = [said.speaker.name] if said.speaker is not None else []
    roles = quote_statements.roles_in(blocks[statement.intro].text) + tuple(
        sorted(index.roles.get(said.speaker.key, ()) if said.speaker and said.speaker.key else ()))
    block = blocks[statement.spans[k].pieces[0].block]
    return not (quote_statements.names_speaker(block.text, names, roles) or quote_statements.opens_with_title(block.text)
                or _opens_with_another(index, block, said.speaker))


_NAME_AND_COMMA = re.compile(r"\s*((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*),")


def _opens_with_another(index: SpeakerIndex, block: Block, speaker: Speaker | None) -> bool:
    """Whether a paragraph opens with a person other than the speaker and a comma ('John
    Roe, the Minister for Africa, will travel ...'): the reporter writing of someone else."""
    opening = _NAME_AND_COMMA.match(block.text)
    key = index.names.get(opening.group(1).lower()) if opening else None
    return key is not None and index.speakers[key].person and (speaker is None or speaker.key != key)


def _quote(text: str, start: int, end: int, kind: str, said: Verdict | None, cue: str | None,
           intro: str) -> Quote:
    """The quote, its speaker shown only when confident; an unsure one is kept as a candidate,
    a named one by name, an unnamed one by how the text describes them ('a spokesman for
    Acme' carried past someone else's name is only a guess, never shown as the speaker)."""
    if said is None:
        return Quote(text=text, start=start, end=end, kind=kind, speaker_key=None, speaker_name=None, cue=cue,
                     resolver=None, confidence=0.0, candidate=None, description=None, affiliation_key=None,
                     affiliation_name=None, intro=intro)
    speaker = said.speaker
    if speaker is not None:
        sure = said.confidence >= confident()
        return Quote(text=text, start=start, end=end, kind=kind, speaker_key=speaker.key if sure else None,
                     speaker_name=speaker.name if sure else None, cue=cue, resolver=said.resolver,
                     confidence=said.confidence, candidate=None if sure else speaker.name, description=None,
                     affiliation_key=None, affiliation_name=None, intro=intro)
    return _unnamed_quote(text, start, end, kind, said, cue, intro)


def _unnamed_quote(text: str, start: int, end: int, kind: str, said: Verdict, cue: str | None, intro: str) -> Quote:
    """The quote of a speaker the text describes but does not name: the description (and
    the organisation it speaks for) when confident, else the description as a guess."""
    sure = said.confidence >= confident()
    affiliation = said.affiliation if sure else None
    return Quote(
        text=text, start=start, end=end, kind=kind, speaker_key=None, speaker_name=None, cue=cue,
        resolver=said.resolver, confidence=said.confidence,
        candidate=None if sure else said.description,
        description=said.description if sure else None,
        affiliation_key=affiliation.key if affiliation else None,
        affiliation_name=affiliation.name if affiliation else None,
        intro=intro,
    )


def _intro(source: str, layout: Layout, start: int, end: int) -> str:
    """The sentence that holds the quote, its quoted words shown as '…'; when that sentence
    is the quote alone, the sentence before it too (the one that introduces it)."""
    if not layout.sentences:
        return ""
    at = layout.sentence_at(start)
    sentence = layout.sentences[at]
    lo, hi = sentence.start, sentence.end
    text = source[lo:start] + "…" + source[end:hi] if lo <= start and end <= hi else source[lo:hi]
    text = " ".join(text.split())
    if not any(c.isalnum() for c in text) and at > 0:
        before = layout.sentences[at - 1]
        text = " ".join(source[before.start : before.end].split()) + " " + text
    return text if len(text) <= _INTRO_CHARS else text[: _INTRO_CHARS - 1].rstrip() + "…"


def _not_a_quote(text: str, left: str, layout: Layout, last: Piece, headline: bool = False) -> bool:
    """A name, title or term in quote marks, or scare quotes on a modifier. In a headline
    in Title Case every quote looks like a title: one with a cue is kept ('Jane Doe Says
    She Will "Fight On"', 'Jane Doe: "I Will Not Resign"')."""
    named = _is_name(text, left) or _is_title(text, left)
    near = layout.text(last.block, last.close + 1, last.close + _NEAR_CHARS) if last.close is not None else ""
    if quote_phrases.first("imagined-before", left) or quote_phrases.first("imagined-after", near):
        return True  # 'as if to say "..."', '"...," you will say': words no one said
    if not named and len(text) > _MODIFIER_CHARS:
        return False
    right = layout.text(last.block, *layout.right(last)) if last.close is not None else ""
    if named and headline and (cue_pattern().search(left) or quote_phrases.first("headline-before", left)):
        return False
    if not named and _named_unquoted(text, left, right, headline):
        return True
    return (named and not _headline_cue(right)) or _is_modifier(text, left, right)


def _named_unquoted(text: str, left: str, right: str, headline: bool) -> bool:
    """A cited title ('"Mayor quits after row" — The Daily Example, August 15, 2008'), a name
    before an appositive, or a title in Title Case in prose: words in marks no one says."""
    if text.rstrip()[-1:] not in _TERMINAL and quote_phrases.first("title-after", right):
        return True
    return _name_before_appositive(text, right) or (not headline and _title_in_prose(text, left, right))


_TITLE_WORDS = 16
_NEAR_CHARS = 40  # the reporter's words right after a quote read for a hypothetical's 'you will say'
_APPOSED_NAME_WORDS = 6


def _title_in_prose(text: str, left: str, right: str) -> bool:
    """Words in Title Case in the marks in a sentence of prose (or joined to a quote before
    by 'and') with no cue around them and no colon before: a title, a slogan, a sign
    ('heralded "The World of Tomorrow."', 'titles such as "..." and "The Kiss Was
    Beautiful."'), not speech."""
    words = _words(text)
    significant = [w for w in words if w.lower() not in lex.small_words()]
    return (len(significant) >= 2 and len(words) <= _TITLE_WORDS and _title_case(words)
            and (len(_LOWER_WORD.findall(left)) >= 2 or _JOINED.fullmatch(left) is not None)
            and not left.rstrip().endswith(":")
            and cue_pattern().search(left) is None and cue_pattern().search(right) is None)


_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][\w’'-]*")
_JOINED = re.compile(r"\s*,?\s*(?:and|or)\s*")  # 'titles such as "..." and "..."': the second of a list


def _name_before_appositive(text: str, right: str) -> bool:
    """A name in Title Case closed by a comma inside the marks, an appositive and no cue
    after it: 'announcing "Super Example Run," the firm's first game' (not '"Not Guilty,"
    Jane Doe said', nor '"Never Again," the crowd chanted')."""
    words = _words(text)
    return (text.rstrip().endswith(",") and 2 <= len(words) <= _APPOSED_NAME_WORDS and _title_case(words)
            and quote_phrases.first("name-after", right) is not None and not cue_pattern().search(right))


def _is_title(text: str, left: str) -> bool:
    """A long title in Title Case after a preposition: 'curator of "Example Prints from the Collection"'."""
    words = _words(text)
    before = _words(left)[-1:]
    return (bool(before) and before[0].lower() in not_subject_words() and len(words) <= _TITLE_WORDS
            and text.rstrip()[-1:] not in _TERMINAL and _title_case(words)
            and sum(1 for w in words if w.lower() not in lex.small_words()) >= 2)


_NICKNAME_BEFORE = re.compile(r"[A-Z][\w.’'-]*\s$")
_NICKNAME_AFTER = re.compile(r"\s[A-Z]")
_NICKNAME_WORDS = 3


def _nickname(blocks: Sequence[Block], span: Span) -> bool:
    """A nickname in quote marks inside a name: 'Col. John "J.D." Doe', 'Dwayne "The Rock" Johnson'."""
    piece = span.pieces[0]
    if len(span.pieces) > 1 or piece.close is None:
        return False
    text = blocks[piece.block].text
    words = _words(text[piece.start : piece.end])
    return (0 < len(words) <= _NICKNAME_WORDS and _title_case(words)
            and _NICKNAME_BEFORE.search(text, max(0, piece.open - 30), piece.open) is not None
            and _NICKNAME_AFTER.match(text, piece.close + 1) is not None)


def _echo_key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _echoes_attributed(quotes: list[Quote]) -> tuple[Quote, ...]:
    """A quote printed twice (a headline that repeats the body's words) takes the speaker
    the text gives it where it is attributed."""
    said: dict[str, Quote] = {}
    for quote in quotes:
        key = _echo_key(quote.text)
        if quote.speaker_name and len(key.split()) >= 3:
            said.setdefault(key, quote)
    out = []
    for quote in quotes:
        source = said.get(_echo_key(quote.text)) if not quote.speaker_name else None
        out.append(replace(quote, speaker_key=source.speaker_key, speaker_name=source.speaker_name, candidate=None,
                           resolver="echo", confidence=min(source.confidence, verdict("echo", None).confidence))
                   if source else quote)
    return tuple(out)


def _words(text: str) -> list[str]:
    return _WORD_RUN.findall(text)


def _is_name(text: str, left: str) -> bool:
    """A name, title or term in quote marks: 'the so-called "..."', 'its "Thunderbolt" missiles'."""
    before = [w.lower() for w in _words(left)[-3:] if w.lower() not in wordlists.determiners()["article"]]
    words = _words(text)
    if before and (before[-1] in naming_words() or " ".join(before[-2:]) in naming_words()):
        # a name is short; 'has called "the most powerful training cluster in the world"' is said
        return len(words) <= _NAME_WORDS or _title_case(words)
    if before and before[-1] in work_words() and text[:1].isupper() and _mostly_capitalised(words):
        return True  # 'her book "A Paradise Built in Hell: The Communities that Arise"'
    if "\n" in text:
        return False
    noun = _NOUN_BEFORE.search(left)
    if noun and 0 < len(words) <= 3 and _title_case(words) and (
            noun.group(1).lower() not in not_subject_words() and not cue_pattern().fullmatch(noun.group(1))):
        return True  # 'on the marketplace "Evolution."': a name in apposition, its stop inside the marks
    if text.rstrip()[-1:] in _TERMINAL:
        return False
    return 0 < len(words) <= 6 and _title_case(words)


# A determiner and a lower-case noun right before the quote mark: 'the marketplace "'.
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|our)\s+([a-z][\w-]*)\s*$", re.IGNORECASE)


def _mostly_capitalised(words: list[str]) -> bool:
    """At least half the significant words capitalised: a title with a lower-case 'that'."""
    significant = [w for w in words if w.lower() not in lex.small_words()]
    return bool(significant) and 2 * sum(1 for w in significant if w[0].isupper() or w[0].isdigit()) >= len(significant)


def _headline_cue(right: str) -> bool:
    """'"Time To Go": Jane Doe ...', '"We Will Not Back Down," Says Jane Doe': a headline's quote in Title Case."""
    found = quote_phrases.first("headline-after", right)
    return found is not None and found.match.group().rstrip()[-1:].isupper()


_MODIFIER_WORDS = 4  # 'a "dirty tricks" campaign': a quoted modifier is this long at most
_MODIFIER_CHARS = 60


def _is_modifier(text: str, left: str, right: str) -> bool:
    """Scare quotes on words that modify a noun: 'a "dirty tricks" campaign', 'its "smart" tool'."""
    words = _words(text)
    if not 0 < len(words) <= _MODIFIER_WORDS or text.rstrip()[-1:] in _TERMINAL:
        return False
    before = _words(left)[-1:]
    after = _NEXT_LOWER_WORD.match(right)
    if not before or not after:
        return False
    owner = before[0].lower() in wordlists.determiners()["any"] or before[0].endswith(("’s", "'s"))
    noun = after.group(1)
    return (owner and noun not in not_subject_words() and noun not in after_modifier()
            and not cue_pattern().fullmatch(noun))


_NAME_WORDS = 5  # a quoted name or term after "called", "dubbed" is this long at most (unless in Title Case)


def _title_case(words: list[str]) -> bool:
    significant = [w for w in words if w.lower() not in lex.small_words()]
    return bool(significant) and all(w[0].isupper() or w[0].isdigit() for w in significant)


def _statement_like(text: str, left: str, span: Span) -> bool:
    """A quote with no cue is kept when it reads as a statement or a long quoted fragment."""
    if len(span.pieces) > 1:
        return True
    words = _words(text)
    if text[:1].isupper() and text.rstrip()[-1:] in ".!?" and len(words) >= 3:
        return True
    return len(words) >= _MIN_UNCUED_WORDS and not left.rstrip().endswith(("the", "a", "an"))


def _kind(text: str, left: str, span: Span) -> str:
    """'full' for a whole statement set off from the reporter's words, 'partial' for a fragment."""
    if len(span.pieces) > 1:
        return "full"
    opening = text.lstrip("“\"‘'…. ")[:1]
    if not (opening.isupper() or opening.isdigit()):
        return "partial"
    tail = left.rstrip()
    if not tail or tail[-1] in ":,—–-(":
        return "full"
    last = _words(tail)[-1:] if _words(tail) else []
    return "full" if last and cue_pattern().fullmatch(last[0]) else "partial"
