"""Cut a span the model took too wide, and vote the type of the name left.

The French model often tags a name together with the words before it: *groupe Veolia*, *en
Normandie*, *le média en ligne Vizio*, *l'ancien footballeur Kerbrat*. Dropping such a span
loses a name; keeping the model's label for the trimmed name is often wrong, because the
label was given to the whole phrase (*média en ligne Vizio* may come out LOC or PER). The
trimmed name gets its own type, from the words the trim cut off and from the name
(``trimmed_label``), in this order:

1. a known first name opening a name of two or more words: a person (*le chanteur Paul
   Arnaud*);
2. a country or a capital the tables know: a place (*le voisin Pologne*);
3. a category noun of ``org_categories.tsv`` ending right before the name, perhaps before
   the model's span: an organisation for an organisation noun (*le groupe*, *le média en
   ligne*), a place for a place noun (*le village de*, *l'archipel des*); after *de* only a
   place noun counts (*le club de | Birmingham*: the club is not Birmingham);
4. the label the model gave the same name where it tagged it alone;
5. a role noun of ``roles.tsv`` right before the name: a person (*l'ancien footballeur*);
6. a locative preposition opening the span (*en*, *à*, *au*, *aux*): a place;
7. otherwise a glued name is dropped, as before the trim existed (*la tempête Zélie*,
   *l'opération Harmattan*: events and products, no entities); after *de* the model's label
   stays.

The module also splits a firm from its town after a site noun (*l'usine Brenmar | de
Vitré*) and takes in a name cut at an inner apostrophe or a month used as a surname.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from veille.analysis.entities.referents import first_name_gender, load_referents
from veille.analysis.entities.rolenouns import load_roles
from veille.analysis.lang.fr import countries, tables
from veille.analysis.lang.fr.words import ARTICLES, OF, TO
from veille.analysis.syntax.view import token_view
from veille.normal import word_key

# Prepositions that put the noun after them in a place (en Normandie, à Lille, au Mali).
# 'dans' and 'vers' are left out: dans le groupe X, vers la fondation Y are as common.
_LOCATIVE = TO | {"en"}
_REACH = 4  # the longest category or role phrase looked for before a name, in words


def first_capitalised(doc: Doc, start: int, end: int) -> int:
    """Return the index of the first capitalised word after a 'de', or -1."""
    for i in range(start + 1, end):
        if doc[i].text[:1].isupper() and doc[i - 1].lower_ in OF | ARTICLES:
            return i
    return -1


def glued_word(doc: Doc, i: int) -> bool:
    """Tell whether token i is a word glued to the apostrophe before it (Guivarc'h, O'Neill,
    Moody's): the rest of the same name, which the tokenizer cut there; not after an elided
    article or preposition (l', d')."""
    if i == 0 or doc[i - 1].whitespace_ or not doc[i].text.isalpha():
        return False
    before = doc[i - 1].text
    return before[:1].isupper() or len(before) > 2


def apostrophe_head(doc: Doc, start: int) -> int:
    """Return where a name starts when the model left out a capital and apostrophe glued
    before it (N' | Djamena, O' | Brien): that token; not L', D' (an elided article or de)."""
    tokens = token_view(doc).tokens  # the view's Tokens: none made per read
    before = tokens[start - 1] if start > 0 else None
    if before is None or before.whitespace_ or not tokens[start].text[:1].isupper():
        return start
    text = before.text.replace("’", "'")
    glued = len(text) == 2 and text[1] == "'" and text[0].isupper() and text[0] not in "LD"
    return start - 1 if glued else start


def month_as_surname(token: Token) -> bool:
    """Tell whether a capitalised month or weekday after a capitalised word, inside a
    sentence, is a surname (Hervé Janvier, Paul Avril): French writes months in lower case."""
    i = token.i
    after_name = i > 0 and token.doc[i - 1].text[:1].isupper()
    return token.text[:1].isupper() and not token.is_sent_start and after_name


def site_split(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Find 'FIRM de TOWN' right after a site noun (l'usine | Valdor de Cholet, le site
    ArcelorMittal de Florange): the firm ends at the first index returned, the town starts
    at the second. The firm is all capitalised words; the town starts with a capital."""
    tokens = token_view(doc).tokens  # the view's Tokens: none made per read
    if start == 0 or tokens[start - 1].lower_ not in site_nouns() or not tokens[start].text[:1].isupper():
        return None
    for i in range(start + 1, end - 1):
        if tokens[i].lower_ in OF - {"des"}:
            if tokens[i + 1].text[:1].isupper() and all(t.text[:1].isupper() for t in tokens[start:i]):
                return i, i + 1
            return None
    return None


@cache
def site_nouns() -> frozenset[str]:
    return frozenset(tables.read_json("entity_rules.json")["site_nouns"])


def proper_tail(doc: Doc, start: int, end: int) -> int:
    """Return the index where a run of capitalised words to the end of the span begins (le
    média en ligne | Vizio), or -1; a hyphen may join them."""
    for i in range(start + 1, end):
        # Not the tagger's PROPN: it calls unknown names nouns (le média en ligne Orvalis).
        if doc[i].text[:1].isupper() and all(t.text[:1].isupper() or t.text == "-" for t in doc[i:end]):
            return i
    return -1


def trimmed_label(doc: Doc, start: int, name: int, end: int, label: str, glued: bool = True) -> str | None:
    """Vote the type of the name doc[name:end] that a trim cut from doc[start:end]; ``glued``
    when nothing stands between the words cut off and the name (le groupe | Veolia), not a
    de (le club de | Birmingham: the club is not Birmingham, so its noun tells nothing).
    Return None when nothing tells the type of a glued name (la tempête Zélie)."""
    text = doc[name:end].text
    if end - name >= 2 and first_name_gender(text, load_referents()) is not None:
        return "PER"
    if countries.country_code(text) is not None or countries.is_capital(text):
        return "LOC"
    noun = category_before(doc, name)
    if noun == "LOC" or (noun is not None and glued):
        return noun
    alone = _label_alone(doc, text)
    if alone is not None:
        return alone
    if glued and _role_before(doc, name):
        return "PER"
    if doc[start].lower_ in _LOCATIVE:
        return "LOC"
    # Glued to words that tell nothing (la tempête Ciaran, l'opération Barkhane), the name is
    # most often an event's or a product's, which are no entities: it is dropped as before.
    return None if glued else label


def _label_alone(doc: Doc, text: str) -> str | None:
    """Return the label the model gave the same name where it tagged it alone, if one."""
    labels = token_view(doc).entity_labels.get(text, frozenset())
    return next(iter(labels)) if len(labels) == 1 else None


def _role_before(doc: Doc, name: int) -> bool:
    """Tell whether a role noun of ``roles.tsv`` ends right before the name (l'avocat | X)."""
    roles = load_roles()
    for i in range(max(0, name - _REACH), name):
        role = roles.match(doc, i) if roles.starts(doc[i]) else None
        if role is not None and i + len(role.words) == name:
            return True
    return False


def category_before(doc: Doc, name: int) -> str | None:
    """Return ORG or LOC when an organisation or place noun of ``org_categories.tsv`` ends
    right before the name, perhaps with de and an article between (le média en ligne | Vizio,
    la commune de | Saint-Brévin), else None; the noun may begin before the model's span."""
    referents = load_referents()
    stop = name
    while stop > 0 and doc[stop - 1].lower_ in OF | ARTICLES:
        stop -= 1
    for i in range(max(0, stop - _REACH), stop):
        for category in referents.by_first.get(word_key(doc[i].text), ()):
            n = len(category.words)
            if i + n == stop and all(word_key(doc[i + k].text) == w for k, w in enumerate(category.words)):
                return "LOC" if category.accepts <= {"place", "country"} else "ORG"
    return None


def seat_or_division(doc: Doc, start: int, end: int, seats: frozenset[str]) -> int | None:
    """Return where the place starts in a span opened by a seat or a division noun, or None.

    A préfecture named by its town with a bare *de* (*la préfecture d'Angers*) is the town.
    A French département after its category noun is the place alone: INSEE's official
    geographic code (Code officiel géographique, Licence Ouverte) names them *Nord*, *Manche*,
    never *département du Nord* (``division_heads``; the names in ``french_divisions.tsv``).
    A préfecture of a département (*la préfecture d'Ille-et-Vilaine*) is the State's office:
    it stays. (*la région Bretagne* was tried and dropped: it cost an entity on a blind set.)
    """
    first = doc[start].lower_
    if first in seats and start + 2 < end and doc[start + 1].lower_ in ("de", "d'"):
        # la préfecture d'Ille-et-Vilaine (a département) is the office, an organisation
        department = countries.french_division(doc[start + 2 : end].text) is not None
        return start + 2 if doc[start + 2].text[:1].isupper() and not department else None
    heads = tables.read_json("entity_rules.json")["division_heads"]
    if first not in heads:
        return None
    k = start + 1
    while k < end and heads[first] and doc[k].lower_ in OF | ARTICLES:
        k += 1
    joined = k > start + 1 or not heads[first]
    # Only a division INSEE lists: le département du Commerce (Washington's) is a ministry.
    return k if k < end and joined and countries.french_division(doc[k:end].text) else None
