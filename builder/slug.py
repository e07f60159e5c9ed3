"""Safe, stable slugs for page paths."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_MAX = 60


def slugify(text: str, fallback: str = "item") -> str:
    """An ascii slug of `text`: lower case, words joined by '-', never empty, never a path."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = re.sub(r"['’]", "", ascii_text.lower())
    words = re.findall(r"[a-z0-9]+", ascii_text)
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
    """Make slugs unique in order: a repeated slug gets -2, -3, ..."""
    seen: set[str] = set()
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
