"""Script injection, table-driven: every text that comes from input (article files and
their names, front matter, dossier.yml, entities.yml) reaches a page as text, never as
markup, and printing the site runs no script and sends nothing off the machine.

Each vector carries a marker (XSSnn), inside its tag where it has one (class=XSSnn), so
that markup made from input is recognised. Its script, if it ever ran, would call
alert(nn) or load something from the canary (a second 127.0.0.1 server that no page may
reach). One hostile dossier holds every vector; it is built with `--site` and checked:

- statically, in the generated Markdown and the built HTML: no script, handler, frame,
  style or link element and no javascript:/data: address from input, and each vector's
  text shown literally on its page (so `??? danger` or `*[abbr]:` stayed text);
- in headless Chromium: every page opened, six searches (their snippets show payloads)
  and every tooltip (Material draws titles as HTML): no dialog, nothing live in the DOM,
  no request beyond the site;
- in `dossier pdf`: nothing reaches the canary, for the hostile site and for a site whose
  pages carry live scripts and remote resources (a hand-written page may), and no
  printed page was rewritten (PWNED).
"""
from __future__ import annotations

import http.server
import io
import json
import re
import shutil
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import make_project, run_cli

@dataclass(frozen=True)
class Vector:
    id: str  # the marker, XSSnn
    place: str  # where the payload goes (see _project)
    payload: str
    shown: str | None = ""  # the text a reader must see ("" = the payload itself; None = not checked)

    @property
    def text(self) -> str:
        return " ".join((self.payload if self.shown == "" else self.shown or "").split())


VECTORS: list[Vector] = [
    # --- article text (.txt): each payload is a paragraph of its own --------------------------
    Vector("XSS01", "txt", "<script>alert(1)//XSS01</script>"),
    Vector("XSS02", "txt", "Look <img src=x class=XSS02 onerror=alert(2)> here"),
    Vector("XSS03", "txt", "Shape <svg class=XSS03 onload=alert(3)> here"),
    Vector("XSS04", "txt", "Frame <iframe class=XSS04 src=\"javascript:alert(4)\"></iframe> here"),
    Vector("XSS05", "txt", "A [link XSS05](javascript:alert(5)) here"),
    Vector("XSS06", "txt", "[XSS06]: javascript:alert(6)"),
    Vector("XSS07", "txt", "An autolink <javascript:alert(7)//XSS07> here"),
    Vector("XSS08", "txt", "??? danger \"XSS08 details\""),
    Vector("XSS09", "txt", "!!! note \"XSS09 admonition\""),
    Vector("XSS10", "txt", "--8<-- \"XSS10.txt\""),
    Vector("XSS11", "txt", "Attributes XSS11 {: onclick=\"alert(11)\" }"),
    Vector("XSS12", "txt", "*[XSS12]: an abbreviation that hides"),
    Vector("XSS13", "txt", "[^XSS13]: a footnote definition"),
    Vector("XSS14", "txt", "<div markdown=\"1\" onmouseover=\"alert(14)\">XSS14 block</div>"),
    Vector("XSS15", "txt", "Entities &lt;script&gt;alert(15)//XSS15&lt;/script&gt; here"),
    Vector("XSS16", "txt", "Numeric &#60;img src=x class=XSS16 onerror=alert(16)&#62; here"),
    Vector("XSS17", "txt", "Comment <!-- XSS17 --> <script>alert(17)</script>"),
    Vector("XSS18", "txt", "/// details | XSS18 block"),
    Vector("XSS19", "txt", "A link <a href=\"javascript:alert(19)\">XSS19</a> here"),
    Vector("XSS20", "txt", "<object data=\"javascript:alert(20)\"></object> XSS20"),
    Vector("XSS21", "txt", "<style>@import 'http://CANARY/XSS21.css';</style> XSS21"),
    Vector("XSS22", "txt", "An image ![XSS22](http://CANARY/XSS22.png) here"),
    Vector("XSS23", "txt", "<link rel=\"stylesheet\" href=\"http://CANARY/XSS23.css\"> XSS23"),
    Vector("XSS24", "txt", "<math><mtext></table><mglyph><style><img src=x class=XSS24 onerror=alert(24)>"),
    Vector("XSS25", "txt", "Nested <scr<script>ipt>alert(25)//XSS25</script> here"),
    Vector("XSS26", "txt", "Colon [XSS26](javascript&#58;alert(26)) here"),
    Vector("XSS27", "txt", "Data [XSS27](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) here"),
    Vector("XSS28", "txt", "Placeholder \x02wzxhzdk:0\x03 and \x02klzzwxh:60\x03 XSS28", shown=None),
    Vector("XSS29", "txt", "Body <body class=XSS29 onload=alert(29)> here"),
    Vector("XSS30", "txt", "{: #XSS30 onmouseover=\"alert(30)\" }"),
    Vector("XSS31", "txt", "<details open ontoggle=alert(31)>XSS31</details>"),
    Vector("XSS32", "txt", "Refresh <meta http-equiv=\"refresh\" content=\"0;url=http://CANARY/XSS32\"> here"),
    # --- Markdown articles (.md): block constructs over several lines --------------------------
    Vector("XSS33", "md", "XSS33 setext heading\n===", shown="XSS33 setext heading ==="),
    Vector("XSS34", "md", "| XSS34 | <img src=x onerror=alert(34)> |\n| --- | --- |",
           shown="| XSS34 | <img src=x onerror=alert(34)> | | --- | --- |"),
    Vector("XSS35", "md", "## Heading <img src=x class=XSS35 onerror=alert(35)>", shown="Heading <img src=x class=XSS35 onerror=alert(35)>"),
    Vector("XSS36", "md", "    XSS36 indented <script>alert(36)</script>", shown=None),
    Vector("XSS37", "md", "\tXSS37 tabbed <img src=x onerror=alert(37)>", shown=None),
    Vector("XSS38", "md", "<iframe class=XSS38 srcdoc=\"<script>alert(38)</script>\"></iframe>", shown=None),
    Vector("XSS39", "md", "```\nXSS39 <script>alert(39)</script>\n```", shown=None),
    # --- article file names ------------------------------------------------------------------
    Vector("XSS40", "file", "a ---><img src=x class=XSS40 onerror=alert(40)>.txt"),
    Vector("XSS41", "file", "b\n\n<details open class=XSS41 ontoggle=alert(41)>.txt"),
    Vector("XSS42", "file", "c` <details open class=XSS42 ontoggle=alert(42)> `.txt"),
    Vector("XSS64", "file", "e --->\n\n<details open class=XSS64 ontoggle=alert(64)>.txt"),
    Vector("XSS65", "file", "f `\n\n<details open class=XSS65 ontoggle=alert(65)> x.txt"),
    Vector("XSS43", "file", "d XSS43 {: onclick=alert(43) } ??? danger.txt"),
    # --- front matter ------------------------------------------------------------------------
    Vector("XSS44", "title", "Title <img src=x class=XSS44 onerror=alert(44)>"),
    Vector("XSS45", "title", "Title {: onclick=\"alert(45)\" } [XSS45](javascript:alert(45))"),
    Vector("XSS46", "title", "Title \"><script>alert(46)//XSS46</script>"),
    Vector("XSS47", "outlet", "[Outlet XSS47](javascript:alert(47))"),
    Vector("XSS48", "outlet", "Outlet <svg class=XSS48 onload=alert(48)>"),
    Vector("XSS49", "url", "javascript:alert(49)//XSS49"),
    Vector("XSS50", "url", "https://example.org/\"onmouseover=\"alert(50)\"class=\"XSS50"),
    Vector("XSS51", "url", "http://example.org/?q=<script>alert(51)//XSS51</script>"),
    Vector("XSS66", "author", "<img src=x class=XSS66 onerror=alert(66)> Jane Roe"),
    Vector("XSS67", "description", "??? danger \"XSS67\" <script>alert(67)</script>", shown=None),
    Vector("XSS52", "slug", "<script>alert(52)//XSS52</script>", shown=None),
    # --- a saved web page (.html): what its markup says is text stays text -------------------
    Vector("XSS68", "html-head", "<title>Saved page &lt;img src=x class=XSS68 onerror=alert(68)&gt;</title>", shown=None),
    Vector("XSS69", "html-head", "<meta property=\"og:site_name\" content=\"Outlet &lt;svg class=XSS69 onload=alert(69)&gt;\">",
           shown=None),
    Vector("XSS70", "html", "<h1>Saved headline &lt;img src=x class=XSS70 onerror=alert(70)&gt;</h1>",
           shown=None),  # builder.read_html drops tag-like text (its choice): inert either way
    Vector("XSS71", "html", "<p>Paragraph &lt;script&gt;alert(71)//XSS71&lt;/script&gt; as text in the story.</p>",
           shown=None),
    Vector("XSS72", "html", "<p>A <a href=\"javascript:alert(72)\">link XSS72</a> inside the story text.</p>",
           shown="A link XSS72 inside the story text."),
    Vector("XSS73", "html", "<p>An image <img src=x onerror=alert(73)> tag XSS73 inside the story.</p>", shown=None),
    Vector("XSS74", "html", "<p>??? danger \"XSS74 details\"</p>", shown="??? danger \"XSS74 details\""),
    Vector("XSS75", "html", "<p>Handler <b onmouseover=alert(75)>bold XSS75</b> inside the story.</p>",
           shown="Handler bold XSS75 inside the story."),
    # --- quotes, key points, credits ---------------------------------------------------------
    Vector("XSS53", "quote", "<img src=x class=XSS53 onerror=alert(53)> is our answer"),
    Vector("XSS54", "keypoint", "XSS54 point <script>alert(54)</script>"),
    # --- dossier.yml -------------------------------------------------------------------------
    Vector("XSS55", "dossier-title", "Dossier <script>alert(55)//XSS55</script>"),
    Vector("XSS56", "dossier-description", "??? danger \"XSS56\" <img src=x onerror=alert(56)>"),
    Vector("XSS57", "meta-outlet", "<iframe src=\"javascript:alert(57)\"></iframe> XSS57"),
    # --- entities.yml ------------------------------------------------------------------------
    Vector("XSS58", "entity-name-person", "Jane Doe <img src=x class=XSS58 onerror=alert(58)>"),
    Vector("XSS59", "entity-name-place", "[Geneva](javascript:alert(59)//XSS59)"),
    Vector("XSS60", "entity-description", "<script>alert(60)</script> ??? note \"XSS60\""),
    Vector("XSS61", "entity-alias", "Acme <svg class=XSS61 onload=alert(61)>"),
    Vector("XSS62", "entity-link", "https://example.org/\"><script>alert(62)//XSS62</script>"),
    Vector("XSS63", "entity-name-other", "Acme Tooltip \"><img src=x class=XSS63 onerror=alert(63)> --> <!--"),
]

# "CANARY" in a payload stands for the canary server's address (host:port).
# A live script for the PDF step: it calls the canary and rewrites the page.
PWN_JS = "fetch('http://CANARY/pwn-fetch');document.body.innerHTML='PWNED'"


def _canary(payload: str, address: str) -> str:
    return payload.replace("CANARY", address)


def test_there_are_enough_distinct_vectors() -> None:
    assert len({v.id for v in VECTORS}) == len(VECTORS) >= 60
    assert len({v.payload for v in VECTORS}) == len(VECTORS)
    assert all(v.id in v.payload for v in VECTORS)


# ---------------------------------------------------------------------------------------
# The canary: a server on 127.0.0.1 that no page of the site may reach


class _Canary(http.server.BaseHTTPRequestHandler):
    hits: list[str]

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        self.hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    do_POST = do_HEAD = do_GET  # noqa: N815

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@dataclass
class Canary:
    address: str  # host:port
    hits: list[str]


@pytest.fixture(scope="module")
def canary() -> Iterator[Canary]:
    hits: list[str] = []
    handler = type("Handler", (_Canary,), {"hits": hits})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Canary(f"127.0.0.1:{server.server_address[1]}", hits)
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------------------------------
# The hostile dossier

# Two sources that date the same arrival differently: a discrepancy whose heading names
# the entities of entities.yml (Jane Doe, Geneva).
_ARRIVAL = "{title}\n\nJane Doe arrived in Geneva on {day} for talks, {agency} reported.\n\n“We are here to listen,” Jane Doe said.\n"


def _place(place: str) -> list[Vector]:
    return [v for v in VECTORS if v.place == place]


def _project(dest: Path, canary: str) -> Path:
    def c(text: str) -> str:
        return _canary(text, canary)

    articles: dict[str, str] = {
        "body.txt": "Hostile paragraphs\n\n" + "\n\n".join(c(v.payload) for v in _place("txt")) + "\n",
        "body.md": "---\ntitle: Hostile Markdown\n---\n\nFirst paragraph of the Markdown article.\n\n"
        + "\n\nBetween.\n\n".join(c(v.payload) for v in _place("md")) + "\n\nLast paragraph.\n",
        "arrival-a.txt": _ARRIVAL.format(title="Envoy arrives in Geneva", day="Monday", agency="Reuters"),
        "arrival-b.txt": _ARRIVAL.format(title="Talks open in Geneva", day="Tuesday", agency="the Associated Press"),
        "quote.txt": "Minister answers critics\n\nThe minister spoke to reporters in Paris on Friday.\n\n"
        + "".join(f"“{c(v.payload)},” said Jane Doe.\n\n" for v in _place("quote")),
        "points.txt": "Briefing with key points\n\n" + "".join(f"- {c(v.payload)}\n" for v in _place("keypoint"))
        + "- A second point about the talks\n\nThe talks went on for hours in Paris.\n",
    }
    for v in _place("file"):
        articles[c(v.payload)] = f"Article named {v.id}\n\nA plain story body for {v.id}.\n"
    articles["saved.html"] = (
        "<!doctype html><html><head>" + "".join(v.payload for v in _place("html-head")) + "</head><body><article>"
        + "".join(v.payload for v in _place("html"))
        + "<p>The delegates met in Paris on Friday and talked for hours about the wording of the text.</p>"
        + "<p>Nothing was agreed, and the talks will go on next week, the organisers said.</p>"
        + "</article></body></html>\n"
    )
    fronts = list(zip(_place("title"), _place("outlet") + [None], _place("url"), _place("author") + [None, None],
                      _place("description") + [None, None], strict=False))
    for n, (title, outlet, url, author, description) in enumerate(fronts):
        head = {"title": c(title.payload), "url": c(url.payload)}
        for key, extra in (("outlet", outlet), ("author", author), ("description", description)):
            if extra:
                head[key] = c(extra.payload)
        lines = "".join(f"{k}: {json.dumps(v)}\n" for k, v in head.items())
        articles[f"front-{n}.md"] = f"---\n{lines}---\n\nA story with hostile front matter number {n}.\n"
    for n, v in enumerate(_place("slug")):
        articles[f"slug-{n}.md"] = f"---\ntitle: Slugged {n}\nslug: {json.dumps(v.payload)}\n---\n\nBody.\n"
    (meta_outlet,) = _place("meta-outlet")
    (title,) = _place("dossier-title")
    (description,) = _place("dossier-description")
    dossier_yml = (
        f"title: {json.dumps(c(title.payload))}\ndescription: {json.dumps(c(description.payload))}\n"
        "articles:\n"
        "  arrival-a.txt:\n    date: 2024-03-06\n"
        f"    outlet: {json.dumps(c(meta_outlet.payload))}\n"
        "  arrival-b.txt:\n    date: 2024-03-06\n"
    )
    project = make_project(dest, articles, dossier_yml=dossier_yml)
    (person,), (place,), (other,) = _place("entity-name-person"), _place("entity-name-place"), _place("entity-name-other")
    (described,), (alias,), (link,) = _place("entity-description"), _place("entity-alias"), _place("entity-link")
    entities = [
        {"name": person.payload, "type": "person", "aliases": ["Jane Doe"], "description": described.payload,
         "links": ["https://example.org/jane-doe", link.payload]},
        {"name": place.payload, "type": "place", "aliases": ["Geneva"]},
        {"name": other.payload, "type": "org", "aliases": [alias.payload], "description": "An entry that matches nothing."},
    ]
    (project / "dossier" / "entities.yml").write_text(json.dumps(entities, indent=1), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, canary: Canary) -> Path:
    project = _project(tmp_path_factory.mktemp("inject"), canary.address)
    done = run_cli(project, "build", "--site", "site", "--quiet", "--no-cache")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return project


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts and p.name != "404.html")


# ---------------------------------------------------------------------------------------
# (a) static: the generated Markdown and the built HTML


class _Html(HTMLParser):
    """Elements, attributes, comments and visible text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.raw_text: dict[str, list[str]] = {"script": [], "style": []}
        self.text: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag in {"script", "style", "title"}:
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        where = self._stack[-1] if self._stack else None
        if where in self.raw_text:
            self.raw_text[where].append(data)
        elif where is None:
            self.text.append(data)


_BAD_SCHEME = re.compile(r"^\s*(?:javascript|data|vbscript)\s*:", re.IGNORECASE)
_URL_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc", "poster", "background", "srcset"}
_NEVER = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "math"}
_MARKER = re.compile(r"XSS\d\d|PWNED")
# attributes where text from input is expected, as text (tooltips, the page description)
_TEXT_ATTRS = {"title", "content", "aria-label", "alt"}


def _problems(page: Path, root: Path, canary: str) -> list[str]:
    parsed = _Html()
    parsed.feed(page.read_text(encoding="utf-8"))
    where = page.relative_to(root).as_posix()
    out = []
    for tag, attrs in parsed.tags:
        if tag in _NEVER:
            out.append(f"{where}: <{tag}> element")
        if tag in {"script", "style", "link", "img", "svg"} and any(_MARKER.search(v) or canary in v for v in attrs.values()):
            out.append(f"{where}: <{tag} {attrs}> from input")
        for name, value in attrs.items():
            if name.startswith("on"):
                out.append(f"{where}: <{tag} {name}={value!r}>")
            if name in _URL_ATTRS and (_BAD_SCHEME.match(value) or canary in value):
                out.append(f"{where}: <{tag} {name}={value!r}>")
            web = name == "href" and value.startswith(("https://", "http://"))  # a link to the web, as given
            if name not in _TEXT_ATTRS and not web and _MARKER.search(value):
                out.append(f"{where}: <{tag} {name}={value!r}> carries input")
            if name == "http-equiv" and value.lower() == "refresh":
                out.append(f"{where}: <meta http-equiv=refresh>")
    for kind, texts in parsed.raw_text.items():
        if any(_MARKER.search(t) for t in texts):
            out.append(f"{where}: input inside <{kind}>")
    return out


def _page_text(page: Path) -> str:
    parsed = _Html()
    parsed.feed(page.read_text(encoding="utf-8"))
    return " ".join("".join(parsed.text).split())


def test_the_built_html_has_nothing_live_from_input(hostile: Path, canary: Canary) -> None:
    pages = _pages(hostile / "site")
    assert len(pages) > 10
    problems = [p for page in pages for p in _problems(page, hostile / "site", canary.address)]
    assert problems == [], "\n".join(problems)


def _pages_of(vector: Vector, site: Path, canary: str) -> list[Path]:
    """The pages where a vector's text must show: its article's, its entity's (and the
    discrepancy that names it), or home."""
    export = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    n = _place(vector.place).index(vector)
    files = {"txt": "body.txt", "md": "body.md", "quote": "quote.txt", "keypoint": "points.txt",
             "meta-outlet": "arrival-a.txt", "file": _canary(vector.payload, canary),
             "title": f"front-{n}.md", "outlet": f"front-{n}.md", "url": f"front-{n}.md",
             "author": f"front-{n}.md", "description": f"front-{n}.md", "html": "saved.html"}
    if vector.place in files:
        (article,) = [a for a in export["articles"] if a["file"] == files[vector.place]]
        return [site / "articles" / article["id"] / "index.html"]
    if vector.place.startswith("dossier-"):
        return [site / "index.html"]
    owner = {"entity-description": "entity-name-person", "entity-link": "entity-name-person",
             "entity-alias": "entity-name-other"}.get(vector.place, vector.place)
    (entity,) = [e for e in export["entities"] if e["name"] == _place(owner)[0].payload]
    named = [site / "discrepancies" / "index.html"] if vector.place in {"entity-name-person", "entity-name-place"} else []
    return [site / "entities" / entity["id"] / "index.html", *named]


@pytest.mark.parametrize("vector", [v for v in VECTORS if v.shown is not None], ids=lambda v: v.id)
def test_each_vector_is_shown_as_text_on_its_page(hostile: Path, canary: Canary, vector: Vector) -> None:
    """The payload as the reader wrote it: a construct that turned into markup would lose text."""
    wanted = _canary(vector.text, canary.address)
    if vector.place == "file":
        wanted = "dossier/articles/" + wanted
    for page in _pages_of(vector, hostile / "site", canary.address):
        assert wanted in _page_text(page), f"{vector.id}: {wanted!r} not shown as text on {page}"


def test_the_generated_markdown_keeps_input_out_of_markup(hostile: Path) -> None:
    """In docs/: no raw tag from input, and the comments that name a source stay one comment."""
    for page in sorted((hostile / "docs").rglob("*.md")):
        if page.name == "about.md":
            continue
        text = page.read_text(encoding="utf-8")
        where = page.relative_to(hostile).as_posix()
        text = re.sub(r"(?<!\\)(`+).+?(?<!`)\1(?!`)", "", text)  # code spans show their text as it is
        text = re.sub(r'<svg class="dossier-graph" .*?</svg>', "", text, flags=re.S)  # the builder's own graph
        assert not re.search(r"(?<!\\)<(?:script|img|svg|iframe|object|style|link|math|details|body|meta)\b", text, re.I), where
        for comment in re.findall(r"<!--(.*?)-->", text, re.S):
            assert "\n" not in comment and "<" not in comment and "--" not in comment, (where, comment)
        assert "\x02" not in text and "\x03" not in text, where


@pytest.mark.parametrize(
    ("link", "refused"),
    [
        ("javascript:alert(1)", True),
        ("JavaScript:alert(1)", True),
        ("data:text/html;base64,PHNjcmlwdD4=", True),
        ("vbscript:msgbox(1)", True),
        ("//evil.example/x", True),
        ("https://example.org/ok", False),
        ("http://example.org/ok", False),
        ("about/", False),
        ("../about/#team", False),
    ],
)
def test_entity_links_allow_only_web_and_relative_addresses(tmp_path: Path, link: str, refused: bool) -> None:
    project = make_project(tmp_path / "p", {"a.txt": "Headline\n\nBody.\n"})
    (project / "dossier" / "entities.yml").write_text(f"- name: Jane Doe\n  links: [{json.dumps(link)}]\n")
    done = run_cli(project, "build", "--no-cache")
    assert "Traceback" not in done.stderr
    assert done.returncode == (2 if refused else 0), done.stderr
    if refused:
        assert "field 'links'" in done.stderr


def test_the_escaping_functions() -> None:
    from builder.render import markdown as md

    assert md.comment("a ---> b <!-- c\n\nd--!>") == "a - - -&gt; b &lt;!- - c d- -!&gt;"
    assert "\x02" not in md.text("a\x02wzxhzdk:0\x03b") and "\x03" not in md.inline("\x03")
    assert md.url("javascript:alert(1)") is None and md.url(" JAVASCRIPT:x") is None
    assert md.url("data:text/html,x") is None and md.url("//evil.example") is None
    assert md.url("https://example.org/a b") == "https://example.org/a%20b"
    assert md.url("https://example.org/\"><x") == "https://example.org/%22%3E%3Cx"
    assert md.url("../about/") == "../about/"
    assert md.html("<b>&\"") == "&lt;b&gt;&amp;&quot;"
    assert md.code("a `b` c") == "`` a `b` c ``"
    assert md.text("??? danger") == "\\?\\?\\? danger"
    # a link title: escaped for the tooltip Material draws as HTML, then for the attribute
    assert md.attr("Jane <b> & \"O'Doe\"") == "Jane &amp;lt;b&amp;gt; &amp;amp; &quot;O&#39;Doe&quot;"


# ---------------------------------------------------------------------------------------
# (b) in a real browser: every page opened, no dialog, no request beyond the site


_AUDIT = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) found.push(el.tagName + ' ' + a.name);
    }
  }
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    if (/^\\s*(javascript|data|vbscript):/i.test(a.getAttribute('href'))) found.push('href ' + a.getAttribute('href'));
  }
  for (const el of document.querySelectorAll('iframe, object, embed, frame, base')) found.push(el.tagName);
  if (document.body.innerText.includes('PWNED')) found.push('rewritten');
  return found;
}"""
SEARCHES = ["look", "frame", "title", "jane", "acme", "heading"]  # words next to payloads


@dataclass
class Browsed:
    """What happened while a reader used the hostile site: what was found live on each page
    (after loading it, after each search, after hovering each tooltip), the dialogs that
    opened and the requests that tried to leave the site."""

    pages: int = 0
    live: list[str] = field(default_factory=list)
    searches: dict[str, int] = field(default_factory=dict)  # query -> results shown
    tooltips: int = 0
    dialogs: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)


def _browse(site: Path, tooltip_page: str) -> Browsed:
    from builder.pdf import launch_chromium, serve_site

    seen = Browsed()
    with serve_site(site) as base, launch_chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900})

        def route(route: Any) -> None:
            if route.request.url.startswith(base):
                route.continue_()
            else:
                seen.outside.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on("dialog", lambda d: (seen.dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))

        def visit(path: str, what: str = "") -> None:
            page.goto(base + path, wait_until="load")
            page.wait_for_timeout(50)  # onerror and ontoggle fire right after load
            audit(what)

        def audit(what: str) -> None:
            seen.live += [f"{page.url}{what}: {x}" for x in page.evaluate(_AUDIT)]

        for path in _pages(site):
            visit(path.relative_to(site).as_posix().removesuffix("index.html"))
            seen.pages += 1
        visit("")
        for query in SEARCHES:  # search shows snippets of the pages' text: the payloads
            box = page.locator("input.md-search__input")
            box.click()
            box.fill("")
            box.press_sequentially(query, delay=20)
            page.locator(".md-search-result__item").first.wait_for()
            page.wait_for_timeout(300)
            seen.searches[query] = page.locator(".md-search-result__item").count()
            audit(f" (searching {query!r})")
        # Material draws a link's title as its tooltip: entity names from entities.yml are
        # in them. Handles, not a locator: Material moves a title into its tooltip.
        visit(tooltip_page)
        for link in page.query_selector_all("article a[title]"):
            if link.is_visible():
                link.hover(force=True)  # a tooltip may lie over the next link
                page.wait_for_timeout(100)
                seen.tooltips += 1
                audit(" (tooltip)")
        context.close()
    return seen


@pytest.fixture(scope="module")
def browsed(hostile: Path) -> Browsed:
    """The hostile site browsed in a thread of its own (Playwright's sync API runs one
    browser per thread, and the other browser tests may hold this one's)."""
    export = json.loads((hostile / "site" / "dossier.json").read_text(encoding="utf-8"))
    (article,) = [a for a in export["articles"] if a["file"] == "arrival-a.txt"]
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(_browse, hostile / "site", f"articles/{article['id']}/").result()


def test_no_page_runs_a_script_in_a_browser(hostile: Path, canary: Canary, browsed: Browsed) -> None:
    assert browsed.pages == len(_pages(hostile / "site"))
    assert browsed.dialogs == [], "\n".join(browsed.dialogs)
    assert browsed.outside == [], "\n".join(browsed.outside)
    assert browsed.live == [], "\n".join(browsed.live)
    assert canary.hits == []


def test_search_results_and_tooltips_show_payloads_as_text(browsed: Browsed) -> None:
    assert all(browsed.searches[q] > 0 for q in SEARCHES), browsed.searches
    assert browsed.tooltips >= 2
    assert not [x for x in browsed.live if "searching" in x or "tooltip" in x]


# ---------------------------------------------------------------------------------------
# (c) `dossier pdf`: no script, no request beyond the site


def _pdf_text(pdf: Path) -> str:
    from pypdf import PdfReader

    return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages)


def test_printing_the_hostile_site_runs_nothing(hostile: Path, canary: Canary, tmp_path: Path) -> None:
    canary.hits.clear()
    done = run_cli(hostile, "pdf", "--site", "site", "--out", str(tmp_path / "pdf"))
    assert done.returncode == 0, done.stderr
    assert canary.hits == []
    assert "PWNED" not in _pdf_text(tmp_path / "pdf" / "dossier.pdf")


# What a hand-written page (docs/about.md may hold any HTML) or a hole in the escaping
# could put in a page: scripts that rewrite it and call out, and resources elsewhere.
LIVE = [
    "<script>{js}</script>",
    "<img src=x onerror=\"{js}\">",
    "<img src=\"http://CANARY/pwn-img.png\">",
    "<link rel=\"stylesheet\" href=\"http://CANARY/pwn.css\">",
    "<style>@import url('http://CANARY/pwn-import.css'); body {{ background: url('http://CANARY/pwn-bg.png'); }}</style>",
    "<iframe src=\"http://CANARY/pwn-frame\"></iframe>",
    "<object data=\"http://CANARY/pwn-object\"></object>",
    "<video poster=\"http://CANARY/pwn-poster.png\"></video>",
    "<svg><image href=\"http://CANARY/pwn-svg.png\"/></svg>",
    "<meta http-equiv=\"refresh\" content=\"0;url=http://CANARY/pwn-refresh\">",
]


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("pdfsite"), {
        "a.txt": "Quiet headline one\n\nJane Doe arrived in Geneva on Monday.\n",
        "b.txt": "Quiet headline two\n\nJohn Roe spoke in Paris on Tuesday.\n",
    })
    done = run_cli(project, "build", "--site", "site", "--quiet", "--no-cache")
    assert done.returncode == 0, done.stderr
    return project / "site"


def test_printing_a_site_with_live_scripts_runs_none_and_calls_nowhere(
    small_site: Path, canary: Canary, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(small_site, site)
    js = PWN_JS.replace("CANARY", canary.address)
    payload = "".join(_canary(item.format(js=js), canary.address) for item in LIVE)
    for page in _pages(site):
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("</head>", payload + "</head>", 1).replace("</article>", payload + "</article>", 1),
                        encoding="utf-8")
    canary.hits.clear()
    done = run_cli(tmp_path, "pdf", "--site", "site", "--out", "pdf")
    assert done.returncode == 0, done.stderr
    assert canary.hits == []
    text = _pdf_text(tmp_path / "pdf" / "dossier.pdf")
    assert "PWNED" not in text
    assert "Quiet headline one" in text and "Quiet headline two" in text


@pytest.mark.parametrize(("root", "sandbox"), [(True, False), (False, True)])
def test_the_sandbox_is_off_only_for_root(root: bool, sandbox: bool) -> None:
    from builder.pdf import CHROMIUM_ARGS, chromium_sandbox

    assert "--no-sandbox" not in CHROMIUM_ARGS
    assert chromium_sandbox(root=root) is sandbox
