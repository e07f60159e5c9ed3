"""builder.regex_cache: a pattern taken from a store is the Pattern `re` would compile
(equal code, flags and groups), stores of another Python or damaged ones are ignored, and
patterns land in the right store (a builder module's constants in the package's, a build's
in its dossier's cache folder)."""
from __future__ import annotations

import marshal
import re
import sys
from pathlib import Path

import pytest

from builder import regex_cache

pytestmark = pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="the store repeats Python 3.11's compiler")

ROWS = [  # (pattern, flags): groups, names, classes, look-arounds, bytes, flags of the pattern itself
    (r"(?<![\w’'-])(?:jane doe|acme)(?![\w’'-])", 0),
    (r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+) (?P<year>\d{4})", 0),
    (r"(?i)\bthe\s+(?:foreign|home)\s+secretary\b", 0),
    (r"""
        (?P<WORD>[^\W\d_]+)   # a word
      | (?P<NUM>\d+)          # a number
    """, re.VERBOSE),
    (r"^[A-Z][\w.-]*$", re.MULTILINE | re.IGNORECASE),
    (rb"\x00+", 0),
    (r"(a)(b)?(?(2)c|d)", 0),
    (r"[^\W\d_]{4,}", re.ASCII),
    ("", 0),
]


@pytest.mark.parametrize(("pattern", "flags"), ROWS)
def test_a_stored_pattern_is_the_pattern_re_compiles(pattern: str | bytes, flags: int) -> None:
    stored = marshal.loads(marshal.dumps(regex_cache._made(pattern, int(flags))))  # through a store's format
    import _sre  # noqa: PLC0415

    made, expected = _sre.compile(pattern, *stored), regex_cache._original(pattern, int(flags))
    assert made == expected  # Pattern equality compares the pattern, the flags and the compiled code
    assert (made.groups, dict(made.groupindex), made.flags) == (expected.groups, dict(expected.groupindex), expected.flags)


def _fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty package store in tmp_path/pkg, and a build store in tmp_path/cache."""
    monkeypatch.setattr(regex_cache, "_import", regex_cache._Store(str(tmp_path / "pkg" / regex_cache.FILE)))
    monkeypatch.setattr(regex_cache, "_build", regex_cache._Store(None))
    regex_cache.use(tmp_path / "cache")


def _stored(tmp_path: Path) -> dict[str, set[object]]:
    for path, data in regex_cache.to_store():
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(data)
    found = {}
    for name in ("pkg", "cache"):
        path = tmp_path / name / regex_cache.FILE
        found[name] = set(marshal.loads(path.read_bytes())[1]) if path.exists() else set()
    return found


def test_a_second_run_compiles_without_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh(tmp_path, monkeypatch)
    first = [regex_cache._compile(p, f) for p, f in ROWS]
    _stored(tmp_path)
    monkeypatch.setattr(regex_cache, "_build", regex_cache._Store(None))  # a new process
    regex_cache.use(tmp_path / "cache")

    def no_parse(*_: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(regex_cache._parser, "parse", no_parse)
    assert [regex_cache._compile(p, f) for p, f in ROWS] == first


def test_constants_of_a_builder_module_go_to_the_package_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh(tmp_path, monkeypatch)
    module = compile("import re\nPATTERN = re.compile('Jane (?:Q )?Doe')\n", "<builder.made_up>", "exec")
    exec(module, {"__name__": "builder.made_up"})  # noqa: S102 - a module's top level, as an import runs it
    regex_cache._compile("Acme (?:Corp|Ltd)", 0)  # during a build: the dossier's store
    stored = _stored(tmp_path)
    assert stored == {"pkg": {("Jane (?:Q )?Doe", 0)}, "cache": {("Acme (?:Corp|Ltd)", 0)}}


def test_patterns_of_a_function_marked_constants_go_to_the_package_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    @regex_cache.constants
    def made_from_a_word_list() -> object:
        return regex_cache._compile("(?:Zorblatt|Anytown) Council", 0)

    _fresh(tmp_path, monkeypatch)
    made_from_a_word_list()
    regex_cache._compile("Jane Roe", 0)  # during a build, in no such function: the dossier's store
    assert _stored(tmp_path) == {"pkg": {("(?:Zorblatt|Anytown) Council", 0)}, "cache": {("Jane Roe", 0)}}


@regex_cache.constants
def _from_a_word_list(pattern: str) -> object:
    """A function that makes its pattern from the package's word lists."""
    return regex_cache._compile(pattern, 0)


def test_a_package_store_written_after_this_process_read_it_is_taken_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh(tmp_path, monkeypatch)
    path = tmp_path / "pkg" / regex_cache.FILE
    path.parent.mkdir()
    # another process (a build) stores a pattern after this one read the store
    path.write_bytes(marshal.dumps((regex_cache._STAMP, {("Acme", 0): regex_cache._made("Acme", 0),
                                                          ("Zorblatt", 0): regex_cache._made("Zorblatt", 0)})))

    def no_parse(*_: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(regex_cache._parser, "parse", no_parse)
    assert _from_a_word_list("Zorblatt").match("Zorblatt")


def test_no_cache_folder_keeps_no_build_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh(tmp_path, monkeypatch)
    regex_cache.use(None)
    regex_cache._compile("Jane Roe", 0)
    assert _stored(tmp_path) == {"pkg": set(), "cache": set()}


@pytest.mark.parametrize("content", [b"", b"\x00garbage", marshal.dumps((("another python",), {("x", 0): (0, [], 0, {}, ())}))])
def test_a_damaged_or_foreign_store_is_ignored(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / regex_cache.FILE
    path.write_bytes(content)
    assert regex_cache._read(str(path)) == {}


def test_a_store_grown_too_large_keeps_what_was_used_and_what_others_stored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh(tmp_path, monkeypatch)
    monkeypatch.setattr(regex_cache, "MOST", 4)
    for n in range(4):  # an earlier build's: the words lists' and a dossier's names
        regex_cache._compile(f"Jane Doe {n}", 0)
    _stored(tmp_path)
    monkeypatch.setattr(regex_cache, "_build", regex_cache._Store(None))  # a new process
    regex_cache.use(tmp_path / "cache")
    regex_cache._compile("Jane Doe 0", 0)  # taken from the store
    other = regex_cache._Store(str(tmp_path / "cache" / regex_cache.FILE))  # a worker stores one meanwhile
    path = tmp_path / "cache" / regex_cache.FILE
    entries = {**other.known, ("Acme", 0): regex_cache._made("Acme", 0)}
    path.write_bytes(marshal.dumps((regex_cache._STAMP, entries)))
    regex_cache._compile("Jane Doe 9", 0)  # made now: six in all, two too many
    assert _stored(tmp_path)["cache"] == {("Jane Doe 0", 0), ("Jane Doe 9", 0), ("Acme", 0)}


def test_a_pattern_of_a_str_subclass_is_compiled_and_the_store_still_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Markup(str):  # as templating libraries make their safe strings
        pass

    _fresh(tmp_path, monkeypatch)
    assert regex_cache._compile(Markup("Jane (Doe)"), 0).match("Jane Doe")
    regex_cache._compile("Acme", 0)
    assert _stored(tmp_path)["cache"] == {("Acme", 0)}


def test_a_package_store_grown_too_large_keeps_the_constants_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh(tmp_path, monkeypatch)
    monkeypatch.setattr(regex_cache, "MOST", 2)
    for name in ("Zorblatt", "Anytown", "Acme"):  # the word lists of earlier versions of the package
        _from_a_word_list(name)
    _stored(tmp_path)
    monkeypatch.setattr(regex_cache, "_import", regex_cache._Store(str(tmp_path / "pkg" / regex_cache.FILE)))  # a new process
    _from_a_word_list("Zorblatt")  # taken from the store
    _from_a_word_list("Jane Doe")  # made now
    assert _stored(tmp_path)["pkg"] == {("Zorblatt", 0), ("Jane Doe", 0)}
