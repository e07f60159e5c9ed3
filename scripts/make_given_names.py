#!/usr/bin/env python3
"""Write builder/data/people/given_names.txt from maintained data: the first names of Jörg
Michael's name dictionary as gender-guesser ships it (nam_dict.txt: about 48,000 names of
55 countries, each with its sex and how common it is in each country) that are common in at
least one country, and the first names of the 1990 US census as the `names` package ships
them (dist.male.first, dist.female.first; public domain).

The builder reads the file, not the packages, so they are needed only to make it again
(`pip install -r requirements-data.txt`, then run this script), and the install stays lean.

One name a line, in lower case, with its sex: `f` (borne only or almost only by women),
`m` (by men), or `u` (by both, or not known). Names that are English words ("grace",
"mark", "will"), known places or organisations ("jordan", "paris"), or words the entity
rules give another meaning (titles, months, nationality words) are left out here: the
hand lists (builder/data/entities/given_names.txt, builder/data/people/*_names.txt) hold
the few of them that the builder should read as given names all the same.
"""
from __future__ import annotations

import sys
from pathlib import Path

import gender_guesser  # type: ignore[import-not-found]
import names as census  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "builder" / "data" / "people" / "given_names.txt"
MIN_FREQUENCY = 4  # of 13 (nam_dict's scale, per country): "common" in at least one country
MIN_CENSUS_SHARE = 0.01  # percent of the people of that sex in the 1990 census
_SEX = {"M": "m", "1M": "m", "F": "f", "1F": "f"}  # "?", "?M", "?F": both
# names that news writes mostly for something else: a religion, a contraction without its apostrophe,
# a brand or product written alone ("Mercedes said", "Siri")
NOT_GIVEN = frozenset({"islam", "christ", "theres", "shes", "hes", "whats", "thats", "dont", "cant", "wont",
                       "mercedes", "zara", "siri", "ola", "claude", "alexa", "tesla", "kia"})


# names the dictionary gives one sex that English-speaking public life gives both ("Hilary Benn")
BOTH = frozenset({"hilary", "vivian", "evelyn", "jocelyn", "lindsay", "carey", "marion", "meredith", "sandy"})


def _dictionary() -> dict[str, str]:
    """name -> sex of the names common in one country at least."""
    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    out: dict[str, str] = {}
    for line in path.read_text(encoding="iso-8859-1").splitlines():
        if line.startswith(("#", "=")) or len(line) < 31 or line[29] == "+":
            continue  # comments, short forms, the second spelling of an umlaut
        kind, name, counts = line[:2].strip(), line[3:29].strip(), line[30:85]
        top = max((int(c, 16) for c in counts if c in "0123456789ABCDEF"), default=0)
        if top < MIN_FREQUENCY or not name.isalpha() or not name.isascii():
            continue
        _note(out, name.lower(), _SEX.get(kind, "u"))
    return out


def _census() -> dict[str, str]:
    folder = Path(census.__file__).parent
    seen: dict[str, set[str]] = {}
    for sex, file in (("m", "dist.male.first"), ("f", "dist.female.first")):
        for line in (folder / file).read_text(encoding="ascii").splitlines():
            name, share, *_ = line.split()
            if float(share) >= MIN_CENSUS_SHARE:
                seen.setdefault(name.lower(), set()).add(sex)
    return {name: sexes.pop() if len(sexes) == 1 else "u" for name, sexes in seen.items()}


def _note(table: dict[str, str], name: str, sex: str) -> None:
    before = table.get(name)
    table[name] = sex if before in (None, sex) else "u"


def _excluded() -> frozenset[str]:
    """Words the builder reads otherwise: English words, known names, titles, months ..."""
    sys.path.insert(0, str(ROOT))
    from builder.annotate import lexicon  # noqa: PLC0415 (the builder's own lists, at run time)

    words = set(lexicon.common_words()) | set(lexicon.stopwords()) | set(lexicon.not_names())
    words |= {w.lower() for w in lexicon.gazetteer()} | set(lexicon.demonyms()) | set(lexicon.dates())
    for kind in lexicon.titles().values():
        words |= set(kind)
    words |= set(lexicon.org_words()) | set(lexicon.place_words()) | set(lexicon.role_nouns()) | set(lexicon.place_heads())
    return frozenset(words | NOT_GIVEN)


def main() -> int:
    table = _dictionary()
    for name, sex in _census().items():
        if name in table and table[name] != sex:
            table[name] = table[name] if sex == "u" else ("u" if table[name] != "u" else "u")
        else:
            table.setdefault(name, sex)
    skip = _excluded()
    kept = sorted((n, "u" if n in BOTH else s) for n, s in table.items() if n not in skip and len(n) > 2)
    header = (__doc__ or "").split("\n\n")[0].replace("Write builder/data/people/given_names.txt from", "Made by "
                                                      "scripts/make_given_names.py from")
    lines = ["# " + line for line in header.splitlines()]
    lines += ["# name sex (f, m, or u: both or not known). Do not edit: run the script again."]
    lines += [f"{name} {sex}" for name, sex in kept]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(kept)} given names -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
