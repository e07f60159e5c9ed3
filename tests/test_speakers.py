"""Who said what, class by class: each error class of issue 16 as a table of short texts
(after a headline) with the speaker a careful reader gives the one quote, and negative
cases. None means the text does not say clearly: the quote reads "speaker unclear"."""
from __future__ import annotations

import pytest

from builder.annotate.entities import find_entities
from builder.annotate.quotes import find_quotes
from builder.annotate.speaker_resolvers import confidences, confident
from builder.model import Quote
from builder.read import parse_article


def quotes_in(text: str) -> tuple[Quote, ...]:
    """The quotes of a whole article text, with the real entity extractor."""
    article = parse_article(text, "a.txt")
    entities, mentions = find_entities(article)
    return find_quotes(article, entities, mentions)[0]


def speakers(body: str) -> list[str | None]:
    return [q.speaker_name for q in quotes_in("Head line here\n\n" + body + "\n")]


# (class, text after a headline, the speakers of its quotes in order)
CLASSES = [
    # future and reported framing
    ("future: is to tell", "Jane Doe will speak in Leeds. Ms Doe is to tell the audience: “We will build homes.”",
     ["Jane Doe"]),
    ("future: will say that", "Jane Doe will speak in Leeds. She will say that “the plan is working”.", ["Jane Doe"]),
    ("progressive: is saying", "Jane Doe spoke again. Mr Roe disagreed. Ms Doe is saying: “Wait and see.”",
     ["Jane Doe"]),
    ("told MPs", "John Roe spoke first. Jane Doe told MPs: “The money is there.”", ["Jane Doe"]),
    ("quoted as saying, passive", "Jane Doe was quoted by Reuters as saying the talks were “going nowhere”.",
     ["Jane Doe"]),
    ("quoted as saying, active", "Reuters quoted Jane Doe as saying the talks were “going nowhere”.", ["Jane Doe"]),
    ("a letter to one, written by another", "In a letter to John Roe, Jane Doe wrote: “Your plan fails.”",
     ["Jane Doe"]),
    ("negative: the one told is no speaker", "John Roe was told by officials: “Leave now.”", [None]),
    # a cue after the quote
    ("after: suggests", "“Prices will fall next year,” suggests Jane Doe, an economist.", ["Jane Doe"]),
    ("after: advises with a role", "“Sleep more and worry less,” advises psychologist Jane Doe.", ["Jane Doe"]),
    ("after: chimed in", "“That is not true,” chimed in John Roe.", ["John Roe"]),
    ("after: interjected", "“Let her finish,” interjected Jane Doe.", ["Jane Doe"]),
    ("after: her aide wrote", "Jane Doe was away. “She is resting,” her aide John Roe wrote.", ["John Roe"]),
    ("as X puts it, before", "The plan is, as Jane Doe puts it, “a leap in the dark”.", ["Jane Doe"]),
    ("as X puts it, after", "“A leap in the dark,” as Jane Doe puts it.", ["Jane Doe"]),
    # the speaker named after the quote wins over the one carried over
    ("named after beats carried over", "Jane Doe said: “We will win.” “They will lose,” John Roe said.",
     ["Jane Doe", "John Roe"]),
    ("next paragraph named after", "Jane Doe said: “We will win.”\n\n“They will lose,” said John Roe.",
     ["Jane Doe", "John Roe"]),
    ("negative: someone else named in between, same paragraph", "“We will win,” said Jane Doe. John Roe "
     "disagreed. “They will lose.”", ["Jane Doe", None]),
    ("negative: someone else named in between, next paragraph", "“We will win,” said Jane Doe. John Roe "
     "disagreed.\n\n“They will lose.”", ["Jane Doe", None]),
    # the subject of a narrative sentence before a colon
    ("narrative: deflected with a question", "Jane Doe deflected with a question: “Why would I resign?”",
     ["Jane Doe"]),
    ("narrative: a sign that read", "John Roe placed a sign that read, “Closed for good.”", ["John Roe"]),
    ("negative: a description after a comma is not the subject's words", "Jane Doe arrived late in Leeds, "
     "“exhausted and angry after the long drive home”.", [None]),
    ("negative: a list after a colon is no quote of the subject",
     "The report had one line for the board: “Costs are rising.”", [None]),
    # another name in the sentence
    ("spokesman named in a with-clause", "Acme Corp denied it, with spokesman John Roe saying, “We did nothing wrong.”",
     ["John Roe"]),
    ("a spokeswoman for Acme, named after", "“We did nothing wrong,” said a spokeswoman for Acme Corp, Jane Roe.",
     ["Jane Roe"]),
    ("a spokesman for Acme, unnamed: not Acme's own words", "“We did nothing wrong,” said a spokesman for Acme Corp.",
     [None]),
    ("names after 'by' are no subjects, the second neither", "The letter, signed by Jane Doe and John Roe, said "
     "the deal was “dead”.", [None]),
    ("two names as one subject: neither alone", "Jane Doe and John Roe said the deal was “dead”.", [None]),
    ("a party source is unnamed, not the party", "The Example Party met on Monday. An Example Party source said: "
     "“We will win the vote.”", [None]),
    ("senior officials at a ministry are unnamed", "Senior officials at the Example Ministry said the plan was "
     "“dead”.", [None]),
    ("a person's name as a modifier: an adviser, unnamed", "Jane Doe spoke in Ohio. A senior Jane Doe campaign "
     "adviser said internal polls showed the race “tied”.", [None]),
    ("a person's aide, unnamed", "“The race is tied,” a John Roe aide said.", [None]),
    ("an unnamed speaker goes on", "“We made an offer,” a spokesman for Acme Corp said. “The union should accept "
     "it.”", [None, None]),
    ("a role named in apposition is the person named", "Jane Roe, general secretary of the union, spoke. The "
     "health secretary, John Doe, said it was “sad”. He insisted the offer was “fair”.", ["John Doe", "John Doe"]),
    ("negative: Acme's own statement is Acme's", "Acme Corp said in a statement: “We did nothing wrong.”",
     ["Acme Corp"]),
    # pronouns by gender and grammatical role
    ("pronoun: the subject of the when-clause", "When John Doe was asked whether he respects Richard Roe, he said: "
     "“I respect everyone.”", ["John Doe"]),
    ("pronoun: gender picks the woman", "Mary Smith arrived with her husband, John Smith. “We are happy,” she said.",
     ["Mary Smith"]),
    ("pronoun: gender picks the man", "John Smith arrived with his wife, Mary Smith. “We are happy,” he said.",
     ["John Smith"]),
    ("pronoun: 'Mr Doe' is not Jane Doe", "Mr Doe spoke first. Then Jane Doe took the stage. “We are ready,” she "
     "said.", ["Jane Doe"]),
    ("negative: two women, she is unclear", "Mary Smith and Jane Roe spoke in Leeds. “It went well,” she said.", [None]),
    # 'it' is the organisation that is the subject, not the one after a preposition
    ("it: not the outlet cited", "Acme Corp plans to appeal, according to Reuters. “We will appeal,” it said.",
     ["Acme Corp"]),
    ("it: not the outlet told", "Acme Corp told Reuters it would appeal. “We will appeal,” it said.", ["Acme Corp"]),
    ("it: not the rival", "Acme Corp lost the case to Globex on Monday. “We will appeal,” it said.", ["Acme Corp"]),
    ("negative: it, two organisations as subjects", "Acme Corp and Globex lost the case. “We will appeal,” it "
     "said.", [None]),
    # a role stands for the person the article gives it
    ("role holder, not the last named", "Chancellor Jane Roe set out the budget on Monday. Prime Minister John Doe "
     "visited a school. “The sums add up,” the chancellor told reporters.", ["Jane Roe"]),
    ("negative: another party's leader is not 'the Conservative leader'", "John Doe visited a temple. Speaking "
     "there, the Conservative leader said: “My faith guides me.” The Liberal Democrat leader, Richard Roe, fell "
     "off a paddleboard.", [None]),
    ("negative: the only holder named after the quote is unsure", "“It works,” the chancellor said. Chancellor Jane "
     "Roe left.", [None]),
    ("negative: a role no one holds is unclear", "Jane Roe, the opposition leader, spoke. “The sums add up,” the "
     "chancellor told reporters.", [None]),
    # roundups
    ("roundup: name, outlet, colon", "Jane Doe, The Daily Example: “The tax rise is a mistake.”", ["Jane Doe"]),
    ("roundup: two lines", "Jane Doe, The Daily Example: “The tax rise is a mistake.”\n\nJohn Roe, The Weekly "
     "Example: “The tax rise was overdue.”", ["Jane Doe", "John Roe"]),
    # doubled apostrophes as quote marks
    ("a nickname inside the speaker's name", "“We will strike,” said Col. John “J.D.” Doe, the spokesperson.",
     ["John Doe"]),
    ("a full name before a place-qualified role", "After the match, Hernan Diaz Gomez, Panama coach, said, “We "
     "learned a lot.”", ["Hernan Diaz Gomez"]),
    ("a rank's full stop", "“We trained hard,” said Spc. Jane Doe, a medic.", ["Jane Doe"]),
    ("doubled apostrophes, cue after", "''We will appeal this ruling,'' Jane Doe said on Tuesday.", ["Jane Doe"]),
    ("doubled apostrophes, cue before", "Jane Doe said: ''We will appeal this ruling.''", ["Jane Doe"]),
    ("doubled apostrophes, inverted", "''We will appeal,'' said Jane Doe, the mayor.", ["Jane Doe"]),
]


@pytest.mark.parametrize("case,text,expected", CLASSES, ids=[c[0] for c in CLASSES])
def test_speaker_classes(case: str, text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


# not quotes: titles, slogans, hashtags, scare quotes; fragments with a cue are quotes
NOT_QUOTES = [
    ("a programme title after 'on'", "Jane Doe said on “Meet the Example” that she would run.", 0),
    ("a memoir's title", "In his memoir “An Example of Courage”, John Roe recalls the war.", 0),
    ("a book in Title Case after 'book'", "Her book, “The Long Example”, sold well.", 0),
    ("an article's title", "The paper ran an article, “Why the Example Failed”, on Monday.", 0),
    ("a scare quote", "Jane Doe denied running a “dirty tricks” campaign.", 0),
    ("a slogan", "Supporters chanted the slogan “Example now, Example forever” outside.", 0),
    ("a hashtag", "The hashtag “#ExampleGate” trended all day.", 0),
    ("a nickname inside a name", "Col. John “J.D.” Doe said the strike worked.", 0),
    ("a cited article's title with outlet and date", "“Mayor quits after row” — The Daily Example, August 15, 2008",
     0),
    ("a long title in Title Case after 'of'", "Jane Doe, curator of “Example Prints and Photographs from the "
     "University Collection” at the museum, spoke.", 0),
    ("a scare word after a preposition", "The museum shows Polaroids of “unknowns” who never became famous.", 0),
    ("negative: a dash and a name is an attribution", "“We hope for your help.” – Finance Minister Ana Lima", 1),
    ("negative: a word after 'as' with a cue", "Jane Doe dismissed the claim as “nonsense”.", 1),
    ("a fragment with a cue is a quote", "Jane Doe called it “tight” on Monday.", 1),
    ("a fragment after 'said' is a quote", "Jane Doe said the race was “tight”.", 1),
    ("a fragment called a thing is a quote", "John Roe called the ruling “a travesty”.", 1),
]


@pytest.mark.parametrize("case,text,count", NOT_QUOTES, ids=[c[0] for c in NOT_QUOTES])
def test_not_quotes(case: str, text: str, count: int) -> None:
    assert len(quotes_in("Head line here\n\n" + text + "\n")) == count


# Title Case headlines
HEADLINES = [
    ("‘We Will Not Back Down,’ Says Jane Doe\n\nJane Doe spoke in Leeds on Monday.", ["Jane Doe"]),
    ("“Time To Go”: Jane Doe Joked About Retirement\n\nJane Doe spoke in Leeds on Monday.", ["Jane Doe"]),
    ("Jane Doe: ‘I Will Not Resign’\n\nJane Doe spoke in Leeds on Monday.", ["Jane Doe"]),
    ("Jane Doe Says She Will ‘Fight On’\n\nJane Doe spoke in Leeds on Monday.", ["Jane Doe"]),
    ("Watch: ‘Meet The Example’ Host Grills Jane Doe\n\nJane Doe spoke in Leeds on Monday.", []),
    ("Jane Doe Stars In ‘The Long Example’\n\nJane Doe spoke in Leeds on Monday.", []),
]


@pytest.mark.parametrize("text,expected", HEADLINES)
def test_title_case_headline_quotes(text: str, expected: list[str | None]) -> None:
    assert [q.speaker_name for q in quotes_in(text + "\n")] == expected


def test_every_quote_records_its_resolver_and_confidence() -> None:
    found = quotes_in("Head line here\n\nJane Doe spoke. “We will win,” she said. “They will lose,” said John Roe.\n")
    assert [(q.speaker_name, q.resolver) for q in found] == [("Jane Doe", "subject-pronoun"), ("John Roe", "name-in-cue")]
    assert all(0.0 < q.confidence <= 1.0 for q in found)


def test_an_unsure_speaker_is_kept_as_a_candidate_with_the_introducing_sentence() -> None:
    (quote,) = quotes_in("Head line here\n\nMary Smith and Jane Roe spoke in Leeds. “It went well,” she said.\n")
    assert quote.speaker_name is None and quote.speaker_key is None
    assert quote.confidence < 0.7 and quote.intro and "she said" in quote.intro


def test_an_unnamed_speaker_goes_on_in_the_next_quote() -> None:
    found = quotes_in("Head line here\n\n“We made an offer,” a spokesman for Acme Corp said. “The union should "
                      "accept it.”\n")
    assert [q.description for q in found] == ["a spokesman for Acme Corp"] * 2


def test_a_quote_alone_in_its_sentence_is_introduced_by_the_sentence_before() -> None:
    found = quotes_in("Head line here\n\nMary Smith and Jane Roe met the press.\n\n“We are ready for the vote "
                      "on Monday.”\n")
    assert found[-1].speaker_name is None
    assert found[-1].intro == "Mary Smith and Jane Roe met the press. “…”"


def test_an_unnamed_speaker_is_described_up_to_the_comma() -> None:
    (quote,) = quotes_in("Head line here\n\nA senior Acme Corp adviser, speaking on condition of anonymity, said "
                         "the deal was “dead”.\n")
    assert quote.description == "a senior Acme Corp adviser" and quote.affiliation_name == "Acme Corp"


def test_an_unnamed_spokesman_keeps_the_organisation_as_affiliation() -> None:
    (quote,) = quotes_in("Head line here\n\n“We did nothing wrong,” said a spokesman for Acme Corp on Monday.\n")
    assert quote.speaker_name is None
    assert quote.affiliation_name == "Acme Corp" and quote.description == "a spokesman for Acme Corp"


# Each resolver on its own: (resolver id, text after a headline, the last quote's speaker
# as shown, None when the resolver's answer is a candidate or an unnamed speaker)
RESOLVER_CASES = [
    ("subject-pronoun", "When John Doe was asked whether he respects Richard Roe, he said: “I do.”", "John Doe"),
    ("name-in-cue", "“We will appeal,” Jane Doe said.", "Jane Doe"),
    ("pronoun", "Jane Doe spoke in Leeds. “We will appeal,” said she.", "Jane Doe"),
    ("epithet", "Jane Roe won again. “I feel great,” the 34-year-old said.", "Jane Roe"),
    ("role-holder", "Chancellor Jane Roe spoke. John Doe left. “It works,” the chancellor said.", "Jane Roe"),
    ("office-holder", "Jane Roe defended the cuts. The prime minister said it was “fair”.", None),
    ("spokesperson-for", "“No comment,” said a spokesman for Acme Corp on Monday.", None),
    ("organisation-named", "Acme Corp said in a statement: “We will appeal.”", "Acme Corp"),
    ("org-voice", "Acme Corp lost the case. A spokesperson said: “We will appeal.”", None),
    ("owner-of-noun", "Jane Doe spoke. CNN reported it. Jane Doe's office said it was “wrong”.", "Jane Doe"),
    ("org-noun", "Globex welcomed the ruling. “It is a good day,” the company said.", "Globex"),
    ("org-pronoun", "Acme Corp lost the case on Monday. “We will appeal,” it said.", "Acme Corp"),
    ("relative-antecedent", "The plan was attacked by Acme Corp, which called it “a fantasy”.", "Acme Corp"),
    ("continuation-sentence", "Jane Doe said it was “late” and “far too costly”.", "Jane Doe"),
    ("continuation-paragraph", "“We will appeal,” Jane Doe said. “We have no choice.”", "Jane Doe"),
    ("continuation-next", "“We will appeal the ruling,” Jane Doe said.\n\n“We have no choice in this matter.”",
     "Jane Doe"),
    ("reported-before", "Jane Doe said the plan had failed. “We tried everything we could.”", "Jane Doe"),
    ("roundup", "Jane Doe, The Daily Example: “The tax rise is a mistake.”", "Jane Doe"),
    ("narrative-subject", "Jane Doe deflected with a question: “Why would I resign?”", "Jane Doe"),
]


@pytest.mark.parametrize("resolver,text,speaker", RESOLVER_CASES, ids=[c[0] for c in RESOLVER_CASES])
def test_each_resolver_decides_its_own_case(resolver: str, text: str, speaker: str | None) -> None:
    last = quotes_in("Head line here\n\n" + text + "\n")[-1]
    assert (last.resolver, last.speaker_name) == (resolver, speaker)
    assert (last.confidence >= confident()) == (speaker is not None or last.description is not None)


@pytest.mark.parametrize("text,resolver,speaker", [
    ("“We will appeal,” said Carla Ibanez, a lawyer.", "literal-name", "Carla Ibanez"),
    ("“We will appeal,” said Ibanez.", "literal-single-word", None),
])
def test_a_name_no_entity_has_is_kept_as_printed(text: str, resolver: str, speaker: str | None) -> None:
    from builder.model import Article, Block, BlockKind

    art = Article(id="t", file="t.txt", source_text=text, title="t", title_derived=False, key_points=(),
                  summary=None, blocks=(Block(BlockKind.PARAGRAPH, text, 0, 1),), credits=(), furniture=(),
                  headline=None)
    (quote,) = find_quotes(art, [], [])[0]
    assert (quote.resolver, quote.speaker_name) == (resolver, speaker)


def test_every_resolver_has_a_confidence_row_and_a_case() -> None:
    from builder.annotate import speaker_resolvers as sr

    named = {"relative-antecedent", "literal-single-word", "org-noun-fallback", "continuation-sentence",
             "continuation-paragraph", "continuation-next", "continuation-after-fragment", "echo", "reported-before"}
    assert {c[0] for c in RESOLVER_CASES} <= set(confidences())
    assert named <= set(confidences())
    assert all(0.0 < c <= 1.0 for c in confidences().values())
    assert len(sr.RESOLVERS) == len(set(sr.RESOLVERS))
