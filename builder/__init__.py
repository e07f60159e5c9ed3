"""The briefing dossier: news articles in, an annotated Material for MkDocs site out."""

__version__ = "0.1.0"
