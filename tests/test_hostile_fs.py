"""Hostile file systems: what the builder reads (links, FIFOs, huge files), which folders it
may replace (--site, --docs), two builds at once, crafted state files, and inputs or disks
that used to crash it. Every vector ends in a build or in one line naming the file, exit
status 2, no traceback, and no file lost."""
from __future__ import annotations

import errno
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from builder import write
from builder.cli import main
from builder.model import Page
from builder.write import JOURNAL, MANIFEST, STAGING, publish_dir, write_pages
from tests.conftest import make_project, run_cli

SECRET = "SECRET-7f3a9c-do-not-publish"
OK_ARTICLE = {"ok.txt": "Fine headline\n\nJane Doe met Acme Corp in Geneva on Monday.\n"}


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file under folder (links as their target), so any loss or change shows."""
    found: dict[str, bytes] = {}
    for root, dirs, files in os.walk(folder):
        for name in files + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            path = Path(root, name)
            rel = path.relative_to(folder).as_posix()
            found[rel] = ("-> " + os.readlink(path)).encode() if path.is_symlink() else path.read_bytes()
    return found


def _one_error_line(done: subprocess.CompletedProcess[str], *parts: str) -> None:
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    for part in parts:
        assert part in lines[0], lines[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project built once with docs/ and site/; tests work on copies."""
    project = make_project(tmp_path_factory.mktemp("built") / "p", OK_ARTICLE)
    done = run_cli(project, "build", "--site", "site", "-q")
    assert done.returncode == 0, done.stderr
    return project


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "p"
    shutil.copytree(built, copy, symlinks=True)
    return copy


def _outputs(project: Path) -> dict[str, bytes]:
    return {**{f"docs/{k}": v for k, v in _tree(project / "docs").items()},
            **{f"site/{k}": v for k, v in _tree(project / "site").items()}}


# --- 1. reading what it should not ------------------------------------------------------------


def _link(target: str) -> Callable[[Path], str]:
    def make(project: Path) -> str:
        (project / "dossier" / "articles" / "leak.txt").symlink_to(target)
        return "leak.txt"
    return make


def _secret_outside(project: Path) -> str:
    secret = project.parent / "secret.txt"
    secret.write_text(f"Secret headline\n\n{SECRET}\n")
    (project / "dossier" / "articles" / "leak.txt").symlink_to(secret)
    return "leak.txt"


def _chained_link(project: Path) -> str:
    secret = project.parent / "secret.txt"
    secret.write_text(f"Secret headline\n\n{SECRET}\n")
    (project / "dossier" / "hop.txt").symlink_to(secret)  # inside the dossier, but leading out
    (project / "dossier" / "articles" / "leak.txt").symlink_to("../hop.txt")
    return "leak.txt"


def _folder_link(project: Path) -> str:
    outside = project.parent / "outside"
    outside.mkdir()
    (outside / "leak.txt").write_text(f"Secret headline\n\n{SECRET}\n")
    shutil.rmtree(project / "dossier" / "articles")
    (project / "dossier" / "articles").symlink_to(outside, target_is_directory=True)
    return "leak.txt"


def _fifo(name: str) -> Callable[[Path], str]:
    def make(project: Path) -> str:
        os.mkfifo(project / "dossier" / name)
        return name.split("/")[-1]
    return make


def _huge(name: str) -> Callable[[Path], str]:
    def make(project: Path) -> str:
        with open(project / "dossier" / name, "wb") as handle:  # sparse: no disk used
            handle.truncate(200 * 1024 * 1024)
        return name.split("/")[-1]
    return make


def _device(project: Path) -> str:
    try:  # a character device like /dev/zero, made inside the dossier (needs root)
        os.mknod(project / "dossier" / "articles" / "zero.txt", 0o600 | stat.S_IFCHR, os.makedev(1, 5))
    except (PermissionError, AttributeError):
        pytest.skip("making a device needs root")
    return "zero.txt"


def _socket(project: Path) -> str:
    path = project / "dossier" / "articles" / "sock.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError:
        pytest.skip("the socket's path is too long here")
    return "sock.txt"


def _folder_named_like_a_file(project: Path) -> str:
    (project / "dossier" / "entities.yml").mkdir()
    return "entities.yml"


def _side_link(name: str) -> Callable[[Path], str]:
    def make(project: Path) -> str:
        secret = project.parent / "secret.yml"
        secret.write_text(f"title: {SECRET}\n")
        (project / "dossier" / name).symlink_to(secret)
        return name
    return make


READS: list[tuple[str, Callable[[Path], str], str]] = [
    ("link to /etc/passwd", _link("/etc/passwd"), "outside the dossier folder"),
    ("link to /proc/self/environ", _link("/proc/self/environ"), "outside the dossier folder"),
    ("link to a file beside the project", _secret_outside, "outside the dossier folder"),
    ("link through a link inside the dossier", _chained_link, "outside the dossier folder"),
    ("articles folder linked outside", _folder_link, "outside the dossier folder"),
    ("link to /dev/zero", _link("/dev/zero"), "outside the dossier folder"),
    ("FIFO article", _fifo("articles/pipe.txt"), "not a regular file"),
    ("FIFO dossier.yml", _fifo("dossier.yml"), "not a regular file"),
    ("FIFO entities.yml", _fifo("entities.yml"), "not a regular file"),
    ("200 MB article", _huge("articles/huge.txt"), "larger than"),
    ("200 MB dossier.yml", _huge("dossier.yml"), "larger than"),
    ("200 MB entities.yml", _huge("entities.yml"), "larger than"),
    ("device inside the dossier", _device, "not a regular file"),
    ("socket inside the dossier", _socket, "sock.txt"),
    ("entities.yml is a folder", _folder_named_like_a_file, "not a regular file"),
    ("dossier.yml linked outside", _side_link("dossier.yml"), "outside the dossier folder"),
    ("entities.yml linked outside", _side_link("entities.yml"), "outside the dossier folder"),
]


@pytest.mark.parametrize(("setup", "message"), [r[1:] for r in READS], ids=[r[0] for r in READS])
def test_only_regular_files_inside_the_dossier_are_read(project: Path, setup: Callable[[Path], str],
                                                        message: str) -> None:
    before = _outputs(project)
    name = setup(project)
    try:
        done = subprocess.run([sys.executable, "-m", "builder", "build", "--site", "site", "-q"], cwd=project,
                              capture_output=True, text=True, timeout=120, env={**os.environ, "LEAK_ME": SECRET},
                              check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("the build hung")
    _one_error_line(done, name, message)
    assert _outputs(project) == before
    assert not any(SECRET.encode() in data for data in _outputs(project).values())


def test_a_link_that_stays_inside_the_dossier_is_read(project: Path) -> None:
    shared = project / "dossier" / "shared"
    shared.mkdir()
    (shared / "story.txt").write_text("Linked headline\n\nJane Doe spoke in Geneva.\n")
    (project / "dossier" / "articles" / "story.txt").symlink_to("../shared/story.txt")
    done = run_cli(project, "build", "-q")
    assert done.returncode == 0, done.stderr
    assert (project / "docs" / "articles" / "linked-headline.md").exists()


# --- 2. data loss: what --site, --docs and --out may replace ------------------------------------


TARGETS: list[tuple[str, list[str]]] = [
    ("site is the dossier", ["build", "--site", "dossier"]),
    ("site inside the dossier", ["build", "--site", "dossier/articles"]),
    ("site is docs", ["build", "--site", "docs"]),
    ("site inside docs", ["build", "--site", "docs/stylesheets"]),
    ("site is the config", ["build", "--site", "mkdocs.yml"]),
    ("site is the project", ["build", "--site", "."]),
    ("site contains the project", ["build", "--site", ".."]),
    ("site is the project, spelt oddly", ["build", "--site", "./docs/.."]),
    ("site is home", ["build", "--site", "HOME"]),
    ("docs is the dossier", ["build", "--docs", "dossier"]),
    ("docs inside the dossier", ["build", "--docs", "dossier/articles/out"]),
    ("docs is the project", ["build", "--docs", "."]),
    ("docs contains the project", ["build", "--docs", ".."]),
    ("serve docs is the dossier", ["serve", "--docs", "dossier"]),
    ("site is the dossier's articles", ["build", "--dossier", "dossier", "--site", "dossier/articles"]),
    ("site is the dossier's entities.yml", ["build", "--site", "dossier/entities.yml"]),
    ("docs is a file", ["build", "--docs", "mkdocs.yml"]),
]


@pytest.mark.parametrize("args", [["--docs", "dossier/docs"], ["--docs", "dossier/docs", "--site", "dossier/site"]])
def test_outputs_beside_the_articles_in_the_dossier_folder_are_fine(project: Path, args: list[str]) -> None:
    done = run_cli(project, "build", "-q", *args)
    assert done.returncode == 0, done.stderr
    assert (project / "dossier" / "docs" / "articles" / "fine-headline.md").exists()


@pytest.mark.parametrize("args", [t[1] for t in TARGETS], ids=[t[0] for t in TARGETS])
def test_a_target_that_holds_the_project_is_refused(project: Path, args: list[str]) -> None:
    home = project.parent / "home"
    home.mkdir()
    (home / "keep.txt").write_text("mine\n")
    args = [str(home) if a == "HOME" else a for a in args]
    before = _tree(project.parent)
    done = run_cli(project, *args, env={"HOME": str(home)})
    _one_error_line(done, "refus")
    assert _tree(project.parent) == before


@pytest.mark.parametrize(("option", "target"), [
    ("site", "/"), ("site", "~"), ("docs", "/"), ("docs", "~"), ("out", "dossier"), ("out", "docs"), ("out", "."),
])
def test_root_and_home_and_project_folders_are_refused_before_anything_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], option: str,
        target: str) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "dossier" / "articles").mkdir(parents=True)
    (tmp_path / "docs").mkdir()
    target = os.path.expanduser(target)
    command = ["pdf", "--site", "site", "--out", target] if option == "out" else ["build", f"--{option}", target]
    assert main(command) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "refus" in err


# --- 3. two builds at once ---------------------------------------------------------------------


def test_a_second_build_waits_for_the_first(project: Path) -> None:
    import fcntl

    lock = project / "docs" / write.LOCK
    with open(lock, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        proc = subprocess.Popen([sys.executable, "-m", "builder", "build", "-q"], cwd=project,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(3)
        assert proc.poll() is None, "the build did not wait for the lock"
        fcntl.flock(handle, fcntl.LOCK_UN)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "waiting for another build" in err


def test_two_builds_at_once_both_finish_whole(project: Path) -> None:
    articles = project / "dossier" / "articles"
    for n in range(30):
        (articles / f"{n:02d}.txt").write_text(f"Headline number {n}\n\nJane Doe met John Roe in Geneva ({n}).\n")
    cmd = [sys.executable, "-m", "builder", "build", "--site", "site", "-q", "--no-cache"]
    procs = [subprocess.Popen(cmd, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    done = run_cli(project, "build", "--site", "site", "-q", "--no-cache")
    assert done.returncode == 0
    site = _tree(project / "site")
    assert sum(1 for k in site if k.startswith("articles/") and k.endswith("index.html")) >= 31
    assert not [p for p in project.iterdir() if p.name.startswith(".site.")]


# --- 4. state files are not trusted ------------------------------------------------------------


def _victim(tmp_path: Path) -> Path:
    victim = tmp_path / "victim"
    victim.mkdir(exist_ok=True)
    (victim / "precious.txt").write_text("keep me\n")
    return victim


def _docs(tmp_path: Path) -> Path:
    docs = tmp_path / "site-project" / "docs"
    write_pages(docs, [Page("articles/a.md", "A\n"), Page("index.md", "home\n")])
    return docs


def _manifest_owns(names: list[str]) -> Callable[[Path, Path], None]:
    def make(docs: Path, victim: Path) -> None:
        owned = ["articles", "index.md", *(str(victim) if n == "VICTIM" else n for n in names)]
        (docs / MANIFEST).write_text(json.dumps({"owned": owned}))
    return make


def _journal(plan: dict[str, object]) -> Callable[[Path, Path], None]:
    def make(docs: Path, victim: Path) -> None:
        full = {"write": [], "remove": [], "stale": [], "owned": ["articles", "index.md"], "pages": {}, **plan}
        text = json.dumps(full).replace("RELVICTIM", os.path.relpath(victim, docs)).replace("VICTIM", str(victim))
        (docs / JOURNAL).write_text(text)
    return make


def _linked_owned_folder(docs: Path, victim: Path) -> None:
    shutil.rmtree(docs / "articles")
    (docs / "articles").symlink_to(victim, target_is_directory=True)


STATES: list[tuple[str, Callable[[Path, Path], None]]] = [
    ("manifest owns ../victim", _manifest_owns(["../../victim"])),
    ("manifest owns an absolute path", _manifest_owns(["VICTIM"])),
    ("manifest owns a path through ..", _manifest_owns(["articles/../../../victim"])),
    ("journal removes an absolute path", _journal({"stale": ["VICTIM"]})),
    ("journal removes ../victim", _journal({"stale": ["RELVICTIM"]})),
    ("journal deletes a file outside", _journal({"remove": ["RELVICTIM/precious.txt"]})),
    ("journal moves a folder outside in", _journal({"write": ["../../victim"]})),
    ("journal owns an absolute path", _journal({"owned": ["articles", "VICTIM"]})),
    ("owned folder is a link outside", _linked_owned_folder),
]


@pytest.mark.parametrize("tamper", [s[1] for s in STATES], ids=[s[0] for s in STATES])
def test_paths_from_state_files_stay_inside_docs(tmp_path: Path, tamper: Callable[[Path, Path], None]) -> None:
    docs = _docs(tmp_path)
    victim = _victim(tmp_path)
    tamper(docs, victim)
    try:
        result = write_pages(docs, [Page("articles/b.md", "B\n"), Page("index.md", "home 2\n")])
        assert result.warnings, "a bad entry was ignored without a warning"
    except write.DossierError as err:  # refusing the build is fine too, as one line
        assert "\n" not in str(err)
    assert (victim / "precious.txt").read_text() == "keep me\n"


@pytest.mark.parametrize("journal", ["{not json", "[1, 2]", '{"write": 5}', '{"write": [null], "remove": [7]}'])
def test_a_damaged_journal_is_a_warning_not_a_crash(tmp_path: Path, journal: str) -> None:
    docs = _docs(tmp_path)
    (docs / JOURNAL).write_text(journal)
    result = write_pages(docs, [Page("articles/a.md", "A2\n")])
    assert any("journal" in w for w in result.warnings)
    assert (docs / "articles" / "a.md").read_text() == "A2\n" and not (docs / JOURNAL).exists()


# --- 5. inputs that used to crash --------------------------------------------------------------

NESTED_LISTS = "[" * 10_000 + "]" * 10_000
NESTED_MAPS = "{a: " * 10_000 + "}" * 10_000
DIGITS = "9" * 5_000
# "billion laughs": nine lists of nine references each, 9 ** 9 items once expanded
BOMB = "date: [&a [x, x, x, x, x, x, x, x, x], " + ", ".join(
    f"&{c} [{', '.join([f'*{p}'] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi")) + "]"


def _fm(field: str) -> str:
    return f"---\n{field}\n---\nBad headline\n\nBody.\n"


CRASHES: list[tuple[str, str, str, str]] = [
    ("front matter month 13", "articles/bad.md", _fm("date: 2024-13-45"), "bad.md:2"),
    ("front matter 29 February 2023", "articles/bad.md", _fm("date: 2023-02-29"), "bad.md:2"),
    ("front matter datetime hour 25", "articles/bad.md", _fm("date: 2024-01-01 25:00:00"), "bad.md:2"),
    ("front matter 5,000 digits", "articles/bad.md", _fm(f"title: {DIGITS}"), "bad.md:2"),
    ("front matter 10,000 nested lists", "articles/bad.md", _fm(f"title: {NESTED_LISTS}"), "bad.md:2"),
    ("front matter 10,000 nested maps", "articles/bad.md", _fm(f"title: {NESTED_MAPS}"), "bad.md:2"),
    ("front matter a mapping for a title", "articles/bad.md", _fm("title: {first: Jane}"), "bad.md"),
    ("front matter a list for a date", "articles/bad.md", _fm("date: [2024-01-01]"), "bad.md"),
    ("front matter an alias bomb", "articles/bad.md", _fm(BOMB), "bad.md"),
    ("dossier.yml 29 February 2023", "dossier.yml", "articles:\n  ok.txt:\n    date: 2023-02-29\n", "dossier.yml:3"),
    ("dossier.yml 5,000 digits", "dossier.yml", f"title: {DIGITS}\n", "dossier.yml:1"),
    ("dossier.yml 10,000 nested maps", "dossier.yml", f"title: {NESTED_MAPS}\n", "dossier.yml:1"),
    ("dossier.yml a mapping for a description", "dossier.yml", "description: {a: b}\n", "dossier.yml"),
    ("entities.yml type: [person]", "entities.yml", "- name: Jane Doe\n  type: [person]\n", "entities.yml:1"),
    ("entities.yml a mapping for a type", "entities.yml", "- name: Jane Doe\n  type: {is: person}\n", "entities.yml:1"),
    ("entities.yml a mapping for an id", "entities.yml", "- name: Jane Doe\n  id: {a: b}\n", "entities.yml:1"),
    ("entities.yml 10,000 nested lists", "entities.yml", f"- name: {NESTED_LISTS}\n", "entities.yml:1"),
    ("entities.yml 5,000 digits", "entities.yml", f"- name: {DIGITS}\n", "entities.yml:1"),
    ("entities.yml month 13", "entities.yml", "- name: Jane Doe\n  description: 2024-13-45\n", "entities.yml:2"),
]


@pytest.mark.parametrize(("name", "text", "message"), [c[1:] for c in CRASHES], ids=[c[0] for c in CRASHES])
def test_bad_yaml_values_give_one_line(project: Path, name: str, text: str, message: str) -> None:
    before = _outputs(project)
    (project / "dossier" / name).write_text(text)
    done = run_cli(project, "build", "--site", "site", "-q")
    _one_error_line(done, message)
    assert _outputs(project) == before


@pytest.mark.parametrize(("date", "text"), [
    ("0001-01-01", "Jane Doe arrived yesterday."),
    ("9999-12-31", "Jane Doe arrives tomorrow."),
    ("0001-01-01", "Jane Doe left last year."),
    ("9999-12-31", "Jane Doe comes back next year."),
    ("0001-01-03", "Jane Doe left two weeks ago."),
    ("9999-12-30", "Jane Doe returns next month."),
    ("0001-01-01", "Jane Doe spoke last Monday."),
    ("9999-12-31", "Jane Doe speaks on Monday, in March."),
])
def test_dates_at_the_ends_of_the_calendar_build(tmp_path: Path, date: str, text: str) -> None:
    project = make_project(tmp_path / "p", {"a.md": f"---\ndate: {date}\n---\nEdge headline\n\n{text}\n"})
    done = run_cli(project, "build", "-q")
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert (project / "docs" / "articles" / "edge-headline.md").exists()


def test_a_file_name_that_is_not_utf8_is_named(project: Path) -> None:
    before = _outputs(project)
    folder = os.fsencode(project / "dossier" / "articles")
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as handle:
        handle.write(b"Other headline\n\nBody.\n")
    done = run_cli(project, "build", "--site", "site", "-q")
    _one_error_line(done, "caf\\xe9.txt", "UTF-8")
    assert _outputs(project) == before


# --- full disk, read-only folders, a site that is a mount point (simulated) --------------------


def _fail_on(monkeypatch: pytest.MonkeyPatch, code: int, where: str) -> None:
    """Make the writer's file writes fail with `code` for paths containing `where`."""
    real_open = open

    def failing_open(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if "w" in mode and where in str(file):
            raise OSError(code, os.strerror(code), str(file))
        return real_open(file, mode, *args, **kwargs)

    real_write_bytes = Path.write_bytes

    def failing_write_bytes(self: Path, data: bytes) -> int:
        if where in str(self):
            raise OSError(code, os.strerror(code), str(self))
        return real_write_bytes(self, data)

    monkeypatch.setattr("builtins.open", failing_open)
    monkeypatch.setattr(Path, "write_bytes", failing_write_bytes)


@pytest.mark.parametrize(("code", "where", "message"), [
    (errno.ENOSPC, STAGING, "No space left on device"),
    (errno.ENOSPC, JOURNAL, "No space left on device"),
    (errno.EROFS, "docs", "Read-only file system"),
    (errno.EACCES, ".dossier-cache", "Permission denied"),
    (errno.ENOSPC, ".dossier-cache", "No space left on device"),
])
def test_a_full_or_read_only_disk_is_one_line(project: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str], code: int, where: str,
                                               message: str) -> None:
    before = _outputs(project)
    (project / "dossier" / "articles" / "new.txt").write_text("New headline\n\nJohn Roe spoke in Paris.\n")
    monkeypatch.chdir(project)
    _fail_on(monkeypatch, code, where)
    assert main(["build", "-q", "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and message in err, err
    monkeypatch.undo()
    assert _outputs(project) == before
    assert not (project / "docs" / STAGING).exists()


@pytest.mark.parametrize("code", [errno.EBUSY, errno.EXDEV])
def test_a_site_that_cannot_be_renamed_is_replaced_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           code: int) -> None:
    site = tmp_path / "site"
    (site / "old").mkdir(parents=True)
    (site / "old" / "page.html").write_text("old")
    real_replace = os.replace

    def replace(src: object, dst: object) -> None:
        if Path(str(src)) == site:  # a mount point cannot be renamed
            raise OSError(code, os.strerror(code), str(src))
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(write.os, "replace", replace)

    def make(out: Path) -> None:
        (out / "new").mkdir(parents=True)
        (out / "new" / "page.html").write_text("new")

    publish_dir(site, make)
    assert _tree(site) == {"new/page.html": b"new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


# --- the same on real mounts (needs a private mount namespace: root or user namespaces) --------


def _unshare() -> list[str] | None:
    for cmd in (["unshare", "-m"], ["unshare", "-rm"]):
        try:
            if subprocess.run([*cmd, "true"], capture_output=True, check=False, timeout=10).returncode == 0:
                return cmd
        except (OSError, subprocess.TimeoutExpired):
            continue
    return None


MOUNTED = """
set -e
cd "$PROJECT"
{setup}
set +e
"$PY" -m builder build --site site -q --jobs 1 2> "$OUT/stderr"
echo $? > "$OUT/status"
"$PY" -c 'import json, os, sys
tree = {{}}
for root in ("docs", "site"):
    for r, _, files in os.walk(root):
        for f in files:
            tree[os.path.join(r, f)] = open(os.path.join(r, f), "rb").read().hex()
json.dump(tree, open(sys.argv[1], "w"))' "$OUT/after.json"
"""


@pytest.mark.parametrize(("setup", "status", "message"), [
    # docs/ on a tmpfs just big enough for the first build, then a large article
    ('cp -a docs "$OUT/docs-copy"; mount -t tmpfs -o size=400k tmpfs docs; cp -a "$OUT/docs-copy/." docs/;'
     ' head -c 600000 /dev/zero | tr "\\0" "a" | fold -w 80 | sed "1iHuge headline\\n" > dossier/articles/big.txt',
     2, "No space left on device"),
    ("mount --bind docs docs; mount -o remount,bind,ro docs;"
     " printf 'New headline\\n\\nJohn Roe spoke.\\n' > dossier/articles/new.txt", 2, "Read-only file system"),
    ("mkdir -p .dossier-cache; mount --bind .dossier-cache .dossier-cache; mount -o remount,bind,ro .dossier-cache;"
     " printf 'New headline\\n\\nJohn Roe spoke.\\n' > dossier/articles/new.txt", 2, "Read-only file system"),
    ("mount -t tmpfs tmpfs site; printf 'New headline\\n\\nJohn Roe spoke.\\n' > dossier/articles/new.txt",
     0, ""),
], ids=["full docs", "read-only docs", "read-only cache", "site is a mount point"])
def test_real_mounts(project: Path, tmp_path: Path, setup: str, status: int, message: str) -> None:
    unshare = _unshare()
    if unshare is None:
        pytest.skip("no private mount namespace here")
    before = _outputs(project)
    out = tmp_path / "out"
    out.mkdir()
    script = MOUNTED.format(setup=setup)
    done = subprocess.run([*unshare, "sh", "-c", script], capture_output=True, text=True, check=False, timeout=300,
                          env={**os.environ, "PROJECT": str(project), "PY": sys.executable, "OUT": str(out)})
    assert done.returncode == 0, done.stderr
    stderr = (out / "stderr").read_text()
    assert int((out / "status").read_text()) == status, stderr
    assert "Traceback" not in stderr
    after = {k: bytes.fromhex(v) for k, v in json.loads((out / "after.json").read_text()).items()}
    if status:
        assert stderr.count("\n") == 1 and message in stderr, stderr
        assert after == before
    else:
        assert any(k.startswith("site/articles/new-headline/") for k in after), sorted(after)
