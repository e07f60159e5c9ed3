"""The `dossier` command: a thin layer over the pipeline."""
from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from builder import __version__
from builder.errors import DossierError
from builder.curate import load_curated, uncurated_stub
from builder.model import BuildReport
from builder.pipeline import Memory, assemble, build
from builder.errors import shown
from builder.review import review_yaml, unconfirmed
from builder.siteconfig import check_site, site_config
from builder.write import build_lock, publish_dir

if TYPE_CHECKING:  # (imported where used: a build needs neither, and a rebuild is mostly start-up)
    import subprocess

_BAR_FROM = 50  # show a progress bar from this many articles
_MKDOCS_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _progress(done: int, total: int) -> None:
    if total < _BAR_FROM or not sys.stderr.isatty():
        return
    width = 30
    filled = width * done // total
    sys.stderr.write(f"\rannotating [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def mkdocs_build(config: Path, site: Path) -> None:
    """Run a strict `mkdocs build` into a staging folder and swap it in for `site`."""

    import subprocess  # noqa: PLC0415 - only a build with --site runs mkdocs

    def make(out: Path) -> None:
        cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(out.resolve())]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=_MKDOCS_ENV)
        if done.returncode != 0:
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise DossierError("mkdocs build --strict failed: " + (" | ".join(detail[-5:]) or f"exit {done.returncode}"))

    publish_dir(site, make)


def _real(path: str | Path) -> Path:
    return Path(os.path.realpath(os.path.expanduser(path)))


def check_output(option: str, target: str, inputs: dict[str, str], holders: dict[str, str]) -> None:
    """Refuse an output folder (--site, --docs, --out: replaced or written into) that is,
    holds or lies inside one of `inputs` (what: path), or is or holds one of `holders` (the
    project folder, the home folder, the root): it would delete or bury them."""
    out = _real(target)
    if out.exists() and not out.is_dir():
        raise DossierError(f"--{option} {target}: refused, it is a file, not a folder; choose a folder of its own")
    for what, path in inputs.items():
        real = _real(path)
        if out == real or out.is_relative_to(real) or real.is_relative_to(out):
            raise DossierError(f"--{option} {target}: refused, it is, holds or lies inside {what} ({path}); "
                               "choose a folder of its own")
    for what, path in holders.items():
        if _real(path).is_relative_to(out):
            raise DossierError(f"--{option} {target}: refused, it is or holds {what} ({path}); "
                               "choose a folder of its own")


def _holders(config: str | None, dossier: str = "dossier") -> dict[str, str]:
    """What no output may be or hold: the dossier folder (an output inside it, such as
    D/docs or D/site, is fine: only D/articles is read as articles), the project folder,
    the configuration's, home, the root."""
    found = {"the dossier folder": dossier, "the project folder": os.getcwd(), "the root folder": os.sep}
    if config:
        found["the folder of the MkDocs configuration"] = str(Path(config).parent)
    if os.environ.get("HOME"):
        found["the home folder"] = os.environ["HOME"]
    return found


def _inputs(dossier: str) -> dict[str, str]:
    """What a build reads from the dossier folder (what: path): no output may touch it."""
    return {f"the dossier's {name}": str(Path(dossier) / name) for name in ("articles", "dossier.yml", "entities.yml")}


def _check_outputs(args: argparse.Namespace) -> None:
    """The output checks of `build` and `serve` (--docs, and --site with its inputs)."""
    config = getattr(args, "config", None)
    read = _inputs(args.dossier)
    check_output("docs", args.docs, read, _holders(config, args.dossier))
    if getattr(args, "site", None):
        inputs = {**read, "the docs folder": args.docs}
        if config:
            inputs["the MkDocs configuration"] = config
        check_output("site", args.site, inputs, _holders(config, args.dossier))
    _check_cache(args)


def _check_cache(args: argparse.Namespace) -> None:
    """The cache folder (written into, its stale entries deleted) is an output too: never an
    input, the docs folder or a folder that holds them."""
    if getattr(args, "no_cache", True):
        return
    read = _inputs(args.dossier)
    if getattr(args, "docs", None):
        read["the docs folder"] = args.docs
    check_output("cache", args.cache, read, _holders(getattr(args, "config", None), args.dossier))


def _locked(docs: Path) -> AbstractContextManager[None]:
    """The docs folder's build lock; a second build waits for the first, and says so."""
    return build_lock(docs, waiting=lambda message: print(message, file=sys.stderr, flush=True))


def cmd_build(args: argparse.Namespace) -> int:
    _check_outputs(args)
    if args.site:
        check_site(Path(args.docs), _own(args.config))  # before anything is written (even the lock)
    with _locked(Path(args.docs)):
        return _build(args)


def _build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    report = build(
        Path(args.dossier),
        Path(args.docs),
        progress=None if args.quiet else _progress,
        cache_dir=None if args.no_cache else Path(args.cache),
        workers=args.jobs,
    )
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if args.site:
        with site_config(Path(args.dossier), Path(args.docs), _own(args.config)) as config:
            mkdocs_build(config, Path(args.site))
    elapsed = time.perf_counter() - started
    where = f"{args.docs}/" + (f" and {args.site}/" if args.site else "")
    plural = "s" if len(report.warnings) != 1 else ""
    print(
        f"built {report.articles} articles into {where}: {report.pages_written} pages written, "
        f"{report.pages_unchanged} unchanged, {report.pages_removed} removed, "
        f"{len(report.warnings)} warning{plural}; {report.annotated} articles annotated, "
        f"{report.cached} from the cache ({elapsed:.1f} s)"
    )
    return 0


def _own(config: str | None) -> Path | None:
    return Path(config) if config else None


def cmd_entities(args: argparse.Namespace) -> int:
    """Print the found entities that dossier/entities.yml does not cover, as YAML to paste."""
    _check_cache(args)
    dossier_dir = Path(args.dossier)
    dossier, _ = assemble(dossier_dir, cache_dir=None if args.no_cache else Path(args.cache), workers=args.jobs)
    if args.review:
        print(review_yaml(unconfirmed(dossier)), end="")
        return 0
    curated = load_curated(dossier_dir / "entities.yml", "entities.yml")
    stub = uncurated_stub([e for e in dossier.entities if e.confirmed], curated)
    print(stub if stub.strip() else "# every entity found is already in entities.yml")
    return 0


def _snapshot(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """What a change in the dossier folder looks like: names, sizes and mtimes (a file
    deleted while it is looked at is left out)."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith("."):
                try:
                    info = os.stat(os.path.join(root, name))
                except OSError:
                    continue
                found.append((os.path.join(root, name), info.st_size, info.st_mtime_ns))
    return tuple(sorted(found))


def _check_port(addr: str) -> None:
    """Refuse an address that cannot be served on (a busy port) before anything starts."""
    host, _, port = addr.rpartition(":")
    if not host or not port.isdigit():
        raise DossierError(f"--addr {addr}: expected HOST:PORT, such as 127.0.0.1:8000")
    import socket  # noqa: PLC0415 - only `dossier serve` needs it
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
            probe.bind((host.strip("[]"), int(port)))
    except OSError as err:
        raise DossierError(f"{addr}: cannot serve there: {err.strerror or err} "
                           "(another preview running? choose another with --addr)") from None


def _start_preview(cmd: list[str]) -> subprocess.Popen[bytes]:
    """Start `mkdocs serve` in a process group of its own, which _stop_preview ends whole;
    on Linux it is also told to stop if this process dies without cleaning up (SIGKILL)."""
    import subprocess  # noqa: PLC0415 - only `dossier serve` needs it

    linux = sys.platform.startswith("linux")
    return subprocess.Popen(cmd, env=_MKDOCS_ENV, start_new_session=True,
                            preexec_fn=_die_with_parent if linux else None)  # noqa: PLW1509 - no threads here


def _die_with_parent() -> None:
    """In the child, before mkdocs starts: SIGTERM when the parent dies (prctl PR_SET_PDEATHSIG)."""
    import ctypes  # noqa: PLC0415 - Linux only, in the child

    try:
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def _stop_preview(server: subprocess.Popen[bytes]) -> None:
    import subprocess  # noqa: PLC0415 - only `dossier serve` needs it

    for sig, wait in ((signal.SIGTERM, 10.0), (signal.SIGKILL, None)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            pass
        try:
            server.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # runs the `finally` that stops the preview


def cmd_serve(args: argparse.Namespace) -> int:
    """Build, start `mkdocs serve`, and rebuild docs/ whenever the dossier changes."""
    dossier, docs = Path(args.dossier), Path(args.docs)
    _check_outputs(args)
    _check_port(args.addr)
    cache_dir = None if args.no_cache else Path(args.cache)
    memory = Memory() if cache_dir else None  # rebuilds read only changed articles

    def rebuild() -> BuildReport:
        with _locked(docs):
            return build(dossier, docs, cache_dir=cache_dir, workers=args.jobs, memory=memory)

    rebuild()
    with site_config(dossier, docs, _own(args.config)) as config:
        return _serve(args, config, rebuild)


def _serve(args: argparse.Namespace, config: Path, rebuild: Callable[[], BuildReport]) -> int:
    dossier = Path(args.dossier)
    # --dirty: mkdocs rebuilds only the pages whose files changed, and the builder touches
    # only those; --no-strict: a dirty build always warns (`dossier build --site` is strict)
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr", args.addr, "--livereload",
           "--dirty", "--no-strict"]
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _exit_on_signal)
    server = _start_preview(cmd)
    print(f"serving on http://{args.addr}/ ; rebuilding when {dossier}/ changes (Ctrl-C to stop)", flush=True)
    seen = _snapshot(dossier)
    try:
        while server.poll() is None:
            time.sleep(args.interval)
            now = _snapshot(dossier)
            if now == seen:
                continue
            seen = now
            try:
                report = rebuild()
            except (DossierError, OSError) as err:
                print(f"error: {err} (the preview keeps the previous pages)", file=sys.stderr, flush=True)
                continue
            print(f"rebuilt: {report.pages_written} pages written, {len(report.warnings)} warnings", flush=True)
            if report.pages_removed:  # a dirty mkdocs never deletes a page: start it afresh
                _stop_preview(server)
                server = _start_preview(cmd)
    finally:
        _stop_preview(server)
    return server.returncode if server.returncode and server.returncode > 0 else 0


def cmd_add(args: argparse.Namespace) -> int:
    """Fetch web pages into the dossier's articles folder (builder/fetch.py)."""
    from builder.fetch import FetchError, already_added, fetch, file_stem  # noqa: PLC0415 - only for this command
    from builder.write import save_new  # noqa: PLC0415

    folder = Path(args.dossier) / "articles"
    failed = 0
    for url in args.urls:
        try:
            fetched = fetch(url, timeout=args.timeout, max_bytes=int(args.max_size * 1024 * 1024))
            known = already_added(folder, fetched.url)
            if known:
                print(f"{url}: already in the dossier as {known}; not added again")
                continue
            path = save_new(folder, file_stem(fetched), ".html", fetched.data)
        except FetchError as err:
            print(f"error: {err}", file=sys.stderr)
            failed += 1
            continue
        print(f"added {folder / path.name}: {fetched.title or fetched.url}")
    return 2 if failed else 0


def cmd_pdf(args: argparse.Namespace) -> int:
    """Print each article's brief and the whole dossier from the built site (builder/pdf.py)."""
    from builder.pdf import print_pdfs  # Playwright and pypdf are loaded only for this command

    def progress(message: str) -> None:
        if not args.quiet and sys.stderr.isatty():
            print(message, file=sys.stderr)

    check_output("out", args.out, {"the articles folder": "dossier/articles", "the docs folder": "docs",
                                   "the site": args.site}, _holders("mkdocs.yml"))
    out = Path(args.out)
    report = print_pdfs(Path(args.site), out, args.paper, args.chromium, progress=progress)
    print(
        f"printed {report.briefs} article briefs into {out}/articles/ and the whole dossier into "
        f"{out}/dossier.pdf ({report.dossier_pages} pages, {report.paper}) ({report.seconds:.1f} s)"
    )
    return 0


def _paper(value: str) -> str:
    from builder.pdf import paper  # loaded only when a paper size is given

    return paper(value)


_paper.__name__ = "paper size"  # argparse names the type in its error message


def _cache_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--cache", default=".dossier-cache",
                         help="annotation cache folder, so unchanged articles are not re-annotated (default: .dossier-cache)")
    command.add_argument("--no-cache", action="store_true", help="annotate every article afresh")
    command.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                         help="processes that annotate large dossiers in parallel (default: all cores)")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="dossier", description="Turn a folder of news articles into an annotated briefing site."
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="read, annotate and write the dossier's pages into docs/",
                       description="Read dossier/articles, annotate them and write the generated pages into docs/.")
    b.add_argument("--dossier", default="dossier", help="the dossier folder (default: dossier)")
    b.add_argument("--docs", default="docs", help="the MkDocs docs folder to write into (default: docs)")
    b.add_argument("--site", default=None, metavar="DIR",
                   help="also run a strict mkdocs build into DIR (swapped in only if it succeeds)")
    b.add_argument("--config", default=None, metavar="FILE",
                   help="your own MkDocs configuration for --site, used as it is (default: the builder's own, "
                        "with the dossier's title and docs folder)")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    _cache_options(b)
    b.set_defaults(run=cmd_build)

    e = sub.add_parser("entities", help="list found entities not yet in entities.yml, as a YAML stub",
                       description="Print the entities found in the articles that dossier/entities.yml does not "
                                   "cover yet, as YAML ready to paste into it.")
    e.add_argument("--dossier", default="dossier", help="the dossier folder (default: dossier)")
    e.add_argument("--review", action="store_true",
                   help="print the names not yet confirmed instead, as YAML to confirm, retype, merge or hide")
    _cache_options(e)
    e.set_defaults(run=cmd_entities)

    s = sub.add_parser("serve", help="live preview that rebuilds when the dossier changes",
                       description="Build, then serve the site and rebuild whenever a file in the dossier changes.")
    s.add_argument("--dossier", default="dossier", help="the dossier folder (default: dossier)")
    s.add_argument("--docs", default="docs", help="the MkDocs docs folder (default: docs)")
    s.add_argument("--config", default=None, metavar="FILE",
                   help="your own MkDocs configuration, used as it is (default: the builder's own, with the "
                        "dossier's title and docs folder)")
    s.add_argument("--addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    s.add_argument("--interval", type=float, default=1.0, help="seconds between checks for changes (default: 1)")
    _cache_options(s)
    s.set_defaults(run=cmd_serve)

    a = sub.add_parser("add", help="fetch web pages into the dossier's articles folder",
                       description="Fetch each URL into DOSSIER/articles/ as a saved page, named from its headline, "
                                   "with the address and the time of fetching recorded at its top (as a browser's "
                                   "'Save Page As' does). Page scripts are never run. A page that fails (HTTP error, "
                                   "timeout, over the size cap, a redirect to a non-http(s) address, no story) gets "
                                   "one line on stderr and is not added; the exit status is then 2.")
    a.add_argument("urls", nargs="+", metavar="URL", help="http(s) address of an article")
    a.add_argument("--dossier", default="dossier", help="the dossier folder (default: dossier)")
    a.add_argument("--timeout", type=float, default=20.0, help="seconds allowed for each page (default: 20)")
    a.add_argument("--max-size", type=float, default=10.0, metavar="MB", help="largest page accepted, in MB (default: 10)")
    a.set_defaults(run=cmd_add)

    p = sub.add_parser("pdf", help="print PDF briefs of the built site with headless Chromium",
                       description="Print one PDF brief per article (OUT/articles/<slug>.pdf) and the whole "
                                   "dossier (OUT/dossier.pdf) from the built site, with the system's Chromium.")
    p.add_argument("--site", default="site", metavar="DIR", help="the built site to print (default: site)")
    p.add_argument("--out", default="pdf", metavar="DIR", help="folder for the PDFs, replaced whole (default: pdf)")
    p.add_argument("--paper", default="A4", type=_paper, metavar="A4|Letter", help="paper size (default: A4)")
    p.add_argument("--chromium", default=None, metavar="PATH",
                   help="the browser to print with (default: $DOSSIER_CHROMIUM, else chromium, chromium-browser "
                        "or google-chrome on PATH)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    p.set_defaults(run=cmd_pdf)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except DossierError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # a disk or folder problem no stage turned into a message
        print(f"error: {shown(str(err.filename or ''))}: {err.strerror or err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("interrupted; the previous output is left as it was", file=sys.stderr)
        return 130


def console() -> None:
    """The `dossier` command: main(), then an exit that skips freeing the process's objects
    one by one (a one-shot build leaves hundreds of thousands; the system frees them at
    once), as mypy does. Output is flushed first."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe, or a stream closed above
            pass
    os._exit(code)
