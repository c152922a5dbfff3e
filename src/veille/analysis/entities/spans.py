"""Shape a NER span into a name: where it must be cut, and the words that are never names.

Used by the entity stage (``find.py``). Each test stands for a class of errors of the French
model on news text (docs/entities.md, "Boundaries" and "Things that are not entities").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from veille.analysis.entities.names import is_given_name
from veille.analysis.entities.portfolio_spans import titled
from veille.analysis.entities.rolenouns import load_roles
from veille.analysis.lang.fr import countries
from veille.analysis.lang.fr.nouns import is_common_word
from veille.analysis.lang.fr.words import ARTICLES, OF
from veille.analysis.syntax.tense import feature
from veille.analysis.syntax.view import token_view
from veille.normal import fold, word_key

# Prepositions that never sit inside a name of an organisation or a place as the model
# runs it on (Maison de la radio | dans la soirée); de, du, des and à do.
_BREAKS = frozenset(
    "dans pendant lors après avant avec pour par sur sous contre selon chez vers depuis malgré entre".split()
)
_STOPS = frozenset({"!", "?", "«", "»", "“", "”"})  # no name holds them
# A capitalised article after a word that ends in a full stop opens a sentence: no name
# holds 'X. La' (a name's inner article follows a word, not a stop: Marine Le Pen).
# An indefinite article right after a capitalised word opens a new noun phrase: no name
# runs 'Justice un plan' (a name's own 'une' follows a preposition: Rassemblement pour une …).
_INDEFINITE = frozenset({"un", "une"})
_SENTENCE_OPENERS = frozenset({"La", "Le", "Les", "L'", "L’", "Un", "Une", "Des"})
_ORDINAL = re.compile(r"^[IVXLC]+(?:e|er|ère|ème|es)$")  # XVIIIe, Ier: a century, a district
_PARTICIPLE = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues")
# Endings of a participle or an adjective that agrees (feminine or plural), which no French
# surname said alone at a sentence's start has: Sollicitée, Arabisante, Interrogés.
_DETACHED = ("ée", "és", "ées", "ie", "ies", "ue", "ues", "ante", "antes", "ive", "ives", "euse", "euses")


def cut_inside(doc: Doc, start: int, end: int, label: str, org_head: bool = False) -> int:
    """Return where a span must end: before an exclamation mark or a quotation mark, before a
    lower-case verb (Sécurité sociale | rembourse) or, in an organisation or place, before a
    preposition that no name holds. A name that opens with an organisation's head keeps
    'pour' (Rassemblement pour la République)."""
    for i in range(start + 1, end):
        token = doc[i]
        if token.text in _STOPS:
            return i  # a span run over an exclamation or a quotation mark (Escroc ! » « Fumier)
        if token.text in _SENTENCE_OPENERS and _full_stop(doc, start, i - 1):
            return i  # a span run over a full stop the tokenizer kept (la Brav-M. | La Macronie)
        if not token.text[:1].islower():
            continue
        if token.pos_ in ("VERB", "AUX") and not token.text.endswith(_PARTICIPLE):
            return i
        if token.lower_ in _INDEFINITE and doc[i - 1].text[:1].isupper() and doc[i - 1].pos_ != "ADP":
            return i  # the object after a name (demande au ministère de la Justice | un plan)
        if label in ("ORG", "LOC") and token.lower_ in _BREAKS and not (org_head and token.lower_ == "pour"):
            if not _noun_complement(doc, i):
                return i
    return end


def _full_stop(doc: Doc, start: int, i: int) -> bool:
    """Tell whether token i ends in a full stop that ends a sentence, not an initial standing
    alone (J. | Le Goff, M. | Le Pen): a word glued to what comes before it (Brav-M.) or longer."""
    tokens = token_view(doc).tokens  # the view's Tokens: none made per read
    text = tokens[i].text
    if not text.endswith(".") or not tokens[i].whitespace_:
        return False
    alone = i == start or bool(tokens[i - 1].whitespace_)
    return not (alone and len(text) <= 3)


def _noun_complement(doc: Doc, i: int) -> bool:
    """Tell whether a preposition opens the complement of the lower-case noun just before it,
    inside a name (Office central de lutte | contre la corruption, Comité de soutien | aux
    otages): the parse hangs the complement on that noun, not on the name's head or a verb."""
    tokens = token_view(doc).tokens  # the view's Tokens: none made per read
    before = tokens[i - 1]
    return before.pos_ == "NOUN" and before.text.islower() and tokens[i].head.head.i == before.i


def not_a_name(doc: Doc, start: int, end: int) -> bool:
    """Tell whether a span is a capitalised common word, not a name: an ordinal numeral
    (XVIIIe), a heading in capitals with accents (AUSTÉRITÉ), or an adverb, adjective or
    participle opening a sentence or a clause (Normalement, Contactée, Intrigués, …).
    A headline's kicker (Budget : …) is told by ``kicker.is_kicker``."""
    tokens = token_view(doc).tokens  # the view's Tokens: none made per read
    if end - start != 1:
        return False
    token = tokens[start]
    text = token.text
    if _ORDINAL.match(text):
        return True
    if text.isupper() and len(text) > 3 and any(c not in "ABCDEFGHIJKLMNOPQRSTUVWXYZ-'" for c in text):
        return True  # acronyms are plain capitals; an accented capital word is a heading
    if _imperative(doc, start):
        return True  # Croyez-moi, Regardez-les: a verb with its pronoun, at any place
    opening = start == 0 or token.is_sent_start or tokens[start - 1].is_punct or tokens[start - 1].is_space
    if not opening or countries.demonym(text) is not None:
        return False
    if _mid_sentence(doc).get(text, 0) > (0 if token.is_sent_start else 1):
        return False  # capitalised again inside a sentence: a name (Macron … selon Macron)
    if token.pos_ in ("ADV", "VERB", "AUX") or (token.pos_ == "ADJ" and text.lower().endswith(_PARTICIPLE)):
        return True
    if _detached(doc, start):
        return True
    if token.pos_ == "NOUN" and start > 0 and tokens[start - 1].text in ("«", "“", '"'):
        return True  # a common noun opening a quotation (« Marges de manœuvre… », « Connard ! »)
    return _common_word(doc, start) or (text.lower().endswith("ment") and len(text) > 7)  # Finalement


def _detached(doc: Doc, i: int) -> bool:
    """Tell whether a capitalised word opening a sentence is a detached participle or
    adjective set before its clause's subject (*Sollicitée, l'agence a répondu*;
    *Arabisante, elle a servi à Damas*): tagged a person, an agreeing ending, a comma after
    it, and no given name (*Renée*, *Dorothée*). Places and firms keep their tag (*Italie*,
    *Engie* end so too)."""
    text = doc[i].text
    return (
        i + 1 < len(doc)
        and doc[i].ent_type_ == "PER"
        and doc[i + 1].text == ","
        and text.lower().endswith(_DETACHED)
        and not is_given_name(text)
    )


def _common_word(doc: Doc, i: int) -> bool:
    """Tell whether a capitalised word opening a sentence, a heading or a quotation is a
    French common word, by the model's lemma tables (``nouns.is_common_word``): a noun or an
    adjective the model tagged so (*Montant estimé du préjudice*, *Municipales à Vierzon : …*,
    *Intrigués par …*), or a word alone in quotation marks before *!* or *?* whatever its tag
    (*« Fumier ! »*), or tagged a proper noun but followed by a lower-case complement or
    modifier (*Montant des subventions*). A given name (*Pierre*, *Rose*), a country or a
    capital (*Paris*, a bet's plural too) and the bare subject of a verb (*Orange a annoncé*)
    stay names."""
    token = doc[i]
    text, lower = token.text, token.text.lower()
    if (
        not is_common_word(lower)
        or is_given_name(text)
        or countries.country_code(text)
        or countries.is_capital(text)
    ):
        return False
    # A French common noun needs a determiner to be a subject: a bare one that is the
    # subject of a verb is a name (Orange a annoncé, Renaissance a voté).
    if token.dep_.startswith("nsubj") and _finite(token.head):
        return False
    if token.pos_ in ("NOUN", "ADJ"):
        return True
    # Tagged a proper noun, it is still a common word when a lower-case complement or
    # modifier follows it (Montant des subventions, Bilan provisoire), as no name is.
    following = doc[i + 1] if i + 1 < len(doc) else None
    if (
        token.pos_ == "PROPN"
        and following is not None
        and following.text[:1].islower()
        and following.is_alpha
    ):
        return following.pos_ in ("ADP", "ADJ", "DET") or following.lower_ in OF
    quoted = i > 0 and doc[i - 1].text in ("«", "“", '"')
    return quoted and i + 1 < len(doc) and doc[i + 1].text in ("!", "?", "»", "”", '"')


def _finite(verb: Token) -> bool:
    """Tell whether a verb is finite or has an auxiliary (a annoncé): a participle alone
    (Montant estimé de la fraude) makes no clause, and its 'subject' none."""
    return "Fin" in feature(verb, "VerbForm") or any(c.dep_.startswith("aux") for c in verb.children)


def _mid_sentence(doc: Doc) -> dict[str, int]:
    """Count each word's tokens that do not open a sentence, once per parsed doc."""
    counts: dict[str, int] | None = doc.user_data.get(_MID_SENTENCE)
    if counts is None:
        counts = doc.user_data[_MID_SENTENCE] = {}
        view = token_view(doc)  # the words and sentence starts off the columns: no Token made
        for text, opens in zip(view.text, view.sent_start, strict=True):
            if not opens:
                counts[text] = counts.get(text, 0) + 1
    return counts


_MID_SENTENCE = "veille.mid_sentence_words"
_IMPERATIVE_PRONOUNS = frozenset("moi toi nous vous le la les lui leur en y".split())


def _imperative(doc: Doc, i: int) -> bool:
    """Tell whether a word is glued by a hyphen to an object pronoun (Croyez-moi, Dites-le)."""
    tokens = token_view(doc).tokens  # the view's Tokens: none made per read
    head, _, tail = tokens[i].text.partition("-")
    if tail.lower() in _IMPERATIVE_PRONOUNS and head[1:].islower():
        return True  # one token: Casse-toi, Dis-moi
    if tokens[i].whitespace_ or i + 1 >= len(doc):
        return False
    nxt = tokens[i + 1].text.lower()
    if nxt == "-" and i + 2 < len(doc) and not tokens[i + 1].whitespace_:
        nxt = "-" + tokens[i + 2].text.lower()
    return nxt.startswith("-") and nxt[1:] in _IMPERATIVE_PRONOUNS


def trailing_participle(token: Token) -> bool:
    """Tell whether a person's span ends with a participle or an adjective (Hollande insulté)."""
    if not token.text[:1].islower():
        return False
    # The model tags some participles PROPN inside a name (Hollande insulté).
    return token.pos_ in ("ADJ", "VERB") or (
        token.text.endswith(("é", "ée", "és", "ées")) and "-" not in token.text
    )


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


def _capitalised(doc: Doc, start: int, end: int) -> bool:
    """Tell whether every word from ``start`` to ``end`` is capitalised (hyphens allowed):
    the run of a name that ends a span."""
    return all(t.text[:1].isupper() or t.text == "-" for t in doc[start:end])


def name_after_portfolio(doc: Doc, start: int, end: int) -> int | None:
    """Return where a person's name starts inside a span that opens with a portfolio
    (Transports | Paul Garnier): the first proper noun after the portfolio's nouns, when the
    name runs to the end of the span; else None."""
    for k in range(start + 1, end):
        if doc[k].pos_ == "PROPN" and _capitalised(doc, k, end):
            return k if doc[k - 1].pos_ in ("NOUN", "ADJ") else None
    return None


# Nouns of the courts and prosecution offices that French news names by their seat.
_COURTS = frozenset({"tribunal", "cour", "parquet", "chambre", "juridiction"})
_ORDINAL_WORD = re.compile(r"^(?:[a-z]+-)*[a-z]+ieme$|^\d+e$|^premiere$")


def court_head(doc: Doc, start: int) -> int | None:
    """Return where a court's name starts before a place (tribunal administratif de |
    Rennes; cour d'appel de | Grenoble; parquet de | Saint-Étienne), or None."""
    view = token_view(doc)  # the words off the view: no Token made for them
    i = start - 1
    if i >= 0 and view.lower[i] in ARTICLES and i > 0 and view.lower[i - 1] == "de":
        i -= 1  # de la Seine
    if i < 0 or view.lower[i] not in OF:
        return None
    i -= 1
    # At most three lower-case words between: administratif, judiciaire, d'appel, de grande instance.
    for _ in range(4):
        if i < 0:
            return None
        if fold(view.text[i]) in _COURTS:
            # A bare 'cour de' or 'chambre de' is a courtyard or a room (la cour de l'Élysée).
            if i + 2 >= start and fold(view.text[i]) in ("cour", "chambre"):
                return None
            # A numbered chamber keeps its number (la dix-septième chambre correctionnelle).
            return i - 1 if i > 0 and _ORDINAL_WORD.match(fold(view.text[i - 1])) else i
        if not view.text[i][:1].islower() or view.is_punct[i] or view.pos[i] in ("VERB", "AUX", "PRON"):
            return None
        i -= 1
    return None


def role_tail(doc: Doc, start: int, end: int) -> int | None:
    """Return where a span must start when it opens inside a title that began before it
    (la procureure de la | République de Lorient → Lorient; le président de la |
    République): after the title and its 'de'; ``end`` when nothing of a name is left;
    None when the span does not open inside a title."""
    lexicon = load_roles()
    for k in range(start - 1, max(start - 4, -1), -1):
        role = lexicon.match(doc, k, plural=True)
        # A periphrasis by a seat of power keeps the seat's name (locataire de l'Élysée).
        if role is None or k + len(role.words) <= start or role.country is not None:
            continue
        j = k + len(role.words)
        if j < end and doc[j].lower_ in OF:
            j += 1
            if j < end and doc[j].lower_ in ARTICLES:
                j += 1
        return j if j < end and doc[j].text[:1].isupper() else end
    return None


def split_of_country(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Find 'HEAD de (la) COUNTRY' where HEAD is an acronym or a name used alone elsewhere, or
    'ACRONYM de DIVISION' (a French région or département)."""

    for i in range(start + 1, min(end - 1, start + 3)):
        if doc[i].lower_ not in OF:
            continue
        tail = i + 1
        if tail < end and doc[tail].lower_ in ARTICLES:
            tail += 1
        tail_text, head = doc[tail:end].text, doc[start:i].text
        # After a title, a party's label glued to the constituency (le sénateur LR du Var).
        label = head.isupper() and titled(doc, start) and tail_text[:1].isupper()
        place = countries.country_code(tail_text) or countries.capital_country(tail_text)
        # An acronym's departmental branch (la FDSEA des Deux-Sèvres, le SDIS de l'Hérault): the
        # organisation and the division INSEE's COG names.
        if not place and head.isupper():
            place = countries.french_division(tail_text)
        if tail >= end or not (label or place):
            return None
        if not head[:1].isupper():
            return None
        if head.isupper() or token_view(doc).doc_text.count(head) > 1:
            return i, tail
        return None
    return None


def untagged_courts(doc: Doc, taken: set[int]) -> list[tuple[int, int, int]]:
    """Return the courts named by a seat the model left untagged (la cour d'appel de Douai:
    it tags nothing there) as (court start, seat start, end) token indexes; ``taken`` holds
    the tokens of the names already found."""
    found = []
    view = token_view(doc)
    for i, (text, pos) in enumerate(zip(view.text, view.pos, strict=True)):
        if i in taken or not text[:1].isupper() or pos != "PROPN" or i == 0:
            continue
        court = court_head(doc, i)
        if court is None or any(k in taken for k in range(court, i)):
            continue
        end = i + 1
        while end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].text[:1].isupper():
            end += 2  # Boulogne-sur-Mer, Saint-Étienne
        if not any(k in taken for k in range(i, end)):
            found.append((court, i, end))
    return found


def name_after_title(doc: Doc, start: int, end: int, title_end: int) -> int | None:
    """Return where a person's name starts inside a span that opens with a title
    (Premier ministre | Lars Berglund; ministre de la Culture | Rachida Dati), or None.

    The model often tags a title and the name after it as one MISC or ORG span. The name is
    the run of capitalised proper nouns that ends the span: directly after the title words
    (and a demonym or adjective), or after a complement when it opens on a known first name
    (secrétaire général de l'ONU | Antonio Guterres), so that an organisation in the
    complement is never taken for the person's first name.
    """
    from veille.analysis.entities.referents import load_referents  # referents imports clusters

    first_names = load_referents().first_names
    adjacent = title_end
    while adjacent < end and doc[adjacent].text[:1].islower() and doc[adjacent].pos_ == "ADJ":
        adjacent += 1  # ministre | délégué, président | kényan
    for k in range(title_end, end):
        token = doc[k]
        if token.pos_ != "PROPN" or not _capitalised(doc, k, end):
            continue
        if k == adjacent and end - k >= 2 and not token.text.isupper():
            return k
        if word_key(token.text) in first_names and not token.text.isupper() and end - k >= 2:
            return k
    return None


def person_after_complement(doc: Doc, start: int, end: int) -> int | None:
    """Return where a person's name starts inside a span that glues an organisation, the
    complement of a title, to the name after it (le secrétaire général de l'|Otan Mark
    Rutte; la présidente de la |FNSEA Claire Morin), or None.

    Only inside a title's complement, and only at a known first name followed by capitalised
    words to the end of the span: an organisation named after a person (la Fondation Jean
    Jaurès, le lycée Victor Hugo) has no title before it and keeps its name. A span that
    opens on a first name is one person's names (l'avocate de Marie Anne Lefort), never cut.
    """
    from veille.analysis.entities.referents import load_referents  # referents imports clusters

    if not _in_title_complement(doc, start):
        return None
    first_names = load_referents().first_names
    if word_key(doc[start].text) in first_names:
        return None
    for k in range(start + 1, end - 1):
        token = doc[k]
        if (
            token.pos_ == "PROPN"
            and not token.text.isupper()
            and word_key(token.text) in first_names
            and doc[k - 1].text[:1].isupper()
            and _capitalised(doc, k, end)
        ):
            return k
    return None


def _in_title_complement(doc: Doc, start: int) -> bool:
    """Tell whether the span at ``start`` is the de-complement of a role noun (le président
    de la | X, la directrice du | X, le secrétaire général de l' | X)."""
    tokens = token_view(doc).tokens  # the view's Tokens: none made per read
    i = start - 1
    if i >= 0 and tokens[i].lower_ in ARTICLES:
        i -= 1
    if i < 0 or tokens[i].lower_ not in OF:
        return False
    roles = load_roles()
    for j in range(i - 1, max(-1, i - 4), -1):
        token = tokens[j]
        if token.is_punct or token.pos_ in ("VERB", "AUX"):
            return False
        if roles.match(doc, j) is not None:
            return True
    return False
