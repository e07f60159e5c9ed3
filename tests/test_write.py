"""The writer: owned folders only, atomic swaps, stale pages removed, hand-written pages kept."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.errors import DossierError
from builder.model import KeptPage, Page
from builder.write import JOURNAL, MANIFEST, OLD, STAGING, kept_keys, publish_dir, recover, write_pages


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text() for p in sorted(root.rglob("*")) if p.is_file()}


def test_writes_pages_and_records_what_it_owns(tmp_path: Path) -> None:
    result = write_pages(tmp_path, [Page("index.md", "home\n"), Page("articles/a.md", "A\n")])
    assert (result.written, result.unchanged, result.removed) == (2, 0, 0)
    assert (tmp_path / "articles" / "a.md").read_text() == "A\n"
    assert json.loads((tmp_path / MANIFEST).read_text()) == {"owned": ["articles", "index.md"]}
    assert not (tmp_path / STAGING).exists() and not (tmp_path / OLD).exists()


def test_unchanged_pages_are_not_rewritten_and_stale_ones_go(tmp_path: Path) -> None:
    write_pages(tmp_path, [Page("articles/a.md", "A\n"), Page("articles/b.md", "B\n"), Page("quotes/index.md", "Q\n")])
    inode = (tmp_path / "articles" / "a.md").stat().st_ino
    result = write_pages(tmp_path, [Page("articles/a.md", "A\n"), Page("articles/c.md", "C\n")])
    assert (result.written, result.unchanged, result.removed) == (1, 1, 2)
    assert (tmp_path / "articles" / "a.md").stat().st_ino == inode
    assert sorted(_tree(tmp_path / "articles")) == ["a.md", "c.md"]
    assert not (tmp_path / "quotes").exists()


def test_hand_written_files_survive_and_are_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "about.md").write_text("mine\n")
    (tmp_path / "stylesheets").mkdir()
    (tmp_path / "stylesheets" / "x.css").write_text("a{}\n")
    write_pages(tmp_path, [Page("articles/a.md", "A\n")])
    write_pages(tmp_path, [Page("articles/b.md", "B\n")])
    assert (tmp_path / "about.md").read_text() == "mine\n"
    assert (tmp_path / "stylesheets" / "x.css").read_text() == "a{}\n"
    with pytest.raises(DossierError, match="docs/about.md exists and was not made by the builder"):
        write_pages(tmp_path, [Page("about.md", "generated\n")])
    assert (tmp_path / "about.md").read_text() == "mine\n"


@pytest.mark.parametrize("path", ["../evil.md", "/etc/passwd", "articles/../../x.md", "a//b.md", ".hidden/x.md", ""])
def test_unsafe_paths_are_refused(tmp_path: Path, path: str) -> None:
    with pytest.raises(DossierError, match="unsafe page path"):
        write_pages(tmp_path / "docs", [Page(path, "x")])
    assert not (tmp_path / "evil.md").exists()


def test_the_same_path_twice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DossierError, match="two pages would be written to articles/a.md"):
        write_pages(tmp_path, [Page("articles/a.md", "1"), Page("articles/a.md", "2")])


def test_an_interrupted_build_is_rolled_forward(tmp_path: Path) -> None:
    write_pages(tmp_path, [Page("articles/a.md", "old\n"), Page("articles/b.md", "old\n"), Page("index.md", "old\n")])
    # Simulate a build killed after staging and journaling, half-way through moving files in.
    staging = tmp_path / STAGING
    (staging / "articles").mkdir(parents=True)
    (staging / "articles" / "a.md").write_text("new\n")
    (tmp_path / "index.md").write_text("new\n")  # already moved in before the kill
    plan = {"write": ["articles/a.md", "index.md"], "remove": ["articles/b.md"], "stale": [],
            "owned": ["articles", "index.md"], "pages": {}}
    (tmp_path / JOURNAL).write_text(json.dumps(plan))
    recover(tmp_path)
    assert _tree(tmp_path) == {"articles/a.md": "new\n", "index.md": "new\n", MANIFEST: '{"owned":["articles","index.md"]}\n'}
    recover(tmp_path)  # nothing left to do
    assert not (tmp_path / JOURNAL).exists() and not staging.exists()


def test_pages_with_keys_are_recorded_and_kept_while_their_files_are_untouched(tmp_path: Path) -> None:
    write_pages(tmp_path, [Page("articles/a.md", "A\n", key="ka"), Page("articles/b.md", "B\n", key="kb"),
                           Page("index.md", "home\n")])
    assert kept_keys(tmp_path) == {"articles/a.md": "ka", "articles/b.md": "kb"}
    inode = (tmp_path / "articles" / "a.md").stat().st_ino
    result = write_pages(tmp_path, [KeptPage("articles/a.md", "ka"), Page("articles/b.md", "B2\n", key="kb2")])
    assert (result.written, result.unchanged, result.removed) == (1, 1, 1)
    assert (tmp_path / "articles" / "a.md").stat().st_ino == inode
    assert kept_keys(tmp_path) == {"articles/a.md": "ka", "articles/b.md": "kb2"}
    (tmp_path / "articles" / "a.md").write_text("edited by hand\n")  # no longer what the build wrote
    assert kept_keys(tmp_path) == {"articles/b.md": "kb2"}
    (tmp_path / "articles" / "b.md").unlink()
    assert kept_keys(tmp_path) == {}
    with pytest.raises(DossierError, match="went missing"):
        write_pages(tmp_path, [KeptPage("articles/b.md", "kb2")])


def test_a_damaged_manifest_is_named(tmp_path: Path) -> None:
    write_pages(tmp_path, [Page("articles/a.md", "A\n", key="ka")])
    (tmp_path / MANIFEST).write_text('{"owned": ["articles"], "pages": []}')
    with pytest.raises(DossierError, match="damaged"):
        write_pages(tmp_path, [Page("articles/a.md", "A\n")])


def test_a_build_killed_while_staging_leaves_the_old_pages(tmp_path: Path) -> None:
    write_pages(tmp_path, [Page("articles/a.md", "old\n")])
    (tmp_path / STAGING / "articles").mkdir(parents=True)
    (tmp_path / STAGING / "articles" / "a.md").write_text("half")  # no journal: staging never finished
    recover(tmp_path)
    assert (tmp_path / "articles" / "a.md").read_text() == "old\n"
    assert not (tmp_path / STAGING).exists()


def test_publish_dir_keeps_the_old_directory_when_making_fails(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")

    def broken(out: Path) -> None:
        out.mkdir()
        (out / "index.html").write_text("half")
        raise DossierError("boom")

    with pytest.raises(DossierError):
        publish_dir(site, broken)
    assert (site / "index.html").read_text() == "old"

    def good(out: Path) -> None:
        out.mkdir()
        (out / "index.html").write_text("new")

    publish_dir(site, good)
    assert (site / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_manifest_is_decoded_once_while_its_file_is_unchanged(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A rebuild reads the page keys, then writes: one decode of the manifest; a manifest
    replaced in between (another writer) is read again."""
    import builder.write as write  # noqa: PLC0415

    write_pages(tmp_path, [Page("articles/a.md", "A\n", key="ka"), Page("index.md", "home\n")])
    monkeypatch.setattr(write, "_read_manifests", {})  # a new process
    decoded: list[str] = []
    monkeypatch.setattr(write.json, "loads", lambda text, _f=json.loads: (decoded.append(text), _f(text))[1])
    assert kept_keys(tmp_path) == {"articles/a.md": "ka"}
    write_pages(tmp_path, [KeptPage("articles/a.md", "ka"), Page("index.md", "home\n")])
    assert len(decoded) == 1
    assert kept_keys(tmp_path) == {"articles/a.md": "ka"} and len(decoded) == 1  # (the manifest it wrote)
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    manifest["pages"]["articles/a.md"][0] = "other"
    (tmp_path / MANIFEST).write_text(json.dumps(manifest))
    assert kept_keys(tmp_path) == {"articles/a.md": "other"}


def test_the_journal_and_the_manifest_record_the_same_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builder.write as write  # noqa: PLC0415

    journaled: list[dict[str, object]] = []
    apply = write._apply
    monkeypatch.setattr(write, "_apply", lambda docs, plan, *a: (
        journaled.append(json.loads((docs / JOURNAL).read_text())), apply(docs, plan, *a))[1])
    write_pages(tmp_path, [Page("articles/a.md", "A\n", key="ka"), Page("articles/b.md", "B\n", key="kb"),
                           Page("index.md", "home\n")])
    manifest = (tmp_path / MANIFEST).read_text()
    assert manifest == json.dumps(json.loads(manifest), sort_keys=True, separators=(",", ":")) + "\n"
    assert journaled[0]["pages"] == json.loads(manifest)["pages"] == {
        "articles/a.md": ["ka", 2, (tmp_path / "articles" / "a.md").stat().st_mtime_ns],
        "articles/b.md": ["kb", 2, (tmp_path / "articles" / "b.md").stat().st_mtime_ns]}
    assert journaled[0]["owned"] == ["articles", "index.md"]
