"""A labelled table of every entity a build makes, for calibrating the confidence (builder/confirm.py).

usage: .venv/bin/python scripts/page_calibration.py [WORKTREE] [--only SET]... [--out FILE] [--summary]
       [--candidates] [--builder DIR]

Builds the three dev sets (as scripts/page_audit.py does) and every page-audit fixture of the
tests (each tests/test_page_audit*.py that has FIXTURE and PAGES: new fixtures are picked up
as they arrive) with WORKTREE's .venv/bin/dossier, and writes one row per entity (page or
not): set, name, type, page (1 = confirmed and not hidden), confidence, mentions, articles,
evidence, the type evidence (rules of the groups type-* and strong-*), shape features (one
word, all capitals, a prefix/suffix of another entity's name) and the label:
  right             the judged type (dev table, or the fixture's PAGES)
  wrong-type        a name, of another type
  wrong-N/-S/-M     dev table: no name, a split, mangled
  wrong-fixture     a fixture's entity that PAGES does not have (KNOWN_WRONG or a missing page)
  unjudged          a dev-set entity no row judges (a hidden one, or a new page)
--summary prints, per set, the pages wrong and the right names that are not pages.
--candidates prints, per set, how many wrong and right pages each candidate rule (CANDIDATES:
features an entity must all have) would send to review: a rule is worth making only where it
takes more wrong pages than right ones on the sets it was not chosen on.
--builder DIR builds with the `builder` package in DIR (e.g. an older revision, `git archive REV
builder | tar -x -C DIR`) run by WORKTREE's Python: the fixtures' tables judged on the pages an
older builder made of them are the nearest thing to text never seen.
"""
from __future__ import annotations

import importlib
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from page_audit import SETS, load_table  # noqa: E402
from quote_audit import dossier_of  # noqa: E402

COLUMNS = ("set", "name", "type", "page", "confidence", "mentions", "articles", "one_word", "all_caps",
           "part_of_other", "part_same_type", "part_same_article", "type_evidence", "evidence", "label")


def build(worktree: Path, dossier: Path, out: Path, builder: Path | None = None) -> dict:
    command = [str(worktree / ".venv/bin/dossier")]
    if builder is not None:  # (the package in `builder`, ahead of the installed one)
        command = [str(worktree / ".venv/bin/python"), "-c",
                   f"import sys; sys.path.insert(0, {str(builder)!r}); sys.argv[0] = 'dossier'; "
                   "from builder.cli import console; sys.exit(console())"]
    subprocess.run([*command, "build", "--dossier", str(dossier), "--docs", str(out),
                    "--no-cache", "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return json.loads((out / "dossier.json").read_text(encoding="utf-8"))


def fixtures(root: Path) -> dict[str, tuple[Path, dict, set[str]]]:
    """name -> (the fixture's dossier folder, PAGES as {name: {types}}, KNOWN_WRONG)."""
    sys.path.insert(0, str(root))
    found: dict[str, tuple[Path, dict, set[str]]] = {}
    for path in sorted((root / "tests").glob("test_page_audit*.py")):
        try:
            module = importlib.import_module(f"tests.{path.stem}")
        except Exception as error:  # (a fixture module that does not import is reported, not fatal)
            print(f"skipped {path.name}: {error}", file=sys.stderr)
            continue
        if not hasattr(module, "PAGES") or not hasattr(module, "FIXTURE"):
            continue
        pages = {name: {t.value for t in (kind if isinstance(kind, tuple) else (kind,))}
                 for name, kind in module.PAGES.items()}
        found[path.stem.removeprefix("test_")] = (Path(module.FIXTURE), pages, set(getattr(module, "KNOWN_WRONG", ())))
    return found


def label_dev(entity: dict, table: dict[str, set[str]]) -> str:
    truth = table.get(entity["name"])
    if truth is None:
        return "unjudged"
    bad = truth & {"N", "S", "M"}
    if bad:
        return "wrong-" + "".join(sorted(bad))
    return "right" if entity["type"] in truth else "wrong-type"


def label_fixture(entity: dict, pages: dict[str, set[str]]) -> str:
    truth = pages.get(entity["name"])
    if truth is None:
        return "wrong-fixture"
    return "right" if entity["type"] in truth else "wrong-type"


def type_groups() -> dict[str, frozenset[str]]:
    from builder.annotate import evidence
    kinds = ("person", "org", "place", "product", "event", "other")
    return {f"{g}-{k}": evidence.group(f"{g}-{k}") for g in ("type", "strong") for k in kinds}


def rows(name: str, export: dict, label) -> list[dict]:
    mentions: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    where: dict[str, set[str]] = {}
    for article in export["articles"]:
        ids = [m["entity"] for m in article.get("mentions", []) + article.get("unconfirmed_mentions", [])]
        mentions.update(ids)
        articles.update(set(ids))
        for entity_id in ids:
            where.setdefault(entity_id, set()).add(article["id"])
    longer: dict[str, list[dict]] = {}  # a name -> the entities whose name starts or ends with it
    for other in export["entities"]:
        words = other["name"].split()
        for i in range(1, len(words)):
            longer.setdefault(" ".join(words[:i]), []).append(other)
            longer.setdefault(" ".join(words[i:]), []).append(other)
    groups = type_groups()
    out = []
    for entity in export["entities"]:
        n = entity["name"]
        fired = set(entity.get("evidence", ()))
        others = longer.get(n, [])
        mine = where.get(entity["id"], set())
        out.append({
            "set": name, "name": n, "type": entity["type"],
            "page": int(entity.get("confirmed", True) and not entity.get("hidden")),
            "confidence": entity.get("confidence"), "mentions": mentions[entity["id"]],
            "articles": articles[entity["id"]], "one_word": int(" " not in n),
            "all_caps": int(n.replace(".", "").replace(" ", "").isupper()), "part_of_other": int(bool(others)),
            "part_same_type": int(any(o["type"] == entity["type"] for o in others)),
            "part_same_article": int(any(mine & where.get(o["id"], set()) for o in others)),
            "type_evidence": ",".join(sorted(g for g, ids in groups.items() if fired & ids)),
            "evidence": ",".join(sorted(fired)), "label": label(entity)})
    return out


def collect(worktree: Path, only: list[str], builder: Path | None = None) -> list[dict]:
    table: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        for name in SETS:
            if only and name not in only:
                continue
            judged = load_table(name)
            export = build(worktree, dossier_of(name, scratch / name / "dossier"), scratch / name / "docs", builder)
            table += rows(name, export, lambda e, judged=judged: label_dev(e, judged))
        for name, (folder, pages, _known) in fixtures(ROOT).items():  # (the tables of this checkout)
            if only and name not in only:
                continue
            export = build(worktree, folder, scratch / name / "docs", builder)
            table += rows(name, export, lambda e, pages=pages: label_fixture(e, pages))
    return table


def summary(table: list[dict]) -> None:
    print("set\tpages\twrong pages\tright names not pages\twrong kept off")
    for name in dict.fromkeys(r["set"] for r in table):
        mine = [r for r in table if r["set"] == name]
        pages = [r for r in mine if r["page"]]
        wrong = [r for r in pages if r["label"].startswith("wrong")]
        lost = [r for r in mine if not r["page"] and r["label"] == "right"]
        kept_off = [r for r in mine if not r["page"] and r["label"].startswith("wrong")]
        print(f"{name}\t{len(pages)}\t{len(wrong)} ({100 * len(wrong) / max(1, len(pages)):.1f}%)\t{len(lost)}"
              f"\t{len(kept_off)}")


# candidate rules: (id, the features an entity must all have); features() says what each means
CANDIDATES: tuple[tuple[str, frozenset[str]], ...] = tuple((rule, frozenset(need.split())) for rule, need in (
    ("one-mention-no-cue", "single no-cue"),
    ("part-of-longer-same-type", "part_same_type part_same_article"),
    ("part-of-longer-one-mention", "part_same_type part_same_article single"),
    ("all-caps-one-mention-no-cue", "all_caps single no-cue"),
    ("one-word-one-mention", "one_word single"),
    ("one-word-one-mention-no-cue", "one_word single no-cue"),
    ("type-conflict", "other-strong no-own-strong"),
    ("person-shape-one-mention", "type:person no-cue single"),
    ("below-full-confidence", "conf<1"),
))
_PERSON_OWN = frozenset({"given-name", "title", "role", "said", "person-cue", "middle-initial"})


def features(row: dict) -> frozenset[str]:
    """What a row of the table says of its entity, as the names CANDIDATES use: has:RULE (evidence),
    type:TYPE, single (one mention), one-article, one_word, all_caps, part_* (columns), no-cue
    (no rule of the group cue), no-own-strong (no strong evidence of its own type), other-strong
    (strong evidence of another type, not a known name), conf<1."""
    from builder.annotate.evidence import group
    fired = set(row["evidence"].split(",")) - {""}
    kind = row["type"]
    found = {f"has:{rule}" for rule in fired} | {f"type:{kind}"}
    found |= {column for column in ("one_word", "all_caps", "part_of_other", "part_same_type", "part_same_article")
              if str(row[column]) == "1"}
    own = group(f"strong-{kind}") | (_PERSON_OWN if kind == "person" else frozenset())
    others = set().union(*(group(f"strong-{k}") for k in ("person", "org", "place", "product", "event", "other")
                           if k != kind))
    checks = {"single": str(row["mentions"]) == "1", "one-article": str(row["articles"]) == "1",
              "no-cue": not fired & group("cue"), "no-own-strong": not fired & own,
              "other-strong": bool(fired & others) and "known" not in fired, "conf<1": float(row["confidence"]) < 1}
    return frozenset(found | {name for name, holds in checks.items() if holds})


def candidates(table: list[dict]) -> None:
    sets = list(dict.fromkeys(r["set"] for r in table))
    print("rule\t" + "\t".join(sets) + "\t(wrong/right pages it would send to review)")
    judged = [(r, features(r)) for r in table if r["page"] and r["label"] != "unjudged"]
    for rule, need in CANDIDATES:
        cells = []
        for name in sets:
            hit = [r for r, found in judged if r["set"] == name and need <= found]
            wrong = sum(r["label"].startswith("wrong") for r in hit)
            cells.append(f"{wrong}/{len(hit) - wrong}")
        print(rule + "\t" + "\t".join(cells))


def main(argv: list[str]) -> int:
    only = [argv[i + 1] for i, a in enumerate(argv) if a == "--only" and i + 1 < len(argv)]
    out = next((argv[i + 1] for i, a in enumerate(argv) if a == "--out" and i + 1 < len(argv)), None)
    builder = next((Path(argv[i + 1]).resolve() for i, a in enumerate(argv) if a == "--builder" and i + 1 < len(argv)),
                   None)
    flags_with_value = {"--only", "--out", "--builder"}
    rest = [a for i, a in enumerate(argv) if not a.startswith("-") and (i == 0 or argv[i - 1] not in flags_with_value)]
    worktree = Path(rest[0]).resolve() if rest else ROOT
    table = collect(worktree, only, builder)
    lines = ["\t".join(COLUMNS)] + ["\t".join(str(r[c]) for c in COLUMNS) for r in table]
    if out:
        Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    if "--summary" in argv or not out and "--candidates" not in argv:
        summary(table)
    if "--candidates" in argv:
        candidates(table)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
