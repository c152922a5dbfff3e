"""Find the person a pronoun takes up when the sentence before names that person only by a
description the entity stages did not resolve.

*Le préfet rejette ces critiques. L'alerte a été déclenchée « … », a-t-il répondu.*: the
pronoun takes up the subject of the sentence before, the topic (the salience rule of
``SpeakerResolver._salient_subject``), but that rule reads only the mention index, and *Le
préfet* is there only when the entity stages tied it to *préfet de la Guadeloupe, Alexandre
Rocheteau*. Real news names a person once and then goes on with a title (*le préfet*, *la
ministre*, *le magistrat*); here the subject description is resolved as a speaker phrase is,
by the same words by a name elsewhere, else the nearest person named before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from veille.analysis.lang.fr.words import DEFINITE
from veille.analysis.quotes.salience import narrative_floor
from veille.model import Entity

if TYPE_CHECKING:
    from veille.analysis.quotes.speakers import SpeakerResolver

# The subject relations of a clause (the passive subject speaks too: X a été reçu …).
_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})


def described_subject(resolver: SpeakerResolver, start: int, gender: str) -> tuple[Entity, int] | None:
    """Return the person (of the pronoun's gender) that the definite description heading the
    subject of the pronoun's sentence, or of the narrative sentence before it, refers to, with
    the description's offset; None when that subject is no unresolved person description."""
    tokens = resolver.parsed
    i = next((t.i for t in tokens if t.idx >= start), len(tokens)) - 1
    floor = narrative_floor(tokens[max(i, 0)].sent, lambda offset: offset in resolver.quoted)
    first = next((t.i for t in tokens if t.idx >= floor), 0)
    for token in reversed(tokens[first : i + 1]):
        if token.dep_ not in _SUBJECTS or token.pos_ != "NOUN" or token.i > token.head.i:
            continue
        if token.idx in resolver.quoted or token.lower_ not in resolver.person_nouns:
            continue
        determiner = tokens[token.i - 1] if token.i > 0 else None
        if determiner is None or determiner.lower_.replace("’", "'") not in DEFINITE:
            return None  # un habitant, des témoins: nobody named before
        lo, hi = resolver.phrase_of(token)
        if resolver.mentions_in(lo, hi):
            return None  # the mention index has it: the salience rule decided
        speaker = resolver.resolve_phrase(lo, hi)
        entity = resolver.entity(speaker.entity)
        if entity is None or entity.type != "PER" or speaker.entity in resolver.unnamed:
            return None
        known = resolver.gender(entity)
        return (entity, lo) if known is None or known == gender else None
    return None
