"""Hostile and broken input: content stays text, paths stay inside, problems are one line,
and nothing is lost when a build fails or is killed."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from builder.slug import slugify, unique_slugs
from tests.conftest import make_project, run_cli

# Each payload carries a marker, so anything live that came from content can be recognised.
PAYLOADS = {
    "script": "<script>alert('XSS-script')</script>",
    "img": "<img src=x onerror=alert('XSS-img')>",
    "iframe": "<iframe src='https://evil.example/XSS-iframe'></iframe>",
    "comment": "<!-- XSS-comment --> visible after",
    "js link": "[click me](javascript:alert('XSS-jslink'))",
    "data link": "[data](data:text/html;base64,PHNjcmlwdD5YU1MtZGF0YTwvc2NyaXB0Pg==)",
    "autolink": "<javascript:alert('XSS-autolink')>",
    "heading": "# XSS-heading not a heading",
    "rule": "---",
    "admonition": "!!! danger \"XSS-admonition\"",
    "wiki": "[[XSS-wiki]]",
    "attr list": "Text {: onclick=\"alert('XSS-attr')\" }",
    "snippet": "--8<-- \"/etc/passwd\"",
    "jinja": "{{ config.XSS_jinja }} {% raw %}",
    "html entity": "&lt;script&gt;XSS-entity&lt;/script&gt;",
    "svg": "<svg onload=alert('XSS-svg')>",
    "md html": "<div markdown=\"1\" onmouseover=\"alert('XSS-div')\">x</div>",
}


class _Live(HTMLParser):
    """Collects what is live in a page: elements, event handlers, link targets, script text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.script_text: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.script_text if self._in_script else self.text).append(data)

    def handle_comment(self, data: str) -> None:
        self.tags.append(("!--", {"text": data}))


def _hostile_articles() -> dict[str, str]:
    body = "\n\n".join(f"Payload {name}: {payload}" for name, payload in PAYLOADS.items())
    lines = "\n".join(PAYLOADS.values())
    return {
        "hostile.md": "---\ntitle: " + json.dumps(PAYLOADS["script"] + " " + PAYLOADS["img"]) + "\n"
        "outlet: " + json.dumps(PAYLOADS["svg"]) + "\nurl: \"javascript:alert('XSS-url')\"\n---\n"
        "# Hostile headline\n\n" + body + "\n\n" + lines + "\n",
        "plain.txt": PAYLOADS["iframe"] + "\n\nThe minister said “" + PAYLOADS["script"] + "” on Monday.\n\n" + lines + "\n",
    }


def build_hostile_site(dest: Path) -> Path:
    """A project whose articles, front matter and entities.yml are full of payloads, built."""
    project = make_project(dest, _hostile_articles())
    (project / "dossier" / "entities.yml").write_text(
        "- name: " + json.dumps("Evil <script>alert('XSS-entity-name')</script>") + "\n"
        "  type: person\n  description: " + json.dumps(PAYLOADS["img"]) + "\n"
        "  links: [\"https://example.org/ok\"]\n"
    )
    done = run_cli(project, "build", "--site", "site", "--quiet")
    assert done.returncode == 0, done.stderr
    return project


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hostile_site(tmp_path_factory.mktemp("hostile"))


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def test_no_content_becomes_live_html(hostile_site: Path) -> None:
    pages = _pages(hostile_site / "site")
    assert len(pages) > 5
    for page in pages:
        live = _Live()
        live.feed(page.read_text(encoding="utf-8"))
        for tag, attrs in live.tags:
            where = f"{page.relative_to(hostile_site)}: <{tag} {attrs}>"
            if tag == "!--":
                assert "XSS" not in attrs["text"], where
                continue
            assert tag not in {"iframe", "object", "embed"}, where
            if tag in {"img", "svg"} or tag.startswith("on"):
                assert not any("XSS" in v for v in attrs.values()), where
            for name, value in attrs.items():
                assert not (name.startswith("on") and "XSS" in value), where
                if name in {"href", "src", "action", "formaction"}:
                    assert not value.strip().lower().startswith(("javascript:", "data:")), where
                    assert "evil.example" not in value, where
        assert not any("XSS" in text for text in live.script_text), page


def test_hostile_text_is_shown_literally(hostile_site: Path) -> None:
    page = next(p for p in _pages(hostile_site / "site") if "hostile-headline" in str(p) or "script-alert" in str(p))
    live = _Live()
    live.feed(page.read_text(encoding="utf-8"))
    text = " ".join("".join(live.text).split())
    for name, payload in PAYLOADS.items():
        if name in {"rule"}:
            continue
        assert " ".join(payload.split()) in text, f"{name} payload not shown as text"


def test_script_links_in_entities_yml_are_refused(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"a.txt": "Headline\n\nBody.\n"})
    (project / "dossier" / "entities.yml").write_text("- name: X\n  links: [\"javascript:alert(1)\"]\n")
    done = run_cli(project, "build")
    assert done.returncode == 2 and "field 'links'" in done.stderr and "Traceback" not in done.stderr


def test_paths_never_leave_the_generated_folders(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {
        "a.md": "---\nslug: ../../escape\n---\nHeadline one\n\nBody.\n",
        "b.md": "---\nslug: /etc/passwd\n---\nHeadline two\n\nBody.\n",
        "weird name ü.txt": "Ünïcödé Títle ☃\n\nBody.\n",
        "empty-title.md": "---\ntitle: \"\"\n---\n\nBody only.\n",
        "d1.txt": "Same title\n\nOne.\n",
        "d2.txt": "Same title\n\nTwo.\n",
    })
    done = run_cli(project, "build")
    assert done.returncode == 0, done.stderr
    written = sorted(p.relative_to(project).as_posix() for p in project.rglob("*.md") if "dossier" not in p.parts)
    assert all(p.startswith("docs/") for p in written)
    articles = {p.name for p in (project / "docs" / "articles").iterdir()}
    assert {"escape.md", "etc-passwd.md", "unicode-title.md", "same-title.md", "same-title-2.md"} <= articles
    assert not (tmp_path / "escape.md").exists()


@pytest.mark.parametrize(
    ("text", "slug"),
    [("Ünïcödé Títle", "unicode-title"), ("Ŧ only", "t-only"), ("", "item"), ("☃☃☃", "item"), ("../../etc", "etc"),
     ("a" * 200, "a" * 60), ("Don’t stop", "dont-stop")],
)
def test_slugs_are_safe(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize(("wanted", "made"), [
    (["a", "a", "a-2", "b"], ["a", "a-2", "a-2-2", "b"]),
    (["a-2", "a", "a", "a"], ["a-2", "a", "a-3", "a-4"]),  # a number already taken is skipped
    (["a", "a", "a-3", "a", "a"], ["a", "a-2", "a-3", "a-4", "a-5"]),
    (["b", "a", "b", "a", "b"], ["b", "a", "b-2", "a-2", "b-3"]),
    ([], []),
])
def test_duplicate_slugs_get_numbers(wanted: list[str], made: list[str]) -> None:
    assert unique_slugs(wanted) == made


BROKEN: list[tuple[str, bytes, int, str]] = [
    ("front.md", b"---\ntitle: [x\n---\nBody\n", 2, "front.md:2: malformed front matter"),
    ("latin1.txt", b"Headline\n\nCaf\xe9 society.\n", 0, "latin1.txt:3: not valid UTF-8"),
    ("bom.txt", b"\xef\xbb\xbfHeadline\n\nBody.\n", 0, ""),
    ("crlf.txt", b"Headline\r\n\r\nBody.\r\n", 0, ""),
    ("cr.txt", b"Headline\r\rBody.\r", 0, ""),
    ("nul.txt", b"Head\x00line\n\nBody.\n", 0, "nul.txt:1: NUL bytes removed"),
    ("empty.txt", b"", 0, "empty.txt: no story text found"),
    ("blank.txt", b"   \n\t\n", 0, "blank.txt: no story text found"),
    ("quote.txt", b"Headline\n\nShe said \xe2\x80\x9cthis never closes.\n\nNext paragraph.\n", 0, "quote.txt:3"),
    ("long.txt", b"Headline\n\n" + b"word " * 25000 + b"\n", 0, "long.txt:3: a 124,999-character line was split"),
]


@pytest.mark.parametrize(("name", "data", "status", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_input_gives_a_clear_line(tmp_path: Path, name: str, data: bytes, status: int, message: str) -> None:
    project = make_project(tmp_path / "p", {"ok.txt": "Fine headline\n\nFine body.\n"})
    (project / "dossier" / "articles" / name).write_bytes(data)
    done = run_cli(project, "build")
    assert done.returncode == status, done.stderr
    assert "Traceback" not in done.stderr
    assert message in done.stderr
    if status == 0 and not message:  # no warning but the count of undated articles
        assert not [line for line in done.stderr.splitlines() if "warning" in line and "have no date" not in line]


def test_a_symlink_loop_is_an_error_not_a_hang(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"ok.txt": "Fine headline\n\nBody.\n"})
    (project / "dossier" / "articles" / "loop.txt").symlink_to("loop.txt")
    (project / "dossier" / "articles" / "dirloop").symlink_to(".", target_is_directory=True)
    done = run_cli(project, "build")
    assert done.returncode == 2 and "loop.txt: a broken or looping symbolic link" in done.stderr


def test_a_huge_article_builds(tmp_path: Path) -> None:
    paragraph = ("The committee met on Tuesday in Geneva, where Maria Lopez said “we will decide soon”. "
                 + "The talks went on for hours and the delegates argued about the wording of the text. " * 5 + "\n\n")
    text = "Huge headline\n\n" + paragraph * (10_000_000 // len(paragraph))
    project = make_project(tmp_path / "p", {"huge.txt": text})
    done = run_cli(project, "build", "--no-cache")
    assert done.returncode == 0, done.stderr
    assert (project / "docs" / "articles" / "huge-headline.md").stat().st_size > 9_000_000


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_killed_build_loses_nothing(tmp_path: Path) -> None:
    """SIGKILL at several moments of a build: docs/ is always the old or the new build, whole."""
    articles = {f"{i:04d}.txt": f"Headline number {i}\n\nBody {i} with Maria Lopez in Geneva.\n" for i in range(400)}
    project = make_project(tmp_path / "p", articles)
    assert run_cli(project, "build", "--no-cache", "--jobs", "1").returncode == 0
    old = _tree(project / "docs")
    (project / "dossier" / "articles" / "0000.txt").write_text("A changed headline\n\nNew body.\n")
    for delay in (0.3, 0.6, 0.9, 1.2, 1.5, 2.0):
        proc = subprocess.Popen([sys.executable, "-m", "builder", "build", "--no-cache", "--jobs", "1", "-q"],
                                cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        now = _tree(project / "docs")
        visible = {k: v for k, v in now.items() if not k.startswith(".dossier-staging") and not k.startswith(".dossier-old")
                   and k != ".dossier-swap.json"}
        if (project / "docs" / ".dossier-swap.json").exists():
            continue  # killed mid-swap: the next build rolls it forward (checked below)
        assert visible == {k: v for k, v in old.items()} or "articles/a-changed-headline.md" in visible
    done = run_cli(project, "build", "--no-cache", "--jobs", "1")
    assert done.returncode == 0
    final = _tree(project / "docs")
    assert "articles/a-changed-headline.md" in final and "articles/headline-number-0.md" not in final
    assert not any(k.startswith((".dossier-staging", ".dossier-old")) for k in final)
