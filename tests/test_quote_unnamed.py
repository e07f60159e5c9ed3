"""Unnamed speakers in news copy, as short made-up texts: a speaker the text does not
name (an official 'speaking on condition of anonymity', 'allies of' a minister, 'a
senior official' taken up as 'the official') is never given to a person named elsewhere,
and an organisation is named as printed ('The British Chambers of Commerce said', not a
'Chambers'). Each row: the quotes' opening words, their speaker (None: not shown as
anyone's) and how the text describes an unnamed one (None: not checked)."""
from __future__ import annotations

import pytest

from builder.annotate.entities import find_entities
from builder.annotate.quotes import find_quotes
from builder.model import Quote
from builder.read import parse_article


def quotes_in(body: str) -> tuple[Quote, ...]:
    article = parse_article("Head line here\n\n" + body + "\n", "a.txt")
    entities, mentions = find_entities(article)
    return find_quotes(article, entities, mentions)[0]


CASES = [
    ("a role after an unnamed holder of it is that one",
     'Agency official Jane Doe said the review was over. A senior official said the talks went well. '
     '"We are close," the official said.',
     [("We are close", None, "a senior official")]),
    ("anonymity in the cue's sentence: no named holder of the role",
     'Agency official Jane Doe said the review was over.\n\n'
     '"We are close," the official said, speaking on condition of anonymity.',
     [("We are close", None, "the official")]),
    ("anonymity in the cue's sentence: no pronoun's antecedent either",
     'John Roe chairs the panel.\n\n'
     '"It is a mess," he said, speaking on condition of anonymity because he was not authorized to comment.',
     [("It is a mess", None, None)]),
    ("negative: a pronoun's speaker in a sentence about others' anonymity keeps her words",
     'Jane Doe chairs the panel.\n\n'
     '"We are close," she said, adding that two aides had spoken on condition of anonymity.',
     [("We are close", "Jane Doe", None)]),
    ("anonymity before the phrase, in its sentence",
     'John Roe chairs the panel.\n\nSpeaking on condition of anonymity, he said the plan was "a mess".',
     [("a mess", None, None)]),
    ("negative: a named speaker in a sentence about others' anonymity keeps his words",
     'John Roe chairs the panel.\n\n'
     '"It is a mess," John Roe said, adding that two officials had spoken anonymously.',
     [("It is a mess", "John Roe", None)]),
    ("'the source said' after 'a source familiar with the matter': that unnamed source",
     'Acme Corp is exploring a sale, a source familiar with the matter told Reuters. '
     '"Talks are at an early stage," the source said.',
     [("Talks are at an early stage", None, "a source familiar with the matter")]),
    ("negative: 'the source' with no source brought in is no one described",
     'Talks stalled on Monday.\n\n"It could take months," the source added.',
     [("It could take months", None, None)]),
    ("negative: 'a spokeswoman' in apposition to a name is that person's role",
     'Jane Doe, a spokeswoman for Acme, said the plant would close. "We have no choice," the spokeswoman said.',
     [("We have no choice", "Jane Doe", None)]),
    ("negative: 'who is a spokeswoman' after a name is that person's role",
     'Acme cut jobs. Jane Doe, who is a spokeswoman for the firm, declined to comment further. '
     'Later, "We have no choice," the spokeswoman said.',
     [("We have no choice", "Jane Doe", None)]),
    ("negative: the role's holder named after the unnamed mention is the holder",
     'A senior official said the talks went well. Later, agency official Jane Doe spoke.\n\n'
     '"We are close," the official said.',
     [("We are close", "Jane Doe", None)]),
    ("'her lawyer' with no lawyer of hers named: unnamed, described",
     'Jane Doe testified on Monday.\n\n"She is innocent," her lawyer said.',
     [("She is innocent", None, "her lawyer")]),
    ("negative: 'her lawyer' named before is that lawyer",
     'Jane Doe testified. Her lawyer, John Roe, spoke later.\n\n"She is innocent," her lawyer said.',
     [("She is innocent", "John Roe", None)]),
    ("an organisation described in apposition is the one named, not its description",
     'The budget was criticised.\n\nUnite, the UK\'s biggest union, said: "Workers will pay."',
     [("Workers will pay", "Unite", None)]),
    ("a numbered office's source is someone unnamed, not 'No 10'",
     'Prime Minister Jane Doe faces a revolt.\n\nA No 10 source said: "She is going nowhere."',
     [("She is going nowhere", None, "a No 10 source")]),
    ("a party's source is someone unnamed, not the party",
     'Prime Minister Jane Doe faces a revolt.\n\n"It is over," a senior Conservative source told the BBC.',
     [("It is over", None, "a senior Conservative source")]),
    ("negative: a role with the name after it is that person",
     'Prime Minister Jane Doe faces a revolt.\n\n"It is over," said a former minister, John Roe.',
     [("It is over", "John Roe", None)]),
    ("'the PM' is the prime minister",
     'Prime Minister Jane Doe faces a revolt.\n\n"I am going nowhere," the PM told reporters.',
     [("I am going nowhere", "Jane Doe", None)]),
    ("allies of a minister are not the minister",
     'Home Secretary Jane Doe faces a revolt.\n\nAllies of Ms Doe said she was "determined to fight on".',
     [("determined to fight on", None, "allies of Ms Doe")]),
    ("friends of a minister are not the minister",
     'Home Secretary Jane Doe faces a revolt.\n\nFriends of Jane Doe said she was "furious".',
     [("furious", None, "friends of Jane Doe")]),
    ("negative: the minister herself",
     'Home Secretary Jane Doe faces a revolt.\n\nMs Doe said she was "determined to fight on".',
     [("determined to fight on", "Jane Doe", None)]),
    ("an organisation named in full, whatever the entities make of it",
     'Firms are worried.\n\n"Uncertainty is the worst outcome," said the British Chambers of Commerce.',
     [("Uncertainty is the worst outcome", "British Chambers of Commerce", None)]),
    ("an organisation named in full before the cue",
     'Firms are worried.\n\nThe British Chambers of Commerce said the rise would be "a hammer blow".',
     [("a hammer blow", "British Chambers of Commerce", None)]),
    ("an adverb opening the sentence is no part of the unnamed speaker's description",
     'Jane Doe spoke first.\n\nAfterwards, a Downing Street spokesman said she had "enjoyed the exchanges".',
     [("enjoyed the exchanges", None, "a Downing Street spokesman")]),
    ("negative: a phrase opening the sentence is left out already",
     'Jane Doe spoke first.\n\nOn Monday, a Downing Street spokesman said she had "enjoyed the exchanges".',
     [("enjoyed the exchanges", None, "a Downing Street spokesman")]),
    ("a numbered office as an unnamed speaker's affiliation, not the word 'No'",
     'The plan was criticised.\n\nA No 10 spokesman said: "The Prime Minister has full confidence in her."',
     [("The Prime Minister has full confidence", None, "a No 10 spokesman")]),
]


@pytest.mark.parametrize("case,body,want", CASES, ids=[c[0] for c in CASES])
def test_unnamed_speakers(case: str, body: str, want: list[tuple[str, str | None, str | None]]) -> None:
    got = [(q.text[: len(w[0])], q.speaker_name, q.description if w[2] is not None else None)
           for q, w in zip(quotes_in(body), want)]
    assert got == want and len(quotes_in(body)) == len(want), [
        (q.text, q.speaker_name, q.description, q.resolver) for q in quotes_in(body)]


def test_no_10_is_no_organisation_named_no() -> None:
    quote = quotes_in('The plan was criticised.\n\nA No 10 spokesman said: "The Prime Minister has full confidence."')[0]
    assert quote.affiliation_name in (None, "No 10")
