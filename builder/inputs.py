"""Opening input files safely: the articles, dossier.yml and entities.yml.

Only regular files are read, and only when they lie inside the dossier folder: a symbolic
link is followed only while its target stays inside (a link to /proc/self/environ, /etc or
a file beside the project is refused, so it cannot be published), a FIFO, device or socket
is refused without blocking (the file is opened with O_NONBLOCK, then checked with fstat),
and a file larger than MAX_BYTES is refused before it is read."""
from __future__ import annotations

import os
import stat
from functools import lru_cache
from pathlib import Path

from builder.errors import DossierError, shown

MAX_BYTES = 64 * 1024 * 1024  # an input file larger than this is refused (64 MB)
_CHUNK = 1024 * 1024


@lru_cache(maxsize=8)
def _real_root(root: str) -> Path:
    return Path(root).resolve()


def inside(root: Path, path: Path, folders: dict[str, str] | None = None) -> Path | str:
    """The real path of `path` (every link followed), if it lies inside `root`; else an error.

    `folders` (folder -> its real path), kept by the caller for one pass over many files:
    a file that is no link is then placed by its folder's real path, found once per folder,
    instead of resolving every component of every file's path."""
    if folders is not None:
        found = _in_known_folder(root, path, folders)
        if found is not None:
            return found
    try:
        real = path.resolve(strict=True)
    except FileNotFoundError:
        if path.is_symlink():
            raise DossierError("a broken or looping symbolic link") from None
        raise DossierError("no such file") from None
    except (OSError, RuntimeError):
        raise DossierError("a broken or looping symbolic link") from None
    if not real.is_relative_to(_real_root(os.path.abspath(root))):  # keyed by the absolute path: cwd may change
        raise DossierError(f"a symbolic link to {shown(str(real))}, outside the dossier folder; refused "
                           "(copy the file into the dossier instead)")
    return real


def _in_known_folder(root: Path, path: Path, folders: dict[str, str]) -> str | None:
    """inside()'s answer for a file that is no symbolic link (its folder's real path joined
    with its name), None for a link or a file that is not there (inside() then says why)."""
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode):
            return None
    except OSError:
        return None
    folder, name = os.path.split(os.path.abspath(path))
    real = folders.get(folder)
    if real is None:
        real = folders[folder] = os.path.realpath(folder)
    top = str(_real_root(os.path.abspath(root)))
    if real != top and not real.startswith(top.rstrip(os.sep) + os.sep):
        return None  # (inside() refuses it, with its message)
    return os.path.join(real, name)


def read_input(path: Path, name: str, root: Path | None = None, limit: int = MAX_BYTES,
               folders: dict[str, str] | None = None) -> bytes:
    """The bytes of a regular input file, at most `limit` of them; with `root`, only if the
    file (links followed) lies inside it. Every refusal is a DossierError naming `name`.
    `folders`: see inside()."""
    label = shown(name)
    try:
        real = inside(root, path, folders) if root is not None else path
    except DossierError as err:
        raise DossierError(f"{label}: {err}") from None
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    if root is not None:
        flags |= getattr(os, "O_NOFOLLOW", 0)  # `real` has no link left; one put there since is refused
    try:
        fd = os.open(real, flags)
    except OSError as err:
        raise DossierError(f"{label}: cannot read: {err.strerror or err}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DossierError(f"{label}: not a regular file (a FIFO, device, socket or folder); refused")
        too_big = DossierError(f"{label}: larger than {limit // (1024 * 1024)} MB, the most an input file may have")
        if info.st_size > limit:
            raise too_big
        chunks, size = [], 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # it grew while being read
                raise too_big
        return b"".join(chunks)
    except OSError as err:
        raise DossierError(f"{label}: cannot read: {err.strerror or err}") from None
    finally:
        os.close(fd)
