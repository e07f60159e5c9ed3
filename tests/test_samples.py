"""The bundled sample articles against the hand-made gold annotations (../shared/gold)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder.read import read_article
from tests.conftest import GOLD, ROOT

ARTICLES = ROOT / "dossier" / "articles"
gold = yaml.safe_load(GOLD.read_text(encoding="utf-8")) if GOLD.exists() else {}
needs_gold = pytest.mark.skipif(not gold, reason=f"no gold annotations at {GOLD}")


@needs_gold
@pytest.mark.parametrize("name", sorted(gold))
def test_furniture_credits_and_key_points_match_the_gold(name: str) -> None:
    article = read_article(ARTICLES / name)
    story = [b.text for b in article.blocks]
    for line in gold[name].get("boilerplate", []):
        assert line not in story, f"furniture left in the story: {line!r}"
        assert line in article.furniture or line == article.title
    assert list(article.credits) == gold[name].get("credits", [])
    assert [b.text for b in article.key_points] == gold[name].get("key_points", [])
    if gold[name].get("key_points"):
        assert article.title_derived and article.headline is None


@needs_gold
def test_every_sample_has_a_title_and_a_story() -> None:
    for name in gold:
        article = read_article(ARTICLES / name)
        assert article.title and article.blocks, name


def test_samples_are_verbatim_copies() -> None:
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"no samples at {seeds}")
    for seed in sorted(Path(seeds).glob("*.txt")):
        assert (ARTICLES / seed.name).read_bytes() == seed.read_bytes(), seed.name
