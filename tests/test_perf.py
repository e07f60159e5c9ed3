"""What a build keeps in memory and what a rebuild redoes (`make bench` measures the time and
the peak; these check the causes, not the clock)."""
from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from builder import cache, pipeline
from builder.confirm import lower_words
from builder.link import lower_text
from tests.conftest import ROOT
from tests.test_entities import article

LOWER_ROWS = [  # (paragraphs, the words written in lower case)
    (("Jane Doe said the harvest failed.",), {"said", "the", "harvest", "failed"}),
    (("The mayor’s office and a state-run firm agreed.",), {"mayor’s", "office", "and", "state-run", "firm", "agreed"}),
    (("Acme Corp", "Jane Doe"), set()),  # no word in lower case: an empty text, no empty word
    (("Write to jane@example.org or see example.org today.",), {"to", "or", "see", "today"}),
    (("the the the", "the end"), {"the", "end"}),
]


@pytest.mark.parametrize(("paragraphs", "words"), LOWER_ROWS)
def test_the_lower_case_words_are_kept_as_one_text_of_the_same_words(paragraphs: tuple[str, ...],
                                                                       words: set[str]) -> None:
    made = article(*paragraphs)
    text = lower_text(made, None)  # type: ignore[arg-type]
    assert isinstance(text, str)
    assert set(text.split()) == set(lower_words(made)) == words
    assert text == lower_text(made, None)  # type: ignore[arg-type]  # sorted: the same text in every process


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    target = tmp_path / "dossier"
    shutil.copytree(ROOT / "dossier", target)
    return target


def test_the_link_memo_keeps_one_text_of_lower_case_words_per_article(dossier: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    pipeline.build(dossier, tmp_path / "docs", cache_dir=cache_dir)
    with open(cache_dir / cache.MEMO, "rb") as handle:
        _, (memo, _, _) = pickle.load(handle)  # noqa: S301 - written by the build above
    assert "lower_words" not in memo.articles  # (a set of words per article: a seventh of a large build's memory)
    kept = memo.articles["lower_text"]
    assert len(kept) == 5 and all(isinstance(text, str) for text in kept.values())


def test_a_one_shot_build_lets_go_of_the_export_text_before_storing_its_memo(
        dossier: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    held: list[int] = []
    store = pipeline._store_memo
    monkeypatch.setattr(pipeline, "_store_memo",
                        lambda cache_dir, memory, export: (held.append(len(export.data)), store(cache_dir, memory, export)))
    pipeline.build(dossier, tmp_path / "docs", cache_dir=tmp_path / "cache")
    assert held == [0]
    memory = pipeline.Memory()  # `dossier serve` keeps it: the next build cuts records from it
    pipeline.build(dossier, tmp_path / "served", cache_dir=tmp_path / "cache", memory=memory)
    assert held[-1] == len(memory.export.data) > 0
    assert memory.export.data == (tmp_path / "served" / "dossier.json").read_bytes()


def test_splitting_sentences_does_not_compile_the_date_patterns() -> None:
    """The link pass splits the sentences of a changed article (claims, events); a rebuild
    should not pay for compiling every date pattern to read the abbreviation list."""
    from builder.annotate import dates, sentences  # noqa: PLC0415

    dates._lists.cache_clear()
    assert sentences.bounds("Gen. Doe left at 9 a.m. on Monday. Jane Roe stayed.") == ((0, 34), (35, 51))
    assert dates._lists.cache_info().currsize == 0


def test_a_one_shot_rebuild_loads_its_memos_while_the_worker_annotates(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The last build's memos are loaded after the changed article went to the forked child
    (while it annotates), and still before the link pass; the pages are a fresh build's."""
    from tests.test_pipeline import _BASE, _EDITS, _generated, _write  # noqa: PLC0415

    folder, docs, cache_dir = tmp_path / "dossier", tmp_path / "docs", tmp_path / "cache"
    _write(folder, dict(_BASE))
    pipeline.build(folder, docs, cache_dir=cache_dir)
    _write(folder, _EDITS["a new person"])
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 2)
    monkeypatch.setattr(pipeline.threading, "active_count", lambda: 1)  # other tests may have left threads
    events: list[str] = []
    for name in ("_forked", "_kept_memory", "link"):
        real = getattr(pipeline, name)
        monkeypatch.setattr(pipeline, name, lambda *a, _n=name, _f=real, **k: (events.append(_n), _f(*a, **k))[1])
    pipeline.build(folder, docs, cache_dir=cache_dir, workers=2)
    assert events == ["_forked", "_kept_memory", "link"]
    monkeypatch.undo()
    pipeline.build(folder, tmp_path / "fresh", cache_dir=None)
    assert _generated(docs) == _generated(tmp_path / "fresh")
