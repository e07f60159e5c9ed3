"""`docs/dossier.json`: a machine-readable export of everything the builder found."""
from __future__ import annotations

import json
from typing import Any

from builder import __version__
from builder.model import Dossier, Page

SCHEMA_VERSION = 1


def export(dossier: Dossier) -> dict[str, Any]:
    articles = []
    for article, annotation in zip(dossier.articles, dossier.annotations, strict=True):
        entity_ids = sorted({dossier.entity_of[(article.id, e.key)] for e in annotation.entities
                             if (article.id, e.key) in dossier.entity_of})
        articles.append({
            "id": article.id,
            "file": article.file,
            "title": article.title,
            "title_derived": article.title_derived,
            "outlet": article.meta.outlet,
            "url": article.meta.url,
            "date": article.meta.date.isoformat() if article.meta.date else None,
            "summary": article.summary.text if article.summary else None,
            "key_points": [b.text for b in article.key_points],
            "credits": list(article.credits),
            "furniture": list(article.furniture),
            "entities": entity_ids,
            "mentions": [
                {"entity": dossier.entity_of.get((article.id, m.key)), "text": m.surface, "start": m.start, "end": m.end}
                for m in sorted(annotation.mentions, key=lambda m: (m.start, m.end))
            ],
            "warnings": list(article.warnings + annotation.warnings),
        })
    entities = [
        {
            "id": e.id,
            "name": e.name,
            "type": e.type.value,
            "aliases": list(e.aliases),
            "roles": [{"text": r.text, "article": r.article} for r in e.roles],
            "description": e.description,
            "links": list(e.links),
            "curated": e.curated,
            "hidden": e.hidden,
        }
        for e in dossier.entities
    ]
    quotes = [
        {
            "id": q.id,
            "article": q.article,
            "text": q.quote.text,
            "speaker": q.speaker,
            "speaker_name": q.quote.speaker_name,
            "cue": q.quote.cue,
            "kind": q.quote.kind,
            "start": q.quote.start,
            "end": q.quote.end,
        }
        for q in dossier.quotes
    ]
    return {
        "schema": SCHEMA_VERSION,
        "generator": f"dossier builder {__version__}",
        "title": dossier.title,
        "articles": articles,
        "entities": entities,
        "quotes": quotes,
    }


def render_export(dossier: Dossier) -> Page:
    text = json.dumps(export(dossier), ensure_ascii=False, separators=(",", ":")) + "\n"
    return Page(path="dossier.json", text=text)
