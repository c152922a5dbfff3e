"""A place set before the subject: *À Bruxelles, le SPF Affaires étrangères a exhorté …*.

News opens a paragraph on the capital or city where a body spoke (*À Berne, l'Office fédéral
… rappelle que*; *À Kaboul, le gouvernement …*). The parser often hangs the subject on the
place's name, so the subject's phrase starts with the place, and a name at the head of the
phrase is read as the speaker: the city, not the body. The place is a fronted locative
adjunct (Riegel, Pellat & Rioul, *Grammaire méthodique du français*, ch. VI, circumstantial
complements of place); the speaker's phrase starts after its comma.
"""

from __future__ import annotations

from veille.analysis.lang.fr.words import ARTICLES, OF_TOKENS, TO
from veille.analysis.syntax.view import TokenView

_LOCATIVE = TO | {"en"}
# Lower-case words inside a place's name (Saint-Pierre-et-Miquelon, Port-au-Prince, Rio de Janeiro).
_NAME_LINKS = OF_TOKENS | ARTICLES | {"-", "et", "sur"}
_PLACE_TOKENS = 6


def after_fronted_place(view: TokenView, left: int, right: int) -> int:
    """Return the first token of a subject phrase ``left..right`` once a place fronted by
    *à, au, aux, en* and closed by a comma is cut from it (À Bruxelles, | le SPF …); ``left``
    when the phrase does not open so."""
    text = view.text
    if left == 0 or view.lower[left - 1] not in _LOCATIVE or not text[left][:1].isupper():
        return left
    for k in range(left, min(right, left + _PLACE_TOKENS)):
        if text[k] == ",":
            return k + 1 if k + 1 <= right else left
        if not text[k][:1].isupper() and text[k].lower() not in _NAME_LINKS:
            return left
    return left
