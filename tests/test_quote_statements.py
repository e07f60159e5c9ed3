"""Statements printed without quote marks after a line ending in a cue and a colon
(government and press releases): one row per rule of quotes/statements.txt that names its
id, paragraphs read as quotes with the speaker their line names, and the negatives: a list,
a line that ends in an object ('explained its priorities:'), a paragraph that reports
someone else's words, the reporter's paragraph after the statement, 'Notes to editors'."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.annotate import quote_statements
from builder.model import Block, BlockKind
from builder.pipeline import annotate
from builder.read import read_article
from tests.test_quotes import org, person, quotes

FIXTURES = Path(__file__).parent / "fixtures" / "articles"

INTRO_ROWS = [  # (rule id, a paragraph that introduces a statement)
    ("cue-colon", "Foreign Office Minister, Jane Doe, said:"),
    ("cue-colon", "Speaking in Strelsau on Monday, the Minister added:"),
    ("cue-colon", "Jane Doe said in a statement:"),
    ("told-audience", "Jane Doe told the Acme Herald:"),
    ("told-audience", "The Chancellor told reporters:"),
    ("document-read", "Acme issued a statement on Monday. The statement read:"),
    ("following-statement", "Gen. John Roe, commander of the Example Command, released the following statement today:"),
    ("following-statement", "Lt. Gen. John Roe provided the following statement on the advance:"),
    ("said-following", "Jane Doe said the following:"),
]

NOT_INTROS = [  # paragraphs that end in a colon and introduce no statement
    "The ministry explained its three priorities:",  # a cue and an object: a list follows
    "During the summit, ministers made the following announcements:",
    "Jane Doe said: We will win.",  # the colon does not end the paragraph
    "The figures were as follows:",
    "Jane Doe said the talks had covered:",
]

STOP_ROWS = [  # (stop rule id, a paragraph no statement goes on into)
    ("notes-to-editors", "Notes to editors"),
    ("notes-to-editors", "Note to editors: the funding will be allocated in April."),
    ("ends", "ENDS"),
    ("further-information", "For more information, visit www.example.org."),
    ("further-information", "Media enquiries: press@example.org."),
    ("about-name", "About Acme Robotics"),
    ("follow-on", "Follow Foreign Office Minister Jane Doe on Twitter @example."),
    ("can-be-found", "The full report can be found on the council's website."),
]

CUE_ROWS = [  # (cue rule id, a paragraph that reports someone's words: the reporter's)
    ("reported-cue", "Twelve people were injured, according to local officials."),
    ("reported-cue", "The ministry said 20 people had died."),
]


@pytest.mark.parametrize(("rule_id", "text"), INTRO_ROWS, ids=[f"{r}:{t[:24]}" for r, t in INTRO_ROWS])
def test_intro_rule(rule_id: str, text: str) -> None:
    assert quote_statements.intro_rule(text) == rule_id


@pytest.mark.parametrize("text", NOT_INTROS)
def test_not_an_intro(text: str) -> None:
    assert quote_statements.intro_rule(text) is None


@pytest.mark.parametrize(("rule_id", "text"), STOP_ROWS, ids=[f"{r}:{t[:24]}" for r, t in STOP_ROWS])
def test_stop_rule(rule_id: str, text: str) -> None:
    assert quote_statements.stop_rule(text) == rule_id
    assert not quote_statements.statement_paragraph(Block(BlockKind.PARAGRAPH, text, 0, 1))


@pytest.mark.parametrize(("rule_id", "text"), CUE_ROWS)
def test_cue_rule(rule_id: str, text: str) -> None:
    assert any(r.id == rule_id and r.kind == "cue" and r.pattern.search(text) for r in quote_statements.rules())
    assert quote_statements.reports_someone(text)


@pytest.mark.parametrize("text", [
    "I have said before that we will not give up.",  # the speaker's own 'said'
    "As we told them last week, the door remains open.",
    "These claims are false.",  # no cue row: a noun
])
def test_the_speakers_own_words_report_no_one(text: str) -> None:
    assert not quote_statements.reports_someone(text)


JANE, JOHN, ACME = person("Jane Doe", roles=("Foreign Office Minister",)), person("John Roe"), org("Acme Corp")

# (case, text, entities, [(opening words, speaker name or None)])
CASES = [
    ("one paragraph", "Foreign Office Minister Jane Doe said:\n\nThe attack was a horrific act of terror. "
     "I offer my condolences to the families.", [JANE], [("The attack was", "Jane Doe")]),
    ("a statement over paragraphs, to the article's end", "Jane Doe said:\n\nWe condemn the attack.\n\n"
     "The UK stands with Ruritania.", [JANE], [("We condemn", "Jane Doe"), ("The UK stands", "Jane Doe")]),
    ("the role names her", "Jane Doe, the Foreign Office Minister, visited Zenda.\n\nFollowing the visit, the "
     "Minister said:\n\nZenda is a key partner.", [JANE], [("Zenda is a key", "Jane Doe")]),
    ("an unnamed spokesman, shown as described", "A spokesman for Acme Corp said:\n\nWe will appeal the ruling.",
     [ACME], [("We will appeal", None)]),
    ("the reporter's paragraph after it: the Minister",
     "Jane Doe said:\n\nWe welcome the deal.\n\nThe Minister will travel to Zenda on Friday.",
     [JANE], [("We welcome", "Jane Doe")]),
    ("the reporter's paragraph after it: a country's office and a title",
     "Jane Doe said:\n\nWe welcome the deal.\n\nThe UK Defence Attaché in Zenda, John Roe, will lead the talks.",
     [JANE, JOHN], [("We welcome", "Jane Doe")]),
    ("negative: a statement going on with 'The' and capitalised words",
     "Jane Doe said:\n\nWe welcome the deal.\n\nThe UK Government will keep working with Ruritania.",
     [JANE], [("We welcome", "Jane Doe"), ("The UK Government", "Jane Doe")]),
    ("the reporter's paragraph after it: her name",
     "Jane Doe said:\n\nWe welcome the deal.\n\nDoe later met the Ruritanian president.",
     [JANE], [("We welcome", "Jane Doe")]),
    ("the reporter's paragraph after it: 'She'",
     "Jane Doe said:\n\nWe welcome the deal.\n\nShe was speaking in Zenda.", [JANE], [("We welcome", "Jane Doe")]),
    ("notes to editors end it", "Jane Doe said:\n\nWe welcome the deal.\n\nNotes to editors\n\n"
     "The UK has given £2 million.", [JANE], [("We welcome", "Jane Doe")]),
    ("a quoted paragraph after the line: the quote's own", "Jane Doe said:\n\n\u201cWe welcome the deal.\u201d\n\n"
     "The talks lasted two days.", [JANE], [("We welcome", "Jane Doe")]),
    ("a line that names no one", "The following was said:\n\nWe welcome the deal.", [JANE], []),
    ("a list after 'said:'", "Officials said:\n\n- Four people were hurt.\n\n- Two were arrested.", [JANE], []),
    ("facts attributed elsewhere", "The figures, Acme Corp said:\n\nTwelve people were hurt, according to the "
     "police.", [ACME], []),
    ("a line that ends in an object", "Jane Doe explained her three priorities:\n\nProtect civilians. "
     "Restore supplies.", [JANE], []),
    ("a colon inside the paragraph", "Jane Doe said: we will win.\n\nThe talks lasted two days.", [JANE], []),
    ("a heading after the line", "Jane Doe said:\n\nBackground\n\nThe talks lasted two days.", [JANE], []),
]


@pytest.mark.parametrize(("case", "text", "entities", "want"), CASES, ids=[c[0] for c in CASES])
def test_statement(case: str, text: str, entities: list, want: list[tuple[str, str | None]]) -> None:
    got = quotes("Headline\n\n" + text, entities, headline=True)
    assert [(q.text[: len(o)], q.speaker_name) for q, (o, _s) in zip(got, want)] == want and len(got) == len(want), got


def test_an_unnamed_spokesman_is_described() -> None:
    got = quotes("Headline\n\nA spokesman for Acme Corp said:\n\nWe will appeal the ruling.", [ACME], headline=True)
    assert [(q.description, q.affiliation_name) for q in got] == [("a spokesman for Acme Corp", "Acme Corp")]


FIXTURE_QUOTES = {
    "gov_unquoted.txt": [  # the reporter's 'the Minister will travel' and the notes to editors are not hers
        ("The attack on the convoy", "Jane Doe"), ("The UK stands with Ruritania", "Jane Doe")],
    "state_unquoted.txt": [  # a list after 'officials said:', an object before the colon, facts 'according to'
        ("We welcome the agreement", "John Roe"), ("The United States remains", "John Roe"),
        ("The Secretary will return", None)],  # a State Department spokesperson: unnamed
    "release_unquoted.txt": [
        ("Springfield has the workforce", "Maria Lopez"), ("We will train 100", "Maria Lopez"),
        ("Acme Robotics thanks", None)],  # 'The statement read:': whose statement is a guess, unsure
}


@pytest.mark.parametrize("name", sorted(FIXTURE_QUOTES))
def test_release_fixture(name: str) -> None:
    annotation = annotate(read_article(FIXTURES / name))
    got = [(q.text, q.speaker_name) for q in sorted(annotation.quotes, key=lambda q: q.start)]
    want = FIXTURE_QUOTES[name]
    assert [(t[: len(o)], s) for (t, s), (o, _w) in zip(got, want)] == want and len(got) == len(want), got
