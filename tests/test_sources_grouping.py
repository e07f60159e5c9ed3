"""The Sources page lists an outlet once however the texts write its name: "The Leeds
Gazette" that published one article and "the Leeds Gazette" another cites as told
something are one heading (a leading "The" and the case set aside)."""
from __future__ import annotations

from pathlib import Path

from tests.test_views import _dossier

OWN = ("---\noutlet: The Leeds Gazette\ndate: 2024-03-04\n---\n# Library opens in Leeds\n\n"
       "Jane Doe, the mayor of Leeds, opened the new library on Friday, the council said.\n")
CITES = ("Council backs library\n\nThe council will keep the library open, Jane Doe told the Leeds Gazette "
         "on Monday.\n\nThe library has 40,000 books, John Roe of the Acme Trust said.\n")


def test_one_outlet_is_one_heading(tmp_path: Path) -> None:
    dossier, pages = _dossier(tmp_path, {"own.md": OWN, "cites.txt": CITES},
                              "articles:\n  cites.txt:\n    date: 2024-03-06\n")
    names = {s.name for s in dossier.sources}
    assert len(names) == 2, names  # the fixture cites the outlet under its other spelling
    headings = [line for line in pages["sources/index.md"].splitlines() if line.startswith("## ")]
    assert headings == ["## The Leeds Gazette"]
