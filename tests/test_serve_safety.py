"""`dossier serve` under trouble: a busy port, SIGTERM, a deleted article, a file name that
is not UTF-8."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import make_project
from tests.test_serve import ARTICLES, _free_port, _get, _wait_for


def _serve(project: Path, port: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "builder", "serve", "--addr", f"127.0.0.1:{port}", "--interval", "0.2"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _stop(server: subprocess.Popen[str]) -> str:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
    try:
        output, _ = server.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        output, _ = server.communicate()
    return output


def _reap(server: subprocess.Popen[str]) -> None:
    """Kill what is left of the serve process's group and close its output without reading
    it (an orphaned child would hold the pipe open forever)."""
    try:
        os.killpg(server.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    server.wait(timeout=30)
    if server.stdout is not None:
        server.stdout.close()


def test_a_busy_port_is_one_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", ARTICLES)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "builder", "serve", "--addr", f"127.0.0.1:{port}"],
                              cwd=project, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2, done.stderr
    assert "serving on" not in done.stdout and "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0 and f"127.0.0.1:{port}" in done.stderr, done.stderr


@pytest.mark.parametrize(("sig", "failure"), [
    (signal.SIGTERM, "the mkdocs child still holds the port"),  # the serve process alone, as a service manager would
    (signal.SIGKILL, "the mkdocs child outlived a killed serve"),  # no chance to clean up
], ids=["sigterm", "sigkill"])
def test_a_stopped_serve_takes_its_preview_along(tmp_path: Path, sig: signal.Signals, failure: str) -> None:
    project = make_project(tmp_path / "p", ARTICLES)
    port = _free_port()
    server = _serve(project, port)
    try:
        assert _wait_for(f"http://127.0.0.1:{port}/", "Talks resume", 90) is not None, "the preview never came up"
        os.kill(server.pid, sig)
        server.wait(timeout=30)
        started = time.monotonic()
        while not _port_free(port) and time.monotonic() - started < 15:
            time.sleep(0.25)
        assert _port_free(port), failure
    finally:
        _reap(server)


def test_a_deleted_article_leaves_the_preview(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", ARTICLES)
    port = _free_port()
    server = _serve(project, port)
    try:
        page = f"http://127.0.0.1:{port}/articles/acme-corp-expands/"
        assert _wait_for(page, "Acme Corp", 90) is not None, "the preview never came up"
        (project / "dossier" / "articles" / "b.txt").unlink()
        started = time.monotonic()
        while _get(page) is not None and time.monotonic() - started < 60:
            time.sleep(0.5)
        assert _get(page) is None, "the deleted article's page is still served"
        assert _wait_for(f"http://127.0.0.1:{port}/articles/talks-resume-in-geneva/", "Talks resume", 60) is not None
    finally:
        _stop(server)


def test_a_file_name_that_is_not_utf8_does_not_stop_the_preview(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", ARTICLES)
    port = _free_port()
    server = _serve(project, port)
    try:
        page = f"http://127.0.0.1:{port}/articles/talks-resume-in-geneva/"
        assert _wait_for(page, "Talks resume", 90) is not None, "the preview never came up"
        folder = os.fsencode(project / "dossier" / "articles")
        with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as handle:
            handle.write(b"Other headline\n\nBody.\n")
        time.sleep(3)
        assert server.poll() is None, "serve died"
        os.unlink(os.path.join(folder, b"caf\xe9.txt"))
        article = project / "dossier" / "articles" / "a.txt"
        article.write_text(article.read_text(encoding="utf-8") + "\nA brand new closing line.\n", encoding="utf-8")
        assert _wait_for(page, "A brand new closing line", 60) is not None, "serve stopped rebuilding"
    finally:
        output = _stop(server)
    assert "caf\\xe9.txt" in output and "Traceback" not in output, output[-3000:]
