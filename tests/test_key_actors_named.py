"""Key actors prefer named actors: an organisation called by one common word that the
dossier also writes in lower case ("the Coalition" beside "a coalition of charities") has
no name of its own to show; it comes after the actors with names, however often named.
One word with a name's evidence, or one the dossier never writes in lower case, keeps its
place by the number of articles."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_views import _dossier

ARTICLES = {
    "a.txt": "Strikes near Zorbville\n\nThe Coalition carried out four strikes near Zorbville on Monday, the statement "
             "said.\n\nJane Doe, the spokeswoman of Acme Relief, said aid convoys would follow within days.\n",
    "b.txt": "Aid convoys leave\n\nAid convoys left Quuxton on Tuesday, Jane Doe said. The Coalition said it had paused its "
             "strikes while the trucks crossed the river.\n\nDoe thanked the drivers.\n",
    "c.txt": "Bridge repaired\n\nEngineers repaired the bridge at Quuxton on Wednesday. The Coalition said it would guard "
             "the crossing, and Jane Doe said the first trucks were already waiting.\n",
    "d.txt": "Strikes resume\n\nThe Coalition resumed strikes on Thursday, hitting depots in the hills.\n",
}
LOWER = {"e.txt": "Charities meet\n\nA coalition of charities met in Zorbville on Friday to plan the winter aid.\n"}
NAMED = {"e.txt": "Charities meet\n\nCharities met in Zorbville on Friday to plan the winter aid.\n"}


def _actors(tmp_path: Path, articles: dict[str, str], word: str = "Coalition") -> list[str]:
    texts = {name: text.replace("Coalition", word) for name, text in articles.items()}
    _, pages = _dossier(tmp_path, texts)
    block = pages["index.md"].split("## Key actors")[1].split("\n## ")[0]
    return [line.split("](")[0].lstrip("- [") for line in block.splitlines() if line.startswith("- [")]


@pytest.mark.parametrize(("extra", "word", "first"), [
    (LOWER, "Coalition", "Jane Doe"),  # a common word the dossier writes in lower case: after the named
    (NAMED, "Coalition", "Coalition"),  # never written in lower case here: by the number of articles
    (LOWER, "Zorbcorp", "Zorbcorp"),  # a rare word is a name
])
def test_named_actors_come_first(tmp_path: Path, extra: dict[str, str], word: str, first: str) -> None:
    actors = _actors(tmp_path, {**ARTICLES, **extra}, word)
    assert actors[0] == first
    assert word in actors
