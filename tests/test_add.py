"""`dossier add URL...` against a local HTTP server serving saved pages: success, 404,
timeout, oversize, redirects (to http, and to a file: address), no story, not a page."""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from builder.cli import main
from builder.read import article_from_bytes

PAGES = Path(__file__).parent / "fixtures" / "html"
ARTICLE = (PAGES / "opengraph-byline.html").read_bytes()


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _send(self, code: int, body: bytes, kind: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the server's name
        path = self.path
        if path == "/news/rail-review":
            self._send(200, ARTICLE)
        elif path == "/amp":
            self._send(200, (PAGES / "amp-article.html").read_bytes())
        elif path == "/short":
            self._send(302, b"", Location="/news/rail-review")
        elif path == "/to-file":
            self._send(302, b"", Location="file:///etc/passwd")
        elif path == "/to-javascript":
            self._send(301, b"", Location="javascript:alert(1)")
        elif path == "/slow":
            time.sleep(3)
            self._send(200, ARTICLE)
        elif path == "/huge":
            self._send(200, b"<html><body>" + b"<p>word word word</p>" * 200_000 + b"</body></html>")
        elif path == "/huge-unsized":  # no Content-Length: the cap must hold while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(400):
                self.wfile.write(b"<p>" + b"word " * 2000 + b"</p>")
        elif path == "/cookie-wall":
            self._send(200, (PAGES / "no-story.html").read_bytes())
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n", kind="image/png")
        else:
            self._send(404, b"<html><body>Not found</body></html>")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up on an oversized or slow page is expected


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _add(tmp_path: Path, *args: str) -> int:
    return main(["add", "--dossier", str(tmp_path / "dossier"), "--timeout", "1", "--max-size", "1", *args])


def test_a_page_is_saved_under_its_headline_with_its_address(tmp_path: Path, server: str,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert _add(tmp_path, f"{server}/news/rail-review") == 0
    saved = tmp_path / "dossier" / "articles" / "jane-doe-named-to-lead-the-northern-rail-review.html"
    assert saved.is_file()
    data = saved.read_bytes()
    url = f"{server}/news/rail-review"
    assert data.startswith(f"<!-- saved from url=({len(url):04d}){url} -->\n".encode())
    assert b"<!-- fetched by dossier add at 20" in data.split(b"\n")[1]
    assert data.endswith(ARTICLE)  # the page itself, byte for byte
    article = article_from_bytes(data, saved.name)
    assert article.meta.url == f"{server}/news/rail-review"  # where it was fetched from wins over og:url
    assert article.title == "Jane Doe named to lead the Northern Rail review"
    assert "added" in capsys.readouterr().out


def test_a_redirect_to_http_is_followed_and_the_final_address_kept(tmp_path: Path, server: str) -> None:
    assert _add(tmp_path, f"{server}/short") == 0
    (saved,) = (tmp_path / "dossier" / "articles").iterdir()
    assert f"{server}/news/rail-review -->".encode() in saved.read_bytes()


def test_the_same_page_twice_is_added_once_and_a_new_headline_never_overwrites(tmp_path: Path, server: str) -> None:
    assert _add(tmp_path, f"{server}/news/rail-review", f"{server}/short") == 0
    assert len(list((tmp_path / "dossier" / "articles").iterdir())) == 1
    other = tmp_path / "dossier" / "articles" / "acme-ferries-cancels-winter-crossings.html"
    other.write_text("mine", encoding="utf-8")
    assert _add(tmp_path, f"{server}/amp") == 0
    assert other.read_text(encoding="utf-8") == "mine"
    assert (tmp_path / "dossier" / "articles" / "acme-ferries-cancels-winter-crossings-2.html").is_file()


FAILURES = [
    ("/missing", "HTTP 404"),
    ("/slow", "timed out after 1 s"),
    ("/huge", "larger than the 1,048,576-byte cap"),
    ("/huge-unsized", "larger than the 1,048,576-byte cap"),
    ("/to-file", "redirected to 'file:///etc/passwd', which is not an http(s) address"),
    ("/to-javascript", "which is not an http(s) address"),
    ("/cookie-wall", "no story found in the page; not added"),
    ("/image", "not a web page (content type image/png)"),
]


@pytest.mark.parametrize(("path", "message"), FAILURES, ids=[f[0] for f in FAILURES])
def test_each_failure_is_one_line_and_adds_nothing(tmp_path: Path, server: str, path: str, message: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert _add(tmp_path, f"{server}{path}") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"error: {server}{path}: ") and message in err, err
    folder = tmp_path / "dossier" / "articles"
    assert not folder.exists() or not list(folder.iterdir())


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/a", "not a url"])
def test_only_http_addresses_are_fetched(tmp_path: Path, url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _add(tmp_path, url) == 2
    assert "not an http(s) address" in capsys.readouterr().err


def test_one_failure_does_not_stop_the_others(tmp_path: Path, server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _add(tmp_path, f"{server}/missing", f"{server}/amp") == 2
    assert [p.name for p in (tmp_path / "dossier" / "articles").iterdir()] == ["acme-ferries-cancels-winter-crossings.html"]
    assert capsys.readouterr().err.count("error:") == 1
