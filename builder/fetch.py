"""`dossier add URL...`: fetch web pages into dossier/articles/ as saved pages.

A page is fetched with a timeout and a size cap, following at most a few redirects and
only to http(s) addresses; nothing in it is run (it is stored as bytes and read later
like any saved page). Each file is named from the page's headline and starts with the
two comments that record where and when it was fetched:

    <!-- saved from url=(0029)https://example.org/news/a -->
    <!-- fetched by dossier add at 2024-03-12T09:30:00Z -->

The first is the comment a browser's "Save Page As" writes, so the reader takes the
article's address from it for pages saved either way (builder.read_html).
"""
from __future__ import annotations

import datetime as dt
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import IO
from urllib.parse import urljoin

from builder import __version__
from builder.errors import DossierError
from builder.read_html import no_story, page_text, web_address
from builder.slug import slugify

TIMEOUT = 20.0  # seconds for the whole fetch of one page
MAX_BYTES = 10 * 1024 * 1024  # a saved news page is rarely over 2 MB
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_PAGE_TYPES = ("text/html", "application/xhtml+xml")
_AGENT = f"briefing-dossier/{__version__} (dossier add)"


class FetchError(DossierError):
    """A page that could not be added: the message is one line, naming the address."""


@dataclass(frozen=True)
class Fetched:
    url: str  # the page's address, after any redirects
    data: bytes  # the page as fetched, with the two comments that record where and when
    title: str | None
    fetched_at: str  # ISO 8601, UTC


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow a few redirects, to http(s) addresses only (never file:, ftp:, data: ...)."""

    max_redirections = MAX_REDIRECTS

    def http_error_302(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
        location = (headers.get("location") or headers.get("uri") or "").strip()
        target = urljoin(req.full_url, location)
        if web_address(target) is None:
            fp.close()
            raise FetchError(f"{req.full_url}: redirected to {location[:100]!r}, which is not an http(s) address")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener() -> urllib.request.OpenerDirector:
    """An opener for http(s) only: the handlers for file:, ftp: and data: are left out."""
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), urllib.request.HTTPHandler(), urllib.request.HTTPSHandler(),
                    urllib.request.HTTPDefaultErrorHandler(), _Redirects(), urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


def _read_capped(response: IO[bytes], url: str, max_bytes: int, deadline: float, timeout: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: timed out after {timeout:g} s")
        chunk = response.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: larger than the {max_bytes:,}-byte cap; not added")
        chunks.append(chunk)


def _check_type(headers: Message, url: str) -> None:
    kind = (headers.get_content_type() or "").lower()
    if headers.get("Content-Type") and kind not in _PAGE_TYPES:
        raise FetchError(f"{url}: not a web page (content type {kind}); not added")


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Fetched:
    """Fetch one page. Raises FetchError with a one-line message on any failure."""
    if web_address(url) is None:
        raise FetchError(f"{url[:200]}: not an http(s) address")
    request = urllib.request.Request(url, headers={"User-Agent": _AGENT, "Accept": "text/html,application/xhtml+xml"})
    deadline = time.monotonic() + timeout
    try:
        with _opener().open(request, timeout=timeout) as response:
            final = response.geturl()
            _check_type(response.headers, url)
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"{url}: larger than the {max_bytes:,}-byte cap; not added")
            data = _read_capped(response, url, max_bytes, deadline, timeout)
    except FetchError:
        raise
    except urllib.error.HTTPError as err:
        raise FetchError(f"{url}: HTTP {err.code} {err.reason}".rstrip()) from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise FetchError(f"{url}: timed out after {timeout:g} s") from None
        raise FetchError(f"{url}: cannot fetch: {reason}") from None
    except (TimeoutError, socket.timeout):
        raise FetchError(f"{url}: timed out after {timeout:g} s") from None
    except (OSError, ValueError) as err:  # a connection reset, a malformed response
        raise FetchError(f"{url}: cannot fetch: {err}") from None
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    address = web_address(final) or url
    try:
        page = page_text(data, url)
    except DossierError as err:  # the page's own problem, already one line naming the address
        raise FetchError(f"{err}; not added") from None
    if page is None:
        raise FetchError(no_story(url).replace("skipped", "not added"))
    head = f"<!-- saved from url=({len(address):04d}){address} -->\n<!-- fetched by dossier add at {stamp} -->\n"
    return Fetched(address, head.encode("ascii", "replace") + data, page.meta.title, stamp)


def file_stem(fetched: Fetched) -> str:
    """A readable file name (without suffix) from the page's headline, else its address."""
    if fetched.title:
        return slugify(fetched.title, "page")
    return slugify(fetched.url.split("://", 1)[-1], "page")


def already_added(folder: Path, url: str) -> str | None:
    """The name of a saved page in `folder` that records being saved from `url`, if any."""
    marker = f"saved from url=({len(url):04d}){url} -->".encode("ascii", "replace")
    if not folder.is_dir():
        return None
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in (".html", ".htm") and path.is_file():
            try:
                with path.open("rb") as handle:
                    if marker in handle.read(4096):
                        return path.name
            except OSError:
                continue
    return None
