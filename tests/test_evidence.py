"""Evidence that a capitalised word sequence is a name, confidence, and what happens below the
threshold: one test row per rule of data/entities/evidence.txt, with negative cases, a
dossier-level rule, and the review list."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from builder.annotate import candidates, evidence
from builder.annotate.entities import find_entities
from builder.confirm import THRESHOLD
from builder.model import EntityType, LocalEntity
from builder.pipeline import assemble, build
from builder.review import review_yaml, unconfirmed
from tests.test_entities import article

P, O, L, X = EntityType.PERSON, EntityType.ORG, EntityType.PLACE, EntityType.OTHER


def named(text: str, name: str) -> LocalEntity:
    """The entity of an article (paragraphs apart by a written "\\n") that a mention printed
    `name` belongs to: the last one so printed, where there are several."""
    art = article(*text.split("\\n"))
    entities, mentions = find_entities(art)
    keys = [m.key for m in mentions if m.surface == name][-1:]
    found = [e for e in entities if e.key in keys]
    assert found, f"{name!r} not found in {text!r}: {[e.name for e in entities]}"
    return found[0]


ARTICLE_RULES = [rule for rule in evidence.rules().values() if rule.where == "article"]


@pytest.mark.parametrize("rule", ARTICLE_RULES, ids=[rule.id for rule in ARTICLE_RULES])
def test_each_rule_fires_on_its_example(rule: evidence.Rule) -> None:
    name = re.search(r"\[(.+?)\]", rule.example)
    assert name, f"the example of {rule.id} brackets no name"
    entity = named(rule.example.replace("[", "").replace("]", ""), name.group(1))
    assert rule.id in entity.evidence


CONTEXT_ROWS = [  # (rule id, text, the name): a row per context rule, written here, not read from the rule
    ("org-cue", "Yesterday the Zorblatt news agency said so.", "Zorblatt"),
    ("movement-cue", "Fighters of the Zorbani movement took the town.", "Zorbani"),
    ("place-cue", "They reached the Zorblatt province.", "Zorblatt"),
    ("event-cue", "They met at the Zorblatt climate summit.", "Zorblatt"),
    ("said-common", "Yesterday Silver Lantern said no.", "Silver Lantern"),
    ("said", "Yesterday Zorblatt Quux said no.", "Zorblatt Quux"),
    ("person-cue", "They blamed the Zorblatt administration.", "Zorblatt"),
    ("said-one-word", "Yesterday Zorblatt said no.", "Zorblatt"),
    ("given-name-mid", "They thanked Frank for it.", "Frank"),
    ("person-appositive", "They met Zorblatt Quux, a local woman, today.", "Zorblatt Quux"),
    ("said-pronoun", "Yesterday Zorblatt said she would go.", "Zorblatt"),
    ("said-inverted", "“We will go,” said Zorblatt.", "Zorblatt"),
    ("product-cue", "They fired Zorblatt long-range missiles.", "Zorblatt"),
    ("model-number", "They flew the 737 ZQX home.", "ZQX"),
    ("plural-acronym", "They destroyed four ZQXs today.", "ZQXs"),
    ("indefinite", "They destroyed a ZQX and a truck.", "ZQX"),
    ("indefinite-phrase", "They called for a General Election today.", "General Election"),
    ("work-before", "Her book, Standing Firm, sold well.", "Standing Firm"),
    ("programme-after", "She told the BBC’s Zorblatt programme so.", "Zorblatt"),
    ("presenter", "She told the BBC’s Sunday with Zorblatt Quux programme so.", "Zorblatt Quux"),
    ("org-before", "She invested in venture firm Zorblatt today.", "Zorblatt"),
    ("org-appositive", "Its maker, Zorblatt Quux, said so.", "Zorblatt Quux"),
    ("org-stake", "Shares in Zorblatt Quux fell.", "Zorblatt Quux"),
    ("org-of", "The CEO of Zorblatt left.", "Zorblatt"),
    ("org-appositive-after", "They blamed Zorblatt Quux, a rebel group, for it.", "Zorblatt Quux"),
    ("aboard", "The crew lived aboard Zorblatt for a year.", "Zorblatt"),
    ("vessel-noun", "Police boarded the tanker Zorb Star today.", "Zorb Star"),
    ("demonym-shape", "Fans of the Zorbillian team cheered.", "Zorbillian"),
    ("maker-possessive", "Reviewers liked Zorbtech’s new headset.", "Zorbtech"),
    ("org-kind-before", "It fined the religious schools Zorba Quuxa and Zorbaya.", "Zorbaya"),
    ("listed-kind", "They worship gods such as Zorba, Quuxa and Zorbaya.", "Zorbaya"),
    ("which-after", "They saw Zorblatt Quux, which is 2,000 years old.", "Zorblatt Quux"),
    ("after-name-and", "The Zorb Information System and Intelligence System failed.", "Intelligence System"),
    ("before-and-name", "They read the Zorb Office on Drugs and Crime World Drug Report 2014.", "Zorb Office on Drugs"),
    ("definite-before", "He joined the Zorblatt Quux in 1990.", "Zorblatt Quux"),
    ("place-prep", "Fighting near Zorblatt went on.", "Zorblatt"),
    ("place-prep-from", "A pass from Zorblatt Quux went wide.", "Zorblatt Quux"),
    ("place-of", "They reached the town of Zorblatt today.", "Zorblatt"),
    ("place-of-noun", "The mayor of Zorblatt said no.", "Zorblatt"),
    ("place-after", "They live in Zorblattville, Texas, now.", "Zorblattville"),
    ("party-place", "Rep. Jane Doe, R-Zorbville, said no.", "Zorbville"),
    ("ticker-after", "Shares of Zorblatt (ZORB.N) fell.", "Zorblatt"),
    ("vessel-appositive", "Its sister ship, the Zorb Quux, follows.", "Zorb Quux"),
    ("place-prep-to", "He was reassigned to Zorblatt today.", "Zorblatt"),
    ("place-verb", "Forces retook Zorblatt from them.", "Zorblatt"),
    ("place-for-seat", "The candidate for Zorblatt spoke.", "Zorblatt"),
    ("place-prep-out-of", "They pushed them out of Zorblatt today.", "Zorblatt"),
    ("place-such-as", "It freed towns in the north including Zorblatt and Quux.", "Zorblatt"),
    ("weapon-verb", "They fired a Zorblatt Quux at the ship.", "Zorblatt Quux"),
    ("compass-name", "Talks between Zorbland and the West failed.", "West"),
    ("place-after-compass", "Parents in south Zorbshire were furious.", "Zorbshire"),
    ("place-in-place", "Shells fell in Zorbivka in eastern Kenya.", "Zorbivka"),
]


def test_every_context_rule_has_a_row() -> None:
    assert sorted(r.id for r in candidates.CONTEXT_RULES) == sorted(row[0] for row in CONTEXT_ROWS)


@pytest.mark.parametrize(("rule_id", "text", "name"), CONTEXT_ROWS, ids=[row[0] for row in CONTEXT_ROWS])
def test_each_context_rule_fires(rule_id: str, text: str, name: str) -> None:
    rule = next(r for r in candidates.CONTEXT_RULES if r.id == rule_id)
    assert rule.evidence in evidence.rules() and rule.example.replace("[", "").replace("]", "") == text
    found = [f for f in candidates.find(text) if text[f.start : f.end] == name]
    assert found and rule.evidence in found[0].evidence, [(f.name, f.evidence) for f in found]
    if rule.type is not None:
        assert found[0].scores.get(rule.type, 0) >= rule.weight


WORD_ROWS = [  # (rule id, a name, the type it ends with): a row per word rule
    ("acronym-inside", "Zorbmetall ZQX Systems Land", EntityType.ORG),
    ("treaty-on", "Convention on the Law of the Zorb", EntityType.OTHER),
    ("vessel", "HMS Zorblatt", EntityType.PRODUCT),
    ("weapon-acronym", "IED", EntityType.PRODUCT),
    ("religion", "Islam", X),
    ("unit", "507th ZQX", O),
    ("weather-event", "Hurricane Zorblatt", EntityType.EVENT),
    ("time-standard", "Zorblatt Mean Time", X),
    ("unit-designation", "Task Force Zorblatt", O),
    ("scheme-program", "Zorblatt Assistance Program", X),
    ("org-head", "Zorblatt Institute", O),
    ("org-head-foreign", "Banco Zorblatt", O),
    ("place-head", "Lake Zorblatt", L),
    ("product-word", "Zorblatt Missile", EntityType.PRODUCT),
    ("event-head", "Zorblatt Summit", EntityType.EVENT),
    ("show-event", "Zorblatt Motor Show", EntityType.EVENT),
    ("conference-body", "Zorbian Episcopal Conference", O),
    ("caucus-body", "Zorblatt Freedom Caucus", O),
    ("campaign-verb", "Save Zorblatt Hospital", O),
    ("product-suffix", "Zorbstation VR", EntityType.PRODUCT),
    ("place-word", "Zorblatt Valley", L),
    ("institution-district", "Zorblatt School District", O),
    ("place-word-given-name", "Jane Park", P),  # (the given name outweighs it, unless the context says place)
    ("compass-place", "Western Kenya", L),
    ("law-head", "Zorblatt Act", X),
    ("newspaper", "Kettering Sun", O),
    ("programme", "Jane Doe Show", X),
    ("compass-region", "West Zorblattshire", L),
    ("place-name", "Kettering", L),
    ("domain", "Zorblatt.com", O),
    ("camel", "ZorbLatt", O),
    ("foreign-article", "Le Zorblatt", O),
    ("acronym-first", "ZQX Zorblatt", O),
    ("year-designator", "Zorb Vigil-2026", EntityType.EVENT),
    ("digits", "Zorblatt-9", EntityType.PRODUCT),
    ("designator", "ZQ-99", EntityType.PRODUCT),
    ("acronym", "ZQX", O),
    ("given-name-alone", "Jane", P),
    ("one-word", "Zorblatt", O),
    ("given-name", "Jane Zorblatt", P),
    ("named-after-place", "Real Zorblatt Madrid", O),
    ("all-common", "Big Green Teapot", O),
    ("common-tail", "Zorblatt Soup", O),
    ("person-shape", "Zorblatt Quux", P),
]


def test_every_word_rule_has_a_row() -> None:
    assert sorted(r.id for r in candidates.WORD_RULES) == sorted(row[0] for row in WORD_ROWS)


@pytest.mark.parametrize(("rule_id", "name", "etype"), WORD_ROWS, ids=[row[0] for row in WORD_ROWS])
def test_each_word_rule_fires(rule_id: str, name: str, etype: EntityType) -> None:
    rule = next(r for r in candidates.WORD_RULES if r.id == rule_id)
    found = candidates.Found(0, len(name), name)
    candidates._score_words(found)
    assert rule.example == name and rule.trigger(candidates.Shape.of(candidates.Found(0, len(name), name)))
    assert found.scores.get(rule.type, 0) >= rule.weight and candidates.best_type(found.scores) is etype
    assert rule.evidence is None or rule.evidence in found.evidence


NOT_FIRED = [  # (rule id, text, name): the rule must not fire
    ("mid-sentence", "Zorblatt said no.", "Zorblatt"),
    ("given-name", "Zorblatt Quux arrived.", "Zorblatt Quux"),
    ("title", "Jane Doe arrived.", "Jane Doe"),
    ("indefinite", "A Zorblatt reporter said no.", "Zorblatt"),
    ("indefinite", "They destroyed the ZQX today.", "ZQX"),
    ("indefinite", "A Labour Party spokesman said no.", "Labour Party"),
    ("indefinite", "They called for a Zorblatt Election today.", "Zorblatt Election"),
    ("plural-acronym", "Yesterday ZQX said no.", "ZQX"),
    ("common-word", "President Timetable spoke.", "Timetable"),
    ("place-name", "Talks with Reading failed.", "Reading"),
    ("place-name", "Yesterday Victoria Doe arrived.", "Victoria Doe"),
    ("work-title", "They met Jane Doe in Paris.", "Jane Doe"),
    ("listed-with-place", "Attacks by Zorblatt and Quux went on.", "Zorblatt"),
    ("listed-with-place", "In France, Zorblatt said no.", "Zorblatt"),
    ("listed-with-place", "In France, Zorblatt and Quux said no.", "Zorblatt"),
    ("acronym-defined", "It joined the Zorblatt Quux Agency (ZZZ) today.", "Zorblatt Quux Agency"),
    ("middle-initial", "Jane Doe arrived.", "Jane Doe"),
    ("rare-word", "Then the Timetable slipped.", "Timetable"),
]


@pytest.mark.parametrize(("rule", "text", "name"), NOT_FIRED)
def test_a_rule_does_not_fire_without_its_trigger(rule: str, text: str, name: str) -> None:
    assert rule in evidence.rules()
    assert rule not in named(text, name).evidence


@pytest.mark.parametrize(("text", "name", "sure"), [
    ("President Jane Doe arrived.", "Jane Doe", True),
    ("Talks with Zorblatt failed.", "Zorblatt", True),
    ("Protests in France grew.", "France", True),
    ("Then the Timetable slipped.", "Timetable", False),
    ("They destroyed a ZQX and a truck.", "ZQX", False),
    ("They destroyed four ZQXs today.", "ZQXs", False),
    ("IEDs were found.", "IEDs", True),  # weapon-acronym: without it, only rare-word (0.3)
    ("Islam was the topic.", "Islam", True),  # religion: without it, only rare-word (0.3)
])
def test_confidence_adds_the_weights(text: str, name: str, sure: bool) -> None:
    entity = named(text, name)
    assert (entity.confidence >= THRESHOLD) is sure, entity
    assert entity.confidence == evidence.confidence(entity.evidence)


def test_every_rule_has_a_weight_a_trigger_and_an_example() -> None:
    for rule in evidence.rules().values():
        assert rule.where in ("article", "dossier") and rule.trigger and "[" in rule.example, rule
        assert -1 <= rule.weight <= 1 and rule.weight != 0, rule


# --- the maintained gazetteer -------------------------------------------------------------


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("Fighting near Kettering went on.", "Kettering", L),  # a town of the GeoNames list
    ("Talks in Wokingham went on.", "Wokingham", L),  # a district of ISO 3166-2
    ("Protests in Eswatini grew.", "Eswatini", L),  # a country of ISO 3166
    ("Talks with Reading failed.", "Reading", O),  # a town, but a common word first
])
def test_towns_counties_and_countries_are_places(text: str, name: str, etype: EntityType) -> None:
    assert named(text, name).type is etype


def test_a_surname_named_after_a_town_stays_a_person() -> None:
    art = article("Yesterday Jane Kettering arrived.", "Kettering said she would stay.",
                  "Kettering has lived there since 2001.")
    entities, _ = find_entities(art)
    assert [(e.name, e.type) for e in entities] == [("Jane Kettering", P)]


# --- descriptors and titles of works never swallow a name -------------------------------


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("The vote was lost, said Backbencher Jane Doe.", "Jane Doe", P),
    ("Tory veteran Jane Doe said no.", "Jane Doe", P),
    ("Later, Newcomer Jane Doe won.", "Jane Doe", P),
    ("We met Rose Mary Doe today.", "Rose Mary Doe", P),  # a given name first: all of it is the name
    ("She hosted An Audience With Jane Doe last year.", "An Audience With Jane Doe", X),
    ("They watched The Lord Of The Rings again.", "The Lord Of The Rings", X),
    ("The MP for Anytown said no.", "Anytown", L),
    ("They joined the 507th Zorblatt Wing today.", "507th Zorblatt Wing", O),
    ("Yesterday Chan Tai-man said no.", "Chan Tai-man", P),  # a given name in two parts
    ("They met the Zorblatt Quux Agency to Counter ZQX Jane Doe.", "Jane Doe", P),
    ("Yesterday the Turks said no to Jane Doe.", "Jane Doe", P),
    ("MPs voted on the Prevention of Zorblatt Bill yesterday.", "Prevention of Zorblatt Bill", X),
    ("Before the General Election, turnout fell.", "General Election", EntityType.EVENT),
    ("Yesterday General Jane Doe said no.", "Jane Doe", P),  # (a rank before a person stays a rank)
    ("Yesterday Major Doe said no.", "Doe", P),
    ("The Secretary of State for Health Jane Doe said no.", "Jane Doe", P),
    ("Minister for the Middle East Jane Doe said no.", "Middle East", L),
    ("Fighting near Zorblatt Quux went on.", "Zorblatt Quux", L),
    ("They sailed into the Gulf of Zorblatt today.", "Gulf of Zorblatt", L),
    ("They marked the 19th Zorblatt Festival today.", "Zorblatt Festival", EntityType.EVENT),
])
def test_the_name_is_only_the_name(text: str, name: str, etype: EntityType) -> None:
    entity = named(text, name)
    assert (entity.name, entity.type) == (name, etype)


@pytest.mark.parametrize("text", ["Zorblatt-backed forces left.", "The Zorblatt-led talks failed.",
                                  "A Zorblatt-based firm grew."])
def test_a_name_before_a_modifier_stays_alone(text: str) -> None:
    assert named(text, "Zorblatt").name == "Zorblatt"


@pytest.mark.parametrize(("text", "surface"), [
    ("Yesterday Col. Jane “J.D.” Doe said no.", "Jane “J.D.” Doe"),
    ('Yesterday Jane "Zorb" Doe said no.', 'Jane "Zorb" Doe'),
])
def test_a_nickname_in_quotes_stays_inside_the_name(text: str, surface: str) -> None:
    art = article(text)
    entities, mentions = find_entities(art)
    assert [(e.name, e.type) for e in entities] == [("Jane Doe", P)]
    assert [m.surface for m in mentions] == [surface]


@pytest.mark.parametrize("text", ["Then Rumours swirled about the plan.", "Then Defence spending rose.",
                                  "Then Organisation mattered, said Jane Doe."])
def test_a_british_spelling_is_a_common_word_too(text: str) -> None:
    entities, _ = find_entities(article(text))
    assert [e.name for e in entities if e.confidence >= THRESHOLD] in ([], ["Jane Doe"])


def test_a_subject_of_a_title_is_no_entity() -> None:
    entities, _ = find_entities(article("The Secretary of State for Health said no."))
    assert entities == ()


def test_a_group_word_is_no_entity() -> None:
    entities, _ = find_entities(article("Yesterday the Turks and the Yazidis met Jane Doe."))
    assert [e.name for e in entities] == ["Jane Doe"]


def test_a_programme_title_takes_no_mention_of_the_person_it_names() -> None:
    art = article("Jane Doe spoke to reporters.", "She hosted An Audience With Jane Doe in 2001.",
                  "Doe said it was her best work.")
    entities, mentions = find_entities(art)
    person = next(e for e in entities if e.name == "Jane Doe")
    assert person.type is P
    assert sorted(m.surface for m in mentions if m.key == person.key) == ["Doe", "Jane Doe"]


# --- the dossier's evidence, the threshold and the review list ---------------------------


def write_dossier(root: Path, *articles: str) -> Path:
    folder = root / "dossier"
    (folder / "articles").mkdir(parents=True)
    for n, text in enumerate(articles, start=1):
        (folder / "articles" / f"{n:02d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def by_name(folder: Path) -> dict[str, object]:
    dossier, _ = assemble(folder)
    return {e.name: e for e in dossier.entities}


STORY = "Talks failed on Monday, Zorblatt said, and Jane Doe, the mayor, agreed."


def test_a_word_the_dossier_writes_in_lower_case_is_no_name(tmp_path: Path) -> None:
    folder = write_dossier(tmp_path, STORY, "Farmers said the zorblatt had failed again this year.")
    entity = by_name(folder)["Zorblatt"]
    assert "lower-elsewhere" in entity.evidence  # type: ignore[attr-defined]
    assert not entity.confirmed and entity.hidden  # type: ignore[attr-defined]


def test_a_word_never_written_in_lower_case_stays_a_name(tmp_path: Path) -> None:
    folder = write_dossier(tmp_path, STORY, "Farmers said the harvest had failed again this year.")
    entity = by_name(folder)["Zorblatt"]
    assert "lower-elsewhere" not in entity.evidence  # type: ignore[attr-defined]
    assert entity.confirmed and not entity.hidden  # type: ignore[attr-defined]


UNSURE = ("Then the Timetable slipped again, said Jane Doe, the mayor.",
          "Officials in Kettering said a ZQX and a truck were destroyed. Talks with Zorblatt failed.",
          "Farmers said the zorblatt had failed.")


def test_the_review_lists_exactly_the_unconfirmed_names(tmp_path: Path) -> None:
    folder = write_dossier(tmp_path, *UNSURE)
    dossier, _ = assemble(folder)
    expected = {e.name for e in dossier.entities if not e.confirmed}
    assert expected == {"Timetable", "ZQX", "Zorblatt"}
    entries = yaml.safe_load(review_yaml(unconfirmed(dossier)))
    assert {entry["name"] for entry in entries} == expected
    assert all(entry["hidden"] is True and entry["type"] for entry in entries)


def test_unconfirmed_names_get_no_page_no_link_and_are_no_mentions(tmp_path: Path) -> None:
    folder = write_dossier(tmp_path, *UNSURE)
    docs = tmp_path / "docs"
    build(folder, docs)
    export = json.loads((docs / "dossier.json").read_text(encoding="utf-8"))
    entities = {e["id"]: e for e in export["entities"]}
    unsure = {i for i, e in entities.items() if not e["confirmed"]}
    assert {entities[i]["name"] for i in unsure} == {"Timetable", "ZQX", "Zorblatt"}
    for record in export["articles"]:
        assert not unsure & {m["entity"] for m in record["mentions"]}
        assert not unsure & set(record["entities"])
    assert {m["text"] for r in export["articles"] for m in r["unconfirmed_mentions"]} == {"Timetable", "ZQX",
                                                                                           "Zorblatt"}
    assert all(not (docs / "entities" / f"{i}.md").exists() for i in unsure)
    whos_who = (docs / "entities" / "index.md").read_text(encoding="utf-8")
    section = whos_who.split("## Names not yet confirmed", 1)[1]
    assert "Timetable" in section and "Zorblatt" in section and "](" not in section
    assert entities[next(i for i, e in entities.items() if e["name"] == "Kettering")]["confirmed"]


def test_pasting_the_review_into_entities_yml_settles_every_name(tmp_path: Path) -> None:
    folder = write_dossier(tmp_path, *UNSURE)
    dossier, _ = assemble(folder)
    (folder / "entities.yml").write_text(review_yaml(unconfirmed(dossier)), encoding="utf-8")
    again, _ = assemble(folder)
    assert unconfirmed(again) == []
    assert all(e.hidden for e in again.entities if e.name in ("Timetable", "ZQX", "Zorblatt"))
