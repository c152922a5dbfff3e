"""Trim a span the model opened on lower-case words to the name it ends with, and vote its type.

The French model often tags a name together with the words before it: *groupe Veolia*, *en
Normandie*, *le média en ligne Vizio*, *l'avocat Paul Arnaud*. Dropping such a span loses a
name; keeping the model's label for the trimmed name is often wrong, because the label was
given to the whole phrase (*en Normandie* may come out MISC, *média en ligne Vizio* PER).
The trimmed name gets its own type, from the words the trim cut off and from the name:

1. a known first name opening a name of two or more capitalised words: a person
   (*l'ancien footballeur Marc Lavigne*);
2. a country or a capital the tables know: a place (*vers la Pologne*);
3. a category noun before it (``org_categories.tsv``): an organisation for an organisation
   noun (*le groupe*, *le média en ligne*), a place for a place noun (*la commune*, *le
   pays*);
4. a role noun before it (``roles.tsv``: *l'avocat*, *la chanteuse*): a person;
5. a locative preposition opening the span (*en*, *à*, *au*, *aux*): a place;
6. otherwise the model's label stays.
"""

from __future__ import annotations

import os
from functools import cache

from spacy.tokens import Doc

from veille.analysis.entities.referents import first_name_gender, load_referents
from veille.analysis.entities.roles import load_roles
from veille.analysis.lang.fr import countries, tables
from veille.analysis.lang.fr.words import ARTICLES, OF
from veille.normal import word_key

# Prepositions that put the noun after them in a place (en Normandie, à Lille, au Mali).
# 'dans' and 'vers' are left out: dans le groupe X, vers la fondation Y are as common.
_LOCATIVE = frozenset({"en", "à", "au", "aux"})
_REACH = 4  # the longest category or role phrase looked for before a name, in words


def first_capitalised(doc: Doc, start: int, end: int) -> int:
    """Return the index of the first capitalised word after a 'de', or -1."""
    for i in range(start + 1, end):
        if doc[i].text[:1].isupper() and doc[i - 1].lower_ in OF | ARTICLES:
            return i
    return -1


def site_split(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Find 'FIRM de TOWN' right after a site noun (l'usine | Valdor de Cholet, le site
    ArcelorMittal de Florange): the firm ends at the first index returned, the town starts
    at the second. The firm is all capitalised words; the town starts with a capital."""
    if os.environ.get("NOSITE"):
        return None
    if start == 0 or doc[start - 1].lower_ not in site_nouns() or not doc[start].text[:1].isupper():
        return None
    for i in range(start + 1, end - 1):
        if doc[i].lower_ in ("de", "d'", "du"):
            if doc[i + 1].text[:1].isupper() and all(t.text[:1].isupper() for t in doc[start:i]):
                return i, i + 1
            return None
    return None


@cache
def site_nouns() -> frozenset[str]:
    return frozenset(tables.read_json("entity_rules.json")["site_nouns"])


def proper_tail(doc: Doc, start: int, end: int) -> int:
    """Return the index where a run of capitalised words to the end of the span begins (le
    média en ligne | Vizio), or -1; a hyphen may join them."""
    if os.environ.get("NOTRIM"):
        return -1
    for i in range(start + 1, end):
        # Not the tagger's PROPN: it calls unknown names nouns (le média en ligne Orvalis).
        if doc[i].text[:1].isupper() and all(t.text[:1].isupper() or t.text == "-" for t in doc[i:end]):
            return i
    return -1


def trimmed_label(doc: Doc, start: int, name: int, end: int, label: str, glued: bool = True) -> str | None:
    """Vote the type of the name doc[name:end] that a trim cut from doc[start:end]; ``glued``
    when nothing stands between the words cut off and the name (le groupe | Veolia), not a
    de (le club de | Birmingham: the club is not Birmingham, so its noun tells nothing)."""
    new = _vote(doc, start, name, end, label, glued) if not os.environ.get("NOVOTE") else label
    import sys

    if os.environ.get("TRIMDBG"):
        print("TRIM", repr(doc[start:end].text), label, "->", repr(doc[name:end].text), new, file=sys.stderr)
    return new


def _vote(doc: Doc, start: int, name: int, end: int, label: str, glued: bool) -> str | None:
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
    labels = {span.label_ for span in doc.ents if span.text == text}
    return labels.pop() if len(labels) == 1 else None


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
