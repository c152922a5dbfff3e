"""Find a parliament's commission of inquiry, which the press names by common words.

A parliament sets up a *commission d'enquête* on one matter (in France, ordonnance
n° 58-1100 du 17 novembre 1958, art. 6), and the press names it by
the phrase, in lower case: *le rapport de la commission d'enquête parlementaire*, *refuse
d'être entendu par la commission d'enquête sénatoriale*, *la commission d'enquête accable la
centrale d'achat*. The model tags nothing there, so the body that reports, summons or accuses
was no entity.

A definite *la commission d'enquête* (the article, alone or after *de*, *à*) is an
organisation, with the adjective that says whose or what kind it is (*parlementaire*,
*sénatoriale*, *publique* in Quebec: ``_KINDS``); another word after it is no part of the
name, even where the tagger calls it an adjective (*la commission d'enquête accable …*, a
headline's verb). An indefinite one (*demande une commission d'enquête*, *à une commission
d'enquête*) is a body asked for, or any such body: no entity. The complement that says what
it inquires into (*sur les pénuries de médicaments*) is left out of the name, so every
definite mention gives the same words, and the bare form joins the one qualified form of the
article (``merge_inquiries``); with two qualified forms (*parlementaire*, *sénatoriale*) the
bare one names neither. Where a *de* complement names the chamber (*la commission d'enquête
du Sénat*, *de l'Assemblée nationale*), the text names the body it belongs to, and the
chamber stays the party (*refuse d'être auditionné par la commission d'enquête du Sénat*: a
refusal addressed to the Sénat): no entity is made there.

The events stage reads a commission of inquiry as an organ of its assembly
(``events/organs.py``: *la commission d'enquête sénatoriale* → the Sénat, when the article
names it; else no party), so these entities name no party there (``events/parties.py``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from veille.analysis.entities.clusters import Cluster
from veille.analysis.syntax.view import token_view
from veille.normal import fold, name_key

_HEAD = "commission"
_OF = frozenset({"d'", "d’", "de"})
_INQUIRY = "enquete"
# Whose commission it is, or what kind (the chambers' adjectives; Quebec's public inquiries).
_KINDS = frozenset({"parlementaire", "senatoriale", "publique", "speciale", "independante", "internationale"})
_BARE = name_key("commission d'enquête")


def inquiry_commissions(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Return the token spans of the definite commissions of inquiry no name covers
    (*la commission d'enquête sénatoriale*), in order."""
    view = token_view(doc)
    found: list[tuple[int, int]] = []
    for i in range(1, len(doc) - 2):
        if fold(view.text[i]) != _HEAD or view.lower[i - 1] != "la":
            continue
        if view.lower[i + 1] not in _OF or fold(view.text[i + 2]) != _INQUIRY:
            continue
        end = i + 3
        if end < len(doc) and fold(view.text[end]) in _KINDS:
            end += 1  # parlementaire, sénatoriale
        if _chamber_named(view.text, view.lower, end):
            continue  # la commission d'enquête du Sénat: the chamber is the party named
        if taken.isdisjoint(range(i, end)):
            found.append((i, end))
    return found


def _chamber_named(words: list[str], lower: list[str], end: int) -> bool:
    """Tell whether a name follows the commission in a *de* complement (*du Sénat*, *de
    l'Assemblée nationale*): the text names the chamber it belongs to."""
    k = end
    if k < len(words) and lower[k] in ("du", "des", "de", "d'", "d’"):
        k += 1
        if k < len(words) and lower[k] in ("la", "l'", "l’"):
            k += 1
        return k < len(words) and words[k][:1].isupper()
    return False


def merge_inquiries(clusters: list[Cluster]) -> list[Cluster]:
    """Join the bare *commission d'enquête* to the one qualified commission of inquiry of the
    article (*la commission d'enquête parlementaire*), when there is exactly one."""
    bare = [c for c in clusters if c.type == "ORG" and _is_inquiry(c) and name_key(c.longest) == _BARE]
    qualified = [c for c in clusters if c.type == "ORG" and _is_inquiry(c) and name_key(c.longest) != _BARE]
    if len(bare) != 1 or len(qualified) != 1:
        return clusters
    qualified[0].absorb(bare[0])
    return [c for c in clusters if c is not bare[0]]


def is_inquiry_name(name: str) -> bool:
    """Tell whether a name is a commission of inquiry's phrase (*commission d'enquête
    sénatoriale*)."""
    return name_key(name).startswith(_BARE)


def _is_inquiry(cluster: Cluster) -> bool:
    """Tell whether every name of a cluster is a commission of inquiry's phrase."""
    return all(is_inquiry_name(m.text) for m in cluster.names)
