"""Natural hazards are no parties: *Le cyclone Tamara a frappé Mayotte* is no ASSAULT.

A named storm, an earthquake or an epidemic "strikes", "hits" or "ravages" a place in the
words of armed acts, and the entity layer may take the storm's name for a person (*Tamara*).
PLOVER codes what political actors do; a natural force is none. An entity is a hazard when
its name opens with a hazard noun (*Cyclone Tamara*) or one of its mentions follows one,
adjectives aside (*la tempête Ciaran*, *le cyclone tropical intense Tamara*). The nouns
(events_lexicon.json ``hazards``) are the French heads of the natural hazard types of the
EM-DAT classification (CRED, UCLouvain): geophysical, meteorological, hydrological,
climatological and biological.
"""

from __future__ import annotations

from spacy.tokens import Doc

from veille.model import Document, Entity, Event
from veille.normal import fold

# How many adjectives may stand between the hazard noun and the name (cyclone tropical intense).
_ADJECTIVES = 3


def hazard_entity(entity: Entity, parsed: Doc, hazards: frozenset[str]) -> bool:
    """Say whether an entity is a natural hazard: its name opens with a hazard noun, or a
    mention of it follows one across a few adjectives."""
    words = fold(entity.name).split()
    if words and words[0] in hazards:
        return True
    for mention in entity.mentions:
        span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        i = span.start - 1
        skipped = 0
        while i >= 0 and parsed[i].pos_ == "ADJ" and skipped < _ADJECTIVES:
            i, skipped = i - 1, skipped + 1
        if i >= 0 and fold(parsed[i].text) in hazards:
            return True
    return False


def by_hazard(event: Event, doc: Document, parsed: Doc, hazards: frozenset[str]) -> bool:
    """Say whether every actor of an event is a natural hazard."""
    actors = [doc.entity(i) for i in event.source]
    return bool(actors) and all(a is not None and hazard_entity(a, parsed, hazards) for a in actors)
