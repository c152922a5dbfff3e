"""Tell a trigger word whose neighbour turns it away from the listed act.

Three classes, each read off the parse (the first and the last with a sourced table of
``events_lexicon.json``, ``flow_adjectives`` and ``projectiles``; docs/events.md, Ninth
session: triggers):

- a relational adjective of a domain on an *échange* noun makes it a flow of goods, money,
  people or works (*les échanges commerciaux entre Lomé et Accra ont progressé*; TLFi
  « échange » B), not a talk (PLOVER CONSULT): *de vifs échanges entre les deux ministres*
  and *des échanges téléphoniques* stay talks;
- a meeting noun that the subject leaves (*ont quitté la table des négociations*, *a
  quitté la réunion*; TLFi « quitter ») tells a walk-out, not a meeting (PLOVER CONSULT);
- *tirer* with a direct object is an armed act only when the object is a projectile
  (*a tiré des obus sur la ville*; TLFi « tirer » C); any other object is drawn or
  concluded (*a tiré un trait sur ses promesses*, *tire les leçons de l'échec*).
"""

from __future__ import annotations

from spacy.tokens import Token

from veille.analysis.events.lexicon import EventLexicon, Trigger


def turned_away(token: Token, trigger: Trigger, lexicon: EventLexicon) -> bool:
    """Say whether a word beside the trigger makes it no event of its row's type."""
    lemma = token.lemma_.lower()
    if trigger.pos == "NOUN" and trigger.type == "CONSULT" and _left(token):
        return True  # ont quitté la table des négociations: a walk-out, no meeting told
    if trigger.pos == "NOUN":
        singular = lemma if lemma in lexicon.flow_adjectives else lemma.rstrip("s")
        domains = lexicon.flow_adjectives.get(singular)
        return domains is not None and any(_is_domain(child, domains) for child in token.children)
    if trigger.type == "ASSAULT" and lemma == "tirer":
        drawn = [c for c in token.children if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN")]
        return any(not _projectile(c, lexicon) for c in drawn)
    return False


def _left(noun: Token) -> bool:
    """Say whether a meeting noun is what its clause's subject leaves (*a quitté la réunion*,
    *ont quitté la table des négociations*; TLFi « quitter »: s'en aller d'un lieu, cesser
    d'être avec): the object of *quitter*, or the complement of that object."""
    node = noun
    for _ in range(2):
        if node.dep_ == "obj" and node.head.lemma_.lower() == "quitter":
            return True
        if node.dep_ != "nmod" or node.head.pos_ != "NOUN":
            return False
        node = node.head
    return False


def _is_domain(child: Token, domains: frozenset[str]) -> bool:
    """Say whether a child of the noun is an adjective of one of the domains (by lemma or
    by its masculine singular read off the form: commerciaux, culturelles)."""
    if child.dep_ != "amod" or child.pos_ != "ADJ":
        return False
    return child.lemma_.lower() in domains or child.lower_ in domains


def _projectile(noun: Token, lexicon: EventLexicon) -> bool:
    """Say whether a noun names a projectile (by lemma, form or the form less a plural mark)."""
    forms = (noun.lemma_.lower(), noun.lower_, noun.lower_.rstrip("sx"))
    return any(form in lexicon.projectiles for form in forms)
