"""The only place that orders the stages: read -> annotate -> link -> render -> write."""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from builder.annotate.entities import find_entities
from builder.annotate.quotes import find_quotes
from builder.annotate.sources import find_sources
from builder.config import DossierConfig, load_config
from builder.errors import DossierError
from builder.link import link
from builder.model import Annotation, Article, BuildReport, Dossier
from builder.read import read_article
from builder.render import render
from builder.slug import unique_slugs
from builder.write import write_pages

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
Progress = Callable[[int, int], None]


def discover(articles_dir: Path) -> list[tuple[str, Path]]:
    """Article files under `articles_dir` as (name relative to it, path), sorted by name."""
    if not articles_dir.is_dir():
        raise DossierError(f"{articles_dir}: no such folder; put article .txt or .md files there")
    found: list[tuple[str, Path]] = []
    for root, dirs, files in os.walk(articles_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            path = Path(root) / name
            if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            found.append((path.relative_to(articles_dir).as_posix(), path))
    if not found:
        raise DossierError(f"{articles_dir}: no articles found (.txt or .md files)")
    return sorted(found)


def read_all(dossier_dir: Path, config: DossierConfig) -> list[Article]:
    articles_dir = dossier_dir / "articles"
    articles = []
    for name, path in discover(articles_dir):
        if path.is_symlink() and not path.exists():
            raise DossierError(f"{name}: a broken or looping symbolic link")
        articles.append(read_article(path, config.articles.get(name), name=name))
    ids = unique_slugs(a.id for a in articles)
    return [replace(a, id=i) if a.id != i else a for a, i in zip(articles, ids, strict=True)]


def annotate(article: Article) -> Annotation:
    """Run the pure extractors over one article."""
    entities, mentions = find_entities(article)
    quotes, warnings = find_quotes(article, entities, mentions)
    return Annotation(
        article_id=article.id,
        entities=entities,
        mentions=mentions,
        quotes=quotes,
        sources=find_sources(article, entities, mentions),
        warnings=warnings,
    )


def assemble(dossier_dir: Path, progress: Progress | None = None) -> Dossier:
    """Everything up to the link pass: the whole dossier in memory, nothing written."""
    config = load_config(dossier_dir / "dossier.yml", "dossier.yml")
    articles = read_all(dossier_dir, config)
    annotations = []
    for n, article in enumerate(articles, start=1):
        annotations.append(annotate(article))
        if progress:
            progress(n, len(articles))
    return link(config, articles, annotations)


def build(dossier_dir: Path, docs_dir: Path, progress: Progress | None = None) -> BuildReport:
    dossier = assemble(dossier_dir, progress)
    pages = render(dossier)
    result = write_pages(docs_dir, pages)
    warnings = [w for a in dossier.articles for w in a.warnings]
    warnings += [f"{a.file}: {w}" for a, n in zip(dossier.articles, dossier.annotations, strict=True) for w in n.warnings]
    return BuildReport(
        articles=len(dossier.articles),
        pages_written=result.written,
        pages_unchanged=result.unchanged,
        pages_removed=result.removed,
        warnings=tuple(warnings),
    )
