"""The late pass: join what each article yielded into one dossier, resolve cross-links."""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import chain
from typing import Any, TypeVar

from builder.annotate.blocks import BlockIndex
from builder.annotate.dates import speaks_ahead
from builder.cache import digest, digest_text
from builder.annotate.sentences import sentence_of
from builder.annotate.reports import aside_starts, dateline_end, report_dates, report_of, report_starts
from builder.annotate.resolve import merge_entities
from builder.annotate.sources import is_outlet
from builder.config import DossierConfig
from builder.confirm import confirm, lower_phrases, lower_words
from builder.curate import CuratedEntity, apply_curated
from builder.discrepancy import Claim, article_claims, find_discrepancies
from builder.duplicates import Sketch, find_copies, sketch, update_copies
from builder.model import Annotation, Article, Block, DateRef, Dossier, DossierQuote, Entity, EntityType, Related, Source, TimelineEvent
from builder.quote_speakers import curated_names, place_quote
from builder.relate import related_articles, update_related
from builder.slug import page_bearers_first
from builder.summary import article_summary


def _quotes(articles: Sequence[Article], annotations: Sequence[Annotation],
            entity_of: dict[tuple[str, str], str], entities: dict[str, Entity]) -> tuple[DossierQuote, ...]:
    names = curated_names(entities)
    quotes = []
    for article, annotation in zip(articles, annotations, strict=True):
        for n, quote in enumerate(sorted(annotation.quotes, key=lambda q: q.start), start=1):
            quotes.append(place_quote(f"{article.id}-q{n}", article.id, quote, entity_of, entities, names))
    return tuple(quotes)


def _sources(articles: Sequence[Article], annotations: Sequence[Annotation],
             entity_of: dict[tuple[str, str], str], entities: dict[str, Entity],
             copy_of: Mapping[str, str]) -> tuple[Source, ...]:
    """Outlets from the metadata, then those the texts cite or credit, named canonically
    (a cited name that is no confirmed entity, unless it names an outlet, is left out; a
    copy of another article adds its outlet only, its citations being the other's)."""
    out = []
    for article, annotation in zip(articles, annotations, strict=True):
        seen: set[str] = set()
        if article.meta.outlet:
            out.append(Source(article.meta.outlet, None, article.id, "outlet", "dossier metadata"))
            seen.add(article.meta.outlet.lower())
        for ref in annotation.sources if article.id not in copy_of else ():
            entity_id = entity_of.get((article.id, ref.key)) if ref.key else None
            if entity_id in entities and not entities[entity_id].confirmed and not is_outlet(ref.name):
                continue  # a name the builder is unsure of ("according to an Internet posting")
            name = entities[entity_id].name if entity_id in entities else ref.name
            if name.lower() not in seen:
                seen.add(name.lower())
                out.append(Source(name, entity_id, article.id, ref.how, ref.evidence, ref.rule))
    return tuple(out)


_EVENT_ROLES = {"event": False, "deadline": True}  # role -> shown as a deadline


def article_events(article: Article, annotation: Annotation) -> tuple[TimelineEvent, ...]:
    """The events of one article that could be placed, with their sentences: not background
    years or spans ("since 1906"), bounds ("before June"), datelines, photo captions or
    lists of sources;
    a date ahead set as a limit is kept as a deadline, and one after the article's date is
    marked as expected."""
    events = set()
    blocks = BlockIndex(article.text_blocks)
    captions = aside_starts(article)  # photo captions, lists of sources
    mentions = sorted(annotation.mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    later = report_starts(article)  # a later report's events are expected after its own date
    published = (article.meta.date, *report_dates(article, later)) if later else (article.meta.date,)
    for ref in annotation.dates:
        block = blocks.at(ref.start)
        if ref.date is None or block is None or ref.role not in _EVENT_ROLES or block.start in captions:
            continue
        lo, hi = sentence_of(block.text, ref.start - block.start)
        if lo == 0:  # "LONDON — Jane Doe arrived ...": the dateline is no part of the event
            lo = max(lo, dateline_end(block.text))
        inside = mentions[bisect_left(starts, block.start + lo) : bisect_left(starts, block.start + hi)]
        keys = tuple(dict.fromkeys(m.key for m in inside))
        events.add(TimelineEvent(ref.date, ref.precision, article.id, ref.text, block.text[lo:hi].strip(),
                                 deadline=_EVENT_ROLES[ref.role], keys=keys,
                                 ahead=_ahead(ref, block, published[report_of(later, ref.start)])))
    return tuple(e for e in events if not any(_finer(other, e) for other in events))


def _ahead(ref: DateRef, block: Block, published: dt.date | None) -> bool:
    """Whether an event is still to come: after its report's date, or, in a report with no
    date or in its own year, month or week, set in the future by its sentence ("will host
    ... on July 21, 2016", "this year the council expects")."""
    if ref.date is None:
        return False
    if published is None or _same_period(ref.date, ref.precision, published):  # "this year the council expects"
        return speaks_ahead(block.text, ref.start - block.start, ref.end - block.start)
    return _after(ref.date, ref.precision, published)


def _same_period(date: dt.date, precision: str, published: dt.date) -> bool:
    """Whether a date known to the day, week, month or year is the report's own day or
    period ("on Friday" in Friday's report, "this year", "later this month"): its tense then
    says whether it is to come."""
    if precision == "year":
        return date.year == published.year
    if precision == "month":
        return (date.year, date.month) == (published.year, published.month)
    if precision == "day":  # "plans to sign on Friday" in Friday's report
        return date == published
    return precision == "week" and date <= published < date + dt.timedelta(days=7)


def _after(date: dt.date, precision: str, published: dt.date | None) -> bool:
    """Whether a date, as precisely as it is known, lies after the article's own date."""
    if published is None:
        return False
    if precision == "year":
        return date.year > published.year
    if precision == "month":
        return (date.year, date.month) > (published.year, published.month)
    return date > published


_FINER = {"day": 0, "week": 1, "month": 2, "year": 3}


def _finer(one: TimelineEvent, other: TimelineEvent) -> bool:
    """Whether `one` dates the sentence of `other` more precisely within the same year
    ("runs through March 11 this year": the year is said twice, the event once)."""
    return (one.sentence == other.sentence and one.date.year == other.date.year
            and _FINER.get(one.precision, 0) < _FINER.get(other.precision, 0)
            and (other.precision == "year" or one.date.month == other.date.month))


def claims(article: Article, annotation: Annotation) -> tuple[Claim, ...]:
    """The checkable facts one article states (for the discrepancy pass)."""
    return article_claims(article, annotation, sentence_of, aside_starts(article))


def lower_text(article: Article, annotation: Annotation) -> str:
    """The words one article writes in lower case (confirm.lower_words), sorted, in one
    string: the memo keeps one per article, and a set of separate words per article took
    a seventh of a large build's memory."""
    return " ".join(sorted(lower_words(article)))


def copy_sketch(article: Article, annotation: Annotation) -> Sketch:
    """The shingle sketch of an article's story (duplicates.py), to find its copies."""
    return sketch(article)


def reports(article: Article, annotation: Annotation) -> tuple[int, ...]:
    """Where the later reports of a file holding several begin (annotate/reports.py)."""
    return report_starts(article)


def shown_digest(article: Article, annotation: Annotation) -> str:
    """A digest of what entity pages show of an article (render/keys.py): its title and
    date, the paragraph and place of each entity's first mention (where the quoted
    sentence comes from), its quotes in order, and the paragraph of every mention."""
    blocks = BlockIndex(article.text_blocks)
    parts = [article.title, str(article.meta.date), str(article.meta.outlet)]
    seen: set[str] = set()
    for mention in sorted(annotation.mentions, key=lambda m: m.start):
        if mention.key not in seen:
            seen.add(mention.key)
            block = blocks.at(mention.start)
            parts += (mention.key, block.text, str(mention.start - block.start)) if block else (mention.key, "", "")
    for quote in sorted(annotation.quotes, key=lambda q: q.start):
        parts += (quote.text, quote.kind, str(quote.cue), str(quote.speaker_key), str(quote.speaker_name),
                  str(quote.description), str(quote.affiliation_key), str(quote.intro))
    starts = [b.start for b in article.blocks]  # the paragraphs each mention links to
    parts += (f"{m.key}@{bisect_right(starts, m.start)}" for m in sorted(annotation.mentions, key=lambda m: m.start))
    return digest_text("\x00".join(parts))


_WORD = re.compile(r"[^\W\d_]{4,}")
SAME_EVENT = 0.5  # shared words / all words of two sentences that tell one event
_GROUPS_COMPARED = 50  # groups of one date an event is compared with


def _words(event: TimelineEvent) -> frozenset[str]:
    date_words = set(_WORD.findall(event.text.lower()))
    return frozenset(w for w in _WORD.findall(event.sentence.lower()) if w not in date_words)


def _timeline(events_of: Mapping[str, tuple[TimelineEvent, ...]], entity_of: Mapping[tuple[str, str], str],
              visible: set[str], copy_of: Mapping[str, str]) -> tuple[TimelineEvent, ...]:
    """The dossier's dated events, oldest first; the same event told by several articles
    (the same date, sentences sharing most of their words) is one entry listing them all.
    Copies of an article add nothing."""
    by_date: dict[tuple[object, ...], list[tuple[TimelineEvent, frozenset[str], list[str], dict[str, None]]]] = \
        defaultdict(list)
    events = sorted((e for article_id, found in events_of.items() if article_id not in copy_of for e in found),
                    key=lambda e: (e.date, e.article, e.sentence, e.text))
    for event in events:
        words = _words(event)
        groups = by_date[(event.date, event.precision, event.deadline)]
        ids = {eid: None for k in event.keys if (eid := entity_of.get((event.article, k))) in visible}
        for first, first_words, also, entities in groups[:_GROUPS_COMPARED]:
            union = len(first_words | words)
            if union and len(first_words & words) / union >= SAME_EVENT:
                if event.article != first.article and event.article not in also:
                    also.append(event.article)
                entities.update(ids)
                break
        else:
            groups.append((event, words, [], ids))
    out = [replace(first, also=tuple(also), entities=tuple(entities), keys=())
           for groups in by_date.values() for first, _, also, entities in groups]
    return tuple(sorted(out, key=lambda e: (e.date, e.article, e.sentence, e.text)))


T = TypeVar("T")
Merged = tuple[tuple[Entity, ...], dict[tuple[str, str], str]]


def _merge_inputs(annotation: Annotation) -> str:
    """A digest of what entity resolution reads of one article: its entities, how often
    each is mentioned and in which forms (not where)."""
    counts = Counter(m.key for m in annotation.mentions)
    forms = sorted({(m.key, m.surface) for m in annotation.mentions})
    entities = tuple((e.key, e.name, e.type.value, e.aliases, e.roles) for e in annotation.entities)
    return digest((annotation.article_id, entities, sorted(counts.items()), forms))


@dataclass
class LinkMemo:
    """The results of the link pass's costliest steps, kept between builds (in memory by
    `dossier serve`, in the cache folder by one-shot builds); each is reused only when its
    inputs are equal to the ones it was computed from, so a rebuild gives what a fresh
    build gives. Per-article items are keyed by (article id, version)."""

    inputs: dict[tuple[str, str], str] = field(default_factory=dict)  # digests of what merging reads
    merged: tuple[str, Merged] | None = None
    # (a digest of the entities of each article and the places, the related articles, those entities, the places)
    related: tuple[str, dict[str, tuple[Related, ...]], dict[str, frozenset[str]], frozenset[str]] | None = None
    copies: tuple[dict[str, Sketch], dict[str, str]] | None = None  # the sketches and copies found last
    articles: dict[str, dict[tuple[str, str], Any]] = field(default_factory=dict)  # step -> (id, version) -> result
    lower: Counter[str] | None = None  # word -> how many of the texts in articles["lower_text"] hold it
    phrases: tuple[tuple[str, ...], dict[tuple[str, str], frozenset[str]]] | None = None  # names -> found by article

    def merge(self, annotations: Sequence[Annotation], versions: Mapping[str, str],
              curated: Sequence[Sequence[str]] = ()) -> Merged:
        inputs = {}
        for annotation in annotations:
            version = versions.get(annotation.article_id)
            if version is None:
                self.inputs.clear()
                return merge_entities(annotations, curated)
            key = (annotation.article_id, version)
            inputs[key] = self.inputs.get(key) or _merge_inputs(annotation)
        self.inputs = inputs
        made_from = digest((tuple(inputs.values()), tuple(map(tuple, curated))))
        if self.merged is None or self.merged[0] != made_from:
            self.merged = (made_from, merge_entities(annotations, curated))
        return self.merged[1]

    def per_article(self, make: Callable[[Article, Annotation], T], articles: Sequence[Article],
                    annotations: Sequence[Annotation], versions: Mapping[str, str]) -> dict[str, T]:
        """`make(article, annotation)` for each article, reused for those whose version is
        the one it was made from (`make` is a pure per-article step: claims, events)."""
        kept = self.articles.get(make.__name__, {})
        out, keep = {}, {}
        for article, annotation in zip(articles, annotations, strict=True):
            key = (article.id, versions.get(article.id, ""))
            found = kept.get(key) if key[1] else None
            out[article.id] = found if found is not None else make(article, annotation)
            keep[key] = out[article.id]
        self.articles[make.__name__] = keep
        return out

    def lower_words(self, articles: Sequence[Article], annotations: Sequence[Annotation],
                    versions: Mapping[str, str]) -> Collection[str]:
        """The words the dossier writes in lower case (lower_text of every article), counted
        by article: a rebuild takes out the words of the articles that changed or went and
        adds those of the new ones, instead of joining every article's words again."""
        before = self.articles.get(lower_text.__name__, {})
        self.per_article(lower_text, articles, annotations, versions)
        after = self.articles[lower_text.__name__]
        counts = self.lower
        if counts is None or not all(version for _, version in after):  # (an article of unknown version)
            counts = Counter(chain.from_iterable(map(str.split, after.values())))
        else:
            for key in before.keys() - after.keys():
                words = before[key].split()
                counts.subtract(words)
                for word in words:
                    if counts[word] <= 0:
                        del counts[word]
            for key in after.keys() - before.keys():
                counts.update(after[key].split())
        self.lower = counts
        return counts.keys()

    def lower_phrases(self, articles: Sequence[Article], versions: Mapping[str, str],
                      names: Sequence[str]) -> frozenset[str]:
        """Which of `names` the articles write in lower case (confirm.lower_phrases), the
        finds of an unchanged article reused while the names are the same."""
        asked = tuple(sorted(set(names)))
        kept = self.phrases[1] if self.phrases is not None and self.phrases[0] == asked else {}
        found: dict[tuple[str, str], frozenset[str]] = {}
        for article in articles:
            key = (article.id, versions.get(article.id, ""))
            hit = kept.get(key) if key[1] else None
            found[key] = hit if hit is not None else lower_phrases(asked, (b.text for b in article.text_blocks))
        self.phrases = (asked, found)
        return frozenset().union(*found.values())

    def copies_of(self, sketches: dict[str, Sketch], order: Sequence[str]) -> dict[str, str]:
        """Copies of articles (duplicates.py), reusing the last result when the changed
        articles neither were nor are copies."""
        result = update_copies(self.copies, sketches, order)
        self.copies = (sketches, result)
        return result

    def relate(self, entities_of: dict[str, frozenset[str]],
               places: frozenset[str] = frozenset()) -> dict[str, tuple[Related, ...]]:
        """Related articles, reused when every article names the entities it named last time
        and the places are the same (compared as sets: no digest of them all to make), else
        ranked again only where they may differ (relate.update_related)."""
        if self.related is None or len(self.related) != 4 or self.related[3] != places:
            made_from = digest((tuple(sorted((a, tuple(sorted(ids))) for a, ids in entities_of.items())),
                                tuple(sorted(places))))
            self.related = (made_from, related_articles(entities_of, places=places), entities_of, places)
        elif self.related[2] != entities_of:  # ranked again where it may differ; a new digest says the file changes
            last, ranked, before, _ = self.related
            changed = sorted((a, tuple(sorted(ids))) for a, ids in entities_of.items() if before.get(a) != ids)
            gone = sorted(before.keys() - entities_of.keys())
            self.related = (digest((last, tuple(changed), tuple(gone))),
                            update_related(before, ranked, entities_of, places=places), entities_of, places)
        return self.related[1]


class _Steps:
    """The link pass's costly steps, through the memo when there is one (reusing what the
    last build made from equal inputs), else made afresh: both give the same results."""

    def __init__(self, articles: Sequence[Article], annotations: Sequence[Annotation],
                 versions: Mapping[str, str], memo: LinkMemo | None) -> None:
        self.articles, self.annotations, self.versions, self.memo = articles, annotations, versions, memo

    def each(self, make: Callable[[Article, Annotation], T]) -> dict[str, T]:
        """`make(article, annotation)` of every article, by article id."""
        if self.memo is not None:
            return self.memo.per_article(make, self.articles, self.annotations, self.versions)
        return {a.id: make(a, n) for a, n in zip(self.articles, self.annotations, strict=True)}

    def merged(self, names: Sequence[Sequence[str]]) -> Merged:
        if self.memo is not None:
            return self.memo.merge(self.annotations, self.versions, names)
        return merge_entities(self.annotations, names)

    def confirmed(self, entities: Sequence[Entity], entity_of: dict[tuple[str, str], str]) -> tuple[Entity, ...]:
        """confirm.confirm, with the words and phrases the dossier writes in lower case."""
        if self.memo is None:
            lower = frozenset(chain.from_iterable(map(str.split, self.each(lower_text).values())))
            texts = (block.text for a in self.articles for block in a.text_blocks)
            return confirm(entities, entity_of, self.annotations, lower, texts)
        lower_found = self.memo.lower_words(self.articles, self.annotations, self.versions)
        phrases_in = partial(self.memo.lower_phrases, self.articles, self.versions)
        return confirm(entities, entity_of, self.annotations, lower_found, (), phrases_in)

    def copies(self) -> dict[str, str]:
        """Which articles repeat another (duplicates.py), the earliest published kept."""
        sketches = self.each(copy_sketch)
        order = [a.id for a in sorted(self.articles, key=_original_first)]
        return self.memo.copies_of(sketches, order) if self.memo is not None else find_copies(sketches, order)

    def related(self, entities_of: dict[str, frozenset[str]], copy_of: Mapping[str, str],
                places: frozenset[str]) -> dict[str, tuple[Related, ...]]:
        """Related articles; a copy has those of the article it repeats (but itself)."""
        related = (self.memo.relate(entities_of, places) if self.memo is not None
                   else related_articles(entities_of, places=places))
        return {**related, **{c: tuple(r for r in related.get(o, ()) if r.article != c) for c, o in copy_of.items()}}


def link(
    config: DossierConfig,
    articles: Sequence[Article],
    annotations: Sequence[Annotation],
    curated: Sequence[CuratedEntity] = (),
    versions: Mapping[str, str] | None = None,
    memo: LinkMemo | None = None,
) -> Dossier:
    """Resolve entities across articles (then the curated glossary), then every cross-link.

    `versions` (article id -> the cache key of its annotation) go into the dossier for the
    renderer's page keys; with a `memo`, unchanged inputs reuse the last build's results."""
    versions = versions or {}
    steps = _Steps(articles, annotations, versions, memo)
    merged = steps.merged([entry.names for entry in curated])  # curated names win over automatic resolution
    entities, entity_of = apply_curated(*merged, curated)
    entities = steps.confirmed(entities, entity_of)
    entities, entity_of = page_bearers_first(entities, entity_of)  # (ids are made before confirmation)
    by_id = {e.id: e for e in entities}
    visible = {e.id for e in entities if not e.hidden}
    copy_of = steps.copies()
    counted = [(a, n) for a, n in zip(articles, annotations, strict=True) if a.id not in copy_of]
    places = frozenset(e.id for e in entities if e.type is EntityType.PLACE and e.id in visible)
    return Dossier(
        title=config.title,
        description=config.description,
        articles=tuple(articles),
        annotations=tuple(annotations),
        entities=entities,
        entity_of=entity_of,
        quotes=_quotes([a for a, _ in counted], [n for _, n in counted], entity_of, by_id),
        related=steps.related(_entities_of(counted, entity_of, visible), copy_of, places),
        sources=_sources(articles, annotations, entity_of, by_id, copy_of),
        timeline=_timeline(steps.each(article_events), entity_of, visible, copy_of),
        discrepancies=find_discrepancies({a: found for a, found in steps.each(claims).items() if a not in copy_of},
                                         entity_of, by_id),
        versions=dict(versions),
        shown=steps.each(shown_digest),
        copy_of=copy_of,
        reports={a: starts for a, starts in steps.each(reports).items() if starts},
        summaries=steps.each(article_summary),
    )


def _entities_of(counted: Sequence[tuple[Article, Annotation]], entity_of: Mapping[tuple[str, str], str],
                 visible: set[str]) -> dict[str, frozenset[str]]:
    """The visible entities each article names (the related articles are ranked by them)."""
    return {
        a.id: frozenset(eid for e in n.entities if (eid := entity_of.get((a.id, e.key))) in visible)
        for a, n in counted
    }


def _original_first(article: Article) -> tuple[bool, dt.date, str]:
    """The order in which copies are met: the earliest published first, undated last; of a
    group of copies, the first is shown and the others listed with it."""
    return (article.meta.date is None, article.meta.date or dt.date.min, article.file)
