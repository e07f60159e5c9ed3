"""The dossier's own settings, `dossier/dossier.yml`: title, description, the published
site's address (`site_url`, optional), dossier-wide default metadata (`outlet`, `date`, ...)
and per-article metadata under `articles:`."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from builder.errors import DossierError, where
from builder.model import ArticleMeta
from builder.read import layer_meta, meta_from_mapping
from builder.yamlfile import LineDict, load_yaml

_KEYS = {"title", "description", "site_url", "articles", "defaults"}


@dataclass(frozen=True)
class DossierConfig:
    title: str = "Briefing dossier"
    description: str = ""
    site_url: str | None = None
    articles: Mapping[str, ArticleMeta] = field(default_factory=dict)
    defaults: ArticleMeta = ArticleMeta()  # for every article, under its own entry's fields

    def meta_for(self, file: str) -> ArticleMeta | None:
        """The metadata dossier.yml's own entry gives one file (its `defaults` are a fallback
        under everything the article says of itself: builder.read.parse_article)."""
        return self.articles.get(file)

    def defaults_or_none(self) -> ArticleMeta | None:
        """The dossier-wide defaults, or None when dossier.yml sets none."""
        return None if self.defaults == ArticleMeta() else self.defaults


def load_config(path: Path, label: str = "dossier.yml") -> DossierConfig:
    """Read dossier.yml if it exists; a missing file means the defaults."""
    if not os.path.lexists(path):  # a broken link is not a missing file: reading it says so
        return DossierConfig()
    data = load_yaml(path, label)
    if data is None:
        return DossierConfig()
    if not isinstance(data, dict):
        raise DossierError(f"{where(label, 1)}: expected a mapping with {', '.join(sorted(_KEYS))}")
    line = _line_of(data, None)
    unknown = sorted(str(k) for k in data if k not in _KEYS)
    if unknown:
        raise DossierError(f"{where(label, line)}: unknown field(s) {', '.join(unknown)}")
    title, description = _texts(data, where(label, line))
    site_url = data.get("site_url")
    if site_url is not None:
        site_url = site_address(site_url, f"{where(label, line)}: 'site_url'")
    return DossierConfig(title=title, description=description, site_url=site_url,
                         articles=_articles(data, label, line), defaults=_defaults(data, label, line))


def _line_of(node: object, fallback: int | None) -> int | None:
    """The line a mapping of dossier.yml starts on, or `fallback` when it does not say."""
    return node.line if isinstance(node, LineDict) else fallback


def _texts(data: dict, at: str) -> tuple[str, str]:
    """The dossier's title and description, checked and stripped; `at` names the file and line."""
    title = data.get("title", DossierConfig.title)
    description = data.get("description", "") or ""
    if not isinstance(title, str) or not title.strip():
        raise DossierError(f"{at}: 'title' must be non-empty text")
    if not isinstance(description, str):
        raise DossierError(f"{at}: 'description' must be text")
    return title.strip(), description.strip()


def _articles(data: dict, label: str, line: int | None) -> dict[str, ArticleMeta]:
    """The per-article metadata under `articles:`, one entry per file name."""
    raw_articles = data.get("articles") or {}
    if not isinstance(raw_articles, dict):
        raise DossierError(f"{where(label, line)}: 'articles' must map file names to metadata")
    articles: dict[str, ArticleMeta] = {}
    for name, entry in raw_articles.items():
        entry_line = _line_of(entry, line)
        if not isinstance(entry, dict):
            raise DossierError(f"{where(label, entry_line)}: articles.{name} must be a mapping")
        articles[str(name)] = meta_from_mapping(entry, f"{where(label, entry_line)}: articles.{name}")
    return articles


def _defaults(data: dict, label: str, line: int | None) -> ArticleMeta:
    """The dossier-wide default metadata under `defaults:` (no per-article title or slug)."""
    raw_defaults = data.get("defaults") or {}
    if not isinstance(raw_defaults, dict):
        raise DossierError(f"{where(label, line)}: 'defaults' must map metadata fields to values")
    defaults_line = _line_of(raw_defaults, line)
    defaults = meta_from_mapping(raw_defaults, f"{where(label, defaults_line)}: defaults")
    if defaults.slug or defaults.title:
        raise DossierError(f"{where(label, defaults_line)}: defaults: 'title' and 'slug' belong to one article")
    return defaults


def site_address(value: object, label: str) -> str:
    """The address a site is published at, checked (http or https, with a host) and ending
    in '/'; `label` names where it came from in the error."""
    text = value.strip() if isinstance(value, str) else ""
    try:
        parts = urlsplit(text)
        ok = parts.scheme in {"http", "https"} and bool(parts.hostname) and not any(c.isspace() for c in text)
    except ValueError:
        ok = False
    if not ok or parts.query or parts.fragment:
        raise DossierError(f"{label} must be an http(s) address such as https://owner.github.io/repo/, not {value!r}")
    return text if text.endswith("/") else text + "/"
