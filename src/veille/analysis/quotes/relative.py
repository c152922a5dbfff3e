"""Tell a relative or comparative *que* from the *que* that opens a reported clause.

After a verb of saying, *que* opens the reported clause (*a déclaré mardi que …*, *a
annoncé à la presse que …*, *a prévenu les salariés que …*). After a noun phrase the verb
governs as its object, or one apposed to the sentence, it is a relative pronoun or the *que*
of a comparison: *la même chose qu'il y a un an*, *l'influence qu'ils détenaient*, *un
audit, une demande que le maire a rejetée*. Nothing is reported there (Riegel, Pellat &
Rioul, *Grammaire méthodique du français*, ch. XVI on relatives and XVIII on comparatives).
"""

from __future__ import annotations

from spacy.tokens import Token

from veille.analysis.lang.fr import words
from veille.analysis.quotes.phrases import singular
from veille.analysis.syntax.view import token_view

_DETERMINERS = words.ARTICLES | words.INDEFINITE | words.DEMONSTRATIVES | words.POSSESSIVES | {"l’"}
# The preposition de fused with an article (du lait, des éleveurs).
_CONTRACTED = frozenset({"du", "des"})
# How many adjectives may stand between the determiner and the noun (la même chose).
_MAX_ADJECTIVES = 2


def relative_que(que: Token, speaking: frozenset[str], completive: frozenset[str], in_timex: bool) -> bool:
    """Return True when ``que`` follows a noun phrase that is no addressee: a determiner and
    a noun that names no person or organisation (``speaking``: those nouns, singular) and
    governs no clause (``completive``: le fait que, l'espoir que), not after a preposition
    (à la presse, dans un communiqué) and not a time expression."""
    view = token_view(que.doc)
    i = que.i - 1
    if i < 1 or view.pos[i] != "NOUN" or in_timex or view.lower[i] in completive:
        return False
    while True:
        if singular(view.lower[i], speaking) in speaking:
            return False  # a prévenu les salariés que: the addressee, then the reported clause
        j = i - 1
        while j > 0 and i - j <= _MAX_ADJECTIVES and view.pos[j] == "ADJ":
            j -= 1
        # la hausse du prix du lait que: a noun in the de-complement of another noun; the
        # phrase is the outer noun's
        of = -1
        if view.lower[j] in _CONTRACTED:
            of = j - 1
        elif j > 0 and view.lower[j - 1] in words.OF:
            of = j - 2
        if of >= 0 and view.pos[of] == "NOUN" and not (view.lower[j] == "des" and view.pos[j - 1] != "NOUN"):
            i = of
            continue
        break
    if view.lower[j] not in _DETERMINERS:
        return False
    before = j - 1
    return before < 0 or view.pos[before] != "ADP"
