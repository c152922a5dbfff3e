"""Join a national body to the organisation the document names for it.

*Le porte-parole des Forces armées de la RDC (FARDC) … L'armée congolaise a mené des frappes
contre le FLK*: the body's adjective of nationality names the country (``authors.national``),
and the document also names the body itself as an organisation of that country. The act is
the organisation's as much as its state's, so both are parties (a compound party, as the
contract allows): a user who asks what the FARDC did finds the strike, and an annotator who
codes the army or the state finds the event. The same for *la police nationale* named
*Police nationale haïtienne* before *la police haïtienne*, or *le gouvernement malien* after
*le Gouvernement de transition du Mali*.

An organisation is the body when one of its names holds the body's noun (*armée*, *forces
armées*: the noun or its plural) and names the country: a tail of the name is the country's
name or acronym (*de la RDC*), a word of it is the country's adjective (*haïtienne*), or the
entity layer gave it that country. Nothing is joined when two organisations qualify.
"""

from __future__ import annotations

from spacy.tokens import Token

from veille.analysis.lang.fr.countries import country_code, demonym
from veille.model import Document, Entity
from veille.normal import fold


def named_body(doc: Document, head: Token, iso3: str) -> list[str]:
    """Return the one organisation of country ``iso3`` whose name holds the body noun
    ``head`` (rules in the module doc), else []."""
    noun = fold(head.lemma_ or head.text)
    forms = {noun, f"{noun}s", fold(head.text)}
    found = [e.id for e in doc.entities if e.type == "ORG" and _names_body(e, forms, iso3)]
    return found if len(found) == 1 else []


def _names_body(entity: Entity, forms: set[str], iso3: str) -> bool:
    for mention in entity.mentions:
        if mention.kind != "name":
            continue
        words = mention.text.replace("-", " ").split()
        if not forms & {fold(w) for w in words}:
            continue
        if entity.country == iso3 or _of_country(words, iso3):
            return True
    return False


def _of_country(words: list[str], iso3: str) -> bool:
    """Say whether a name's words name the country: a tail (*… de la RDC*) or an adjective."""
    for i, word in enumerate(words):
        if country_code(" ".join(words[i:])) == iso3:
            return True
        nationality = demonym(word)
        if nationality is not None and nationality.iso3 == iso3 and not word[:1].isupper():
            return True
    return False
