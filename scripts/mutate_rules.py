#!/usr/bin/env python3
"""Mutation check of the rule tables: does some test notice when a rule is removed?

For each row of each rule table with ids, the rule is removed and the test files that
name its id (in quotes) are run; a row whose removal no test notices is reported, and so is
a row that no test names at all. Tests that only check that every row has a test row
(test_every_..._has_a_row) are left out: they notice a missing row, not a missing rule. Only test files that speak of the table's subject
("evidence", "resolver") count as naming an id: ids such as "title" are common words. Run from the project folder:

    .venv/bin/python scripts/mutate_rules.py               # every table
    .venv/bin/python scripts/mutate_rules.py evidence      # one table
    .venv/bin/python scripts/mutate_rules.py evidence:title  # one row

The tables, and what removing a row means:
  evidence   builder/data/entities/evidence.txt: the rule counts for nothing (its weight
             and, for `known`, its certainty are gone from the confidence)
  resolvers  builder/data/quotes/resolvers.txt: a speaker resolver's answers of that id
             are dropped (the next resolver answers)
  word       candidates.WORD_RULES: the rule never fires
  context    candidates.CONTEXT_RULES: the rule never fires
  no-name    candidates.NO_NAME_RULES: the rule never fires (the piece it leaves out is kept)
  works      works.RULES (works, products, missions, studios): the row never fires

The removal happens in the test process only (this file is also the pytest plugin that
applies it, by the environment variable RULE_MUTATION=table:id): no file is edited.
Exit status 1 when some row is not noticed or named by no test.
"""
from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ENV = "RULE_MUTATION"


# --- the tables ------------------------------------------------------------------------


def _evidence_ids() -> list[str]:
    from builder.annotate import evidence
    return list(evidence.rules())


def _resolver_ids() -> list[str]:
    from builder.annotate import speaker_resolvers
    return list(speaker_resolvers.confidences())


def _remove_evidence(rule_id: str) -> None:
    from builder.annotate import evidence
    table = evidence.rules()  # the cached table: removing the row removes it for every caller
    del table[rule_id]
    original = evidence.confidence
    evidence.confidence = lambda ids: original([i for i in ids if i in table])  # type: ignore[assignment]


def _remove_resolver(rule_id: str) -> None:
    from builder.annotate import speaker_resolvers as sr
    del sr.confidences()[rule_id]
    original = sr.verdict

    def verdict(resolver: str, *args: Any, **kwargs: Any) -> Any:
        return original(resolver, *args, **kwargs) if resolver in sr.confidences() else None

    _replace_everywhere(original, verdict)
    for chain in ("RESOLVERS", "PERSONS_ONLY", "NEAREST", "INTRODUCED"):
        setattr(sr, chain, tuple(_dropping(resolver, rule_id) for resolver in getattr(sr, chain)))


def _dropping(resolver: Callable[[Any], Any], rule_id: str) -> Callable[[Any], Any]:
    def run(phrase: Any) -> Any:
        found = resolver(phrase)
        return None if found is not None and found.resolver == rule_id else found
    return run


def _rows(module: str, attr: str) -> tuple[Callable[[], list[str]], Callable[[str], None]]:
    """A table that is a tuple of rows with ids, `attr` of builder.annotate.`module`: its
    ids, and the removal of a row (the row never fires)."""
    def where() -> Any:
        return importlib.import_module(f"builder.annotate.{module}")

    def ids() -> list[str]:
        return [rule.id for rule in getattr(where(), attr)]

    def remove(rule_id: str) -> None:
        setattr(where(), attr, tuple(r for r in getattr(where(), attr) if r.id != rule_id))
    return ids, remove


TABLES: dict[str, tuple[Callable[[], list[str]], Callable[[str], None]]] = {
    "evidence": (_evidence_ids, _remove_evidence),
    "resolvers": (_resolver_ids, _remove_resolver),
    "word": _rows("candidates", "WORD_RULES"),
    "context": _rows("candidates", "CONTEXT_RULES"),
    "no-name": _rows("candidates", "NO_NAME_RULES"),
    "works": _rows("works", "RULES"),
}


def _replace_everywhere(old: object, new: object) -> None:
    """Replace a function in every builder module that imported it by name."""
    for name, module in list(sys.modules.items()):
        if name.startswith("builder") and module is not None:
            for attr, value in list(vars(module).items()):
                if value is old:
                    setattr(module, attr, new)


# --- the pytest plugin ---------------------------------------------------------------------


def pytest_configure(config: Any) -> None:
    """Remove the row named by RULE_MUTATION before any test runs."""
    wanted = os.environ.get(ENV)
    if not wanted:
        return
    import pkgutil

    import builder.annotate
    for info in pkgutil.iter_modules(builder.annotate.__path__):  # import all, so every copy is replaced
        importlib.import_module(f"builder.annotate.{info.name}")
    table, _, rule_id = wanted.partition(":")
    TABLES[table][1](rule_id)


# --- the driver --------------------------------------------------------------------------------


# A test file speaks of a table's rules when it names this (ids such as "title" or "known"
# are also common words of other tests).
SUBJECT = {"evidence": "evidence", "resolvers": "resolver", "word": "evidence", "context": "evidence",
           "no-name": "NO_NAME_RULES", "works": "works"}


# Tests that only compare a table's ids with their list of rows ("test_every_word_rule_has_a_row")
# do not count: they notice a missing row, not a missing behaviour.
COVERAGE_TESTS = "has_a"


def naming_files(table: str, rule_id: str) -> list[str]:
    """The test files of the table's subject that name the id in quotes."""
    pattern = re.compile(rf"[\"']{re.escape(rule_id)}[\"']")
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("test_*.py")
                  if pattern.search(text := p.read_text(encoding="utf-8")) and SUBJECT[table] in text)


def noticed(table: str, rule_id: str, files: list[str]) -> bool:
    env = {**os.environ, ENV: f"{table}:{rule_id}",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "scripts"), str(ROOT), os.environ.get("PYTHONPATH")]))}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-p", "mutate_rules",
                          "-k", f"not {COVERAGE_TESTS}", *files], cwd=ROOT, env=env, capture_output=True, text=True)
    return run.returncode != 0


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    wanted = argv[1:] or list(TABLES)
    missed = 0
    for want in wanted:
        table, _, only = want.partition(":")
        if table not in TABLES:
            print(f"mutate_rules: no table '{table}' (tables: {', '.join(TABLES)})", file=sys.stderr)
            return 2
        for rule_id in TABLES[table][0]():
            if only and rule_id != only:
                continue
            files = naming_files(table, rule_id)
            if not files:
                verdict = "NAMED BY NO TEST"
            else:
                verdict = "noticed" if noticed(table, rule_id, files) else "NOT NOTICED"
            missed += verdict != "noticed"
            print(f"{table:9} {rule_id:24} {verdict:17} {' '.join(files)}", flush=True)
    print(f"{missed} row(s) whose removal no test notices")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
