"""Read one article file: separate the story from its furniture, credits and metadata.

The rules are general (word lists live in builder/data/read/): a headline is a short
line without a closing full stop; a file that opens with bullet points has key points,
not a title; site furniture and credits are recognised by data lists and patterns.
"""
from __future__ import annotations

import datetime as dt
import re
import reprlib
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from builder import wordlists
from builder.annotate import sentences
from builder.errors import DossierError, where
from builder.inputs import read_input
from builder.model import Article, ArticleMeta, Block, BlockKind
from builder.slug import slugify
from builder.yamlfile import parse_yaml

_BULLET = re.compile(r"^(?:[-*•·▪‣◦●]|\d{1,2}[.)])\s+(?=\S)")
_MD_HEADING = re.compile(r"^#{1,6}\s+(?=\S)")
_SENTENCE_END = re.compile(r"[.!?:;…\"”’)\]]$")
_QUOTE_MARKS = re.compile(r"[\"“”«»]")
HTML_SUFFIXES = (".html", ".htm")  # saved web pages, read by builder.read_html
_HEADLINE_WORDS = 30
_HEADING_WORDS = 20
_FRONT_MATTER_KEYS = {"title", "outlet", "url", "date", "slug", "source", "author", "description"}


@dataclass(frozen=True)
class _Line:
    """A non-blank line of the body, trimmed, with its offset and line number."""

    text: str
    start: int
    number: int
    bullet: bool = False
    md_heading: bool = False
    blank_before: bool = False


# --- decoding -----------------------------------------------------------------


def decode(data: bytes, file: str) -> tuple[str, tuple[str, ...]]:
    """Bytes to text: BOM removed, line ends made '\\n', NUL bytes dropped (with warnings)."""
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        warnings.append(f"{where(file, line)}: not valid UTF-8; read as Windows-1252 instead")
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        warnings.append(f"{where(file, line)}: NUL bytes removed")
        text = text.replace("\x00", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, tuple(warnings)


def read_bytes(path: Path, file: str, root: Path | None = None, folders: dict[str, str] | None = None) -> bytes:
    """An article file's bytes, read safely (builder.inputs): a regular file of bounded size,
    and with `root` (the dossier folder) only if it lies inside it, links followed
    (`folders`: the real paths of folders met in this pass, builder.inputs.inside)."""
    return read_input(path, file, root, folders=folders)


def article_from_bytes(
    data: bytes, file: str, meta: ArticleMeta | None = None, defaults: ArticleMeta | None = None
) -> Article:
    """Decode and parse one article file's bytes. Raises DossierError on input it cannot use.
    `defaults`: dossier.yml's dossier-wide fallback (see parse_article)."""
    if file.lower().endswith(HTML_SUFFIXES):
        from builder.read_html import article_from_html  # noqa: PLC0415 - loads the HTML reader only for pages

        return article_from_html(data, file, meta, defaults)
    text, warnings = decode(data, file)
    article = parse_article(text, file, meta or ArticleMeta(), defaults=defaults)
    return replace(article, warnings=warnings + article.warnings) if warnings else article


def read_article(path: Path, meta: ArticleMeta | None = None, name: str | None = None) -> Article:
    """Read and parse one article file."""
    file = name or path.name
    return article_from_bytes(read_bytes(path, file), file, meta)


# --- front matter ---------------------------------------------------------------


def _front_matter(text: str, file: str) -> tuple[ArticleMeta, int]:
    """Metadata from a leading YAML block, and the offset where the body starts."""
    if not text.startswith("---\n"):
        return ArticleMeta(), 0
    end = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if end is None:
        raise DossierError(f"{where(file, 1)}: front matter opened with '---' is never closed")
    block = text[4 : 4 + end.start()]
    data = parse_yaml(block, file, first_line=2, problem="malformed front matter") if block.strip() else {}
    if not isinstance(data, dict):
        raise DossierError(f"{where(file, 2)}: front matter must be a mapping of keys to values")
    body = 4 + end.end() + 1
    return meta_from_mapping(data, file), min(body, len(text))


def meta_from_mapping(data: dict[Any, Any], file: str) -> ArticleMeta:
    """ArticleMeta from front matter or a dossier.yml entry, with its types checked."""
    unknown = sorted(str(key) for key in data if key not in _FRONT_MATTER_KEYS)
    if unknown:
        raise DossierError(
            f"{file}: unknown metadata field(s) {', '.join(unknown)}; "
            f"expected {', '.join(sorted(_FRONT_MATTER_KEYS))}"
        )
    values: dict[str, Any] = {}
    for key in ("title", "outlet", "url", "slug", "source", "author", "description"):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise DossierError(f"{file}: metadata field '{key}' must be text")
        values["outlet" if key == "source" else key] = str(value).strip() or None
    if values.get("slug") is not None:
        values["slug"] = slugify(values["slug"])
    raw_date = data.get("date")
    if raw_date is not None:
        values["date"] = _meta_date(raw_date, file)
    return ArticleMeta(**values)


def _meta_date(value: object, file: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise DossierError(f"{file}: metadata field 'date' must be a date like 2024-09-11, not {reprlib.repr(value)}")


# --- line classification -----------------------------------------------------------


def _norm(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip().strip(" .:|-–—").lower()


def is_furniture(line: str) -> bool:
    """Whether a whole line is site furniture (comment forms, share bars, widgets)."""
    plain, regexes = wordlists.phrases_and_patterns("read/furniture.txt")
    key = _norm(line)
    return key in plain or line.strip().lower() in plain or any(r.match(key) for r in regexes)


def is_section_label(line: str) -> bool:
    return _norm(line) in wordlists.words("read/sections.txt")


def is_tail_marker(line: str) -> bool:
    return _norm(line) in wordlists.words("read/tail_markers.txt")


def is_reference(line: str) -> bool:
    """Whether a line refers to other pages: a citation in a list of sources ('"Title" —
    Outlet, date') or a wiki's categories. It stays in the story; its dates are no events."""
    text = line.strip()
    return len(text) <= 500 and any(p.match(text) for p in wordlists.patterns("read/references.txt"))


def is_credit(line: str) -> bool:
    """Whether a line credits a photo or a contributor."""
    text = line.strip()
    return len(text) <= 300 and wordlists.any_pattern("read/credits.txt").match(text) is not None


def is_caption(text: str) -> bool:
    """Whether a paragraph captions a photo: it ends in the photo's credit ("... Image: Jane Doe.")."""
    text = text.strip()
    return len(text) <= 600 and any(p.search(text) for p in wordlists.patterns("read/captions.txt"))


_NUMERIC_DATE = r"\d{1,2}/\d{1,2}/\d{4}"  # '16/03/2026': read only when one order of day and month fits (_numeric_date)


@cache
def _date_pattern() -> str:
    """A calendar date with its year: 'September 11, 2024', '11 Sept 2024', '2024-09-11'."""
    names = "|".join(sorted((re.escape(m) for m in wordlists.months()), key=len, reverse=True))
    month = rf"(?:{names})"
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    return rf"(?:{month}\.?\s+{day},?\s+\d{{4}}|{day}\s+{month}\.?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|{_NUMERIC_DATE})"


_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_CLOCK = r"(?:\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:[a-z]{2,4})?,?\s+)?"  # "7:45 PM EDT, "


@cache
def _date_line_pattern() -> re.Pattern[str]:
    time = r"(?:,?\s*(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:[a-z]{2,4})?)?"
    lead = r"(?:(?:published|updated|posted|last updated|last modified|first published)\s*(?:on|:)?\s*)?"
    place = r"(?:(?-i:[A-Z][A-Za-z.'’]+(?:[ -][A-Z][A-Za-z.'’]+){0,2})\s+[—–-]\s+)?"  # a release's 'Rawalpindi - '
    return re.compile(rf"^{place}{lead}{_CLOCK}{_WEEKDAY}(?P<date>{_date_pattern()}){time}:?$", re.IGNORECASE)


@cache
def _stated_date_pattern() -> re.Pattern[str]:
    """'Published 12 March 2024' in a byline or date line: the word, then the date."""
    lead = r"(?:^|[|·•,;\s])(?P<lead>first published|published|posted|last updated|updated|last modified)"
    return re.compile(rf"{lead}\s*(?:on|at|:)?\s*{_CLOCK}{_WEEKDAY}(?P<date>{_date_pattern()})", re.IGNORECASE)


@cache
def _dateline_pattern() -> re.Pattern[str]:
    """A dateline opening a story: 'LONDON, March 12, 2024 — ', 'GENEVA (Acme) 12 March 2024 - '."""
    place = r"[A-Z][A-Za-z.'’]+(?:[ ,-]+[A-Z][A-Za-z.'’]+){0,3}"
    agency = r"(?:\([^()]{1,30}\)\s*)?"
    return re.compile(rf"^(?:{place},?\s+)?{agency}(?i:{_WEEKDAY}(?P<date>{_date_pattern()}))\s*{agency}[—–-]\s")


_STATED_LINE = 200  # characters: a longer line is story, not a byline or date line
_STATED_WORD = re.compile(r"(?i)publish|posted|updated|modified")  # a cheap test before the full pattern
_DATELINE_LINES = 3  # a dateline opens one of the first paragraphs


def date_in_text(lines: list[str]) -> dt.date | None:
    """The publication date the text states: 'Published ...' (else 'Updated ...') in a
    short line, or a dateline opening one of the first paragraphs."""
    published: dt.date | None = None
    updated: dt.date | None = None
    dateline: dt.date | None = None
    for n, line in enumerate(lines):
        if len(line) <= _STATED_LINE and _STATED_WORD.search(line):
            for found in _stated_date_pattern().finditer(line):
                if not found.group("lead")[0].isupper():  # 'she published on ...' is a sentence
                    continue
                date = _parse_date(found.group("date"))
                if date is not None and "updated" in found.group("lead").lower():
                    updated = updated or date
                elif date is not None:
                    published = published or date
        if n < _DATELINE_LINES and dateline is None and (opening := _dateline_pattern().match(line)):
            dateline = _parse_date(opening.group("date"))
    return published or dateline or updated


def date_of_line(line: str) -> dt.date | None:
    """The date printed by a date widget line ("Published September 11, 2024"), if it is one."""
    line_text = line.strip().rstrip(".")
    found = _date_line_pattern().match(line_text) if len(line_text) <= 80 else None
    return _parse_date(found.group("date")) if found else None  # the date alone: no clock time


def _numeric_date(text: str) -> dt.date | None:
    """'16/03/2026': the date when only one order of day and month is a date (or both give
    the same), None for '03/04/2026' (March or April)."""
    first, second, year = (int(n) for n in text.split("/"))
    orders = {(first, second), (second, first)}
    dates = set()
    for day, month in orders:
        try:
            dates.add(dt.date(year, month, day))
        except ValueError:
            continue
    return dates.pop() if len(dates) == 1 else None


def _parse_date(text: str) -> dt.date | None:
    numeric = re.fullmatch(_NUMERIC_DATE, text.strip())
    if numeric:
        return _numeric_date(text.strip())
    iso = re.search(r"(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        try:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    year = re.search(r"\b(\d{4})\b", text)
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?!:)", text)
    month = next((n for w, n in wordlists.months().items() if re.search(rf"\b{re.escape(w)}(?!\w)", text, re.I)), None)
    if not (year and day and month):
        return None
    try:
        return dt.date(int(year[1]), month, int(day[1]))
    except ValueError:
        return None


def is_headline_like(text: str, max_words: int = _HEADLINE_WORDS) -> bool:
    """A short line that does not end a sentence: a headline or a cross-heading."""
    words = text.split()
    if not words or len(words) > max_words or _QUOTE_MARKS.search(text):
        return False
    if text.endswith("?") or text.endswith("!"):
        return len(words) <= max_words
    return not _SENTENCE_END.search(text) and (text[0].isupper() or text[0].isdigit())


# --- parsing -------------------------------------------------------------------


def _lines(text: str, body_start: int, markdown: bool) -> list[_Line]:
    out: list[_Line] = []
    offset = body_start
    number = text.count("\n", 0, body_start) + 1
    blank = True
    for raw in text[body_start:].split("\n"):
        stripped = raw.strip()
        if stripped:
            start = offset + (len(raw) - len(raw.lstrip()))
            content, bullet, heading = stripped, False, False
            marker = _BULLET.match(stripped)
            if marker:
                content, bullet = stripped[marker.end() :], True
                start += marker.end()
            elif markdown and _MD_HEADING.match(stripped):
                cut = _MD_HEADING.match(stripped)
                assert cut is not None
                content, heading = stripped[cut.end() :].rstrip("# ").strip() or stripped, True
                start += cut.end()
            out.append(_Line(content, start, number, bullet, heading, blank))
            blank = False
        else:
            blank = True
        offset += len(raw) + 1
        number += 1
    return out


def _wraps(prev: _Line, line: _Line) -> bool:
    """Whether `line` continues the paragraph of `prev` (a hard-wrapped text)."""
    return (
        not line.blank_before
        and not line.bullet
        and not prev.md_heading
        and not line.md_heading
        and not _SENTENCE_END.search(prev.text)
        and line.text[:1].islower()
    )


def _join(text: str, lines: list[_Line]) -> list[_Line]:
    """Join hard-wrapped lines into paragraphs; offsets stay exact."""
    out: list[_Line] = []
    for line in lines:
        if out and _wraps(out[-1], line):
            prev = out[-1]
            end = line.start + len(line.text)
            joined = text[prev.start : end].replace("\n", " ")
            out[-1] = replace(prev, text=joined)
        else:
            out.append(line)
    return out


MAX_BLOCK = 4000  # characters; a longer line is split into paragraphs at sentence ends


def _split_long(lines: list[_Line], file: str, warnings: list[str]) -> list[_Line]:
    """Keep every block to a readable size, so no extractor meets a 100,000-character paragraph."""
    out: list[_Line] = []
    for line in lines:
        if len(line.text) <= MAX_BLOCK:
            out.append(line)
            continue
        warnings.append(f"{where(file, line.number)}: a {len(line.text):,}-character line was split into paragraphs")
        text, offset = line.text, 0
        while len(text) - offset > MAX_BLOCK:
            window = text[offset : offset + MAX_BLOCK]
            cut = max((lo for lo, _ in sentences.bounds(window)[1:] if lo >= MAX_BLOCK // 2), default=0)
            if not cut:
                cut = window.rfind(" ", MAX_BLOCK // 2) + 1 or MAX_BLOCK
            piece = text[offset : offset + cut].rstrip()
            out.append(replace(line, text=piece, start=line.start + offset))
            offset += cut
            while offset < len(text) and text[offset].isspace():
                offset += 1
        if offset < len(text):
            out.append(replace(line, text=text[offset:], start=line.start + offset))
    return out


def _block(line: _Line, kind: BlockKind) -> Block:
    return Block(kind=kind, text=line.text, start=line.start, line=line.number)


def _derived_title(key_points: list[Block], story: list[Block], file: str) -> str:
    for block in story:
        if block.kind is BlockKind.HEADING and _title_case(block.text):
            return block.text
    if key_points:
        return key_points[0].text.rstrip(" .")
    for block in story:
        first = sentences.bounds(block.text)[:1]
        words = block.text[first[0][0] : first[0][1]].split() if first else []
        if words:
            return " ".join(words[:14]).rstrip(" .,;:") + ("…" if len(words) > 14 else "")
    return Path(file).stem


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _is_heading(line: _Line, following: _Line | None) -> bool:
    if line.md_heading:
        return True
    if line.bullet or following is None or following.bullet:
        return False
    return is_headline_like(line.text, _HEADING_WORDS) and len(line.text.split()) >= 2


def parse_article(
    text: str, file: str, meta: ArticleMeta | None = None, *, page: ArticleMeta | None = None, headings: bool = False,
    defaults: ArticleMeta | None = None, captions: frozenset[str] = frozenset(),
) -> Article:
    """Parse decoded article text. Pure: the same text always gives the same Article.

    `meta` is dossier.yml's entry for the file; `page` what a saved page says of itself
    (builder.read_html); `headings`: lines opening with '#' are headings, as in Markdown;
    `defaults` dossier.yml's dossier-wide defaults, which fill only the fields nothing of
    the article's own sets (not even the date its text states); `captions` the texts of a
    saved page's photo captions, whose blocks the Article lists as captions."""
    markdown = file.lower().endswith((".md", ".markdown"))
    meta, body_start = _own_meta(text, file, markdown, meta, page)
    warnings: list[str] = []
    lines = _split_long(_join(text, _lines(text, body_start, markdown or headings)), file, warnings)
    kept, furniture, credits, found_date = _sort_lines(lines)
    key_points = _key_points(kept)
    headline = _headline(kept, furniture) if not key_points else None
    summary = _summary(headline, kept, lines)
    story = _story(kept, headings)
    title, derived = _title(meta, headline, key_points, story, file)
    if not story and not key_points and summary is None:
        warnings.append(f"{where(file)}: no story text found")
    meta = _with_defaults(_with_text_date(meta, found_date, lines), defaults)
    return Article(
        id=meta.slug or slugify(title, fallback=slugify(Path(file).stem, "article")),
        file=file,
        source_text=text,
        title=title,
        title_derived=derived,
        key_points=tuple(key_points),
        summary=summary,
        blocks=tuple(story),
        credits=tuple(credits),
        furniture=tuple(furniture),
        meta=meta,
        warnings=tuple(warnings),
        headline=headline,
        captions=_caption_starts(story, captions),
    )


def _own_meta(text: str, file: str, markdown: bool, meta: ArticleMeta | None,
              page: ArticleMeta | None) -> tuple[ArticleMeta, int]:
    """What dossier.yml's entry, a Markdown file's front matter and a saved page say of the
    article, layered in that order, and where the body starts after the front matter."""
    front, body_start = _front_matter(text, file) if markdown else (ArticleMeta(), 0)
    return layer_meta(meta or ArticleMeta(), front, page or ArticleMeta()), body_start


def _summary(headline: Block | None, kept: list[_Line], lines: list[_Line]) -> Block | None:
    """The standfirst under a headline (taken off `kept`), or None."""
    if headline is not None and kept and not kept[0].bullet and _is_standfirst(kept, lines):
        return _block(kept.pop(0), BlockKind.PARAGRAPH)
    return None


def _with_text_date(meta: ArticleMeta, found_date: dt.date | None, lines: list[_Line]) -> ArticleMeta:
    """`meta` with the date the text states (a date line first) when nothing else set one:
    what the text says comes last."""
    if meta.date is not None:
        return meta
    found_date = found_date or date_in_text([line.text for line in lines])
    return replace(meta, date=found_date) if found_date is not None else meta


def _with_defaults(meta: ArticleMeta, defaults: ArticleMeta | None) -> ArticleMeta:
    """`meta` with dossier.yml's dossier-wide defaults filling the fields still unset."""
    return layer_meta(meta, defaults) if defaults is not None else meta


def _caption_starts(story: list[Block], captions: frozenset[str]) -> tuple[int, ...]:
    """Where the story's photo-caption blocks start."""
    return tuple(b.start for b in story if b.text in captions) if captions else ()


def _sort_lines(lines: list[_Line]) -> tuple[list[_Line], list[str], list[str], dt.date | None]:
    """The lines kept for the story, and the furniture (navigation, section labels, date
    lines, headlines after a tail marker), the credits and the first date line set apart."""
    furniture: list[str] = []
    credits: list[str] = []
    kept: list[_Line] = []
    found_date: dt.date | None = None
    after_tail = False
    for line in lines:
        after_tail = after_tail or is_tail_marker(line.text)
        if is_furniture(line.text) or (not kept and is_section_label(line.text)):
            furniture.append(line.text)
        elif is_credit(line.text):
            credits.append(line.text)
        elif (date := date_of_line(line.text)) is not None:
            furniture.append(line.text)
            found_date = found_date or date
        elif after_tail and is_headline_like(line.text):
            furniture.append(line.text)
        else:
            after_tail = False
            kept.append(line)
    return kept, furniture, credits, found_date


def _key_points(kept: list[_Line]) -> list[Block]:
    """The bullets a file opens with (taken off `kept`)."""
    key_points: list[Block] = []
    while kept and kept[0].bullet:
        key_points.append(_block(kept.pop(0), BlockKind.BULLET))
    return key_points


def _headline(kept: list[_Line], furniture: list[str]) -> Block | None:
    """The first line when it is a heading or reads like a headline (taken off `kept`, its
    repeats moved to the furniture)."""
    if not kept or not (kept[0].md_heading or is_headline_like(kept[0].text)):
        return None
    headline = _block(kept.pop(0), BlockKind.HEADING)
    same = _norm(headline.text)
    furniture.extend(line.text for line in kept if _norm(line.text) == same)
    kept[:] = [line for line in kept if _norm(line.text) != same]
    return headline


def _story(kept: list[_Line], headings: bool) -> list[Block]:
    """The story's blocks: bullets, headings (a page marks its own) and paragraphs."""
    story: list[Block] = []
    for i, line in enumerate(kept):
        following = kept[i + 1] if i + 1 < len(kept) else None
        if line.bullet:
            story.append(_block(line, BlockKind.BULLET))
        elif line.md_heading if headings else _is_heading(line, following):
            story.append(_block(line, BlockKind.HEADING))
        else:
            story.append(_block(line, BlockKind.PARAGRAPH))
    return story


def _title(meta: ArticleMeta, headline: Block | None, key_points: list[Block], story: list[Block],
           file: str) -> tuple[str, bool]:
    """The title (metadata's, else the headline, else derived from the text) and whether derived."""
    if meta.title:
        return meta.title, False
    if headline is not None:
        return headline.text, False
    return _derived_title(key_points, story, file), True


def _is_standfirst(kept: list[_Line], lines: list[_Line]) -> bool:
    """The first paragraph after the headline is a standfirst when it stands apart from
    the story: a furniture line or a cross-heading comes between it and the next
    paragraph, or it opens with a verb that sells the page ("Explore ...")."""
    first = kept[0]
    if is_caption(first.text):
        return False  # a photo's caption under the headline, no standfirst
    lead = _norm(first.text)
    if any(lead.startswith(verb + " ") for verb in wordlists.words("read/standfirst_verbs.txt")):
        return True
    if len(kept) < 3 or _QUOTE_MARKS.search(first.text):
        return False
    following = kept[1]
    separated = following.number - first.number > 1 and any(
        first.number < line.number < following.number for line in lines
    )
    return separated and _is_heading(following, kept[2])


def layer_meta(*layers: ArticleMeta) -> ArticleMeta:
    """Metadata from several places, the first that sets a field winning: dossier.yml's
    entry for the file, then the file's front matter, then what a saved page says of itself
    (then what the text says, then dossier.yml's dossier-wide defaults, in parse_article)."""
    values = {key: next((v for layer in layers if (v := getattr(layer, key)) is not None), None)
              for key in ArticleMeta.__dataclass_fields__}
    return ArticleMeta(**values)
