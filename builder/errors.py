"""Input problems, reported as one line that names the file (and line) without a traceback."""
from __future__ import annotations


class DossierError(Exception):
    """An input problem that stops the build; the message names the file and line."""


def where(file: str, line: int | None = None) -> str:
    """`file` or `file:line`, the prefix of every message about an input."""
    return f"{file}:{line}" if line else file
