"""The pipeline: parallel annotation gives the serial output; the cache re-annotates only
what changed; a change to the builder's code or word lists invalidates the cache."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder import cache, export, pipeline
from builder.errors import DossierError
from builder import render
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
    assert render.render(parallel) == render.render(serial)


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
    assert render.render(cached) == render.render(fresh)


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


@pytest.mark.parametrize("damage", [b"not a pickle", b""])
def test_a_damaged_or_foreign_link_memo_is_ignored(damage: bytes, dossier: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = tmp_path / "cache"
    pipeline.build(dossier, tmp_path / "docs", cache_dir=cache_dir)
    assert cache.load_memo(cache_dir) is not None
    monkeypatch.setattr(cache, "fingerprint", lambda parts=(): "another builder")
    assert cache.load_memo(cache_dir) is None  # written by another version of the builder
    monkeypatch.undo()
    for name in (cache.MEMO, *cache.MEMO_PARTS.values()):
        (cache_dir / name).write_bytes(damage)
        assert cache.load_memo(cache_dir, name) is None
    pipeline.build(dossier, tmp_path / "docs", cache_dir=cache_dir)
    pipeline.build(dossier, tmp_path / "fresh", cache_dir=None)
    assert _generated(tmp_path / "docs") == _generated(tmp_path / "fresh")


_BASE = {
    "a.txt": "Talks resume in Geneva\n\nJane Doe, the finance minister of Ruritania, arrived in Geneva on Monday. "
             "“We will not give in,” Doe said.\n\nAcme Corp said it would invest in the region.\n",
    "b.txt": "Acme Corp expands\n\nAcme Corp opened a plant in Geneva. Chief executive John Roe said the plant "
             "would employ 400 people.\n\n“This is a good day,” Roe told reporters.\n",
    "c.txt": "Ruritania budget vote\n\nLawmakers in Ruritania voted on the budget on Tuesday. Jane Doe defended it.\n",
    "d.txt": "Weather in Geneva\n\nIt rained in Geneva all week, the city said.\n",
}

_EDITS = {
    "a paragraph without names": {"d.txt": _BASE["d.txt"] + "\nMore rain is expected.\n"},
    "a known name mentioned again": {"d.txt": _BASE["d.txt"] + "\nJohn Roe said the plant stayed open.\n"},
    "a new role for a known person": {"c.txt": _BASE["c.txt"] + "\nDoe, who also leads the Ruritania Party, spoke.\n"},
    "a new person": {"d.txt": _BASE["d.txt"] + "\nMeteorologist Anna Berg said: “It will clear.”\n"},
    "a changed headline": {"b.txt": _BASE["b.txt"].replace("Acme Corp expands", "Acme Corp grows")},
    "a person renamed": {"a.txt": _BASE["a.txt"].replace("Jane Doe", "Janet Doe")},
    "a first mention's sentence reworded": {"a.txt": _BASE["a.txt"].replace("arrived in", "landed in")},
    "a quote reworded": {"b.txt": _BASE["b.txt"].replace("a good day", "a great day")},
    "an article removed": {"c.txt": None},
    "an article added": {"e.txt": "Geneva hosts summit\n\nJane Doe and John Roe met in Geneva on Friday.\n"},
    "a curated description": {"../entities.yml": "- name: Jane Doe\n  type: person\n  description: Minister.\n"},
}


def _write(folder: Path, files: dict[str, str | None]) -> None:
    for name, text in files.items():
        path = folder / "articles" / name
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def _generated(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*"))
            if p.is_file() and not p.name.startswith(".dossier")}


@pytest.mark.parametrize("serve", [False, True], ids=["build", "serve"])
@pytest.mark.parametrize("edit", sorted(_EDITS))
def test_an_incremental_build_gives_what_a_fresh_build_gives(edit: str, serve: bool, tmp_path: Path) -> None:
    """After each kind of edit, a rebuild with the cache (and, as `dossier serve` does it,
    with the last build's memory) writes exactly what a fresh build writes."""
    folder, docs, cache_dir = tmp_path / "dossier", tmp_path / "docs", tmp_path / "cache"
    memory = pipeline.Memory() if serve else None
    _write(folder, dict(_BASE))
    pipeline.build(folder, docs, cache_dir=cache_dir, memory=memory)
    _write(folder, _EDITS[edit])
    report = pipeline.build(folder, docs, cache_dir=cache_dir, memory=memory)
    pipeline.build(folder, tmp_path / "fresh", cache_dir=None)
    assert _generated(docs) == _generated(tmp_path / "fresh")
    if edit == "a paragraph without names":  # the keys let most pages be kept, unrendered
        assert report.pages_written <= 3 < report.pages_unchanged


@pytest.mark.parametrize("n", range(5))
def test_incremental_builds_of_the_samples_match_fresh_ones(n: int, dossier: Path, tmp_path: Path) -> None:
    """One sample article gets a paragraph of the next one (its names, roles, quotes, dates)."""
    docs, cache_dir = tmp_path / "docs", tmp_path / "cache"
    memory = pipeline.Memory()
    pipeline.build(dossier, docs, cache_dir=cache_dir, memory=memory)
    files = sorted((dossier / "articles").iterdir())
    paragraphs = [p for p in files[(n + 1) % len(files)].read_text(encoding="utf-8").split("\n\n") if len(p) > 200]
    files[n].write_text(files[n].read_text(encoding="utf-8") + "\n\n" + paragraphs[0] + "\n", encoding="utf-8")
    pipeline.build(dossier, docs, cache_dir=cache_dir, memory=memory)
    pipeline.build(dossier, tmp_path / "fresh", cache_dir=None)
    assert _generated(docs) == _generated(tmp_path / "fresh")


def test_rebuilds_in_one_process_take_unchanged_articles_from_memory(dossier: Path, tmp_path: Path) -> None:
    docs, cache_dir, memory = tmp_path / "docs", tmp_path / "cache", pipeline.Memory()
    pipeline.build(dossier, docs, cache_dir=cache_dir, memory=memory)
    assert len(memory.entries) == 5
    shutil.rmtree(cache_dir)  # the folder is not read again: the entries are in memory
    article = sorted((dossier / "articles").iterdir())[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8")
    again = pipeline.build(dossier, docs, cache_dir=cache_dir, memory=memory)
    assert (again.annotated, again.cached) == (1, 4)
    assert len(memory.entries) == 5  # the changed article's old entry is gone
    pipeline.build(dossier, tmp_path / "fresh", cache_dir=None)
    assert _generated(docs) == _generated(tmp_path / "fresh")


def _count_encoded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the ids of the articles whose export record is made anew."""
    made: list[str] = []
    original = export._article

    def counting(dossier, article, *rest):  # type: ignore[no-untyped-def]
        made.append(article.id)
        return original(dossier, article, *rest)

    monkeypatch.setattr(export, "_article", counting)
    return made


@pytest.mark.parametrize("tamper", [None, "edited", "removed"])
def test_a_one_shot_rebuild_cuts_unchanged_records_from_the_last_export(
        tamper: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the changed article's record is encoded again, unless the export on disk is not
    the one the last build wrote (then every record is)."""
    folder, docs, cache_dir = tmp_path / "dossier", tmp_path / "docs", tmp_path / "cache"
    _write(folder, dict(_BASE))
    pipeline.build(folder, docs, cache_dir=cache_dir)
    exported = docs / "dossier.json"
    if tamper == "edited":  # same size, other text: the cut offsets would be wrong
        exported.write_text(exported.read_text(encoding="utf-8").replace("Geneva", "Genevo"), encoding="utf-8")
    elif tamper == "removed":
        exported.unlink()
    _write(folder, _EDITS["a paragraph without names"])
    made = _count_encoded(monkeypatch)
    pipeline.build(folder, docs, cache_dir=cache_dir)
    assert len(made) == (1 if tamper is None else 4)
    monkeypatch.undo()
    pipeline.build(folder, tmp_path / "fresh", cache_dir=None)
    assert _generated(docs) == _generated(tmp_path / "fresh")


def test_a_worker_annotates_while_the_cached_articles_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With enough cached articles, the changed ones go to a forked child while this process
    loads the rest; a damaged entry is made again afterwards. The pages are a fresh build's."""
    folder, docs, cache_dir = tmp_path / "dossier", tmp_path / "docs", tmp_path / "cache"
    _write(folder, dict(_BASE))
    pipeline.build(folder, docs, cache_dir=cache_dir)
    kept = cache.key((folder / "articles" / "a.txt").read_bytes(), "a.txt", None)
    Path(cache.path_of(cache_dir, kept)).write_bytes(b"not a pickle")  # an article the edit leaves
    _write(folder, _EDITS["a new person"])
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 2)
    forked: list[int] = []
    real = pipeline._forked

    def counting(jobs):  # type: ignore[no-untyped-def]
        forked.append(len(jobs))
        return real(jobs)

    monkeypatch.setattr(pipeline, "_forked", counting)
    monkeypatch.setattr(pipeline.threading, "active_count", lambda: 1)  # other tests may have left threads
    report = pipeline.build(folder, docs, cache_dir=cache_dir, workers=2)
    assert forked == [1]  # the changed article went to the child
    assert (report.annotated, report.cached) == (2, 2)  # the edited article and the damaged entry
    monkeypatch.undo()
    pipeline.build(folder, tmp_path / "fresh", cache_dir=None)
    assert _generated(docs) == _generated(tmp_path / "fresh")


def test_an_error_in_the_forked_child_is_reported_as_in_a_serial_build(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    folder, docs, cache_dir = tmp_path / "dossier", tmp_path / "docs", tmp_path / "cache"
    _write(folder, dict(_BASE))
    pipeline.build(folder, docs, cache_dir=cache_dir)
    (folder / "articles" / "e.md").write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 2)
    with pytest.raises(DossierError, match=r"e\.md:2: malformed front matter"):
        pipeline.build(folder, docs, cache_dir=cache_dir, workers=2)


def test_an_edit_away_from_an_entity_leaves_its_page_unrendered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph added without names changes no first mention and no quote: the pages of
    the article's entities are kept, not rendered again."""
    folder, docs, cache_dir = tmp_path / "dossier", tmp_path / "docs", tmp_path / "cache"
    _write(folder, dict(_BASE))
    pipeline.build(folder, docs, cache_dir=cache_dir)
    rendered: list[str] = []
    real = render.render_entity

    def counting(entity, ctx, **kwargs):  # type: ignore[no-untyped-def]
        rendered.append(entity.name)
        return real(entity, ctx, **kwargs)

    monkeypatch.setattr(render, "render_entity", counting)
    _write(folder, _EDITS["a paragraph without names"])
    pipeline.build(folder, docs, cache_dir=cache_dir)
    assert rendered == []
    _write(folder, _EDITS["a first mention's sentence reworded"])  # the sentence Jane Doe's page quotes
    pipeline.build(folder, docs, cache_dir=cache_dir)
    assert "Jane Doe" in rendered and "John Roe" not in rendered  # John Roe is not named in a.txt


def test_the_memos_large_parts_are_rewritten_only_when_they_change(tmp_path: Path) -> None:
    folder, docs, cache_dir = tmp_path / "dossier", tmp_path / "docs", tmp_path / "cache"
    _write(folder, dict(_BASE))
    pipeline.build(folder, docs, cache_dir=cache_dir)
    merged = cache_dir / cache.MEMO_PARTS["merged"]
    before = merged.stat().st_mtime_ns
    _write(folder, _EDITS["a paragraph without names"])  # entity resolution reads the same
    pipeline.build(folder, docs, cache_dir=cache_dir)
    assert merged.stat().st_mtime_ns == before
    _write(folder, _EDITS["a new person"])
    pipeline.build(folder, docs, cache_dir=cache_dir)
    assert merged.stat().st_mtime_ns != before
