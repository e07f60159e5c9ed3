"""builder.code_cache: records defined with their methods taken from the store behave as
records compiled from source (init, defaults, repr, equality, hash, frozen fields, the
named tuple's fields); only what a builder module's import compiles is kept; a store of
another Python, or a damaged one, is ignored."""
from __future__ import annotations

import dataclasses
import inspect
import marshal
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from builder import code_cache

pytestmark = pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="the store repeats Python 3.11's internals")

_MODULE = '''
from dataclasses import dataclass, field
from typing import NamedTuple

@dataclass(frozen=True)
class Place:
    name: str
    aliases: tuple[str, ...] = ()
    weight: float = field(default=1.0, compare=False)

@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str | None
    text: str

class Mention(NamedTuple):
    start: int
    end: int
    key: str = "anytown"
'''


def _module(name: str = "builder._zorblatt_records") -> SimpleNamespace:
    """The records of _MODULE, defined as a module's top-level code runs."""
    namespace = {"__name__": name}
    exec(compile(_MODULE, f"<{name}>", "exec", dont_inherit=True), namespace)  # noqa: S102 - our own text
    return SimpleNamespace(**namespace)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty store in tmp_path, as a new process finds it."""
    path = tmp_path / code_cache.FILE
    monkeypatch.setattr(code_cache, "_PATH", str(path))
    monkeypatch.setattr(code_cache, "_known", {})
    monkeypatch.setattr(code_cache, "_fresh", {})
    monkeypatch.setattr(code_cache, "_read_yet", False)
    return path


def _store(path: Path) -> None:
    for target, data in code_cache.to_store():
        Path(target).write_bytes(data)


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(code_cache, "_known", {})
    monkeypatch.setattr(code_cache, "_fresh", {})
    monkeypatch.setattr(code_cache, "_read_yet", False)


def _behaviour(m: SimpleNamespace) -> list[object]:
    place, quote = m.Place("Anytown", ("Any Town",)), m.Quote(None, "We will go.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        place.name = "Elsewhere"  # type: ignore[misc]
    with pytest.raises(TypeError):
        m.Quote("Jane Doe")  # a field without a default is required
    return [
        repr(place), repr(quote), repr(m.Mention(3, 9)), place == m.Place("Anytown", ("Any Town",), weight=2.0),
        hash(place) == hash(m.Place("Anytown", ("Any Town",))), quote == m.Quote(None, "We will go."),
        str(inspect.signature(m.Place)), str(inspect.signature(m.Quote.__init__)), m.Mention._fields,
        m.Mention(1, 2)._replace(key="acme"), m.Place.__init__.__annotations__, m.Place.__doc__,
    ]


def test_records_from_the_store_behave_as_compiled_ones(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code_cache.install()
    first = _behaviour(_module())
    assert code_cache._fresh  # compiled from source, to be stored
    _store(store)
    assert store.exists()
    _new_process(monkeypatch)

    def no_compile(*_: object, **__: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(code_cache, "compile", no_compile, raising=False)
    second = _behaviour(_module())
    assert not code_cache._fresh
    assert second == first


def test_only_a_builder_module_s_records_are_kept(store: Path) -> None:
    code_cache.install()
    _module("elsewhere._records")
    assert not code_cache._fresh
    assert list(code_cache.to_store()) == []


@pytest.mark.parametrize("content", [b"not marshal", marshal.dumps(("2.7.18", {("exec", "x = 1"): None}))])
def test_a_damaged_store_or_another_python_s_is_ignored(content: bytes, store: Path) -> None:
    store.write_bytes(content)
    code_cache.install()
    m = _module()
    assert repr(m.Place("Anytown")) == "Place(name='Anytown', aliases=(), weight=1.0)"
    assert code_cache._fresh  # compiled from source
