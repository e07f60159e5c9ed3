"""The built site in a real browser: the system's Chromium, driven by Playwright, against
the bundled dossier built into a throwaway project (conftest.built_site) and served on
127.0.0.1, as a reader would use it: the home page loads cleanly, search finds a person
by surname, an entity link shows its tooltip and leads to the entity page, the print
stylesheet keeps the article and drops the chrome, and axe-core finds no serious or
critical accessibility violation.

Nothing here is skipped for want of a tool: a missing Chromium, Playwright or axe-core
fails the tests with what to install (`make test` installs them first, through
scripts/setup-system.sh). Only the tests that need entities are skipped, with a reason,
while the dossier has none.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from builder.errors import DossierError
from builder.pdf import find_chromium, launch_chromium, serve_site

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SETUP = "`make test` installs it with scripts/setup-system.sh"
NO_ENTITIES = "docs/dossier.json has no {what} yet (entity extraction finds none): nothing to test"
TOOLTIP = ".md-tooltip2--active, .md-tooltip--active"

# Violations in Material's own templates that neither CSS nor mkdocs.yml can fix, by rule
# and target. Anything else serious or critical fails the test.
MATERIAL_KNOWN = {
    # partials/search.html: <div class="md-search" role="dialog"> has no accessible name;
    # needs a theme override (custom_dir) that adds aria-label="Search".
    ("aria-dialog-name", ".md-search"),
}


@dataclass
class Tab:
    """A page of the served site, with everything that went wrong in it recorded."""

    page: Any
    base: str
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def open(self, path: str) -> None:
        response = self.page.goto(self.base + path, wait_until="load")
        assert response is not None and response.ok, f"/{path}: {response.status if response else 'no answer'}"


@pytest.fixture(scope="session")
def site(built_site: Path) -> Path:
    return built_site / "site"


@pytest.fixture(scope="session")
def export(site: Path) -> dict[str, Any]:
    return json.loads((site / "dossier.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serve_site(site) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole session."""
    try:
        chromium = find_chromium()
    except DossierError as err:
        pytest.fail(f"{err}. The browser tests need it: {SETUP}.", pytrace=False)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.fail("the Python package playwright is missing: pip install -r requirements-test.txt", pytrace=False)
    with launch_chromium(chromium) as chromium_browser:
        yield chromium_browser


@contextmanager
def opened(browser: Any, base: str, color_scheme: str = "light") -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=color_scheme)
    page = context.new_page()
    page.set_default_timeout(10_000)
    tab = Tab(page, base)
    page.on("console", lambda m: tab.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: tab.errors.append(f"script error: {e}"))
    page.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:")) else tab.outside.append(r.url))
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture
def tab(browser: Any, base_url: str) -> Iterator[Tab]:
    with opened(browser, base_url) as new_tab:
        yield new_tab


def visible_entities(export: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in export["entities"] if not e.get("hidden")}


def articles_naming(export: dict[str, Any], entity_id: str) -> int:
    return sum(entity_id in a.get("entities", []) for a in export["articles"])


def article_with_most(export: dict[str, Any]) -> dict[str, Any]:
    """The article with the most quotes and visible entities: the most to look at."""
    entities = visible_entities(export)

    def weight(article: dict[str, Any]) -> tuple[int, int, str]:
        quotes = sum(q["article"] == article["id"] and q["kind"] == "full" for q in export["quotes"])
        named = sum(e in entities for e in article.get("entities", []))
        return (quotes, named, article["id"])

    return max(export["articles"], key=weight)


# ---------------------------------------------------------------------------------------


def test_home_page_loads_with_no_error_and_nothing_from_outside(tab: Tab, export: dict[str, Any]) -> None:
    tab.open("")
    tab.page.wait_for_load_state("networkidle")
    assert tab.page.locator("article h1").first.inner_text().strip() == export["title"]
    assert tab.page.locator(".md-header").is_visible()
    assert not tab.errors, "the home page reported errors:\n" + "\n".join(tab.errors)
    assert not tab.outside, "the site asked for something outside itself:\n" + "\n".join(tab.outside)


def _surname(name: str) -> str | None:
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    last = words[-1] if len(words) > 1 else None
    return last if last and re.fullmatch(r"[A-Z][\w’'-]{2,}", last) else None


def test_search_finds_a_person_by_surname(tab: Tab, export: dict[str, Any]) -> None:
    people = [
        e for e in visible_entities(export).values() if e["type"] == "person" and _surname(e["name"])
    ]
    if not people:
        pytest.skip(NO_ENTITIES.format(what="person entities"))
    person = min(people, key=lambda e: (-articles_naming(export, e["id"]), e["name"]))
    surname = _surname(person["name"])
    assert surname is not None
    tab.open("articles/")
    box = tab.page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(surname, delay=30)
    results = tab.page.locator(".md-search-result__item > a.md-search-result__link")
    results.first.wait_for()
    want = f"/entities/{person['id']}/"
    try:  # results arrive as the search worker answers each keystroke
        tab.page.wait_for_function(
            """([want, n]) => [...document.querySelectorAll('.md-search-result__item > a.md-search-result__link')]
                    .slice(0, n).some(a => new URL(a.href).pathname.endsWith(want))""",
            arg=[want, 1],
            timeout=5_000,
        )
    except Exception:  # noqa: BLE001 (playwright's TimeoutError): the assertion below says what was found
        pass
    hrefs = results.evaluate_all("els => els.map(a => new URL(a.href).pathname)")[:5]
    assert hrefs and hrefs[0].endswith(want), (
        f"searching {surname!r}: {person['name']} ({want}) is not the first result of {hrefs}"
    )
    assert not tab.errors, "\n".join(tab.errors)


def test_an_entity_link_shows_its_tooltip_and_leads_to_the_entity(tab: Tab, export: dict[str, Any]) -> None:
    entities = visible_entities(export)
    if not entities:
        pytest.skip(NO_ENTITIES.format(what="entities"))
    article = article_with_most(export)
    tab.open(f"articles/{article['id']}/")
    link = tab.page.locator("article p a[href*='/entities/']").first
    if link.count() == 0:
        pytest.fail(f"articles/{article['id']}/ names entities {article['entities'][:5]} but links none in its text")
    entity_id = link.evaluate("a => new URL(a.href).pathname.split('/').filter(Boolean).pop()")
    entity = entities[entity_id]
    link.scroll_into_view_if_needed()
    link.hover()
    tooltip = tab.page.locator(TOOLTIP).first
    tooltip.wait_for(state="visible")
    text = tooltip.inner_text()
    assert entity["name"] in text and entity["type"] in text, f"tooltip {text!r} for {entity['name']}"
    link.click()
    tab.page.wait_for_url(re.compile(rf"/entities/{re.escape(entity_id)}/(#.*)?$"))
    tab.page.locator("article h1").first.wait_for()
    assert tab.page.locator("article h1").first.inner_text().strip() == entity["name"]
    assert not tab.errors, "\n".join(tab.errors)


def test_print_keeps_the_article_and_drops_the_chrome(tab: Tab, export: dict[str, Any]) -> None:
    article = article_with_most(export)
    tab.open(f"articles/{article['id']}/")
    first_link = tab.page.locator("article p a[href*='/entities/']").first
    if first_link.count():
        first_link.hover()  # a tooltip, which must not print
        tab.page.locator(TOOLTIP).first.wait_for(state="visible")
    tab.page.evaluate(
        """() => document.querySelector('article').insertAdjacentHTML('beforeend',
            '<p id="probe"><a id="ext" href="https://example.org/report" rel="nofollow noopener">a report</a> ' +
            '<a id="int" href="' + location.origin + '/entities/">who is who</a></p>')"""
    )
    tab.page.emulate_media(media="print")
    seen = tab.page.evaluate(
        """() => {
          const shown = s => [...document.querySelectorAll(s)].filter(e => e.checkVisibility()).length;
          const style = (s, pseudo) => { const e = document.querySelector(s); return e && getComputedStyle(e, pseudo); };
          const h2 = style('article h2');
          const card = style('.dossier-quotes li');
          return {
            chrome: Object.fromEntries(['.md-header', '.md-tabs', '.md-search', '.md-sidebar', '.md-nav',
              '.md-footer', '.md-top', '.md-tooltip2', '.md-tooltip'].map(s => [s, shown(s)])),
            h1: shown('article h1'),
            glossary: shown('.dossier-glossary table, article h2[id^="glossary"] ~ * table'),
            cards: shown('.dossier-quotes li'),
            h2_after: h2 && h2.breakAfter,
            card_inside: card && card.breakInside,
            ext: getComputedStyle(document.getElementById('ext'), '::after').content,
            int: getComputedStyle(document.getElementById('int'), '::after').content,
          };
        }"""
    )
    assert seen["chrome"] == dict.fromkeys(seen["chrome"], 0), f"chrome left in print: {seen['chrome']}"
    assert seen["h1"] == 1
    assert seen["h2_after"] == "avoid", "a heading may be left alone at the foot of a page"
    assert seen["ext"] == '" (https://example.org/report)"', "a link to the web prints its address"
    assert seen["int"] in ("none", "normal"), f"a link inside the dossier prints no address, not {seen['int']}"
    dark = tab.page.evaluate(
        """() => { document.body.setAttribute('data-md-color-scheme', 'slate');
                   const p = getComputedStyle(document.querySelector('article p.dossier-p, article p:not([class])'));
                   return [getComputedStyle(document.body).backgroundColor, p.color]; }"""
    )
    assert dark == ["rgb(255, 255, 255)", "rgb(0, 0, 0)"], f"the dark scheme prints as {dark}, not black on white"
    entities = visible_entities(export)
    if any(e in entities for e in article.get("entities", [])):
        assert seen["glossary"] >= 1, "the glossary table prints"
    if any(q["article"] == article["id"] and q["kind"] == "full" for q in export["quotes"]):
        assert seen["cards"] >= 1, "the quote cards print"
        assert seen["card_inside"] == "avoid", "a quote card may be split across pages"


# ---------------------------------------------------------------------------------------
# Accessibility: axe-core (package-lock.json) on the reader's main pages, in both schemes


def _a11y_pages(export: dict[str, Any]) -> dict[str, str | None]:
    entities = visible_entities(export)
    speakers = [q["speaker"] for q in export["quotes"] if q.get("speaker") in entities]
    entity = (
        max(set(speakers), key=lambda e: (speakers.count(e), e)) if speakers
        else min(entities, key=lambda e: (-articles_naming(export, e), e)) if entities
        else None
    )
    return {
        "home": "",
        "article": f"articles/{article_with_most(export)['id']}/",
        "entity": f"entities/{entity}/" if entity else None,
        "quotes": "quotes/",
    }


def _serious(results: dict[str, Any]) -> list[str]:
    found = []
    for violation in results["violations"]:
        if violation.get("impact") not in ("serious", "critical"):
            continue
        nodes = [
            n for n in violation["nodes"]
            if not any((violation["id"], " ".join(map(str, n["target"]))) == known for known in MATERIAL_KNOWN)
        ]
        for node in nodes[:5]:
            found.append(
                f"{violation['impact']} {violation['id']} ({violation['help']}) at {node['target']}: "
                f"{node['html'][:160]!r} {node.get('failureSummary', '').splitlines()[-1:]}"
            )
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", ["home", "article", "entity", "quotes"])
def test_no_serious_accessibility_violation(
    browser: Any, base_url: str, export: dict[str, Any], kind: str, scheme: str
) -> None:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `npm ci` ({SETUP})", pytrace=False)
    path = _a11y_pages(export)[kind]
    if path is None:
        pytest.skip(NO_ENTITIES.format(what="entities"))
    with opened(browser, base_url, scheme) as page_tab:
        page_tab.open(path)
        assert page_tab.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
            "slate" if scheme == "dark" else "default"
        )
        page_tab.page.add_script_tag(path=str(AXE))
        results = page_tab.page.evaluate("() => axe.run(document, { resultTypes: ['violations'] })")
    problems = _serious(results)
    assert not problems, f"/{path} ({scheme}):\n" + "\n".join(problems)


def test_hostile_content_runs_nothing_in_the_browser(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every page of a dossier full of script, markup and link payloads, opened for real:
    no dialog, no script element or handler from content, no request to another host."""
    from tests.test_hostile import build_hostile_site

    project = build_hostile_site(tmp_path_factory.mktemp("hostile-browser"))
    site = project / "site"
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html") if "assets" not in p.parts)
    assert len(pages) > 5
    with serve_site(site) as base, opened(browser, base) as tab:
        dialogs: list[str] = []
        tab.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in pages:
            tab.open("" if path == "." else f"{path}/")
            live = tab.page.evaluate(
                """() => [...document.querySelectorAll('*')].filter(el =>
                    (el.tagName === 'SCRIPT' && el.textContent.includes('XSS')) ||
                    ['IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName) ||
                    [...el.attributes].some(a => a.name.startsWith('on') && a.value.includes('XSS')) ||
                    [...el.attributes].some(a => ['href', 'src'].includes(a.name) &&
                        /^\\s*(javascript|data):/i.test(a.value))
                ).map(el => el.outerHTML.slice(0, 120))"""
            )
            assert live == [], f"/{path}: live content {live}"
        assert dialogs == [], f"dialogs opened: {dialogs}"
        assert tab.outside == [], f"requests to other hosts: {tab.outside}"
