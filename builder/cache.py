"""The annotation cache: what reading and annotating an article gave, keyed by the content
of the article, its metadata and the builder itself (code and word lists), so a rebuild
re-annotates only the articles that changed. Entries are written by builder.write."""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import re
from collections.abc import Hashable, Iterator
from typing import BinaryIO
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from builder import __version__
from builder.model import Annotation, Article, ArticleMeta
from builder.read import HTML_SUFFIXES

Entry = tuple[Article, Annotation]


# What reading and annotating depend on: a change to any of it invalidates the cache
# (a change to the renderer or the writer does not).
_ANNOTATION_CODE = ("read.py", "read_html.py", "model.py", "wordlists.py", "slug.py", "yamlfile.py", "errors.py", "cache.py",
                    "annotate/", "data/")


@cache
def _files() -> tuple[tuple[str, bytes], ...]:
    """The builder's code and word lists (name under builder/, sha-256 of the content), in
    name order: read once per process for every fingerprint, not once for each."""
    root = Path(__file__).resolve().parent
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for file in files:
            if file.endswith((".py", ".txt", ".yml")):
                path = Path(folder) / file
                found.append((path.relative_to(root).as_posix(), hashlib.sha256(path.read_bytes()).digest()))
    return tuple(sorted(found))


@cache
def fingerprint(parts: tuple[str, ...] = _ANNOTATION_CODE) -> str:
    """A hash of the builder's files whose names start with one of `parts`: by default the
    code and word lists that reading and annotating use; ("",) is the whole builder."""
    sha = hashlib.sha256(__version__.encode())
    for name, content in _files():
        if name.startswith(parts):
            sha.update(name.encode())
            sha.update(content)
    return sha.hexdigest()


def digest(value: Hashable) -> str:
    """A short, stable digest of a value made of strings, numbers, tuples and None (its repr)."""
    return digest_text(repr(value))


def digest_text(text: str) -> str:
    """A short, stable digest of a text."""
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


@contextmanager
def loading() -> Iterator[None]:
    """Pause Python's cycle collector while records are unpickled, then freeze what is alive
    (gc.freeze). Loading makes no cyclic garbage, but it makes objects by the hundred
    thousand, and without this each batch sets off a collection that walks everything
    alive. The records live as long as the build; `settled` unfreezes them after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


@contextmanager
def settled() -> Iterator[None]:
    """A build: what `loading` froze during it is handed back to the collector at its end."""
    try:
        yield
    finally:
        gc.unfreeze()


def key(data: bytes, file: str, meta: ArticleMeta | None, defaults: ArticleMeta | None = None) -> str:
    sha = hashlib.sha256(fingerprint().encode())
    sha.update(file.encode())
    if file.lower().endswith(HTML_SUFFIXES):  # a saved page: what the extraction library makes of it
        from builder.read_html import extractor_version  # noqa: PLC0415

        sha.update(extractor_version().encode())
    sha.update(repr(meta).encode())
    if defaults is not None:  # dossier.yml's dossier-wide defaults (the key is unchanged without them)
        sha.update(repr(defaults).encode())
    sha.update(data)
    return sha.hexdigest()


_ENTRY = re.compile(r"[0-9a-f]{64}\.pickle")
_PREFIX = re.compile(r"[0-9a-f]{2}")


def is_prefix(folder: str) -> bool:
    """Whether a folder's name is that of the cache's own subfolders (two hex digits)."""
    return _PREFIX.fullmatch(folder) is not None


def is_entry(name: str, folder: str) -> bool:
    """Whether a file is one of the cache's own entries (a key, as `path_of` files it): a
    cache never deletes a file it did not make, wherever --cache points."""
    return _ENTRY.fullmatch(name) is not None and name.startswith(folder)


def path_of(cache_dir: Path | str, entry_key: str) -> str:
    """Where an entry is kept (a string, not a Path: a build looks up thousands)."""
    return os.path.join(cache_dir, entry_key[:2], entry_key + ".pickle")


def stored(cache_dir: Path | None, entry_key: str, pack: Pack | None = None) -> bool:
    """Whether the cache holds an entry under this key, in its pack or on its own (it may
    still fail to load)."""
    return cache_dir is not None and (pack is not None and entry_key in pack.keys
                                      or os.path.isfile(path_of(cache_dir, entry_key)))


def load(cache_dir: Path | None, entry_key: str) -> Entry | None:
    if cache_dir is None:
        return None
    try:
        with open(path_of(cache_dir, entry_key), "rb") as handle:
            entry = pickle.load(handle)  # noqa: S301 - our own cache, written by this builder
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError, IndexError):
        return None
    return entry if isinstance(entry, tuple) and len(entry) == 2 else None


def dump(entry: Entry) -> bytes:
    return pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)


PACK = "entries.pack"  # the entries of a large dossier in one file: a list of their keys, then them all
PACK_FROM = 200  # entries from which a cache keeps them in a pack
_REPACK_SHARE = 10  # a pack is made again when more than a tenth of the entries lie outside it or are stale


class Pack:
    """The cache's pack: its keys read at once (a cheap header), its entries in one load.

    A large dossier's entries load several times faster from one file than from a
    thousand: one open, and the classes looked up once. New entries are stored on their own
    beside it until enough of them (or enough stale ones in it) make it worth writing again."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.path = None if cache_dir is None else cache_dir / PACK
        self.keys: frozenset[str] = frozenset()
        self.offset = 0
        self.damaged = False
        self._entries: dict[str, Entry] | None = None
        if self.path is None:
            return
        try:
            with open(self.path, "rb") as handle:
                keys = pickle.load(handle)  # noqa: S301 - our own cache, written by this builder
                self.offset = handle.tell()
        except OSError:
            return
        except (pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError, IndexError):
            self.damaged = True
            return
        if isinstance(keys, tuple) and all(isinstance(k, str) for k in keys):
            self.keys = frozenset(keys)
        else:
            self.damaged = True

    def entries(self) -> dict[str, Entry]:
        """Every entry of the pack, by key (none if it will not load: `damaged` then says so)."""
        if self._entries is None:
            self._entries = {}
            if self.keys and self.path is not None:
                try:
                    with open(self.path, "rb") as handle:
                        handle.seek(self.offset)
                        found = pickle.load(handle)  # noqa: S301 - our own cache, written by this builder
                except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError,
                        IndexError):
                    found = None
                if isinstance(found, dict):
                    self._entries = found
                else:
                    self.damaged = True
        return self._entries

    def worth_writing(self, keep: set[str], loose: int) -> bool:
        """Whether to write the pack again with the entries `keep` names, `loose` of them
        stored on their own: a dossier large enough, and a tenth of its entries outside the
        pack or the pack holding a tenth that are stale."""
        if len(keep) < PACK_FROM:
            return False
        if self.damaged or not self.keys:
            return True
        limit = max(16, len(keep) // _REPACK_SHARE)
        return loose > limit or len(self.keys - keep) > limit


def dump_pack(entries: dict[str, Entry], handle: BinaryIO) -> None:
    """Write a pack (see Pack) into an open file: the keys, then the entries."""
    pickle.dump(tuple(entries), handle, protocol=pickle.HIGHEST_PROTOCOL)
    pickle.dump(entries, handle, protocol=pickle.HIGHEST_PROTOCOL)


MEMO = "memo.pickle"  # the link pass's memo and the export's index, kept between builds
# the link memo's large results, each in a file of its own, written only when it changes
MEMO_PARTS = {"merged": "memo-merged.pickle", "related": "memo-related.pickle"}


def load_memo(cache_dir: Path | None, name: str = MEMO, damaged: list[str] | None = None) -> object | None:
    """A memo the last build left, if the builder is still the one that wrote it (one that
    will not load is named in `damaged`; one that is missing or another builder's is not)."""
    if cache_dir is None:
        return None
    try:
        with open(cache_dir / name, "rb") as handle:
            made_by, memo = pickle.load(handle)  # noqa: S301 - our own cache, written by this builder
    except OSError:
        return None
    except (pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError, IndexError):
        if damaged is not None:
            damaged.append(name)
        return None
    return memo if made_by == fingerprint(("",)) else None


def dump_memo(memo: object) -> bytes:
    return pickle.dumps((fingerprint(("",)), memo), protocol=pickle.HIGHEST_PROTOCOL)
