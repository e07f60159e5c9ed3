"""The only module that writes files.

Generated pages go to the top-level names of docs/ that the builder owns (folders such as
`articles/`, and single files such as `index.md`), listed in `docs/.dossier-generated.json`.
A build stages the pages that differ from docs/ in `docs/.dossier-staging/`, journals the
plan, then moves them in and deletes stale files, so an interrupted build either leaves the
previous pages as they were or is rolled forward by the next one. Unchanged files are not
touched. A name the builder does not own (a hand-written page) is never touched.
"""
from __future__ import annotations

import errno
import json
import os
import re
import shutil
import stat as stat_module
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from builder import cache
from builder.errors import DossierError, shown
from builder.model import KeptPage, Page

MANIFEST = ".dossier-generated.json"
STAGING = ".dossier-staging"
OLD = ".dossier-old"
JOURNAL = ".dossier-swap.json"
LOCK = ".dossier-lock"
_SAFE_PATH = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$")


@dataclass(frozen=True)
class WriteResult:
    written: int
    unchanged: int
    removed: int
    warnings: tuple[str, ...] = ()


def _checked(page: Page | KeptPage, seen: set[str]) -> None:
    if not _SAFE_PATH.match(page.path) or ".." in page.path.split("/"):
        raise DossierError(f"refusing to write an unsafe page path: {page.path!r}")
    if page.path in seen:
        raise DossierError(f"two pages would be written to {page.path}")
    seen.add(page.path)


def _atomic_write(path: Path, data: bytes, durable: bool = True) -> None:
    """Write a file whole or not at all (_replacing)."""
    with _replacing(path, durable) as handle:
        handle.write(data)


@contextmanager
def _replacing(path: Path, durable: bool = True) -> Iterator[BinaryIO]:
    """A file to write `path` through, whole or not at all: a temporary file beside it that
    replaces it once written, or is removed if writing fails; `durable` also waits for the
    disk (fsync), which the cache does not need: a damaged cache file is found on loading
    and costs only time."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # two processes never share one
    try:
        with open(tmp, "wb") as handle:
            yield handle
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


class _Inside:
    """Whether a path read from a state file (the manifest, the journal) names something
    inside docs/: relative, without '..', and with no link on the way that leads out. A
    crafted entry ('../victim', '/home') must never be deleted or written."""

    def __init__(self, docs: Path) -> None:
        self.root = os.path.realpath(docs)
        self.folders: dict[str, bool] = {}

    def __call__(self, path: object, top: bool = False) -> bool:
        if not isinstance(path, str) or not _SAFE_PATH.match(path) or ".." in path.split("/"):
            return False
        if top and "/" in path:
            return False
        folder = os.path.dirname(path)
        if folder not in self.folders:
            real = os.path.realpath(os.path.join(self.root, folder))
            self.folders[folder] = real == self.root or real.startswith(self.root + os.sep)
        return self.folders[folder]


_read_manifests: dict[str, tuple[bytes, Any]] = {}  # path -> (its file's bytes, their data)


def _manifest_data(manifest: Path) -> Any:
    """The decoded manifest; decoded once while its file holds the same bytes (a rebuild
    reads it for the page keys, then again to write: a thousand pages' records)."""
    raw = manifest.read_bytes()
    path = str(manifest)
    found = _read_manifests.get(path)
    if found is None or found[0] != raw:
        found = _read_manifests[path] = (raw, json.loads(raw.decode("utf-8")))
    return found[1]


def _manifest(docs: Path, warnings: list[str] | None = None) -> tuple[set[str], dict[str, list[object]]]:
    """The owned names and the recorded pages ({path: [key, size, mtime_ns]}) of docs/; a
    name that is not a plain name inside docs/ is ignored (with a warning in `warnings`)."""
    manifest = docs / MANIFEST
    if not manifest.exists():
        return set(), {}
    try:
        data = _manifest_data(manifest)
        pages = data.get("pages", {})
        owned = data["owned"]
        if not isinstance(pages, dict) or not isinstance(owned, list):
            raise TypeError
    except (ValueError, KeyError, TypeError, AttributeError):
        raise DossierError(f"{manifest}: damaged; delete it and the generated folders, then rebuild") from None
    inside = _Inside(docs)
    bad = [name for name in owned if not inside(name, top=True)]
    if bad and warnings is not None:
        warnings.append(f"{manifest}: ignored {len(bad)} entr{'y' if len(bad) == 1 else 'ies'} outside docs/ "
                        f"({', '.join(repr(b) for b in bad[:3])})")
    return {name for name in owned if name not in bad}, pages


def kept_keys(docs: Path) -> dict[str, str]:
    """The page keys the last build recorded, for the pages whose files are still as it left
    them (same size and modification time): those files can be kept without rendering."""
    if (docs / JOURNAL).exists():
        return {}  # an interrupted build: trust nothing until it is recovered
    _, pages = _manifest(docs)
    kept, root = {}, str(docs)
    for path, record in pages.items():
        try:
            key, size, mtime = record
            stat = os.lstat(os.path.join(root, path))  # strings, not Paths: thousands of pages
        except (OSError, TypeError, ValueError):
            continue
        if isinstance(key, str) and _SAFE_PATH.match(path) and (stat.st_size, stat.st_mtime_ns) == (size, mtime):
            kept[path] = key
    return kept


def recover(docs: Path) -> list[str]:
    """Finish what an interrupted build left in docs/: a journaled build is rolled forward,
    a build that never finished staging is dropped. Returns warnings: a damaged journal is
    dropped, and entries of the journal that lead outside docs/ are ignored."""
    journal = docs / JOURNAL
    warnings: list[str] = []
    if journal.exists() or journal.is_symlink():
        plan = _read_plan(journal)
        if plan is None:
            warnings.append(f"{journal}: damaged journal of an interrupted build dropped; "
                            "every page is written again")
            journal.unlink()
        else:
            _apply(docs, plan, warnings)
    _remove(docs / STAGING)
    _remove(docs / OLD)  # what older versions of the builder set aside
    return warnings


def _read_plan(journal: Path) -> dict[str, Any] | None:
    """The plan a journal holds, if it has the plan's shape."""
    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    lists = ("write", "remove", "stale", "owned")
    if not isinstance(plan, dict) or not all(isinstance(plan.get(k), list) for k in lists):
        return None
    if not isinstance(plan.setdefault("pages", {}), dict):
        return None
    return plan


def _apply(docs: Path, plan: dict[str, Any], warnings: list[str] | None = None, pages_text: str | None = None) -> None:
    """Carry out a journaled plan: move each staged file into place, delete stale files and
    names, then record the new manifest. Every step can be repeated, so a plan cut short is
    finished by running it again. An entry that leads outside docs/ is skipped.
    `pages_text`: the plan's pages as the manifest writes them, when already encoded."""
    staging = docs / STAGING
    inside = _Inside(docs)
    bad: list[object] = []

    def checked(paths: list[Any], top: bool = False) -> list[str]:
        bad.extend(p for p in paths if not inside(p, top))
        return [p for p in paths if inside(p, top)]

    _move_in(docs, staging, checked(plan["write"]))
    emptied = _remove_files(docs, checked(plan["remove"]))
    for name in checked(plan["stale"], top=True):
        _remove(docs / name)
    owned = checked(plan["owned"], top=True)
    pages = {k: v for k, v in plan["pages"].items() if inside(k)}
    if bad and warnings is not None:
        warnings.append(f"{docs / JOURNAL}: ignored {len(bad)} entr{'y' if len(bad) == 1 else 'ies'} outside docs/ "
                        f"({', '.join(repr(b) for b in bad[:3])})")
    _remove_empty(docs, emptied)
    if len(pages) != len(plan["pages"]):
        pages_text = None  # (entries were left out: encoded again)
    _record_manifest(docs / MANIFEST, owned, pages, pages_text)
    (docs / JOURNAL).unlink()
    _remove(staging)


def _move_in(docs: Path, staging: Path, paths: list[str]) -> None:
    """Move the staged files of `paths` into docs/ (those not moved in yet)."""
    for path in paths:
        new, target = staging / path, docs / path
        if new.exists():  # not moved in yet
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(new, target)


def _remove_files(docs: Path, paths: list[str]) -> set[Path]:
    """Delete the stale files of `paths`; return the folders they were in."""
    emptied = set()
    for path in paths:
        target = docs / path
        if target.is_file() or target.is_symlink():
            target.unlink()
        emptied.add(target.parent)
    return emptied


def _remove_empty(docs: Path, folders: set[Path]) -> None:
    """Remove the folders left empty, and their parents left empty, up to docs/."""
    for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
        while folder != docs and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


def _record_manifest(manifest: Path, owned: list[str], pages: dict[str, Any], pages_text: str | None) -> None:
    """Write the manifest, and keep what it holds as its decoded data (the next build in
    this process reads it without decoding it)."""
    data = _manifest_bytes(owned, pages, pages_text)
    _atomic_write(manifest, data)
    _read_manifests[str(manifest)] = (data, {"owned": list(owned), "pages": dict(pages)} if pages else {"owned": list(owned)})


def _pages_text(pages: dict[str, Any]) -> str:
    # compact: with an indent, json encodes in Python, several times slower for thousands of pages
    return json.dumps(pages, sort_keys=True, separators=(",", ":"))


def _manifest_bytes(owned: list[str], pages: dict[str, Any], pages_text: str | None = None) -> bytes:
    """The manifest's file: {"owned": [...], "pages": {...}} (pages only when there are),
    keys sorted, compact; `pages_text` is the pages encoded already (by _pages_text)."""
    if not pages:
        return (json.dumps({"owned": owned}, separators=(",", ":")) + "\n").encode()
    text = pages_text if pages_text is not None else _pages_text(pages)
    return ('{"owned":' + json.dumps(owned, separators=(",", ":")) + ',"pages":' + text + "}\n").encode()


def _file_stat(path: str) -> os.stat_result | None:
    """The status of a regular file (not a link), None if there is none."""
    try:
        found = os.lstat(path)
    except OSError:
        return None
    return found if stat_module.S_ISREG(found.st_mode) else None


def _files_under(docs: Path, names: Iterable[str]) -> set[str]:
    """Every file under the given top-level names of docs/, as paths relative to it."""
    found = set()
    for name in names:
        top = docs / name
        if top.is_file() or top.is_symlink():  # a link is never followed: what it leads to is not ours
            found.add(name)
            continue
        for root, _, files in os.walk(top):
            rel = Path(root).relative_to(docs).as_posix()
            found.update(f"{rel}/{f}" for f in files)
    return found


def write_pages(docs: Path, pages: Iterable[Page | KeptPage]) -> WriteResult:
    """Make the builder's part of docs/ hold exactly `pages`.

    Pages are taken one at a time (a generator keeps memory flat). Pages that differ from
    the files in docs/ are staged aside; nothing in docs/ changes until every page is
    staged and the plan is journaled, and a build killed after that is finished by the next
    one (recover). Unchanged files are not touched. A KeptPage keeps the file the last build
    wrote; the key of every page that has one is recorded for the next build (kept_keys).

    A disk that is full or read-only stops the build with one line, docs/ as it was (or, if
    the swap itself failed, finished by the next build)."""
    try:
        docs.mkdir(parents=True, exist_ok=True)
        warnings = recover(docs)
        owned_before, _ = _manifest(docs, warnings)
        for name in sorted(owned_before):
            if (docs / name).is_symlink():  # the builder makes folders and files, never links
                warnings.append(f"{docs / name}: a symbolic link where the builder keeps pages; "
                                "the link was removed, not what it leads to")
                (docs / name).unlink()
        return _write_all(docs, pages, owned_before, warnings)
    except OSError as err:
        journaled = (docs / JOURNAL).exists()
        if not journaled:
            shutil.rmtree(docs / STAGING, ignore_errors=True)
        after = ("the next build finishes moving the new pages in" if journaled
                 else "the previous pages are left as they were")
        raise DossierError(f"{shown(str(err.filename or docs))}: cannot write: {err.strerror or err}; {after}") from None
    except BaseException:
        if not (docs / JOURNAL).exists():
            shutil.rmtree(docs / STAGING, ignore_errors=True)
        raise


def _write_all(docs: Path, pages: Iterable[Page | KeptPage], owned_before: set[str], warnings: list[str]) -> WriteResult:
    """write_pages, once docs/ is recovered and its manifest read."""
    staging = docs / STAGING
    staging.mkdir()
    root = str(docs)
    seen: set[str] = set()
    names: set[str] = set()
    staged: list[str] = []
    keys: dict[str, list[object]] = {}
    for page in pages:
        _checked(page, seen)
        name = page.path.split("/")[0]
        if name not in names:
            if name not in owned_before and ((docs / name).exists() or (docs / name).is_symlink()):
                raise DossierError(
                    f"docs/{name} exists and was not made by the builder; "
                    "the builder will not overwrite it (move it, or remove it if it is an old generated page)"
                )
            names.add(name)
        target = os.path.join(root, page.path)  # strings, not Paths: thousands of pages
        found = _file_stat(target)
        if isinstance(page, KeptPage):
            if found is None:
                raise DossierError(f"docs/{page.path} went missing during the build; build again")
            stat = found
        else:
            data = page.data if page.data is not None else page.text.encode("utf-8")
            if found is not None and found.st_size == len(data) and Path(target).read_bytes() == data:
                stat = found
            else:
                written = staging / page.path
                written.parent.mkdir(parents=True, exist_ok=True)
                written.write_bytes(data)
                staged.append(page.path)
                stat = written.stat()
        if page.key is not None:
            keys[page.path] = [page.key, stat.st_size, stat.st_mtime_ns]
    ordered = sorted(names)
    stale_names = sorted(owned_before - names)
    stale = sorted(_files_under(docs, owned_before & names) - seen)
    gone = _files_under(docs, stale_names)
    plan = {"write": staged, "remove": stale, "stale": stale_names, "owned": ordered}
    pages_text = _pages_text(keys)  # encoded once, for the journal and the manifest
    _atomic_write(docs / JOURNAL, (json.dumps(plan)[:-1] + ', "pages": ' + pages_text + "}").encode())
    _apply(docs, {**plan, "pages": keys}, warnings, pages_text)
    return WriteResult(written=len(staged), unchanged=len(seen) - len(staged), removed=len(stale) + len(gone),
                       warnings=tuple(warnings))


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
        try:
            os.replace(target, old)
        except OSError as err:
            if err.errno not in (errno.EBUSY, errno.EXDEV, errno.EPERM, errno.EACCES):
                raise
            _refill(target, staging)  # a mount point cannot be renamed: its contents are replaced
            return
    os.replace(staging, target)
    _remove(old)


def _refill(target: Path, staging: Path) -> None:
    """Replace what `target` holds with what `staging` holds, moving (or, across file systems,
    copying) it in, for a folder that cannot be renamed (a mount point). Not atomic: a build
    stopped half-way leaves a partial site, which the next build replaces."""
    for entry in list(target.iterdir()):
        _remove(entry)
    for entry in sorted(staging.iterdir()):
        shutil.move(str(entry), str(target / entry.name))
    _remove(staging)


@contextmanager
def build_lock(docs: Path, waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the lock of a docs folder (`docs/.dossier-lock`) while building into it, so two
    builds at once do not mix their pages or sites: the second waits (and says so)."""
    import fcntl  # noqa: PLC0415 - POSIX only; elsewhere builds are not locked

    docs.mkdir(parents=True, exist_ok=True)
    path = docs / LOCK
    fd = os.open(path, os.O_RDONLY | os.O_CREAT | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0), 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting is not None:
                waiting(f"waiting for another build of {docs}/ to finish (it holds {path})")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def write_cache(cache_dir: Path, entries: Iterable[tuple[str, bytes]], keep: set[str]) -> None:
    """Store new cache entries, (key, bytes) as they come (atomically each), and drop those
    no article uses any more."""
    try:
        for name, data in entries:
            path = Path(cache.path_of(cache_dir, name))
            path.parent.mkdir(parents=True, exist_ok=True)
            _atomic_write(path, data, durable=False)
        if cache_dir.is_dir():
            for folder in os.scandir(cache_dir):  # plain directory entries: a cache holds thousands
                if folder.is_dir(follow_symlinks=False) and cache.is_prefix(folder.name):
                    for found in os.scandir(folder.path):
                        name = found.name.removesuffix(".pickle")
                        if cache.is_entry(found.name, folder.name) and name not in keep:
                            os.unlink(found.path)  # only an entry of the cache's own making
    except OSError as err:
        raise _cache_error(cache_dir, err) from None


def write_pack(cache_dir: Path, entries: dict[str, cache.Entry]) -> None:
    """Store the cache's pack (cache.Pack) of these entries, whole or not at all, and drop
    the entries stored on their own (the pack holds them now)."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        path = cache_dir / cache.PACK
        with _replacing(path, durable=False) as handle:  # written as it is pickled: no second copy in memory
            cache.dump_pack(entries, handle)
    except OSError as err:
        raise _cache_error(cache_dir, err) from None
    write_cache(cache_dir, (), keep=set())


def drop_pack(cache_dir: Path) -> None:
    """Remove the cache's pack (one that would not load, and is not worth writing again)."""
    try:
        (cache_dir / cache.PACK).unlink(missing_ok=True)
    except OSError as err:
        raise _cache_error(cache_dir, err) from None


def _cache_error(cache_dir: Path, err: OSError) -> DossierError:
    return DossierError(f"{shown(str(err.filename or cache_dir))}: cannot write the cache: {err.strerror or err}; "
                        "--no-cache builds without one")


def write_memo(cache_dir: Path, name: str, data: bytes) -> None:
    """Store a file at the top of the cache folder (the memo the next build starts from)."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        _atomic_write(cache_dir / name, data, durable=False)
    except OSError as err:
        raise _cache_error(cache_dir, err) from None


def write_patterns(path: str, data: bytes) -> None:
    """Store compiled regular expressions (builder.regex_cache) where it says; a folder that
    cannot be written keeps none (they are compiled again next time)."""
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        _atomic_write(Path(path), data, durable=False)
    except OSError:
        pass


@contextmanager
def scratch_file(name: str, text: str) -> Iterator[Path]:
    """A file of the builder's own, `name` in a new temporary folder, for as long as the
    block runs (the MkDocs configuration a site is built with); then it is gone."""
    import tempfile  # noqa: PLC0415 - only a build with --site needs it (a rebuild is mostly start-up)

    with tempfile.TemporaryDirectory(prefix="dossier-") as folder:
        path = Path(folder) / name
        _atomic_write(path, text.encode("utf-8"), durable=False)
        yield path


def save_new(folder: Path, stem: str, suffix: str, data: bytes) -> Path:
    """Write `data` to a new file `stem + suffix` in `folder` (`stem-2`, `stem-3`, ... when the
    name is taken), whole or not at all; an existing file is never replaced."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{stem}{suffix}.tmp"
    _atomic_write(tmp, data)
    try:
        for n in range(1, 1000):
            target = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
            try:
                os.link(tmp, target)  # fails if the name is taken: no file is ever replaced
            except FileExistsError:
                continue
            return target
        raise DossierError(f"{folder}: no free file name for {stem}{suffix}")
    finally:
        tmp.unlink(missing_ok=True)
