"""`dossier serve` end to end: the preview comes up, and an edited article shows on the
served page after a rebuild (the builder writes only what changed; mkdocs rebuilds dirty)."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import make_project

ARTICLES = {
    "a.txt": "Talks resume in Geneva\n\nJane Doe arrived in Geneva on Monday. “We will not give in,” Doe said.\n",
    "b.txt": "Acme Corp expands\n\nAcme Corp opened a plant in Geneva, chief executive John Roe said.\n",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - a local test server
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str, seconds: float) -> float | None:
    """Seconds until the page at url holds text, or None if it never does in time."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        page = _get(url)
        if page is not None and text in page:
            return time.monotonic() - started
        time.sleep(0.25)
    return None


def test_serve_shows_an_edited_article_after_a_rebuild(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", ARTICLES)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "builder", "serve", "--addr", f"127.0.0.1:{port}", "--interval", "0.2"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        page = f"http://127.0.0.1:{port}/articles/talks-resume-in-geneva/"
        assert _wait_for(page, "We will not give in", 90) is not None, "the preview never came up"
        article = project / "dossier" / "articles" / "a.txt"
        article.write_text(article.read_text(encoding="utf-8") + "\nA brand new closing line.\n", encoding="utf-8")
        assert _wait_for(page, "A brand new closing line", 60) is not None, "the edit never reached the preview"
        assert _get(f"http://127.0.0.1:{port}/entities/jane-doe/") is not None  # other pages still served
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output, _ = server.communicate(timeout=30)
    assert "rebuilt: 1 pages written" in output, output[-2000:]
