"""Word lists live in builder/data/, one list per meaning: table rows for the lists that
used to be sets in code or copies of each other."""
from __future__ import annotations

import pytest

from builder import wordlists
from builder.annotate import lexicon
from builder.annotate import quote_lexicon as lex
from builder.annotate.spans import spans


@pytest.mark.parametrize(
    "word, gender",
    [("mrs", "f"), ("lord", "m"), ("spokeswoman", "f"), ("father", "m"), ("jane", "f"), ("christopher", "m"),
     ("alex", None), ("andrea", None), ("mx", None)],  # names of both sexes and 'any' honorifics say nothing
)
def test_genders_come_from_the_people_lists(word: str, gender: str | None) -> None:
    assert lex.genders().get(word) == gender


@pytest.mark.parametrize(
    "word, kind", [("the", "definite"), ("their", "definite"), ("those", "definite"), ("a", "indefinite"),
                   ("several", "indefinite")],
)
def test_determiners(word: str, kind: str) -> None:
    assert word in wordlists.determiners()[kind] and word in wordlists.determiners()["any"]
    assert word not in wordlists.determiners()[{"definite": "indefinite", "indefinite": "definite"}[kind]]


def test_name_particles_one_list() -> None:
    assert "von" in lexicon.name_particles() and "von" in lexicon.inner_name_particles()
    assert "ben" not in lexicon.name_particles()  # "Ben Doe" is a given name
    assert "ben" in lexicon.inner_name_particles()


def test_weekdays_one_list() -> None:
    assert wordlists.weekday_names()[0] == "monday" and wordlists.weekdays()["fri."] == 4
    assert "fri." in lexicon.dates() and "sun" not in lexicon.dates()  # "Sun" may be a newspaper


@pytest.mark.parametrize(
    "text, names",
    [
        ("Jane Doe met the Bank of England, then Procter & Gamble.", ["Jane Doe", "Bank of England", "Procter & Gamble"]),
        ("Jane Doe of Acme spoke.", ["Jane Doe of Acme"]),  # 'of' joins (candidates.py splits persons)
        ("Acme of London.", ["Acme of London"]),
        ("Acme of the South.", ["Acme", "South"]),
        ("Jane Doe backed Friends Of the Earth.", ["Jane Doe", "Friends Of the Earth"]),  # 'the' after 'Of'
        ("Jane Doe, Teachers' Review Body.", ["Jane Doe", "Teachers' Review Body"]),
        ('Richard "Tex" Doe spoke.', ["Richard \"Tex\" Doe"]),
        ("Mohammed V University.", ["Mohammed V University"]),
        ("Institute of Allergy and Infectious Diseases.", ["Institute of Allergy and Infectious Diseases"]),  # "of the" does not join
        ("Jane Doe the Builder spoke.", ["Jane Doe", "Builder"]),  # no 'the' after a surname
        ("Ursula von der Leyen spoke.", ["Ursula von der Leyen"]),
        ("An anti-Acme protest began.", ["Acme"]),  # a modifier prefix
        ("Kremlin-led forces moved.", ["Kremlin"]),  # a modifier suffix
        ("Jae-in spoke.", ["Jae-in"]),  # a given name in two parts
        ("He backed al-Qaida.", ["al-Qaida"]),  # an Arabic article
    ],
)
def test_span_word_lists(text: str, names: list[str]) -> None:
    found = [text[s[0].start : s[-1].end] for s in spans(text)]
    assert [n for n in found if n not in ("The", "An", "He")] == names


def test_articles_are_determiners_too() -> None:
    assert wordlists.determiners()["article"] == {"the", "a", "an"}
    assert wordlists.determiners()["article"] <= wordlists.determiners()["definite"] | wordlists.determiners()["indefinite"]


@pytest.mark.parametrize(
    "words, member, outsider",
    [
        (lambda: lexicon.of_heads()["place"], "gulf", "republic"),  # "Gulf of Oman" is a place
        (lambda: lexicon.of_heads()["keep"], "republic", "gulf"),  # "Republic of Korea" keeps its "of"
        (lexicon.compass_words, "northern", "north-east"),
        (lexicon.place_prepositions, "near", "said"),
        (lexicon.work_title_words, "With", "with"),  # as capitalised inside a title
        (lambda: lexicon.titles()["adjective"], "chief", "president"),
        (lambda: wordlists.determiners()["indefinite"], "dozens", "the"),
    ],
)
def test_entity_word_lists(words, member: str, outsider: str) -> None:  # type: ignore[no-untyped-def]
    assert member in words() and outsider not in words()
