"""Extend a name over the words the French model leaves out of it.

The model stops a French name at its first lower-case word: an organisation's adjectives
and complements (*Conseil | constitutionnel*, *Office fédéral | de la sécurité alimentaire*)
and the category noun that opens a place's or an establishment's name (*plage | du Truquet*,
*centre hospitalier | de Vierzon*, *lagune | de Carrizal*). These functions take them in;
``find.fix_entity`` calls them as its rules 3b and 8.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from veille.analysis.entities.acronyms import acronym_forms
from veille.analysis.entities.locative import spelled_whole
from veille.analysis.lang.fr import countries, tables
from veille.analysis.lang.fr.nouns import is_common_noun
from veille.analysis.lang.fr.words import ARTICLES, OF
from veille.analysis.syntax.view import doc_text, token_view


@dataclass(frozen=True)
class CategoryHead:
    """A category noun phrase that opens a name (category_heads.tsv)."""

    words: tuple[str, ...]  # lower case, or an acronym as written (CHU)
    label: str  # ORG or LOC
    kind: str  # feature, health, police


_ELISION = re.compile(r"\b([dl]['’])")


@cache
def category_heads() -> dict[str, tuple[CategoryHead, ...]]:
    """Return the heads of ``category_heads.tsv`` by their last word, longest first."""
    by_last: dict[str, list[CategoryHead]] = {}
    for record in tables.read_records("category_heads.tsv"):
        # The tokenizer cuts an elision off its word (maison d' | arrêt): so are the heads.
        words = _ELISION.sub(r"\1 ", record["head"]).split()
        head = CategoryHead(tuple(words), record["type"], record["class"])
        by_last.setdefault(head.words[-1], []).append(head)
    return {last: tuple(sorted(heads, key=lambda h: -len(h.words))) for last, heads in by_last.items()}


def _word(doc: Doc, i: int) -> str:
    text = token_view(doc).text[i]  # no Token made
    return text if text.isupper() and len(text) > 1 else text.lower()


def head_before(doc: Doc, i: int) -> CategoryHead | None:
    """Return the category head whose last word is token ``i`` (centre hospitalier | de)."""
    for head in category_heads().get(_word(doc, i), ()):
        first = i - len(head.words) + 1
        if first >= 0 and tuple(_word(doc, k) for k in range(first, i + 1)) == head.words:
            return head
    return None


def of_before(doc: Doc, start: int) -> int:
    """Return the index of the 'de' (du, des, d') that links a name at ``start`` to the noun
    before it, over an article (de la, de l'); -1 when there is none."""
    lower = token_view(doc).lower  # asked for every name: the words off the columns
    i = start - 1
    if i >= 0 and lower[i] in ARTICLES and i - 1 >= 0 and lower[i - 1] == "de":
        i -= 1  # de la / de l'
    return i if i >= 0 and lower[i] in OF else -1


@dataclass(frozen=True)
class Extension:
    """Where a name starts once its category head is taken in."""

    start: int
    label: str | None = None  # the label the head gives (None: keep the span's)
    seat: bool = False  # the name after the head is a town, a place of its own too


def left(
    doc: Doc, start: int, end: int, extend_heads: frozenset[str], town_heads: frozenset[str]
) -> Extension:
    """Take in 'plage du', 'banc d'', 'mairie de la', 'centre hospitalier de' before a name."""
    i = of_before(doc, start)
    if i < 1:
        return Extension(start)
    bare = doc[i].lower_ in ("de", "d'") and i + 1 == start
    if doc[i - 1].lower_ in extend_heads:
        # 'plage de Vendays-Montalivet' names a beach by its town; 'plage du Truquet' is a name.
        town = doc[i - 1].lower_ in town_heads and not countries.french_division(doc[start:end].text)
        if not bare or not town:  # la préfecture d'Ille-et-Vilaine (a département) is the office
            return Extension(i - 1)
        return Extension(start)
    # A head of category_heads.tsv: a natural feature (la lagune de Carrizal: the name is the
    # lagoon's, LOC, whatever the model said) or an establishment named by its seat (le centre
    # hospitalier de Vierzon, le CHU d'Angers: ORG). A seat after a bare de is a town, which
    # stays a place of its own as a court's does (des Sables-Blancs, with its article, names
    # the establishment only).
    head = head_before(doc, i - 1)
    if head is not None:
        return Extension(i - len(head.words), head.label, bare and head.kind != "feature")
    return Extension(start)


# The linking words of French compound commune names after a hyphen, as INSEE's Code officiel
# géographique spells them (Licence Ouverte): Clermont-l'Hérault, Bourg-en-Bresse,
# Villeneuve-lès-Avignon, Bar-sur-Aube, Saint-Rémy-de-Provence, Vitry-aux-Loges. The model
# splits the name where an elided article follows the hyphen (Clermont | - | l' | Hérault).
_COMMUNE_LINKS = frozenset("l' l’ d' d’ le la les de du des en lès lez sur sous aux au".split())


_DASHES = ("-", "–")  # a hyphen, and the en dash of Québec's region names (Saguenay–Lac-Saint-Jean)


def hyphen_tail(doc: Doc, end: int) -> int:
    """Extend a name over hyphens glued to it and the capitalised words after them, with a
    commune name's linking words between (Pyrénées | -Atlantiques, Clermont | -l'Hérault).
    A span that ends on the hyphen itself (Capesterre-Belle- | Eau) takes the word after it:
    a name never ends inside a written word."""
    view = token_view(doc)  # asked for every name: words and spaces off the columns
    text, lower, spaced = view.text, view.lower, view.spaced
    if end >= 2 and text[end - 1] == "-" and not spaced[end - 2]:
        end -= 1  # the model's span stops after the hyphen: the loop below takes the word
    while end + 1 < len(doc) and text[end] == "-" and not spaced[end - 1]:
        k = end + 1
        while k < len(doc) and not spaced[k - 1] and lower[k] in _COMMUNE_LINKS:
            k += 1  # l' | Hérault, -sur- | Aube when the model splits them
        if k >= len(doc) or spaced[k - 1] or not text[k][:1].isupper():
            break
        end = k + 1
    return end


@cache
def _legal_forms() -> frozenset[str]:
    """Read the companies' legal forms of ``type_evidence.json`` once (SA, inc., Ltd)."""
    return frozenset(tables.read_json("type_evidence.json")["legal_forms"])


def legal_form_tail(doc: Doc, start: int, end: int) -> int:
    """Extend a name over the legal form right after it (Énergies Valdor | SA, Immeubles
    Laval | inc.): the model often stops a company's registered name before it."""
    view = token_view(doc)  # asked for every name: the words off the columns
    if end >= len(doc) or end - start < 1 or not view.spaced[end - 1]:
        return end
    word = view.text[end]
    if word in _legal_forms() or (word + "." in _legal_forms() and word[:1].islower()):
        return end + 1
    return end


def glued_by_dash(doc: Doc, end: int, start: int) -> bool:
    """Tell whether two names are the halves of one compound written with a hyphen or an
    en dash and no space (Saguenay | – | Lac-Saint-Jean, Alsace | - | Moselle), which the
    model tags as two spans."""
    view = token_view(doc)  # words and spaces off the columns: no Token made
    return (
        start == end + 1
        and view.text[end] in _DASHES
        and not view.spaced[end - 1]
        and not view.spaced[end]
        and view.text[start][:1].isupper()
    )


def _last_participle(doc: Doc, j: int, i: int, before: tuple[str, ...] = ("NOUN", "ADJ")) -> bool:
    """Tell whether a participle ends a complement, with a punctuation mark after it (de
    l'action violente | motorisée,): part of the name. One followed by a word is a predicate
    (l'Office de la sécurité alimentaire | saisi du dossier)."""
    after = doc[j + 1] if j + 1 < len(doc) else None
    return (
        j > i
        and doc[j].text.endswith(("é", "ée", "és", "ées"))
        and (after is None or after.is_punct)
        and doc[j - 1].pos_ in before
    )


def to_gloss(doc: Doc, end: int) -> int:
    """Extend an organisation's name over one or two lower-case words that end it right
    before its acronym in brackets (Brigade de répression de l'action violente | motorisée
    (Brav-M)): the acronym glosses the whole name, so the name runs to the bracket."""
    for k in (end, end + 1):
        if doc[k : k + 1].text == "(" and _acronym_after(doc, k + 1):
            words = doc[end:k]
            if words and all(t.text.isalpha() and t.text.islower() and t.pos_ != "ADP" for t in words):
                return k
            return end
        if k >= len(doc) or not doc[k].text.islower():
            break
    return _spelled_gloss(doc, end)


def _spelled_gloss(doc: Doc, end: int) -> int:
    """Extend a name over the lower-case words before its acronym in brackets when the
    acronym spells the whole (Office central de lutte contre la corruption | et les
    infractions financières et fiscales (OCLCIFF)): the acronym says where the name ends."""
    start = doc[end - 1].sent.start if end > 0 else 0
    for k in range(end, min(end + 10, len(doc) - 1)):
        token = doc[k]
        if token.text == "(":
            close = next((j for j in range(k + 2, min(k + 4, len(doc))) if doc[j].text == ")"), None)
            if k == end or close is None or not _acronym_after(doc, k + 1):
                return end
            acronym = doc[k + 1 : close].text
            # The name opens on a capitalised word before ``end``: try each one.
            heads = [i for i in range(max(start, end - 12), end) if doc[i].text[:1].isupper()]
            return k if any(acronym in acronym_forms(doc[i:k].text) for i in heads) else end
        if not (token.text.islower() or token.text == ","):
            return end
    return end


def _acronym_after(doc: Doc, i: int) -> bool:
    """Tell whether an acronym and a closing bracket follow (ANSM), (Brav-M), (Ofast)."""
    close = next((k for k in range(i, min(i + 4, len(doc))) if doc[k].text == ")"), None)
    text = doc[i:close].text if close is not None else ""
    capitals = sum(map(str.isupper, text))
    return 2 <= len(text) <= 12 and text[:1].isupper() and " " not in text and capitals >= 2


def adjectives(doc: Doc, end: int) -> int:
    """Extend over at most two lower-case adjectives right after an organisation head
    (Conseil | constitutionnel, Parquet | national financier); not over a participle or a
    word after a comma."""
    for _ in range(2):
        if end >= len(doc) or doc[end - 1].whitespace_ == "":
            break
        token = doc[end]
        if _last_participle(doc, end, end - 1, ("ADJ",)):
            end += 1  # l'action violente | motorisée, : a participle after an adjective ends it
            break
        if not (token.text[:1].islower() and token.pos_ == "ADJ" and token.tag_ != "VERB"):
            break
        if token.text.endswith(("é", "ée", "és", "ées")):
            break  # a participle: la Commission saisie
        end += 1
    return _coordinated(doc, end)


def _coordinated(doc: Doc, end: int) -> int:
    """Extend a name that ends with a lower-case adjective over adjectives coordinated with
    it (Comité national olympique | et sportif français, Conseil économique | , social et
    environnemental): the list must close with 'et' and an adjective, then at most one more
    adjective (français) may follow."""
    if end >= len(doc) or not _plain_adjective(doc[end - 1]):
        return end
    i = end
    while i + 1 < len(doc) and doc[i].text == "," and _plain_adjective(doc[i + 1]):
        i += 2
    if i + 1 >= len(doc) or doc[i].lower_ != "et" or not _plain_adjective(doc[i + 1]):
        return end
    i += 2
    if i < len(doc) and _plain_adjective(doc[i]) and doc[i - 1].whitespace_:
        i += 1
    return i


def _plain_adjective(token: Token) -> bool:
    """Tell whether a token is a lower-case adjective that is no participle."""
    return (
        token.text[:1].islower() and token.pos_ == "ADJ" and not token.text.endswith(("é", "ée", "és", "ées"))
    )


def org_complements(doc: Doc, end: int, calendar: frozenset[str] = frozenset()) -> int:
    """Extend over '(et) de (la) lower-case nouns' complements, at most three; a date is
    not a complement (Conseil européen | de mi-mars)."""
    for _ in range(3):
        i = end
        if i < len(doc) and doc[i].lower_ == "et":
            i += 1
        # 'pour' too: Rassemblement pour une ville durable, Comité pour l'abolition…
        if i >= len(doc) or doc[i].lower_ not in OF | {"pour"}:
            break
        purpose = doc[i].lower_ == "pour"
        i += 1
        if i < len(doc) and doc[i].lower_ in ARTICLES | {"un", "une"}:
            i += 1
        elif purpose:
            break  # a bare noun after 'pour' is a charge or a cause (saisir la Ligue | pour diffamation)
        j = i
        while (
            j < len(doc)
            and doc[j].text[:1].islower()
            and (doc[j].pos_ in ("NOUN", "ADJ") or _last_participle(doc, j, i))
        ):
            j += 1
        if j == i or doc[i].pos_ != "NOUN" or doc[i].lower_.removeprefix("mi-") in calendar:
            break
        end = _lower_compound(doc, j)
    return end


def coordinated_complement(doc: Doc, start: int, end: int, calendar: frozenset[str] = frozenset()) -> int:
    """Extend a name that ends on a lower-case complement over the complements coordinated
    with it by *et* (Haute Autorité de l'audiovisuel | et de la communication; Fédération de
    la chasse | et de la pêche): the list goes on the name's own complement."""
    view = token_view(doc)
    if end >= len(doc) or view.lower[end] != "et" or end - start < 3:
        return end
    if (
        not view.text[end - 1][:1].islower()
        or view.pos[end - 1] != "NOUN"
        or view.lower[end - 2] not in OF | ARTICLES
    ):
        return end
    return org_complements(doc, end, calendar)


def _lower_compound(doc: Doc, end: int) -> int:
    """Extend a complement over the rest of a lower-case compound the tokenizer cut at its
    hyphen (Union des commerçants du centre | -ville, Comité de l'arrière | -pays)."""
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end - 1].text.isalpha()
        and doc[end - 1].text.islower()
        and doc[end + 1].text.isalpha()
        and doc[end + 1].text.islower()
    ):
        end += 2
    return end


def place_complement(doc: Doc, end: int) -> int:
    """Extend an organisation's name, grown over its lower-case words, over the place that
    closes it (Comité départemental olympique et sportif | de la Loire, Fédération des
    chasseurs | de la Somme), or over the event it was founded for (Comité organisateur |
    des Jeux olympiques, Comité d'organisation | de la Coupe du monde): the model tags the
    place or the event alone once the name has been cut before it. The place stays an
    entity of its own; the event, a MISC name, is none."""
    i = end
    if i < len(doc) and doc[i].lower_ in OF:
        i += 1
        if i < len(doc) and doc[i].lower_ in ARTICLES:
            i += 1
    if i == end or i >= len(doc) or doc[i].ent_type_ not in ("LOC", "MISC") or doc[i].ent_iob_ != "B":
        return end
    event = doc[i].ent_type_ == "MISC"
    j = i + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    coordinated = j + 1 < len(doc) and doc[j].lower_ == "et" and doc[j + 1].text[:1].islower()
    if event and coordinated and doc[j + 1].pos_ == "ADJ":
        j += 2  # des Jeux olympiques | et paralympiques
    return j


def join_split_names(parsed: Doc) -> list[Span]:
    """Return the NER spans with an organisation name cut in two made whole again
    (Comité Régional + de la + Conchyliculture Arcachon Aquitaine)."""
    spans: list[Span] = []
    for span in parsed.ents:
        # Saguenay–Lac-Saint-Jean is one region; Paris–Dakar, two capitals, a route.
        if (
            spans
            and glued_by_dash(parsed, spans[-1].end, span.start)
            and not (_country(spans[-1].text) or _country(span.text))
        ):
            spans[-1] = Span(parsed, spans[-1].start, span.end, label=spans[-1].label_)
            continue
        if spans and spans[-1].label_ == "ORG" and span.label_ != "PER":
            previous = spans[-1]
            between = token_view(parsed).lower[previous.end : span.start]
            joined = (
                (
                    between[:1]
                    and between[0] in OF
                    and all(w in OF | ARTICLES for w in between)
                    and len(between) <= 2
                )
                or (
                    # Union sportive de + Kervallon, cut inside its de: joined only where the
                    # article abbreviates the whole (US Kervallon), since the join alone cost
                    # entity F1 on the held-out real articles (lead's totals, eighth session).
                    not between and previous[-1].lower_ in OF and _abbreviated(parsed, previous, span)
                )
                or (
                    # Forces motrices de la + Sarine SA: a legal form closes a company's
                    # registered name, so a span cut after its de (la) runs on to it.
                    not between
                    and previous[-1].lower_ in OF | ARTICLES
                    and len(span) > 1
                    and span[-1].text in _legal_forms()
                )
            )
            # ministère de l'Agriculture + et de l' + Alimentation; ministère de la Santé + , de
            # la + Population: a ministry's or a body's remits in a list are one name.
            remit = not joined and _coordinated_remit(parsed, previous, span)
            # l'Institut Pasteur + de + Madagascar (IPM): the acronym holds the country
            if (joined or remit) and (
                not _country(span.text) or spelled_whole(parsed, previous.start, span.end)
            ):
                end = span.end
                while remit and end < len(parsed) and end < span.end + 2 and _plain_adjective(parsed[end]):
                    end += 1  # … et de la Réforme | hospitalière: the remit's adjective
                spans[-1] = Span(parsed, previous.start, end, label="ORG")
                continue
        spans.append(span)
    return spans


def _coordinated_remit(parsed: Doc, previous: Span, span: Span) -> bool:
    """Tell whether a span is one more remit of the organisation's name before it: that name
    ends on a capitalised complement (ministère de l'Agriculture, de la Santé), the span is
    joined to it by *et de* or *, de* (du, des, de la, de l') and opens, after its article, on
    a capitalised common noun (Alimentation, Population, la Réforme); not on a name of its
    own (ministère de l'Intérieur et de Matignon: two bodies)."""
    view = token_view(parsed)
    if len(previous) < 3 or view.lower[previous.end - 2] not in OF | ARTICLES:
        return False
    if not view.text[previous.end - 1][:1].isupper():
        return False
    between = view.lower[previous.end : span.start]
    if len(between) < 2 or between[0] not in ("et", ",") or between[1] not in OF:
        return False
    if not all(w in OF | ARTICLES for w in between[1:]):
        return False
    first = span.start + (1 if view.lower[span.start] in ARTICLES else 0)
    word = view.text[first] if first < span.end else ""
    return word[:1].isupper() and is_common_noun(word.lower()) and not _country(word)


def _abbreviated(parsed: Doc, head: Span, seat: Span) -> bool:
    """Tell whether the text elsewhere writes a name cut after its *de* as a prefix of
    capitals and the seat (Union sportive de + Kervallon: US Kervallon)."""
    words = [t.text for t in head if t.lower_ not in OF and t.text[:1].isalpha()]
    prefix = "".join(w[:1].upper() for w in words)
    return len(prefix) >= 2 and f"{prefix} {seat.text}" in doc_text(parsed)


def _country(text: str) -> bool:
    return bool(countries.country_code(text) or countries.capital_country(text))
