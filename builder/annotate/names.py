"""How names compare: folded keys, person name parts, acronyms, spelling variants.

Shared by in-article resolution (entities.py) and dossier-wide resolution (resolve.py).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from builder.annotate import lexicon

_NON_LETTERS = re.compile(r"[^a-z0-9 ]+")
_REPEATS = re.compile(r"(.)\1+")
_INITIAL = re.compile(r"^[A-Z]\.?$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, accents and punctuation removed, spaces single: 'Côte d’Ivoire' -> 'cote divoire'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    plain = plain.replace("-", " ")
    return " ".join(_NON_LETTERS.sub("", plain).split())


_SPELLINGS = (("isation", "ization"), ("isations", "izations"), ("centre", "center"), ("centres", "centers"),
              ("defence", "defense"), ("defences", "defenses"))


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """A spelling-tolerant key of one word: doubled letters and a final -iy/-yi made one.

    'Petrenkyy', 'Petrenky' and 'Petrenkiy' share the key 'petrenky'.
    """
    key = _REPEATS.sub(r"\1", fold(word).replace(" ", ""))
    if key.endswith(("iy", "yi", "ij")):
        key = key[:-2] + "y"
    for british, american in _SPELLINGS:  # "Organisation" and "Organization", "Centre" and "Center", "Defence" and "Defense": one name
        if key.endswith(british):
            key = key[: -len(british)] + american
    return key


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A spelling-tolerant key of a whole name; a possessive inside it counts for nothing
    ("New Zorb People's Party" and "New Zorb People Party" are one name)."""
    words = name.split()
    return " ".join(skeleton(w[:-2] if n < len(words) - 1 and w.endswith(_INNER_POSSESSIVE) else w)
                    for n, w in enumerate(words))


_INNER_POSSESSIVE = ("'s", "’s")


@lru_cache(maxsize=65536)
def org_key(name: str) -> str:
    """name_key without a trailing legal form: 'Nvidia Corp.' and 'Nvidia' -> 'nvidia'."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].rstrip(".").lower() in lexicon.legal_forms():
        words = words[:-1]
    words = [w for n, w in enumerate(words) if not (w == "the" and 0 < n < len(words) - 1 and words[n - 1] == "of")]
    return name_key(" ".join(words))  # ("Department of the Zorbury" is the "Department of Zorbury")


@lru_cache(maxsize=65536)
def designation(name: str) -> tuple[str, str]:
    """('Smith', 'of Basildon') of a peer's 'Smith of Basildon': the name and the place its
    title is of; ('Jane Doe', '') of a name with none."""
    words = name.split()
    if "of" in words[1:-1] and all(w[:1].isupper() for w in words[words.index("of") + 1 :]):
        k = words.index("of")
        return " ".join(words[:k]), " ".join(words[k:])
    return name, ""


@lru_cache(maxsize=65536)
def person_parts(name: str) -> tuple[str, str, str]:
    """(first, last, suffix) of a person's name; middle names and initials are left out, and
    so is a peer's designation ("Baroness Smith of Basildon": 'Baroness', 'Smith', '')."""
    name = designation(name)[0]
    words = [w for w in name.split() if not _INITIAL.match(w)] or name.split()
    suffix = ""
    if len(words) > 1 and words[-1].lower() in lexicon.name_suffixes():
        suffix = words[-1].rstrip(".").lower()
        words = words[:-1]
    if not words:
        return "", "", suffix
    return words[0], _bare_surname(words[-1]) if len(words) > 1 else words[-1], suffix


def _bare_surname(word: str) -> str:
    """'Abadi' of 'al-Abadi': a surname's particle joined by a hyphen is left out, as one
    written apart is ("Haider al-Abadi" and "Haider Al Abadi" are one name)."""
    head, dash, tail = word.partition("-")
    return tail if dash and tail[:1].isupper() and head.lower() in lexicon.name_particles() else word


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """'Joseph R. Biden' and 'Joseph Biden' -> 'joseph biden'; 'Donald Trump Jr.' keeps 'jr'."""
    first, last, suffix = person_parts(name)
    parts = [skeleton(first)] if first != last else []
    parts.append(skeleton(last))
    if suffix:
        parts.append(suffix)
    place = designation(name)[1]
    if place:  # two peers of one surname are told apart by their places
        parts.append(name_key(place))
    return " ".join(parts)


@lru_cache(maxsize=65536)
def surname_key(name: str) -> str:
    """The key a surname-only mention is looked up by: 'Donald Trump Jr' -> 'trump jr'."""
    _, last, suffix = person_parts(name)
    return f"{skeleton(last)} {suffix}" if suffix else skeleton(last)


@lru_cache(maxsize=65536)
def surname_keys(name: str) -> tuple[str, ...]:
    """surname_key, and for a surname with particles the key of each particle and what
    follows it: 'Ursula von der Leyen' -> ('leyen', 'vonderleyen', 'derleyen'),
    'Mohammed bin Abdulrahman Al Thani' -> (..., 'althani')."""
    words = name.split()
    particles = lexicon.name_particles()
    tails = [skeleton(" ".join(words[k:])) for k in range(1, len(words) - 1) if words[k].lower() in particles]
    if len(words) > 1 and "-" in words[-1] and skeleton(words[-1]) != surname_key(name):
        tails.append(skeleton(words[-1]))  # "Al-Abadi" of "Haider al-Abadi"
    return (surname_key(name), *tails)


@lru_cache(maxsize=65536)
def is_surname_only(name: str) -> bool:
    """'Von der Leyen', 'De la Cruz': a surname with its particles, no first name."""
    words = name.split()
    return len(words) > 1 and words[0].lower() in lexicon.name_particles() and words[-1][:1].isupper()


@lru_cache(maxsize=65536)
def is_acronym(word: str) -> bool:
    """'NATO', 'U.S.', 'G7', 'AT&T': capitals (with dots, digits or '&'), at least two letters."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and word[0].isupper()


def acronym_fits(acronym: str, expansion: str) -> bool:
    """Whether an acronym can be read off its expansion.

    'NTSB' fits 'National Transportation Safety Board' (letters taken in order, the first letter
    from the first word, no more words than letters); 'EU' fits 'European Union'.
    """
    letters = [c.lower() for c in acronym if c.isalnum()]
    small = any(c.islower() for c in acronym[1:])  # "MoD", "DoJ": small letters from small words ("of")
    words = [w for w in re.split(r"[\s-]+", expansion) if w and (w[0].isupper() or small)]
    if len(letters) < 2 or not words or len(words) > len(letters) + 1:
        return False
    if letters[0] != words[0][0].lower():
        return False
    text = " ".join(w.lower() for w in words)
    pos = 0
    for letter in letters:
        pos = text.find(letter, pos)
        if pos < 0:
            return False
        pos += 1
    initials = {w[0].lower() for w in words}
    return sum(1 for c in letters if c in initials) >= min(len(words), len(letters)) - 1


def one_edit(a: str, b: str) -> bool:
    """Two keys one letter apart: one changed, added or left out ('bauchtman' / 'buchtman')."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]


def close_spelling(a: str, b: str) -> bool:
    """Two long words a single edit apart ('Petrenky' / 'Petrenkiy' after folding, 'Kovalchuk' / 'Kovalchyk')."""
    a, b = skeleton(a), skeleton(b)
    if a == b:
        return True
    return min(len(a), len(b)) >= 6 and a[:2] == b[:2] and one_edit(a, b)
