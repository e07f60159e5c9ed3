"""Compiled methods of the builder's records kept between runs.

Every dataclass (and named tuple) makes its methods (`__init__`, `__repr__`, `__eq__`, ...)
from Python source it writes and compiles when its module is imported: for the builder's
fifty-odd records, a parse and compile of some three hundred small functions in every
process, about a twentieth of a one-article rebuild. This keeps the code objects compiled
from that source in a file (marshal) and runs them the next time: the same functions,
without the parse.

Only source compiled while a builder module's top-level code runs is kept (the records it
defines, the same in every run); the store is the package's `__pycache__/records.marshal`,
used only by the Python that wrote it, ignored when it will not load and not kept when it
cannot be written (builder.write writes it). Like builder.regex_cache, it repeats the
internals of Python 3.11 (`dataclasses._create_fn` runs `exec` on a text, `namedtuple`
runs `eval`), and is installed on that version only."""
from __future__ import annotations

import builtins
import collections
import dataclasses
import marshal
import os
import sys
from collections.abc import Iterator
from types import CodeType
from typing import Any

from builder.regex_cache import _importing  # (the same test: a builder module's top-level code is running)

FILE = "records.marshal"
_STAMP = sys.version
_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__", FILE)
Key = tuple[str, str]  # (mode, source text)


def _read(path: str) -> dict[Key, CodeType]:
    try:
        with open(path, "rb") as handle:
            stamp, entries = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if stamp == _STAMP and isinstance(entries, dict) else {}


_known: dict[Key, CodeType] = {}
_fresh: dict[Key, CodeType] = {}
_read_yet = False


def _code(source: object, mode: str) -> CodeType | None:
    """The code compiled from `source` as exec() or eval() of a text compiles it (no future
    flags: dataclasses and collections have none), from the store when it has it; None for
    what is not kept (not text, or not made by a builder module's import)."""
    global _read_yet  # noqa: PLW0603 - one store per process
    if type(source) is not str or not _importing():
        return None
    if not _read_yet:
        _known.update(_read(_PATH))
        _read_yet = True
    key = (mode, source)
    found = _known.get(key)
    if found is None:
        found = _known[key] = _fresh[key] = compile(source, "<string>", mode, dont_inherit=True)
    return found


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:  # noqa: A002 - exec's own names
    code = _code(source, "exec")
    builtins.exec(source if code is None else code, globals, locals)


def _eval(source: Any, globals: Any = None, locals: Any = None, /) -> Any:  # noqa: A002
    code = _code(source, "eval")
    return builtins.eval(source if code is None else code, globals, locals)


def install() -> None:
    """Compile the records' methods through the store (dataclasses and named tuples made
    after this; once per process)."""
    if sys.version_info[:2] != (3, 11) or not hasattr(dataclasses, "_create_fn"):
        return
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # (a module global: found before the builtin)
    collections.eval = _eval  # type: ignore[attr-defined]


def to_store() -> Iterator[tuple[str, bytes]]:
    """(path, bytes) of the store when this process compiled what it did not hold, with what
    another process stored meanwhile; then it counts as stored."""
    if not _fresh:
        return
    entries = {**_read(_PATH), **_known}
    _fresh.clear()
    try:
        data = marshal.dumps((_STAMP, entries))
    except ValueError:  # what marshal cannot write is compiled again next time
        return
    yield _PATH, data
