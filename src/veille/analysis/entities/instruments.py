"""Tell a place that names a treaty from a place of the story.

The press names international instruments after the town where they were signed: *le traité
de Lisbonne*, *le protocole de Kyoto*, *les accords de Minsk*, *la convention d'Istanbul*, *le
statut de Rome*. The town there is a word of the treaty's name, and a treaty is no entity
(ANNOTATION.md: laws and treaties are not listed), so the place is no mention either. The
nouns are the terms of the United Nations Treaty Collection (data/treaty_nouns.tsv).

*Accord* in the singular also means consent, said of a capital by metonymy (*avec l'accord
de Berlin*, *sans l'accord de Washington*, *obtenir l'accord de Paris*): there the capital is
a government and stays a name.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from veille.analysis.lang.fr.tables import read_rows
from veille.analysis.syntax.view import token_view

_OF = frozenset({"de", "d'", "d’"})
_CONSENT = "accord"
# Prepositions and verbs that make 'l'accord de X' X's consent (avec l'accord de Rome, le
# gouvernement a obtenu l'accord de Madrid): the closed set of French consent constructions.
_CONSENT_PREPOSITIONS = frozenset({"avec", "sans", "sauf"})
_CONSENT_VERBS = frozenset(
    {"obtenir", "donner", "recevoir", "demander", "attendre", "solliciter", "exiger", "requérir"}
)


@cache
def treaty_nouns() -> frozenset[str]:
    """Return the nouns (singular and plural) that name an instrument after a place."""
    return frozenset(word for _, row in read_rows("treaty_nouns.tsv", columns=2) for word in row)


def names_a_treaty(doc: Doc, start: int, end: int) -> bool:
    """Tell whether the place at [start, end) is the place name of a treaty (le protocole de
    | Kyoto), and not a place or a government of the story."""
    view = token_view(doc)
    if start < 2 or view.lower[start - 1] not in _OF:
        return False
    noun = start - 2
    if view.lower[noun] not in treaty_nouns():
        return False
    if view.lower[noun] == _CONSENT:
        return not _consent(doc, noun)
    return True


def _consent(doc: Doc, noun: int) -> bool:
    """Tell whether 'accord' at ``noun`` is someone's consent (avec l'accord de, obtenir
    l'accord de), not an agreement."""
    view = token_view(doc)
    before = noun - 1
    if before >= 0 and view.pos[before] == "DET":
        before -= 1
    if before >= 0 and view.lower[before] in _CONSENT_PREPOSITIONS:
        return True
    head = view.head[noun]
    return view.pos[head] in ("VERB", "AUX") and view.lemma_lower[head] in _CONSENT_VERBS
