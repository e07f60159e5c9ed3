"""Precision rules of the page audit (builder/confirm.py, builder/read_html.py), a positive and
a negative row each, with made-up names: two common words named once with nothing for them
(common-phrase), two words typed by default with nothing but their shape (shape-typed), two
capital letters no list knows (short-acronym), and a
caption whose parts the page writes with no space between them."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from builder.pipeline import assemble
from builder.read import article_from_bytes

# (rule id, the articles, {name: has a page?})
ROWS: list[tuple[str, tuple[str, ...], dict[str, bool]]] = [
    ("common-phrase", ("Yesterday the Burst Pipes were mended in the town.",), {"Burst Pipes": False}),
    ("common-phrase", ("Fans met in Burst Pipes.", "Fans met in Burst Pipes again."), {"Burst Pipes": True}),
    ("common-phrase", ("Yesterday the Burst Pipes group said it would march.",), {"Burst Pipes": True}),
    ("short-acronym", ("The ZQ was full on Monday, the ZQ said.",), {"ZQ": False}),
    ("short-acronym", ("The ZQX was full on Monday, the ZQX said.",), {"ZQX": True}),
    ("short-acronym", ("Fans queued at the ZQ, and ZQ spokesman Jane Doe said so.",), {"ZQ": True}),
    ("shape-typed", ("Fans queued for the Zorb Rift all day.",), {"Zorb Rift": False}),
    ("shape-typed", ("Fans queued for the ZQX Rift all day.",), {"ZQX Rift": True}),
    ("shape-typed", ("Fans queued to meet Jane Zorbwell all day.",), {"Jane Zorbwell": True}),
]


@pytest.mark.parametrize(("rule", "texts", "expected"), ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_row(tmp_path: Path, rule: str, texts: tuple[str, ...], expected: dict[str, bool]) -> None:
    check_row(tmp_path, rule, texts, expected)


def built(tmp_path: Path, texts: tuple[str, ...]) -> dict[str, Any]:
    """The entities, by name, of the texts built as a dossier (one article each)."""
    folder = tmp_path / "dossier"
    (folder / "articles").mkdir(parents=True)
    for n, text in enumerate(texts, start=1):
        (folder / "articles" / f"{n:02d}.txt").write_text(f"Story {n}\n\n{text}\n", encoding="utf-8")
    return {e.name: e for e in assemble(folder)[0].entities}


def check_row(tmp_path: Path, rule: str, texts: tuple[str, ...], expected: dict[str, bool]) -> None:
    """Build the texts as a dossier: each name expected gets a page (True) or is held back
    by the rule (False, the rule's id among its evidence)."""
    entities = built(tmp_path, texts)
    for name, page in expected.items():
        assert name in entities, (rule, name, list(entities))
        entity = entities[name]
        assert (entity.confirmed and not entity.hidden) is page, (rule, name, entity)
        assert (rule in entity.evidence) is not page, (rule, name, entity.evidence)


def test_the_parts_of_a_caption_are_words_apart() -> None:
    """'<span>said.</span><span>Credit</span><span>Jane Doe</span>': 'said. Credit Jane Doe',
    not 'said.CreditJane Doe' (a name glued to the word before it)."""
    story = " ".join(["The council met on Monday to talk about the roads of the county."] * 6)
    page = (f"<html><head><title>Roads</title></head><body><article><h1>Roads</h1><p>{story}</p>"
            "<figure><img src='a.jpg'><figcaption><span>The road, an official said.</span><span><span>Credit"
            "</span><span>Jane Zorbwell for Acme</span></span></figcaption></figure>"
            f"<p>{story}</p></article></body></html>").encode()
    text = article_from_bytes(page, "roads.html").source_text
    assert "said. Credit Jane Zorbwell" in text and "CreditJane" not in text, text


# (rule or data row, a paragraph, the name, its type, or None: any type but `not_type`)
TYPE_ROWS = [
    ("compass-region-relative", "Crowds filled Upper Kettering on Sunday.", "Upper Kettering", "place"),
    ("compass-region-relative", "The Upper House voted on Sunday.", "Upper House", None),
    ("compass-region-relative", "He walked through the Lower East Side on Sunday.", "Lower East Side", "place"),
    ("place-word-strip", "Crowds filled the Kettering Strip on Sunday.", "Kettering Strip", "place"),
    ("listed-with-place-anchor", "Fans of France, Zorbix and Quuxor cheered.", "Zorbix", "place"),
    ("listed-with-place-anchor", "Fans of Zorbix, Kettering and Quuxor cheered.", "Zorbix", None),
    ("role-noun-skipper", "At the harbour, skipper Silver Hammer has the best view.", "Silver Hammer", "person"),
    ("place-after", "“We will go,” said Quux Zorbwell, Kenya country director for Acme.", "Quux Zorbwell", "person"),
    ("place-after", "They live in Zorbton, Kenya, now.", "Zorbton", "place"),
    ("place-surnames", "They sailed to Jane Island on Sunday.", "Jane Island", "place"),
    ("place-surnames", "They met Jane Park on Sunday.", "Jane Park", "person"),
    ("work-words-saga", "Fans queued for the Star Zorb Saga on Sunday.", "Star Zorb Saga", "other"),
    ("mission-weight", "Crowds watched ZX-1 lift off. The ZX-1 crew waved. ZX-1 was the first mission.", "ZX-1", "event"),
    ("demonym-roman", "The museum holds Roman mosaics.", "Roman", None),
    ("org-head-foreign", "Yesterday the Asociación Zorbista said no.", "Asociación Zorbista", "org"),
    ("place-head-masjid", "Crowds filled the Masjid Zorbi on Friday.", "Masjid Zorbi", "place"),
]


@pytest.mark.parametrize(("rule", "text", "name", "etype"), TYPE_ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(TYPE_ROWS)])
def test_type_row(rule: str, text: str, name: str, etype: str | None) -> None:
    from builder.annotate.entities import find_entities
    from tests.test_entities import article
    entities, mentions = find_entities(article(text))
    found = {e.name: e for e in entities}
    if etype is None:  # no place, no person: not read as a name of that kind
        assert name not in found or found[name].type.value not in ("place", "person"), (rule, found.get(name))
    else:
        assert name in found and found[name].type.value == etype, (rule, found.get(name))
