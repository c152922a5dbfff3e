"""Split a name from the institution or place the model glued after it with à.

The French model runs a name on over a locative complement that names another entity:
*le groupe Les Républicains au Sénat* (one ORG *Républicains au Sénat*), *le porte-parole,
joint à Milan*, *la délégation de Sorelia à l'Assemblée*. The complement is its own entity
when it is one by itself: an institution (its name opens with an organisation head:
*Sénat*, *Assemblée nationale*, *Parlement européen*) or a place the country table knows (a
country, a capital, a French region or département). A complement that is none of these
stays in the name it completes: *Haut-Commissariat au Plan*, *Commissariat à l'Énergie
atomique*, *Secrétariat d'État aux Anciens combattants*.
"""

from __future__ import annotations

from spacy.tokens import Doc

from veille.analysis.entities.names import initials, is_given_name
from veille.analysis.lang.fr import countries, tables
from veille.analysis.lang.fr.words import ARTICLES, TO
from veille.analysis.syntax.view import token_view
from veille.normal import word_key


def split_at(doc: Doc, start: int, end: int, org_heads: frozenset[str]) -> tuple[int, int, str] | None:
    """Return (end of the name, start of the complement, the complement's label) when a
    span holds 'à (la, l') + an institution or a known place' after its first word, else None."""
    for i in range(start + 1, end - 1):
        word = doc[i].lower_
        if word not in TO:
            continue
        k = i + 1
        if word == "à" and doc[k].lower_ in ARTICLES:
            k += 1  # à la, à l'
        if k >= end or not doc[k].text[:1].isupper():
            continue
        label = _entity_label(doc[k:end].text, doc[k].text, org_heads)
        if label is not None:
            return i, k, label
    return None


def _entity_label(tail: str, first: str, org_heads: frozenset[str]) -> str | None:
    """Return ORG or LOC when the complement names an entity by itself, else None."""
    if first in org_heads:
        return "ORG"  # au Sénat, à l'Assemblée nationale, au Parlement européen
    if countries.country_code(tail) or countries.is_capital(tail) or countries.french_division(tail):
        return "LOC"
    return None


def article_before(doc: Doc, start: int, end: int, article_names: frozenset[str]) -> int:
    """Return the start of a name that the model tagged without its own article
    (le groupe Les | Républicains: the article is part of Les Républicains). Only inside a
    sentence, where the capital says the article is the name's; a sentence's first word is
    capitalised anyway."""
    article = token_view(doc).tokens[start - 1] if start > 0 else None  # the view's Token: none made
    if (
        article is not None
        and article.lower_ in ARTICLES
        and article.text[:1].isupper()
        and not article.is_sent_start
    ):
        if word_key(doc[start - 1 : end].text) in article_names:
            return start - 1
    return start


def seat_after_name(doc: Doc, start: int, end: int, name_heads: frozenset[str]) -> tuple[int, int] | None:
    """Find 'head NAME de TOWN' in a span opened by a lower-case name head (le musée Vernadet
    | de Rochefort, le lycée Jean-Moulin | de Béziers): the establishment is named by its own
    name, and the town after a bare de says where it stands, a place of its own. Return where
    the name ends and the town starts, or None. A given name before de is a surname's
    particle (le musée Jean de La Fontaine). Only the heads that take a town after a bare
    de (``town_heads``): a university's town is part of its name (l'université Ouverte de
    Catalogne)."""
    view = token_view(doc)  # asked of every name: the words off the columns, no Token made
    if view.lower[start] not in name_heads or not view.span_text(start + 1, start + 2)[:1].isupper():
        return None
    if spelled_whole(doc, start, end):
        return None  # l'Institut Pasteur de Madagascar (IPM): the acronym holds the place
    for i in range(start + 2, end - 1):
        if doc[i].lower_ not in ("de", "d'") or is_given_name(doc[i - 1].text):
            continue  # Charles de | Gaulle: a particle inside the name
        named = all(t.text[:1].isupper() or t.lower_ in ("de", "d'") for t in doc[start + 1 : i])
        return (i, i + 1) if named and doc[i + 1].text[:1].isupper() else None
    return None


def spelled_whole(doc: Doc, start: int, end: int) -> bool:
    """Tell whether the acronym in brackets right after a name spells all of it, its place
    included (Institut Pasteur de Madagascar (IPM), Racing Club de Montreval (RCM)): the
    place is part of the name, not a seat said after it."""
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return False
    acronym = doc[end + 1].text
    return acronym.isupper() and len(acronym) >= 3 and initials(doc[start:end].text) == acronym


def division(doc: Doc, start: int, end: int) -> bool:
    """Tell whether a span is a sports division's name: a division word and its level
    (Fédérale 1, Nationale 2, Top 14, Pro D2; ``division_words``)."""
    text = token_view(doc).text  # asked of every name: no Token made
    return end - start == 2 and division_name(f"{text[start]} {text[end - 1]}")


def division_name(name: str) -> bool:
    """Tell whether a name is a sports division's: a division word, then its level (Ligue 2)."""
    words = tables.read_json("entity_rules.json")["division_words"]
    parts = name.split()
    return len(parts) == 2 and parts[0] in words and (parts[1].isdigit() or parts[1][:1] == "D")
