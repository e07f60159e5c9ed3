"""The briefing dossier: news articles in, an annotated Material for MkDocs site out."""

from builder import regex_cache

regex_cache.install()  # before the other modules compile their patterns

__version__ = "0.1.0"
