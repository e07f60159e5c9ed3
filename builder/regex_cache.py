"""Compiled regular expressions kept between runs.

Python compiles every pattern again in each process, in Python code: the builder's three
hundred (module constants, and the word lists' alternations made when first used) cost a
one-article rebuild an eighth of its work. This keeps what the compiler makes of a pattern
(the flags, the code list and the group names that `_sre.compile` takes) in a file and
hands it to `_sre.compile` directly the next time: the same Pattern, without the parse.

Two stores: the patterns that are constants of the package in its `__pycache__` (those
compiled while the builder's modules are imported, and those a function marked `constants`
makes from the package's word lists when first used), and the others compiled during a
build (a few made from the dossier's names) in that dossier's cache folder, beside its
articles' annotations. A store is used only by the Python that wrote it
(its version and the regular expression engine's magic number); one that will not load is
ignored, and one that cannot be written is not kept. Files are written by builder.write."""
from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable, Collection, Iterator
from types import CodeType, FrameType
from typing import TypeVar
from re import _compiler, _parser  # type: ignore[attr-defined]

import _sre  # type: ignore[import-not-found]

FILE = "patterns.marshal"  # the store's name in a folder
MOST = 1000  # entries a store keeps: patterns made from a dossier's names change from build to build
_STAMP = (sys.version, _sre.MAGIC, _sre.CODESIZE)
_PACKAGE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__", FILE)
_DEBUG = int(_parser.SRE_FLAG_DEBUG)

Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str | bytes, int]


class _Store:
    def __init__(self, path: str | None) -> None:
        self.path = path
        self.seen = _version(path)  # the file's version when read
        self.known: dict[Key, Compiled] = _read(path) if path else {}
        self.loaded = frozenset(self.known)  # what the file held when this process read it
        self.fresh: dict[Key, Compiled] = {}
        self.used: set[Key] = set()  # what this process compiled or took from it

    def reread(self) -> None:
        """Take in what another process stored since this one read the file (a build run
        beside a process that imported the builder before it)."""
        version = _version(self.path)
        if version != self.seen:
            self.seen = version
            self.known = {**_read(self.path), **self.known} if self.path else self.known


def _version(path: str | None) -> tuple[int, int] | None:
    try:
        found = os.stat(path) if path else None
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_size) if found else None



def _read(path: str) -> dict[Key, Compiled]:
    try:
        with open(path, "rb") as handle:
            data = handle.read()  # (marshal.load reads a file a few bytes at a time)
        stamp, entries = marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if stamp == _STAMP and isinstance(entries, dict) else {}


_import = _Store(_PACKAGE)  # constants of the builder's modules
_build = _Store(None)  # the current build's (a dossier's cache folder), once `use` names it
_original = _compiler.compile


_CONSTANT_MAKERS: set[CodeType] = set()  # the code of the functions marked `constants`

F = TypeVar("F", bound=Callable[..., object])


def constants(function: F) -> F:
    """Mark a function whose patterns are constants of the package (made from its code and
    its word lists only, never from a dossier): they are kept in the package's store."""
    _CONSTANT_MAKERS.add(function.__code__)  # type: ignore[attr-defined]
    return function


def _constant() -> bool:
    """Whether a builder module's top-level code is running (its import) or a function
    marked `constants`: the pattern is one of the package's constants, the same in every run."""
    return _running(sys._getframe(2), _CONSTANT_MAKERS)


def _importing() -> bool:
    """Whether a builder module's top-level code is running (its import); code_cache asks."""
    return _running(sys._getframe(2), ())


def _running(frame: FrameType | None, makers: Collection[CodeType]) -> bool:
    while frame is not None:
        code = frame.f_code
        if code in makers or (
                code.co_name == "<module>" and str(frame.f_globals.get("__name__", "")).startswith("builder")):
            return True
        frame = frame.f_back
    return False


def _made(pattern: str | bytes, flags: int) -> Compiled:
    """What re._compiler.compile passes to _sre.compile (as Python 3.11 makes it)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _compile(pattern: object, flags: int = 0) -> object:
    """re._compiler.compile, taking what it made of the same pattern from a store."""
    if not isinstance(pattern, (str, bytes)) or type(pattern) not in (str, bytes) or flags & _DEBUG:
        # (a subclass of str will not store)
        return _original(pattern, flags)
    key = (pattern, int(flags))
    found = _import.known.get(key)
    if found is not None:
        _import.used.add(key)
    else:
        found = _build.known.get(key)
        constant = found is None and _constant()
        if constant:
            _import.reread()
            found = _import.known.get(key)
        if found is None:
            found = _made(pattern, int(flags))
            store = _import if constant else _build
            store.known[key] = store.fresh[key] = found
        if key in _build.known:
            _build.used.add(key)
    return _sre.compile(pattern, found[0], found[1], found[2], found[3], found[4])


def install() -> None:
    """Compile patterns through the stores (once per process; `re` keeps its own cache above)."""
    if _compiler.compile is not _compile and hasattr(_compiler, "_code") and sys.version_info[:2] == (3, 11):
        _compiler.compile = _compile  # (the internals it repeats are those of Python 3.11)


def use(folder: str | os.PathLike[str] | None) -> None:
    """The build's store: the one in `folder` (a dossier's cache folder), or none."""
    global _build  # noqa: PLW0603 - one store per process, like `re`'s own cache
    path = os.path.join(folder, FILE) if folder is not None else None
    if path != _build.path:
        _build = _Store(path)


def to_store() -> Iterator[tuple[str, bytes]]:
    """(path, bytes) of each store that gained patterns since it was read or last stored,
    with what another process stored meanwhile; then they count as stored. A build store
    grown past MOST (patterns made from a dossier's names pile up over many builds) keeps
    what this process used and what others stored since it was read."""
    for store in (_import, _build):
        if store.path is None or not store.fresh:
            continue
        entries = {**_read(store.path), **store.known}
        if len(entries) > MOST:
            entries = {k: v for k, v in entries.items() if k in store.used or k not in store.loaded}
        store.fresh, store.used, store.loaded = {}, set(), frozenset(entries)
        try:
            data = marshal.dumps((_STAMP, entries))
        except ValueError:  # what marshal cannot write is compiled again next time
            continue
        yield store.path, data
