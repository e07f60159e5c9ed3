"""The pipeline: parallel annotation gives the serial output; the cache re-annotates only
what changed; a change to the builder's code or word lists invalidates the cache."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder import cache, pipeline
from builder.render import render
from tests.conftest import ROOT


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    target = tmp_path / "dossier"
    shutil.copytree(ROOT / "dossier", target)
    return target


def test_parallel_annotation_is_byte_identical_to_serial(dossier: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial, _ = pipeline.assemble(dossier, workers=1)
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 1)
    parallel, stats = pipeline.assemble(dossier, workers=2)
    assert stats.annotated == len(serial.articles)
    assert render(parallel) == render(serial)


def test_the_cache_reannotates_only_the_changed_article(dossier: Path, tmp_path: Path) -> None:
    docs, cache_dir = tmp_path / "docs", tmp_path / "cache"
    first = pipeline.build(dossier, docs, cache_dir=cache_dir)
    assert (first.annotated, first.cached) == (5, 0)
    again = pipeline.build(dossier, docs, cache_dir=cache_dir)
    assert (again.annotated, again.cached, again.pages_written) == (0, 5, 0)
    article = sorted((dossier / "articles").iterdir())[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8")
    changed = pipeline.build(dossier, docs, cache_dir=cache_dir)
    assert (changed.annotated, changed.cached) == (1, 4)
    assert 1 <= changed.pages_written < changed.pages_unchanged
    assert len(list(cache_dir.glob("*/*.pickle"))) == 5  # the stale entry is gone


def test_cached_and_fresh_builds_give_the_same_pages(dossier: Path, tmp_path: Path) -> None:
    pipeline.build(dossier, tmp_path / "warm", cache_dir=tmp_path / "cache")
    cached, _ = pipeline.assemble(dossier, cache_dir=tmp_path / "cache")
    fresh, _ = pipeline.assemble(dossier)
    assert render(cached) == render(fresh)


def test_the_cache_key_covers_content_metadata_and_code(monkeypatch: pytest.MonkeyPatch) -> None:
    base = cache.key(b"text", "a.txt", None)
    assert cache.key(b"text!", "a.txt", None) != base
    assert cache.key(b"text", "b.txt", None) != base
    monkeypatch.setattr(cache, "fingerprint", lambda: "another builder")
    assert cache.key(b"text", "a.txt", None) != base


def test_a_damaged_cache_entry_is_ignored(dossier: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    pipeline.build(dossier, tmp_path / "docs", cache_dir=cache_dir)
    for entry in cache_dir.glob("*/*.pickle"):
        entry.write_bytes(b"not a pickle")
    report = pipeline.build(dossier, tmp_path / "docs", cache_dir=cache_dir)
    assert (report.annotated, report.cached) == (5, 0)
