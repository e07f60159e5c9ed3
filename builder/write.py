"""The only module that writes files.

Generated pages go to the top-level names of docs/ that the builder owns (folders such as
`articles/`, and single files such as `index.md`), listed in `docs/.dossier-generated.json`.
A build writes the new pages aside in `docs/.dossier-staging/`, then swaps each owned name
in by rename under a journal, so an interrupted build is either rolled forward by the next
one or leaves the previous pages as they were. Unchanged pages are hard-linked from the old
tree, not rewritten. A name the builder does not own (a hand-written page) is never touched.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from builder.errors import DossierError
from builder.model import Page

MANIFEST = ".dossier-generated.json"
STAGING = ".dossier-staging"
OLD = ".dossier-old"
JOURNAL = ".dossier-swap.json"
_SAFE_PATH = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$")


@dataclass(frozen=True)
class WriteResult:
    written: int
    unchanged: int
    removed: int


def _checked(page: Page, seen: set[str]) -> bytes:
    if not _SAFE_PATH.match(page.path) or ".." in page.path.split("/"):
        raise DossierError(f"refusing to write an unsafe page path: {page.path!r}")
    if page.path in seen:
        raise DossierError(f"two pages would be written to {page.path}")
    seen.add(page.path)
    return page.text.encode("utf-8")


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _owned(docs: Path) -> set[str]:
    manifest = docs / MANIFEST
    if not manifest.exists():
        return set()
    try:
        return set(json.loads(manifest.read_text(encoding="utf-8"))["owned"])
    except (ValueError, KeyError, TypeError):
        raise DossierError(f"{manifest}: damaged; delete it and the generated folders, then rebuild") from None


def recover(docs: Path) -> None:
    """Finish or undo what an interrupted build left in docs/."""
    journal = docs / JOURNAL
    if journal.exists():
        plan = json.loads(journal.read_text(encoding="utf-8"))
        _swap(docs, plan["names"], plan["owned"])
    _remove(docs / STAGING)
    _remove(docs / OLD)


def _swap(docs: Path, names: list[str], owned: list[str]) -> None:
    staging, old = docs / STAGING, docs / OLD
    old.mkdir(exist_ok=True)
    for name in names:
        target, new, aside = docs / name, staging / name, old / name
        if new.exists():  # not swapped in yet
            if target.exists() or target.is_symlink():
                _remove(aside)
                os.replace(target, aside)
            os.replace(new, target)
        elif name not in owned and (target.exists() or target.is_symlink()):  # stale
            _remove(aside)
            os.replace(target, aside)
    _atomic_write(docs / MANIFEST, (json.dumps({"owned": sorted(owned)}, indent=1) + "\n").encode())
    (docs / JOURNAL).unlink()
    _remove(staging)
    _remove(old)


def write_pages(docs: Path, pages: Iterable[Page]) -> WriteResult:
    """Make the builder's part of docs/ hold exactly `pages`, atomically per owned name.

    Pages are taken one at a time (a generator keeps memory flat); nothing in docs/ changes
    until every page is staged."""
    docs.mkdir(parents=True, exist_ok=True)
    recover(docs)
    owned_before = _owned(docs)
    staging = docs / STAGING
    staging.mkdir()
    seen: set[str] = set()
    names: set[str] = set()
    written = unchanged = 0
    for page in pages:
        data = _checked(page, seen)
        name = page.path.split("/")[0]
        if name not in names:
            if name not in owned_before and ((docs / name).exists() or (docs / name).is_symlink()):
                raise DossierError(
                    f"docs/{name} exists and was not made by the builder; "
                    "the builder will not overwrite it (move it, or remove it if it is an old generated page)"
                )
            names.add(name)
        new, old = staging / page.path, docs / page.path
        new.parent.mkdir(parents=True, exist_ok=True)
        if old.is_file() and not old.is_symlink() and old.stat().st_size == len(data) and old.read_bytes() == data:
            os.link(old, new)
            unchanged += 1
        else:
            new.write_bytes(data)
            written += 1
    before = {
        str(p.relative_to(docs))
        for name in owned_before
        if (docs / name).exists()
        for p in ([docs / name] if (docs / name).is_file() else (docs / name).rglob("*"))
        if p.is_file()
    }
    removed = len(before - seen)
    ordered = sorted(names)
    stale = sorted(owned_before - names)
    _atomic_write(docs / JOURNAL, json.dumps({"names": ordered + stale, "owned": ordered}).encode())
    _swap(docs, ordered + stale, ordered)
    return WriteResult(written=written, unchanged=unchanged, removed=removed)


def publish_dir(target: Path, make: Callable[[Path], None]) -> None:
    """Build a directory aside with `make(tmp)`, then swap it in for `target`.

    If `make` fails, `target` is left as it was."""
    parent = target.parent
    staging = parent / f".{target.name}.staging"
    old = parent / f".{target.name}.old"
    if not target.exists() and old.exists():
        os.replace(old, target)  # an earlier swap was interrupted between its renames
    _remove(staging)
    _remove(old)
    make(staging)
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    _remove(old)


def write_cache(cache_dir: Path, entries: dict[str, bytes], keep: set[str]) -> None:
    """Store new cache entries (atomically each) and drop those no article uses any more."""
    for name, data in entries.items():
        path = cache_dir / name[:2] / f"{name}.pickle"
        path.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(path, data)
    if cache_dir.is_dir():
        for path in cache_dir.glob("*/*.pickle"):
            if path.stem not in keep:
                path.unlink()
