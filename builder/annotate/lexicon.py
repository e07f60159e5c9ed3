"""The word lists of entity extraction (builder/data/entities/), loaded once.

Lower-case lists go through `builder.wordlists`; the gazetteer keeps its case ("US" is a
country, "us" is not), so it is read here.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from builder import wordlists
from builder.model import EntityType

_DIR = "entities"


def _words(name: str) -> frozenset[str]:
    return wordlists.words(f"{_DIR}/{name}.txt")


def _split_words(name: str) -> frozenset[str]:
    """A list with several words a line (given names)."""
    return frozenset(w for line in _words(name) for w in line.split())


def _kinds(name: str) -> dict[str, frozenset[str]]:
    """A list whose lines are `kind phrase` ("head president")."""
    table: dict[str, set[str]] = {}
    for line in _words(name):
        kind, _, phrase = line.partition(" ")
        table.setdefault(kind, set()).add(phrase.strip())
    return {kind: frozenset(phrases) for kind, phrases in table.items()}


@cache
def common_words() -> frozenset[str]:
    """English words in lower case (common_words.txt), with the British spellings of its
    American ones ("rumours", "defence", "organisation"): made once by british_spellings
    into common_words_british.txt (scripts/make_british.py), as deriving them at every
    start cost more than the rest of the list's loading."""
    return _words("common_words") | _words("common_words_british")


def british_spellings(words: frozenset[str]) -> frozenset[str]:
    """The British spellings of the American words among `words` (rumor -> rumour)."""
    endings = tuple(end for ends, _, _ in _BRITISH for end in ends)
    return frozenset(british for word in [w for w in words if w.endswith(endings)] for british in _british(word))


_BRITISH = (  # (the endings the word must have, the change)
    (("or", "ors", "ored", "oring", "orite", "orites", "orful", "orable", "orless"),
     re.compile(r"([^aeiou])or(s|ed|ing|ite|ites|ful|able|less)?$"), r"\1our\2"),  # rumor -> rumour
    (("ize", "izes", "ized", "izing", "ization", "izations", "izer", "izers"),
     re.compile(r"iz(e|es|ed|ing|ation|ations|er|ers)$"), r"is\1"),  # organization -> organisation
    (("fense", "fenses", "cense", "censes"), re.compile(r"([fc])ense(s)?$"), r"\1ence\2"),  # defense -> defence
)


def _british(word: str) -> list[str]:
    return [pattern.sub(repl, word) for ends, pattern, repl in _BRITISH if word.endswith(ends) and pattern.search(word)]


@cache
def stopwords() -> frozenset[str]:
    return _words("stopwords")


@cache
def legal_forms() -> frozenset[str]:
    return _words("legal_forms")


@cache
def company_words() -> frozenset[str]:
    """Words that close a firm's name, which the same firm is named without ("Zorb Foods Market")."""
    return _words("company_words")


@cache
def demonyms() -> frozenset[str]:
    """The listed nationality words, and the regular ones made from one-word place names
    (Texas -> Texan, Ohio -> Ohioan, Kenya -> Kenyan, Brazil -> Brazilian, Italy -> Italian,
    Belgium -> Belgian, Yemen -> Yemeni, Gabon -> Gabonese)."""
    derived: set[str] = set()
    for form, (_, etype) in gazetteer().items():
        if etype is not EntityType.PLACE or " " in form or not form.isalpha() or not form[0].isupper():
            continue
        word = form.lower()
        stems = {word + "n", word + "an", word + "ian"}
        if word[-1] not in "aeiouys":
            stems |= {word + "i", word + "ese"}  # Bangladeshi, Gabonese (not Paris -> Parisi)
        if word.endswith("s"):
            stems.add(word[:-1] + "n")
        if word.endswith(("a", "y", "e")):
            stems |= {word[:-1] + "an", word[:-1] + "ian", word[:-1] + "ese"}  # Maltese
        if word.endswith("um"):
            stems.add(word[:-2] + "an")  # Belgium -> Belgian
        derived |= stems | {stem + "s" for stem in stems}
    return _words("demonyms") | frozenset(derived - {w.lower() for w in gazetteer()} - given_names())


@cache
def given_names() -> frozenset[str]:
    """Given names: the hand list (given_names.txt, which keeps the few that are English
    words too: "Bill", "Grace") and the names made from maintained data (people/given_names.txt)."""
    return _split_words("given_names") | frozenset(given_name_sexes())


@cache
def given_name_sexes() -> dict[str, str]:
    """name -> 'f', 'm' or 'u' (both, or not known), from people/given_names.txt
    (scripts/make_given_names.py)."""
    found = wordlists.lines("people/given_names.txt")
    fields = " ".join(found).split()  # (in one piece, when every line is a name and its sex)
    if len(fields) == 2 * len(found) and set(fields[1::2]) <= {"f", "m", "u"}:
        return dict(zip(fields[::2], fields[1::2], strict=True))
    table: dict[str, str] = {}
    for line in found:
        name, sex = line.split()
        table[name] = sex
    return table


@cache
def modifier_tails() -> frozenset[str]:
    return _words("modifier_tails")


@cache
def surname_place_prepositions() -> frozenset[str]:
    """Prepositions that make a known place after them the place, not a surname (place_prepositions_surname.txt)."""
    return _words("place_prepositions_surname")


@cache
def determiners() -> frozenset[str]:
    return _words("determiners")


@cache
def designations() -> dict[str, tuple[tuple[str, ...], ...]]:
    """'world heritage site': what a body designates a place, as words, by its last word
    (designations.txt)."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for line in sorted(_words("designations")):
        words = tuple(line.split())
        table.setdefault(words[-1], []).append(words)
    return {last: tuple(rows) for last, rows in table.items()}


@cache
def owned_bodies() -> frozenset[str]:
    """'armed forces': a kind of body every country has, named alone (owned_bodies.txt)."""
    return _words("owned_bodies")


@cache
def member_nouns() -> frozenset[str]:
    """'airmen', 'troops': the people of a body, in the plural (member_nouns.txt)."""
    return _words("member_nouns")


@cache
def person_nouns() -> frozenset[str]:
    """'woman', 'resident': nouns only a person is (person_nouns.txt)."""
    return _words("person_nouns")


@cache
def caption_labels() -> frozenset[str]:
    """'Image', 'Photo': a caption's credit label when a colon follows it."""
    return _words("caption_labels")


@cache
def titles() -> dict[str, frozenset[str]]:
    """'head', 'hon', 'mod', 'of' and 'adjective' title words (see titles.txt); 'hon' words are
    heads too."""
    kinds = _kinds("titles")
    return {**kinds, "head": kinds["head"] | kinds["hon"]}


@cache
def events() -> dict[str, frozenset[str]]:
    """'end' and 'start' words of event names."""
    return _kinds("event_words")


@cache
def event_cues() -> frozenset[str]:
    """The end words of event names that, written after a name, make it an event's ("the
    Zorblatt summit"): not those that say nothing there ("remains open")."""
    kinds = events()
    return kinds["end"] - kinds.get("nocue", frozenset())


@cache
def role_nouns() -> frozenset[str]:
    return _words("role_nouns")


@cache
def kinship() -> frozenset[str]:
    return _words("kinship")


@cache
def org_words() -> frozenset[str]:
    return _words("org_words")


def media_words() -> frozenset[str]:
    """Words that mark a news outlet ("Times", "Gazette", "News"): sources/media_words.txt."""
    return wordlists.words("sources/media_words.txt")


@cache
def org_descriptors() -> frozenset[str]:
    return _words("org_descriptors")


@cache
def portfolios() -> frozenset[str]:
    """'local government': a portfolio ending in an institution's word (portfolios.txt)."""
    return _words("portfolios")


@cache
def proper_adjectives() -> frozenset[str]:
    """'olympic': a capitalised adjective that names nothing alone (proper_adjectives.txt)."""
    return _words("proper_adjectives")


@cache
def campaign_verbs() -> frozenset[str]:
    """'save', 'stop': a verb opening a campaign's name (campaign_verbs.txt)."""
    return _words("campaign_verbs")


@cache
def scheme_words() -> frozenset[str]:
    """'assistance', 'insurance': a word before "Program" that makes it a scheme (scheme_words.txt)."""
    return _words("scheme_words")


@cache
def opener_descriptors() -> frozenset[str]:
    """'Neighbouring', 'Embattled': a sentence's first word that describes the name after it."""
    return _words("opener_descriptors")


@cache
def foreign_articles() -> frozenset[str]:
    return _words("foreign_articles")


@cache
def place_heads() -> frozenset[str]:
    return _words("place_heads")


@cache
def club_words() -> frozenset[str]:
    return _words("club_words")


@cache
def org_cues() -> frozenset[str]:
    return _words("org_cues")


@cache
def movement_cues() -> frozenset[str]:
    """Nouns after a name of a body or of a school ("the Zorbani movement"): movement_cues.txt."""
    return _words("movement_cues")


@cache
def product_words() -> frozenset[str]:
    return _words("product_words")


@cache
def vessel_nouns() -> frozenset[str]:
    """Nouns for a ship written before its name ("the tanker", "the destroyer")."""
    return _words("vessel_nouns")


@cache
def vessel_prefixes() -> frozenset[str]:
    """Prefixes of ships' names ("HMS", "USS")."""
    return _words("vessel_prefixes")


@cache
def weapon_acronyms() -> frozenset[str]:
    """Acronyms naming a kind of weapon or platform ("IED", "UAV"), in lower case."""
    return _words("weapon_acronyms")


@cache
def religions() -> frozenset[str]:
    return _words("religions")


@cache
def nationalities() -> frozenset[str]:
    """The demonyms that name a nationality, people or faith ("Iraqi", "Kurds", "Muslims"),
    not a region or a party ("Western", "Democratic"): demonym_kinds.txt lists those."""
    others = {word for words in _kinds("demonym_kinds").values() for word in words}
    return demonyms() - others


@cache
def product_modifiers() -> frozenset[str]:
    return _words("product_modifiers")


@cache
def place_cues() -> frozenset[str]:
    return _words("place_cues")


@cache
def date_words() -> dict[str, frozenset[str]]:
    """Words that name a day with a date word: 'before' it ("Black Friday"), 'after' it ("Christmas Day")."""
    return _kinds("date_words")


@cache
def org_heads() -> frozenset[str]:
    """Words that open an organisation's name in other languages ("Banco Base")."""
    return _words("org_heads")


@cache
def org_of() -> frozenset[str]:
    """Nouns before "of" and an organisation's name ("the CEO of Zorblatt"): org_of.txt."""
    return _words("org_of")


@cache
def product_suffixes() -> frozenset[str]:
    """Words that end a product's name as written ("VR", "Pro"): product_suffixes.txt."""
    return frozenset(wordlists.lines("entities/product_suffixes.txt"))


@cache
def firm_roles() -> frozenset[str]:
    """Role nouns a firm holds as often as a person ("developer", "rival"): firm_roles.txt."""
    return _words("firm_roles")


@cache
def district_bodies() -> frozenset[str]:
    """Words that make a "... District" a body ("School District"): district_bodies.txt."""
    return _words("district_bodies")


@cache
def place_verbs() -> frozenset[str]:
    """Verbs of war and flight whose object is a place ("retook Zorbiyah", "fled Zorbiyah")."""
    return _words("place_verbs")


@cache
def org_before() -> frozenset[str]:
    """Verbs whose object is an organisation ("founded Acme")."""
    return _words("org_before")


@cache
def name_particles() -> frozenset[str]:
    """Particles of surnames ("von der Leyen", "bin Salman")."""
    return _kinds("name_particles")["surname"]


@cache
def connectors() -> dict[str, frozenset[str]]:
    """Lower-case words that join the capitalised words of one name ("of", "&", "von") ->
    what else they allow (connectors.txt): "the" after them ("Friends Of the Earth"), and
    "org", a name going on with "and" ("Institute of Allergy and Infectious Diseases")."""
    table = dict.fromkeys(name_particles(), frozenset[str]())
    for line in _words("connectors"):
        word, *flags = line.split()
        table[word] = frozenset(flags)
    return table


@cache
def of_heads() -> dict[str, frozenset[str]]:
    """Words before "of" in a name: 'place' ("Gulf of") and 'keep' ("Republic of"), of_heads.txt."""
    return _kinds("of_heads")


@cache
def compass_words() -> frozenset[str]:
    """"north", "greater": words that open a place's name (compass_words.txt)."""
    return _words("compass_words")


@cache
def place_prepositions() -> frozenset[str]:
    """"in", "near": prepositions of place (place_prepositions.txt)."""
    return _words("place_prepositions")


@cache
def work_title_words() -> frozenset[str]:
    """Function words as capitalised inside a work's title ("With", "Who"): work_title_words.txt."""
    return frozenset(w.capitalize() for w in _words("work_title_words"))


@cache
def hyphen_words() -> dict[str, frozenset[str]]:
    """'article', 'particle', 'modifier' and 'suffix' words around a hyphen (hyphen_words.txt)."""
    return _kinds("hyphen_words")


@cache
def inner_name_particles() -> frozenset[str]:
    """Particles inside a full name, before its next part: those of surnames and "ben", "abu"."""
    kinds = _kinds("name_particles")
    return kinds["surname"] | kinds["inner"]


@cache
def place_of() -> frozenset[str]:
    """Nouns that make the name after their "of" a place ("the mayor of Springfield")."""
    return _words("place_of")


@cache
def place_words() -> frozenset[str]:
    return _words("place_words")


@cache
def place_surnames() -> frozenset[str]:
    """Place words that are surnames as often ("Park", "Hill"): place_surnames.txt."""
    return _words("place_surnames")


@cache
def treaty_heads() -> frozenset[str]:
    """Words of a treaty's name that "on" and its subject follow ("Convention on the Law of
    the Sea": treaty_heads.txt)."""
    return _words("treaty_heads")


def treaty_on(lower: Sequence[str]) -> bool:
    """Whether words (lower case) hold a treaty's word and "on" within their first four
    ("convention on ...", "Zorb Convention on ...")."""
    heads = treaty_heads()
    return any(lower[k + 1] == "on" and lower[k] in heads for k in range(min(3, len(lower) - 2)))


@cache
def shared_heads() -> frozenset[str]:
    """Words that close a firm's name and a weapon's ("Systems"): after a product's word the
    name is the product's (shared_heads.txt)."""
    return _words("shared_heads")


@cache
def subject_titles() -> frozenset[str]:
    """Title words that name a field too, closing a name after "of" ("Court of Criminal
    Justice"; subject_titles.txt)."""
    return _words("subject_titles")


@cache
def post_nominals() -> frozenset[str]:
    """Letters after a person's name for an honour or an office ("QC", "MBE"): they end it."""
    return _words("post_nominals")


@cache
def post_nominals_capitals() -> frozenset[str]:
    """Post-nominals that are names or words too ("AO", "RAN"): post_nominals_capitals.txt."""
    return _words("post_nominals_capitals")


def post_nominal(text: str) -> bool:
    """Whether a word is a post-nominal: any case for "QC", "MBE"; capitals only for "AO", "RAN"."""
    low = text.lower()
    return low in post_nominals() or (text.isupper() and low in post_nominals_capitals())


@cache
def work_words() -> frozenset[str]:
    """Words that end a programme's title or follow it ("the Jane Doe Show", "the Zorblatt programme")."""
    return _words("work_words")


@cache
def work_nouns() -> frozenset[str]:
    """Nouns written right before a work's title ("her book, Against the Tide,")."""
    return _words("work_nouns")


@cache
def newspaper_words() -> frozenset[str]:
    """Words that end a newspaper's name after a town or a day ("the Anytown Sun", "the Daily Mirror")."""
    return _words("newspaper_words")


@cache
def office_titles() -> frozenset[str]:
    """Office words that, capitalised after common words, end an office's title ("Information Commissioner")."""
    return _words("office_titles")


@cache
def name_suffixes() -> frozenset[str]:
    return _words("name_suffixes")


@cache
def abbreviations() -> frozenset[str]:
    """Words whose full stop belongs to them: "Dr.", "Jan.", "Sen."."""
    dotted = {w for w in dates() | titles()["head"] | titles()["mod"] if w.endswith(".")}
    return frozenset(f"{w}." for w in wordlists.abbreviations()) | frozenset(dotted)


@cache
def not_names() -> frozenset[str]:
    """Words never an entity alone: time zones, units, dates (months and weekdays)."""
    return _words("not_names") | _weekdays() | post_nominals()


@cache
def dates() -> frozenset[str]:
    return _weekdays() | frozenset(wordlists.months())


def _weekdays() -> frozenset[str]:
    """Weekdays in full and their dotted abbreviations ("Friday", "Fri."; not "Sun", "Sat")."""
    return frozenset(w for w in wordlists.weekdays() if w.endswith(("day", ".")))


@cache
def gazetteer() -> dict[str, tuple[str, EntityType]]:
    """Every written form of a known place or institution -> (canonical name, type)."""
    table: dict[str, tuple[str, EntityType]] = {}
    for name, etype in (("places", EntityType.PLACE), ("orgs", EntityType.ORG)):
        for line in wordlists.lines(f"{_DIR}/{name}.txt"):
            forms = [form.strip() for form in line.split("|") if form.strip()]
            for form in forms:
                table.setdefault(form, (forms[0], etype))
                if etype is EntityType.ORG and len(form) > 3 and form.isalpha() and form.isupper():
                    # house styles that write an acronym said as a word in Title Case: "Opec", "Unicef"
                    table.setdefault(form.title(), (forms[0], etype))
    common = country_forms()  # "Syrian Arab Republic" is Syria (rule country-form)
    for form in geo_places().get("country", ()):  # the ISO list's countries not listed by hand
        name = common.get(form, form)
        table.setdefault(form, (table[name][0] if name in table else name, EntityType.PLACE))
    return table


@cache
def country_forms() -> dict[str, str]:
    """A country's other ISO names -> the name the news uses (geo_country_forms.txt, made by
    scripts/make_gazetteer.py): "Republic of Zorbland" -> "Zorbland"."""
    return dict(line.split("\t", 1) for line in wordlists.lines(f"{_DIR}/geo_country_forms.txt") if "\t" in line)


@cache
def geo_places() -> dict[str, frozenset[str]]:
    """Place names from maintained data (made by scripts/make_gazetteer.py): 'country' (ISO
    3166), and 'local' for subdivisions (ISO 3166-2: counties, states, provinces) and cities
    (GeoNames, 15,000 people or more)."""
    return {"country": _names("geo_countries.txt"), "local": _names("geo_local.txt")}


def _names(file: str) -> frozenset[str]:
    """A generated list of names, one a line, after its `#` comments (read in one piece: it is long)."""
    lines = wordlists.DATA.joinpath(_DIR, file).read_text(encoding="utf-8").split("\n")
    start = next((n for n, line in enumerate(lines) if not line.startswith("#")), len(lines))
    names = frozenset(lines[start:])
    return names - {""} if "" in names else names


def is_town_or_region(name: str) -> bool:
    """A subdivision or city that can be told from words: not a common word or given name
    alone ("Reading", "Victoria", "Of" are towns too, but a word first)."""
    if name not in geo_places()["local"]:
        return False
    if " " in name:
        return True
    low = name.lower()
    return not (low in common_words() or low in given_names() or low in stopwords() or low in not_names()
                or low in dates() or low in proper_adjectives())


@cache
def gazetteer_span() -> int:
    """The most words a gazetteer entry has."""
    return max(len(form.split()) for form in gazetteer())


def gazetteer_reach() -> dict[str, int]:
    """A gazetteer name's first word -> the most words of a name that opens with it: a word
    that opens none is looked up no further (candidates.gazetteer_at). Made once for the
    gazetteer table there is (a test may put another in its place)."""
    table = gazetteer()
    if _REACH[0] is not table:
        reach: dict[str, int] = {}
        for form in table:
            words = form.split(" ")
            reach[words[0]] = max(reach.get(words[0], 0), len(words))
        _REACH[:] = [table, reach]
    return _REACH[1]


_REACH: list[Any] = [None, {}]  # the table gazetteer_reach was made for, and its reach


@cache
def role_breakers() -> frozenset[str]:
    return _words("role_breakers")


@cache
def reporting_verbs() -> frozenset[str]:
    return _words("reporting_verbs")


@cache
def law_words() -> frozenset[str]:
    return _words("law_words")


@cache
def person_cues() -> frozenset[str]:
    return _words("person_cues")


@cache
def motion_verbs() -> frozenset[str]:
    """Verbs of going whose "to" leads to a place ("reassigned to Zorblatt")."""
    return _words("motion_verbs")


@cache
def seat_nouns() -> frozenset[str]:
    """Nouns whose "for" leads to a constituency ("the candidate for Zorbton")."""
    return _words("seat_nouns")
