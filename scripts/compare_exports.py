#!/usr/bin/env python3
"""Check that a change is behaviour-preserving: build a few dossiers with the working tree and
with a reference commit, and compare their `dossier.json` byte for byte.

    .venv/bin/python scripts/compare_exports.py            # against the last commit (HEAD)
    .venv/bin/python scripts/compare_exports.py --ref HEAD~1 --only seeds

The dossiers: the development sets re3d-open and wikinews-gum, the bundled sample dossier
(`dossier/`), and a scratch dossier of the saved pages in ../shared/html-samples (each
NAME/page.html copied to articles/NAME.html). The reference tree is exported with `git
archive` into a temporary folder (no worktree, nothing checked out) and its builds are kept
in /tmp/compare_exports/<commit>/ so later runs only build the working tree.
Exit status 1 when some export differs.
"""
from __future__ import annotations

import argparse
import difflib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"  # (../shared, as the README says)
CACHE = Path(tempfile.gettempdir()) / "compare_exports"
RUN = "import sys; sys.path.insert(0, sys.argv[1]); from builder.cli import main; sys.exit(main(sys.argv[2:]))"


def dossiers(scratch: Path) -> dict[str, Path]:
    """The dossier folders to build, by name (the html samples copied into a scratch dossier)."""
    html = scratch / "html-samples"
    if not html.exists():
        (html / "articles").mkdir(parents=True)
        for page in sorted((SHARED / "html-samples").glob("*/page.html")):
            shutil.copyfile(page, html / "articles" / f"{page.parent.name}.html")
    return {"re3d-open": SHARED / "devsets" / "re3d-open", "wikinews-gum": SHARED / "devsets" / "wikinews-gum",
            "seeds": ROOT / "dossier", "html-samples": html}


def build(source: Path, dossier: Path, out: Path) -> bytes:
    """Build one dossier with the builder in `source`; the bytes of its dossier.json."""
    if out.exists():
        shutil.rmtree(out)
    run = subprocess.run([sys.executable, "-c", RUN, str(source), "build", "--dossier", str(dossier),
                          "--docs", str(out), "--no-cache", "-q"], cwd=source, capture_output=True, text=True)
    export = out / "dossier.json"
    if not export.exists():
        sys.exit(f"compare_exports: the build of {dossier} with {source} failed:\n{run.stderr[-2000:]}")
    return export.read_bytes()


def reference(commit: str, scratch: Path) -> Path:
    """The reference tree, exported from git (kept per commit)."""
    sha = subprocess.run(["git", "rev-parse", commit], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    tree = CACHE / sha / "tree"
    if not tree.exists():
        tree.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", sha], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", default="HEAD", help="the reference commit (default: HEAD, the last commit)")
    parser.add_argument("--only", action="append", help="build only this dossier (repeatable)")
    args = parser.parse_args(argv)
    tree = reference(args.ref, CACHE)
    builds = tree.parent / "builds"
    differ = 0
    with tempfile.TemporaryDirectory(prefix="compare_exports-") as tmp:
        for name, folder in dossiers(CACHE).items():
            if args.only and name not in args.only:
                continue
            ref_json = builds / name / "dossier.json"
            old = ref_json.read_bytes() if ref_json.exists() else build(tree, folder, builds / name)
            new = build(ROOT, folder, Path(tmp) / name)
            if old == new:
                print(f"{name:13} identical ({len(new):,} bytes)")
                continue
            differ += 1
            print(f"{name:13} DIFFERS")
            diff = difflib.unified_diff(old.decode().splitlines(), new.decode().splitlines(), "reference", "working tree",
                                        n=1, lineterm="")
            for line in list(diff)[:40]:
                print("   ", line[:200])
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
