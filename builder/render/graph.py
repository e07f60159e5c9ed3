"""Who appears with whom: an SVG drawn at build time, readable in print, nodes linked.

The most mentioned entities sit on a circle (a deterministic layout), joined by a line
whose width grows with the number of articles that name both."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from itertools import combinations, islice

from functools import cache

from builder import wordlists
from builder.annotate import lexicon
from builder.model import Entity, EntityType
from builder.render import markdown as md
from builder.render.context import Context

SIZE = 520  # the circle's box; the picture widens to hold every label
_COLOURS = {
    EntityType.PERSON: "#1e5aa8",
    EntityType.ORG: "#8a3b12",
    EntityType.PLACE: "#2f6b2f",
    EntityType.PRODUCT: "#6b2f6b",
    EntityType.EVENT: "#7a6a00",
    EntityType.OTHER: "#444444",
}


ACTORS = (EntityType.PERSON, EntityType.ORG, EntityType.EVENT)
MIN_ACTORS = 3  # fewer actors than this, and the most named places fill the list
LABEL_CHARS = 24  # a longer name is shortened on the picture (in full in its tooltip and the list below)
_CHAR_WIDTH = 7.6  # pixels per character at the labels' font size (a generous mean)


def _publishers(ctx: Context) -> frozenset[str]:
    """The outlets that published the dossier's articles (from its metadata), in lower case."""
    outlets = (ctx.articles[a].meta.outlet for a in ctx.shown_articles())
    return frozenset(outlet.lower() for outlet in outlets if outlet)


def _publisher(entity: Entity, publishers: frozenset[str]) -> bool:
    return any(name.lower() in publishers for name in (entity.name, *entity.aliases))


def _cited_in(ctx: Context) -> dict[str, set[str]]:
    """Entity id -> the articles that cite it as a source (one pass over the sources)."""
    out: dict[str, set[str]] = {}
    for source in ctx.dossier.sources:
        if source.entity:
            out.setdefault(source.entity, set()).add(source.article)
    return out


def _only_a_source(entity: Entity, ctx: Context, cited_in: dict[str, set[str]]) -> bool:
    """Whether every article that names the entity names it as a source of its information
    ("according to the Acme Gazette"): an outlet that reports the story, no actor in it."""
    cited = cited_in.get(entity.id)
    return cited is not None and set(ctx.articles_by_entity.get(entity.id, ())) <= cited


PASSING_READ = 30  # articles read to tell an organisation named in passing


@cache
def _platform_before() -> re.Pattern[str]:
    words = "|".join(map(re.escape, sorted(wordlists.words("views/platform_before.txt"))))
    return re.compile(rf"\b(?:{words})\s+(?:the\s+)?\Z", re.IGNORECASE)


def _in_passing(entity: Entity, ctx: Context, cited_in: dict[str, set[str]]) -> bool:
    """Whether an organisation or event is only named in passing: never quoted, once in each
    article that names it, and at least once as a platform ("shared on Chirper": words in
    builder/data/views/platform_before.txt) or as a source ("the Acme Courier reported"):
    a platform, a brand or a medium the story mentions, no actor in it. A person is an actor
    however often named. Stops at the first article that names it twice (a few look-ups for
    an actor) and reads at most PASSING_READ articles (a home page rendered again after one
    edit stays cheap however large the dossier)."""
    if entity.type is EntityType.PERSON or ctx.quotes_by_speaker.get(entity.id):
        return False
    article_ids = ctx.articles_by_entity.get(entity.id, [])[:PASSING_READ]
    if any(len(ctx.paragraphs(a, entity.id)) > 1 for a in article_ids):
        return False
    if entity.id in cited_in:
        return True
    for article_id in article_ids:
        mention = ctx.first_mention(article_id, entity.id)
        if mention is not None:
            text = ctx.articles[article_id].source_text
            if _platform_before().search(text, max(0, mention.start - 20), mention.start):
                return True
    return False


def _actors(ranked: Iterable[Entity], ctx: Context, limit: int, cited_in: dict[str, set[str]]) -> list[Entity]:
    """The first `limit` of `ranked` that are not named in passing (checked only as far as needed)."""
    return list(islice((e for e in ranked if not _in_passing(e, ctx, cited_in)), limit))


def _generic(entity: Entity) -> bool:
    """An organisation called by one common word that the dossier also writes in lower case
    ("the Coalition", "a coalition of charities"), with nothing that makes it a name (no
    list knows it, no curator named it): a kind of body, not a name to show first."""
    name = entity.name
    return (entity.type is EntityType.ORG and not entity.curated and " " not in name and not name.isupper()
            and "lower-elsewhere" in entity.evidence and "known" not in entity.evidence
            and name.lower() in lexicon.common_words())


def key_actors(ctx: Context, limit: int) -> list[Entity]:
    """The most named actors (people, organisations, events; by number of articles, named
    in two at least when there are more than two; named actors before a generic word,
    _generic); weapons and other products never, places
    only to fill a list with few actors, and never the outlet that published the articles
    (a wire that says "Acme Wire has learned" tells the story, it does not act in it), one
    named only as a source, nor one named only in passing (_in_passing)."""
    least = 2 if len(ctx.shown_articles()) > 2 else 1  # one article's names are its own, not the dossier's
    publishers, cited_in = _publishers(ctx), _cited_in(ctx)
    named = [e for e in ctx.visible_entities() if len(ctx.articles_by_entity.get(e.id, ())) >= least
             and not _publisher(e, publishers) and not _only_a_source(e, ctx, cited_in)]
    order = lambda e: (-len(ctx.articles_by_entity[e.id]), e.name.lower())  # noqa: E731
    ranked = sorted((e for e in named if e.type in ACTORS), key=lambda e: (_generic(e), *order(e)))
    actors = _actors(ranked, ctx, limit, cited_in)
    if len(actors) < MIN_ACTORS:
        actors += sorted((e for e in named if e.type is EntityType.PLACE), key=order)[: MIN_ACTORS - len(actors)]
    return actors


def graph_legend() -> str:
    """What the picture's marks mean (HTML for the figure's caption)."""
    swatch = '<span class="dossier-swatch dossier-swatch-{}" aria-hidden="true"></span> {}'
    return ("Who appears with whom: " + swatch.format("person", "person") + " · "
            + swatch.format("org", "organisation") + " · a larger dot: named in more articles; "
            "a thicker line: named together in more articles. Each name links to its page.")


def _label(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"


def _graph_nodes(ctx: Context, limit: int) -> tuple[list[Entity], Counter[tuple[str, str]]]:
    """The people and organisations the picture shows, and how many articles name each two
    of them together: those named in the most articles (in two at least, when the dossier
    has more than two), then, to fill it, those named with most of them most often; none
    named only as a source or in passing; never one named with none of the others (a dot alone says nothing of who appears with whom)."""
    publishers, cited_in = _publishers(ctx), _cited_in(ctx)
    named = [e for e in ctx.visible_entities() if ctx.articles_by_entity.get(e.id)
             and e.type in (EntityType.PERSON, EntityType.ORG) and not _publisher(e, publishers)
             and not _only_a_source(e, ctx, cited_in)]
    ranked = sorted(named, key=lambda e: (-len(ctx.articles_by_entity[e.id]), e.name.lower()))
    least = 2 if len(ctx.shown_articles()) > 2 else 1
    nodes = _actors((e for e in ranked if len(ctx.articles_by_entity[e.id]) >= least), ctx, limit, cited_in)
    if len(nodes) < limit:
        chosen = {e.id for e in nodes}
        with_them: Counter[str] = Counter()
        for article_id in ctx.shown_articles():
            here = ctx.entity_ids(article_id)
            met = len(here & chosen)  # (named with more of them: more of who appears with whom)
            if met:
                with_them.update(dict.fromkeys(here - chosen, met))
        rest = [e for e in ranked if e.id in with_them]
        rest.sort(key=lambda e: -with_them[e.id])  # (stable: the most named first among equals)
        nodes += _actors(rest, ctx, limit - len(nodes), cited_in)
    ids = {e.id for e in nodes}
    pairs: Counter[tuple[str, str]] = Counter()
    for article_id in ctx.shown_articles():
        together = ctx.entity_ids(article_id) & ids
        if len(together) > 1:  # (one alone makes no pair)
            pairs.update(combinations(sorted(together), 2))
    linked = {x for pair in pairs for x in pair}
    return [e for e in nodes if e.id in linked], pairs


def cooccurrence_svg(ctx: Context, href_prefix: str, limit: int = 12) -> tuple[str, list[Entity]] | None:
    """An inline SVG of the most named people and organisations, and the entities it
    shows (for a list of links that prints); `href_prefix` leads from the page to the site
    root ("" on the home page). None when fewer than two are named together."""
    nodes, pairs = _graph_nodes(ctx, limit)
    if len(nodes) < 2 or not pairs:
        return None
    centre, radius = SIZE / 2, SIZE / 2 - 60
    where = {}
    for i, entity in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes) - math.pi / 2
        where[entity.id] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    top = max(pairs.values(), default=1)
    total = max(len(ctx.shown_articles()), 1)
    marks, left, right = [], 0.0, float(SIZE)
    for (a, b), n in sorted(pairs.items()):
        (x1, y1), (x2, y2) = where[a], where[b]
        width = 0.8 + 4 * n / top
        marks.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                     f'stroke="#888888" stroke-opacity="0.6" stroke-width="{width:.1f}"/>')
    top_y, bottom_y = 0.0, float(SIZE)
    for entity in nodes:
        x, y = where[entity.id]
        count = len(ctx.articles_by_entity[entity.id])
        r = 6 + 10 * math.sqrt(count / total)
        anchor = "start" if x > centre + 1 else "end" if x < centre - 1 else "middle"
        dx = r + 4 if anchor == "start" else -(r + 4) if anchor == "end" else 0
        dy = (r + 14) if anchor == "middle" and y > centre else -(r + 6) if anchor == "middle" else 4
        label = _label(entity.name)
        width = len(label) * _CHAR_WIDTH
        lx = x + dx
        lo = lx - width if anchor == "end" else lx - width / 2 if anchor == "middle" else lx
        left, right = min(left, lo - 4), max(right, lo + width + 4)
        top_y, bottom_y = min(top_y, y + dy - 16), max(bottom_y, y + dy + 6)
        name = md.html(entity.name)
        marks.append(
            f'<a xlink:href="{href_prefix}entities/{entity.id}/"><title>{name} ({entity.type.value}, '
            f'{md.articles(count)})</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{_COLOURS[entity.type]}"/>'
            f'<text x="{lx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}" font-size="14" '
            f'fill="currentColor">{md.html(label)}</text></a>'
        )
    vw, vh = right - left, bottom_y - top_y
    head = [
        f'<svg class="dossier-graph" viewBox="{left:.0f} {top_y:.0f} {vw:.0f} {vh:.0f}" width="{vw:.0f}" '
        f'height="{vh:.0f}" role="group" aria-labelledby="graph-title" xmlns="http://www.w3.org/2000/svg" '
        f'xmlns:xlink="http://www.w3.org/1999/xlink">',
        '<title id="graph-title">Who appears with whom: the most named people and organisations, '
        "joined when articles name them together</title>",
    ]
    return "".join(head + marks + ["</svg>"]), nodes
