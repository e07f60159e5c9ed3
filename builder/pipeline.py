"""The only place that orders the stages: read -> annotate -> link -> render -> write."""
from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from builder import cache, code_cache, confirm, regex_cache
from builder.config import load_config
from builder.curate import load_curated
from builder.errors import DossierError
from builder.export import ExportMemo
from builder.errors import shown
from builder.link import LinkMemo, link
from builder.model import Annotation, Article, ArticleMeta, BuildReport, Dossier
from builder.read import article_from_bytes, read_bytes
from builder.read_html import is_html
from builder.render import iter_pages, paths
from builder.slug import unique_slugs
from builder.write import WriteResult, drop_pack, kept_keys, write_cache, write_memo, write_pack, write_pages, write_patterns

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
PARALLEL_FROM = 200  # articles to annotate before it pays to start worker processes
Progress = Callable[[int, int], None]
Job = tuple[bytes, str, ArticleMeta | None, ArticleMeta | None]  # a file's bytes, name, metadata, defaults


@dataclass(frozen=True)
class BuildStats:
    annotated: int
    cached: int
    new_cache: dict[str, cache.Entry] = field(default_factory=dict)  # entries to store, by key
    keys: set[str] = field(default_factory=set)
    skipped: tuple[str, ...] = ()  # a warning for each file left out (a saved page with no story)
    damaged: int = 0  # cache entries that would not load (their articles annotated again)
    entries: dict[str, cache.Entry] = field(default_factory=dict)  # every article's entry, by key
    packed: frozenset[str] = frozenset()  # the keys the cache's pack holds
    pack_damaged: bool = False  # the cache's pack would not load


@dataclass
class Memory:
    """What a long-running process (`dossier serve`) keeps from one build to the next: the
    annotations (so only changed articles are read), the link pass's memo and the
    export's."""

    entries: dict[str, cache.Entry] = field(default_factory=dict)
    link: LinkMemo = field(default_factory=LinkMemo)
    export: ExportMemo = field(default_factory=ExportMemo)
    stored: dict[str, str] = field(default_factory=dict)  # memo part -> the digest its file holds
    damaged: list[str] = field(default_factory=list)  # memo files of the cache folder that would not load


def discover(articles_dir: Path) -> list[tuple[str, Path]]:
    """Article files under `articles_dir` as (name relative to it, path), sorted by name."""
    if not articles_dir.is_dir():
        raise DossierError(f"{articles_dir}: no such folder; put article .txt, .md or saved .html files there")
    found: list[tuple[str, Path]] = []
    for root, dirs, files in os.walk(articles_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _page_assets(d, files))
        folder = Path(root)
        prefix = folder.relative_to(articles_dir).as_posix() + "/" if folder != articles_dir else ""
        for name in files:
            if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            _check_name(prefix + name)
            found.append((prefix + name, folder / name))
    if not found:
        raise DossierError(f"{articles_dir}: no articles found (.txt, .md or saved .html files)")
    return sorted(found)


def _check_name(name: str) -> None:
    """A file name must be text: one that is not UTF-8 cannot be keyed, linked or shown."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raise DossierError(f"{shown(name)}: the file name is not valid UTF-8; rename the file") from None


def _page_assets(folder: str, files: list[str]) -> bool:
    """A browser's "Save Page As" (complete) keeps a page's pictures, scripts and frames in
    a folder beside it: 'Story_files' for 'Story.html'. Its frames are not articles."""
    stem = folder[: -len("_files")] if folder.endswith("_files") else None
    return stem is not None and any(f"{stem}{suffix}" in files for suffix in (".html", ".htm"))


def _unreadable(article: Article) -> bool:
    """A saved page that held no story is left out of the dossier (with its warning)."""
    return not article.text_blocks and is_html(article.file)


def _read_and_annotate(job: Job) -> tuple[Article, Annotation]:
    data, name, meta, defaults = job
    article = article_from_bytes(data, name, meta, defaults)
    return article, annotate(article)


def annotate(article: Article) -> Annotation:
    """Run the pure extractors over one article. (Imported here: a rebuild annotates a few
    articles in a forked worker, and the building process, which only links and renders,
    need not load the extractors' code.)"""
    from builder.annotate.dates import find_dates  # noqa: PLC0415
    from builder.annotate.entities import find_names  # noqa: PLC0415
    from builder.annotate.quotes import find_quotes  # noqa: PLC0415
    from builder.annotate.sources import find_sources  # noqa: PLC0415

    entities, mentions, nationalities = find_names(article)
    quotes, warnings = find_quotes(article, entities, mentions)
    return Annotation(
        article_id=article.id,
        entities=entities,
        mentions=mentions,
        quotes=quotes,
        dates=find_dates(article),
        sources=find_sources(article, entities, mentions),
        warnings=warnings,
        nationalities=nationalities,
    )


def _forked(jobs: list[Job]) -> Callable[[], list[tuple[Article, Annotation]] | None]:
    """Start reading and annotating `jobs` in a forked child process (cheaper to start than
    a process pool when there are a few); the returned function waits for the results, and
    gives None if the child failed (the caller then annotates them itself, and meets the
    same error with its message)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: annotate, send the results, leave without running any cleanup
        status = 1
        try:
            os.close(read_end)
            data = pickle.dumps([_read_and_annotate(job) for job in jobs], protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
            _store_patterns()  # the word lists' patterns it compiled, for the next build's worker
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)

    def results() -> list[tuple[Article, Annotation]] | None:
        with os.fdopen(read_end, "rb") as source:
            data = source.read()
        _, status = os.waitpid(pid, 0)
        return pickle.loads(data) if status == 0 else None  # noqa: S301 - our own child's output

    return results


def _annotate_all(
    jobs: list[Job],
    workers: int,
    progress: Progress | None,
    meanwhile: Callable[[], object] = lambda: None,
    overlap: bool = False,
) -> list[tuple[Article, Annotation]]:
    """Read and annotate, in the input's order; `meanwhile` (loading the cached articles)
    runs in this process while worker processes annotate: a pool for large batches, a
    forked child for a few when `overlap` asks for it (there is enough to do meanwhile)."""
    results: list[tuple[Article, Annotation]] = []
    if workers > 1 and len(jobs) >= PARALLEL_FROM:
        from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - a rebuild of a few articles never needs it

        with ProcessPoolExecutor(max_workers=workers) as pool:
            made = pool.map(_read_and_annotate, jobs, chunksize=16)
            meanwhile()
            for result in made:
                results.append(result)
                if progress:
                    progress(len(results), len(jobs))
        return results
    forked = None
    if workers > 1 and jobs and overlap and hasattr(os, "fork") and threading.active_count() == 1:
        forked = _forked(jobs)  # a process with other threads is never forked
    meanwhile()
    done = forked() if forked is not None else None
    for n, job in enumerate(jobs):
        results.append(done[n] if done is not None else _read_and_annotate(job))
        if progress:
            progress(len(results), len(jobs))
    return results


def _with_id(entry: tuple[Article, Annotation], new_id: str) -> tuple[Article, Annotation]:
    article, annotation = entry
    if article.id == new_id:
        return entry
    return replace(article, id=new_id), replace(annotation, article_id=new_id)


def _entries(
    found: list[tuple[str, Job]], kept: dict[str, cache.Entry], cache_dir: Path | None, workers: int,
    progress: Progress | None, also: Callable[[], object] = lambda: None, pack: cache.Pack | None = None,
) -> tuple[dict[str, cache.Entry], list[str], int]:
    """The entry of every article, by cache key: from `kept` (a long-running process's),
    the cache folder, or annotated now. Returns them, the keys of those annotated and how
    many of those were stored but would not load. `pack`: the cache's pack, if read already."""
    pack = pack if pack is not None else cache.Pack(cache_dir)
    to_make = [(k, job) for k, job in found if k not in kept and not cache.stored(cache_dir, k, pack)]
    making = {k for k, _ in to_make}
    loaded: dict[str, cache.Entry | None] = {}

    def load_the_others() -> None:
        with cache.loading():
            for k, _ in found:
                if k not in making:
                    hit = kept.get(k)
                    if hit is None and k in pack.keys:
                        hit = pack.entries().get(k)
                    loaded[k] = hit if hit is not None else cache.load(cache_dir, k)
        also()

    if making:  # the link pass's word lists, loaded once: annotating reads them too, and a
        confirm.warm()  # forked worker inherits them instead of reading them again
    fresh = _annotate_all([job for _, job in to_make], workers, progress, load_the_others,
                          overlap=len(found) - len(to_make) >= PARALLEL_FROM)
    made = [k for k, _ in to_make]
    loaded.update(zip(made, fresh, strict=True))
    entries: dict[str, cache.Entry] = {}
    for k, job in found:
        entry = loaded[k]
        if entry is None:  # stored, but it would not load (damaged): made again
            entry = _read_and_annotate(job)
            made.append(k)
        entries[k] = entry
    return entries, made, len(made) - len(to_make)


def assemble(
    dossier_dir: Path,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
    workers: int = 1,
    memory: Memory | None = None,
    meanwhile: Callable[[], object] = lambda: None,
) -> tuple[Dossier, BuildStats]:
    """Everything up to the link pass: the whole dossier in memory, nothing written
    (new cache entries are returned in the stats for the writer).

    `memory`, when given, holds what the last build in this process left (`dossier serve`
    rebuilds): entries are taken from it instead of the cache folder, and it is left
    holding this build's. `meanwhile` runs while worker processes annotate (after the
    cached articles are loaded), before the link pass."""
    config = load_config(dossier_dir / "dossier.yml", "dossier.yml")
    curated = load_curated(dossier_dir / "entities.yml", "entities.yml")
    files = discover(dossier_dir / "articles")
    found: list[tuple[str, Job]] = []  # (entry key, job)
    folders: dict[str, str] = {}  # the real path of each folder met, found once in this build
    for name, path in files:
        data = read_bytes(path, name, dossier_dir, folders)  # only regular files inside the dossier folder
        meta, defaults = config.meta_for(name), config.defaults_or_none()
        found.append((cache.key(data, name, meta, defaults), (data, name, meta, defaults)))
    pack = cache.Pack(cache_dir)
    entries, made, damaged = _entries(found, memory.entries if memory is not None else {}, cache_dir, workers,
                                      progress, meanwhile, pack)
    if memory is not None:
        memory.entries = entries
    skipped = tuple(w for k, _ in found if _unreadable(entries[k][0]) for w in entries[k][0].warnings)
    found = [(k, job) for k, job in found if not _unreadable(entries[k][0])]
    if not found:
        raise DossierError(f"{dossier_dir / 'articles'}: no article holds a story ({'; '.join(skipped)})")
    keys = [k for k, _ in found]
    ordered = [entries[k] for k in keys]
    ids = unique_slugs(article.id for article, _ in ordered)
    ordered = [_with_id(entry, new_id) for entry, new_id in zip(ordered, ids, strict=True)]
    articles = [article for article, _ in ordered]
    annotations = [annotation for _, annotation in ordered]
    stats = BuildStats(
        annotated=len(made),
        cached=len(entries) - len(made),
        new_cache={k: entries[k] for k in made} if cache_dir else {},
        keys=set(entries),
        skipped=skipped,
        damaged=damaged,
        entries=entries if cache_dir else {},
        packed=pack.keys,
        pack_damaged=pack.damaged,
    )
    versions = {a.id: k for a, k in zip(articles, keys, strict=True)}
    return link(config, articles, annotations, curated, versions, memory.link if memory else None), stats


def _kept_memory(cache_dir: Path, docs_dir: Path, previous: dict[str, str]) -> Memory:
    """What a one-shot build takes from the last build: the link memo kept in the cache
    folder, and the export's records, cut from the export it wrote when that file is still
    the one its index describes."""
    with cache.loading():
        damaged: list[str] = []
        kept = cache.load_memo(cache_dir, cache.MEMO, damaged)
        parts = {name: cache.load_memo(cache_dir, file, damaged) for name, file in cache.MEMO_PARTS.items()}
    link_memo, index, key = kept if isinstance(kept, tuple) and len(kept) == 3 else (None, None, None)
    memory = Memory(link=link_memo if isinstance(link_memo, LinkMemo) else LinkMemo(), damaged=damaged)
    for name, part in parts.items():  # (the digest of what it was made from, the result)
        if isinstance(part, tuple) and len(part) >= 2 and isinstance(part[0], str):
            setattr(memory.link, name, part)
            memory.stored[name] = part[0]
    if isinstance(index, dict) and index and isinstance(key, str) and previous.get(paths.EXPORT) == key:
        try:
            memory.export = ExportMemo((docs_dir / paths.EXPORT).read_bytes(), index, key)
        except OSError:
            pass
    return memory


def _load_kept(memory: Memory | None, cache_dir: Path | None, docs_dir: Path, previous: dict[str, str]) -> None:
    """What a build takes from the last one, run while a worker annotates the changed
    articles (the link pass is the first to read it): the page keys it recorded into
    `previous` (with a cache), and for a one-shot build its memos (_kept_memory) into `memory`."""
    if cache_dir is None:
        return
    previous.update(kept_keys(docs_dir))
    if memory is not None:
        kept = _kept_memory(cache_dir, docs_dir, previous)
        memory.link, memory.export, memory.stored, memory.damaged = kept.link, kept.export, kept.stored, kept.damaged


def _store_cache(cache_dir: Path, stats: BuildStats) -> None:
    """Store the new entries: in a new pack with all the others when that is worth it
    (cache.Pack), else each on its own (pickled one at a time as they are stored)."""
    pack = cache.Pack(None)
    pack.keys, pack.damaged = stats.packed, stats.pack_damaged
    if pack.worth_writing(stats.keys, loose=len(stats.keys - stats.packed)):
        write_pack(cache_dir, {k: stats.entries[k] for k in sorted(stats.keys)})
        return
    write_cache(cache_dir, ((k, cache.dump(e)) for k, e in stats.new_cache.items()), stats.keys)
    if pack.damaged:
        drop_pack(cache_dir)


def _store_patterns() -> None:
    """Keep the regular expressions and the records' methods compiled in this process for
    the next (builder.regex_cache, builder.code_cache)."""
    for path, data in (*regex_cache.to_store(), *code_cache.to_store()):
        write_patterns(path, data)


def _damaged_cache(cache_dir: Path | None, entries: int, memos: list[str]) -> str:
    """One line for a cache folder whose files would not load: what was done instead."""
    done = []
    if entries:
        done.append(f"{entries} damaged entr{'y' if entries == 1 else 'ies'} ignored (those articles were annotated again)")
    if memos:
        done.append(f"damaged {', '.join(memos)} ignored")
    return f"{shown(str(cache_dir))}: {'; '.join(done)}; the cache now holds this build's"


def _store_memo(cache_dir: Path, memory: Memory, export: ExportMemo) -> None:
    """Keep the memos for the next build; the large parts only when they changed."""
    link = memory.link
    for name, file in cache.MEMO_PARTS.items():
        part = getattr(link, name)
        if part is not None and memory.stored.get(name) != part[0]:
            write_memo(cache_dir, file, cache.dump_memo(part))
            memory.stored[name] = part[0]
    rest = replace(link, merged=None, related=None)  # the parts of cache.MEMO_PARTS
    write_memo(cache_dir, cache.MEMO, cache.dump_memo((rest, export.index, export.key)))


def build(
    dossier_dir: Path,
    docs_dir: Path,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
    workers: int = 1,
    memory: Memory | None = None,
) -> BuildReport:
    """Build the dossier into docs/. With a `cache_dir`, unchanged articles are not
    annotated again and unchanged pages are not rendered again; `memory` is what a
    long-running process keeps between builds (without it, a one-shot build takes the
    memos the last build left in the cache folder)."""
    one_shot = memory is None
    regex_cache.use(cache_dir)
    with cache.settled():
        if memory is None and cache_dir is not None:
            memory = Memory()
        dossier, stats, result = _build_pages(dossier_dir, docs_dir, progress, cache_dir, workers, memory, one_shot)
        _store_patterns()
    damaged_memos = ([cache.PACK] if stats.pack_damaged else []) + (memory.damaged if one_shot and memory else [])
    return BuildReport(
        articles=len(dossier.articles),
        pages_written=result.written,
        pages_unchanged=result.unchanged,
        pages_removed=result.removed,
        warnings=tuple(_warnings(dossier, stats, result.warnings, cache_dir, damaged_memos)),
        annotated=stats.annotated,
        cached=stats.cached,
    )


def _build_pages(dossier_dir: Path, docs_dir: Path, progress: Progress | None, cache_dir: Path | None, workers: int,
                 memory: Memory | None, one_shot: bool) -> tuple[Dossier, BuildStats, WriteResult]:
    """Assemble and link the dossier, store the new cache entries, write the pages, store
    the memos. A one-shot build reads the last build's page keys and memos (into
    `memory`) while a worker annotates."""
    previous: dict[str, str] = {}  # the page keys the last build recorded (read while a worker annotates)
    kept = partial(_load_kept, memory if one_shot else None, cache_dir, docs_dir, previous)
    dossier, stats = assemble(dossier_dir, progress, cache_dir, workers, memory, meanwhile=kept)
    if cache_dir is not None:
        _store_cache(cache_dir, stats)
    export = memory.export if memory is not None else ExportMemo()  # its index keys the export page
    result = write_pages(docs_dir, iter_pages(dossier, previous, export))
    if one_shot:  # the export's bytes are kept for the next build only in a long-running process
        export.data = b""
    if cache_dir is not None and memory is not None:
        _store_memo(cache_dir, memory, export)
    return dossier, stats, result


def _warnings(dossier: Dossier, stats: BuildStats, written: tuple[str, ...], cache_dir: Path | None,
              damaged_memos: list[str]) -> list[str]:
    """The build's warnings: the writer's, the files left out, each article's, a damaged
    cache, the undated articles (one line), then the annotations'."""
    warnings = list(written) + list(stats.skipped) + [w for a in dossier.articles for w in a.warnings]
    if stats.damaged or damaged_memos:  # (the build went on without them)
        warnings.append(_damaged_cache(cache_dir, stats.damaged, damaged_memos))
    undated = [a.file for a in dossier.articles if a.meta.date is None and a.id not in dossier.copy_of]
    if undated:  # one warning for them all: how many, and where they are listed
        warnings.append(f"{len(undated)} of {len(dossier.articles) - len(dossier.copy_of)} articles have no date "
                        f"(listed on the Articles page; their relative dates stay off the timeline): "
                        + ", ".join(map(shown, undated[:5])) + (f" and {len(undated) - 5} more" if len(undated) > 5 else ""))
    warnings += [w for n in dossier.annotations for w in n.warnings]  # each names its file and line
    return warnings
