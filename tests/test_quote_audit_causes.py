"""General causes of wrong speakers found by the hand audit of the saved pages and
releases (notes/quote-audit/), each as a table of short made-up texts with the speaker a
careful reader gives each quote, negative cases included. None: the text does not make the
speaker clear, so the builder must show the quote as unsure (a guess for review at most)."""
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


def speakers(body: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker_name) for q in quotes_in(body)]


def check(body: str, expected: list[tuple[str, str | None]]) -> None:
    got = speakers(body)
    assert [(t[: len(w)], s) for (t, s), (w, _) in zip(got, expected)] == expected and len(got) == len(expected), got


# (case, text, [(opening words of each quote, its speaker)])
PRONOUN_PAST_A_NAME = [
    # a handle the builder types as an organisation by its shape alone ('NightOwl') may be the
    # 'he' of the next quote: the pronoun does not reach past it to a person named before
    ("'he' after a handle that is the subject of a clause",
     "“The tests are cheap,” John Roe said.\n\nThe case is one of the reasons that NightOwl has been "
     "pushing for more testing. “I know it is risky,” he told me.",
     [("The tests are cheap,", "John Roe"), ("I know it is risky,", None)]),
    ("'he' after a handle that opens a sentence",
     "“The tests are cheap,” John Roe said.\n\nIn posts to the forum, NightOwl pitched the project as a "
     "help to users. “When the funds build up, we will test,” he continued.",
     [("The tests are cheap,", "John Roe"), ("When the funds build up", None)]),
    ("'he' after a sentence whose subject is a handle and whose person is an object",
     "“The tests are cheap,” Tom Poe said.\n\nNightOwl told me over the phone that he had been in talks "
     "about this with John Roe, the owner of the site. “We were talking about that,” he lamented.",
     [("The tests are cheap,", "Tom Poe"), ("We were talking about that,", None)]),
    ("negative: an organisation known by its name's head is no 'he'",
     "John Roe joined Acme Corp in May. “It was the right move,” he said.",
     [("It was the right move,", "John Roe")]),
    ("negative: a known organisation as the subject, the person its object",
     "Acme Corp hired John Roe in May. “It was the right move,” he said.",
     [("It was the right move,", "John Roe")]),
    ("negative: the one person of the sentence, after a preposition",
     "The award went to John Roe. “I am thrilled,” he said.",
     [("I am thrilled,", "John Roe")]),
    ("negative: a hyphened word before a noun is no one's handle",
     "John Roe has pushed for the law for years.\n\nAfter nine Irish-American workers were hurt in June, "
     "he said “the law failed them” and left.",
     [("the law failed them", "John Roe")]),
    ("negative: the person of the paragraph before",
     "John Roe, the coach, spoke on Monday.\n\n“We will win,” he said.",
     [("We will win,", "John Roe")]),
]


@pytest.mark.parametrize("case, text, expected", PRONOUN_PAST_A_NAME, ids=[c[0] for c in PRONOUN_PAST_A_NAME])
def test_pronoun_never_reaches_past_a_name_it_may_mean(case: str, text: str, expected: list) -> None:
    check(text, expected)


NAMES_IN_MARKS = [
    # American style sets the comma inside the marks: a name in Title Case before an appositive
    ("a name closed by a comma, an appositive after it",
     'Acme and Globex shocked the market on Monday by announcing "Super Example Run," the firm\'s first game '
     "for phones.", []),
    ("a name closed by a comma, 'which' after it",
     'Globex on Monday announced "Example Quest Online," which costs $10.', []),
    ("negative: words in Title Case before their speaker",
     '"Not Guilty," Jane Doe told the court.', [("Not Guilty,", "Jane Doe")]),
    ("negative: a sentence in lower case before an appositive",
     'Jane Doe said "we will win," a promise she repeated.', [("we will win,", "Jane Doe")]),
    ("negative: a one-word answer before an appositive and its cue",
     'Asked if she would stand, Jane Doe said "Absolutely," a word she used often.', [("Absolutely,", "Jane Doe")]),
]


@pytest.mark.parametrize("case, text, expected", NAMES_IN_MARKS, ids=[c[0] for c in NAMES_IN_MARKS])
def test_a_name_in_quote_marks_is_no_quote(case: str, text: str, expected: list) -> None:
    check(text, expected)


ASKED = [
    # the one asked answers: 'he said' after 'John Roe asked Tom Poe whether ...' is not sure to be the asker
    ("'he said' after one man asked another",
     "John Roe, the host, asked Tom Poe whether he would stand. “Absolutely not,” he said.",
     [("Absolutely not,", None)]),
    ("'he said' after one man pressed another",
     "John Roe pressed Tom Poe on the plan. “It will work,” he said.",
     [("It will work,", None)]),
    ("negative: the one asked is the only one of that gender",
     "The host, John Roe, asked Jane Doe whether she would stand. “Absolutely not,” she said.",
     [("Absolutely not,", "Jane Doe")]),
    ("negative: asked, in the passive, by another",
     "Tom Poe was asked by John Roe whether he would stand. “Absolutely not,” he said.",
     [("Absolutely not,", "Tom Poe")]),
    ("negative: a man praised another",
     "Tom Poe, the coach, praised John Roe's performance. “He was brilliant,” he said.",
     [("He was brilliant,", "Tom Poe")]),
]


@pytest.mark.parametrize("case, text, expected", ASKED, ids=[c[0] for c in ASKED])
def test_the_one_asked_may_be_the_one_who_answers(case: str, text: str, expected: list) -> None:
    check(text, expected)


OTHER_OFFICE = [
    # a deputy, a vice, a former holder does not hold the office 'the leader said' names
    ("a deputy leader is not 'the leader'",
     "The party's deputy leader, Tom Poe, said: “We are united.”\n\n“We will win,” the leader said.",
     [("We are united.", "Tom Poe"), ("We will win,", None)]),
    ("a deputy leader, after the name, is not 'the leader'",
     "Tom Poe, the deputy leader, said: “We are united.”\n\n“We will win,” the leader said.",
     [("We are united.", "Tom Poe"), ("We will win,", None)]),
    ("a former leader is not 'the leader'",
     "Former leader Tom Poe said: “We are united.”\n\n“We will win,” the leader said.",
     [("We are united.", "Tom Poe"), ("We will win,", None)]),
    ("'the former minister' is the former one, not the minister",
     "The former minister, John Roe, criticised the plan. Jane Doe, the minister, defended it. "
     "“It will work,” the former minister said.",
     [("It will work,", "John Roe")]),
    ("'the deputy leader' is none of the leaders",
     "Jane Doe, the leader, spoke first. “We will win,” the deputy leader said.",
     [("We will win,", None)]),
    ("negative: the leader is 'the leader'",
     "The party's leader, Tom Poe, said: “We are united.”\n\n“We will win,” the leader said.",
     [("We are united.", "Tom Poe"), ("We will win,", "Tom Poe")]),
    ("negative: an acting leader holds the office",
     "Tom Poe, the acting leader, said: “We are united.”\n\n“We will win,” the leader said.",
     [("We are united.", "Tom Poe"), ("We will win,", "Tom Poe")]),
]


@pytest.mark.parametrize("case, text, expected", OTHER_OFFICE, ids=[c[0] for c in OTHER_OFFICE])
def test_a_deputy_or_former_holder_is_not_the_holder(case: str, text: str, expected: list) -> None:
    check(text, expected)


TRANSCRIPTS = [
    # a briefing's transcript labels each answer with its speaker in capitals: the words are theirs
    ("a transcript's labelled answers",
     "Secretary Jane Doe met the press in Zenda.\n\nQUESTION: Did you discuss the port?\n\n"
     "SECRETARY DOE: We talked about the port at length, and we will talk again.\n\nMR ROE: Thanks, everybody.",
     [("We talked about the port", "Jane Doe"), ("Thanks, everybody.", "Mr Roe")]),
    ("a label with a stop after the honorific",
     "QUESTION: Will the port open?\n\nMR. ROE: Not this week.\n\nQUESTION: Why not?",
     [("Not this week.", "Mr. Roe")]),
    ("negative: one label alone is no transcript",
     "BREAKING NEWS: The port has closed.\n\nThe mayor spoke later.", []),
    ("negative: labels that name no one by a title",
     "UPDATE ONE: The port reopened on Monday.\n\nQUESTION: Why?\n\nTHE ANSWER: Nobody knows.", []),
    ("negative: the honorific's gender is not the person's",
     "John Doe spoke first.\n\nQUESTION: And you?\n\nMRS DOE: I agree with him.",
     [("I agree with him.", "Mrs Doe")]),
]


@pytest.mark.parametrize("case, text, expected", TRANSCRIPTS, ids=[c[0] for c in TRANSCRIPTS])
def test_a_transcripts_labelled_answers_are_quotes(case: str, text: str, expected: list) -> None:
    check(text, expected)


SHARED_SURNAME = [
    # a surname alone, when two people of the article share it, is not sure to be either
    ("'Mr Doe' with two men named Doe",
     "John Doe and his brother Tom Doe run the firm. “We are proud,” Mr Doe said.", [("We are proud,", None)]),
    ("'Doe' with a man and a woman named Doe",
     "Jane Doe and her husband John Doe run the firm. “We are proud,” Doe said.", [("We are proud,", None)]),
    ("negative: 'Mrs Doe' with one woman named Doe",
     "Jane Doe and her husband John Doe run the firm. “We are proud,” Mrs Doe said.", [("We are proud,", "Jane Doe")]),
    ("negative: the one person of that surname",
     "Jane Doe and John Roe run the firm. “We are proud,” Doe said.", [("We are proud,", "Jane Doe")]),
    ("'Mr Doe' read as the son the text calls 'Tom': unsure, not his",
     "John Doe and his son, Tom Doe, run the firm. “We work hard,” said Tom. “We are proud,” Mr Doe said.",
     [("We work hard,", "Tom Doe"), ("We are proud,", None)]),
    ("negative: 'Mr Doe' read as the father, the son called 'Tom'",
     "Tom Doe and his father, John Doe, run the firm. “We work hard,” said Tom. "
     "“We are proud,” Mr Doe said.",
     [("We work hard,", "Tom Doe"), ("We are proud,", "John Doe")]),
    ("negative: one of that surname named only after it",
     "Jane Doe spoke first. “We are proud,” Doe said.\n\nHer husband, John Doe, declined to comment.",
     [("We are proud,", "Jane Doe")]),
    ("negative: the full name",
     "John Doe and his brother Tom Doe run the firm. “We are proud,” Tom Doe said.", [("We are proud,", "Tom Doe")]),
]


@pytest.mark.parametrize("case, text, expected", SHARED_SURNAME, ids=[c[0] for c in SHARED_SURNAME])
def test_a_shared_surname_alone_is_unsure(case: str, text: str, expected: list) -> None:
    check(text, expected)


SOMEONES_KIN = [
    # 'Jane Doe's mother said ...': the one who speaks is the mother, not Jane Doe
    ("'she said' after 'Jane Doe's mother said'",
     "Jane Doe's mother said she was “heartbroken.” “We just want her home,” she said.",
     [("heartbroken.", None), ("We just want her home,", None)]),
    ("'he said' after 'John Roe's lawyer told the court'",
     "John Roe's lawyer told the court his client was innocent. “He did nothing wrong,” he said.",
     [("He did nothing wrong,", None)]),
    ("negative: her own words about her mother",
     "Jane Doe said her mother was “heartbroken.” “We just want her home,” she said.",
     [("heartbroken.", "Jane Doe"), ("We just want her home,", "Jane Doe")]),
    ("negative: the one person, after a preposition",
     "The award went to John Roe. “I am thrilled,” he said.", [("I am thrilled,", "John Roe")]),
    ("negative: her husband is no 'she'",
     "Jane Doe’s husband, John Doe, declined to comment. “I am not going anywhere,” she told the BBC.",
     [("I am not going anywhere,", "Jane Doe")]),
]


@pytest.mark.parametrize("case, text, expected", SOMEONES_KIN, ids=[c[0] for c in SOMEONES_KIN])
def test_someones_kin_is_not_them(case: str, text: str, expected: list) -> None:
    check(text, expected)


STATEMENT_ENDS = [
    # a release's statement ends at a paragraph that writes of someone else as the reporter does
    ("a paragraph opening with another holder's title",
     "Foreign Secretary Jane Doe said:\n\nThe attack was horrific. We stand with Zenda.\n\n"
     "The Minister for Africa, John Roe, will travel to Zenda next week.",
     [("The attack was horrific.", "Jane Doe")]),
    ("a paragraph opening with another person's name",
     "Foreign Secretary Jane Doe said:\n\nThe attack was horrific. We stand with Zenda.\n\n"
     "John Roe, the Minister for Africa, will travel to Zenda next week.",
     [("The attack was horrific.", "Jane Doe")]),
    ("a paragraph opening with a title the role list lacks, then a rank and a name",
     "Defence Secretary Jane Doe said:\n\nThe attack was horrific. We stand with Zenda.\n\n"
     "The First Zorb Lord, Admiral Sir John Roe KCB, visited HMS Quux on the Clyde this week.",
     [("The attack was horrific.", "Jane Doe")]),
    ("negative: a statement opening with a body and an apposition of no title",
     "Defence Secretary Jane Doe said:\n\nThe attack was horrific.\n\nThe Royal Navy, our oldest service, "
     "stands ready.",
     [("The attack was horrific.", "Jane Doe"), ("The Royal Navy, our oldest service", "Jane Doe")]),
    ("negative: the statement goes on",
     "Foreign Secretary Jane Doe said:\n\nThe attack was horrific.\n\nThe UK stands with Zenda and will help "
     "rebuild.",
     [("The attack was horrific.", "Jane Doe"), ("The UK stands with Zenda", "Jane Doe")]),
]


@pytest.mark.parametrize("case, text, expected", STATEMENT_ENDS, ids=[c[0] for c in STATEMENT_ENDS])
def test_a_statement_ends_where_the_reporter_writes_of_another(case: str, text: str, expected: list) -> None:
    check(text, expected)


TITLES_IN_PROSE = [
    # words in Title Case in the marks, no cue around them: a title, a slogan, a sign, not speech
    ("a slogan after a verb that is no cue",
     "A huge sign reading Futurama heralded “The World of Tomorrow.”", []),
    ("titles after 'such as'",
     "The works bear titles such as “You Loved Me Like a Distant Star” and “The Kiss Was Beautiful.”", []),
    ("negative: words in Title Case after a cue",
     "Jane Doe told the crowd “Thank You Very Much.”", [("Thank You Very Much.", "Jane Doe")]),
    ("negative: words in Title Case before a cue",
     "“We Will Never Give Up,” Jane Doe told the crowd.", [("We Will Never Give Up,", "Jane Doe")]),
    ("negative: words in Title Case after a colon",
     "Jane Doe shouted at the crowd: “Get Out Now.”", [("Get Out Now.", "Jane Doe")]),
    ("negative: a sentence in the marks",
     "A huge sign heralded “the world of tomorrow is here.”", [("the world of tomorrow is here.", None)]),
]


@pytest.mark.parametrize("case, text, expected", TITLES_IN_PROSE, ids=[c[0] for c in TITLES_IN_PROSE])
def test_a_title_in_prose_is_no_quote(case: str, text: str, expected: list) -> None:
    check(text, expected)


DESCRIPTIONS = [
    # how an unnamed speaker is shown: the text's words for them, not the adverb before the cue
    ("an adverb before the cue", "Asked if he would run, Roe said no. His spokesman later said Roe “has made no decision.”",
     "his spokesman"),
    ("negative: the words for them", "A spokesman for Acme Corp said: “We do not comment on rumours.”",
     "a spokesman for Acme Corp"),
    ("negative: a noun in -ly", "A spokesman for the family said: “We ask for privacy.”", "a spokesman for the family"),
]


@pytest.mark.parametrize("case, text, expected", DESCRIPTIONS, ids=[c[0] for c in DESCRIPTIONS])
def test_an_unnamed_speaker_is_shown_by_the_texts_words(case: str, text: str, expected: str) -> None:
    assert [q.description for q in quotes_in(text)] == [expected]


IMAGINED = [
    # words no one said: a look read 'as if to say', a reader's hypothetical 'you will say'
    ("'as if to say'", "A flicker crossed her face, as if to say “You think you got me?” before she smiled.", []),
    ("'you will say'", "“I’m the hero here,” you will say, and you will be right.", []),
    ("negative: said", "Jane Doe smiled and said “You think you got me?” before she left.",
     [("You think you got me?", "Jane Doe")]),
    ("negative: 'you' inside the quote", "“You will say anything,” Jane Doe said.", [("You will say anything,", "Jane Doe")]),
]


@pytest.mark.parametrize("case, text, expected", IMAGINED, ids=[c[0] for c in IMAGINED])
def test_imagined_words_are_no_quote(case: str, text: str, expected: list) -> None:
    check(text, expected)


SOMEONE_ELSES_WORDS = [
    # the sentence's subject passes on someone else's words: theirs, or unsure, never the subject's
    ("'remembers her father saying:'", "Jane Doe remembers her father saying: “Never give up.”", [("Never give up.", None)]),
    ("'a message from her son:'", "Jane Doe posted a message from her son on Facebook: “I am safe.”",
     [("I am safe.", None)]),
    ("'a letter that said:' signed by three", "Jane Doe, John Roe and Tom Poe signed a letter that said: “We demand "
     "action.”", [("We demand action.", None)]),
    ("negative: a roundup's outlet", "Jane Doe, The Daily Example: “It was a landslide for the party.”",
     [("It was a landslide", "Jane Doe")]),
    ("negative: the subject saying", "Jane Doe hit back on Monday, saying: “The ruling is a travesty.”",
     [("The ruling is a travesty.", "Jane Doe")]),
    ("'recalled John Roe saying:'", "Jane Doe recalled John Roe saying: “Never give up.”",
     [("Never give up.", "John Roe")]),
    ("'took to Acme saying': no person's words but hers, unsure", "Jane Doe took to Examplenet saying: “I am safe.”",
     [("I am safe.", None)]),
    ("negative: a message of her own", "Jane Doe posted a message on Facebook: “I am safe.”", [("I am safe.", "Jane Doe")]),
]


@pytest.mark.parametrize("case, text, expected", SOMEONE_ELSES_WORDS, ids=[c[0] for c in SOMEONE_ELSES_WORDS])
def test_someone_elses_words_passed_on(case: str, text: str, expected: list) -> None:
    check(text, expected)
