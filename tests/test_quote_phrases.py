"""The phrase rules of builder/data/quotes/phrases.txt, one case at least per row, naming
its id: the text, the speakers of its quotes, and that the row fired. Negative cases
name the row that must not give a speaker."""
from __future__ import annotations

import pytest

from builder.annotate import quote_phrases
from builder.annotate.entities import find_entities
from builder.annotate.quotes import find_quotes
from builder.read import parse_article


_OWN_HEADLINE = "(own headline) "  # the case's first line is its headline


def run(body: str, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str | None], set[str]]:
    fired: set[str] = set()
    first = quote_phrases.first

    def recording(*args: object, **kwargs: object) -> quote_phrases.Found | None:
        found = first(*args, **kwargs)  # type: ignore[arg-type]
        if found is not None:
            fired.add(found.rule.id)
        return found

    monkeypatch.setattr(quote_phrases, "first", recording)
    text = body[len(_OWN_HEADLINE):] if body.startswith(_OWN_HEADLINE) else "Head line here\n\n" + body
    article = parse_article(text + "\n", "a.txt")
    entities, mentions = find_entities(article)
    return [q.speaker_name for q in find_quotes(article, entities, mentions)[0]], fired


# (row id, text after a headline, speakers of its quotes)
CASES = [
    ("quoted-object", "Jane Doe quoted John Roe: “Never give up on the plan.”", ["John Roe"]),
    ("quoted-object", "Jane Doe quoted her late father: “Never give up on the plan.”", [None]),  # never hers
    ("quoted-passive", "Jane Doe was quoted by Reuters as saying the talks were “going nowhere”.", ["Jane Doe"]),
    ("quoted-active", "Reuters quoted Jane Doe as saying the talks were “going nowhere”.", ["Jane Doe"]),
    ("passive-told", "John Roe was told by officials: “Leave now.”", [None]),  # negative: the one told
    ("accused-of", _OWN_HEADLINE + "Water boss accused of ‘rewarding failure’ over bonus\n\nThe head of Zorblatt Water spoke.", [None]),
    ("accused-of", "Acme Corp was accused of “rewarding failure” on Monday.", [None]),  # negative: the one accused
    ("subject", "Jane Doe accused Acme Corp of “rewarding failure” on Monday.", ["Jane Doe"]),
    ("relative", "Acme Corp, which called the ruling “a travesty”, will appeal.", ["Acme Corp"]),
    ("with-saying", "Acme denied it, with spokesman John Roe saying: “We did nothing wrong.”", ["John Roe"]),
    ("said-then-ing", "Acme Corp said in a statement read on Globex TV, adding that “40 were killed”.", ["Acme Corp"]),
    ("ing-subject", "Jane Doe hit back on Monday, calling the ruling “a travesty”.", ["Jane Doe"]),
    ("subject", "After the vote, Jane Doe said: “We won the argument.”", ["Jane Doe"]),
    ("dash", "Jane Doe spoke.\n\n“We won the argument.” – John Roe, the mayor", ["John Roe"]),
    ("as-puts-it", "“A leap in the dark,” as Jane Doe puts it.", ["Jane Doe"]),
    ("roundup", "Jane Doe, The Daily Example: “It was a landslide for the party.”", ["Jane Doe"]),
    ("appositive-name", "“No comment,” said a spokeswoman for Acme Corp, Jane Roe.", ["Jane Roe"]),
    ("subject-pronoun", "When Jane Doe was asked whether she respects Mary Roe, she said: “Of course.”", ["Jane Doe"]),
    ("epithet", "Jane Roe won the final. “I feel great,” the 34-year-old said.", ["Jane Roe"]),
    ("headline-cue-after", _OWN_HEADLINE + "“Time To Go”: Jane Doe Joked About Retirement\n\nJane Doe spoke "
     "in Leeds.", ["Jane Doe"]),
    ("headline-speaker-before", _OWN_HEADLINE + "Jane Doe: “I Will Not Resign”\n\nJane Doe spoke in Leeds.",
     ["Jane Doe"]),
    # negatives
    ("cited-title", "Jane Doe wrote “Mayor quits after row” — The Daily Example, August 15, 2008.", []),
    ("appositive-after-name", "Globex shocked the market by announcing “Super Example Run,” the firm’s first game.", []),
    ("ing-object", "Jane Doe recalled John Roe saying: “Never give up on the plan.”", ["John Roe"]),
    ("ing-object", "Jane Doe remembers her father saying: “Never give up on the plan.”", [None]),  # not hers
    ("document-from", "Jane Doe posted a letter from John Roe on Facebook: “I am safe and well.”", ["John Roe"]),
    ("document-from", "Jane Doe posted a message from her son on Facebook: “I am safe and well.”", [None]),
    ("as-if-to-say", "A flicker crossed her face, as if to say “You think you got me?” before she smiled.", []),
    ("you-will-say", "“I’m the hero here,” you will say, and you will be right.", []),
    ("epithet", "Jane Roe won the final. “I feel great,” the winner said.", [None]),  # not an epithet of hers
    ("headline-cue-after", _OWN_HEADLINE + "Jane Doe Stars In “The Long Example”\n\nJane Doe spoke in Leeds.", []),
    ("roundup", "Acme Corp, The Daily Example: “It was a landslide for the party.”", [None]),  # no person
    ("appositive-name", "“No comment,” said a spokeswoman for Acme Corp, on Monday.", [None]),  # no name after
    ("roundup", "Acme Corp opened a plant. In a statement, Acme Corp: “We are proud of it.”", ["Acme Corp"]),  # not one
]


@pytest.mark.parametrize("rule, text, expected", CASES, ids=[f"{c[0]}-{n}" for n, c in enumerate(CASES)])
def test_phrase_rule(rule: str, text: str, expected: list[str | None], monkeypatch: pytest.MonkeyPatch) -> None:
    speakers, fired = run(text, monkeypatch)
    assert speakers == expected
    if rule in ("passive-told", "accused-of", "cited-title", "quoted-object", "appositive-after-name", "as-if-to-say",
                "you-will-say") or (expected not in ([None], []) and "In a statement" not in text):
        assert rule in fired, fired  # the row decided (a negative names the row that must not)


def test_every_phrase_rule_has_a_case() -> None:
    assert {r.id for r in quote_phrases.rules()} <= {c[0] for c in CASES}


def test_rules_are_read_in_file_order_and_valid() -> None:
    rules = quote_phrases.rules()
    assert len({r.id for r in rules}) == len(rules)
    assert all(r.where in quote_phrases.WHERE and r.read in quote_phrases.READ and r.example for r in rules)
