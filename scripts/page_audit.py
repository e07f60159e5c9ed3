"""Compare the entity pages of a build with the hand-judged tables in notes/page-audit/.

usage: python3 scripts/page_audit.py [WORKTREE] [--only SET]... [-v]

Builds the three dev sets with WORKTREE's .venv/bin/dossier (default: this checkout;
html-samples: the saved pages copied into a scratch dossier as articles/NAME.html) and looks
every page (an entity confirmed and not hidden) up in notes/page-audit/SET.tsv: `name<TAB>types`
(comma separated, any of them right) or N (no name), S (a split), M (mangled). Prints the wrong
pages and the pages no row judges (UNJUDGED: judge them from the text and add a row), then
"SET: W of P pages wrong (x%)". -v lists every page with its verdict.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from quote_audit import dossier_of  # (scripts/ is on the path when a script of it runs)

SETS = ("wikinews-gum", "html-samples", "re3d-open")
TABLES = Path(__file__).resolve().parent.parent / "notes" / "page-audit"


def pages(worktree: Path, dossier: Path, out: Path) -> list[dict]:
    subprocess.run([str(worktree / ".venv/bin/dossier"), "build", "--dossier", str(dossier), "--docs", str(out),
                    "--no-cache", "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    export = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    return [e for e in export["entities"] if e.get("confirmed", True) and not e.get("hidden")]


def load_table(name: str) -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    path = TABLES / f"{name}.tsv"
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
        cols = line.split("\t")
        if len(cols) >= 2 and not line.startswith("#"):
            table[cols[0]] = {t.strip() for t in cols[1].split(",") if t.strip()}
    return table


def verdict(entity: dict, truth: set[str] | None) -> str:
    if truth is None:
        return "UNJUDGED"
    if truth & {"N", "S", "M"}:
        return "WRONG " + "/".join(sorted(truth))
    return "right" if entity["type"] in truth else f"WRONG type (right: {','.join(sorted(truth))})"


def audit(worktree: Path, name: str, verbose: bool) -> tuple[int, int, int]:
    table = load_table(name)
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        found = pages(worktree, dossier_of(name, scratch / "dossier"), scratch / "docs")
    wrong = unjudged = 0
    for entity in sorted(found, key=lambda e: e["name"]):
        said = verdict(entity, table.get(entity["name"]))
        wrong += said.startswith("WRONG")
        unjudged += said == "UNJUDGED"
        if verbose or said != "right":
            print(f"{name}\t{said}\t{entity['name']}\t{entity['type']}")
    share = 100 * wrong / max(1, len(found))
    print(f"{name}: {wrong} of {len(found)} pages wrong ({share:.1f}%), {unjudged} unjudged")
    return wrong, len(found), unjudged


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    only = [argv[i + 1] for i, a in enumerate(argv) if a == "--only" and i + 1 < len(argv)]
    rest = [a for i, a in enumerate(argv) if not a.startswith("-") and (i == 0 or argv[i - 1] != "--only")]
    worktree = Path(rest[0]).resolve() if rest else TABLES.parent.parent
    for name in only or SETS:
        audit(worktree, name, verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
