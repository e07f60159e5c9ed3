"""The dossier's own settings, `dossier/dossier.yml`: title, description, per-article metadata."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from builder.errors import DossierError, where
from builder.model import ArticleMeta
from builder.read import meta_from_mapping
from builder.yamlfile import LineDict, load_yaml

_KEYS = {"title", "description", "articles"}


@dataclass(frozen=True)
class DossierConfig:
    title: str = "Briefing dossier"
    description: str = ""
    articles: Mapping[str, ArticleMeta] = field(default_factory=dict)


def load_config(path: Path, label: str = "dossier.yml") -> DossierConfig:
    """Read dossier.yml if it exists; a missing file means the defaults."""
    if not os.path.lexists(path):  # a broken link is not a missing file: reading it says so
        return DossierConfig()
    data = load_yaml(path, label)
    if data is None:
        return DossierConfig()
    if not isinstance(data, dict):
        raise DossierError(f"{where(label, 1)}: expected a mapping with {', '.join(sorted(_KEYS))}")
    line = data.line if isinstance(data, LineDict) else None
    unknown = sorted(str(k) for k in data if k not in _KEYS)
    if unknown:
        raise DossierError(f"{where(label, line)}: unknown field(s) {', '.join(unknown)}")
    title = data.get("title", DossierConfig.title)
    description = data.get("description", "") or ""
    if not isinstance(title, str) or not title.strip():
        raise DossierError(f"{where(label, line)}: 'title' must be non-empty text")
    if not isinstance(description, str):
        raise DossierError(f"{where(label, line)}: 'description' must be text")
    raw_articles = data.get("articles") or {}
    if not isinstance(raw_articles, dict):
        raise DossierError(f"{where(label, line)}: 'articles' must map file names to metadata")
    articles: dict[str, ArticleMeta] = {}
    for name, entry in raw_articles.items():
        entry_line = entry.line if isinstance(entry, LineDict) else line
        if not isinstance(entry, dict):
            raise DossierError(f"{where(label, entry_line)}: articles.{name} must be a mapping")
        articles[str(name)] = meta_from_mapping(entry, f"{where(label, entry_line)}: articles.{name}")
    return DossierConfig(title=title.strip(), description=description.strip(), articles=articles)
