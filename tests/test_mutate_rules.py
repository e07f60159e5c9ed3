"""scripts/mutate_rules.py: the tables it knows and the tests it runs for a rule."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "mutate_rules.py"


@pytest.fixture(scope="module")
def mutate():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("mutate_rules", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("mutate_rules", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("table", ["evidence", "resolvers", "word", "context"])
def test_every_table_has_unique_ids(mutate, table: str) -> None:  # type: ignore[no-untyped-def]
    ids = mutate.TABLES[table][0]()
    assert ids and len(ids) == len(set(ids))


def test_the_tests_that_name_a_rule(mutate) -> None:  # type: ignore[no-untyped-def]
    assert "tests/test_rule_rows.py" in mutate.naming_files("evidence", "employer")
    assert "tests/test_speakers.py" in mutate.naming_files("resolvers", "echo")
    assert mutate.naming_files("evidence", "no-such-" + "rule") == []  # (split, or this file names it)
