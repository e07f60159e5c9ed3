"""The package as pip installs it: what it declares is what it uses, `dossier pdf` names the
extra it needs when that is missing, and a fresh `pip install .[pdf]` builds a dossier's
site and prints its PDFs outside the repository (issue 14)."""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from pypdf import PdfReader

from builder.cli import main
from builder.errors import DossierError
from builder.pdf import find_chromium
from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# import name -> distribution name, for the third-party modules the builder imports
DISTRIBUTION = {"yaml": "pyyaml", "anyascii": "anyascii", "playwright": "playwright", "pypdf": "pypdf",
                "trafilatura": "trafilatura", "lxml": "lxml"}
# declared but never imported, and why
NOT_IMPORTED = {
    "mkdocs": "`dossier build --site` runs it",
    "mkdocs-material": "the site's theme",
    "pymdown-extensions": "the site's Markdown extensions",
    "lxml-html-clean": "trafilatura imports lxml.html.clean, which lxml 6 no longer carries",
}


def _name(requirement: str) -> str:
    for stop in "<>=!~[; ":
        requirement = requirement.split(stop)[0]
    return requirement.lower().replace("_", "-")


def _imports() -> set[str]:
    """The top-level modules the builder imports, outside the standard library and itself."""
    found = set()
    for path in (ROOT / "builder").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names and name != "builder"}


def test_every_import_is_declared_and_every_declaration_is_used() -> None:
    core = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
    pdf = {_name(r) for r in PYPROJECT["project"]["optional-dependencies"]["pdf"]}
    imported = _imports()
    assert imported <= set(DISTRIBUTION), f"map these imports to their distributions: {imported - set(DISTRIBUTION)}"
    assert {DISTRIBUTION[name] for name in imported} == (core - set(NOT_IMPORTED)) | pdf
    assert set(NOT_IMPORTED) <= core
    assert pdf == {"playwright", "pypdf"}
    assert "markdown" not in core  # MkDocs brings it; the builder never imports it


def test_pinned_requirements_cover_the_declared_ones() -> None:
    pinned = {
        _name(line) for path in ("requirements.txt", "requirements-test.txt")
        for line in (ROOT / path).read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith("#")
    }
    declared = PYPROJECT["project"]["dependencies"] + PYPROJECT["project"]["optional-dependencies"]["pdf"]
    assert {_name(r) for r in declared} <= pinned


def test_the_package_carries_the_site_template() -> None:
    data = PYPROJECT["tool"]["setuptools"]["package-data"]["builder"]
    assert "site/mkdocs.yml" in data
    carried = {p for pattern in data for p in (ROOT / "builder").glob(pattern)}
    assert {p for p in (ROOT / "builder" / "site").rglob("*") if p.is_file()} <= carried


@pytest.mark.parametrize("missing", ["pypdf", "playwright"])
def test_a_missing_pdf_package_names_the_extra(
    missing: str, built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    try:
        find_chromium()
    except DossierError as err:
        pytest.fail(f"{err}: `make test` installs it with scripts/setup-system.sh", pytrace=False)
    for name in [m for m in sys.modules if m == missing or m.startswith(f"{missing}.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, missing, None)  # `import missing` now raises ImportError
    assert main(["pdf", "--site", str(built_site / "site"), "--out", str(tmp_path / "pdf"), "-q"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and missing in err and "pip install 'briefing-dossier[pdf]'" in err, err
    assert not (tmp_path / "pdf").exists()


ARTICLE = "Acme opens a plant in Springfield\n\nJane Doe of Acme opened the plant in Springfield on Monday.\n"


@pytest.mark.slow
def test_a_fresh_install_with_the_pdf_extra_builds_and_prints(tmp_path: Path) -> None:
    """`pip install .[pdf]` into a new venv (from the indexes pip is configured with, held to
    the pinned versions), then `dossier build --site` and `dossier pdf` on a dossier outside
    the repository. About a minute, most of it pip."""
    try:
        find_chromium()
    except DossierError as err:
        pytest.fail(f"{err}: `make test` installs it with scripts/setup-system.sh", pytrace=False)
    source = tmp_path / "source"  # a copy, so the build writes nothing into the repository
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "builder", source / "builder", ignore=shutil.ignore_patterns("__pycache__"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    install = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-c", str(ROOT / "requirements.txt"), "-c", str(ROOT / "requirements-test.txt"), f"{source}[pdf]"],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    work = tmp_path / "work"
    (work / "mine" / "articles").mkdir(parents=True)
    (work / "mine" / "articles" / "acme.txt").write_text(ARTICLE, encoding="utf-8")
    (work / "mine" / "dossier.yml").write_text("title: The Acme brief\n", encoding="utf-8")
    dossier = str(venv / "bin" / "dossier")
    for command in (
        [dossier, "build", "--dossier", "mine", "--docs", "out/docs", "--site", "out/site", "-q"],
        [dossier, "pdf", "--site", "out/site", "--out", "out/pdf", "-q"],
    ):
        done = subprocess.run(command, cwd=work, capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
    home = (work / "out" / "site" / "index.html").read_text(encoding="utf-8")
    assert "The Acme brief" in home and (work / "out" / "site" / "stylesheets" / "print.css").is_file()
    brief = PdfReader(work / "out" / "pdf" / "articles" / "acme-opens-a-plant-in-springfield.pdf")
    assert "Jane Doe" in "".join(page.extract_text() for page in brief.pages)
    assert len(PdfReader(work / "out" / "pdf" / "dossier.pdf").pages) > len(brief.pages)
