"""One row per step of the speaker index's lookups (annotate/speaker_lookups.py), named by
its id: which organisation 'it' or 'the company' stands for, and who holds a role. Each row
fails when its step is removed from the step tables (checked by removing each in turn)."""
from __future__ import annotations

import pytest

from builder.annotate import speaker_lookups
from tests.test_quotes import org, person, quotes

ACME, GLOBEX = org("Acme Corp"), org("Globex Corp")

# (step id, text after a headline, entities, the last quote's speaker, its candidate when unsure)
ROWS = [
    ("org-named", "Globex Corp sued Acme Company on Monday. “We will win this case,” the company said.",
     [GLOBEX, org("Acme Company")], "Acme Company", None),
    ("org-just-named", "Acme Corp sued Globex Corp. Acme Corp lost. Acme Corp appealed. Globex Corp welcomed the "
     "ruling. “It is a good day,” the company said.", [ACME, GLOBEX], "Globex Corp", None),
    ("org-most-named", "Acme Corp lost the case on Monday. The judge spoke. Lawyers left. Crowds cheered. Rain fell. "
     "Buses ran late. Shops shut. “It is a good day for all of us,” the company said.", [ACME], None, "Acme Corp"),
    ("org-nearest-subject", "Acme Corp lost the case on Monday. “We will appeal,” it said.", [ACME], "Acme Corp", None),
    ("role-qualifier", "Jane Doe, the Conservative leader, debated John Roe, the Labour leader, on Monday. "
     "“We won the argument,” the Conservative leader said.",
     [person("Jane Doe", roles=("the Conservative leader",)), person("John Roe", roles=("the Labour leader",))],
     "Jane Doe", None),
    ("role-organisation", "Jane Doe, a spokeswoman for Acme Corp, and John Roe, a spokesman for Globex Corp, spoke on "
     "Monday. Acme Corp, through its spokeswoman, said: “We are pleased.”",
     [person("Jane Doe", roles=("a spokeswoman for Acme Corp",)), person("John Roe", roles=("a spokesman for Globex Corp",)),
      ACME, GLOBEX], "Jane Doe", None),
    ("role-owner", "Ruritanian Prime Minister Jane Doe met Freedonian Prime Minister John Roe on Monday. "
     "“We agreed on the border,” Ruritania's prime minister said.",
     [person("Jane Doe", roles=("Ruritanian Prime Minister",)), person("John Roe", roles=("Freedonian Prime Minister",))],
     "Jane Doe", None),
    ("role-modifier", "Jane Doe, the health minister, met John Roe, the finance minister, on Monday. "
     "“The budget is sound,” the finance minister said.",
     [person("Jane Doe", roles=("the health minister",)), person("John Roe", roles=("the finance minister",))],
     "John Roe", None),
    ("holder-named-before", "Chancellor Jane Roe spoke on Monday. “It works,” the chancellor said.",
     [person("Jane Roe", roles=("Chancellor",))], "Jane Roe", None),
    ("holder-only-one", "“It works,” the chancellor said. Later, Chancellor Jane Roe left.",
     [person("Jane Roe", roles=("Chancellor",))], None, "Jane Roe"),
]

STEP_IDS = {s.id for s in speaker_lookups.NOUN_STEPS + speaker_lookups.PRONOUN_STEPS
            + speaker_lookups.ROLE_FILTERS + speaker_lookups.HOLDER_STEPS}


@pytest.mark.parametrize(("step", "text", "entities", "speaker", "candidate"), ROWS, ids=[r[0] for r in ROWS])
def test_lookup_step(step: str, text: str, entities: list, speaker: str | None, candidate: str | None) -> None:
    assert step in STEP_IDS
    last = quotes("Headline\n\n" + text, entities, headline=True)[-1]
    assert (last.speaker_name, last.candidate) == (speaker, candidate), last


def test_every_step_has_a_row() -> None:
    assert STEP_IDS == {r[0] for r in ROWS}
