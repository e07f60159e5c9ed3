"""Templated reports are no copies: a daily release written to one template ("On Jan. 9,
Acme forces conducted 26 strikes ...", the next day "On Jan. 10, ... 23 strikes ...")
shares most of its wording with the last, but not its figures. Copies of one story (the
same text saved twice, the same wire story under another headline or top) share their
figures; two stories whose figures mostly differ are two reports, however alike their words."""
from __future__ import annotations

import pytest

from builder.duplicates import find_copies, sketch
from builder.read import parse_article

BOILERPLATE = (
    "Strike assessments are based on initial reports and may change as more is learned about each of the "
    "targets that were engaged by the aircraft of the coalition during the day.\n\n"
    "A strike, as the task force defines it, refers to one or more kinetic events that occur in roughly the "
    "same geographic location to produce a single, sometimes cumulative, effect on the target.\n\n"
    "The task force does not report the number or type of aircraft employed in a strike, the number of "
    "munitions dropped in each strike, or the number of individual munition impact points against a target.\n\n"
    "The strikes were conducted as part of Operation Acme Shield, the operation to eliminate the terrorist "
    "group and the threat it poses to Northland, Southland and the wider international community.\n\n"
)


def _daily(day: int, total: int, north: int, south: int, items: list[tuple[str, int, int]]) -> str:
    lines = [f"Coalition strikes on Jan. {day}\n\n",
             f"On Jan. {day}, coalition military forces conducted {total} strikes against terrorists in "
             f"Northland and Southland. In Northland, coalition forces conducted {north} strikes using attack, "
             f"bomber and fighter aircraft, and in Southland {south} strikes using remotely piloted aircraft.\n\n"]
    lines += [f"Near {town}, {n} strikes engaged {units} tactical units and destroyed fighting positions.\n\n"
              for town, n, units in items]
    return "".join(lines) + BOILERPLATE


MONDAY = _daily(9, 26, 15, 11, [("Acmeton", 12, 6), ("Roeville", 1, 1), ("Doeburg", 7, 4), ("Port Stone", 3, 2)])
TUESDAY = _daily(10, 23, 15, 8, [("Acmeton", 5, 2), ("Roeville", 3, 2), ("Doeburg", 13, 3), ("Port Stone", 2, 1)])
RETOPPED = ("Coalition jets hit 26 targets\n\nAcme Wire - Coalition aircraft hit 26 targets in Northland and "
            "Southland on Jan. 9, the task force said on Wednesday.\n\n" + MONDAY.split("\n\n", 2)[2])


@pytest.mark.parametrize(("first", "second", "copies"), [
    (MONDAY, TUESDAY, False),  # one template, two days' figures: two reports
    (MONDAY, MONDAY, True),  # saved twice
    (MONDAY, RETOPPED, True),  # the same story with a new headline and top
])
def test_templated_reports_are_no_copies(first: str, second: str, copies: bool) -> None:
    sketches = {"a": sketch(parse_article(first, "a.txt")), "b": sketch(parse_article(second, "b.txt"))}
    assert bool(find_copies(sketches, ["a", "b"])) is copies
