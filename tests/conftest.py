"""Shared fixtures: the repository, the samples, and throwaway copies of the project."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "seeds.yml"
SCORER = SHARED / "tools" / "score.py"


def hand_written_docs(docs: Path) -> list[Path]:
    """The files of docs/ that people wrote (everything the builder does not own)."""
    manifest = docs / ".dossier-generated.json"
    owned = set(json.loads(manifest.read_text())["owned"]) if manifest.exists() else set()
    owned |= {"index.md", "dossier.json", "articles", "entities", "quotes", "sources", "timeline", "discrepancies"}
    return [p for p in sorted(docs.iterdir()) if p.name not in owned and not p.name.startswith(".")]


def make_project(dest: Path, articles: dict[str, str] | None = None, dossier_yml: str | None = None) -> Path:
    """A copy of the project's site skeleton (mkdocs.yml and hand-written docs) in `dest`,
    with the bundled dossier, or with `articles` (file name -> text) instead."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "docs").mkdir(exist_ok=True)
    for item in hand_written_docs(ROOT / "docs"):
        target = dest / "docs" / item.name
        shutil.copytree(item, target) if item.is_dir() else shutil.copy(item, target)
    if articles is None:
        shutil.copytree(ROOT / "dossier", dest / "dossier")
    else:
        (dest / "dossier" / "articles").mkdir(parents=True)
        for name, text in articles.items():
            (dest / "dossier" / "articles" / name).write_text(text, encoding="utf-8")
    if dossier_yml is not None:
        (dest / "dossier" / "dossier.yml").write_text(dossier_yml, encoding="utf-8")
    return dest


def run_cli(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m builder ARGS` in `project`, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "builder", *args], cwd=project, capture_output=True, text=True, check=False,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled dossier built once, docs and strict site, in a throwaway project."""
    project = make_project(tmp_path_factory.mktemp("site"))
    done = run_cli(project, "build", "--site", "site", "--quiet")
    assert done.returncode == 0, done.stderr
    return project
