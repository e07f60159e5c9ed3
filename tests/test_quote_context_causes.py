"""General causes of unclear speakers, as short made-up texts: a photo's caption between
two paragraphs of one quoted statement, a sentence opened by 'According to X' (the
fragments quoted in it are X's, or the source X quotes), an organisation called by a
common noun ('the city reasoned'), a reporter's question answered by a quote, a post by an
unknown author. Each row: the quotes' opening words, their speaker (None: not shown as
anyone's) and how an unnamed speaker is described (None: not checked)."""
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
    ("a caption between two paragraphs of one statement",
     'In a statement, Governor Jane Doe said, "The museum worked hard for this. I am disappointed.\n\n'
     'The old hangar at dusk. Image: John Roe.\n\n'
     '"However, the trainer will soon call the museum home. It is a true win for us."',
     [("The museum worked hard", "Jane Doe")]),
    ("negative: a paragraph of story between: the next quote is not carried",
     'In a statement, Governor Jane Doe said, "The museum worked hard for this. I am disappointed.\n\n'
     'The decision was announced on Tuesday by the agency after months of review.\n\n'
     '"However, the trainer will soon call the museum home. It is a true win for us."',
     [("The museum worked hard", "Jane Doe"), ("However, the trainer", None)]),
    ("'According to X,' opens the sentence of a quoted fragment",
     'Acme Corp sold its plant.\n\nAccording to the Daily Example, the plant will be "closed within a year".',
     [("closed within a year", "Daily Example")]),
    ("'According to X, quoting Y,': the source quoted",
     'Troops moved.\n\nAccording to the Example News Agency, quoting the Ruritanian Defence Ministry (RDM), '
     'the army has been told to prepare for a "state of war".',
     [("state of war", "Ruritanian Defence Ministry")]),
    ("negative: 'according to' a document names no speaker",
     'Troops moved.\n\nAccording to the report, the army is "on high alert".',
     [("on high alert", None)]),
    ("a municipality called 'the city'",
     'The request was advanced by the Municipality of Springfield in 2010.\n\n'
     'The city reasoned, "because the users pay a fee, this activity is commercial".',
     [("because the users pay a fee", "Municipality of Springfield")]),
    ("negative: 'the city' with no municipality named",
     'The mayor, Jane Doe, spoke of Springfield.\n\nThe city said, "the roads will reopen on Monday morning".',
     [("the roads will reopen", None)]),
    ("a reporter's question about someone answered by a quote",
     'Jane Doe, a second year art student, skipped class to attend. Why did she want to go? '
     '"It is a legend. I had to see it."',
     [("It is a legend", "Jane Doe")]),
    ("negative: a question about no one in particular",
     'Jane Doe and Mary Roe skipped class to attend. Why did anyone want to go? "It is a legend. I had to see it."',
     [("It is a legend", None)]),
    ("negative: a question that judges someone may be answered by anyone",
     'Jane Doe has doubts about John Roe. Is he right? "Absolutely not. It will fail."',
     [("Absolutely not", None)]),
    ("negative: a question about either of two people is unsure",
     'Jane Doe and Mary Roe skipped class to attend. Why did she want to go? "It is a legend. I had to see it."',
     [("It is a legend", None)]),
    ("'with X reporting' names the outlet",
     'Officials told Acme News every claim would be assessed, with the Daily Example reporting no one would be '
     'refused "based solely on the form".',
     [("based solely on the form", "Daily Example")]),
    ("negative: a reporter 'reporting from' a place still says her words",
     'Troops moved in.\n\nJane Doe, reporting from the capital, said the city was "quiet but tense".',
     [("quiet but tense", "Jane Doe")]),
    ("'promising' and 'pledging' are cues",
     'Jane Doe defended the record, promising a "formal update" from John Roe. John Roe took office in May, '
     'pledging to "clean up politics".',
     [("formal update", "Jane Doe"), ("clean up politics", "John Roe")]),
    ("negative: 'promising' as an adjective is no cue",
     'The first results were promising. "We are pleased," Jane Doe said.',
     [("We are pleased", "Jane Doe")]),
    ("a post by an unknown author is no organisation's",
     'Acme Group attacked the site.\n\n"Someone emailed me about a tool the group has been using," '
     'said the post by an unknown author on a forum.',
     [("Someone emailed me", None, "the post by an unknown author on a forum")]),
]


@pytest.mark.parametrize("case,body,want", CASES, ids=[c[0] for c in CASES])
def test_context_causes(case: str, body: str, want: list[tuple]) -> None:
    quotes = quotes_in(body)
    got = []
    for q, w in zip(quotes, want):
        row = (q.text[: len(w[0])], q.speaker_name)
        got.append((*row, q.description) if len(w) == 3 else row)
    assert got == want and len(quotes) == len(want), [(q.text[:40], q.speaker_name, q.candidate, q.description,
                                                        q.resolver) for q in quotes]
