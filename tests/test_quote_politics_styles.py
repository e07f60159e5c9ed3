"""UK and US politics styles of attribution, one row each, with made-up names: a spokesman
for No 10, 'Mr Doe told the BBC', 'she told reporters', 'in a statement, the department
said', nested quotes, a quote split by its attribution, an opening phrase whose comma is
left out, 'Mrs Doe' beside her husband, a statement issued by an organisation; and the
negatives: an organisation that only stands near an unnamed speaker's role is not the one
they speak for, a name after a preposition in an opening phrase is not the subject."""
from __future__ import annotations

import pytest

from tests.test_quotes import org, person, quotes

P = person

# (case, text after a headline, entities, [(speaker name, unnamed description, affiliation)] per quote)
CASES = [
    ("a spokesman for No 10", "Jane Doe faced questions on Monday. A spokesman for No 10 said: “The Prime Minister "
     "has full confidence in her.”", [P("Jane Doe")], [(None, "a spokesman for No 10", "No 10")]),
    ("Mr Doe told the BBC", "John Roe, the Acme MP, spoke on Monday. Mr Roe told the BBC: “We will not back down.”",
     [P("John Roe")], [("John Roe", None, None)]),
    ("she told reporters", "Jane Doe arrived in Brussels. “We are ready to talk,” she told reporters.", [P("Jane Doe")],
     [("Jane Doe", None, None)]),
    ("in a statement, the department said", "The Department of Example announced the cuts on Monday. In a statement, "
     "the department said: “These savings are necessary.”", [org("Department of Example")],
     [("Department of Example", None, None)]),
    ("a quote split by its attribution", "“We are not going to give up,” Jane Doe said, “not now and not ever.”",
     [P("Jane Doe")], [("Jane Doe", None, None), ("Jane Doe", None, None)]),
    ("a quote inside a quote: the outer speaker", "“He told me, ‘You are fired,’ and walked out,” said Jane Doe.",
     [P("Jane Doe"), P("John Roe")], [("Jane Doe", None, None)]),
    ("an opening phrase with no comma", "Foreign Secretary Jane Doe visited Zenda.\n\nFollowing the meeting the "
     "Foreign Secretary said: “Zenda is a partner.”", [P("Jane Doe", roles=("Foreign Secretary",))],
     [("Jane Doe", None, None)]),
    ("a name that ends an opening phrase, its comma left out", "Responding to the report Jane Doe, the UK Special "
     "Envoy for Ruritania said: “We are appalled.”", [P("Jane Doe")], [("Jane Doe", None, None)]),
    ("not a name after a preposition in the opening phrase", "Jane Doe and John Roe met on Monday.\n\nAsked about Jane "
     "Doe, the envoy John Roe said: “She is a friend.”", [P("Jane Doe"), P("John Roe")], [("John Roe", None, None)]),
    ("Mrs Doe beside her husband", "John Doe and his wife, Jane Doe, spoke on Monday. “We are heartbroken,” Mrs Doe "
     "said.", [P("John Doe"), P("Jane Doe")], [("Jane Doe", None, None)]),
    ("Mrs Doe, no woman of that name", "John Doe and his wife spoke on Monday. “We are heartbroken,” Mrs Doe said.",
     [P("John Doe")], [(None, None, None)]),
    ("a statement issued by an organisation", "Globex Corp sued on Monday. A statement issued by Acme Corp said: "
     "“We will respond.”", [org("Acme Corp"), org("Globex Corp")], [("Acme Corp", None, None)]),
    ("a retort after another's words", "“We will not,” Ms Doe added, before John Roe interrupted: “You will.”",
     [P("Jane Doe"), P("John Roe")], [("Jane Doe", None, None), ("John Roe", None, None)]),
    ("a retort", "Jane Doe was accused of lying. Ms Doe shot back: “Nonsense.”", [P("Jane Doe")], [("Jane Doe", None, None)]),
    ("an organisation's spokesman", "Acme Corp's chief spokesman said: “We will appeal.”", [org("Acme Corp")],
     [(None, "Acme Corp's chief spokesman", "Acme Corp")]),
    ("an organisation near an unnamed speaker is not theirs", "On one Acme Corp page an unnamed poster put up her "
     "picture and wrote it was “disrespectful and rude.”", [org("Acme Corp")], [(None, None, None)]),
]


@pytest.mark.parametrize(("case", "text", "entities", "want"), CASES, ids=[c[0] for c in CASES])
def test_politics_style(case: str, text: str, entities: list, want: list[tuple[str | None, str | None, str | None]]) -> None:
    got = quotes("Headline\n\n" + text, entities, headline=True)
    assert [(q.speaker_name, q.description, q.affiliation_name) for q in got] == want, got
