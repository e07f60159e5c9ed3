"""The annotation cache is the builder's own: it never deletes what it did not make, never
sits in an input, and file names in warnings stay on one line."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from builder.errors import where
from builder.write import write_cache
from tests.conftest import make_project, run_cli

KEY = "ab" + "0" * 62


def test_the_cache_drops_only_its_own_stale_entries(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    (cache / "ab").mkdir(parents=True)
    stale = cache / "ab" / ("ab" + "1" * 62 + ".pickle")
    stale.write_bytes(b"old")
    mine = {  # a user's files that look a little like entries: never the builder's to delete
        cache / "ab" / "notes.pickle": b"keep",
        cache / "models" / "model.pickle": b"keep",
        cache / "ab" / ("cd" + "1" * 62 + ".pickle"): b"keep",  # not under its own prefix
        cache / "ab" / "AB11.pickle": b"keep",
    }
    for path, data in mine.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    write_cache(cache, [(KEY, b"new")], keep={KEY})
    assert not stale.exists()
    assert (cache / "ab" / f"{KEY}.pickle").read_bytes() == b"new"
    for path, data in mine.items():
        assert path.read_bytes() == data, path


@pytest.mark.parametrize("cache", ["dossier/articles", "dossier", ".", "docs", "dossier/articles/sub"])
def test_a_cache_in_or_over_an_input_or_the_docs_is_refused(tmp_path: Path, cache: str) -> None:
    project = make_project(tmp_path / "p", {"ok.txt": "Fine headline\n\nJane Doe met Acme Corp in Geneva.\n"})
    done = run_cli(project, "build", "-q", "--cache", cache)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "refus" in lines[0] and "--cache" in lines[0], done.stderr
    assert not any(p.suffix == ".pickle" for p in project.rglob("*")), "nothing may be written"


def test_a_cache_folder_of_its_own_is_fine(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"ok.txt": "Fine headline\n\nJane Doe met Acme Corp in Geneva.\n"})
    done = run_cli(project, "build", "-q", "--cache", str(tmp_path / "elsewhere" / "cache"))
    assert done.returncode == 0, done.stderr
    assert any((tmp_path / "elsewhere" / "cache").rglob("*.pickle"))


@pytest.mark.parametrize(("name", "shown"), [
    ("a\nb.txt", "a\\nb.txt"), ("a\rb.txt", "a\\rb.txt"), ("a\x1b[31mb.txt", "a\\x1b[31mb.txt"),
    ("plain.txt", "plain.txt"), ("caf\u00e9.txt", "caf\u00e9.txt"), (os.fsdecode(b"x\xff.txt"), "x\\xff.txt"),
])
def test_a_file_name_in_a_message_is_one_printable_line(name: str, shown: str) -> None:
    assert where(name, 3) == f"{shown}:3"
    assert where(name) == shown


def test_a_warning_about_a_file_with_a_newline_in_its_name_is_one_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"odd\nname.txt": "Odd headline\n\nJane Doe said: \u201cWe will win.\n\nMore.\n"})
    done = run_cli(project, "build", "-q", "--no-cache")
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.strip()]
    assert warnings and all(line.startswith("warning: ") for line in warnings), done.stderr
