"""The briefing dossier: news articles in, an annotated Material for MkDocs site out."""

from builder import code_cache, regex_cache

regex_cache.install()  # before the other modules compile their patterns
code_cache.install()  # before they define their records

__version__ = "0.1.0"
