"""Who appears with whom: an SVG drawn at build time, readable in print, nodes linked.

The most mentioned entities sit on a circle (a deterministic layout), joined by a line
whose width grows with the number of articles that name both."""
from __future__ import annotations

import math
from collections import Counter
from itertools import combinations

from builder.model import Entity, EntityType
from builder.render import markdown as md
from builder.render.context import Context

SIZE = 640
_COLOURS = {
    EntityType.PERSON: "#1e5aa8",
    EntityType.ORG: "#8a3b12",
    EntityType.PLACE: "#2f6b2f",
    EntityType.PRODUCT: "#6b2f6b",
    EntityType.EVENT: "#7a6a00",
    EntityType.OTHER: "#444444",
}


def key_actors(ctx: Context, limit: int) -> list[Entity]:
    """The most mentioned entities (by number of articles): actors (people, organisations,
    systems) before places, which only fill the list when there are few actors."""
    ranked = sorted(
        (e for e in ctx.visible_entities() if ctx.articles_by_entity.get(e.id)),
        key=lambda e: (e.type is EntityType.PLACE, -len(ctx.articles_by_entity[e.id]), e.name.lower()),
    )
    return ranked[:limit]


def cooccurrence_svg(ctx: Context, href_prefix: str, limit: int = 14) -> str:
    """An inline SVG; `href_prefix` leads from the page to the site root ("" on the home page)."""
    nodes = key_actors(ctx, limit)
    if len(nodes) < 2:
        return ""
    ids = {e.id for e in nodes}
    pairs: Counter[tuple[str, str]] = Counter()
    for article in ctx.dossier.articles:
        pairs.update(combinations(sorted(ctx.entity_ids(article.id) & ids), 2))
    centre, radius = SIZE / 2, SIZE / 2 - 130
    where = {}
    for i, entity in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes) - math.pi / 2
        where[entity.id] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    top = max(pairs.values(), default=1)
    parts = [
        f'<svg class="dossier-graph" viewBox="0 0 {SIZE} {SIZE}" width="{SIZE}" height="{SIZE}" role="group" '
        f'aria-labelledby="graph-title" xmlns="http://www.w3.org/2000/svg" '
        f'xmlns:xlink="http://www.w3.org/1999/xlink">',
        '<title id="graph-title">Who appears with whom: the most mentioned entities, '
        "joined when articles name them together</title>",
    ]
    for (a, b), n in sorted(pairs.items()):
        (x1, y1), (x2, y2) = where[a], where[b]
        width = 0.8 + 4 * n / top
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                     f'stroke="#888888" stroke-opacity="0.6" stroke-width="{width:.1f}"/>')
    for entity in nodes:
        x, y = where[entity.id]
        count = len(ctx.articles_by_entity[entity.id])
        r = 6 + 10 * math.sqrt(count / max(len(ctx.dossier.articles), 1))
        anchor = "start" if x > centre + 1 else "end" if x < centre - 1 else "middle"
        dx = r + 4 if anchor == "start" else -(r + 4) if anchor == "end" else 0
        dy = (r + 14) if anchor == "middle" and y > centre else -(r + 6) if anchor == "middle" else 4
        name = md.html(entity.name)
        parts.append(
            f'<a xlink:href="{href_prefix}entities/{entity.id}/"><title>{name} ({entity.type.value}, '
            f'{count} articles)</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{_COLOURS[entity.type]}"/>'
            f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}" font-size="14" '
            f'fill="currentColor">{name}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts)
