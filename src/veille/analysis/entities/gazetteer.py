"""Find the names of organisations the alias table knows, where the model cut them.

The French model tags the common words of some names as other things or cuts the name at a
lower-case word: *La France insoumise* → *France* (a place), *Force ouvrière* → *Force*,
*les Nations unies* → *Nations*. A name of several words listed in ``org_aliases.tsv`` is
taken whole wherever the text spells it with a capital (accents, case and apostrophes
folded), and its leading article stays outside the name as it does for every name.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Protocol, TypeVar

from spacy.tokens import Doc

from veille.analysis.entities.referents import load_referents
from veille.analysis.entities.spans import untagged_courts
from veille.analysis.lang.fr import countries, tables
from veille.analysis.lang.fr.words import ACRONYM_SKIPPED, ARTICLES, OF, TO
from veille.analysis.parse import doc_text
from veille.analysis.syntax.view import token_view
from veille.normal import fold, name_key, word_key

_LONGEST = 12  # tokens: the longest listed names (Organisation du traité de l'Atlantique nord)


# Nouns after which a listed one-word name is the organisation (le parti Reconquête, le
# syndicat Solidaires): alone, the word may be a common noun (la renaissance, des horizons).
_INTRODUCERS = frozenset("parti mouvement formation syndicat union confédération liste".split())


@cache
def known_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Return the keys of the listed names of two words or more (without a leading
    article), the keys of their first words, and the listed names of one word."""
    names: set[str] = set()
    single: set[str] = set()
    for line in tables.read_text("org_aliases.tsv").splitlines():
        if line and not line.startswith("#"):
            for name in line.split("\t"):
                key = name_key(name)
                (names if len(key.split()) >= 2 else single).add(key)
    return frozenset(names), frozenset(name.split()[0] for name in names), frozenset(single)


def known_spans(doc: Doc) -> list[tuple[int, int]]:
    """Return the token spans of listed names in the text, longest first at each start,
    never two overlapping."""
    names, firsts, single = known_names()
    view = token_view(doc)
    text, lower, idx, punct, space = view.text, view.lower, view.idx, view.is_punct, view.is_space
    full = doc_text(doc)  # doc[i:j].text is full[idx[i] : idx[j - 1] + len(text[j - 1])]
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if text[i][:1].isupper() and i > 0 and lower[i - 1] in _INTRODUCERS:
            if word_key(text[i]) in single:
                found.append((i, i + 1))  # le parti Reconquête, which the model leaves untagged
                i += 1
                continue
        if not text[i][:1].isupper() or word_key(text[i]) not in firsts:
            i += 1
            continue
        end = next(
            (
                j
                for j in range(min(i + _LONGEST, len(doc)), i + 1, -1)
                if not (punct[j - 1] or space[j - 1])
                and word_key(full[idx[i] : idx[j - 1] + len(text[j - 1])]) in names
            ),
            None,
        )
        if end is None:
            i += 1
            continue
        found.append((i, end))
        i = end
    return found


class _Span(Protocol):
    start: int
    end: int
    label: str


S = TypeVar("S", bound=_Span)


def with_known(candidates: list[S], doc: Doc, make: Callable[[int, int, str], S]) -> list[S]:
    """Put the whole of a listed organisation's name in place of the pieces the model made
    of it (La France insoumise: not the place France), unless a longer name holds it; a
    name cut inside it is completed (Conseil de sécurité des Nations | unies). Then add the
    courts named by a seat the model left untagged (la cour d'appel de Douai)."""
    for start, end in known_spans(doc):
        if any(c.start <= start and end <= c.end for c in candidates):
            continue
        start = min([start] + [c.start for c in candidates if c.start < start < c.end and c.label == "ORG"])
        candidates = [c for c in candidates if c.end <= start or end <= c.start]
        candidates.append(make(start, end, "ORG"))
    taken = {i for c in candidates for i in range(c.start, c.end)}
    for court, seat, end in untagged_courts(doc, taken):
        candidates += [make(court, end, "ORG"), make(seat, end, "LOC")]
    candidates += [make(start, end, "LOC") for start, end in untagged_countries(doc, taken)]
    terms, institutions = glossed_acronyms(doc)
    text = token_view(doc).span_text
    candidates = [c for c in candidates if text(c.start, c.end) not in terms]
    taken = {i for c in candidates for i in range(c.start, c.end)}
    candidates += [
        make(start, end, "ORG") for start, end in institutions if taken.isdisjoint(range(start, end))
    ]
    return _join_first_names(sorted(candidates, key=lambda c: c.start), doc, make)


# Words before a country's name in French: its article, or a preposition that absorbs it
# (en France, au Mali, aux États-Unis); Israël, Cuba and Chypre take none (à Chypre).
_COUNTRY_OPENERS = ARTICLES | OF | TO | {"en"}


def untagged_countries(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Return the spans of country names (data/countries.tsv) the model left untagged (Le
    Maroc et l'| Espagne: the second of two coordinated countries is often missed), each
    after an article or preposition, so that a first name that is also a country's
    (Salvador, Maurice) stays a person's."""
    found: list[tuple[int, int]] = []
    taken = set(taken)  # the caller's set stays as it was
    view = token_view(doc)
    text, lower = view.text, view.lower
    for i in range(1, len(doc)):
        if i in taken or not text[i][:1].isupper() or lower[i - 1] not in _COUNTRY_OPENERS:
            continue
        for end in range(min(i + 4, len(doc)), i, -1):  # Corée du Nord, République tchèque
            if any(k in taken for k in range(i, end)) or not text[end - 1][:1].isalpha():
                continue
            if countries.country_code(doc[i:end].text) and not (
                end < len(doc) and doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN"
            ):
                found.append((i, end))
                taken.update(range(i, end))
                break
    return found


_GLUE = frozenset("de du des d' la le l' les à au aux et en".split())


def term_acronyms(doc: Doc) -> set[str]:
    """Return the acronyms the text glosses with a lower-case noun phrase, terms and not
    organisations: l'indice de masse corporelle (IMC), les missiles balistiques
    intercontinentaux (MBI)."""
    return glossed_acronyms(doc)[0]


def glossed_acronyms(doc: Doc) -> tuple[set[str], list[tuple[int, int]]]:
    """Return the acronyms glossed by a lower-case noun phrase that are terms (l'indice de
    masse corporelle (IMC)), and the spans of the phrases that name an organisation: those
    whose head is an organisation noun (l'agence régionale de santé (ARS), la
    sous-direction de la lutte contre la cybercriminalité (SDLC)): French writes the names
    of State services in lower case, and the acronym in brackets makes the phrase a name."""
    found: set[str] = set()
    institutions: list[tuple[int, int]] = []
    text = token_view(doc).text
    for i in range(2, len(doc) - 1):
        acronym = text[i]
        if text[i - 1] != "(" or text[i + 1] != ")" or not acronym.isupper():
            continue
        words: list[str] = []
        k = i - 2
        while k >= 0 and len(words) < len(acronym) and doc[k].text.islower():
            if not (doc[k].text.replace("-", "").isalpha() or fold(doc[k].text) in _GLUE):
                break
            if doc[k].lower_ not in _GLUE:
                words.append(doc[k].lower_)
            k -= 1
        letters = "".join(p[0] for w in reversed(words) for p in w.split("-") if p not in ACRONYM_SKIPPED)
        if len(acronym) < 2 or letters != acronym.lower():
            continue
        if words[-1].rsplit("-", 1)[-1] in _org_nouns():
            institutions.append((k + 1, i - 1))
        else:
            found.add(acronym)
    return found, institutions


@cache
def _org_nouns() -> frozenset[str]:
    """Return the heads of French organisation names, in lower case (agence, direction)."""
    return frozenset(fold(w) for w in tables.read_json("entity_rules.json")["org_heads"])


def _join_first_names(candidates: list[S], doc: Doc, make: Callable[[int, int, str], S]) -> list[S]:
    """Give back to a person's name the first name the model cut off or tagged apart
    (Marine | Le Pen: it tags Marine ORG at a sentence start): a capitalised first name
    of ``first_names.tsv`` right before a PER span, untagged or tagged alone."""
    first_names = load_referents().first_names
    by_start = {c.start: c for c in candidates}
    result: list[S] = []
    for candidate in candidates:
        k = candidate.start - 1
        alone = by_start.get(k) if k >= 0 else None
        glued = (
            candidate.label == "PER"
            and k >= 0
            and doc[k].whitespace_
            and doc[k].text[:1].isupper()
            and not doc[k].text.isupper()
            and word_key(doc[k].text) in first_names
            and (alone is None or (alone.end == candidate.start and alone.label != "LOC"))
            and not (countries.country_code(doc[k].text) or countries.capital_country(doc[k].text))
            and (alone is not None or not any(c.start <= k < c.end for c in candidates))
        )
        if glued:
            if alone is not None and alone in result:
                result.remove(alone)
            candidate = make(k, candidate.end, "PER")
        result.append(candidate)
    return result
