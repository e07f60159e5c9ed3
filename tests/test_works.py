"""The rows of builder/annotate/works.py, one positive and one negative row each: names of
works, products, missions and studios told by the words around them (made-up names)."""
from __future__ import annotations

import pytest

from builder.annotate import works
from builder.annotate.entities import find_entities
from builder.confirm import THRESHOLD
from builder.model import EntityType
from tests.test_entities import article

P, O, E, R, X = EntityType.PERSON, EntityType.ORG, EntityType.EVENT, EntityType.PRODUCT, EntityType.OTHER

# (rule id, a paragraph, {name: its type; None: no entity of that name, or one too unsure for a
# page; "not-other", "not-person": any type but that one})
ROWS: list[tuple[str, str, dict[str, EntityType | str | None]]] = [
    ("work-subtitle", "They played Star Zorb: The Long Night all weekend.", {"Long Night": None}),
    ("work-subtitle", "Media enquiries: Press Office, Department for Zorb.", {"Press Office": O}),
    ("work-subtitle", "In two seats, Kettering: The Acme Party held it.", {"Acme Party": O}),
    ("work-before-subtitle", "They played Star Zorb: The Long Night all weekend.", {"Star Zorb": X}),
    ("work-before-subtitle", "Yesterday Jane Doe: she said no.", {"Jane Doe": P}),
    ("work-quoted", "Fans of “Tower Zorb” queued all night.", {"Tower Zorb": X}),
    ("work-quoted", "The base, also called “Zorb West”, was hit.", {"Zorb West": "not-other"}),
    ("work-quoted", "Fans said “Jane Doe” was the best.", {"Jane Doe": P}),
    ("work-kind-after", "She made Paper Zorbs, a quiet drama about a widow.", {"Paper Zorbs": X}),
    ("work-kind-after", "He founded Zorb Pictures, a film company in Ohio.", {"Zorb Pictures": O}),
    ("work-kind-after", "Paper Zorbs is the rare movie that works.", {"Paper Zorbs": X}),
    ("cast-brackets", "The widow, Mara (Silver Hammer), takes a lodger.", {"Silver Hammer": P}),
    ("cast-brackets", "The drama (Paper Lanterns) won a prize.", {"Paper Lanterns": "not-person"}),
    ("cast-brackets", "ZORBVILLE (Silver Hammer) — Jane Doe resigned.", {"Silver Hammer": "not-person"}),
    ("cast-brackets", "Zorbville (Silver Hammer) — Jane Doe resigned.", {"Silver Hammer": "not-person"}),
    ("mission", "The ZX-4 mission was delayed by a day.", {"ZX-4": E}),
    ("mission", "The ZX-4 jets were delayed by a day.", {"ZX-4": R}),
    ("studio", "The hit from Zorbfeather Games is out.", {"Zorbfeather Games": O}),
    ("studio", "She won gold at the Zorbfeather Games last year.", {"Zorbfeather Games": E}),
    ("studio", "She won gold at Jane Doe’s Zorbfeather Games last year.", {"Zorbfeather Games": E}),
    ("known-firm-product", "The deal went to Airbus Defence on Monday.", {"Airbus Defence": O}),
    ("known-firm-product", "The game comes to the Samsung Zorb next week.", {"Samsung Zorb": R}),
    ("known-firm-product", "The game comes to BBC Four next week.", {"BBC Four": O}),
]


@pytest.mark.parametrize(("rule", "text", "expected"), ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_row(rule: str, text: str, expected: dict[str, EntityType | str | None]) -> None:
    assert rule in {r.id for r in works.RULES}
    entities, mentions = find_entities(article(text))
    by_key = {e.key: e for e in entities}
    found = {e.name: e for e in entities} | {m.surface: by_key[m.key] for m in mentions}
    for name, etype in expected.items():
        entity = found.get(name)
        if etype == "not-person":
            assert entity is not None and entity.type is not P, (rule, name, entity)
        elif etype == "not-other":
            assert entity is not None and entity.type is not X, (rule, name, entity)
        elif etype is None:
            assert entity is None or entity.confidence < THRESHOLD, (rule, name, entity)
        else:
            assert entity is not None and entity.type is etype, (rule, name, entity)


# (the evidence rule a row adds, a paragraph, the name, its confidence: where the rule's weight
# decides it, so that a row without its weight fails)
EVIDENCE_ROWS = [
    ("subtitle", "They played Star Zorb: The Long Night all weekend.", "Long Night", 0.0),
    ("work-title", "Fans of “Tower Zorb” queued all night.", "Tower Zorb", 1.0),
    ("cast", "The widow, Mara (Silver Hammer), takes a lodger.", "Silver Hammer", 1.0),
    ("mission", "ZX-4 mission staff were told on Monday.", "ZX-4", 1.0),
    ("studio", "The hit from Zorbfeather Games is out.", "Zorbfeather Games", 1.0),  # (its type is the point)
    ("brand-product", "Samsung Zorb sales rose on Monday.", "Samsung Zorb", 1.0),
]


@pytest.mark.parametrize(("rule", "text", "name", "confidence"), EVIDENCE_ROWS, ids=[r[0] for r in EVIDENCE_ROWS])
def test_each_row_adds_its_evidence(rule: str, text: str, name: str, confidence: float) -> None:
    """The evidence rule of each row is in the entity's evidence, and its weight counts."""
    entities, _ = find_entities(article(text))
    entity = next(e for e in entities if e.name == name)
    assert rule in entity.evidence and entity.confidence == confidence, (rule, entity)
