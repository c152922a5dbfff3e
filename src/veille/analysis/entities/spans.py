"""Shape a NER span into a name: where it must be cut, and the words that are never names.

Used by the entity stage (``find.py``). Each test stands for a class of errors of the French
model on news text (docs/entities.md, "Boundaries" and "Things that are not entities").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from veille.analysis.lang.fr import countries
from veille.analysis.lang.fr.words import ARTICLES, OF
from veille.normal import fold

# Prepositions that never sit inside a name of an organisation or a place as the model
# runs it on (Maison de la radio | dans la soirée); de, du, des and à do.
_BREAKS = frozenset(
    "dans pendant lors après avant avec pour par sur sous contre selon chez vers depuis malgré entre".split()
)
_ORDINAL = re.compile(r"^[IVXLC]+(?:e|er|ère|ème|es)$")  # XVIIIe, Ier: a century, a district
_PARTICIPLE = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues")


def cut_inside(doc: Doc, start: int, end: int, label: str, org_head: bool = False) -> int:
    """Return where a span must end: before a lower-case verb (Sécurité sociale | rembourse)
    or, in an organisation or place, before a preposition that no name holds. A name that
    opens with an organisation's head keeps 'pour' (Rassemblement pour la République)."""
    for i in range(start + 1, end):
        token = doc[i]
        if not token.text[:1].islower():
            continue
        if token.pos_ in ("VERB", "AUX") and not token.text.endswith(_PARTICIPLE):
            return i
        if label in ("ORG", "LOC") and token.lower_ in _BREAKS and not (org_head and token.lower_ == "pour"):
            return i
    return end


def not_a_name(doc: Doc, start: int, end: int) -> bool:
    """Tell whether a span is a capitalised common word, not a name: an ordinal numeral
    (XVIIIe), a heading in capitals with accents (AUSTÉRITÉ), or an adverb, adjective or
    participle opening a sentence or a clause (Normalement, Contactée, Intrigués, …)."""
    if end - start != 1:
        return False
    token = doc[start]
    text = token.text
    if _ORDINAL.match(text):
        return True
    if text.isupper() and len(text) > 3 and any(c not in "ABCDEFGHIJKLMNOPQRSTUVWXYZ-'" for c in text):
        return True  # acronyms are plain capitals; an accented capital word is a heading
    if _imperative(doc, start):
        return True  # Croyez-moi, Regardez-les: a verb with its pronoun, at any place
    opening = start == 0 or token.is_sent_start or doc[start - 1].is_punct or doc[start - 1].is_space
    if not opening or countries.demonym(text) is not None:
        return False
    if _mid_sentence(doc).get(text, 0) > (0 if token.is_sent_start else 1):
        return False  # capitalised again inside a sentence: a name (Macron … selon Macron)
    if token.pos_ in ("ADV", "VERB", "AUX") or (token.pos_ == "ADJ" and text.lower().endswith(_PARTICIPLE)):
        return True
    return text.lower().endswith("ment") and len(text) > 7  # Normalement, Finalement


def _mid_sentence(doc: Doc) -> dict[str, int]:
    """Count each word's tokens that do not open a sentence, once per parsed doc."""
    counts: dict[str, int] | None = doc.user_data.get(_MID_SENTENCE)
    if counts is None:
        counts = doc.user_data[_MID_SENTENCE] = {}
        for t in doc:
            if not t.is_sent_start:
                counts[t.text] = counts.get(t.text, 0) + 1
    return counts


_MID_SENTENCE = "veille.mid_sentence_words"
_IMPERATIVE_PRONOUNS = frozenset("moi toi nous vous le la les lui leur en y".split())


def _imperative(doc: Doc, i: int) -> bool:
    """Tell whether a word is glued by a hyphen to an object pronoun (Croyez-moi, Dites-le)."""
    if doc[i].whitespace_ or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1].text.lower()
    if nxt == "-" and i + 2 < len(doc) and not doc[i + 1].whitespace_:
        nxt = "-" + doc[i + 2].text.lower()
    return nxt.startswith("-") and nxt[1:] in _IMPERATIVE_PRONOUNS


def trailing_participle(token: Token) -> bool:
    """Tell whether a person's span ends with a participle or an adjective (Hollande insulté)."""
    return token.text[:1].islower() and token.pos_ in ("ADJ", "VERB")


def surname_particle(doc: Doc, start: int, end: int, label: str) -> bool:
    """Tell whether a person's span opens with the particle of a surname said alone
    (de Gaulle, d'Estaing): it is part of the name, not a preposition to trim."""
    return (
        label == "PER"
        and fold(doc[start].text) in OF
        and start + 1 < end
        and doc[start + 1].text[:1].isupper()
    )


def agency_credit(doc: Doc, start: int, end: int, agencies: frozenset[str]) -> int | None:
    """Return where the name after a news agency's credit starts (AFP | Claire Morel), or None."""
    if end - start >= 2 and doc[start].text in agencies and doc[start + 1].text[:1].isupper():
        return start + 1
    return None


def demonym_prefix(doc: Doc, start: int, end: int) -> bool:
    """Tell whether a span starts with a capitalised demonym glued to a name (Japonais Sony)."""
    if end - start < 2 or not doc[start].text[:1].isupper():
        return False
    demonym = countries.demonym(doc[start].text)
    return demonym is not None and not countries.country_code(doc[start:end].text)


def join_proper_nouns(doc: Doc, end: int) -> int:
    """Extend an organisation's span over the capitalised proper nouns right after it (the
    model cuts unknown company names: Nordhav | Energi), not over a country or a demonym."""
    while end < len(doc) and doc[end - 1].whitespace_ and not doc[end].ent_type_:
        token = doc[end]
        if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.text.isupper():
            break
        if countries.demonym(token.text) is not None or countries.country_code(token.text):
            break
        end += 1
    return end


def portfolio_head(doc: Doc, start: int, heads: frozenset[str]) -> tuple[int, bool] | None:
    """Return the index of 'ministre' or 'ministère' before a span that names its portfolio
    (ministère du | Travail), and whether the span is a later portfolio of a coordination
    (ministre de la Ville et du | Logement); None when no such head is there."""
    i = start - 1
    chained = False
    for _ in range(4):  # at most three coordinated portfolios before this one
        if i >= 0 and doc[i].lower_ in ARTICLES:
            i -= 1
        if i < 0 or doc[i].lower_ not in OF:
            return None
        i -= 1
        if i >= 0 and doc[i].lower_ in heads:
            return i, chained
        if i < 0 or doc[i].lower_ not in ("et", ","):
            return None
        # Walk back over the previous portfolio (la Ville, des Affaires étrangères).
        k = i - 1
        while k >= 0 and doc[k].pos_ != "DET" and (doc[k].text[:1].isupper() or doc[k].pos_ == "ADJ"):
            k -= 1
        if k == i - 1:
            return None
        i, chained = k, True
    return None


def name_after_portfolio(doc: Doc, start: int, end: int) -> int | None:
    """Return where a person's name starts inside a span that opens with a portfolio
    (Transports | Paul Garnier): the first proper noun after the portfolio's nouns, when the
    name runs to the end of the span; else None."""
    for k in range(start + 1, end):
        if doc[k].pos_ == "PROPN" and all(t.text[:1].isupper() or t.text == "-" for t in doc[k:end]):
            return k if doc[k - 1].pos_ in ("NOUN", "ADJ") else None
    return None


# Nouns of the courts and prosecution offices that French news names by their seat.
_COURTS = frozenset({"tribunal", "cour", "parquet", "chambre", "juridiction"})


def court_head(doc: Doc, start: int) -> int | None:
    """Return where a court's name starts before a place (tribunal administratif de |
    Rennes; cour d'appel de | Grenoble; parquet de | Saint-Étienne), or None."""
    i = start - 1
    if i >= 0 and doc[i].lower_ in ARTICLES and i > 0 and doc[i - 1].lower_ == "de":
        i -= 1  # de la Seine
    if i < 0 or doc[i].lower_ not in OF:
        return None
    i -= 1
    # At most three lower-case words between: administratif, judiciaire, d'appel, de grande instance.
    for _ in range(4):
        if i < 0:
            return None
        if fold(doc[i].text) in _COURTS:
            # A bare 'cour de' or 'chambre de' is a courtyard or a room (la cour de l'Élysée).
            return i if i + 2 < start or fold(doc[i].text) not in ("cour", "chambre") else None
        if not doc[i].text[:1].islower() or doc[i].is_punct or doc[i].pos_ in ("VERB", "AUX", "PRON"):
            return None
        i -= 1
    return None
