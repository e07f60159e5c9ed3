"""`dossier pdf`: print the built site as PDF briefs, with headless Chromium.

One brief per article (`<out>/articles/<slug>.pdf`) and the whole dossier
(`<out>/dossier.pdf`: cover, contents, overview, the articles, who's who, quotes, and the
timeline, sources and discrepancies pages when the site has them), on A4 or Letter paper.

The built site is served on an ephemeral 127.0.0.1 port from a thread (Material's
instant navigation needs http, and nothing is fetched from anywhere else) and printed by
the system's Chromium, driven by Playwright; `print.css` (builder/site/theme/stylesheets) does the layout.
Each part is printed once, with Chromium's header and footer templates: a running header
with the dossier's title and the part's title, and a footer naming the part's source (the
article's `.dossier-meta` line). The page numbers ("Page n of N") are a Chromium footer
template too, printed on blank pages and stamped over the parts with pypdf, so that a
brief is numbered 1..n and the whole dossier straight through 1..N.

Links inside the dossier lose their address before printing (it would be the temporary
local server's); links to the web keep theirs, which print.css also prints after them.
The output is written aside and swapped in whole (builder.write.publish_dir).
"""
from __future__ import annotations

import datetime as dt
import functools
import html
import http.server
import io
import json
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder.errors import DossierError
from builder.write import publish_dir

if TYPE_CHECKING:  # only for type checkers: playwright is imported when a PDF is printed
    from playwright.sync_api import Browser, Page

# what `dossier pdf` needs beyond a plain install: the package's [pdf] extra
INSTALL_PDF = "pip install 'briefing-dossier[pdf]' (or, in a checkout, pip install '.[pdf]')"
PAPERS: dict[str, tuple[float, float]] = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0)}  # points
CSS_SIZE = {"A4": "A4", "Letter": "letter"}
MARGIN = {"top": "20mm", "right": "16mm", "bottom": "18mm", "left": "16mm"}  # as in print.css
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Nothing leaves the machine: no background traffic, and no host name resolves but the
# local server's (the printer's route handler also aborts every request beyond the site).
CHROMIUM_ARGS = (
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--no-pings",
    "--dns-prefetch-disable",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)
# The dossier-wide pages printed after the articles, each when the site has it.
SECTIONS = (
    ("Who's who", "entities/"),
    ("Quotes", "quotes/"),
    ("Timeline", "timeline/"),
    ("Sources", "sources/"),
    ("Discrepancies", "discrepancies/"),
)
_FONT = "-apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif"  # Material's, font: false
_TIMEOUT_MS = 30_000


def paper(value: str) -> str:
    """`A4` or `Letter`, in any case (for argparse)."""
    for name in PAPERS:
        if value.lower() == name.lower():
            return name
    raise ValueError(value)




# ---------------------------------------------------------------------------------------
# Chromium and the local server (the browser tests use these too)


def find_chromium(explicit: str | None = None) -> str:
    """The Chromium-family browser to print with: --chromium, $DOSSIER_CHROMIUM, or on PATH."""
    for wanted in (explicit, os.environ.get("DOSSIER_CHROMIUM")):
        if wanted:
            found = shutil.which(wanted)
            if found is None:
                raise DossierError(f"{wanted}: no such Chromium executable")
            return found
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise DossierError(
        "Chromium is not installed (looked for " + ", ".join(BROWSERS) + "): "
        "run scripts/setup-system.sh (apt-get install chromium), or set DOSSIER_CHROMIUM"
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the stdlib's name)
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


@contextmanager
def serve_site(site: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 at an ephemeral port from a thread; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site.resolve()))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="dossier-site", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def chromium_sandbox(root: bool | None = None) -> bool:
    """Whether Chromium runs in its sandbox: always, but as root, where Chromium refuses
    to start in it (Playwright then passes --no-sandbox)."""
    if root is None:
        root = hasattr(os, "geteuid") and os.geteuid() == 0
    return not root


@contextmanager
def launch_chromium(executable: str | None = None) -> Iterator[Browser]:
    """Headless Chromium (the system's: Playwright downloads no browser), closed on exit.

    Sandboxed but as root. Where the system cannot give a sandbox to a user either (a
    container without user namespaces), it starts without one and says so on stderr;
    the pages it prints run no script and reach nothing beyond the local site anyway."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise DossierError(f"the Python package playwright is not installed: {INSTALL_PDF}") from None
    path = find_chromium(executable)
    sandbox = chromium_sandbox()
    with sync_playwright() as pw:
        try:
            try:
                browser = pw.chromium.launch(executable_path=path, args=list(CHROMIUM_ARGS), headless=True,
                                             chromium_sandbox=sandbox)
            except Error as err:
                if not sandbox or "sandbox" not in str(err).lower():
                    raise
                print(f"warning: {path} has no usable sandbox here; printing without it", file=sys.stderr)
                browser = pw.chromium.launch(executable_path=path, args=list(CHROMIUM_ARGS), headless=True,
                                             chromium_sandbox=False)
        except Error as err:
            raise DossierError(f"{path} did not start: {_first_line(err)}") from None
        try:
            yield browser
        finally:
            browser.close()


def _first_line(err: BaseException) -> str:
    lines = [line.strip() for line in str(err).splitlines() if line.strip() and not line.startswith("=")]
    return lines[0] if lines else type(err).__name__


# ---------------------------------------------------------------------------------------
# The site


@dataclass(frozen=True)
class SiteInfo:
    title: str
    articles: list[dict[str, Any]]  # from dossier.json, in the site's order
    entities: int
    quotes: int
    sections: list[tuple[str, str]]  # (title, path) of the dossier-wide pages after the articles


def read_site(site: Path) -> SiteInfo:
    """What the built site holds; a clear error when it has not been built."""
    if not (site / "index.html").is_file():
        raise DossierError(
            f"{site}/index.html: the site has not been built; run `dossier build --site {site}` (or make site) first"
        )
    export = site / "dossier.json"
    try:
        data = json.loads(export.read_text(encoding="utf-8"))
        articles = list(data["articles"])
        title = str(data.get("title") or "Briefing dossier")
    except FileNotFoundError:
        raise DossierError(f"{export}: missing; rebuild the site with `dossier build --site {site}`") from None
    except (ValueError, KeyError, TypeError):
        raise DossierError(f"{export}: not a dossier export; rebuild the site with `dossier build --site {site}`") from None
    for article in articles:
        page = site / "articles" / str(article.get("id")) / "index.html"
        if not page.is_file():
            raise DossierError(f"{page}: missing; the site is out of date, rebuild it with `dossier build --site {site}`")
    articles.sort(key=_article_order)
    sections = [(name, path) for name, path in SECTIONS if (site / path / "index.html").is_file()]
    return SiteInfo(title, articles, len(data.get("entities") or []), len(data.get("quotes") or []), sections)


def _article_order(article: dict[str, Any]) -> tuple[int, str, str]:
    """As the home page lists them (builder.render.context.article_order): newest first."""
    try:
        date = dt.date.fromisoformat(article.get("date") or "")
    except ValueError:
        date = dt.date.min
    return (-date.toordinal(), str(article.get("title", "")).lower(), str(article.get("id")))


# ---------------------------------------------------------------------------------------
# Printing

_PREPARE = """(size) => {
  const style = document.createElement('style');
  style.textContent = '@page { size: ' + size + '; }';
  document.head.appendChild(style);
  for (const a of document.querySelectorAll('a[href]')) {
    const url = new URL(a.getAttribute('href'), location.href);
    if (url.origin === location.origin) {
      a.removeAttribute('href');   // an address on the temporary local server: print the text only
      a.removeAttribute('title');
    } else {
      a.setAttribute('rel', ((a.getAttribute('rel') || '') + ' external').trim());  // print.css prints its address
      if (a.textContent.trim() === a.href || a.textContent.trim() === a.getAttribute('href')) {
        a.classList.add('dossier-url');  // unless it already shows it
      }
    }
  }
  const h1 = document.querySelector('article h1, .md-content h1');
  const meta = document.querySelector('.dossier-meta');
  let description = null;
  if (h1) {
    for (let p = h1.nextElementSibling; p && p.tagName === 'P'; p = p.nextElementSibling) {
      if (!p.querySelector('a')) { description = p.innerText.trim(); break; }
    }
  }
  return {
    h1: h1 ? h1.innerText.trim() : null,
    meta: meta ? meta.innerText.replace(/\\s+/g, ' ').trim() : null,
    description: description,
  };
}"""


@dataclass
class Part:
    title: str  # in the contents, the outline and the running header
    source: str  # the footer's left-hand side
    pdf: bytes = b""
    pages: int = 0
    group: str | None = None  # "Articles" for the articles
    number_from: int = 1  # the first page's number in the whole dossier


def _template(left: str, right: str, rule: str, left_flex: str, right_flex: str) -> str:
    """A header or footer: the page's text width (Chromium lays it over the whole page width)."""
    cell = "white-space:nowrap;overflow:hidden;text-overflow:ellipsis;min-width:0"
    return (
        f'<div style="box-sizing:border-box;width:100%;padding:0 {MARGIN["right"]} 0 {MARGIN["left"]};'
        f'font-family:{_FONT};font-size:7.5pt;color:#444;-webkit-print-color-adjust:exact">'
        f'<div style="display:flex;justify-content:space-between;gap:8mm;{rule}">'
        f'<span style="{cell};{left_flex}">{left}</span>'
        f'<span style="{cell};text-align:right;{right_flex}">{right}</span></div></div>'
    )


def header_template(dossier_title: str, part_title: str) -> str:
    """The dossier's title on the left, in full up to 60 % of the width; the part's title on the right."""
    return _template(
        html.escape(dossier_title), html.escape(part_title), "padding-bottom:1mm;border-bottom:0.5pt solid #bbb",
        "flex:0 1 auto;max-width:60%", "flex:1 1 0",
    )


def footer_template(source: str, numbers: bool) -> str:
    """The part's source on the left; "Page n of N" on the right (or room for it, stamped later)."""
    right = 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>' if numbers else ""
    return _template(html.escape(source), right, "padding-top:1mm", "flex:1 1 auto", "flex:0 0 auto;width:26mm")


def _local_only(base: str, route: Any) -> None:
    """Let requests to the local site through; answer a page's move elsewhere (a meta
    refresh, say) with 204 No Content, so that it stays; abort everything else."""
    request = route.request
    if request.url.startswith(base):
        route.continue_()
    elif request.is_navigation_request() and request.frame.parent_frame is None:
        route.fulfill(status=204)
    else:
        route.abort("blockedbyclient")


class Printer:
    """One browser tab that prints pages of the served site, or HTML of its own."""

    def __init__(self, browser: Browser, base: str, paper_name: str, dossier_title: str) -> None:
        # The pages print as the server sends them: no script of theirs runs (the layout is
        # print.css's), and no request goes beyond the local site.
        self.context = browser.new_context(java_script_enabled=False, service_workers="block")
        self.context.route("**/*", functools.partial(_local_only, base))
        self.page: Page = self.context.new_page()
        self.page.set_default_timeout(_TIMEOUT_MS)
        self.base = base
        self.paper = paper_name
        self.dossier_title = dossier_title
        self._numbers: dict[int, bytes] = {}

    def load(self, path: str) -> dict[str, Any]:
        """Open a page of the site and make it ready to print; returns its h1, meta line and intro."""
        from playwright.sync_api import Error

        url = self.base + path
        try:
            response = self.page.goto(url, wait_until="load")
            if response is None or not response.ok:
                raise DossierError(f"{path or '/'}: the site answered {response.status if response else 'nothing'}")
            info: dict[str, Any] = self.page.evaluate(_PREPARE, CSS_SIZE[self.paper])
            self.page.evaluate("document.fonts.ready.then(() => true)")
        except Error as err:
            raise DossierError(f"printing {url} failed: {_first_line(err)}") from None
        return info

    def load_html(self, text: str) -> None:
        self.page.set_content(text, wait_until="load")

    def pdf(self, header: str | None, footer: str | None, background: bool = True) -> bytes:
        """The open page as PDF; with no header and footer, none are printed."""
        from playwright.sync_api import Error

        try:
            return self.page.pdf(
                format=self.paper,
                prefer_css_page_size=True,
                print_background=background,
                margin=MARGIN,  # type: ignore[arg-type]  # a plain dict of the PdfMargins keys
                display_header_footer=header is not None or footer is not None,
                header_template=header or "<span></span>",
                footer_template=footer or "<span></span>",
                outline=True,
                tagged=True,
            )
        except Error as err:
            raise DossierError(f"printing {self.page.url} failed: {_first_line(err)}") from None

    def numbers(self, count: int) -> bytes:
        """`count` blank pages that carry only the footer's "Page n of count"."""
        if count not in self._numbers:
            pages = '<div style="break-after:page">&nbsp;</div>' * (count - 1) + "<div>&nbsp;</div>"
            # transparent pages: no background, so that they can be stamped over the parts
            self.load_html(_html_document("Page numbers", pages, self.paper, "html { background: none; }"))
            pdf = self.pdf(header="<span></span>", footer=footer_template("", numbers=True), background=False)
            if _page_count(pdf) != count:
                raise DossierError(f"printing page numbers gave {_page_count(pdf)} pages, not {count}")
            self._numbers[count] = pdf
        return self._numbers[count]


def _html_document(title: str, body: str, paper_name: str, css: str) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
@page {{ size: {CSS_SIZE[paper_name]}; margin: {MARGIN["top"]} {MARGIN["right"]} {MARGIN["bottom"]} {MARGIN["left"]}; }}
html {{ font-family: {_FONT}; color: #000; background: #fff; }}
body {{ margin: 0; }}
{css}
</style></head><body>{body}</body></html>"""


_COVER_CSS = """
.cover { display: flex; flex-direction: column; justify-content: center; min-height: 230mm; }
.cover .kind { font-size: 11pt; letter-spacing: 0.12em; text-transform: uppercase; color: #555; }
.cover h1 { font-size: 28pt; font-weight: 400; line-height: 1.2; margin: 0.3em 0 0.6em; }
.cover p { font-size: 12pt; line-height: 1.5; max-width: 150mm; }
.cover .facts { margin-top: 2em; font-size: 11pt; color: #333; }
"""
_CONTENTS_CSS = """
h1 { font-size: 20pt; font-weight: 400; margin: 0 0 1em; }
ol { list-style: none; margin: 0; padding: 0; font-size: 11pt; line-height: 1.45; }
li { margin: 0 0 0.35em; break-inside: avoid; }
li.group { break-inside: auto; }  /* the articles go on over a page break, entry by entry */
.group-title { break-after: avoid; }
ol ol { margin: 0.3em 0 0.6em 1.4em; font-size: 10.5pt; }
.entry { display: flex; align-items: baseline; gap: 0.4em; }
.entry .t { flex: 0 1 auto; }
.entry .dots { flex: 1 1 auto; border-bottom: 1pt dotted #888; min-width: 2em; }
.entry .n { flex: 0 0 auto; }
.sub { color: #555; font-size: 9.5pt; }
"""


def _cover(info: SiteInfo, description: str | None, paper_name: str) -> str:
    dates = sorted(a["date"] for a in info.articles if a.get("date"))
    facts = [
        f"{len(info.articles)} article{'s' if len(info.articles) != 1 else ''}",
        f"{info.entities} entit{'ies' if info.entities != 1 else 'y'}",
        f"{info.quotes} quote{'s' if info.quotes != 1 else ''}",
    ]
    span = ""
    if dates:
        first, last = (_human(d) for d in (dates[0], dates[-1]))
        span = f"<br>Articles dated {html.escape(first)}" + (f" to {html.escape(last)}" if last != first else "")
    body = (
        '<section class="cover"><div class="kind">Briefing dossier</div>'
        f"<h1>{html.escape(info.title)}</h1>"
        + (f"<p>{html.escape(description)}</p>" if description else "")
        + f'<div class="facts">{" · ".join(facts)}{span}</div></section>'
    )
    return _html_document(info.title, body, paper_name, _COVER_CSS)


def _human(iso: str) -> str:
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def _contents(parts: list[Part], paper_name: str, title: str) -> str:
    def entry(text: str, number: int, sub: str = "") -> str:
        extra = f'<div class="sub">{html.escape(sub)}</div>' if sub else ""
        return (
            f'<li><div class="entry"><span class="t">{html.escape(text)}</span><span class="dots"></span>'
            f'<span class="n">{number}</span></div>{extra}</li>'
        )

    items: list[str] = []
    group_open = False
    for part in parts:
        if part.group and not group_open:
            items.append(f'<li class="group"><div class="group-title">{html.escape(part.group)}</div><ol>')
            group_open = True
        elif not part.group and group_open:
            items.append("</ol></li>")
            group_open = False
        items.append(entry(part.title, part.number_from, part.source if part.group else ""))
    if group_open:
        items.append("</ol></li>")
    return _html_document(f"Contents - {title}", f"<h1>Contents</h1><ol>{''.join(items)}</ol>", paper_name, _CONTENTS_CSS)


def _page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def _stamp_numbers(writer: Any, numbers: bytes, skip_first: bool = False) -> None:
    from pypdf import PdfReader

    overlay = PdfReader(io.BytesIO(numbers))
    for index, page in enumerate(writer.pages):
        if index == 0 and skip_first:
            continue
        page.merge_page(overlay.pages[index])


def _brief(part: Part, numbers: bytes, dossier_title: str) -> bytes:
    """One article's brief: its own pages, numbered 1..n."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(part.pdf))
    _stamp_numbers(writer, numbers)
    writer.add_metadata({"/Title": part.title, "/Subject": dossier_title, "/Creator": "dossier pdf"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _whole(cover: bytes, contents: Part, parts: list[Part], numbers: bytes, title: str) -> bytes:
    """The whole dossier: every part in order, numbered through, with an outline."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for pdf in [cover, contents.pdf] + [p.pdf for p in parts]:
        writer.append(PdfReader(io.BytesIO(pdf)), import_outline=False)
    _stamp_numbers(writer, numbers, skip_first=True)
    writer.add_outline_item(title="Contents", page_number=contents.number_from - 1)
    group_item = None
    for part in parts:
        if part.group:
            if group_item is None:
                group_item = writer.add_outline_item(title=part.group, page_number=part.number_from - 1)
            writer.add_outline_item(title=part.title, page_number=part.number_from - 1, parent=group_item)
        else:
            writer.add_outline_item(title=part.title, page_number=part.number_from - 1)
    writer.add_metadata({"/Title": title, "/Subject": "Briefing dossier", "/Creator": "dossier pdf"})
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@dataclass(frozen=True)
class PdfReport:
    briefs: int
    dossier_pages: int
    paper: str
    seconds: float


def print_pdfs(
    site: Path,
    out: Path,
    paper_name: str = "A4",
    chromium: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> PdfReport:
    """Print every article brief and the whole dossier from the built `site` into `out`."""
    started = time.perf_counter()
    if paper_name not in PAPERS:
        raise DossierError(f"{paper_name}: unknown paper size (A4 or Letter)")
    info = read_site(site)
    find_chromium(chromium)  # the clear error first, before anything starts
    try:
        import pypdf  # noqa: F401
    except ImportError:
        raise DossierError(f"the Python package pypdf is not installed: {INSTALL_PDF}") from None
    result: dict[str, int] = {}

    def make(staging: Path) -> None:
        try:
            print_into(staging)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)  # the previous output stays as it was
            raise

    def print_into(staging: Path) -> None:
        (staging / "articles").mkdir(parents=True)
        with serve_site(site) as base, launch_chromium(chromium) as browser:
            printer = Printer(browser, base, paper_name, info.title)
            n_articles = len(info.articles)

            home = printer.load("")
            overview = Part("Overview", f"Overview of the dossier's {n_articles} articles")
            overview.pdf = printer.pdf(header_template(info.title, "Overview"), footer_template(overview.source, False))

            parts: list[Part] = [overview]
            for n, article in enumerate(info.articles, start=1):
                slug = str(article["id"])
                page = printer.load(f"articles/{slug}/")
                title = page.get("h1") or str(article.get("title") or slug)
                # the page's line of metadata: its outlet and address, or the agency it credits and its file
                source = page.get("meta") or " · ".join(
                    str(x) for x in (article.get("outlet"), article.get("url")) if x
                ) or f"file {article.get('file')}"
                part = Part(title, f"Source: {source}", group="Articles")
                part.pdf = printer.pdf(header_template(info.title, title), footer_template(part.source, False))
                part.pages = _page_count(part.pdf)
                brief = _brief(part, printer.numbers(part.pages), info.title)
                (staging / "articles" / f"{slug}.pdf").write_bytes(brief)
                parts.append(part)
                if progress:
                    progress(f"printed {n}/{n_articles}: articles/{slug}.pdf ({part.pages} pages)")

            for name, path in info.sections:
                printer.load(path)
                part = Part(name, f"{name} · from the dossier's {n_articles} articles")
                part.pdf = printer.pdf(header_template(info.title, name), footer_template(part.source, False))
                parts.append(part)

            printer.load_html(_cover(info, home.get("description"), paper_name))
            cover = printer.pdf(None, None)
            cover_pages = _page_count(cover)
            for part in parts:
                part.pages = part.pages or _page_count(part.pdf)

            contents = Part("Contents", f"Contents · {info.title}")
            contents_pages = 1
            for _ in range(4):  # the contents' own length moves every number after it
                contents.number_from = cover_pages + 1
                number = contents.number_from + contents_pages
                for part in parts:
                    part.number_from, number = number, number + part.pages
                printer.load_html(_contents(parts, paper_name, info.title))
                contents.pdf = printer.pdf(header_template(info.title, "Contents"), footer_template(contents.source, False))
                if _page_count(contents.pdf) == contents_pages:
                    break
                contents_pages = _page_count(contents.pdf)
            total = cover_pages + contents_pages + sum(p.pages for p in parts)
            whole = _whole(cover, contents, parts, printer.numbers(total), info.title)
            (staging / "dossier.pdf").write_bytes(whole)
            result["pages"] = total

    out.parent.mkdir(parents=True, exist_ok=True)
    publish_dir(out, make)
    return PdfReport(len(info.articles), result["pages"], paper_name, time.perf_counter() - started)
