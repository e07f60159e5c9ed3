"""Related articles: rarity-weighted, explained, and absent when nothing is shared."""
from __future__ import annotations

from builder.relate import related_articles


def _ids(result, article):  # type: ignore[no-untyped-def]
    return [r.article for r in result[article]]


def test_rare_shared_entities_rank_above_common_ones() -> None:
    result = related_articles({
        "a": frozenset({"everywhere", "rare", "common"}),
        "b": frozenset({"everywhere", "rare"}),
        "c": frozenset({"everywhere", "common"}),
        "d": frozenset({"everywhere", "common"}),
        "e": frozenset({"everywhere"}),
        "f": frozenset({"everywhere"}),  # ("common" in 3 of 7: not in most articles, which relate none)
        "g": frozenset({"everywhere"}),
    })
    assert _ids(result, "a") == ["b", "c", "d"]
    assert result["a"][0].shared == ("rare",)


def test_an_entity_in_every_article_relates_nothing() -> None:
    result = related_articles({"a": frozenset({"x"}), "b": frozenset({"x"})})
    assert result == {"a": (), "b": ()}


def test_articles_that_share_nothing_have_no_related() -> None:
    result = related_articles({"a": frozenset({"x"}), "b": frozenset({"y"}), "c": frozenset()})
    assert all(v == () for v in result.values())


def test_ties_break_by_id_so_output_is_deterministic() -> None:
    data = {"a": frozenset({"k"}), "c": frozenset({"k"}), "b": frozenset({"k"}), "z": frozenset(), "y": frozenset(),
            "x": frozenset()}  # ("k" in 3 of 6: not in most articles)
    assert _ids(related_articles(data), "a") == ["b", "c"]
    assert related_articles(data) == related_articles(dict(reversed(list(data.items()))))
