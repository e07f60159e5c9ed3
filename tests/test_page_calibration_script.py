"""scripts/page_calibration.py: the labelled table of a build's entities (for calibrating the
confidence of builder/confirm.py), on a made-up export and tables."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).parents[1] / "scripts" / "page_calibration.py"
_SPEC = importlib.util.spec_from_file_location("page_calibration", _PATH)
assert _SPEC and _SPEC.loader
calibration = importlib.util.module_from_spec(_SPEC)
sys.modules["page_calibration"] = calibration
_SPEC.loader.exec_module(calibration)


def _entity(entity_id: str, name: str, kind: str, evidence: tuple[str, ...], page: bool = True) -> dict:
    return {"id": entity_id, "name": name, "type": kind, "confirmed": page, "hidden": not page,
            "confidence": 1.0 if page else 0.0, "evidence": list(evidence)}


EXPORT = {
    "entities": [
        _entity("zorb-caucus", "Zorb Caucus", "org", ("mid-sentence", "multiword", "org-head")),
        _entity("west-zorb-caucus", "West Zorb Caucus", "org", ("multiword", "org-head")),
        _entity("jane-doe", "Jane Doe", "person", ("given-name", "said")),
        _entity("quux", "QUUX", "org", ("acronym", "rare-word"), page=False),
    ],
    "articles": [
        {"id": "a1", "mentions": [{"entity": "west-zorb-caucus"}, {"entity": "zorb-caucus"}, {"entity": "jane-doe"}],
         "unconfirmed_mentions": [{"entity": "quux"}]},
        {"id": "a2", "mentions": [{"entity": "jane-doe"}], "unconfirmed_mentions": [{"entity": "quux"}]},
    ],
}
TABLE = {"Zorb Caucus": {"S"}, "West Zorb Caucus": {"org"}, "Jane Doe": {"org"}}


def _rows() -> dict[str, dict]:
    rows = calibration.rows("made-up", EXPORT, lambda e: calibration.label_dev(e, TABLE))
    return {r["name"]: r for r in rows}


@pytest.mark.parametrize(("name", "label"), [
    ("Zorb Caucus", "wrong-S"), ("West Zorb Caucus", "right"), ("Jane Doe", "wrong-type"), ("QUUX", "unjudged"),
])
def test_dev_labels(name: str, label: str) -> None:
    assert _rows()[name]["label"] == label


@pytest.mark.parametrize(("name", "label"), [
    ("West Zorb Caucus", "right"), ("Jane Doe", "wrong-type"), ("Zorb Caucus", "wrong-fixture"),
])
def test_fixture_labels(name: str, label: str) -> None:
    pages = {"West Zorb Caucus": {"org"}, "Jane Doe": {"place"}}
    assert calibration.label_fixture(next(e for e in EXPORT["entities"] if e["name"] == name), pages) == label


def test_counts_and_shape_columns() -> None:
    rows = _rows()
    assert (rows["Jane Doe"]["mentions"], rows["Jane Doe"]["articles"]) == (2, 2)
    assert (rows["QUUX"]["mentions"], rows["QUUX"]["page"], rows["QUUX"]["all_caps"]) == (2, 0, 1)  # (unconfirmed count)
    caucus = rows["Zorb Caucus"]
    assert (caucus["part_of_other"], caucus["part_same_type"], caucus["part_same_article"]) == (1, 1, 1)
    assert rows["West Zorb Caucus"]["part_of_other"] == 0


def test_features_of_a_row() -> None:
    found = calibration.features(_rows()["Zorb Caucus"])
    assert {"single", "one-article", "part_same_type", "has:org-head", "type:org"} <= found
    assert "no-cue" not in found  # (org-head is a cue)
    jane = calibration.features(_rows()["Jane Doe"])
    assert "no-own-strong" not in jane and "single" not in jane


def test_the_fixtures_of_the_page_audit_tests_are_found() -> None:
    found = calibration.fixtures(Path(__file__).parents[1])
    assert {"page_audit", "page_audit_wire"} <= set(found)
    folder, pages, known = found["page_audit"]
    assert (folder / "articles").is_dir() and pages["Jane Doe"] == {"person"} and known
