"""Safe, stable slugs for page paths.

Every page named after an article or an entity gets its slug from `unique_slugs`, the one
place that keeps slugs unique and off the names the site itself needs (`RESERVED`)."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from builder.model import Entity

K = TypeVar("K")

_MAX = 60
_APOSTROPHES = re.compile(r"['’ʼ]")

# Names a generated page may never take: the list pages (`index`, `articles/page/N`), what
# MkDocs and Material put at the site's root (assets/, search/, sitemap.xml, 404.html,
# the tags plugin's pages) or the dossier's own folders, and the names Windows reserves.
RESERVED: frozenset[str] = frozenset({
    "index", "page", "tags", "search", "assets", "stylesheets", "javascripts", "404", "sitemap",
    "articles", "entities", "quotes", "sources", "timeline", "discrepancies", "dossier", "about",
    "con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10)),
})


def _ascii(text: str) -> str:
    """`text` in ASCII: letters, digits and marks of any script transliterated (anyascii),
    everything else a space; a syllable of a script without case (Chinese, Korean) that
    comes out capitalised ('Xi') starts a word of its own."""
    out = []
    for char in _APOSTROPHES.sub("", text):
        if char.isascii():
            out.append(char)
        elif unicodedata.category(char)[0] in "LMN":
            from anyascii import anyascii  # noqa: PLC0415 - loaded for a name beyond ASCII only (start-up)

            latin = anyascii(char)
            uncased = not char.isupper() and not char.islower()
            out.append(f" {latin}" if uncased and latin[:1].isupper() else latin)
        else:
            out.append(" ")
    return "".join(out)


def slugify(text: str, fallback: str = "item") -> str:
    """An ascii slug of `text`: lower case, words joined by '-', never empty, never a path."""
    words = re.findall(r"[a-z0-9]+", _ascii(text).lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > _MAX:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:_MAX]
    return slug or fallback


def unique_slugs(wanted: Iterable[str]) -> list[str]:
    """Make slugs unique in order, and never one of RESERVED: a repeated (or reserved) slug
    gets -2, -3, ..."""
    seen: set[str] = set(RESERVED)
    tried: dict[str, int] = {}  # slug -> the last number tried for it (all below are taken)
    out = []
    for slug in wanted:
        candidate, n = slug, tried.get(slug, 1)
        if n > 1:
            candidate = f"{slug}-{n}"
        while candidate in seen:
            n += 1
            candidate = f"{slug}-{n}"
        tried[slug] = n
        seen.add(candidate)
        out.append(candidate)
    return out


_NUMBERED = re.compile(r"-(\d+)$")


def page_bearers_first(entities: tuple[Entity, ...], entity_of: dict[K, str]) -> tuple[tuple[Entity, ...], dict[K, str]]:
    """The entities (sorted by id) and the map to their ids, with the entities that get a
    page (not hidden) holding the lowest of the slugs `unique_slugs` gave the found entities
    of one name's slug: "Zorbland" the place is `zorbland`, the unconfirmed "ZORBLAND"
    `zorbland-2`. Ids are made before confirmation (entity resolution, kept between builds);
    this runs after it, on every build, so a slug depends only on the dossier. A curated
    entity keeps its id. Only numbered ids are looked at: nothing is made when none moves."""
    by_id = {e.id: e for e in entities}
    groups: dict[str, list[Entity]] = {}
    for entity in entities:
        numbered = _NUMBERED.search(entity.id)
        if numbered is None or entity.curated:
            continue
        base = entity.id[: numbered.start()]
        if slugify(entity.name, "entity") == base:
            groups.setdefault(base, []).append(entity)
    renamed: dict[str, str] = {}
    for base, members in groups.items():
        holder = by_id.get(base)
        if holder is not None and not holder.curated:
            members.append(holder)
        slots = sorted((e.id for e in members), key=lambda i: 1 if i == base else int(i[len(base) + 1:]))
        order = sorted(members, key=lambda e: (e.hidden, slots.index(e.id)))
        renamed.update((e.id, slot) for e, slot in zip(order, slots, strict=True) if e.id != slot)
    if not renamed:
        return entities, entity_of
    out = sorted((replace(e, id=renamed[e.id]) if e.id in renamed else e for e in entities), key=lambda e: e.id)
    return tuple(out), {key: renamed.get(value, value) for key, value in entity_of.items()}
