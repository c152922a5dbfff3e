"""Read who an act belongs to from an adjective of nationality, and where it happens.

*une frappe américaine*, *la police turque*: the adjective names the country as the party,
when the document names that country; *à Miami*, *au Kremlin*: the place of the event;
*le long de la frontière avec X*: the neighbour forces are massed against.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from veille.analysis.events.bodies import named_body
from veille.analysis.events.shape import case_of
from veille.analysis.lang.fr.countries import capital_country, country_code, demonym
from veille.analysis.lang.fr.words import OF
from veille.analysis.syntax.clauses import own_clause
from veille.analysis.syntax.view import token_view

if TYPE_CHECKING:
    from veille.analysis.events.roles import RoleReader

_PLACE_CASES = frozenset({"à", "au", "aux", "en", "dans"})
# Nouns of an armed or police act whose adjective of nationality names its author when a
# passive verb has no par-agent (abattu … lors d'une frappe américaine).
_ACT_NOUNS = frozenset({"frappe", "bombardement", "raid", "attaque", "opération", "offensive", "tir"})


def national(reader: RoleReader, head: Token) -> list[str]:
    """Return the country an adjective of nationality on a phrase names (une frappe
    américaine, la police turque, un diplomate algérien), when the document names that
    country as an entity: an event's parties are entities of the document."""
    if head.lemma_.lower() not in reader.national_heads and head.lower_ not in reader.national_heads:
        return []
    return adjective_country(reader, head)


def adjective_country(reader: RoleReader, head: Token) -> list[str]:
    """Return the country an adjective of nationality after ``head`` names, when the
    document names it (the country, else its capital), whatever the head noun."""
    for child in head.children:
        if child.i < head.i or not (child.dep_ == "amod" or (child.dep_ == "nmod" and child.pos_ == "ADJ")):
            continue  # (the parser labels some adjectives nmod: l'armée birmane)
        found = demonym(child.text)
        if found is None or child.text[:1].isupper():
            continue  # a capitalised demonym is a people (les Russes), read elsewhere
        places = [e for e in reader.doc.entities if e.type in ("LOC", "ORG")]
        for entity in places:
            if country_code(entity.name) == found.iso3:
                # l'armée congolaise, the document naming the Forces armées de la RDC: both
                return [entity.id, *named_body(reader.doc, head, found.iso3)]
        for entity in places:  # des frappes soudanaises, Khartoum named: the capital acts
            if entity.type == "LOC" and capital_country(entity.name) == found.iso3:
                return [entity.id]
    return []


def act_author(reader: RoleReader, verb: Token) -> list[str]:
    """Return the author of an armed act a passive verb without par-agent names in its
    complement (*tué dans une frappe américaine*). A complex preposition (*lors d'une
    frappe*, *au cours d'un raid*, *à la suite d'une attaque*) makes its first word the
    verb's dependent and the act noun that word's de-complement: the act is read one step
    down (Grevisse, *Le Bon Usage*, locutions prépositives)."""
    for child in _act_complements(verb):
        if child.lemma_.lower() in _ACT_NOUNS:
            found = national(reader, child) or [
                e for c in child.children if c.dep_ == "nmod" and case_of(c) in OF for e in reader.group(c)
            ]
            if found:
                return found
    return []


def _act_complements(verb: Token) -> list[Token]:
    """Return a verb's obliques and the de-complements of the first word of a complex
    preposition among them (*lors* of *lors d'une frappe*, *cours* of *au cours d'un raid*)."""
    out = []
    for child in verb.children:
        if child.dep_.startswith("obl"):
            out.append(child)
        if child.dep_.startswith("obl") or (child.dep_ == "advmod" and child.lower_ == "lors"):
            out.extend(c for c in child.children if c.dep_ in ("nmod", "obl:arg") and case_of(c) in OF)
    return out


def event_place(reader: RoleReader, trigger: Token, parties: set[str]) -> str | None:
    """Return the place of the event: a LOC entity after à, au, en or dans in its phrase."""
    scope = list(trigger.subtree) if trigger.pos_ == "NOUN" else own_clause(trigger)
    if trigger.pos_ == "NOUN" and trigger.dep_.startswith("nsubj"):
        scope.extend(own_clause(trigger.head))  # les discussions … ont repris à Riyad
    for token in scope:
        if case_of(token) not in _PLACE_CASES:
            continue
        found = reader.index.entity_at(token.idx)
        if found is not None and found not in parties and reader.types.get(found) == "LOC":
            return found
    return None


def convener(reader: RoleReader, trigger: Token) -> list[str]:
    """Return who called a collective act whose doers name nobody: the *de*-complement of
    *à l'appel de X*, *à l'initiative de X* in the trigger's sentence (*plusieurs
    centaines de personnes ont manifesté devant l'ambassade, à l'appel de la COB*)."""
    sentence = trigger.sent
    view = token_view(trigger.doc)  # asked for each trigger: the words read off the shared view
    lower = view.lower
    for i in range(sentence.start, sentence.end):
        if lower[i] not in ("appel", "initiative") or i < 2:
            continue
        if lower[i - 2] not in ("à", "sur"):
            continue
        for child in view.tokens[i].children:
            if child.dep_ == "nmod" and case_of(child) in OF:
                found = reader.group(child)
                if found:
                    return found
    return []


def border_party(reader: RoleReader, verb: Token) -> list[str]:
    """Return the country a border phrase of a verb's clause names (*a déployé deux
    bataillons le long de la frontière avec le Tadjikistan*, *masse des troupes à la
    frontière ukrainienne*): PLOVER MOBILIZE is aimed at the neighbour across it."""
    for word in own_clause(verb, with_participles=False):
        if word.lemma_.lower() != "frontière":
            continue
        for child in word.children:
            if child.dep_ in ("nmod", "conj") and case_of(child) == "avec":
                found = reader.group(child)
                if found:
                    return found
            if child.dep_ == "amod" and child.i > word.i:
                found = _country_named(reader, child.text)
                if found:
                    return found
        # The parser may hang *avec X* on another word of the clause: read the word order.
        doc = word.doc
        if word.i + 2 < len(doc) and doc[word.i + 1].lower_ == "avec":
            after = doc[word.i + 2 : min(word.i + 5, len(doc))]
            named = [reader.index.entity_at(t.idx) for t in after if t.pos_ in ("PROPN", "NOUN")]
            if named and named[0] is not None:
                return [named[0]]
    return []


def _country_named(reader: RoleReader, adjective: str) -> list[str]:
    """Return the document's entity for the country an adjective of nationality names."""
    nationality = demonym(adjective)
    if nationality is None:
        return []
    places = [e for e in reader.doc.entities if e.type == "LOC"]
    found = [e.id for e in places if country_code(e.name) == nationality.iso3]
    # The capital acts for a country the document names only by it (selon Islamabad).
    return (found or [e.id for e in places if capital_country(e.name) == nationality.iso3])[:1]
