"""Drop the actor's own side from the recipients of its act: companions and own bodies.

A locution of accompaniment (Grevisse, *Le Bon Usage*, § 1041: *aux côtés de*, *en
compagnie de*) names who acts along with the subject, not whom the act is aimed at: *Le
ministre a visité les quartiers sinistrés aux côtés du préfet X* is a visit with the
prefect, no meeting of the minister with him (PLOVER CONSULT is between a visitor and a
host). The parser often hangs the name after a title on the verb, so the phrase is read
from the word order: walking back from a party's mention to the locution, through its
title, complements, commas and coordinations, and stopping at a verb or a strong stop.

A person who holds an office of a body (``Entity.roles``: *le délégué CGT Karim Benali*)
speaks for it: the body is on the actor's side, not the one accused or asked.

So is a party told only as the complement of the actor's own name (*le Conseil de l'UE*,
*le gouvernement du Québec*, *la police de Bruxelles*): it says whose organ or office the
actor is, so it is on the actor's side: *Les sanctions adoptées par le Conseil de l'UE
gèlent les avoirs de …* aims at no Union.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from veille.analysis.events.roles import RoleReader, Roles
from veille.analysis.lang.fr.words import OF

_LOCUTIONS = (("aux", "côtés"), ("en", "compagnie"))
_STOPS = frozenset({".", ";", ":", "!", "?", "«", "»"})
_REACH = 20  # words walked back from a mention: a title, its complements, a coordination


def without_companions(token: Token, roles: Roles, reader: RoleReader) -> Roles | None:
    """Return the roles without recipients named only in a phrase of accompaniment, or None
    when no recipient is left."""
    own = _own_bodies(reader, roles.actors)
    kept = tuple(
        e
        for e in roles.recipients
        if e not in own
        and not _companion(token, reader, e)
        and not _actor_complement(token, reader, roles, e)
    )
    if len(kept) == len(roles.recipients):
        return roles
    return dataclasses.replace(roles, recipients=kept) if kept else None


def _companion(trigger: Token, reader: RoleReader, entity_id: str) -> bool:
    told = reader.told_in_sentence(trigger, entity_id)
    return bool(told) and all(_accompanied(trigger, m.start) for m in told)


def _accompanied(trigger: Token, start: int) -> bool:
    """Say whether the words before a mention lead back to a locution of accompaniment."""
    doc = trigger.doc
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    first = span.start
    floor = max(trigger.sent.start, first - _REACH)
    for index in range(first - 1, floor, -1):
        word = doc[index]
        if index == trigger.i or word.text in _STOPS or word.pos_ in ("VERB", "AUX"):
            return False
        if (doc[index - 1].lower_, word.lower_) in _LOCUTIONS:
            return True
    return False


def _own_bodies(reader: RoleReader, actors: tuple[str, ...]) -> set[str]:
    """Return the bodies the actors hold an office of (*le délégué CGT Karim Benali*: the
    CGT): a person speaks for them, so they are on the actor's side, never the recipient."""
    out: set[str] = set()
    for actor in actors:
        entity = reader.doc.entity(actor)
        if entity is not None and entity.type == "PER":
            out.update(role.of for role in entity.roles if role.of)
    return out


def _actor_complement(trigger: Token, reader: RoleReader, roles: Roles, entity_id: str) -> bool:
    """Say whether a recipient is told in the trigger's sentence only as the de-complement
    of an actor's mention (*le Conseil de l'UE*: the Union qualifies the Council)."""
    told = reader.told_in_sentence(trigger, entity_id)
    return bool(told) and all(_qualifies_actor(trigger, reader, roles, m.start, m.end) for m in told)


def _qualifies_actor(trigger: Token, reader: RoleReader, roles: Roles, start: int, end: int) -> bool:
    span = trigger.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    named = root.head  # the noun the complement hangs on
    return (
        root.dep_ == "nmod"
        and any(c.dep_ == "case" and c.lower_ in OF for c in root.children)
        and reader.index.entity_at(named.idx) in roles.actors
    )
