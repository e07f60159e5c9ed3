"""Quote extraction and attribution: tables of paragraphs with the quotes they hold."""
from __future__ import annotations


import pytest

from builder.annotate.quotes import find_quotes
from builder.model import Article, Block, BlockKind, EntityType, LocalEntity, Mention, Quote


def article(text: str, headline: bool = False) -> Article:
    """An article whose blocks are the text's paragraphs (blank-line separated)."""
    blocks, pos, line = [], 0, 1
    for para in text.split("\n\n"):
        blocks.append(Block(BlockKind.PARAGRAPH, para, pos, line))
        pos += len(para) + 2
        line += para.count("\n") + 2
    return Article(
        id="t", file="t.txt", source_text=text, title="t", title_derived=False, key_points=(),
        summary=None, blocks=tuple(blocks[1:] if headline else blocks), credits=(), furniture=(),
        headline=blocks[0] if headline else None,
    )


def person(name: str, *aliases: str, roles: tuple[str, ...] = ()) -> LocalEntity:
    return LocalEntity(name, name, EntityType.PERSON, aliases, roles)


def org(name: str, *aliases: str) -> LocalEntity:
    return LocalEntity(name, name, EntityType.ORG, aliases)


def quotes(text: str, entities: list[LocalEntity], headline: bool = False) -> tuple[Quote, ...]:
    return find_quotes(article(text, headline), entities, [])[0]


# (case, text, entities, [(opening words, speaker name or None, kind or None)])
CASES = [
    (
        "cue after, said",
        '"We will appeal this decision," Jane Doe said on Tuesday.',
        [person("Jane Doe")],
        [("We will appeal", "Jane Doe", "full")],
    ),
    (
        "inverted cue",
        "\u201cThis is the third warning in a year,\u201d said Tom Reid, an analyst at Big Bank.",
        [person("Tom Reid"), org("Big Bank")],
        [("This is the third", "Tom Reid", "full")],
    ),
    (
        "dash attribution",
        "\u201cWe hope for your help and support in this issue.\u201d \u2013 Finance Minister Ana Lima",
        [person("Ana Lima")],
        [("We hope for your help", "Ana Lima", "full")],
    ),
    (
        "colon introduction, appositive subject",
        "Rivals have not commented, but the founder's brother, Carl Ode, said: \u201cThe board has lost its way.\u201d",
        [person("Carl Ode")],
        [("The board has lost", "Carl Ode", "full")],
    ),
    (
        "partial quote after a cue, possessive outlet",
        "Channel 9\u2019s senior correspondent Lena Park said the \u201caim of the plan is to cut costs\u201d.",
        [org("Channel 9"), person("Lena Park")],
        [("aim of the plan", "Lena Park", "partial")],
    ),
    (
        "relative clause: the organisation that accused",
        "The decision has angered the union, which accused the board of \u201cbetraying its workers\u201d.",
        [org("Transport Union", "the union")],
        [("betraying its workers", None, "partial")],
    ),
    (
        "according to a document, then 'it added'",
        "The pair will meet \u201csenior government officials,\u201d according to a Foreign Office statement."
        "\n\nThey will \u201cdiscuss continued support for the region,\u201d it added.",
        [org("Foreign Office")],
        [("senior government officials", "Foreign Office", "partial"),
         ("discuss continued support", "Foreign Office", "partial")],
    ),
    (
        "pronoun after a cue-less sentence, follow-on paragraph",
        "Harris wrote on her blog on Sunday. \u201cWe continue to press our partners,\u201d she wrote."
        "\n\n\u201cThe world cannot look away.\u201d",
        [person("Kamala Harris", "Harris")],
        [("We continue to press", "Kamala Harris", "full"), ("The world cannot", "Kamala Harris", "full")],
    ),
    (
        "he/she chain with two people",
        "Emily Sanders, the chair of the regulator, met Raj Patel, the chief executive of Orbital, on Friday."
        "\n\nPatel said the talks had been constructive. \u201cWe have answered every question,\u201d he said."
        "\n\nSanders was more cautious. \u201cThere is a long way to go,\u201d she said."
        "\n\n\u201cI am not going to prejudge it,\u201d he said when asked about timing.",
        [person("Emily Sanders", "Sanders"), person("Raj Patel", "Patel"), org("Orbital")],
        [("We have answered", "Raj Patel", "full"), ("There is a long way", "Emily Sanders", "full"),
         ("I am not going", "Raj Patel", "full")],
    ),
    (
        "court report: the judge",
        "U.S. District Judge Sarah Collins refused to dismiss the case against John Miller."
        "\n\n\u201cThe defendant\u2019s arguments do not overcome the plain language of the statute,\u201d "
        "the judge wrote.\n\nMiller\u2019s lawyer, David Chen, said his client would appeal.",
        [person("Sarah Collins"), person("John Miller", "Miller"), person("David Chen")],
        [("The defendant", "Sarah Collins", "full")],
    ),
    (
        "role from the entity's roles, not a possessive name",
        "Acme\u2019s chief executive spoke to analysts.\n\n\u201cWe are confident,\u201d the chief executive said.",
        [org("Acme"), person("Maria Lopez", roles=("chief executive of Acme",))],
        [("We are confident", "Maria Lopez", "full")],
    ),
    (
        "the company said in a statement",
        "Shares in Acme Corp fell 12% after a profit warning.\n\n"
        "\u201cWe are seeing a more challenging environment,\u201d the company said in a statement.",
        [org("Acme Corp", "Acme")],
        [("We are seeing", "Acme Corp", "full")],
    ),
    (
        "an unnamed spokesman is no name, and not his organisation's own words",
        "A spokesman for the Audit Office said the office \u201clooks forward to presenting its findings\u201d.",
        [org("Audit Office")],
        [("looks forward", None, "partial")],
    ),
    (
        "multi-paragraph quote merged, cue at its end",
        "\u201cA long speech begins here. It goes on.\n\n\u201cAnd it continues.\n\n"
        "\u201cAnd ends in a third,\u201d said Jane Doe, the minister.",
        [person("Jane Doe")],
        [("A long speech begins here. It goes on.\n\nAnd it continues.\n\nAnd ends", "Jane Doe", "full")],
    ),
    (
        "interrupted quote",
        "\u201cWe ask the public to stay away,\u201d Chief Constable Robert Hale said, "
        "\u201cwhile our teams make the site safe.\u201d",
        [person("Robert Hale")],
        [("We ask the public", "Robert Hale", "full"), ("while our teams", "Robert Hale", "partial")],
    ),
    (
        "quoted as saying",
        "A news agency quoted Hale as saying the investigation \u201cwould take several weeks\u201d.",
        [person("Robert Hale", "Hale")],
        [("would take several weeks", "Robert Hale", "partial")],
    ),
    (
        "British single quotes, headline quote with colon",
        "\u2018We will not back down\u2019: Nova\u2019s Priya Shah defends launch\n\n"
        "\u2018We tested this system for months,\u2019 Ms Shah said. \u2018Nobody should doubt us.\u2019",
        [person("Priya Shah", "Shah"), org("Nova")],
        [("We will not back down", "Priya Shah", "full"), ("We tested", "Priya Shah", "full"),
         ("Nobody should doubt", "Priya Shah", "full")],
    ),
    (
        "name introduced with a colon, no verb",
        "Minister Ana Lima: \u201cThere will be no new taxes.\u201d",
        [person("Ana Lima")],
        [("There will be no new taxes", "Ana Lima", "full")],
    ),
    (
        "a name no entity has is kept as printed",
        "\u201cPrices will rise,\u201d said Rosa Quint, an economist.",
        [],
        [("Prices will rise", "Rosa Quint", "full")],
    ),
    (
        "a new sentence after a closed quote is not its attribution",
        "Walsh accused Evans of \u201cplaying politics with security.\u201d Evans said the bill was fair.",
        [person("Jane Walsh", "Walsh"), person("Mark Evans", "Evans")],
        [("playing politics", "Jane Walsh", "partial")],
    ),
    (
        "pronouns resolve to people no entity covers",
        "Mary Jones, a nurse, said staff were exhausted.\n\n"
        '"We have been working double shifts for months," she said.\n\n'
        'Her colleague Peter Grant agreed. "Nobody is listening to us," he said.',
        [],
        [("We have been working", "Mary Jones", "full"), ("Nobody is listening", "Peter Grant", "full")],
    ),
    (
        "straight quotes and apostrophes",
        'Smith\'s aide said: "We\'re ready." Officials said the talks were "constructive".',
        [person("Ann Smith", "Smith")],
        [("We're ready", None, "full"), ("constructive", None, "partial")],
    ),
    (
        "a new paragraph after a colon",
        "In a letter to the board, Jane Doe wrote:\n\n\u201cI take full responsibility.\u201d",
        [person("Jane Doe")],
        [("I take full responsibility", "Jane Doe", "full")],
    ),
    # --- not quotations ----------------------------------------------------------------
    ("a product name", "Britain let Kyiv use its \u201cStorm Cloud\u201d long-range missiles.", [], []),
    ("a so-called term", "The so-called \u201cturnaround plan\u201d has yet to deliver, the chief said.", [], []),
    ("a scare quote with no speaker", "The firm\u2019s \u2018smart classroom\u2019 tool leaked records.", [], []),
    ("a quoted title", 'The paper ran the headline "A Town in Mourning" on Monday.', [], []),
    ("a word as a word", "The word \u201cdisaster\u201d was trending, with the hashtag \u201c#Prayers\u201d.", [], []),
    ("apostrophes", "It is the band\u2019s anthem, the fans\u2019 favourite and the region\u2018s too, "
     "a hit of the \u201990s; rock \u2019n\u2019 roll, the pupils\u2019 choice.", [], []),
]


@pytest.mark.parametrize("case,text,entities,expected", CASES, ids=[c[0] for c in CASES])
def test_quotes(case: str, text: str, entities: list[LocalEntity], expected: list) -> None:
    found = quotes(text, entities, headline="headline" in case)
    assert len(found) == len(expected), [q.text for q in found]
    for quote, (opening, speaker, kind) in zip(found, expected):
        assert quote.text.startswith(opening)
        assert quote.speaker_name == speaker, quote.text
        if speaker is not None:
            assert quote.speaker_key in {e.key for e in entities} | {None}
        if kind:
            assert quote.kind == kind, quote.text


def test_offsets_point_at_the_quoted_words() -> None:
    text = "Intro line.\n\nShe said: \u201cWe will win.\u201d And \u201cthis part, too,\u201d he added."
    art = article(text)
    for quote in find_quotes(art, [], [])[0]:
        assert art.source_text[quote.start : quote.end] == quote.text


def test_merged_quote_spans_its_paragraphs() -> None:
    text = "\u201cFirst part.\n\n\u201cSecond part,\u201d she said."
    (quote,) = quotes(text, [])
    assert quote.text == "First part.\n\nSecond part,"
    assert (quote.start, quote.end) == (1, text.index("\u201d"))


def test_mentions_give_the_entity_key() -> None:
    text = "\u201cWe are ready,\u201d the envoy, Mr Ostrov, said."
    entity = LocalEntity("ostrov", "Ivan Ostrov", EntityType.PERSON)
    start = text.index("Ostrov")
    mention = Mention("ostrov", "Ostrov", start, start + len("Ostrov"))
    (quote,) = find_quotes(article(text), [entity], [mention])[0]
    assert (quote.speaker_key, quote.speaker_name) == ("ostrov", "Ivan Ostrov")


@pytest.mark.parametrize(
    "text,count",
    [
        ("\u201cThis quote never ends, said nobody in particular.\n\nThe next paragraph is the reporter\u2019s.", 1),
        ("A stray closing mark\u201d here.\n\nAnd a \u201cproper quote,\u201d she said.", 1),
        ('"One quote opens here. "Another opens before the first closes," he said.', 2),
    ],
)
def test_unbalanced_marks_are_recovered_with_a_warning(text: str, count: int) -> None:
    found, warnings = find_quotes(article(text), [], [])
    assert len(found) == count
    assert warnings and all(w.startswith("t.txt:") for w in warnings)
    assert all("\n\nThe next" not in q.text for q in found)


def test_no_quotes_no_warnings() -> None:
    assert find_quotes(article("Nothing quoted here.\n\nNor here."), [], []) == ((), ())


def test_the_company_is_the_organisation_just_named() -> None:
    text = ("Head line here\n\nRegulators fined Acme Corp on Monday. Acme Corp said it would appeal.\n\n"
            "Globex welcomed the ruling. “It is a good day,” the company said.\n")
    quotes = _quotes_in(text)
    assert [(q.text, q.speaker_name) for q in quotes] == [("It is a good day,", "Globex")]


def test_an_unknown_organisation_before_spokesperson_is_kept_as_the_affiliation() -> None:
    text = ("Head line here\n\nShe told Sky News on Sunday that the plan had failed.\n\n"
            "A Treasury spokesperson said: “We do not comment on speculation.”\n")
    quotes = _quotes_in(text)
    assert [(q.text, q.speaker_name, q.affiliation_name, q.description) for q in quotes] == [
        ("We do not comment on speculation.", None, "Treasury", "a Treasury spokesperson")]


def test_a_cue_word_used_as_a_noun_is_not_the_cue() -> None:
    text = "Head line here\n\nJane Roe, a professor, said the claims were “marketing, not science.”\n"
    quotes = _quotes_in(text)
    assert [(q.speaker_name, q.cue) for q in quotes] == [("Jane Roe", "said")]


def test_a_headline_quote_takes_the_speaker_of_the_same_words_in_the_story() -> None:
    text = ("‘Nobody is above the law’: prosecutor charges ex-mayor\n\n"
            "Prosecutor Jane Roe charged the former mayor. “Nobody is above the law,” Roe said.\n")
    quotes = _quotes_in(text)
    assert [q.speaker_name for q in quotes] == ["Jane Roe", "Jane Roe"]


def _quotes_in(text: str) -> tuple[Quote, ...]:
    """The quotes of a whole article text, with the real entity extractor."""
    from builder.annotate.entities import find_entities
    from builder.read import parse_article

    article = parse_article(text, "a.txt")
    entities, mentions = find_entities(article)
    return find_quotes(article, entities, mentions)[0]


# (rule, text after a headline, the one quote's speaker as resolved, or None)
SPEAKERS = [
    ("a title's full stop", "“We need full-year bills,” said Sen. Susan Collins, R-Maine, the top Republican.",
     "Susan Collins"),
    ("an initial's full stop", "“Rates will stay,” said Jerome H. Powell, the Fed chair.", "Jerome H. Powell"),
    ("a governor's title", "“It is done,” said Gov. Kathy Hochul.", "Kathy Hochul"),
    ("a sentence still ends after a name", "“It is done,” said Jane Doe. Sen. Kathy Hochul disagreed on Monday.",
     "Jane Doe"),
    ("an opening phrase with no name after it",
     "Speaking in Downing Street, the Prime Minister said it was “a one-nation experiment”.", None),
    ("an opening phrase, then the subject", "Speaking in Geneva, Jane Doe said the talks were “useful”.", "Jane Doe"),
    ("'in a statement'", "In a statement, Acme Corp said the deal was “a good one”.", "Acme Corp"),
    ("'asked about'", "Asked about Geneva, Jane Doe said it was “fine”.", "Jane Doe"),
    # unnamed people at a firm: not the firm's own words (the firm is their affiliation)
    ("analysts at a firm", "Analysts at Jefferies said the target was “achievable but ambitious”.", None),
    ("economists at a firm, after the quote", "“We are fine,” economists at Goldman Sachs said.", None),
    ("a group with no name", "Economists said the plan was “risky”.", None),
    ("'the analysts' is a group, not the analyst named",
     "IDC analyst Nabila Popal spoke. The analysts said it was “too early”.", None),
    ("an epithet: nationality", "Coach Carlo Ancelotti was gloomy. “They were better,” the Italian said.",
     "Carlo Ancelotti"),
    ("an epithet: age", "Jane Roe won again. “I feel great,” the 34-year-old told reporters.", "Jane Roe"),
    # a guess (the person just written of) is too often another office's holder: unclear
    ("an office no one is given: the person just written of is only a candidate",
     "Sir Keir Starmer defended the cuts. Speaking in Liverpool, the prime minister said he made “tough choices”.",
     None),
    ("an office held by no one named, after a person with another role",
     "Conservative leader Kemi Badenoch attacked the plan. The prime minister said it was “fair”.", None),
    ("an inverted cue: admitted", "“I do not know,” admitted Jane Doe.", "Jane Doe"),
    ("an inverted cue before no name keeps the quote", "“We are exhausted,” said one teacher.", None),
    ("an epithet: a place and a party", "Chuck Schumer defended it. “It had to pass,” the New York Democrat told "
     "reporters.", "Chuck Schumer"),
    ("a role inside the quote is no referent", "President Donald Trump will sign it. Chuck Schumer defended it. “It "
     "handed the president power,” the New York Democrat told reporters.", "Chuck Schumer"),
    ("an outlet is no epithet", "Chuck Schumer defended it. “It was a bad day for the country,” the New York Times "
     "said.", "The New York Times"),
    ("an epithet: a nationality noun", "Pep Guardiola praised his striker. “He is a machine,” the Spaniard said.",
     "Pep Guardiola"),
    ("a nationality before a noun is no epithet", "Jane Roe won again. “Rome will pay,” the Italian government said.",
     None),
    ("another country's prime minister",
     "Israeli Prime Minister Benjamin Netanyahu spoke. Qatar's prime minister said talks were at a “critical stage”.",
     None),
    ("the same country's prime minister",
     "Israeli Prime Minister Benjamin Netanyahu spoke. Israel's prime minister said it was “not over”.",
     "Benjamin Netanyahu"),
    ("a dateline's agency", "DOHA, Qatar (AP) — Qatar's prime minister said the talks were at a “critical stage”.",
     None),
    ("a sector noun", "Tesla reported record sales. “Demand remains strong,” the carmaker said.", "Tesla"),
    ("'the club'", "Manchester United lost again. “We are disappointed,” the club said.", "Manchester United"),
    ("a role with no holder named", "The side lost. “It was hard,” the coach said.", None),
    ("a country's ministry", "CNN reported it. Iran's foreign ministry said it was “entitled to defend itself”.",
     "Iran's foreign ministry"),
    ("a company's board", "CNN reported it. Acme Corp's board said it was “a good deal”.", "Acme Corp"),
    ("a person's office", "Jane Doe spoke. CNN reported it. Jane Doe's office said it was “wrong”.", "Jane Doe"),
    ("a ministry with no owner", "CNN reported it. The ministry said it was “fine”.", "CNN"),
    ("a long characterisation after 'called' is said",
     "Elon Musk spoke. The site is what Musk has called “the most powerful AI training cluster in the world.”",
     "Elon Musk"),
]


@pytest.mark.parametrize("rule,text,speaker", SPEAKERS, ids=[c[0] for c in SPEAKERS])
def test_speakers(rule: str, text: str, speaker: str | None) -> None:
    """Each rule's case must give exactly one quote, with this speaker."""
    quotes = _quotes_in("Head line here\n\n" + text + "\n")
    assert [q.speaker_name for q in quotes] == [speaker]
