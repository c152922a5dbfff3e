"""Find the names of groups that hold lower-case words (la liste Lyon en commun).

An association, a list, a collective or a parliamentary group is named by a phrase its
founders choose, and the phrase often goes on in lower case after a capitalised word: *la
liste Grenoble en mouvement*, *l'association Vallée vivante*, *le comité Vérité pour Adama*,
*le collectif Bassines non merci*, *le groupe Écologie solidaire*. The French model stops
the name at its first lower-case word (or tags the capitalised word alone as a person or a
place), which leaves a fragment and misses the group.

A name is learned where a group noun of ``group_heads.tsv`` stands right before it (*la
liste | Nîmes en commun*, *sa liste, | Brévin d'abord*) or in apposition right after it
(*Nîmes en commun, | la liste de …*), and its lower-case words are of two shapes only:

1. a preposition and a bare word (*en commun*, *pour Karim*, *non merci*, *d'abord*);
2. one adjective after a capitalised common noun (*Vallée vivante*, *Écologie solidaire*),
   not after a company's or a town's name (*le groupe Ondulex rentable*: the adjective
   describes it), and not a nationality (*Côté français*).

The name must end there: a punctuation mark, a verb, a conjunction or a relative pronoun
follows (*la liste Horizons en tête du scrutin* is a list in the lead, not a name). Once
learned, every other place where the same words stand is the same name (*les militants de
Vallée vivante occupent …*).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TypeVar

from spacy.tokens import Doc

from veille.analysis.lang.fr import tables
from veille.analysis.lang.fr.countries import demonym
from veille.analysis.lang.fr.nouns import is_common_noun, is_common_word
from veille.analysis.lang.fr.words import NAME_PARTICLES
from veille.analysis.syntax.view import TokenView, token_view

S = TypeVar("S")

_LINKS = frozenset({"en", "pour", "sans", "contre", "non"})  # shape 1: en commun, pour Karim
_ELIDED_OF = frozenset({"d'", "d’"})
_NOT_BARE = frozenset({"DET", "PRON", "ADP", "VERB", "AUX"})  # en tête du, pour la, contre les
_ENDS = frozenset({"VERB", "AUX", "CCONJ"})
_RELATIVES = frozenset({"qui", "que", "qu'", "dont"})
_APPOSITION_ARTICLES = frozenset({"la", "le", "l'", "l’", "les"})
_LONGEST = 4  # capitalised words of a group's name before its lower-case words
_KEY = "veille.group_names"


@cache
def group_heads() -> frozenset[str]:
    """Return the group nouns of ``group_heads.tsv``, singular and plural."""
    return frozenset(word for record in tables.read_records("group_heads.tsv") for word in record.values())


def group_names(doc: Doc) -> list[tuple[int, int]]:
    """Return the token spans of the group names with lower-case words in a parsed doc,
    in text order, computed once per doc."""
    found: list[tuple[int, int]] | None = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = _occurrences(doc, _learned(token_view(doc)))
    return found


def grown(doc: Doc, start: int, end: int) -> int:
    """Return where a span ends once a group name that starts inside it is taken whole
    (Vallée | vivante); ``end`` when none does."""
    for first, last in group_names(doc):
        if start <= first < end < last:
            return last
    return end


def with_group_names(
    candidates: list[S], doc: Doc, spans: Callable[[S], tuple[int, int]], make: Callable[[int, int], S]
) -> list[S]:
    """Add the group names the model left untagged (la liste | Montbrison en commun), and
    drop the names inside one (Adama of le comité Vérité pour Adama): a name's words are
    no mention of their own."""
    names = group_names(doc)
    if not names:
        return candidates
    kept = [c for c in candidates if not any(_inside(spans(c), name) for name in names)]
    taken = {i for candidate in kept for i in range(*spans(candidate))}
    return kept + [make(first, last) for first, last in names if not taken & set(range(first, last))]


def _inside(span: tuple[int, int], name: tuple[int, int]) -> bool:
    return name[0] <= span[0] and span[1] <= name[1] and span != name


def _learned(view: TokenView) -> set[tuple[str, ...]]:
    """Return the names (their lower-case words) introduced by a group noun in the doc."""
    heads, names = group_heads(), set()
    for j in range(1, len(view.text)):
        if not view.text[j][:1].isupper() or (j > 1 and view.text[j - 1][:1].isupper()):
            continue
        capitalised = _capitalised_end(view, j)
        end = _lower_end(view, j, capitalised)
        if end == capitalised:
            continue
        noun = j - 2 if view.text[j - 1] == "," else j - 1  # sa propre liste, | Brévin d'abord
        before = noun >= 0 and view.lower[noun] in heads and view.text[noun].islower()
        after = (
            end + 2 < len(view.text)
            and view.text[end] == ","
            and view.lower[end + 1] in _APPOSITION_ARTICLES
            and view.text[end + 2] in heads  # lower case: Côté français, le Comité … is no apposition
        )
        if before or after:
            names.add(tuple(view.lower[j:end]))
    return names


def _capitalised_end(view: TokenView, j: int) -> int:
    k = j
    while k < len(view.text) and k - j < _LONGEST and view.text[k][:1].isupper() and not view.is_punct[k]:
        k += 1
    return k


def _lower_end(view: TokenView, j: int, k: int) -> int:
    """Return where a name whose capitalised words end at k ends with its lower-case words
    (shape 1 or 2 of the module's docstring), or k when it has none."""
    n = len(view.text)
    if k >= n or not view.text[k].islower() or not view.text[k].rstrip("'’").isalpha():
        return k
    if view.lower[k] in _LINKS:
        bare = k + 1 < n and view.text[k + 1].isalpha() and view.pos[k + 1] not in _NOT_BARE
        end = k + 2 if bare else k
    elif view.lower[k] in _ELIDED_OF:  # Nantes d'abord; not Lyon d'Antoine Martin
        end = k + 2 if k + 1 < n and view.text[k + 1].isalpha() and view.text[k + 1].islower() else k
    elif view.pos[k] == "ADJ" and k == j + 1 and is_common_word(view.lower[j]) and not demonym(view.lower[k]):
        end = k + 1
    else:
        return k
    closed = end >= n or view.is_punct[end] or view.pos[end] in _ENDS or view.lower[end] in _RELATIVES
    return end if end > k and closed else k


def _occurrences(doc: Doc, names: set[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Return every place where one of the learned names stands, capitalised as learned."""
    if not names:
        return []
    view, found = token_view(doc), []
    lengths = {len(name) for name in names}
    for i in range(len(view.lower)):
        if not view.text[i][:1].isupper():
            continue
        for length in sorted(lengths, reverse=True):
            if tuple(view.lower[i : i + length]) in names:
                found.append((i, i + length))
                break
    return found


def proper_word(word: str) -> bool:
    """Tell whether a capitalised word is in no noun index of the model's lemmatizer
    (Nîmes, Quimper; not Organisation)."""
    return not is_common_noun(word.lower())


def phrase_name(name: str) -> bool:
    """Tell whether a name goes on in lower-case words that are no particle (Lyon en commun,
    Vallée vivante; not Banque de France): a phrase, not named after its first word."""
    words = [re.sub(r"^[dl]['’]", "", w) for w in name.split()[1:]]  # Conseil d'État: État
    return any(w[:1].islower() and w not in NAME_PARTICLES for w in words)
