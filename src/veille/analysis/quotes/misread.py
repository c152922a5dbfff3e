"""Recognise a present-tense reporting verb the tagger read as a noun or an adjective.

Many French verbs of saying and thinking share their present-tense form with a noun or an
adjective (*juge*, *note*, *estime*, *rétorque*, *souligne*), and the tagger often reads the
verb of a news sentence's present (*Sandrine Ouali juge que …*, *Anne Delhez, rétorque que*)
as that noun, breaking the reporting clause. Two positions tell the verb: right before *que*,
or between its subject and a determiner (*X juge la décision « … »*), with no determiner or
preposition before it (*le juge que l'on attendait*, *une note que le ministre a signée* are
nouns with a relative clause).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from veille.analysis.lang.fr.words import QUE_TOKENS

# A third-person present in -e or -ent (juge, jugent, rétorque, notent).
_PRESENT = re.compile(r"\w+e(?:nt)?")


def finite_before_que(token: Token) -> bool:
    """Return True for a present-tense form read as a noun, an adjective or a participle right
    before *que* (X juge que, la ministre estime que, X, rétorque que), after a subject: no determiner,
    preposition or number before it; a comma only when a name closes the phrase before it."""
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ not in QUE_TOKENS or not _PRESENT.fullmatch(token.lower_):
        return False
    prev = doc[token.i - 1] if token.i > 0 else None
    if prev is None or prev.pos_ in ("DET", "ADP", "NUM"):
        return False
    if prev.is_punct:
        # Anne Delhez, rétorque que: an apposed name closed by a comma, then the verb
        return prev.text == "," and token.i > 1 and doc[token.i - 2].pos_ == "PROPN"
    return True


def noun_before_object(token: Token) -> bool:
    """Return True for a present-tense cue read as a noun (juge, estime) between its subject
    and a determiner: no determiner or preposition before it, one after it."""
    doc = token.doc
    prev = doc[token.i - 1] if token.i > 0 else None
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if prev is None or nxt is None or nxt.pos_ != "DET" or not _PRESENT.fullmatch(token.lower_):
        return False
    return prev.pos_ == "PROPN" or prev.text == ","
