"""A page's type needs evidence, as its name does (builder/confirm.py, rule `untyped`; the
evidence that supports each type: the groups type-org, type-place, ... of
builder/data/entities/evidence_groups.txt). A name typed organisation, place, product, event
or other with nothing for that type but its shape gets no page and is listed for review.
One positive and one negative row each, with made-up names."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.annotate import evidence
from builder.model import EntityType
from builder.pipeline import assemble
from tests.test_page_precision import check_row

# (rule id, the articles, {name: has a page?})
ROWS: list[tuple[str, tuple[str, ...], dict[str, bool]]] = [
    # untyped: an organisation by default, nothing for it but its capitals
    ("untyped", ("Fans said the Zorbic Quuxian Halibut tasted fine on Sunday.",), {"Zorbic Quuxian Halibut": False}),
    ("untyped", ("Fans said the Zorbic Quuxian Institute closed on Sunday.",), {"Zorbic Quuxian Institute": True}),
    ("untyped", ("She invested in venture firm Zorbic Quuxian on Sunday.",), {"Zorbic Quuxian": True}),
    # a capital inside a word is a brand's shape, a product's or a hashtag's as often as a firm's
    ("untyped", ("Fans posted #ZorbWithQuux on Sunday, and ZorbWithQuux trended.",), {"ZorbWithQuux": False}),
    ("untyped", ("Yesterday ZorbQuux spokesman Jane Doe said no.",), {"ZorbQuux": True}),
    # a domain is a firm's or a site's name
    ("untyped", ("Fans read it on Zorbquux.com on Sunday.",), {"Zorbquux.com": True}),
    # after "from" or listed with a comma, no more than that
    ("untyped", ("The goal came from Zorbic Quuxley's pass on Sunday.",), {"Zorbic Quuxley": True}),
    # "said" right after a one-word name: an organisation (or a person) speaks, no film or product;
    # after a comma, someone else does ("the idea for Zorbix, said Jane Doe")
    ("untyped", ("Yesterday Zorbix said it would close.",), {"Zorbix": True}),
    ("untyped", ("Jane Doe, who pitched the idea for Zorbix, said last year it would close.",), {"Zorbix": False}),
    # what an organisation is written with: an appositive's noun, shares in it, a kind before it
    ("untyped", ("Its maker, Zorbic Quuxtronics, said the valve failed.",), {"Zorbic Quuxtronics": True}),
    ("untyped", ("Her fan, Zorbix, said the valve failed.",), {"Zorbix": False}),
    ("untyped", ("Shares in Zorbic Quuxtronics fell on Sunday.",), {"Zorbic Quuxtronics": True}),
    ("untyped", ("The secular magazine ZorbiMega praised the ruling.",), {"ZorbiMega": True}),
    ("untyped", ("Analysts at the Zorbic Quuxley brokerage said so.",), {"Zorbic Quuxley": True}),
    ("untyped", ("Sharon Doe is the CEO of Zorbquux, a start-up.",), {"Zorbquux": True}),
    ("untyped", ("They blamed Zorbic al-Quux, an extremist organization, for it.",), {"Zorbic al-Quux": True}),
    # a rare word of a demonym's ending before a noun is a people's adjective, no name
    ("demonym-shape", ("The Zorbillian team won the final.",), {"Zorbillian": False}),
    ("demonym-shape", ("The Zorbillian said it won the final.",), {"Zorbillian": True}),
    # the maker of a new device is a firm
    ("untyped", ("Reviewers liked ZorbTech’s new headset on Sunday.",), {"ZorbTech": True}),
    ("untyped", ("Reviewers liked ZorbTech’s new look on Sunday.",), {"ZorbTech": False}),
    # a noun after common words types no name: "the Landscape constituency" is a phrase
    ("untyped", ("Jane Doe of the Social Welfare constituency won.",), {"Social Welfare": False}),
    ("untyped", ("Jane Doe of the Zorbic Welfare constituency won.",), {"Zorbic Welfare": True}),
    ("untyped", ("Jane Doe was at the Burst Pipes summit.",), {"Burst Pipes": False}),
    # ", which" after a name: no person (and no type on its own): a person by its shape is in doubt
    ("work-doubt", ("They feared for the giant Zorbé Quuxa, which may be 2,000 years old. Zorbé Quuxa stands.",),
     {"Zorbé Quuxa": False}),
    ("work-doubt", ("They feared for Zorbé Quuxa, who may be 90 years old. Zorbé Quuxa said so.",), {"Zorbé Quuxa": True}),
    # a town's name in a list of a kind of no place ("gods such as") is in doubt
    ("work-doubt", ("Many worship the ancient gods, such as Zeus, Hera, and Kettering.",), {"Kettering": False}),
    ("work-doubt", ("Many visited the towns, such as Zorbton, Quuxton, and Kettering.",), {"Kettering": True}),
    # a firm by its shape alone that a person's appositive describes is in doubt
    ("work-doubt", ("ZorbMyName, a deep web user, posted it. ZorbMyName told me so. ZorbMyName said it works.",),
     {"ZorbMyName": False}),
    ("work-doubt", ("ZorbCorp, a web company, posted it. ZorbCorp told me so. ZorbCorp said it works.",),
     {"ZorbCorp": True}),
    # work-doubt: a person by a title or a given name alone that a work's cue names
    ("work-doubt", ("Critics agree: Lady Zorbwell is a quiet drama about a lodger.",), {"Lady Zorbwell": False}),
    ("work-doubt", ("Jane Goes West is a twisted and dark comedy — part satire, part thriller.",),
     {"Jane Goes West": False}),
    ("work-doubt", ("Lady Zorbwell said the drama was quiet.",), {"Lady Zorbwell": True}),
    ("work-doubt", ("Lady Zorbwell is no placid costume drama.",), {"Lady Zorbwell": False}),
    ("work-doubt", ("The bug in Zorbcraft servers was found by Zorbcraft developer Jane Doe, who played it on "
                    "the online game site Zorbnet, the Zorbcraft manager said. It is a flaw in the game Zorbcraft.",),
     {"Zorbcraft": False}),
    ("work-doubt", ("A flaw in the Zorbcraft Institute crashed servers, Zorbcraft developer Jane Doe said.",),
     {"Zorbcraft Institute": True}),
]

# (rule or data row, a paragraph, the name, its type)
TYPE_ROWS = [
    ("aboard", "The crew lived aboard Zorbix for a year.", "Zorbix", "product"),
    ("aboard", "The crew lived in Zorbix for a year.", "Zorbix", "place"),
    ("institution-district", "The Zorbton Independent School District closed.", "Zorbton Independent School District", "org"),
    ("institution-district", "They walked through the Zorbton Financial District.", "Zorbton Financial District", "place"),
    ("org-appositive-after", "They blamed Zorbic al-Quux, an extremist organization, for it.", "Zorbic al-Quux", "org"),
    ("org-appositive-after", "They blamed Zorbic al-Quux, a party member, for it.", "Zorbic al-Quux", "person"),
    ("org-of", "Sharon Doe is the CEO of Zorbquux today.", "Zorbquux", "org"),
    ("firm-role", "Bugs went to Zorbcraft developer Zorbang last year.", "Zorbang", "org"),
    ("firm-role", "Zorbic Foxley, its main rival, grew.", "Zorbic Foxley", "org"),
    ("firm-role", "Zorbcraft developer Jane Doe left.", "Jane Doe", "person"),
    ("firm-role", "Jane Doe beat her main rival, Zorbic Foxley, today.", "Zorbic Foxley", "person"),
    ("firm-role", "The property developer Zorbic Foxley said no.", "Zorbic Foxley", "person"),
    ("show-event", "They met at the Zorbton Motor Show in May.", "Zorbton Motor Show", "event"),
    ("product-suffix", "Sony’s Zorbstation VR is extremely comfortable.", "Zorbstation VR", "product"),
    ("product-suffix", "Fans of Zorbstation Vega cheered.", "Zorbstation Vega", "person"),
    ("conference-body", "The head of the Zorbian Episcopal Conference spoke.", "Zorbian Episcopal Conference", "org"),
    ("conference-body", "The head of the Zorbian Climate Conference spoke.", "Zorbian Climate Conference", "event"),
    ("show-event", "They met on the Jane Doe Show in May.", "Jane Doe Show", "other"),
    ("of-person", "Polaroids of musician Jane Doe of Zorb Zorb hung there.", "Zorb Zorb", "org"),
    ("of-person", "Jane Doe of Kettering won the seat.", "Kettering", "place"),
    ("of-person", "Lord Bell of Zorbton spoke.", "Lord Bell of Zorbton", "person"),
    ("org-kind-before", "It fined the religious schools Santa Zorba and Jane in Kettering.", "Santa Zorba", "org"),
    ("org-kind-before", "It fined the religious schools Santa Zorba and Jane in Kettering.", "Jane", "org"),
    ("org-kind-before", "It fined the brothers Jane Zorba and John Zorba in Kettering.", "Jane Zorba", "person"),
    ("org-kind-before", "It showed publishers Zorbo Quuxner of the Zorb Magazine.", "Zorbo Quuxner", "person"),
    ("person-nouns-user", "ZorbMyName, a deep web user who has been active since 2011, left.", "ZorbMyName", "person"),
    ("vessel-hmc", "The Border Force vessel HMC Zorbix sailed on Sunday.", "HMC Zorbix", "product"),
    ("org-descriptor-team", "The US team Zorb9 won the final.", "Zorb9", "org"),
    ("work-noun-game", "A flaw in the online game Zorbcraft crashed servers.", "Zorbcraft", "other"),
    ("work-owned-the", "Critics loved Jane Doe’s The Zorbton Project this year.", "Zorbton Project", "other"),
    ("work-owned-the", "Critics loved the Zorbton Project this year.", "Zorbton Project", "org"),
    ("work-title-org-head", "Fan groups included Zorb Who Society of Canada.", "Zorb Who Society of Canada", "org"),
    ("work-title-org-head", "Fans watched An Evening With Zorb Quux on Sunday.", "An Evening With Zorb Quux", "other"),
    ("org-of", "Sharon Doe is the mayor of Zorbquux today.", "Zorbquux", "place"),
]


@pytest.mark.parametrize(("rule", "text", "name", "etype"), TYPE_ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(TYPE_ROWS)])
def test_type_row(rule: str, text: str, name: str, etype: str) -> None:
    from builder.annotate.entities import find_entities
    from tests.test_entities import article
    entities, _ = find_entities(article(text))
    found = {e.name: e for e in entities}
    assert name in found and found[name].type.value == etype, (rule, {n: e.type.value for n, e in found.items()})


@pytest.mark.parametrize(("rule", "texts", "expected"), ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_row(tmp_path: Path, rule: str, texts: tuple[str, ...], expected: dict[str, bool]) -> None:
    check_row(tmp_path, rule, texts, expected)


def test_every_type_has_its_group_of_evidence() -> None:
    """Each type but person names the evidence rules that support it; every id is a rule."""
    rules = evidence.rules()
    for etype in EntityType:
        if etype is EntityType.PERSON:
            continue
        group = evidence.group(f"type-{etype.value}")
        assert group, etype
        assert group <= set(rules), group - set(rules)


def test_a_name_of_no_type_is_listed_for_review(tmp_path: Path) -> None:
    """The names the type rules leave unsure are listed for review, with the rule that did it,
    ready to confirm or retype in entities.yml; a name whose type has evidence is not."""
    from builder.review import review_yaml, unconfirmed
    folder = tmp_path / "dossier"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "01.txt").write_text(
        "Story\n\nFans said the Zorbic Quuxian Halibut tasted fine, and the Zorbic Quuxian Institute agreed.\n",
        encoding="utf-8")
    listed = review_yaml(unconfirmed(assemble(folder)[0]))
    assert "- name: Zorbic Quuxian Halibut" in listed and "untyped" in listed, listed
    assert "Zorbic Quuxian Institute" not in listed, listed
