"""Markdown building blocks, and the one path from input to page.

Content is text, never markup. Every piece of input text (article text, titles, outlets,
addresses, file names, dossier.yml, entities.yml) reaches a page through one of the
escaping functions below, chosen by where it lands:

- `text()` / `inline()`: Markdown text. Every ASCII mark that means something to Markdown,
  its extensions or HTML is backslash-escaped (pymdownx.escapeall makes any backslash
  escape valid), so no input can open a tag, a link, a block or an extension;
- `attr()`: a Markdown link title (a tooltip, which Material draws as HTML);
- `html()`: text inside raw HTML (an element's content or a double-quoted attribute);
- `code()`: a code span that shows the text as it is (a file name);
- `comment()`: text inside an HTML comment, which it can neither close nor leave;
- `url()`: an address for an href: http, https or relative only, percent-encoded; None
  for anything else (javascript:, data:, //host), which is then shown as text.

All of them first drop control characters (Python-Markdown's placeholders are made of
them) and fold every run of white space, line breaks included, into one space, so no
input can end a line, a paragraph or a block.
"""
from __future__ import annotations

import datetime as dt
import html as _html
import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from urllib.parse import quote

# Every ASCII mark that means something to Markdown, its extensions or HTML (commas,
# quote marks and the like mean nothing and stay as they are, for readable sources;
# '?' opens a pymdownx.details block, '???').
_MARKS = "\\`*_{}[]()<>#+-.!|~^=:&$?"
_ESCAPE = str.maketrans({mark: "\\" + mark for mark in _MARKS})
# In a link title, the marks Markdown or HTML read there, as character references.
_ATTR = str.maketrans({"&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;", "'": "&#39;", "\\": "&#92;", "`": "&#96;"})
# Material draws a title as its tooltip's HTML: these are escaped once more for it.
_TOOLTIP = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_SPACE = re.compile(r"\s+")
_ODD_SPACE = re.compile(r"\s\s|[^\S ]")
# C0 and C1 controls but the white space that _SPACE folds (\x02 and \x03 make
# Python-Markdown's placeholders), and the BOM.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff]")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_WEB = re.compile(r"^https?://[^/?#]", re.IGNORECASE)
_URL_SAFE = "/:?#[]@!$&()*+,;=%~-._"  # RFC 3986 reserved and unreserved marks, but the quote mark


def _clean(value: str) -> str:
    """No control characters, one space for every run of white space."""
    if _CONTROL.search(value):
        value = _CONTROL.sub("", value)
    if _ODD_SPACE.search(value):
        value = _SPACE.sub(" ", value)
    return value


def text(value: str) -> str:
    """Input text as inert Markdown: one line, every Markdown mark escaped."""
    return inline(value).strip()


@lru_cache(maxsize=1 << 17)
def inline(value: str) -> str:
    """Like text(), for a piece of a line: spaces at its edges are kept (collapsed)."""
    return _clean(value).translate(_ESCAPE)


def attr(value: str) -> str:
    """Input text for a Markdown link title (in double quotes), which Material's tooltip
    shows as HTML: escaped for that HTML, then for the attribute (character references,
    which Python-Markdown keeps as they are)."""
    return _clean(value).strip().translate(_TOOLTIP).translate(_ATTR)


def html(value: str) -> str:
    """Input text inside raw HTML: an element's content or a double-quoted attribute."""
    return _html.escape(_clean(value).strip(), quote=True)


def theme_text(value: str) -> str:
    """Input text as MkDocs themes need `site_name`: they print it as HTML (MkDocs' templates
    do not escape), mostly raw, in a few attributes through `| e`. So '<', '>' and '"' become
    references, and '&' only where it would start one: 'Acme & Co' shows right everywhere."""
    value = re.sub(r"&(?=[#A-Za-z0-9])", "&amp;", " ".join(value.split()))
    return value.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def code(value: str) -> str:
    """Input text as a code span, shown as it is (backticks included)."""
    clean = _clean(value).strip()
    if "`" not in clean:
        return f"`{clean}`"
    fence = "`" * (max(len(run) for run in re.findall(r"`+", clean)) + 1)
    return f"{fence} {clean} {fence}"


def comment(value: str) -> str:
    """Input text inside an HTML comment: no '--' (so no '-->'), no '<' or '>'."""
    clean = _clean(value).strip().replace("<", "&lt;").replace(">", "&gt;")
    while "--" in clean:
        clean = clean.replace("--", "- -")
    return clean


def url(value: str) -> str | None:
    """An address from input, ready for a double-quoted href: http, https or a relative
    path, percent-encoded; None for any other scheme (javascript:, data:, ...) and for
    a host without a scheme ('//host'). Browsers drop controls and spaces at an address's
    ends and tabs and line breaks inside it before they read its scheme, and so does this."""
    clean = _CONTROL.sub("", re.sub(r"[\t\n\r]+", "", value)).strip("\x00\x0b\x0c ")
    if _SCHEME.match(clean) and not _WEB.match(clean):
        return None
    if clean.startswith(("//", "\\", "/\\")) or not clean:
        return None
    return quote(clean, safe=_URL_SAFE).replace("&", "&amp;")


def web_link(address: str, label: str | None = None) -> str:
    """An address from input as a link to the web when it is one (http, https), shown as
    itself or as `label`; anything else is shown as inert text."""
    href = url(address)
    if href is None or not _WEB.match(href):
        return text(address)
    return f'<a href="{href}" rel="nofollow noopener">{text(label or address)}</a>'


def section(title: str, searchable: bool = True) -> str:
    """A second-level heading; sections that repeat what other pages say stay out of search."""
    return f"\n## {title}" + ("" if searchable else " { data-search-exclude }") + "\n\n"


def front_matter(values: Mapping[str, object]) -> str:
    """A YAML front matter block. Themes print front-matter values (the page title, the
    description) into HTML unescaped, so text is HTML-escaped here; strings are written
    as JSON, which YAML reads as is."""
    lines = ["---"]
    for key, value in values.items():
        if value is None or value == [] or value == "":
            continue
        if isinstance(value, str):
            value = html(value)
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=True)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=65536)
def relative(target: str, source: str) -> str:
    """The relative address of page `target` from page `source` (both paths under docs/)."""
    here, there = source.split("/")[:-1], target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def link(label: str, target: str, source: str, title: str | None = None) -> str:
    """A Markdown link from page `source` to page `target` (both paths under docs/)."""
    href = relative(target, source)
    suffix = f' "{attr(title)}"' if title else ""
    return f"[{label}]({href}{suffix})"


def generated_notice(source: str | None) -> str:
    """The comment that says a page is generated, and from what."""
    origin = f" from {comment(source)}" if source else ""
    return f"<!-- Generated by the dossier builder{origin}. Do not edit: the next build replaces it. -->\n"


def generated_footer(source: str | None) -> str:
    """The visible line that says so (raw HTML: the source is escaped for it)."""
    origin = f" from <code>{html(source)}</code>" if source else ""
    return f'\n<p class="dossier-generated">Generated by the dossier builder{origin}.</p>\n'


def articles(n: int) -> str:
    """'1 article', '3 articles'."""
    return f"{n} article{'' if n == 1 else 's'}"


def human_date(value: dt.date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


def date_at(value: dt.date, precision: str) -> str:
    """A date as precisely as it is known: '11 September 2024', 'September 2024', '2024'."""
    if precision == "month":
        return f"{value:%B %Y}"
    if precision == "year":
        return f"{value:%Y}"
    if precision == "week":
        return f"week of {human_date(value)}"
    return human_date(value)


def page_head(title: str, source: str | None = None, intro: str = "", **front: object) -> list[str]:
    """The opening of a generated page: front matter, the generated notice, the title."""
    head = [front_matter({"title": title, **front}), generated_notice(source), f"# {text(title)}\n"]
    return head + ([intro + "\n"] if intro else [])


def more(hidden: int, what: str, before: bool = False) -> str:
    """A line saying how many items a capped list leaves out ('' when none)."""
    if hidden <= 0:
        return ""
    line = f"*… and {hidden:,} more {what}; dossier.json lists them all.*\n"
    return line + "\n" if before else "\n" + line


def bullet_list(items: Iterable[str], indent: str = "") -> str:
    return "".join(f"{indent}- {item}\n" for item in items)


def admonition(kind: str, title: str, body: str) -> str:
    """A Material admonition; `body` is already Markdown."""
    indented = "".join(f"    {line}\n" if line else "\n" for line in body.rstrip("\n").split("\n"))
    label = text(title.replace('"', "”"))  # the title is read as Markdown, like any text
    return f'!!! {kind} "{label}"\n\n{indented}\n'
