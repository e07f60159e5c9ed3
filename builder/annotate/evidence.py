"""Evidence that a capitalised word sequence is a name, as data: each rule (id, weight,
where it is checked, trigger, example) is a row of builder/data/entities/evidence.txt.

Candidates (candidates.py) and groups (entities.py) collect the ids of the rules that
fire; `confidence` adds their weights. The dossier's own rule (`lower-elsewhere`) is
applied by builder/confirm.py, which sees every article.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from builder import wordlists


class Rule(NamedTuple):
    id: str
    weight: float
    where: str  # "article" or "dossier"
    trigger: str  # what makes it fire, in words
    example: str  # a text with the name in [brackets]


@cache
def rules() -> dict[str, Rule]:
    """The evidence rules by id, in file order."""
    table: dict[str, Rule] = {}
    for line in wordlists.lines("entities/evidence.txt"):
        rule_id, weight, where, trigger, example = line.split("\t")
        table[rule_id] = Rule(rule_id, float(weight), where, trigger, example)
    return table


@cache
def group(name: str) -> frozenset[str]:
    """The ids of the rules of a group ("cue", "dossier-cue", "sure-place"): evidence_groups.txt."""
    return frozenset(rule for kind, rule in map(str.split, wordlists.lines("entities/evidence_groups.txt"))
                     if kind == name)


def confidence(evidence: Iterable[str]) -> float:
    """The sum of the weights of the rules that fired, from 0 to 1; a known name is sure, a
    name a veto rule fired for (group `veto`: a type with no evidence) is not."""
    fired = set(evidence)
    if not fired.isdisjoint(_vetoes()):
        return 0.0
    if "known" in fired:
        return 1.0
    return round(min(1.0, max(0.0, sum(map(_weights().__getitem__, fired)))), 2)


@cache
def _vetoes() -> frozenset[str]:
    return group("veto")


@cache
def _weights() -> dict[str, float]:
    """Each rule's weight by its id (what `confidence` adds, looked up once a rule)."""
    return {rule_id: rule.weight for rule_id, rule in rules().items()}
