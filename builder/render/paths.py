"""Where each generated page lives under docs/ (the writer owns these folders)."""
from __future__ import annotations

HOME = "index.md"
EXPORT = "dossier.json"
ARTICLES = "articles/index.md"
ENTITIES = "entities/index.md"
QUOTES = "quotes/index.md"
SOURCES = "sources/index.md"
TIMELINE = "timeline/index.md"
DISCREPANCIES = "discrepancies/index.md"
SOURCE_DIR = "dossier/articles"


def article(article_id: str) -> str:
    return f"articles/{article_id}.md"


def article_list(n: int) -> str:
    """Page n of the article list (article slugs have no '/', so these never collide)."""
    return ARTICLES if n == 1 else f"articles/page/{n}.md"


def timeline_month(year: int, month: int) -> str:
    """The timeline's page of one month (month 0: the events known to the year only)."""
    return f"timeline/{year:04d}.md" if month == 0 else f"timeline/{year:04d}-{month:02d}.md"


def entity(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


def entity_part(entity_id: str, kind: str, n: int) -> str:
    """Page n (from 2: the entity's own page is the first) of one of an entity's long lists
    ("articles", "quotes", "timeline")."""
    return f"entities/{entity_id}/{kind}-{n}.md"


def source_file(file: str) -> str:
    return f"{SOURCE_DIR}/{file}"
