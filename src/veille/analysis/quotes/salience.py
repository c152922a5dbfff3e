"""Find how far back a pronoun's topic may lie: the narrative sentence before its own.

A pronoun takes up the topic of the sentence before it (Centering theory: the subject of the
previous utterance is the preferred antecedent; Grosz, Joshi & Weinstein 1995). In news, the
sentence "before" an incise pronoun is the last sentence of the narrative, not a sentence of
the quotation it closes: in *L'entraîneur X s'en est pris à l'arbitre, Y. « On nous vole deux
points. Il faudra que quelqu'un explique », a-t-il pesté.* the pronoun's topic is X, two
sentences back once the quoted sentence is skipped.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

# How many wholly quoted sentences may be skipped on the way back.
_MAX_QUOTED = 6


def narrative_floor(sent: Span, quoted: Callable[[int], bool]) -> int:
    """Return the start offset of the nearest sentence before ``sent`` that holds a word
    outside quotation marks (``quoted`` tells whether an offset is inside them), skipping the
    wholly quoted sentences between; 0 at the start of the document."""
    doc = sent.doc
    current = sent
    for _ in range(_MAX_QUOTED + 1):
        if current.start == 0:
            return 0
        current = doc[current.start - 1].sent
        if any(t.is_alpha and not quoted(t.idx) for t in current):
            return current.start_char
    return current.start_char
