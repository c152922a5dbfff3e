"""Read an age complement after a noun: *le milieu de terrain de 27 ans*.

French news qualifies a person's description by an age complement, *de N ans* (*l'ingénieur
de 39 ans*, *la militante de vingt-deux ans*, *le défenseur central de 31 ans*). The
complement is part of the description (ANNOTATION.md: a description is the whole noun
phrase), and it says nothing that a role's complement does (*de la Creuse*, *du PSG*), so
the role phrase ends before it and this step carries it on.
"""

from __future__ import annotations

from spacy.tokens import Doc

_YEARS = frozenset({"an", "ans"})


def age_complement_end(doc: Doc, i: int) -> int:
    """Return where an age complement that opens at token i ends (de 27 ans), or i."""
    if i + 2 >= len(doc):
        return i
    if doc[i].lower_ != "de" or doc[i + 2].lower_ not in _YEARS:
        return i
    number = doc[i + 1]
    if not (number.like_num or number.pos_ == "NUM"):
        return i
    return i + 3
