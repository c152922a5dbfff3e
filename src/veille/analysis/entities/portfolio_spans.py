"""Read a minister's portfolio as part of the title: where *ministre* or *ministère* stands
before a capitalised remit (le ministre de la Justice, le ministère du Travail), past modifiers
(le ministre fédéral de l'Immigration), compound titles (vice-ministre), secrétaire d'État à,
and lists of remits (de l'Asile et la Migration).

Used by the entity stage (``find.py``) and by ``spans.py`` (``titled``); docs/entities.md,
"Boundaries".
"""

from __future__ import annotations

from spacy.tokens import Doc

from veille.analysis.entities.rolenouns import load_roles
from veille.analysis.lang.fr import countries
from veille.analysis.lang.fr.nouns import is_common_word
from veille.analysis.lang.fr.words import ARTICLES, OF, TO
from veille.analysis.syntax.view import TokenView, token_view
from veille.normal import fold


def portfolio_head(doc: Doc, start: int, heads: frozenset[str]) -> tuple[int, bool] | None:
    """Return the index of 'ministre' or 'ministère' before a span that names its portfolio
    (ministère du | Travail), and whether the span is a later portfolio of a coordination
    (ministre de la Ville et du | Logement); None when no such head is there.

    Up to two lower-case modifiers may stand between the head and its portfolio (le ministre
    suédois des, le ministre fédéral de, la ministre déléguée de); a compound title ends on
    its head (le vice-ministre de); a secrétaire d'État takes hers with à as with de (à
    l'Asile); and a later portfolio of the list may drop its preposition (à l'Asile et la |
    Migration) when it is a common noun."""
    view = token_view(doc)  # the words off the view: no Token made for them
    i = start - 1
    chained = bare = False
    for _ in range(4):  # at most three coordinated portfolios before this one
        article = i >= 0 and view.lower[i] in ARTICLES
        if article:
            i -= 1
        if article and i >= 0 and view.lower[i] in ("et", ","):
            i += 1  # et la | Migration: the list's preposition is the first portfolio's
            bare = bare or i == start - 1
        elif i < 0 or not (view.lower[i] in OF or (view.lower[i] in TO and _secretary_of_state(view, i))):
            return None
        elif view.lower[i] in TO and not _common_noun(view, start):
            return None  # le secrétaire d'État à | Washington: a place, not a remit
        i -= 1
        skipped = i
        for _m in range(2):  # le ministre suédois des, le ministre fédéral de
            if i >= 1 and _is_modifier(view, i) and not _is_head(view, i, heads):
                i -= 1
        # After a modifier only a person's title takes a portfolio: le Ministère public de la
        # Confédération is the prosecution, not a ministry (the demonym rule kept as it was).
        person_title = (
            i == skipped or countries.demonym(view.text[skipped]) is not None or _titles_a_person(doc, i)
        )
        if (
            i >= 0
            and _is_head(view, i, heads)
            and person_title
            and (not view.lower[i].startswith("charg") or titled(doc, i))
        ):
            return i, chained
        if i < 0 or view.lower[i] not in ("et", ","):
            return None
        # Walk back over the previous portfolio (la Ville, des Affaires étrangères).
        k = i - 1
        while k >= 0 and view.pos[k] != "DET" and (view.text[k][:1].isupper() or view.pos[k] == "ADJ"):
            k -= 1
        if k == i - 1 or countries.country_code(view.text[start]) is not None:
            return None  # a country is no portfolio (le ministre de l'Intérieur et la | France)
        if bare and not _common_noun(view, start):
            return None  # without its preposition, a later part is a portfolio only when a common noun
        i, chained = k, True
    return None


def _titles_a_person(doc: Doc, i: int) -> bool:
    """Tell whether token i ends a person's title: a role noun of roles.tsv (ministre,
    vice-ministre) or secrétaire d'État."""
    return load_roles().match(doc, i) is not None or _secretary_of_state(token_view(doc), i + 1)


def _common_noun(view: TokenView, i: int) -> bool:
    """Tell whether token i is a French common word and no country (Migration, Asile; not
    Washington, France): what a remit without de is."""
    return is_common_word(view.lower[i]) and countries.country_code(view.text[i]) is None


def _is_modifier(view: TokenView, i: int) -> bool:
    """Tell whether token i is a lower-case adjective, participle or demonym after a title
    (fédéral, déléguée, suédois)."""
    text = view.text[i]
    return text.islower() and (view.pos[i] in ("ADJ", "VERB") or countries.demonym(text) is not None)


def _is_head(view: TokenView, i: int, heads: frozenset[str]) -> bool:
    """Tell whether token i ends a title that takes a portfolio: a head of ``heads``, a
    compound ending on one (vice-ministre), or secrétaire d'État."""
    word = view.lower[i]
    return word in heads or word.rsplit("-", 1)[-1] in heads or _secretary_of_state(view, i + 1)


def _secretary_of_state(view: TokenView, i: int) -> bool:
    """Tell whether the title secrétaire d'État (or its plural) ends right before token i,
    past up to two modifiers (la secrétaire d'État belge à)."""
    k = i - 1
    for _m in range(2):
        if k >= 3 and _is_modifier(view, k):
            k -= 1
    return (
        k >= 2
        and fold(view.lower[k]) == "etat"
        and view.lower[k - 1] in ("d'", "d’")
        and view.lower[k - 2].startswith("secr")
    )


def titled(doc: Doc, i: int) -> bool:
    """Tell whether a role noun comes right before token i (le secrétaire d'État | chargé
    du Numérique; la ministre déléguée | chargée de la Mer)."""
    lexicon = load_roles()
    return any(lexicon.match(doc, k) is not None for k in range(max(i - 4, 0), i))
