"""Slugs: every name gets a readable, unique, stable page name that never takes a page or
folder the site itself needs (issue 14)."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.curate import load_curated
from builder.errors import DossierError
from builder.slug import RESERVED, slugify, unique_slugs
from tests.conftest import make_project, run_cli

# Names the site needs, in any case a user might write them.
SITE_NAMES = ["Index", "Tags", "Search", "Assets", "Stylesheets", "Javascripts", "404", "Sitemap", "Page"]


@pytest.mark.parametrize(("text", "slug"), [
    # non-Latin scripts are transliterated, not dropped
    ("Владимир Зеленский", "vladimir-zelenskiy"),
    ("محمد بن سلمان", "mhmd-bn-slmn"),
    ("习近平", "xi-jin-ping"),
    ("東京", "dong-jing"),
    ("Ελληνικά", "ellinika"),
    ("Nguyễn Văn A", "nguyen-van-a"),
    ("Straße", "strasse"),
    ("Øresund", "oresund"),
    ("Kyiv (Київ)", "kyiv-kiiv"),
    # Latin names keep the slugs they had
    ("Jane Doe", "jane-doe"),
    ("Ünïcödé Títle", "unicode-title"),
    ("Don’t stop", "dont-stop"),
    ("Acme's 2024 plan", "acmes-2024-plan"),
    # symbols are separators, never words
    ("☃☃☃", "item"),
    ("€5bn deal", "5bn-deal"),
    ("", "item"),
])
def test_slugify_transliterates(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize("text", ["Владимир Зеленский", "محمد بن سلمان", "习近平", "김정은"])
def test_non_latin_names_never_fall_back(text: str) -> None:
    assert slugify(text, "entity") != "entity"


@pytest.mark.parametrize("name", SITE_NAMES)
def test_reserved_names_never_come_out_of_unique_slugs(name: str) -> None:
    slug = slugify(name)
    assert slug in RESERVED
    made = unique_slugs([slug, "jane-doe", slug])
    assert not set(made) & RESERVED
    assert len(set(made)) == 3
    assert made == unique_slugs([slug, "jane-doe", slug])  # stable


@pytest.mark.parametrize(("wanted", "made"), [
    (["index"], ["index-2"]),
    (["index", "index-2"], ["index-2", "index-2-2"]),
    (["index-2", "index"], ["index-2", "index-3"]),
    (["jane-doe", "page", "page"], ["jane-doe", "page-2", "page-3"]),
    (["indexes"], ["indexes"]),  # only whole names are reserved
])
def test_unique_slugs_step_around_reserved_names(wanted: list[str], made: list[str]) -> None:
    assert unique_slugs(wanted) == made


def test_transliterated_names_that_meet_stay_unique() -> None:
    wanted = [slugify(n, "entity") for n in ("Vladimir", "Владимир", "Vladimír")]
    assert unique_slugs(wanted) == ["vladimir", "vladimir-2", "vladimir-3"]


ENTITIES_YML = "".join(f"- name: \"{name}\"\n  type: org\n" for name in SITE_NAMES) + (
    "- name: Владимир Петров\n  type: person\n"
    "- name: 王小明\n  type: person\n"
    "- name: سارة أحمد\n  type: person\n"
)


@pytest.fixture(scope="module")
def reserved_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dossier whose article titles and entity names are the names the site needs."""
    articles = {
        f"{name.lower()}.txt": f"{name}\n\nJane Doe of Acme said the {name} was up on Monday in Springfield.\n"
        for name in SITE_NAMES
    }
    articles["nasdaq.md"] = (
        "---\ntitle: Markets close higher\nslug: index\n---\n"
        "The Nasdaq Composite Index rose, said John Roe of Acme Capital.\n"
    )
    project = make_project(tmp_path_factory.mktemp("reserved"), articles)
    (project / "dossier" / "entities.yml").write_text(ENTITIES_YML, encoding="utf-8")
    done = run_cli(project, "build", "--site", "site", "--quiet", "--no-cache")
    assert done.returncode == 0, done.stderr
    return project


def test_articles_titled_like_site_pages_build(reserved_project: Path) -> None:
    articles = {p.stem for p in (reserved_project / "docs" / "articles").glob("*.md")}
    assert not articles & (RESERVED - {"index"})
    assert len(articles) == len(SITE_NAMES) + 2  # the list page plus one page per article
    listing = (reserved_project / "docs" / "articles" / "index.md").read_text(encoding="utf-8")
    assert "Markets close higher" in listing  # the list page is the list, not an article
    assert (reserved_project / "site" / "articles" / "index-2" / "index.html").is_file()


def test_entities_named_like_site_pages_build(reserved_project: Path) -> None:
    pages = {p.stem for p in (reserved_project / "docs" / "entities").glob("*.md")}
    assert not pages & (RESERVED - {"index"})
    listing = (reserved_project / "docs" / "entities" / "index.md").read_text(encoding="utf-8")
    for name in SITE_NAMES:
        assert f"[{name}]" in listing, name
    for top in ("search", "assets", "stylesheets", "sitemap.xml", "404.html"):
        assert (reserved_project / "site" / top).exists(), top


def test_non_latin_entities_get_their_own_pages(reserved_project: Path) -> None:
    pages = {p.stem for p in (reserved_project / "docs" / "entities").glob("*.md")}
    assert {"vladimir-petrov", "wang-xiao-ming", "srh-hmd"} <= pages
    assert "entity" not in pages


def test_slugs_are_stable_across_builds(reserved_project: Path) -> None:
    before = sorted(p.name for p in (reserved_project / "docs").rglob("*.md"))
    done = run_cli(reserved_project, "build", "--quiet", "--no-cache")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (reserved_project / "docs").rglob("*.md")) == before


@pytest.mark.parametrize("reserved", ["index", "tags", "search", "404", "page"])
def test_a_curated_id_that_the_site_needs_is_one_line(reserved: str, tmp_path: Path) -> None:
    """An id chosen by hand is kept as written, so one the site needs is refused, not renamed."""
    path = tmp_path / "entities.yml"
    path.write_text(f"- name: Jane Doe\n- name: Acme Index\n  id: '{reserved}'\n", encoding="utf-8")
    with pytest.raises(DossierError) as caught:
        load_curated(path, "entities.yml")
    message = str(caught.value)
    assert "\n" not in message
    for word in ("entities.yml:2", "'Acme Index'", "'id'", reserved, "reserved"):
        assert word in message, message
