"""Quote speakers after curation (the link pass): the dossier's entity for each quote.

The curated glossary has the last word: an entity hidden, or retyped as something that
cannot speak (a product, a place), is no one's voice, so its quotes read "speaker unclear";
an alias the glossary adds ("Mrs Doe") gives its entity the quotes the text credits to
that name, including those left unsure because the name alone was too short to place.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from builder.annotate.people import without_honorifics
from builder.model import DossierQuote, Entity, EntityType, Quote

_SPEAKING = {EntityType.PERSON, EntityType.ORG}
_CURATED = 0.9  # the confidence of a speaker the glossary names
_BY_NAME = {"literal-name", "literal-single-word"}  # resolvers that give a name as printed


def _form(name: str) -> str:
    """The name without its honorifics (people/honorifics.txt; a peer keeps the title), in lower case."""
    return " ".join(without_honorifics(" ".join(name.split())).lower().split())


def curated_names(entities: Mapping[str, Entity]) -> dict[str, str]:
    """Curated names and aliases, with and without an honorific -> entity id (hidden and
    non-speaking entities too: their names are taken, by no one's voice). A form two
    entities share is no one's."""
    table: dict[str, set[str]] = {}
    for entity in entities.values():
        if not entity.curated:
            continue
        for name in (entity.name, *entity.aliases):
            for form in {" ".join(name.lower().split()), _form(name)}:
                table.setdefault(form, set()).add(entity.id)
    return {form: next(iter(ids)) for form, ids in table.items() if len(ids) == 1}


def _by_curated_name(quote: Quote, speaker: str | None, entities: Mapping[str, Entity],
                     names: Mapping[str, str]) -> tuple[str | None, Quote]:
    """The glossary's names win over what was found: a quote whose speaker (or unsure
    candidate, named as printed) is a curated name or alias goes to that entity."""
    found = entities.get(speaker) if speaker else None
    if not names or found is not None and found.curated:  # (no curated names: nothing to match)
        return speaker, quote
    named = quote.speaker_name or (quote.candidate if quote.resolver in _BY_NAME else None)
    forms = ([named] if named else []) + ([found.name, *found.aliases] if found else [])
    for form in forms:
        curated = names.get(" ".join(form.lower().split())) or names.get(_form(form))
        if curated and curated != speaker:
            return curated, replace(quote, speaker_name=entities[curated].name, candidate=None,
                                    resolver="curated-alias", confidence=max(quote.confidence, _CURATED))
    return speaker, quote


def place_quote(quote_id: str, article: str, quote: Quote, entity_of: Mapping[tuple[str, str], str],
                entities: Mapping[str, Entity], names: Mapping[str, str]) -> DossierQuote:
    """The quote with its speaker's entity, as the glossary leaves it."""
    speaker = entity_of.get((article, quote.speaker_key)) if quote.speaker_key else None
    speaker, quote = _by_curated_name(quote, speaker, entities, names)
    entity = entities.get(speaker) if speaker else None
    if entity is not None and entity.curated and (entity.hidden or entity.type not in _SPEAKING):
        speaker = None  # the glossary says it is no one's voice
        quote = replace(quote, speaker_key=None, speaker_name=None, candidate=None, resolver="curated-out",
                        confidence=0.0)
    elif entity is not None and entity.hidden:
        speaker = None  # hidden as doubtful by the pipeline: the name as printed, with no page
    affiliation = entity_of.get((article, quote.affiliation_key)) if quote.affiliation_key else None
    if affiliation is not None and (affiliation not in entities or entities[affiliation].hidden):
        affiliation = None
    return DossierQuote(id=quote_id, article=article, quote=quote, speaker=speaker, affiliation=affiliation)
