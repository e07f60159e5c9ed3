"""General causes of missed quotes and unclear speakers found on real news, each as a
table of short made-up texts (after a headline) with the quotes a careful reader finds
and their speakers, negative cases included. None: the text does not say clearly."""
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


def found(body: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker_name) for q in quotes_in(body)]


# (case, text, [(opening words of each quote, its speaker)])
MARKS = [
    # a straight opening mark typed after the comma with a space after it: '," For example'
    ("opener typed as ', \" Word'",
     'Jane Doe said the kits would reach schools," For example, schools can hold their own votes". '
     "The panel meets in May.",
     [("For example, schools can hold", "Jane Doe")]),
    ("opener after 'said,\" ['",
     'Jane Doe said," [The artist] liked the way the flash looked". She explained more.',
     [("[The artist] liked the way", "Jane Doe")]),
    ("negative: a closing mark with no opener and no closer after it",
     'It went on and on," Jane Doe said later. Nobody listened.', []),
    ("negative: a closing mark with no opener, another quote after it",
     'It was over," Jane Doe said. "We go on," John Roe added.', [("We go on,", "John Roe")]),
    ("a closer typed as an opener before a short cue clause",
     "“Tankers are the key to global reach, “Jane Doe said. “If we don’t get there, nothing moves.”",
     [("Tankers are the key to global reach,", "Jane Doe"), ("If we don’t get there", "Jane Doe")]),
    ("negative: a second opener before a quote with a cue inside",
     "Jane Doe spoke. “We will win. “Nobody said it would be easy,” she said.",
     [("We will win.", None), ("Nobody said it would be easy,", "Jane Doe")]),
    # a quote that runs over paragraphs with no mark opening the next one, closed there
    ("paragraph goes on without an opening mark",
     'After the match, Jane Doe, the coach, said, "I think we learned a lot today.\n\n'
     'It was a very emotional day for all of us."\n\nThe team flies home on Friday.',
     [("I think we learned a lot today.\n\nIt was a very emotional day", "Jane Doe")]),
    ("negative: the next paragraph opens its own quote inside",
     'Jane Doe said, "We learned a lot.\n\nJohn Roe, the captain, said, "It was a bad day."',
     [("We learned a lot.", "Jane Doe"), ("It was a bad day.", "John Roe")]),
]


@pytest.mark.parametrize("case, text, expected", MARKS, ids=[c[0] for c in MARKS])
def test_quote_marks_recovered(case: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    got = found(text)
    assert [(t[: len(w)], s) for (t, s), (w, _) in zip(got, expected)] == expected and len(got) == len(expected), got


# Titles and names in quote marks are no quotes
NOT_QUOTES = [
    ("a book's long title", "In her book “A Paradise Built in Hell: The Communities that Arise in Disaster,” "
     "Jane Doe writes about the aftermath.", []),
    ("a film's title", "Jane Doe said the film “The Long Goodbye From Home” was a hit.", []),
    ("what a company is calling its product", "Acme Corp showed what it is calling “spatial” photos.", []),
    ("a name after 'the marketplace', stop inside", "John Roe answered questions on the marketplace "
     "“Evolution.” He left.", []),
    ("negative: a whole statement after 'the minister said'", "The minister said: “Outrageous.” She left.",
     [("Outrageous.", None)]),
    ("negative: a book's words quoted, lower case", "In her book Jane Doe writes that “the crowd was kind”.",
     [("the crowd was kind", "Jane Doe")]),
]


@pytest.mark.parametrize("case, text, expected", NOT_QUOTES, ids=[c[0] for c in NOT_QUOTES])
def test_not_quotes(case: str, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


SPEAKERS = [
    ("in the words of", "The child was very ill and, in the words of the prosecutor, Jane Doe, "
     "“she suffered for months without help.”", ["Jane Doe"]),
    ("title of a ministry before the name", "Minister for Education Jane Doe said: “Every child deserves a school.”",
     ["Jane Doe"]),
    ("title with an honorific", "Undersecretary for Education Mr. John Roe says “many schools will close.”",
     ["John Roe"]),
    ("chief of an organisation before the name", "After the leak, chief executive of Acme Jane Doe "
     "told reporters any process “must be well thought out”.", ["Jane Doe"]),
    ("negative: one word after the domain is the domain's", "Jane Doe, the MP for Leeds North, said the plan "
     "was “a shambles”.", ["Jane Doe"]),
    ("negative: a spokesman for a titled person", "A spokesman for Governor Jane Doe said: “The governor is busy.”",
     [None]),
    ("appositive name after an unsure role", "“We are ready,” said the prosecutor, Jane Doe.", ["Jane Doe"]),
    ("appositive name after an unknown role", "“We are ready,” said her chief of staff, John Roe.", ["John Roe"]),
    ("negative: a place in apposition", "“We are ready,” said a resident of the town, New Haven.", [None]),
    ("issued a statement, quote next", "Senator Jane Doe, a Republican, issued a statement on the decision. "
     "“Like many voters, I am disappointed.”", ["Jane Doe"]),
    ("an organisation's letter reads", "The Acme Council letter reads “we may extend the form to others”, but "
     "no plans exist.", ["Acme Council"]),
    ("intervened", "The Speaker, Lord John Roe, intervened: “Order! The member will have his turn.”", ["John Roe"]),
    ("narrative subject after an opening phrase, a fragment quoted before the colon",
     "During questions on Wednesday, Jane Doe defended the record whilst promising a “formal update” from "
     "John Roe is coming: “We are working on that legislation.”", ["Jane Doe", "Jane Doe"]),  # the fragment too ('promising' is a cue)
    ("negative: two subjects before the colon", "On Monday, Jane Doe and John Roe defended the record: "
     "“We are working on that legislation.”", [None]),
    ("negative: someone met after the subject, no preposition", "During the visit, Jane Doe hugged John Roe "
     "on the steps of the council: “We are working on it.”", [None]),
    ("a cue opening the sentence after a name", "Talks were held in the United States. Asked about it, "
     "Jane Doe told reporters “we will see”.", ["Jane Doe"]),
    ("negative: a cue word inside a name", "Acme Corp opened. Museums across the United States also hold "
     "pictures of “unknown sitters in the studio” who never became famous.", []),
    ("negative: a term carried over from a quote", "“We will stay,” said Jane Doe.\n\nTo “route out” in the "
     "group's jargon means to leave by the rules.", ["Jane Doe"]),
    ("negative: a rating", "Jane Doe said the flaws were many; 39 percent of them are rated “highly critical”.",
     []),
    ("a name after a domain no entity covers", "Minister for Environment Peter Hollis said the funding "
     "was “a down payment on a safer coast”.", ["Peter Hollis"]),
    # the entity extractor reads 'Environment Peter Hollis' as one person here: never that name
    ("a name run into its domain by the entity extractor", "Minister for the Environment Peter Hollis said the "
     "funding was “a down payment on a safer coast”.", ["Peter Hollis"]),
    # (once a negative, while the entity extractor read no name there: now it reads 'Ravi Menon')
    ("'he said' after a sentence reporting a name after its title's domain", "The chair, Amir Shah, said: “We welcome "
     "it.”\n\nMinister for Local Government Ravi Menon said councils would get guidance. “This is money for "
     "the places that need it,” he said.", ["Amir Shah", "Ravi Menon"]),
    ("negative: a spokesman for a titled domain holder", "A spokesman for Education Secretary Jane Roe said "
     "the plan was “under review”.", [None]),
    ("negative: an unnamed diplomat of an organisation", "The EU met. Asked about the deadline, a senior EU "
     "diplomat said: “Everything is possible.”", [None]),
    ("negative: an organisation's workers", "Acme Corp cut jobs. Acme Corp workers said: “We are angry.”", [None]),
    ("a role with its domain before the name, then the role alone", "The Secretary of State for Transport, "
     "Jane Doe, visited Leeds. The Secretary of State said: “This is a great day.”", ["Jane Doe"]),
    ("the role with the same domain", "The Minister for Housing, Jane Doe, visited Leeds. John Roe spoke too. "
     "“This is a great day,” the Minister for Housing said.", ["Jane Doe"]),
    ("negative: the role with another domain", "The Minister for Housing, Jane Doe, visited Leeds. The "
     "Minister for Health said: “This is a great day.”", [None]),
    ("negative: a headline's byline after the colon", "“What is the sea telling us?”: Elders fear the "
     "strandings | Jane Doe", [None]),
    ("negative: 'the company' is no company named long before", "Acme Company sold fish in 1990. Globex "
     "bought a rival. Prices fell. Shoppers came back. Stores were full. Sales rose. The chain grew.\n\nThe "
     "company claims customers saved “hundreds of millions of dollars” since then.", [None]),
    ("negative: an organisation's name modifying a noun", "Jane Doe posted a picture. On one Facebook page an "
     "unidentified poster put up her picture and wrote they found it “disrespectful and against the code”.", [None]),
    ("an organisation's board", "Acme Corp met. The Acme Corp board said: “We are fine.”", ["Acme Corp"]),
    ("an agency's report", "A Reuters report said: “Talks have failed.”", ["Reuters"]),
    ("a statement from an organisation", "According to a statement from the White House, “the president is "
     "monitoring the situation.”", ["White House"]),
    ("a role word inside an organisation's name", "In a statement, the Department of Justice said: “We will "
     "review the decision.”", ["Justice Department"]),
    ("negative: a source close to a person", "A source close to Jane Doe said: “She is furious.”", [None]),
    ("an office of a titled person", "Prime Minister Jane Doe's office said: “The prime minister is well.”",
     ["Jane Doe"]),
    # an owner whose name ends with another entity's ('Example World') is the whole owner
    ("an owner named in full", "The World met. PC Example World's recent analysis of its own traffic "
     "concluded, “Usually, we are second.”", ["PC Example World"]),
    ("negative: a statement read out for others", "Jane Doe read a statement from her family: “We are "
     "heartbroken.”", [None]),
    ("a name inside the cue's own sentence is not someone else", "“There is no reason to believe them,” said "
     "Jane Doe, a fellow at the John Roe Center for Rights. “These men are the worst.”", ["Jane Doe", "Jane Doe"]),
    ("negative: a name in the sentence after the cue", "“We will win,” said Jane Doe. John Roe laughed at "
     "her. “They will lose.”", ["Jane Doe", None]),
    # the entity extractor reads 'Medical Officer' as a person, or the title into the name
    ("a role read as a person's name", "Professor Sir John Roe, Chief Medical Officer, said: “The risk is low.”",
     ["John Roe"]),
    ("a title read into a person's name", "“The risk is low,” said Chief Medical Officer John Roe.", ["John Roe"]),
    ("a paragraph after a fragment closed by its cue", "Jane Doe spoke. Children growing up now “will have a "
     "different view of what is possible,” she said.\n\n“There are going to be tensions. But the young are "
     "different.”", ["Jane Doe", "Jane Doe"]),
    ("negative: a paragraph after a fragment inside the sentence", "Jane Doe said children “will see things "
     "differently” as they grow.\n\n“There are going to be tensions. But the young are different.”",
     ["Jane Doe", None]),
    ("negative: 'One' opening an unnamed speaker", "One witness, who asked not to be named, said: “It was "
     "chaos.”", [None]),
    ("released the following statement", "Gen. John Roe, Example Command commander, released the following "
     "statement today: “We mourn the loss of one of our own.”", ["John Roe"]),
    ("a long appositive before the cue after the quote", "“The coalition sends its condolences,” Army Lt. Gen. "
     "John Roe, commander of Combined Joint Task Force - Operation Example Resolve, said in the release.",
     ["John Roe"]),
    ("the secretary for the one defense secretary", "Defense Secretary Jane Doe spoke. The secretary added, "
     "“Please keep the family in your thoughts.”", ["Jane Doe"]),
    ("negative: the minister is not the prime minister", "Defense Secretary Jane Doe spoke. Prime Minister "
     "John Roe spoke too. The minister added, “Please keep the family in your thoughts.”", [None]),
    ("negative: a user named by a handle", "Jane Roe, a deep web user, tested it. “It is a useful service,” she "
     "said.\n\n“I am trying the cola based on her results,” wrote user jdoe1984.", ["Jane Roe", None]),
    ("negative: a blogger named by a handle", "Jane Roe, a blogger, tested it. “It is a useful service,” she "
     "said.\n\n“I am trying it based on her results,” wrote blogger jdoe1984.", ["Jane Roe", None]),
    ("provided the following statement", "The Example Task Force Commander, Lt. Gen. John Roe, provided the "
     "following statement on the advance: “The forces have begun their operation.”", ["John Roe"]),
    ("the company, the one subject of the sentence before", "Acme Corp was fined by the European Commission. "
     "“We will appeal,” the company said.", ["Acme Corp"]),
    ("negative: the company, two organisations acting before", "The European Commission fined Acme Corp on "
     "Monday. “We will appeal,” the company said.", [None]),
    ("negative: the organisation written to is not 'the regulator'", "In a letter to Acme Corp, the regulator "
     "wrote: “Your plan fails.”", [None]),
    ("the group, the owner named in its sentence", "Users pay with Bitcoin. In the post announcing Acme Labs's "
     "service, the group promised that “all profits go to the project.”", ["Acme Labs"]),
    ("a councillor's abbreviated title read into the name", "Welcoming the news, Cllr John Roe, leader of "
     "Example Council, added: “This is great news for the town.”", ["John Roe"]),
    ("negative: a letter to a titled person", "John Roe wrote to Minister for Education Jane Doe: “Act now.”",
     ["John Roe"]),
    ("a name made a modifier by a hyphen: the body after it speaks", "Zorblatt Party won the county. "
     "The Zorblatt-run county warned of “a financial cliff edge”.", [None]),
    ("negative: the name itself speaks", "Zorblatt Party won the county. Zorblatt Party warned of “a financial "
     "cliff edge”.", ["Zorblatt Party"]),
]


def test_a_source_close_to_a_person_is_unnamed_with_the_person_as_affiliation() -> None:
    quote = quotes_in("A source close to Jane Doe said: “She is furious.”")[0]
    assert (quote.speaker_name, quote.description, quote.affiliation_name) == (
        None, "a source close to Jane Doe", "Jane Doe")


def test_a_title_case_headline_cue_with_small_words_is_a_cue() -> None:
    article = parse_article("Jane Doe Says She Will Stick with the “Fight On” Plan\n\nJane Doe spoke in Leeds.\n", "a.txt")
    entities, mentions = find_entities(article)
    assert [q.speaker_name for q in find_quotes(article, entities, mentions)[0]] == ["Jane Doe"]


@pytest.mark.parametrize("text, description", [
    ("One witness, who asked not to be named, said: “It was chaos.”", "one witness"),
    ("“It was chaos,” said a local resident.", "a local resident"),
    ("One poster joined the effort, writing in a blog post “I have loaded up the tool and joined.”", "one poster"),
    ("“She is furious,” said a person familiar with the talks, who spoke on the condition of anonymity.",
     "a person familiar with the talks"),
])
def test_an_unnamed_speaker_described_by_a_role_is_shown_as_described(text: str, description: str) -> None:
    quote = quotes_in(text)[0]
    assert (quote.speaker_name, quote.resolver, quote.description) == (None, "unnamed-role", description)


def test_no_unnamed_role_when_a_name_is_there() -> None:
    assert quotes_in("A nurse, Jane Doe, said: “It was chaos.”")[0].speaker_name == "Jane Doe"


@pytest.mark.parametrize("case, text, expected", SPEAKERS, ids=[c[0] for c in SPEAKERS])
def test_speakers_found(case: str, text: str, expected: list[str | None]) -> None:
    assert [s for _t, s in found(text)] == expected
