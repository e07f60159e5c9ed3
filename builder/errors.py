"""Input problems, reported as one line that names the file (and line) without a traceback."""
from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


class DossierError(Exception):
    """An input problem that stops the build; the message names the file and line."""


def shown(name: str) -> str:
    """A name fit to print on one line: bytes that are not UTF-8 (kept by Python as
    surrogates) as \\xNN, control characters (a newline, an escape sequence) escaped."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: _ESCAPES.get(m.group(), f"\\x{ord(m.group()):02x}"), text)


def where(file: str, line: int | None = None) -> str:
    """`file` or `file:line`, the prefix of every message about an input, on one line."""
    return f"{shown(file)}:{line}" if line else shown(file)
