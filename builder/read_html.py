"""Read one saved web page (.html, .htm): the story without the site around it, and the
metadata the page carries (headline, date, author, outlet, address, description).

The extraction library (trafilatura) finds the story block and reads the page's meta
tags, JSON-LD and visible byline; it is imported only when a dossier holds a page, so
reading text articles never pays for it. What it gives is turned into plain text, one
block a paragraph (cross-headings marked, list items as bullets), and parsed by
`builder.read` like any text article, so the builder's own furniture and credit rules
apply to it too. Nothing of the page's markup survives: every value is text, stripped of
anything that looks like a tag, and an address is kept only when it is http(s).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from builder import wordlists
from builder.errors import DossierError
from builder.model import Article, ArticleMeta
from builder.read import HTML_SUFFIXES, parse_article

if TYPE_CHECKING:
    from lxml.html import HtmlElement

EXTRACTOR = "trafilatura"
# A browser's "Save Page As" (and `dossier add`) writes where the page came from:
# <!-- saved from url=(0029)https://example.org/news/a -->
_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>|<[/!?a-zA-Z][^<>]*(?=<|$)")  # a tag, closed or cut short
_SPACE = re.compile(r"\s+")
_BLOCK_TAGS = {"p", "head", "item", "quote", "list", "table", "row", "cell", "div", "section"}


@dataclass(frozen=True)
class PageText:
    """What a saved page gives: its story as plain-text blocks and its own metadata."""

    blocks: tuple[tuple[str, str], ...]  # (kind, text): kind is "p", "head" or "item"
    meta: ArticleMeta
    captions: frozenset[str] = frozenset()  # the texts of the page's photo captions (<figcaption>)


def is_html(file: str) -> bool:
    return file.lower().endswith(HTML_SUFFIXES)


@cache
def extractor_version() -> str:
    """The extraction library's version, part of a saved page's cache key."""
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return f"{EXTRACTOR} {version(EXTRACTOR)}"
    except PackageNotFoundError:
        return f"{EXTRACTOR} missing"


# --- plain values ---------------------------------------------------------------------


def plain(value: object, limit: int = 500) -> str | None:
    """A metadata value as one line of plain text: tags and control characters removed,
    whitespace collapsed, cut to `limit` characters; None when nothing is left."""
    if not isinstance(value, str):
        return None
    text = _TAG.sub(" ", value)
    text = "".join(c if c.isprintable() else " " for c in text)
    text = _SPACE.sub(" ", text).strip(" |-–—:;,")
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + "…"
    return text or None


def _paragraph(text: str) -> str | None:
    """A block of the story as one line of plain text, its punctuation kept ('Jane Doe
    said:' keeps the colon that introduces the quote after it); None when nothing is left."""
    text = "".join(c if c.isprintable() else " " for c in _TAG.sub(" ", text))
    text = _SPACE.sub(" ", text).strip()
    if len(text) > _PARAGRAPH_CHARS:
        text = text[:_PARAGRAPH_CHARS].rsplit(" ", 1)[0] + "…"
    return text or None


_PARAGRAPH_CHARS = 100_000


def web_address(value: object) -> str | None:
    """An http(s) address with no spaces, quotes or angle brackets; anything else is None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not re.match(r"(?i)^https?://[^\s/?#]+", text) or re.search(r"[\s\"'<>`\\]", text) or len(text) > 2000:
        return None
    return text


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _author(value: object) -> str | None:
    """The byline's names: the library joins several with ';' (sometimes one name twice,
    in different case); a placeholder of the site's template ("Username") is no name."""
    text = plain(value, 200)
    if text is None:
        return None
    names: list[str] = []
    for name in (n.strip() for n in text.split(";")):
        if name and not _placeholder(name) and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    return ", ".join(names) or None


def _placeholder(name: str) -> bool:
    return name.casefold() in wordlists.words("read/placeholder_authors.txt")


def _byline_without_placeholders(tree: HtmlElement) -> str | None:
    """The page's author read again when the library's pick was a placeholder ("Username" of
    a sign-in menu): the library's own byline places, in its order, the first that holds a
    name ("Follow @jdoe" of a social button, which it reads as "Follow", holds none)."""
    from copy import deepcopy  # noqa: PLC0415

    from trafilatura.htmlprocessing import prune_unwanted_nodes  # noqa: PLC0415 - only when a dossier holds a page
    from trafilatura.json_metadata import normalize_authors  # noqa: PLC0415
    from trafilatura.utils import trim  # noqa: PLC0415
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS  # noqa: PLC0415

    subtree = prune_unwanted_nodes(deepcopy(tree), AUTHOR_DISCARD_XPATHS)
    for expression in AUTHOR_XPATHS:
        for element in expression(subtree):
            text = trim(" ".join(element.itertext()))
            if text and 2 < len(text) < 120 and (found := _author(normalize_authors(None, text))):
                return found
    return None


_BY = re.compile(r"^B[yY]\s+")  # "By Jane Doe"; a lower-case "by Acme Ads" is an advert's attribution
_NAME = re.compile(r"(?:[A-Z][a-z'’.-]+|[A-Z]\.)(?:\s+(?:(?:de|van|von|der|da|del|le|la)\s+)?(?:[A-Z][a-z'’.-]+|[A-Z]\.)){1,3}")
_BYLINE_END = re.compile(r"\s*(?:[·•|–—]|\s-\s|\b(?:[Pp]ublished|[Uu]pdated|[Pp]osted)\b).*$")
_SHORT_BYLINE = 120  # characters: a longer element is story, not a byline


def _names_of(text: str) -> str | None:
    """'By Jane Doe and John Roe · Published 2 May' -> 'Jane Doe, John Roe'; None unless every
    part before the first separator reads as a name (two to four capitalised words)."""
    text = _BYLINE_END.sub("", _SPACE.sub(" ", text).strip())
    parts = [p.strip() for p in re.split(r",|\band\b|&", _BY.sub("", text)) if p.strip()]
    if not parts or any(not _NAME.fullmatch(p) for p in parts):
        return None
    return _author(";".join(parts))


def _byline_place(element: HtmlElement) -> bool:
    values = " ".join(v for k, v in element.attrib.items() if k in ("class", "id") or k.startswith("data-"))
    return bool(set(_NAME_WORD.findall(values.lower())) & wordlists.words("read/byline_places.txt"))


def _visible_byline(tree: HtmlElement) -> str | None:
    """The byline the page shows when its metadata names no author: in an element named a
    byline place (builder/data/read/byline_places.txt), the first piece of text that reads
    as names; else a short element whose whole text is 'By Jane Doe' (a separator and a date
    may follow)."""
    body = tree.find("body")
    if body is None:
        return None
    for element in body.iter():
        if isinstance(element.tag, str) and _byline_place(element):
            for piece in (element.text_content(), *element.itertext()):  # "By <a>Jane Doe</a> and <a>John Roe</a>"
                if len(piece) <= _SHORT_BYLINE and (found := _names_of(piece)):
                    return found
    for element in body.iter("p", "div", "span", "address"):
        text = _SPACE.sub(" ", element.text_content()).strip()
        if _BY.match(text) and len(text) <= _SHORT_BYLINE and (found := _names_of(text)):
            return found
    return None


# --- the page ---------------------------------------------------------------------------


def _tree(data: bytes) -> HtmlElement | None:
    from trafilatura.utils import load_html  # noqa: PLC0415 - only when a dossier holds a page

    try:
        return load_html(data)
    except Exception:  # noqa: BLE001 - whatever a broken page makes the parser raise, it holds no story
        return None


_NAME_WORD = re.compile(r"[a-z]+|\d+")
_STORY_TAGS = {"article", "main", "h1"}


def _holds_story(element: HtmlElement) -> bool:
    """Whether an element holds the story's frame: the headline, an <article> or <main>,
    or what the page marks as the article's body (schema.org's articleBody)."""
    for inner in element.iterdescendants():
        if inner.tag in _STORY_TAGS or (isinstance(inner.tag, str) and inner.get("itemprop") == "articleBody"):
            return True
    return False


def _densest(tree: HtmlElement) -> HtmlElement | None:
    """The element whose own paragraphs hold the most text: the story's body, most likely
    (a slideshow or a rail has a paragraph or two per item, each in its own element)."""
    weight: dict[int, tuple[int, HtmlElement]] = {}
    for paragraph in tree.iter("p"):
        parent = paragraph.getparent()
        if parent is not None:
            total, _ = weight.get(id(parent), (0, parent))
            weight[id(parent)] = (total + len(paragraph.text_content()), parent)
    return max(weight.values(), key=lambda item: item[0])[1] if weight else None


def _drop_furniture(tree: HtmlElement) -> None:
    """Leave out the elements whose class or id names them furniture (builder/data/read/
    html_furniture.txt): a slideshow or a rail of other stories set inside the story."""
    furniture, keep = wordlists.words("read/html_furniture.txt"), wordlists.words("read/html_keep.txt")
    doomed = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body"):
            continue
        names = set(_NAME_WORD.findall(f"{element.get('class', '')} {element.get('id', '')}".lower()))
        if names & furniture and not names & keep and element.get("itemprop") != "articleBody":
            doomed.append(element)
    if not doomed:
        return
    core = _densest(tree)
    kept = {id(core), *(id(a) for a in core.iterancestors())} if core is not None else set()
    gone: set[int] = set()
    for element in doomed:
        if element.getparent() is None or any(id(a) in gone for a in element.iterancestors()):
            continue
        if id(element) in kept or element.tag in _STORY_TAGS or _holds_story(element):
            continue
        gone.add(id(element))
        element.drop_tree()  # its tail (text after it) stays


def _declared_address(tree: HtmlElement) -> str | None:
    """The page's own address when the library found none: its canonical link, og:url, or
    the JSON-LD article's url or mainEntityOfPage."""
    for value in tree.xpath("//link[@rel='canonical']/@href|//meta[@property='og:url']/@content"):
        if address := web_address(value):
            return address
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if not isinstance(item, dict):
                continue
            page = item.get("mainEntityOfPage")
            for value in (item.get("url"), page.get("@id") if isinstance(page, dict) else page):
                if address := web_address(value):
                    return address
    return None


def _shown_standfirst(tree: HtmlElement, description: str, blocks: tuple[tuple[str, str], ...]) -> bool:
    """Whether the page shows its description as a standfirst the extraction left out: an
    element of the body whose whole text is the description (a summary under the headline)."""
    key = _SPACE.sub(" ", description).strip().casefold()
    if len(key.split()) < 5 or any(key in text.casefold() for _, text in blocks[:3]):
        return False
    body = tree.find("body")
    if body is None:
        return False
    for element in body.iter("p", "h2", "h3", "div", "span"):
        text = _SPACE.sub(" ", element.text_content()).strip().casefold()
        if text == key:
            return True
    return False


def _captions_as_paragraphs(tree: HtmlElement) -> frozenset[str]:
    """A figure's caption is part of the story as printed (readers see it under the
    picture): kept as a paragraph, which the credit rules then sort. Gives the captions'
    texts, so that the story knows them for captions (no events, no summary)."""
    for figure in tree.iter("figure"):
        figure.tag = "div"
    texts: set[str] = set()
    for caption in tree.iter("figcaption"):
        caption.tag = "p"
        for name in ("class", "id"):  # a caption named 'caption' would be taken for furniture
            caption.attrib.pop(name, None)
        for part in caption.iterdescendants():  # "<span>said.</span><span>Credit</span><span>Jane Doe</span>":
            if not (part.tail or "").strip() and part.getnext() is not None:  # its parts are words apart
                part.tail = " " + (part.tail or "")
        if text := plain(caption.text_content(), 100_000):
            texts.add(text)
    return frozenset(texts)


def _blocks(body: Any) -> list[tuple[str, str]]:
    """The extracted story as (kind, text) blocks, in order. An element holding blocks (a
    list, a quote of paragraphs, a table) is walked; its loose text is a paragraph."""
    out: list[tuple[str, str]] = []

    def add(kind: str, text: str | None) -> None:
        text = _SPACE.sub(" ", text or "").strip()
        if text:
            out.append((kind, text))

    def walk(element: Any) -> None:
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            start = len(out)
            if any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in child):
                add(_kind(tag), child.text)
                walk(child)
            else:
                add(_kind(tag), "".join(child.itertext()))
            if tag == "quote":
                out[start:] = _quoted(out[start:])
            if element is not body:
                add("p", child.tail)

    walk(body)
    return out


_MARKS = re.compile(r"[“”\"„«»]")
_CREDIT_LINE = re.compile(r"^\s*(?:[—–]|-{1,2})\s*\S")


def _quoted(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A block quote's paragraphs in quote marks, as print would set them (each paragraph
    opened, the last one closed), so that the quotation reads as one ('Jane Doe said:' and
    a block quote under it; a post quoted with its '— Jane Doe (@janedoe)' line, which
    follows the closing mark in the same paragraph, as the quote's credit). Paragraphs that carry quote marks of their own are
    left as they are."""
    body = list(blocks)
    credit = len(body)
    while credit > 0 and _CREDIT_LINE.match(body[credit - 1][1]):
        credit -= 1
    quoted = body[:credit]
    if not quoted or any(kind != "p" for kind, _ in quoted) or any(_MARKS.search(text) for _, text in quoted):
        return body
    marked = [(kind, "“" + text) for kind, text in quoted]
    credits = " ".join(text for _, text in body[credit:])
    marked[-1] = (marked[-1][0], marked[-1][1] + "”" + (" " + credits if credits else ""))
    return marked


def _kind(tag: str) -> str:
    return {"head": "head", "item": "item"}.get(tag, "p")


def page_text(data: bytes, file: str) -> PageText | None:
    """Extract a saved page's story and metadata; None when the page holds no story."""
    from trafilatura import bare_extraction  # noqa: PLC0415 - only when a dossier holds a page

    tree = _tree(data)
    if tree is None:
        return None
    _drop_furniture(tree)
    for line_break in tree.iter("br"):  # "Press Office<br>Ministry of ...": two words, not "OfficeMinistry"
        line_break.tail = " " + (line_break.tail or "")
    captions = _captions_as_paragraphs(tree)
    try:
        doc: Any = bare_extraction(  # a Document (as_dict is False)
            tree,
            favor_recall=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as err:  # noqa: BLE001 - a page the library cannot take: one line, never a traceback
        detail = _SPACE.sub(" ", f"{type(err).__name__}: {err}").strip()[:200]
        raise DossierError(f"{file}: cannot read the page: {detail}") from None
    if doc is None or getattr(doc, "body", None) is None:
        return None
    blocks = tuple((kind, clean) for kind, text in _blocks(doc.body) if (clean := _paragraph(text)))
    if not blocks:
        return None
    description = plain(doc.description, 1000)
    if description and _shown_standfirst(tree, description, blocks):
        blocks = (("p", description), *blocks)
    saved = _SAVED_FROM.search(data[:4096])
    meta = ArticleMeta(
        title=plain(doc.title),
        outlet=plain(doc.sitename, 120),
        url=web_address(saved.group(1).decode("ascii", "replace") if saved else None) or web_address(doc.url)
        or _declared_address(tree),
        date=_date(doc.date),
        author=_author(doc.author) or (_byline_without_placeholders(tree) if doc.author else None)
        or _visible_byline(tree),
        description=plain(doc.description, 1000),
    )
    return PageText(blocks, meta, captions & {text for _, text in blocks})


def as_text(page: PageText) -> str:
    """The page as the text of an article: the headline, then one block a paragraph
    (cross-headings as Markdown headings, list items as bullets, a list's items together)."""
    parts = ["# " + page.meta.title + "\n"] if page.meta.title else []
    previous = ""
    for kind, block in page.blocks:
        if parts and not (kind == "item" and previous == "item"):
            parts.append("\n")
        parts.append({"head": "## ", "item": "- "}.get(kind, "") + block + "\n")
        previous = kind
    return "".join(parts)


def article_from_html(
    data: bytes, file: str, meta: ArticleMeta | None = None, defaults: ArticleMeta | None = None
) -> Article:
    """Read one saved page. A page with no story gives an Article with no text and a warning
    (the pipeline leaves it out)."""
    try:
        page = page_text(data, file)
    except DossierError as err:  # a page the library cannot take is skipped like one with no story
        page, problem = None, f"{err}; skipped"
    else:
        problem = no_story(file)
    if page is None:
        empty = parse_article("", file, meta, headings=True, defaults=defaults)
        return replace(empty, warnings=(problem,))
    return parse_article(as_text(page), file, meta, page=page.meta, headings=True, defaults=defaults,
                         captions=page.captions)


def no_story(file: str) -> str:
    return f"{file}: no story found in the page; skipped"
