"""Find the people the model left untagged: a given name before a surname.

The French model misses a person now and then where nothing around the name helps it, most
often a compound or rare given name (*Dimanche, Dominique-Jean Chertier, le médiateur …*).
A given name of ``first_names.tsv`` (each part of a compound one), capitalised, followed by
one or two capitalised words that are no French common word, no country and no capital, is a
person's name there. Not after a naming noun of a street, a building or a school (*la rue
Jean Jaurès*, *le lycée Victor Hugo*: a place or an organisation named after a person), and
never over a span another rule has taken.
"""

from __future__ import annotations

from spacy.tokens import Doc

from veille.analysis.entities.names import is_given_name
from veille.analysis.lang.fr import countries
from veille.analysis.lang.fr.nouns import is_common_word
from veille.analysis.syntax.view import token_view

_SURNAME_WORDS = 2  # Chertier; Le Goaziou is two tokens
_SAINTS = frozenset({"Saint", "Sainte", "St", "Ste"})
_PARTICLES = frozenset({"Le", "La", "De", "Du", "Van", "Von", "Di", "Da", "Mac", "Ben", "El", "Al"})


def untagged_people(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Return the token spans of people's names that no candidate covers (given name and
    surname), in order."""
    view = token_view(doc)
    found: list[tuple[int, int]] = []
    for i in range(len(doc) - 1):
        if i in taken or not _capitalised_word(view.text[i]) or (i > 0 and _glued_hyphen(doc, i - 1)):
            continue
        if i > 0 and view.text[i - 1][:1].islower() and view.pos[i - 1] == "NOUN":
            continue  # la rue Jean Jaurès, le lycée Victor Hugo: named after a person
        given = i + 1
        while given + 1 < len(doc) and _glued_hyphen(doc, given) and _capitalised_word(view.text[given + 1]):
            given += 2  # Dominique | - | Jean: the tokenizer cuts a rare compound
        if not _given_names([view.text[k] for k in range(i, given, 2)]):
            continue
        end = given
        while end < len(doc) and end - given < _SURNAME_WORDS and end not in taken:
            if not _surname(view.text[end]):
                break
            end += 1
        if end == given or view.text[end - 1] in _PARTICLES:
            continue
        if end < len(doc) and view.text[end][:1].isupper() and not view.is_punct[end]:
            continue  # a longer run of capitals: a title or a name the model chose not to tag
        found.append((i, end))
    return found


def _given_names(parts: list[str]) -> bool:
    """Tell whether the parts of a (compound) given name are given names: each of them, or in
    a compound with an epicene part that the table leaves out (Dominique-Jean, Jean-Claude),
    one of them; never a saint's name (Saint-Jean: a place or a feast)."""
    if any(part in _SAINTS for part in parts):
        return False
    known = [_given(part) for part in parts]
    return all(known) or (len(parts) > 1 and any(known))


def _capitalised_word(text: str) -> bool:
    """Tell whether a word is capitalised and not in capitals (a name's word, not an acronym)."""
    return text[:1].isupper() and not text.isupper() and text.isalpha()


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """Tell whether token i is a hyphen glued to the words on both sides (Dominique-Jean)."""
    view = token_view(doc)  # words and spaces off the view: no Token made
    if view.text[i] != "-":
        return False
    return i > 0 and not view.spaced[i - 1] and not view.spaced[i]


def _given(text: str) -> bool:
    """Tell whether a word is a capitalised given name, each part of a compound one."""
    parts = text.split("-")
    return (
        text[:1].isupper()
        and not text.isupper()
        and all(part[:1].isupper() and is_given_name(part) for part in parts)
        and countries.country_code(text) is None
        and not countries.is_capital(text)
    )


def _surname(text: str) -> bool:
    """Tell whether a word may be (a part of) a surname: capitalised, no common word, no
    country or capital."""
    if text in _PARTICLES:
        return True
    return (
        text[:1].isupper()
        and not text.isupper()
        and text.replace("-", "").isalpha()
        and not is_common_word(text.lower())
        and countries.country_code(text) is None
        and not countries.is_capital(text)
    )
