"""What makes a one-shot rebuild of a large dossier fast gives what a fresh build gives:
the link memo's counted lower-case words, the export kept as bytes, article files read
without resolving each path, a damaged cache ignored with a warning."""
from __future__ import annotations

from itertools import chain
from pathlib import Path

import pytest

from builder import cache, pipeline, relate
from builder.cli import main
from builder.confirm import lower_words
from builder.link import LinkMemo, lower_text
from builder.read import article_from_bytes
from builder.relate import related_articles, update_related
from tests.test_pipeline import _BASE, _generated, _write

_VERSIONS = [  # file -> text, one dossier after another (an article edited, removed, added)
    {"a.txt": "Acme opens\n\nThe acme of the season came with rain in Geneva.\n",
     "b.txt": "Doe speaks\n\nJane Doe said the roe deer were back.\n"},
    {"a.txt": "Acme opens\n\nAcme opened a plant in Geneva.\n",
     "b.txt": "Doe speaks\n\nJane Doe said the roe deer were back.\n"},
    {"a.txt": "Acme opens\n\nAcme opened a plant in Geneva.\n"},
    {"a.txt": "Acme opens\n\nAcme opened a plant in Geneva.\n",
     "c.txt": "Rain again\n\nIt rained in geneva, and the acme of the season came.\n"},
    {"c.txt": "Rain again\n\nNo rain at all.\n"},
]


def test_lower_case_words_counted_by_article_are_the_words_of_a_fresh_count() -> None:
    memo = LinkMemo()
    for files in _VERSIONS:
        articles = [article_from_bytes(text.encode(), name) for name, text in files.items()]
        versions = {a.id: f"{a.file}:{hash(files[a.file])}" for a in articles}
        counted = memo.lower_words(articles, [None] * len(articles), versions)  # type: ignore[list-item]
        fresh = set(chain.from_iterable(lower_words(a) for a in articles))
        assert set(counted) == fresh
        assert all(lower_text(a, None).split() for a in articles)  # type: ignore[arg-type]


_LOWER = "\nCritics call the plan a ruritania of red tape, and the acme of folly.\n"
_SEQUENCES = {  # edits made one after another, a one-shot rebuild after each
    "a one-word name written in lower case, then not": [
        {"d.txt": _BASE["d.txt"] + _LOWER}, {"d.txt": _BASE["d.txt"]}],
    "the lower-case article removed, then put back": [
        {"d.txt": _BASE["d.txt"] + _LOWER}, {"d.txt": None}, {"d.txt": _BASE["d.txt"] + _LOWER}],
    "a capitalised phrase then written in lower case elsewhere, then not": [
        {"a.txt": _BASE["a.txt"] + "\nThe Spending Review comes first.\n"},
        {"d.txt": _BASE["d.txt"] + "\nA spending review was promised.\n"}, {"d.txt": _BASE["d.txt"]}],
    "two articles edited at once": [
        {"a.txt": _BASE["a.txt"] + _LOWER, "c.txt": _BASE["c.txt"] + "\nDoe left for Geneva.\n"}],
}


@pytest.mark.parametrize("serve", [False, True], ids=["build", "serve"])
@pytest.mark.parametrize("name", sorted(_SEQUENCES))
def test_rebuilds_after_lower_case_edits_give_what_a_fresh_build_gives(name: str, serve: bool, tmp_path: Path) -> None:
    folder, docs, cache_dir = tmp_path / "dossier", tmp_path / "docs", tmp_path / "cache"
    memory = pipeline.Memory() if serve else None
    _write(folder, dict(_BASE))
    pipeline.build(folder, docs, cache_dir=cache_dir, memory=memory)
    for n, edit in enumerate(_SEQUENCES[name]):
        _write(folder, edit)
        pipeline.build(folder, docs, cache_dir=cache_dir, memory=memory)
        pipeline.build(folder, tmp_path / f"fresh{n}", cache_dir=None)
        assert _generated(docs) == _generated(tmp_path / f"fresh{n}")


def test_a_one_shot_rebuild_reads_the_last_page_keys_while_the_worker_annotates(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The changed article goes to the forked child first; the last build's page keys and
    memos are read while it annotates, before the link pass; the pages are a fresh build's."""
    folder, docs, cache_dir = tmp_path / "dossier", tmp_path / "docs", tmp_path / "cache"
    _write(folder, dict(_BASE))
    pipeline.build(folder, docs, cache_dir=cache_dir)
    _write(folder, {"d.txt": _BASE["d.txt"] + "\nMore rain is expected.\n"})
    monkeypatch.setattr(pipeline, "PARALLEL_FROM", 2)
    monkeypatch.setattr(pipeline.threading, "active_count", lambda: 1)  # other tests may have left threads
    events: list[str] = []
    for name in ("_forked", "kept_keys", "_kept_memory", "link"):
        real = getattr(pipeline, name)
        monkeypatch.setattr(pipeline, name, lambda *a, _n=name, _f=real, **k: (events.append(_n), _f(*a, **k))[1])
    report = pipeline.build(folder, docs, cache_dir=cache_dir, workers=2)
    assert events == ["_forked", "kept_keys", "_kept_memory", "link"]
    assert report.pages_written <= 3 < report.pages_unchanged  # the page keys were read and used
    monkeypatch.undo()
    pipeline.build(folder, tmp_path / "fresh", cache_dir=None)
    assert _generated(docs) == _generated(tmp_path / "fresh")


@pytest.mark.parametrize("damage", ["entries", "memos", "both"])
def test_a_damaged_cache_is_ignored_with_one_warning_line(damage: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A cache whose files will not load (a disk error, a killed copy) costs time, never the
    build: one line says what was ignored, the pages are a fresh build's, and the next build
    finds the cache whole again."""
    folder, docs, cache_dir = tmp_path / "dossier", tmp_path / "docs", tmp_path / "cache"
    _write(folder, dict(_BASE))
    args = ["build", "-q", "--dossier", str(folder), "--docs", str(docs), "--cache", str(cache_dir)]
    assert main(args) == 0
    if damage in ("entries", "both"):
        for entry in sorted(cache_dir.glob("*/*.pickle"))[:2]:
            entry.write_bytes(entry.read_bytes()[:40])  # cut short
    if damage in ("memos", "both"):
        (cache_dir / cache.MEMO).write_bytes(b"\x80\x05not a pickle")
    capsys.readouterr()
    assert main(args) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if str(cache_dir) in line]
    assert len(lines) == 1 and "Traceback" not in lines[0] and "damaged" in lines[0]
    assert ("2 damaged entries" in lines[0]) == (damage != "memos")
    assert (cache.MEMO in lines[0]) == (damage != "entries")
    pipeline.build(folder, tmp_path / "fresh", cache_dir=None)
    assert _generated(docs) == _generated(tmp_path / "fresh")
    capsys.readouterr()
    assert main(args) == 0
    assert str(cache_dir) not in capsys.readouterr().err  # whole again


def test_a_cache_of_another_builder_version_is_ignored_quietly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """After an upgrade every entry and memo is stale: the build annotates afresh without a
    warning (nothing is wrong), and gives a fresh build's pages."""
    folder, docs, cache_dir = tmp_path / "dossier", tmp_path / "docs", tmp_path / "cache"
    _write(folder, dict(_BASE))
    args = ["build", "-q", "--dossier", str(folder), "--docs", str(docs), "--cache", str(cache_dir)]
    assert main(args) == 0
    monkeypatch.setattr(cache, "fingerprint", lambda parts=(): f"another builder {parts}")
    capsys.readouterr()
    assert main(args) == 0
    assert str(cache_dir) not in capsys.readouterr().err
    pipeline.build(folder, tmp_path / "fresh", cache_dir=None)
    assert _generated(docs) == _generated(tmp_path / "fresh")


def _loose(cache_dir: Path) -> set[str]:
    return {p.stem for p in cache_dir.glob("*/*.pickle")}


def test_a_large_cache_keeps_its_entries_in_one_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From PACK_FROM entries the cache holds them in one file (one load, not one per
    article); an edit adds its entry on its own beside the pack, and the pack is written
    again once a tenth of the entries (at least 16) lie outside it. Every build gives a
    fresh build's pages."""
    monkeypatch.setattr(cache, "PACK_FROM", 3)
    folder, docs, cache_dir = tmp_path / "dossier", tmp_path / "docs", tmp_path / "cache"
    files = {f"{n:02d}.txt": f"Story {n}\n\nJane Doe met John Roe in Geneva on day {n}.\n" for n in range(20)}
    _write(folder, {**_BASE, **files})
    first = pipeline.build(folder, docs, cache_dir=cache_dir)
    assert first.annotated == 24 and (cache_dir / cache.PACK).is_file() and not _loose(cache_dir)
    assert len(cache.Pack(cache_dir).keys) == 24
    for n in range(17):  # another article edited each time: its new entry stored on its own
        _write(folder, {f"{n:02d}.txt": files[f"{n:02d}.txt"] + "\nIt rained.\n"})
        report = pipeline.build(folder, docs, cache_dir=cache_dir)
        assert (report.annotated, report.cached) == (1, 23)
        if n < 16:
            assert len(_loose(cache_dir)) == n + 1
    assert not _loose(cache_dir)  # 17 entries outside the pack: it is written again, with them
    assert len(cache.Pack(cache_dir).keys) == 24
    pipeline.build(folder, tmp_path / "fresh", cache_dir=None)
    assert _generated(docs) == _generated(tmp_path / "fresh")


@pytest.mark.parametrize("cut", [10, -100])  # the list of keys cut short, or the entries after it
def test_a_damaged_pack_is_ignored_with_one_warning_line(cut: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(cache, "PACK_FROM", 3)
    folder, docs, cache_dir = tmp_path / "dossier", tmp_path / "docs", tmp_path / "cache"
    _write(folder, dict(_BASE))
    args = ["build", "-q", "--dossier", str(folder), "--docs", str(docs), "--cache", str(cache_dir)]
    assert main(args) == 0
    packed = cache_dir / cache.PACK
    packed.write_bytes(packed.read_bytes()[:cut])
    capsys.readouterr()
    assert main(args) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if str(cache_dir) in line]
    assert len(lines) == 1 and cache.PACK in lines[0] and "Traceback" not in lines[0]
    pipeline.build(folder, tmp_path / "fresh", cache_dir=None)
    assert _generated(docs) == _generated(tmp_path / "fresh")
    assert len(cache.Pack(cache_dir).keys) == 4  # written again
    capsys.readouterr()
    assert main(args) == 0
    assert str(cache_dir) not in capsys.readouterr().err


@pytest.mark.parametrize("seed", range(30))
def test_related_articles_updated_after_edits_are_those_ranked_afresh(seed: int) -> None:
    """update_related ranks again only the articles naming an entity whose articles
    changed; its ranking is related_articles' on the edited dossier, for edits that add,
    drop or swap entities in one or a few articles (and for articles added or removed)."""
    import random  # noqa: PLC0415

    rng = random.Random(seed)
    pool = [f"e{n}" for n in range(rng.choice((8, 30, 120)))]
    before = {f"a{n:03d}": frozenset(rng.sample(pool, rng.randint(0, min(6, len(pool)))))
              for n in range(rng.choice((3, 40, 300)))}
    ranked = related_articles(before)
    after = dict(before)
    for article in rng.sample(sorted(after), min(len(after), rng.choice((1, 1, 2, 5)))):
        kept = {e for e in after[article] if rng.random() < 0.7}
        after[article] = frozenset(kept | set(rng.sample(pool, rng.randint(0, 2))) | ({f"new{seed}"} if rng.random() < 0.5 else set()))
    if seed % 10 == 9:  # an article removed: every weight changes
        after.pop(sorted(after)[0])
    assert update_related(before, ranked, after) == related_articles(after)


def test_an_edit_that_names_a_new_person_ranks_one_article_again(monkeypatch: pytest.MonkeyPatch) -> None:
    before = {f"a{n}": frozenset({f"e{n % 7}", f"e{n % 5 + 7}"}) for n in range(100)}
    ranked = related_articles(before)
    after = {**before, "a3": before["a3"] | {"jane-doe"}}
    ranking: list[list[str]] = []
    real = relate._rank
    monkeypatch.setattr(relate, "_rank", lambda entities_of, articles, limit, *places: real(
        entities_of, ranking.append(list(articles)) or ranking[-1], limit, *places))
    assert update_related(before, ranked, after) == related_articles(after)
    assert ranking[0] == ["a3"]  # (the second list is related_articles' own: every article)


def test_article_summaries_are_kept_by_version_and_made_again_for_an_edited_lead(tmp_path: Path) -> None:
    """The article lists' summaries come from the link memo: an unchanged article's is the
    one the last build made, an edited one's is made again (and the list shows it)."""
    folder, docs, cache_dir = tmp_path / "dossier", tmp_path / "docs", tmp_path / "cache"
    memory = pipeline.Memory()
    _write(folder, dict(_BASE))
    pipeline.build(folder, docs, cache_dir=cache_dir, memory=memory)
    before = dict(memory.link.articles["article_summary"])
    _write(folder, {"d.txt": _BASE["d.txt"].replace("It rained in Geneva", "ANYTOWN — It snowed in Geneva")})
    pipeline.build(folder, docs, cache_dir=cache_dir, memory=memory)
    after = memory.link.articles["article_summary"]
    kept = before.keys() & after.keys()
    assert len(kept) == len(_BASE) - 1 and all(after[k] is before[k] for k in kept)
    assert [s for k, s in after.items() if k not in kept] == ["It snowed in Geneva all week, the city said."]
    assert "It snowed in Geneva all week" in (docs / "articles" / "index.md").read_text(encoding="utf-8")
