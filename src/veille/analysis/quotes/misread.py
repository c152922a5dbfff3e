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

from veille.analysis.lang.fr.words import OF, QUE_TOKENS

# A third-person present in -e or -ent (juge, jugent, rétorque, notent).
_PRESENT = re.compile(r"\w+e(?:nt)?")
# The marks that open a quotation right after its verb.
_OPENING = frozenset({"«", "“", '"'})


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


def present_read_as_participle(token: Token) -> bool:
    """Return True for the present of a verb in -it (décrit, écrit, prédit) that the tagger read
    as its past participle, the same form, hung on the subject before it (l'octogénaire décrit
    « un immense réseau … »; X décrit « une usine à l'arrêt »): right after a noun or a name,
    (or an adjective used as a noun),
    with no comma, auxiliary or preposition between, and followed at once by the quotation,
    its object. A participle modifying a noun takes no object (le texte décrit par X, un plan
    décrit comme « … »)."""
    doc = token.doc
    if not token.lower_.endswith("it") or token.i == 0 or token.i + 2 >= len(doc):
        return False
    inside = doc[token.i + 2]
    if doc[token.i + 1].text not in _OPENING or (inside.pos_ == "ADP" and inside.lower_ not in OF):
        return False  # le trajet décrit « en pointillés »: an adverbial (des, du: an article)
    return subject_before(token) is not None


def subject_before(token: Token) -> Token | None:
    """Return the noun (or name) right before a verb: its subject when the tagger hung the
    verb on it; an adjective after a determiner is a noun (la septuagénaire décrit)."""
    doc = token.doc
    i = token.i - 1
    while i > 0 and doc[i].pos_ == "ADJ" and doc[i - 1].pos_ in ("NOUN", "PROPN", "ADJ"):
        i -= 1  # l'octogénaire israélienne décrit: the noun before its adjectives
    if i < 0:
        return None
    prev = doc[i]
    if prev.pos_ == "ADJ" and i > 0 and doc[i - 1].pos_ == "DET":
        return prev
    if prev.pos_ not in ("NOUN", "PROPN"):
        return None
    head = token.head  # la militante Inès Duval décrit: the parser hangs it on the phrase head
    return head if prev.i <= head.i < token.i and head.pos_ in ("NOUN", "PROPN") else prev
