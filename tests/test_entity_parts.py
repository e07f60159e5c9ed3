"""Issue 17, an entity's long lists: split into pages of their own so that no page grows with
the dossier, but never onto a near-empty page (a page holding the one article or quote left
over): a short rest stays on the page before it."""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.model import Entity, EntityType
from builder.render import entity as entity_render
from tests.test_views import _dossier

ENTITY = Entity(id="jane-doe", name="Jane Doe", type=EntityType.PERSON)


def _shown_and_parts(n: int, shown: int, per_page: int) -> tuple[int, list[entity_render.Part]]:
    parts = entity_render.entity_parts(ENTITY, None, {"articles": (list(range(n)), shown, per_page)})  # type: ignore[arg-type]
    return (parts[0].lo if parts else n), parts


@pytest.mark.parametrize(("shown", "per_page"), [(12, 100), (10, 40), (10, 100)])
def test_no_part_page_is_near_empty_and_every_item_is_on_one_page(shown: int, per_page: int) -> None:
    for n in range(0, 3 * per_page + 2 * shown):
        on_main, parts = _shown_and_parts(n, shown, per_page)
        pages = [list(range(on_main))] + [list(p.items) for p in parts]
        assert [i for page in pages for i in page] == list(range(n)), n  # each item once, in order
        assert shown <= on_main or on_main == n
        assert on_main <= shown + shown // 2, n  # the entity's own page stays short
        for part in parts:
            assert len(part.items) > shown // 2, (n, [len(p.items) for p in parts])  # never near-empty
            assert len(part.items) <= per_page + per_page // 4, n
            assert part.total == n and part.of == len(parts) + 1


def test_one_article_over_the_page_stays_on_the_entity_page(tmp_path: Path) -> None:
    n = entity_render.MENTIONED_SHOWN + 1
    articles = {f"{k:02}.txt": f"Story number {k}\n\nMaria Lopez arrived in Geneva.\n" for k in range(n)}
    _, pages = _dossier(tmp_path, articles)
    assert "entities/maria-lopez/articles-2.md" not in pages
    lopez = pages["entities/maria-lopez.md"]
    assert f"Mentioned in {n} articles" in lopez
    assert lopez.split("## Mentioned in")[1].split("\n## ")[0].count("\n- ") == n  # every one listed
