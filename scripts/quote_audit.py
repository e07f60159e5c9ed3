"""Compare the quotes of a build with the hand-judged tables in notes/quote-audit/.

usage: .venv/bin/python scripts/quote_audit.py [--only SET]... [--list] [-v] [--worktree DIR]

Builds the dev sets that have no quote gold (html-samples: the saved pages, each copied to a
scratch dossier's articles/NAME.html; re3d-open: government releases) plus wikinews-gum, and
looks every extracted quote up in notes/quote-audit/SET.tsv by its article file and first
words. A row's truth is the speaker's name (alternatives separated by '|': a name, an alias, an
unnamed speaker as the text describes them, the organisation they speak for), '?' when the text
does not make the speaker clear (the build must show it as unsure), or '-' when it is no
quote (a title, a scare quote, a headline's words). Prints WRONG (a confident speaker the table
does not give, or any confident speaker for '?'), NONQUOTE and UNJUDGED lines and the counts;
--list prints every quote with its speaker, confidence and the paragraphs around it, ready to judge;
-v also lists the quotes shown as unsure.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

SHARED = Path("/work/shared")
SETS = ("html-samples", "re3d-open", "wikinews-gum")
KEY_WORDS = 8


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = re.sub(r"[\u2018\u2019`']", "'", text)
    return " ".join(re.findall(r"[\w']+", text.lower()))


def dossier_of(name: str, scratch: Path) -> Path:
    if name != "html-samples":
        return SHARED / "devsets" / name
    (scratch / "articles").mkdir(parents=True)
    for page in sorted((SHARED / "html-samples").glob("*/page.html")):
        shutil.copy(page, scratch / "articles" / f"{page.parent.name}.html")
    return scratch


def build(worktree: Path, dossier: Path, out: Path) -> dict:
    subprocess.run([str(worktree / ".venv/bin/dossier"), "build", "--dossier", str(dossier), "--docs", str(out),
                    "--no-cache", "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return json.loads((out / "dossier.json").read_text(encoding="utf-8"))


def load_table(path: Path) -> dict[str, list[tuple[str, str]]]:
    """file -> [(the quote's first words, normalised; truth)], longest first."""
    table: dict[str, list[tuple[str, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
        cols = line.split("\t")
        if len(cols) >= 3 and not line.startswith("#"):
            rows = table.setdefault(cols[0], [])
            same = [i for i, row in enumerate(rows) if row[0] == norm(cols[1])]
            if same and rows[same[0]][1] == cols[2].strip():
                continue
            if same:  # one quote printed twice with two speakers in the table: either is right
                rows[same[0]] = (rows[same[0]][0], rows[same[0]][1] + "|" + cols[2].strip())
            else:
                rows.append((norm(cols[1]), cols[2].strip()))
    for rows in table.values():
        rows.sort(key=lambda row: -len(row[0]))
    return table


def truth_of(table: dict[str, list[tuple[str, str]]], file: str, text: str) -> str | None:
    """The truth of the longest row whose words open the quote."""
    words = norm(text)
    return next((truth for first, truth in table.get(file, []) if first and (words + " ").startswith(first + " ")), None)


def said_by(quote: dict, entities: dict[str, dict]) -> set[str]:
    """The names a quote's confident speaker goes by (empty when it is shown as unsure)."""
    att = quote.get("attribution") or {}
    out = set()
    if quote.get("speaker_name"):
        out.add(norm(quote["speaker_name"]))
        ent = entities.get(quote.get("speaker") or "")
        out |= {norm(a) for a in (ent or {}).get("aliases", []) or []}
    elif att.get("description"):
        out.add(norm(att["description"]))
        if att.get("affiliation_name"):
            out.add(norm(att["affiliation_name"]))
    out.discard("")
    return out


def verdict(truth: str | None, said: set[str]) -> str:
    if truth is None:
        return "unjudged"
    if truth == "-":
        return "nonquote"
    if not said:
        return "unsure"
    if truth == "?":
        return "wrong"
    names = {norm(t) for t in truth.split("|")} - {"?", ""}
    # an unnamed speaker as the text describes them holds the table's description: 'the post by an unknown author'
    described = any(f" {name} " in f" {s} " for name in names for s in said if len(name) > 3)
    return "right" if said & names or described else "wrong"


def context(article, quote: dict) -> str:
    """The paragraph of the quote and the one before it."""
    blocks = article.text_blocks
    at = max((i for i, b in enumerate(blocks) if b.start <= quote["start"]), default=0)
    here = blocks[at]
    lo = max(0, quote["start"] - here.start - 300)
    before = f"    | ...{blocks[at - 1].text[-200:]}\n" if at else ""
    return f"{before}    | {'...' if lo else ''}{here.text[lo : quote['end'] - here.start + 150]}"


def articles_of(dossier: Path) -> dict:
    from builder.read import read_article  # noqa: PLC0415 - only --list needs the reader

    return {p.name: read_article(p) for p in sorted((dossier / "articles").iterdir()) if p.is_file()}


def audit(name: str, worktree: Path, listing: bool, verbose: bool) -> dict[str, int]:
    scratch = Path(tempfile.mkdtemp())
    try:
        dossier = dossier_of(name, scratch / "dossier")
        data = build(worktree, dossier, scratch / "docs")
        texts = articles_of(dossier) if listing else {}
    finally:
        shutil.rmtree(scratch)
    table = load_table(worktree / "notes/quote-audit" / f"{name}.tsv")
    entities = {e["id"]: e for e in data.get("entities", [])}
    files = {a["id"]: a["file"] for a in data.get("articles", [])}
    counts = dict.fromkeys(("right", "wrong", "nonquote", "nonquote_said", "unsure", "unjudged"), 0)
    for quote in data.get("quotes", []):
        file = files.get(quote["article"], quote["article"])
        truth = truth_of(table, file, quote["text"])
        said = said_by(quote, entities)
        found = verdict(truth, said)
        counts[found] += 1
        counts["nonquote_said"] += found == "nonquote" and bool(said)
        att = quote.get("attribution") or {}
        shown = quote.get("speaker_name") or att.get("description") or f"(unsure: {att.get('candidate')})"
        line = (f"{file}\t{' '.join(quote['text'].split()[:KEY_WORDS])}\t{shown}\t"
                f"{att.get('resolver')} {att.get('confidence', 0):.2f}\ttable: {truth}")
        if listing:
            print(f"{found.upper():9} {line}\n    intro: {att.get('intro')}")
            if file in texts:
                print(context(texts[file], quote))
        elif found in ("wrong", "nonquote", "unjudged") or (verbose and found == "unsure"):
            print(f"  {found.upper():9} {line}")
    judged = sum(counts.values()) - counts["unjudged"] - counts["nonquote_said"]
    print(f"{name}: {judged} quotes judged, {counts['right']} right, {counts['wrong']} wrong speakers, "
          f"{counts['nonquote']} non-quotes ({counts['nonquote_said']} given a speaker), {counts['unsure']} unsure, {counts['unjudged']} unjudged")
    return counts


def main(argv: list[str]) -> int:
    only = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--only"]
    worktree = Path(argv[argv.index("--worktree") + 1]) if "--worktree" in argv else Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(worktree))
    bad = 0
    for name in only or SETS:
        counts = audit(name, worktree, "--list" in argv, "-v" in argv)
        bad += counts["wrong"] + counts["nonquote"] + counts["unjudged"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
