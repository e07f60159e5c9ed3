"""The bundled dossier's generated pages, compared with the committed golden tree."""
from __future__ import annotations

import pytest

from tests.golden import GOLDEN, bundled_pages

REFRESH = "if the change is intended, run `make golden` and review `git diff tests/golden`"


def test_golden_tree_has_the_same_pages() -> None:
    expected = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file() and not p.name.startswith(".")}
    assert {page.path for page in bundled_pages()} == expected, REFRESH


@pytest.mark.parametrize("page", bundled_pages(), ids=lambda page: page.path)
def test_golden_page(page) -> None:  # type: ignore[no-untyped-def]
    golden = (GOLDEN / page.path).read_text(encoding="utf-8")
    assert page.text == golden, f"{page.path} differs from tests/golden; {REFRESH}"
