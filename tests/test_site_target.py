"""Which site a build makes: the site of the dossier asked for, built from its own docs, with
its own title, wherever the command runs; a user's own MkDocs configuration only when asked
for; and a site_url for the sitemap when one is known (issue 14)."""
from __future__ import annotations

import html
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from builder.errors import DossierError
from builder.siteconfig import TEMPLATE, effective_config
from tests.conftest import ROOT, make_project, run_cli

OTHER = {
    "a.txt": "Acme opens a plant in Springfield\n\nJane Doe of Acme opened the plant in Springfield on Monday.\n",
    "b.txt": "Globex answers\n\n“We are ready,” said John Roe, the head of Globex, in Shelbyville.\n",
}
OTHER_YML = 'title: "Acme and Globex: the plant dispute"\ndescription: Two reports.\n'
BUNDLED_TITLE = yaml.safe_load((ROOT / "dossier" / "dossier.yml").read_text(encoding="utf-8"))["title"]


def _site_name(page: Path) -> str:
    """The site name in a built page's header."""
    found = re.search(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', page.read_text(encoding="utf-8"), re.S)
    assert found, page
    return found.group(1)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, [name for name, _ in attrs]))


def _error(stderr: str) -> str:
    """The one error line of a failed run (warnings may come before it), never a traceback."""
    errors = [line for line in stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "Traceback" not in stderr, stderr
    return errors[0]


def _other_dossier(folder: Path) -> Path:
    (folder / "articles").mkdir(parents=True)
    for name, text in OTHER.items():
        (folder / "articles" / name).write_text(text, encoding="utf-8")
    (folder / "dossier.yml").write_text(OTHER_YML, encoding="utf-8")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def second(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A project with the bundled dossier, and a second dossier D built in one command."""
    project = make_project(tmp_path_factory.mktemp("second"))
    _other_dossier(project / "D")
    before = _files(project / "docs") | {"mkdocs.yml": (project / "mkdocs.yml").read_bytes()}
    done = run_cli(project, "build", "--dossier", "D", "--docs", "D/docs", "--site", "D/site", "-q", "--no-cache")
    assert done.returncode == 0, done.stderr
    return project, before


def test_the_second_dossier_gets_its_own_site(second: tuple[Path, dict[str, bytes]]) -> None:
    project, _ = second
    site = project / "D" / "site"
    assert (site / "articles" / "acme-opens-a-plant-in-springfield" / "index.html").is_file()
    assert not list(site.glob("articles/ukraine*")), "the bundled dossier was published instead"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Jane Doe" in home
    assert _site_name(site / "index.html") == "Acme and Globex: the plant dispute"
    assert "<title>Acme and Globex: the plant dispute</title>" in home  # once, not "title - title"


def test_the_second_dossier_is_styled_and_links_nowhere_missing(second: tuple[Path, dict[str, bytes]]) -> None:
    project, _ = second
    site = project / "D" / "site"
    for css in ("dossier.css", "a11y.css", "print.css"):
        assert (site / "stylesheets" / css).is_file(), css
    assert "about/" not in (site / "index.html").read_text(encoding="utf-8")  # D has no about page


def test_building_the_second_dossier_leaves_the_first_alone(second: tuple[Path, dict[str, bytes]]) -> None:
    project, before = second
    after = _files(project / "docs") | {"mkdocs.yml": (project / "mkdocs.yml").read_bytes()}
    assert after == before
    assert not (project / "site").exists()
    assert sorted(p.name for p in project.iterdir()) == sorted(["D", "docs", "dossier", "mkdocs.yml"])


def test_a_dossier_builds_outside_any_project(tmp_path: Path) -> None:
    """No mkdocs.yml, no hand-written docs: the package brings the site's configuration."""
    _other_dossier(tmp_path / "mine")
    done = run_cli(tmp_path, "build", "--dossier", "mine", "--docs", "out/docs", "--site", "out/site", "-q")
    assert done.returncode == 0, done.stderr
    assert _site_name(tmp_path / "out" / "site" / "index.html") == "Acme and Globex: the plant dispute"
    assert (tmp_path / "out" / "site" / "stylesheets" / "dossier.css").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".dossier-cache", "mine", "out"]


def test_the_bundled_site_shows_its_dossier_title(built_site: Path) -> None:
    assert _site_name(built_site / "site" / "index.html") == BUNDLED_TITLE
    assert (built_site / "site" / "about" / "index.html").is_file()


def test_a_hostile_title_stays_text(tmp_path: Path) -> None:
    """MkDocs' templates print site_name unescaped: the builder makes the title safe HTML."""
    title = 'Jane <img src=x onerror=alert(1)> "Doe" & Co &amp;'
    project = make_project(tmp_path / "p", OTHER, dossier_yml=yaml.safe_dump({"title": title}))
    done = run_cli(project, "build", "--site", "site", "-q")
    assert done.returncode == 0, done.stderr
    for page in (project / "site").rglob("*.html"):
        tags = _Tags()
        tags.feed(page.read_text(encoding="utf-8"))
        assert not [t for t in tags.found if t[0] == "img" or "onerror" in t[1] or "doe" in " ".join(t[1])], page
    header = _site_name(project / "site" / "index.html")
    assert header == "Jane &lt;img src=x onerror=alert(1)&gt; &quot;Doe&quot; & Co &amp;amp;"
    assert html.unescape(header) == title


def test_a_users_own_config_is_used_as_given(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", OTHER)
    own = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    own.update(site_name="My own name", docs_dir="docs")
    own["nav"] = [item for item in own["nav"] if "About" not in item]
    (project / "own.yml").write_text(yaml.safe_dump(own), encoding="utf-8")
    done = run_cli(project, "build", "--site", "site", "--config", "own.yml", "-q")
    assert done.returncode == 0, done.stderr
    assert _site_name(project / "site" / "index.html") == "My own name"


def test_a_config_for_other_docs_is_refused(tmp_path: Path) -> None:
    """The wrong-site case with an explicit config: its docs_dir is not the --docs folder."""
    project = make_project(tmp_path / "p")
    _other_dossier(project / "D")
    own = {"site_name": "x", "docs_dir": "docs", "theme": {"name": "material"}}
    (project / "own.yml").write_text(yaml.safe_dump(own), encoding="utf-8")
    done = run_cli(project, "build", "--dossier", "D", "--docs", "D/docs", "--site", "D/site", "--config", "own.yml")
    assert done.returncode == 2
    error = _error(done.stderr)
    assert "own.yml" in error and "docs_dir" in error, error
    assert not (project / "D" / "site").exists() and not (project / "D" / "docs").exists()  # refused first


def test_the_effective_config_is_the_template_with_the_dossiers_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DOSSIER_SITE_URL", raising=False)
    dossier = _other_dossier(tmp_path / "D")
    template = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    for item in template["nav"]:
        page = tmp_path / "D" / "docs" / next(iter(item.values()))
        if page.name != "about.md":
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text("x\n", encoding="utf-8")
    config = effective_config(dossier, tmp_path / "D" / "docs")
    assert config["site_name"] == "Acme and Globex: the plant dispute"
    assert config["site_description"] == "Two reports."
    assert Path(config["docs_dir"]) == (tmp_path / "D" / "docs").resolve()
    assert Path(config["theme"]["custom_dir"]).is_dir()
    assert "site_url" not in config
    assert config["markdown_extensions"] == template["markdown_extensions"]
    assert config["plugins"] == template["plugins"]
    assert {next(iter(item)) for item in config["nav"]} == {next(iter(i)) for i in template["nav"]} - {"About"}


@pytest.mark.parametrize(("env", "yml", "expected"), [
    ({"DOSSIER_SITE_URL": "https://acme.example/brief"}, "", "https://acme.example/brief/"),
    ({"DOSSIER_SITE_URL": ""}, "site_url: https://own.example/\n", "https://own.example/"),
    ({}, "site_url: https://own.example/x/\n", "https://own.example/x/"),
    ({"DOSSIER_SITE_URL": "https://ci.example/"}, "site_url: https://own.example/\n", "https://ci.example/"),
    ({"DOSSIER_SITE_URL": ""}, "", None),
])
def test_site_url_comes_from_the_environment_or_dossier_yml(
    env: dict[str, str], yml: str, expected: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    dossier = _other_dossier(tmp_path / "D")
    (dossier / "dossier.yml").write_text(OTHER_YML + yml, encoding="utf-8")
    monkeypatch.delenv("DOSSIER_SITE_URL", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    config = effective_config(dossier, tmp_path / "docs")
    assert config.get("site_url") == expected


@pytest.mark.parametrize("url", ["ftp://x.example/", "not a url", "https://", "javascript:alert(1)"])
def test_a_bad_site_url_is_one_line(url: str, tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", OTHER, dossier_yml=OTHER_YML)
    done = run_cli(project, "build", "--site", "site", "-q", env={"DOSSIER_SITE_URL": url})
    assert done.returncode == 2
    assert "DOSSIER_SITE_URL" in _error(done.stderr)
    assert not (project / "docs" / "index.md").exists()  # refused before anything was written
    (project / "dossier" / "dossier.yml").write_text(OTHER_YML + f"site_url: {url!r}\n", encoding="utf-8")
    done = run_cli(project, "build", "-q", env={"DOSSIER_SITE_URL": ""})
    assert done.returncode == 2
    error = _error(done.stderr)
    assert "dossier.yml" in error and "site_url" in error, error
    assert not (project / "docs" / "index.md").exists()


def test_the_sitemap_lists_pages_under_the_site_url(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", OTHER, dossier_yml=OTHER_YML)
    done = run_cli(project, "build", "--site", "site", "-q", env={"DOSSIER_SITE_URL": "https://acme.example/brief/"})
    assert done.returncode == 0, done.stderr
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://acme.example/brief/articles/acme-opens-a-plant-in-springfield/</loc>" in sitemap
    assert '<link rel="canonical" href="https://acme.example/brief/"' in (project / "site" / "index.html").read_text()


def test_the_repository_config_inherits_the_template() -> None:
    """mkdocs.yml at the root is for running MkDocs by hand; it is the packaged template with
    the bundled dossier's docs, title and stylesheets."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config["site_name"] == BUNDLED_TITLE
    assert Path(config["docs_dir"]) == ROOT / "docs"
    assert Path(config["theme"].custom_dir) == TEMPLATE.parent / "theme"
    template = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    assert [next(iter(i)) for i in config["nav"]] == [next(iter(i)) for i in template["nav"]]


def test_the_pages_workflow_passes_its_base_url_to_the_build() -> None:
    """The sitemap needs site_url: the build job asks configure-pages for the Pages address
    and hands it to every step that builds the site (`make pdf` rebuilds it too)."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    build = next(job for job in workflow["jobs"].values() if "make site" in str(job.get("steps")))
    steps = build["steps"]
    configure = [n for n, s in enumerate(steps) if s.get("uses", "").startswith("actions/configure-pages@")]
    assert configure, "the build job does not run configure-pages"
    pages = steps[configure[0]]
    assert pages.get("id") and build["permissions"].get("pages") == "read"
    wanted = f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"
    for target in ("make site", "make pdf"):
        (n, step), = [(n, s) for n, s in enumerate(steps) if s.get("run", "").strip() == target]
        assert n > configure[0], f"{target} runs before configure-pages"
        assert step.get("env", {}).get("DOSSIER_SITE_URL") == wanted, target


def test_the_readme_command_for_another_dossier_works(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line, = [ln for ln in readme.splitlines() if ln.startswith(".venv/bin/dossier build --dossier ~/acme")]
    _other_dossier(tmp_path / "acme")
    args = line.replace("~/acme", str(tmp_path / "acme")).split()[1:]
    done = run_cli(tmp_path, *args, "-q")
    assert done.returncode == 0, done.stderr
    assert _site_name(tmp_path / "acme" / "site" / "index.html") == "Acme and Globex: the plant dispute"


def test_serve_previews_the_dossier_it_is_given(tmp_path: Path) -> None:
    """`dossier serve` uses the same derived configuration as `dossier build --site`."""
    project = make_project(tmp_path / "p")
    _other_dossier(project / "D")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = subprocess.Popen(
        [sys.executable, "-m", "builder", "serve", "--dossier", "D", "--docs", "D/docs", "--addr",
         f"127.0.0.1:{port}", "--no-cache"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    page = ""
    try:
        started = time.monotonic()
        while "Jane Doe" not in page and time.monotonic() - started < 90:
            time.sleep(0.25)
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:  # noqa: S310
                    page = response.read().decode("utf-8")
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                continue
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output, _ = server.communicate(timeout=30)
    assert "Jane Doe" in page, output[-2000:]
    assert "<title>Acme and Globex: the plant dispute</title>" in page
    assert not (project / "docs" / "index.md").exists()  # the bundled dossier was not built


def test_a_users_config_with_tags_is_checked_not_refused(tmp_path: Path) -> None:
    """MkDocs files often hold !ENV and !!python/name: the check reads past them."""
    from builder.siteconfig import check_own_config

    (tmp_path / "docs").mkdir()
    own = tmp_path / "own.yml"
    own.write_text(
        "site_name: !ENV [NAME, x]\ndocs_dir: docs\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n", encoding="utf-8")
    check_own_config(own, tmp_path / "docs")
    (tmp_path / "base.yml").write_text("docs_dir: elsewhere\n", encoding="utf-8")
    own.write_text("INHERIT: base.yml\nsite_name: x\n", encoding="utf-8")
    with pytest.raises(DossierError, match="docs_dir"):
        check_own_config(own, tmp_path / "docs")
