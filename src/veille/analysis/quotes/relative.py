"""Tell a relative or comparative *que* from the *que* that opens a reported clause.

After a verb of saying, *que* opens the reported clause (*a déclaré mardi que …*, *a
annoncé à la presse que …*, *a prévenu les salariés que …*). After a noun phrase the verb
governs as its object, or one apposed to the sentence, it is a relative pronoun or the *que*
of a comparison: *la même chose qu'il y a un an*, *l'influence qu'ils détenaient*, *un
audit, une demande que le maire a rejetée*. Nothing is reported there (Riegel, Pellat &
Rioul, *Grammaire méthodique du français*, ch. XVI on relatives and XVIII on comparatives).

Also the antecedent of a relative *qui* the parser hung on an incise's verb or inside a
quotation (:func:`unquoted_antecedent`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from veille.analysis.lang.fr import words
from veille.analysis.quotes.marks import CLOSERS, STRAIGHT
from veille.analysis.quotes.phrases import singular
from veille.analysis.syntax.view import TokenView, token_view

_DETERMINERS = words.ARTICLES | words.INDEFINITE | words.DEMONSTRATIVES | words.POSSESSIVES | {"l’"}
# The preposition de fused with an article (du lait, des éleveurs).
_CONTRACTED = frozenset({"du", "des"})
# How many adjectives may stand between the determiner and the noun (la même chose).
_MAX_ADJECTIVES = 2
_CLOSERS = CLOSERS | {STRAIGHT}  # a closing quotation mark, straight ones included


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


def unquoted_antecedent(view: TokenView, hung: int, j: int, quoted: Callable[[int], bool]) -> int | None:
    """Return the antecedent of a relative *qui* at ``j`` that the parser hung on
    ``hung`` (a verb, or a word inside marks), read outside the marks between the verb
    and the comma before *qui*: the verb's inverted subject, which the parser may read as
    its object (*raconte Inès, 21 ans, étudiante …, qui* → Inès; *a reconnu le ministre
    vaudois, qui* → ministre); failing that, the last noun or name before the comma,
    raised to the head of its phrase (*le président de la commune, qui* → président).
    None when the comma is missing or no noun stands outside the marks (``quoted``: whether
    a character offset lies inside quotation marks)."""
    if j < 2 or view.text[j - 1] != ",":
        return None
    if view.pos[hung] in ("VERB", "AUX"):
        inverted = next(
            (
                k
                for k in view.children(hung)
                if hung < k < j
                and view.dep[k] in ("nsubj", "obj")
                and view.pos[k] in ("NOUN", "PROPN")
                and not quoted(view.idx[k])
            ),
            None,
        )
        if inverted is not None:
            return inverted
    k = j - 2
    while view.pos[k] not in ("NOUN", "PROPN"):
        if k == 0 or view.text[k] in _CLOSERS or quoted(view.idx[k]):
            return None
        k -= 1
    if quoted(view.idx[k]):
        return None
    while (
        view.head[k] < k
        and (view.dep[k].startswith("flat") or view.dep[k] == "nmod")
        and not quoted(view.idx[view.head[k]])
        and view.text[view.head[k]] not in _CLOSERS
    ):
        k = view.head[k]
    return k
