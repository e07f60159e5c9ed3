"""General causes of wrong entity pages on saved web pages and news (issue 15): a name whose
evidence does not say what it names gets no page and is listed for review. Each row: (the
evidence id the rule adds, the articles, {name: has a page?}); made-up names only."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_page_precision import check_row

ROWS: list[tuple[str, tuple[str, ...], dict[str, bool]]] = [
    # an acronym types no phrase of common words: it abbreviates a unit, a format or a system as
    # often as a body ("BPM (Beats Per Minute)", "a file format known as Folded Paper Box (FPB)")
    ("untyped", ("Critics loved FPB (Folded Paper Box) this year. FPB (Folded Paper Box) is on sale.",),
     {"Folded Paper Box": False}),
    ("untyped", ("Items store data in a file format known as Folded Paper Box (FPB), which allows nests.",),
     {"Folded Paper Box": False}),
    ("untyped", ("It joined the Folded Paper Council (FPC) on Sunday.",), {"Folded Paper Council": True}),
    ("untyped", ("It joined the Zorblatt Paper Box (ZPB) on Sunday.",), {"Zorblatt Paper Box": True}),
    # an acronym with a noun of another kind after it names a system, a platform or an event as
    # often as a body: with nothing more for its type, no page
    ("untyped", ("The tax changed from the ZQX system to the ZQY system in 2014.",), {"ZQX": False, "ZQY": False}),
    ("untyped", ("Here are the eight ZQVR games worth buying. ZQVR games are fun.",), {"ZQVR": False}),
    ("untyped", ("ZQX spokesman Jane Doe said no. ZQX games are fun.",), {"ZQX": True}),
    ("untyped", ("ZQX spokesman Jane Doe said no. The ZQX summit met.",), {"ZQX": True}),
    ("untyped", ("They fired ZQ-99 missiles on Sunday.",), {"ZQ-99": True}),
    # a movement's noun after common words types no name: "the French New Wave movement" is a
    # school of film; after a rare word it names a body ("the Zorbani movement")
    ("untyped", ("Her work was central to the French Second Wave movement.",), {"Second Wave": False}),
    ("untyped", ("Fighters of the Zorbani movement took the town.",), {"Zorbani": True}),
    ("untyped", ("Fighters of the Second Wave group took the town.",), {"Second Wave": True}),
    # a name cut at "and" inside a longer one: common words right after "Zorbic ... and" are its
    # tail ("... Information System and Intelligence System"), and "X Office on Drugs" before "and
    # Crime ..." its head ("Office on Drugs and Crime World Drug Report": two names run together)
    ("and-cut", ("The database was the Zorbic Management Information System and Intelligence System.",),
     {"Intelligence System": False}),
    ("and-cut", ("The database was the Zorbic Police and Quuxic Intelligence System.",),
     {"Quuxic Intelligence System": True}),
    ("and-cut", ("Jane Doe of the Zorbland Office on Drugs and Crime World Drug Report said so.",),
     {"Zorbland Office on Drugs": False, "Crime World Drug Report": False}),
    ("and-cut", ("Jane Doe of the Zorbland Office on Drugs said so.",), {"Zorbland Office on Drugs": True}),
    ("and-cut", ("Ships sailed to the Gulf of Zorbland and Kettering on Sunday.",), {"Gulf of Zorbland": True}),
    ("and-cut", ("Ships sailed to the Gulf of Storms and Kettering on Sunday.",), {"Gulf of Storms": True}),
    ("and-cut", ("Ships of the Zorbic Army and Royal Fleet sailed on Sunday.",), {"Royal Fleet": True}),
]


@pytest.mark.parametrize(("rule", "texts", "expected"), ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_row(tmp_path: Path, rule: str, texts: tuple[str, ...], expected: dict[str, bool]) -> None:
    check_row(tmp_path, rule, texts, expected)


def pages(tmp_path: Path, *texts: str) -> set[str]:
    """The names of the pages a dossier of these texts gets."""
    from builder.pipeline import assemble
    folder = tmp_path / "dossier"
    (folder / "articles").mkdir(parents=True)
    for n, text in enumerate(texts, start=1):
        (folder / "articles" / f"{n:02d}.txt").write_text(f"Story {n}\n\n{text}\n", encoding="utf-8")
    return {e.name for e in assemble(folder)[0].entities if e.confirmed and not e.hidden}


# (rule or data row, a paragraph, names with a page, names with none)
NAME_ROWS: list[tuple[str, str, set[str], set[str]]] = [
    # a word of another language with its elided article is no name ("L’être et le Néon": "l’être")
    ("elided-lower", "In the 2012 book L’orbe et le Zorbon, Jane Doe wrote about light.", set(), {"L’orbe"}),
    ("elided-lower", "Profits at L’Zorbéal rose, L’Zorbéal said on Sunday.", {"L’Zorbéal"}, set()),
    # "y", "und" and "et" join the words of one name of another language
    ("connectors y", "A user mails it to the offices of the Asociación Zorba y Quuxo, the non-government "
     "organization that runs it.", {"Asociación Zorba y Quuxo"}, {"Quuxo", "Asociación Zorba"}),
    ("connectors und", "Shares in Zorbmann und Quuxer fell, Zorbmann und Quuxer said.", {"Zorbmann und Quuxer"},
     {"Quuxer"}),
    ("connectors et", "Jane Doe et al. said so on Sunday.", {"Jane Doe"}, set()),
    # a title in quotation marks keeps its first word: "Super Mario Run" is no "Mario Run" (a person)
    ("quoted-title", 'Fans loved "Super Jane Run," the new game. "Super Jane Run" will launch on Sunday.',
     {"Super Jane Run"}, {"Jane Run"}),
    ("quoted-title", "Backbencher Jane Doe said no on Sunday.", {"Jane Doe"}, {"Backbencher Jane Doe"}),
]


@pytest.mark.parametrize(("rule", "text", "named", "unnamed"), NAME_ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(NAME_ROWS)])
def test_name_row(tmp_path: Path, rule: str, text: str, named: set[str], unnamed: set[str]) -> None:
    found = pages(tmp_path, text)
    assert named <= found and not unnamed & found, (rule, found)


def test_every_dossier_rule_is_an_evidence_row() -> None:
    """Each row of confirm.DOSSIER_RULES names a rule of evidence.txt checked on the dossier."""
    from builder import confirm
    from builder.annotate import evidence
    rules = evidence.rules()
    for rule_id, _test in confirm.DOSSIER_RULES:
        assert rule_id in rules and rules[rule_id].where == "dossier", rule_id
