"""What every page-audit fixture checks of its dossier (tests/test_page_audit*.py): the pages
that are not in its table of judged pages with their type, and each quote against its table of
judged speakers."""
from __future__ import annotations

from builder.model import Dossier, EntityType

PageTable = dict[str, EntityType | tuple[EntityType, ...]]


def wrong_pages(dossier: Dossier, table: PageTable) -> list[str]:
    """'Name (type)' of every page whose name and type the table does not hold, sorted."""
    from tests.test_page_audit import pages

    def fits(name: str, etype: EntityType) -> bool:
        expected = table.get(name, ())
        return etype in (expected if isinstance(expected, tuple) else (expected,))

    return sorted(f"{e.name} ({e.type.value})" for e in pages(dossier) if not fits(e.name, e.type))


def wrong_speakers(dossier: Dossier, speakers: dict[tuple[str, str], str | None],
                   widths: tuple[int, int] = (12, 24)) -> tuple[set[tuple[str, str]], list[tuple[tuple[str, str], str]]]:
    """(every quote's key: the article id's and the quote's first characters, the quotes given
    another speaker than the table's); a quote the table does not judge fails at once."""
    seen, wrong = set(), []
    for art, annotation in zip(dossier.articles, dossier.annotations):
        for quote in annotation.quotes:
            key = (art.id[: widths[0]], quote.text[: widths[1]])
            seen.add(key)
            assert key in speakers, f"unjudged quote {key}: judge it and add a row"
            if quote.speaker_name is not None and quote.speaker_name != speakers[key]:
                wrong.append((key, quote.speaker_name))
    return seen, wrong
