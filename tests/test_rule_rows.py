"""One row per rule that names its id and fails when the rule is removed (checked with
scripts/mutate_rules.py): the rows the mutation run found no test for. Each row is written
here, not read from the rule table, so removing the rule's row cannot remove its test."""
from __future__ import annotations

import pytest

from builder.annotate import evidence
from tests.test_evidence import named

EVIDENCE_ROWS = [  # (evidence rule id, text, the name it is about): common words and sentence
    # openers keep the other rules quiet, so that each rule's weight shows in the confidence
    ("known", "France grew.", "France"),
    ("role", "The spokesman Glass Stone left.", "Glass Stone"),
    ("multiword", "Glass Stone left.", "Glass Stone"),
    ("acronym", "ZQX went home.", "ZQX"),
    ("org-head", "Reading Institute closed.", "Reading Institute"),
    ("place-head", "Lake Reading froze.", "Lake Reading"),
    ("event-head", "Reading Summit ended.", "Reading Summit"),
    ("law-head", "Reading Act passed.", "Reading Act"),
    ("vessel", "HMS Reading sank.", "HMS Reading"),
    ("product-word", "Reading Missile flew.", "Reading Missile"),
    ("employer", "Yesterday Zorblatt spokesman Jane Doe said no.", "Zorblatt"),
    ("known-part", "France Stone won.", "France Stone"),
    ("brand-shape", "StoneGlass fell.", "StoneGlass"),
    ("listed-with-person", "Dries Zorbens, Jane Doe and John Roe shot wide.", "Dries Zorbens"),
]


@pytest.mark.parametrize(("rule_id", "text", "name"), EVIDENCE_ROWS, ids=[row[0] for row in EVIDENCE_ROWS])
def test_evidence_rule_counts(rule_id: str, text: str, name: str) -> None:
    entity = named(text, name)
    assert rule_id in entity.evidence, entity.evidence
    rule = evidence.rules()[rule_id]  # a KeyError when the rule's row is removed
    with_rule = evidence.confidence(entity.evidence)
    without = evidence.confidence(set(entity.evidence) - {rule_id})
    assert (with_rule > without) if rule.weight > 0 else (with_rule < without), (entity.evidence, with_rule, without)


RESOLVER_ROWS = [  # (speaker resolver id, text after a headline, which quote (index), speaker, candidate)
    ("role-holder-later", "“It works,” the chancellor said. Later, Chancellor Jane Roe left.", -1, None, "Jane Roe"),
    ("org-noun-fallback", "Acme Corp lost the case on Monday. The judge spoke. Lawyers left. Crowds cheered. "
     "Rain fell. Buses ran late. Shops shut. “It is a good day for all of us,” the company said.", -1, None, "Acme Corp"),
    ("continuation-after-fragment", "Jane Doe called the ruling “a travesty” on Monday.\n\n"
     "“We will appeal it as soon as we can.”", -1, None, "Jane Doe"),
    ("echo", "“We will appeal the ruling in full,” she told the crowd.\n\n"
     "Jane Doe spoke. “We will appeal the ruling in full,” Jane Doe said.", 0, "Jane Doe", None),
]


@pytest.mark.parametrize(("resolver", "text", "which", "speaker", "candidate"), RESOLVER_ROWS,
                         ids=[row[0] for row in RESOLVER_ROWS])
def test_speaker_resolver_answers(resolver: str, text: str, which: int, speaker: str | None,
                                  candidate: str | None) -> None:
    from tests.test_speakers import quotes_in

    quote = quotes_in("Head line here\n\n" + text + "\n")[which]
    assert (quote.resolver, quote.speaker_name, quote.candidate) == (resolver, speaker, candidate)


@pytest.mark.parametrize("group", ["cue", "dossier-cue", "sure-place"])
def test_evidence_groups_name_known_rules(group: str) -> None:
    assert evidence.group(group) and evidence.group(group) <= set(evidence.rules())


def test_said_is_a_cue_for_a_common_word_but_not_against_the_dossier() -> None:
    assert "said" in evidence.group("cue") and "said" not in evidence.group("dossier-cue")
